//! The loaded dataset with the indexes built once at load (facet rows, folded search text,
//! name order, id lookup), so each filter change or keystroke only scans compact data.

use super::cluster::Mercator;
use super::facets::{Selection, select};
use super::filters::{FacetRow, Filters};
use super::fold::fold_many;
use super::geo::distance_m;
use super::lang::Lang;
use super::search::{Query, SearchIndex};
use super::space::{LatLon, Space};
use super::validate::Dataset;
use std::collections::HashMap;

/// How the result list is ordered.
#[derive(Debug, Clone, PartialEq)]
pub enum ListOrder<'a> {
    /// Alphabetically by the name in a language, accents folded.
    Name(Lang),
    /// Best search matches first, then by name.
    Relevance(&'a Query, Lang),
    /// Nearest to a point first.
    Distance(LatLon),
}

/// A dataset ready for filtering, searching and listing.
#[derive(Debug, Clone, Default)]
pub struct Catalogue {
    /// The validated dataset: spaces and problems.
    pub dataset: Dataset,
    rows: Vec<FacetRow>,
    search: SearchIndex,
    by_id: HashMap<String, usize>,
    /// Every space's index in name order, per language: listing by name is then one pass.
    name_order: [Vec<usize>; 2],
    /// Every space's position in `name_order`, per language: a cheap tie-break key.
    name_rank: [Vec<usize>; 2],
    /// Every space's position, projected once for clustering.
    mercator: Vec<Mercator>,
}

impl Catalogue {
    /// Indexes `dataset`.
    #[must_use]
    pub fn new(dataset: Dataset) -> Self {
        let spaces = &dataset.spaces;
        let sort_name = |lang: Lang| fold_many(&spaces.iter().map(|s| s.display_name(lang)).collect::<Vec<_>>());
        let sort_names = [sort_name(Lang::Vi), sort_name(Lang::En)];
        let order = |names: &[String]| {
            let mut order: Vec<usize> = (0..names.len()).collect();
            order.sort_by(|a, b| names[*a].cmp(&names[*b]));
            order
        };
        let name_orders = [order(&sort_names[0]), order(&sort_names[1])];
        let rank = |order: &[usize]| {
            let mut rank = vec![0; order.len()];
            for (position, &index) in order.iter().enumerate() {
                rank[index] = position;
            }
            rank
        };
        Self {
            rows: spaces.iter().map(FacetRow::of).collect(),
            search: SearchIndex::new(spaces),
            by_id: spaces.iter().enumerate().map(|(i, s)| (s.id.clone(), i)).collect(),
            name_rank: [rank(&name_orders[0]), rank(&name_orders[1])],
            name_order: name_orders,
            mercator: spaces.iter().map(|s| Mercator::project(s.position)).collect(),
            dataset,
        }
    }

    /// The spaces, in file order.
    #[must_use]
    pub fn spaces(&self) -> &[Space] {
        &self.dataset.spaces
    }

    /// Every space's position in Web Mercator, in file order.
    #[must_use]
    pub fn mercator(&self) -> &[Mercator] {
        &self.mercator
    }

    /// The position of the space with `id`.
    #[must_use]
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// What `filters` and `query` show, with the count beside each choice.
    #[must_use]
    pub fn select(&self, filters: &Filters, query: Option<&Query>) -> Selection {
        match query {
            Some(query) => select(&self.rows, filters, |i| self.search.matches(i, query)),
            None => select(&self.rows, filters, |_| true),
        }
    }

