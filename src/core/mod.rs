//! The DOM-free core: the data contract, validation, filtering, search folding and texts.
//! Everything here runs natively, so `cargo test` covers it without a browser.

pub mod basemap;
pub mod catalogue;
pub mod check;
pub mod cluster;
pub mod code_set;
pub mod config;
pub mod csv_format;
pub mod data_report;
pub mod editing;
pub mod export;
pub mod facets;
pub mod favourites;
pub mod filters;
pub mod fold;
pub mod geo;
pub mod geography;
pub mod holidays;
pub mod hours;
pub mod i18n;
pub mod lang;
pub mod open_at;
// The map's static pages are written by tests on the host; the map's bundle carries none of it.
#[cfg(not(target_arch = "wasm32"))]
pub mod pages;
pub mod print;
pub mod problem;
pub mod region;
pub mod search;
pub mod space;
pub mod suggest;
pub mod suggestion;
#[cfg(not(target_arch = "wasm32"))]
pub mod synthetic;
pub mod taxonomy;
pub mod trails;
pub mod trig;
pub mod url_state;
pub mod validate;
pub mod vector_tiles;
