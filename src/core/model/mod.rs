//! The data contract: what a creative space is (its fields and closed vocabularies), the city's
//! configuration, curated walks and opening hours.

pub mod code_set;
pub mod config;
pub mod holidays;
pub mod hours;
pub mod region;
pub mod space;
pub mod taxonomy;
pub mod trails;
pub mod vector_tiles;
