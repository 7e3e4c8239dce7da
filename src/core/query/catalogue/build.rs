//! A catalogue indexed a part at a time, so that the map can give the browser back between the
//! parts of a large dataset: at 100,000 spaces, folding and sorting the names in two languages
//! is some 400 ms of one task on a desktop.

use super::{Catalogue, lang_slot, sorted_indices};
use crate::core::check::validate::Dataset;
use crate::core::query::fold::fold_many;
use crate::core::text::lang::Lang;

/// The indexes of a [`Catalogue`] under construction.
pub struct CatalogueBuild {
    dataset: Dataset,
    /// Every space's name folded for sorting, per language, for the spaces folded so far.
    sort_names: [Vec<String>; 2],
    /// Every space's index in name order, per language, once sorted.
    name_orders: [Vec<usize>; 2],
    /// How many languages are sorted.
    sorted: usize,
}

impl CatalogueBuild {
    /// Starts indexing `dataset`.
    #[must_use]
    pub fn new(dataset: Dataset) -> Self {
        let capacity = dataset.spaces.len();
        Self {
            dataset,
            sort_names: [Vec::with_capacity(capacity), Vec::with_capacity(capacity)],
            name_orders: [Vec::new(), Vec::new()],
            sorted: 0,
        }
    }

    /// Folds the names of the next `count` spaces or, once every name is folded, sorts the
    /// names of one language; whether only [`CatalogueBuild::finish`] is left.
    pub fn step(&mut self, count: usize) -> bool {
        let spaces = &self.dataset.spaces;
        let folded = self.sort_names[0].len();
        if folded < spaces.len() {
            let end = folded.saturating_add(count).min(spaces.len());
            for lang in Lang::ALL {
                let names: Vec<&str> = spaces[folded..end].iter().map(|s| s.display_name(lang)).collect();
                self.sort_names[lang_slot(lang)].extend(fold_many(&names));
            }
            return false;
        }
        if let Some(names) = self.sort_names.get(self.sorted) {
            self.name_orders[self.sorted] = sorted_indices(names);
            self.sorted += 1;
        }
        self.sorted == Lang::ALL.len()
    }

    /// The catalogue, with what is left of its indexes (facet rows, id order, projected
    /// positions: tens of milliseconds at 100,000 spaces).
    #[must_use]
    pub fn finish(mut self) -> Catalogue {
        while !self.step(usize::MAX) {}
        Catalogue::with_name_orders(self.dataset, self.name_orders)
    }
}

// On the host only: the synthetic datasets are written there.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::core::check::validate::parse_str;
    use crate::core::model::region::Region;
    use crate::core::query::catalogue::ListOrder;

    #[test]
    fn in_parts_it_orders_as_at_once() {
        let text = crate::core::synthetic::dataset(257, 7);
        let at_once = Catalogue::new(parse_str(&text, &Region::HANOI));
        let mut build = CatalogueBuild::new(parse_str(&text, &Region::HANOI));
        let mut steps = 1;
        while !build.step(10) {
            steps += 1;
        }
        let in_parts = build.finish();
        assert_eq!(steps, 26 + 2, "26 parts of folding, then one sort per language");
        let all: Vec<usize> = (0..257).collect();
        for lang in Lang::ALL {
            let order = ListOrder::Name(lang);
            assert_eq!(in_parts.ordered(&all, &order, 257), at_once.ordered(&all, &order, 257));
        }
        for space in at_once.spaces() {
            assert_eq!(in_parts.index_of(&space.id), at_once.index_of(&space.id));
        }
    }

    #[test]
    fn an_empty_dataset_takes_only_the_sorting_steps() {
        let mut build = CatalogueBuild::new(Dataset::default());
        assert!(!build.step(10));
        assert!(build.step(10));
        assert!(build.finish().spaces().is_empty());
    }
}
