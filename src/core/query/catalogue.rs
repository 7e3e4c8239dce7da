//! The loaded dataset with the indexes built once (facet rows, folded search text,
//! name order, id lookup), so each filter change or keystroke only scans compact data.

use crate::core::check::validate::Dataset;
use crate::core::geometry::cluster::Mercator;
use crate::core::geometry::geo::distance_m;
use crate::core::model::hours::{HoursState, LocalDateTime, OpeningHours};
use crate::core::model::space::{LatLon, Space};
use crate::core::query::facets::{Selection, select};
use crate::core::query::filters::{FacetRow, Filters};
use crate::core::query::search::{Query, SearchIndex};
use crate::core::text::lang::Lang;
use std::sync::{Arc, Mutex, OnceLock};

mod build;
pub use build::CatalogueBuild;

/// How the result list is ordered.
#[derive(Debug, Clone, PartialEq)]
pub enum ListOrder<'a> {
    /// Alphabetically by the name in a language, accents folded.
    Name(Lang),
    /// Best search matches first, then by name; the spaces ordered are those the query matched.
    Relevance(&'a Query, Lang),
    /// Nearest to a point first.
    Distance(LatLon),
}

/// A dataset ready for filtering, searching and listing.
#[derive(Debug, Default)]
pub struct Catalogue {
    /// The validated dataset: spaces and problems.
    pub dataset: Dataset,
    rows: Vec<FacetRow>,
    /// The folded search text, built a part at a time by [`Catalogue::prepare_search`] once the
    /// map is drawn, or at once by the first search: the largest index, kept out of the task
    /// that draws the first markers.
    search: OnceLock<SearchIndex>,
    /// The part of the search index built so far.
    search_part: Mutex<SearchIndex>,
    /// Every space's index, in id order, for finding a space by id with a binary search.
    by_id: Vec<usize>,
    /// Every space's index in name order, per language: listing by name is then one pass.
    name_order: [Vec<usize>; 2],
    /// Every space's position in `name_order`, per language: a cheap tie-break key.
    name_rank: [Vec<usize>; 2],
    /// Every space's position, projected once for clustering.
    mercator: Vec<Mercator>,
    /// Every space's opening hours, parsed the first time the "open" filter is used: start-up
    /// does not pay for a filter most visits never touch.
    hours: OnceLock<Vec<Option<OpeningHours>>>,
    /// The open/closed state of every space at the last moment asked, so typing in the search
    /// box with the "open" filter on does not evaluate every space's hours again.
    states_at: Mutex<Option<(LocalDateTime, Arc<[HoursState]>)>>,
}

impl Catalogue {
    /// Indexes `dataset` at once ([`CatalogueBuild`] does it a part at a time).
    #[must_use]
    pub fn new(dataset: Dataset) -> Self {
        CatalogueBuild::new(dataset).finish()
    }

