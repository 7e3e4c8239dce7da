//! The workbench's table: which spaces it lists (search with the map's accent folding, filters
//! by problem, status and type) and in which order.

use super::session::{Record, Session};
use crate::core::check::problem::Severity;
use crate::core::query::fold::{fold, fold_many};

/// Which spaces to list by their problems.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ProblemFilter {
    /// Every space.
    #[default]
    All,
    /// Spaces with at least one error.
    Errors,
    /// Spaces with warnings and no error.
    WarningsOnly,
    /// Spaces with no problem at all.
    Clean,
}

impl ProblemFilter {
    /// Every filter, in the order offered.
    pub const ALL: [Self; 4] = [Self::All, Self::Errors, Self::WarningsOnly, Self::Clean];

    /// The filter's code, for a `<select>`.
    #[must_use]
    pub const fn code(self) -> &'static str {
        match self {
            Self::All => "all",
            Self::Errors => "errors",
            Self::WarningsOnly => "warnings",
            Self::Clean => "clean",
        }
    }

    /// The filter with `code`.
    #[must_use]
    pub fn from_code(code: &str) -> Self {
        Self::ALL.into_iter().find(|f| f.code() == code).unwrap_or_default()
    }

    fn keeps(self, record: &Record) -> bool {
        let errors = record.error_count();
        match self {
            Self::All => true,
            Self::Errors => errors > 0,
            Self::WarningsOnly => errors == 0 && !record.problems.is_empty(),
            Self::Clean => record.problems.is_empty(),
        }
    }
}

/// The columns the table can be sorted by: form fields, or `problems`; none keeps file order.
pub const SORTABLE: [&str; 7] = [
    "name.vi",
    "id",
    "space_type",
    "district",
    "status",
    "updated",
    "problems",
];

/// What the table lists.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TableQuery {
    /// The search as typed.
    pub text: String,
    /// By problems.
    pub problems: ProblemFilter,
    /// Only this status (as written in the data), when set.
    pub status: Option<String>,
    /// Only this type of space, when set.
    pub space_type: Option<String>,
    /// The column sorted by, when any (see [`SORTABLE`]).
    pub sort: Option<String>,
    /// Whether the order is reversed.
    pub descending: bool,
}

/// The fields searched.
const SEARCHED: [&str; 5] = ["id", "name.vi", "name.en", "address", "district"];

/// The searched text of every space, folded, kept between searches: after an edit only the
/// spaces whose text changed are folded again.
#[derive(Debug, Clone, Default)]
pub struct SearchTexts {
    /// By key: the text as written and folded.
    texts: rustc_hash::FxHashMap<u64, (String, String)>,
}

impl SearchTexts {
    /// The folded text of every space of `session`, in its order, folding only what changed
    /// since the last call (in one call: one crossing into the browser).
    fn folded(&mut self, session: &Session) -> Vec<&str> {
        let raw: Vec<(u64, String)> = session
            .records()
            .iter()
            .map(|r| (r.key, SEARCHED.map(|field| r.get(field)).join("\u{1f}")))
            .collect();
        let stale: Vec<&(u64, String)> = raw
            .iter()
            .filter(|(key, text)| self.texts.get(key).is_none_or(|(old, _)| old != text))
            .collect();
        let folded = fold_many(&stale.iter().map(|(_, text)| text.as_str()).collect::<Vec<_>>());
        for ((key, text), folded) in stale.into_iter().zip(folded) {
            self.texts.insert(*key, (text.clone(), folded));
        }
        raw.iter()
            .map(|(key, _)| self.texts.get(key).map_or("", |(_, f)| f.as_str()))
            .collect()
    }
}

