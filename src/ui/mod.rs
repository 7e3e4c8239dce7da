//! The thin Leptos shell over the core, and the one Leaflet adapter. Compiled for the browser
//! only.

mod app;
mod context;
mod dom;
mod explorer;
mod filter_panel;
mod load;
mod map;
mod notices;
mod panic;

pub use app::App;
pub use panic::install_panic_hook;
