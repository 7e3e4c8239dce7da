//! The thin Leptos shell over the core, and the one Leaflet adapter. Compiled for the browser
//! only.

mod announce;
mod app;
mod clock;
mod context;
mod detail_panel;
pub(crate) mod dom;
pub(crate) mod download;
mod embed;
mod embed_link;
mod explorer;
mod favourites;
mod filter_group;
mod filter_panel;
mod focus;
mod join;
pub(crate) mod load;
mod locate;
mod map;
mod notices;
mod open_filter;
mod panic;
mod print;
mod result_list;
mod search_box;
mod share;
mod skip_links;
mod statement;
mod suggest_form;
mod trails;
mod url_sync;

pub use app::App;
pub use panic::install_panic_hook;
