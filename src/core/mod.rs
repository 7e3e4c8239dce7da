//! The DOM-free core shared by the map and the editors' workbench: the data contract, checking
//! the dataset, finding spaces, geometry, texts, what goes in and out, and editing. Everything
//! here runs natively, so `cargo test` covers it without a browser.

pub mod check;
pub mod editing;
pub mod exchange;
pub mod geometry;
pub mod model;
// The map's static pages are written by tests on the host; the map's bundle carries none of it.
#[cfg(not(target_arch = "wasm32"))]
pub mod pages;
pub mod query;
#[cfg(not(target_arch = "wasm32"))]
pub mod synthetic;
pub mod text;
