//! Choosing what to see: the search box, the filter groups and panel, "open at" and "near me".

pub(crate) mod filter_group;
pub(crate) mod filter_panel;
pub(crate) mod locate;
pub(crate) mod open_filter;
pub(crate) mod search_box;
