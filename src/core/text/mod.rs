//! The two languages and every interface string.

pub mod i18n;
pub mod lang;
