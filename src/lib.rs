//! Hanoi Creative Spaces Map: an interactive map of Hanoi's Network of Cultural and Creative
//! Spaces. The pure [`core`] holds the data contract and all logic; [`map`] is the map's browser
//! shell and [`editor`] the editors' workbench (`edit.html`), each a WebAssembly file of its own.

pub mod core;
#[cfg(target_arch = "wasm32")]
pub mod editor;
#[cfg(target_arch = "wasm32")]
pub mod map;
