//! What the side panel shows and opens: the result list, a space's details, walks, favourites,
//! downloads, sharing, printing, suggesting, joining and embedding.

pub(crate) mod detail_panel;
pub(crate) mod download;
pub(crate) mod embed;
pub(crate) mod embed_link;
pub(crate) mod favourites;
pub(crate) mod join;
pub(crate) mod print;
pub(crate) mod result_list;
pub(crate) mod share;
pub(crate) mod suggest_form;
pub(crate) mod trails;
