//! Checking the dataset: the one parser and validator (the map's and the data check's), every
//! problem and its wording, "did you mean …?", the positions against the city's background, and
//! the data check's and the data report's texts.

pub mod basemap;
pub mod data_report;
pub mod geography;
pub mod problem;
pub mod report;
pub mod suggest;
pub mod validate;