    /// The catalogue of `dataset` with its spaces' indices in name order, per language.
    fn with_name_orders(dataset: Dataset, name_orders: [Vec<usize>; 2]) -> Self {
        let spaces = &dataset.spaces;
        let rank = |order: &[usize]| {
            let mut rank = vec![0; order.len()];
            for (position, &index) in order.iter().enumerate() {
                rank[index] = position;
            }
            rank
        };
        Self {
            rows: spaces.iter().map(FacetRow::of).collect(),
            search: OnceLock::new(),
            search_part: Mutex::new(SearchIndex::default()),
            // The same index sort as the name orders: one sort routine in the bundle.
            by_id: sorted_indices(&spaces.iter().map(|s| s.id.clone()).collect::<Vec<_>>()),
            name_rank: [rank(&name_orders[0]), rank(&name_orders[1])],
            name_order: name_orders,
            mercator: spaces.iter().map(|s| Mercator::project(s.position)).collect(),
            hours: OnceLock::new(),
            states_at: Mutex::new(None),
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
        let spaces = &self.dataset.spaces;
        let found = self.by_id.binary_search_by(|&i| spaces[i].id.as_str().cmp(id)).ok()?;
        Some(self.by_id[found])
    }

    /// What `filters` and `query` show, with the count beside each choice; `now` is Hanoi's
    /// time, for the "open now" filter.
    #[must_use]
    pub fn select(&self, filters: &Filters, query: Option<&Query>, now: LocalDateTime) -> Selection {
        let search = |i: usize| query.is_none_or(|q| self.search_index().matches(i, q));
        let Some(open) = filters.open else {
            return select(&self.rows, filters, search);
        };
        let states = self.states_at(open.resolve(now));
        let mut selection = select(&self.rows, filters, |i| states[i] == HoursState::Open && search(i));
        selection.hours_unknown = select(&self.rows, filters, |i| states[i] == HoursState::Unknown && search(i))
            .visible
            .len();
        selection
    }

    /// Indexes the next `count` spaces for search, for the app to call in separate tasks once
    /// the first markers are drawn, so that neither the first draw nor any one task waits for
    /// the whole index. Whether the index is complete.
    pub fn prepare_search(&self, count: usize) -> bool {
        if self.search.get().is_some() {
            return true;
        }
        let spaces = self.spaces();
        let mut part = self
            .search_part
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let (start, end) = (part.len(), (part.len() + count).min(spaces.len()));
        part.extend(&spaces[start..end]);
        if end < spaces.len() {
            return false;
        }
        let _ = self.search.set(std::mem::take(&mut *part));
        true
    }

    /// The search index, completed now if it is not yet.
    fn search_index(&self) -> &SearchIndex {
        self.search.get_or_init(|| {
            let mut part = std::mem::take(
                &mut *self
                    .search_part
                    .lock()
                    .unwrap_or_else(std::sync::PoisonError::into_inner),
            );
            let start = part.len();
            part.extend(&self.spaces()[start..]);
            part
        })
    }

    /// Whether each space is open at `at` by its hours; `Unknown` where it has none.
    fn states_at(&self, at: LocalDateTime) -> Arc<[HoursState]> {
        let mut cache = self.states_at.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some((cached_at, states)) = cache.as_ref()
            && *cached_at == at
        {
            return Arc::clone(states);
        }
        let hours = self.hours.get_or_init(|| {
            self.spaces()
                .iter()
                .map(|s| {
                    s.opening_hours
                        .as_deref()
                        .and_then(|h| crate::core::model::hours::parse(h).ok())
                })
                .collect()
        });
        let states: Arc<[HoursState]> = hours
            .iter()
            .map(|h| h.as_ref().map_or(HoursState::Unknown, |h| h.state_at(at).0))
            .collect();
        *cache = Some((at, Arc::clone(&states)));
        states
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
                // Best score first, then name order, packed in one integer: both orders then
                // share one sort in the bundle. What is visible matched the query already.
                top(visible, count, |i| {
                    let score = u64::from(self.search_index().rank(i, query));
                    ((256 - score) << 40) | rank[i] as u64
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
fn top(items: &[usize], count: usize, key: impl Fn(usize) -> u64) -> Vec<usize> {
    let mut keyed: Vec<(u64, usize)> = items.iter().map(|&i| (key(i), i)).collect();
    if count < keyed.len() {
        keyed.select_nth_unstable(count);
        keyed.truncate(count);
    }
    keyed.sort_unstable();
    keyed.into_iter().map(|(_, i)| i).collect()
}

/// The indices of `keys` in the order of the keys.
fn sorted_indices(keys: &[String]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    order.sort_by(|a, b| keys[*a].cmp(&keys[*b]));
    order
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
    use crate::core::check::validate::parse_str;
    use crate::core::model::region::Region;

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
        assert_eq!(c.select(&Filters::default(), Some(&query), NOON).visible, vec![0]);
    }

    #[test]
    fn the_search_index_built_in_parts_or_cut_short_finds_the_same() {
        let query = Query::parse("a").unwrap();
        let expected = catalogue().select(&Filters::default(), Some(&query), NOON);
        let in_parts = catalogue();
        assert!(!in_parts.prepare_search(2), "three spaces take two parts of two");
        assert!(in_parts.prepare_search(2));
        assert!(in_parts.prepare_search(2), "complete stays complete");
        assert_eq!(in_parts.select(&Filters::default(), Some(&query), NOON), expected);
        let cut_short = catalogue();
        assert!(!cut_short.prepare_search(1));
        assert_eq!(cut_short.select(&Filters::default(), Some(&query), NOON), expected);
        assert!(cut_short.prepare_search(1), "the search completed the index");
    }

    const NOON: LocalDateTime = LocalDateTime {
        year: 2026,
        month: 11,
        day: 25,
        hour: 12,
        minute: 0,
    };

    fn with_hours(hours: &[Option<&str>]) -> Catalogue {
        let features: Vec<String> = hours
            .iter()
            .enumerate()
            .map(|(i, h)| {
                let hours = h.map(|h| format!(r#","opening_hours":"{h}""#)).unwrap_or_default();
                format!(
                    r#"{{"type":"Feature","geometry":{{"type":"Point","coordinates":[105.85,21.03]}},"properties":{{"id":"s{i}","name":{{"vi":"S{i}"}},"disciplines":["music"],"space_type":"cafe","address":"Hà Nội"{hours}}}}}"#
                )
            })
            .collect();
        let text = format!(r#"{{"type":"FeatureCollection","features":[{}]}}"#, features.join(","));
        Catalogue::new(parse_str(&text, &Region::HANOI))
    }

    #[test]
    fn open_filter_keeps_spaces_open_then_and_counts_unknown_hours() {
        use crate::core::query::open_at::OpenAt;
        // 2026-11-25 is a Wednesday.
        let c = with_hours(&[
            Some("Mo-Su 08:00-17:00"),
            Some("Tu-Su 18:00-22:00"),
            None,
            Some("We off"),
        ]);
        let now = Filters {
            open: Some(OpenAt::Now),
            ..Filters::default()
        };
        let at_noon = c.select(&now, None, NOON);
        assert_eq!(at_noon.visible, vec![0]);
        assert_eq!(at_noon.hours_unknown, 1);
        assert_eq!(
            at_noon
                .counts
                .discipline(crate::core::model::taxonomy::Discipline::Music),
            1
        );
        let evening = Filters {
            open: OpenAt::from_param("2026-11-25T19:00"),
            ..Filters::default()
        };
        assert_eq!(c.select(&evening, None, NOON).visible, vec![1]);
        // The same moment again comes from the cache, with the same answer.
        assert_eq!(c.select(&evening, None, NOON).visible, vec![1]);
        let query = Query::parse("s2").unwrap();
        let unknown_only = c.select(&now, Some(&query), NOON);
        assert!(unknown_only.visible.is_empty());
        assert_eq!(unknown_only.hours_unknown, 1);
        assert_eq!(c.select(&Filters::default(), None, NOON).visible.len(), 4);
    }
}
