//! The loaded dataset with the indexes built once at load, so each filter change or keystroke
//! only scans compact rows.

use super::facets::{Selection, select};
use super::filters::{FacetRow, Filters};
use super::validate::Dataset;

/// A dataset ready for filtering.
#[derive(Debug, Clone, Default)]
pub struct Catalogue {
    /// The validated dataset: spaces and problems.
    pub dataset: Dataset,
    /// One compact filtering row per space, in the same order.
    rows: Vec<FacetRow>,
}

impl Catalogue {
    /// Indexes `dataset`.
    #[must_use]
    pub fn new(dataset: Dataset) -> Self {
        let rows = dataset.spaces.iter().map(FacetRow::of).collect();
        Self { dataset, rows }
    }

    /// What `filters` shows, with the count beside each choice.
    #[must_use]
    pub fn select(&self, filters: &Filters) -> Selection {
        select(&self.rows, filters, |_| true)
    }
}
