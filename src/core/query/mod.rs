//! Finding spaces: the indexed catalogue, the filters and their counts, accent-insensitive search
//! and the "open at" moment.

pub mod catalogue;
pub mod facets;
pub mod filters;
pub mod fold;
pub mod open_at;
pub mod search;
