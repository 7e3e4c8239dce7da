//! Accent-insensitive search over names, addresses, districts, descriptions and taxonomy
//! labels. The folded text is built once at load; each keystroke only scans it.

use crate::core::model::space::Space;
use crate::core::query::fold::{fold, fold_many, has_marks, lowercase, lowercase_many};
use crate::core::text::i18n::Label;
use crate::core::text::lang::Lang;

/// Separates fields in the haystack so a query cannot match across two of them.
const FIELD_SEPARATOR: char = '\u{1f}';

/// The searchable text of every space, prepared once.
#[derive(Debug, Clone, Default)]
pub struct SearchIndex {
    entries: Vec<Entry>,
}

#[derive(Debug, Clone)]
struct Entry {
    /// Both names, lower-cased with their marks, for exact matches.
    names: String,
    /// Both names, folded.
    folded_names: String,
    /// Every searchable field, lower-cased with marks.
    text: String,
    /// Every searchable field, folded.
    folded_text: String,
}

/// A search as typed, split into words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    words: Vec<String>,
    folded_words: Vec<String>,
    /// The folded words joined by spaces, to test whether a name starts with the query.
    folded_phrase: String,
    /// Whether the person typed Vietnamese marks, asking for exact matches first.
    exact: bool,
}

impl Query {
    /// The query for `text`, or `None` when it holds no word.
    #[must_use]
    pub fn parse(text: &str) -> Option<Self> {
        let words: Vec<String> = text.split_whitespace().map(lowercase).collect();
        if words.is_empty() {
            return None;
        }
        let folded_words: Vec<String> = words.iter().map(|w| fold(w)).collect();
        Some(Self {
            exact: has_marks(text),
            words,
            folded_phrase: folded_words.join(" "),
            folded_words,
        })
    }
}

/// How well a space matches: higher is better.
pub type Score = u8;

impl SearchIndex {
    /// Prepares the text of `spaces`.
    #[must_use]
    pub fn new(spaces: &[Space]) -> Self {
        let mut index = Self::default();
        index.extend(spaces);
        index
    }

    /// How many spaces are indexed: the index covers the first `len` of the dataset.
    #[must_use]
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether no space is indexed yet.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Indexes `spaces`, the ones that follow those already indexed, so the index can be built
    /// a part at a time.
    pub fn extend(&mut self, spaces: &[Space]) {
        let (names, texts): (Vec<String>, Vec<String>) = spaces.iter().map(raw_texts).unzip();
        // Lower-case and fold everything in four batch calls (one crossing into JavaScript each
        // in the browser), not four per space.
        let names = lowercase_many(&names.iter().map(String::as_str).collect::<Vec<_>>());
        let texts = lowercase_many(&texts.iter().map(String::as_str).collect::<Vec<_>>());
        let folded_names = fold_many(&names.iter().map(String::as_str).collect::<Vec<_>>());
        let folded_texts = fold_many(&texts.iter().map(String::as_str).collect::<Vec<_>>());
        let entries = names
            .into_iter()
            .zip(texts)
            .zip(folded_names.into_iter().zip(folded_texts))
            .map(|((names, text), (folded_names, folded_text))| Entry {
                names,
                folded_names,
                text,
                folded_text,
            });
        self.entries.extend(entries);
    }

    /// How well space `index` matches `query`, or `None` if it does not.
    ///
    /// Every word must occur, accents ignored. Then: name starts with the query, name contains
    /// every word, and, when the person typed marks, the same with marks, rank higher.
    #[must_use]
    pub fn score(&self, index: usize, query: &Query) -> Option<Score> {
        self.matches(index, query).then(|| self.rank(index, query))
    }

    /// The [`score`](Self::score) of space `index`, which is known to match `query`: the list
    /// ranks only what the filter let through, so it need not test the words again.
    #[must_use]
    pub fn rank(&self, index: usize, query: &Query) -> Score {
        let entry = &self.entries[index];
        let mut score = 1;
        if query
            .folded_words
            .iter()
            .all(|w| entry.folded_names.contains(w.as_str()))
        {
            score += 2;
            if entry
                .folded_names
                .split(FIELD_SEPARATOR)
                .any(|name| name.starts_with(&query.folded_phrase))
            {
                score += 2;
            }
        }
        if query.exact {
            if query.words.iter().all(|w| entry.names.contains(w.as_str())) {
                score += 8;
            } else if query.words.iter().all(|w| entry.text.contains(w.as_str())) {
                score += 4;
            }
        }
        score
    }