    /// The first `count` of `visible` in list order. Only what the list shows is sorted, so a
    /// keystroke over a hundred thousand matches costs one pass, not a full sort.
    #[must_use]
    pub fn ordered(&self, visible: &[usize], order: &ListOrder<'_>, count: usize) -> Vec<usize> {
        match order {
            ListOrder::Name(lang) => {
                let mut shown = vec![false; self.rows.len()];
                for &i in visible {
                    shown[i] = true;
                }
                self.name_order[lang_slot(*lang)]
                    .iter()
                    .copied()
                    .filter(|i| shown[*i])
                    .take(count)
                    .collect()
            }
            ListOrder::Relevance(query, lang) => {
                let rank = &self.name_rank[lang_slot(*lang)];
                top(visible, count, |i| {
                    (std::cmp::Reverse(self.search.score(i, query)), rank[i])
                })
            }
            ListOrder::Distance(from) => {
                let spaces = &self.dataset.spaces;
                // Millimetres as an integer key: exact enough, and totally ordered.
                #[allow(
                    clippy::cast_possible_truncation,
                    clippy::cast_sign_loss,
                    reason = "distances on Earth fit u64 mm"
                )]
                top(visible, count, |i| {
                    (distance_m(*from, spaces[i].position) * 1000.0) as u64
                })
            }
        }
    }
}

/// The `count` smallest of `items` by `key`, in order.
fn top<K: Ord>(items: &[usize], count: usize, key: impl Fn(usize) -> K) -> Vec<usize> {
    let mut keyed: Vec<(K, usize)> = items.iter().map(|&i| (key(i), i)).collect();
    if count < keyed.len() {
        keyed.select_nth_unstable(count);
        keyed.truncate(count);
    }
    keyed.sort_unstable();
    keyed.into_iter().map(|(_, i)| i).collect()
}

const fn lang_slot(lang: Lang) -> usize {
    match lang {
        Lang::Vi => 0,
        Lang::En => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::region::Region;
    use crate::core::validate::parse_str;

    fn catalogue() -> Catalogue {
        let feature = |id: &str, vi: &str, en: &str, lon: f64, lat: f64| {
            format!(
                r#"{{"type":"Feature","geometry":{{"type":"Point","coordinates":[{lon},{lat}]}},"properties":{{"id":"{id}","name":{{"vi":"{vi}","en":"{en}"}},"disciplines":["music"],"space_type":"cafe","operator":"private","address":"Hà Nội"}}}}"#
            )
        };
        let text = format!(
            r#"{{"type":"FeatureCollection","features":[{},{},{}]}}"#,
            feature("b", "Đông", "Alpha", 105.80, 21.00),
            feature("a", "Bảo", "Charlie", 105.85, 21.03),
            feature("c", "Cửa", "Bravo", 105.90, 21.10),
        );
        Catalogue::new(parse_str(&text, &Region::HANOI))
    }

    #[test]
    fn orders_by_name_in_each_language() {
        let c = catalogue();
        assert_eq!(c.ordered(&[0, 1, 2], &ListOrder::Name(Lang::Vi), 10), vec![1, 2, 0]);
        assert_eq!(c.ordered(&[0, 1, 2], &ListOrder::Name(Lang::En), 10), vec![0, 2, 1]);
        assert_eq!(c.ordered(&[0, 1, 2], &ListOrder::Name(Lang::En), 2), vec![0, 2]);
    }

    #[test]
    fn orders_by_distance() {
        let c = catalogue();
        let near_c = LatLon {
            lat: 21.09,
            lon: 105.89,
        };
        assert_eq!(c.ordered(&[0, 1, 2], &ListOrder::Distance(near_c), 10), vec![2, 1, 0]);
        assert_eq!(c.ordered(&[0, 1, 2], &ListOrder::Distance(near_c), 1), vec![2]);
    }

    #[test]
    fn relevance_then_name() {
        let c = catalogue();
        let query = Query::parse("a").unwrap();
        let all = c.ordered(&[0, 1, 2], &ListOrder::Relevance(&query, Lang::En), 10);
        assert_eq!(all.len(), 3);
        assert_eq!(
            c.ordered(&[0, 1, 2], &ListOrder::Relevance(&query, Lang::En), 2),
            all[..2]
        );
    }

    #[test]
    fn finds_by_id_and_searches() {
        let c = catalogue();
        assert_eq!(c.index_of("c"), Some(2));
        assert_eq!(c.index_of("zz"), None);
        let query = Query::parse("dong").unwrap();
        assert_eq!(c.select(&Filters::default(), Some(&query)).visible, vec![0]);
    }
}