/// The positions (in [`Session::records`]) of the spaces listed, in order. Texts are folded in
/// one call ([`fold_many`]: one crossing into the browser), searched texts only when they
/// changed (`cache`).
#[must_use]
pub fn rows(session: &Session, query: &TableQuery, cache: &mut SearchTexts) -> Vec<usize> {
    let records = session.records();
    let mut rows: Vec<usize> = (0..records.len())
        .filter(|&i| {
            let record = &records[i];
            query.problems.keeps(record)
                && query.status.as_ref().is_none_or(|s| record.get("status") == *s)
                && query.space_type.as_ref().is_none_or(|t| record.get("space_type") == *t)
        })
        .collect();
    let words: Vec<String> = query.text.split_whitespace().map(fold).collect();
    if !words.is_empty() {
        let folded = cache.folded(session);
        rows.retain(|&i| words.iter().all(|word| folded[i].contains(word.as_str())));
    }
    if let Some(column) = &query.sort {
        let keys: Vec<(usize, String)> = if column == "problems" {
            rows.iter()
                .map(|&i| {
                    let record = &records[i];
                    let warnings = record
                        .problems
                        .iter()
                        .filter(|p| p.severity == Severity::Warning)
                        .count();
                    (record.error_count() * 1000 + warnings, String::new())
                })
                .collect()
        } else {
            let texts: Vec<String> = rows.iter().map(|&i| records[i].get(column)).collect();
            fold_many(&texts.iter().map(String::as_str).collect::<Vec<_>>())
                .into_iter()
                .map(|text| (0, text))
                .collect()
        };
        let mut order: Vec<usize> = (0..rows.len()).collect();
        order.sort_by(|&a, &b| keys[a].cmp(&keys[b]));
        if query.descending {
            order.reverse();
        }
        rows = order.into_iter().map(|i| rows[i]).collect();
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::region::Region;

    fn session() -> Session {
        Session::open_geojson(include_str!("../../../data/spaces.geojson"), Region::HANOI).expect("opens")
    }

    #[test]
    fn search_folds_accents_like_the_map() {
        let session = session();
        let query = TableQuery {
            text: "van mieu".into(),
            ..TableQuery::default()
        };
        let found = rows(&session, &query, &mut SearchTexts::default());
        assert!(!found.is_empty());
        assert!(
            found
                .iter()
                .all(|&i| fold(&session.records()[i].get("name.vi")).contains("van mieu")
                    || fold(&session.records()[i].get("address")).contains("van mieu"))
        );
    }

    #[test]
    fn an_edited_space_is_searched_by_its_new_text() {
        let mut session = session();
        let cache = &mut SearchTexts::default();
        let query = TableQuery {
            text: "xuong moi".into(),
            ..TableQuery::default()
        };
        assert!(rows(&session, &query, cache).is_empty());
        let key = session.records()[7].key;
        session.set_field(key, "name.vi", "Xưởng Mới", "2026-12-02");
        assert_eq!(rows(&session, &query, cache), [7]);
    }

    #[test]
    fn filters_and_sorting() {
        let mut session = session();
        let cache = &mut SearchTexts::default();
        let key = session.records()[10].key;
        session.set_field(key, "website", "ftp://nope", "2026-12-02");
        let errors = rows(
            &session,
            &TableQuery {
                problems: ProblemFilter::Errors,
                ..TableQuery::default()
            },
            cache,
        );
        assert_eq!(errors, [10]);
        let museums = rows(
            &session,
            &TableQuery {
                space_type: Some("museum".into()),
                sort: Some("name.vi".into()),
                ..TableQuery::default()
            },
            cache,
        );
        let names: Vec<String> = museums
            .iter()
            .map(|&i| fold(&session.records()[i].get("name.vi")))
            .collect();
        assert!(names.len() > 3 && names.is_sorted(), "{names:?}");
        let by_problems = rows(
            &session,
            &TableQuery {
                sort: Some("problems".into()),
                descending: true,
                ..TableQuery::default()
            },
            cache,
        );
        assert_eq!(by_problems[0], 10);
        assert_eq!(ProblemFilter::from_code("warnings"), ProblemFilter::WarningsOnly);
    }
}