    /// Whether space `index` matches `query`: every word occurs, accents ignored. The filter
    /// asks this of every space on each keystroke, so it does no more than that.
    #[must_use]
    pub fn matches(&self, index: usize, query: &Query) -> bool {
        let folded_text = &self.entries[index].folded_text;
        query.folded_words.iter().all(|w| folded_text.contains(w.as_str()))
    }
}

/// A space's names and all its searchable fields, each joined with the field separator.
fn raw_texts(space: &Space) -> (String, String) {
    let sep = FIELD_SEPARATOR.to_string();
    let names: Vec<&str> = [&space.name.vi, &space.name.en]
        .into_iter()
        .flatten()
        .map(String::as_str)
        .collect();
    let mut fields: Vec<&str> = names.clone();
    fields.extend(
        [&space.address, &space.district]
            .into_iter()
            .flatten()
            .map(String::as_str),
    );
    fields.extend(
        [&space.description.vi, &space.description.en]
            .into_iter()
            .flatten()
            .map(String::as_str),
    );
    for lang in Lang::ALL {
        fields.push(space.space_type.label(lang));
        fields.extend(space.disciplines.iter().map(|d| d.label(lang)));
    }
    (names.join(&sep), fields.join(&sep))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::space::{LatLon, Localized};
    use crate::core::model::taxonomy::{Discipline, SpaceType, Status};

    fn space(vi: &str, en: &str, address: &str, space_type: SpaceType) -> Space {
        Space {
            id: fold(en).replace(' ', "-"),
            name: Localized {
                vi: Some(vi.into()),
                en: Some(en.into()),
            },
            position: LatLon { lat: 21.0, lon: 105.8 },
            disciplines: [Discipline::Heritage].into_iter().collect(),
            space_type,
            operator: None,
            address: Some(address.into()),
            district: Some("Đống Đa".into()),
            website: None,
            phone: None,
            email: None,
            opening_hours: None,
            description: Localized::default(),
            status: Status::Open,
            membership: None,
            location_confidence: None,
            source: None,
            updated: None,
        }
    }

    fn sample() -> (Vec<Space>, SearchIndex) {
        let spaces = vec![
            space(
                "Văn Miếu – Quốc Tử Giám",
                "Temple of Literature",
                "58 Quốc Tử Giám",
                SpaceType::HeritageSite,
            ),
            space(
                "Bảo tàng Mỹ thuật Việt Nam",
                "Vietnam National Museum of Fine Arts",
                "66 Nguyễn Thái Học",
                SpaceType::Museum,
            ),
            space(
                "Phố sách Đinh Lễ",
                "Đinh Lễ Book Street",
                "Đinh Lễ, Hoàn Kiếm",
                SpaceType::PublicSpace,
            ),
            space("Bao Tàng Café", "Bao Tang Cafe", "1 Bảo Khánh", SpaceType::Cafe),
        ];
        let index = SearchIndex::new(&spaces);
        (spaces, index)
    }

    fn hits(index: &SearchIndex, text: &str) -> Vec<usize> {
        let query = Query::parse(text).unwrap();
        (0..4).filter(|i| index.matches(*i, &query)).collect()
    }

    #[test]
    fn unaccented_queries_find_accented_names() {
        let (_, index) = sample();
        assert_eq!(hits(&index, "van mieu"), vec![0]);
        assert_eq!(hits(&index, "dinh le"), vec![2]);
        assert_eq!(hits(&index, "BAO TANG"), vec![1, 3]);
    }

    #[test]
    fn address_district_and_labels_are_searched() {
        let (_, index) = sample();
        assert_eq!(hits(&index, "nguyen thai hoc"), vec![1]);
        assert_eq!(hits(&index, "dong da").len(), 4);
        assert_eq!(hits(&index, "museum"), vec![1]);
        assert_eq!(hits(&index, "di san").len(), 4, "discipline label in Vietnamese");
    }

    #[test]
    fn every_word_must_match() {
        let (_, index) = sample();
        assert!(hits(&index, "van mieu museum").is_empty());
    }

    #[test]
    fn typed_marks_rank_exact_matches_first() {
        let (_, index) = sample();
        let query = Query::parse("bảo tàng").unwrap();
        let museum = index.score(1, &query).unwrap();
        let cafe = index.score(3, &query).unwrap();
        assert!(museum > cafe, "{museum} vs {cafe}");
        // Without marks, neither is preferred for accents.
        let plain = Query::parse("bao tang").unwrap();
        assert_eq!(index.score(1, &plain), index.score(3, &plain));
    }

    #[test]
    fn empty_query_is_none() {
        assert_eq!(Query::parse("   "), None);
    }
}
