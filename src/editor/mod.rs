//! The editors' workbench (`edit.html`): a Leptos shell of its own beside the map's
//! [`crate::map`], over the same DOM-free core ([`crate::core::editing`]). Built into a separate
//! WebAssembly file, so the visitors' bundle carries none of it.

mod bench;
mod files;
mod form;
mod map;
mod problems;
mod save;
mod storage;
mod suggestions;
mod table;
mod workbench;

pub use workbench::Workbench;
