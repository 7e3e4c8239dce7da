//! The page around the map: the app and its loading, the layout (explorer and its side panel),
//! shared contexts, the URL sync, focus and announcements, notices and the panel's footer.

pub(crate) mod announce;
pub(crate) mod app;
pub(crate) mod clock;
pub(crate) mod context;
pub(crate) mod dom;
pub(crate) mod explorer;
pub(crate) mod focus;
pub(crate) mod load;
pub(crate) mod notices;
pub(crate) mod panic;
pub(crate) mod side_panel;
pub(crate) mod skip_links;
pub(crate) mod statement;
pub(crate) mod url_sync;
