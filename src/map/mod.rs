//! The map: the visitors' Leptos shell over the core, and the one Leaflet adapter. Compiled for
//! the browser only.

mod filters;
mod leaflet;
pub(crate) mod panels;
pub(crate) mod shell;

pub use shell::app::App;
pub use shell::panic::install_panic_hook;
