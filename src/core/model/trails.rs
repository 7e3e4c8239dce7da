//! Curated walks (`data/trails.json`): ordered spaces with a short text each, checked against
//! the dataset. A step whose space is unknown or closed is left out; a trail left with fewer
//! than two steps is not offered. Every problem is named, for the data check.

use crate::core::check::validate::fields::is_kebab_case;
use crate::core::model::space::{LatLon, Localized};
use crate::core::model::taxonomy::Status;
use crate::core::query::catalogue::Catalogue;
use crate::core::text::lang::Lang;
use serde_json::Value;
use std::collections::HashSet;

/// One walk.
#[derive(Debug, Clone, PartialEq)]
pub struct Trail {
    /// Unique kebab-case id, used in links (`?trail=…`).
    pub id: String,
    /// Its name.
    pub name: Localized,
    /// A sentence or two on what the walk is.
    pub description: Localized,
    /// The stops, in walking order.
    pub steps: Vec<Step>,
}

/// One stop of a trail.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// The space's index in the catalogue.
    pub space: usize,
    /// Why the stop is on the walk.
    pub note: Localized,
}

impl Trail {
    /// Where its stops are, in walking order: the line the map draws.
    #[must_use]
    pub fn positions(&self, catalogue: &Catalogue) -> Vec<LatLon> {
        self.steps
            .iter()
            .map(|s| catalogue.spaces()[s.space].position)
            .collect()
    }
}

/// What is wrong in the trails file, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TrailProblem {
    /// The file is not JSON of the expected shape; nothing can be offered.
    Unreadable(String),
    /// Trail `index` has no usable kebab-case `id` or no Vietnamese name; it is left out.
    TrailUnnamed {
        /// Position in the `trails` list.
        index: usize,
    },
    /// Two trails share an id; the second is left out.
    DuplicateTrail(String),
    /// A step names a space the dataset does not have (or that has closed); it is left out.
    UnknownStep {
        /// The trail's id.
        trail: String,
        /// Position in the trail's `steps`.
        step: usize,
        /// The id the step names.
        space: String,
    },
    /// Fewer than two usable steps remain; the trail is left out.
    TooShort(String),
}

impl TrailProblem {
    /// The problem in plain words.
    #[must_use]
    pub fn describe(&self, lang: Lang) -> String {
        match (self, lang) {
            (Self::Unreadable(why), Lang::En) => format!("the trails file cannot be read: {why}"),
            (Self::Unreadable(why), Lang::Vi) => format!("không đọc được tệp lộ trình: {why}"),
            (Self::TrailUnnamed { index }, Lang::En) => {
                format!("trail #{index}: needs a kebab-case \"id\" and \"name.vi\"; left out")
            }
            (Self::TrailUnnamed { index }, Lang::Vi) => {
                format!("lộ trình #{index}: cần \"id\" dạng kebab-case và \"name.vi\"; đã bỏ qua")
            }
            (Self::DuplicateTrail(id), Lang::En) => format!("trail \"{id}\": the id is used twice; left out"),
            (Self::DuplicateTrail(id), Lang::Vi) => format!("lộ trình \"{id}\": trùng id; đã bỏ qua"),
            (Self::UnknownStep { trail, step, space }, Lang::En) => {
                format!("trail \"{trail}\", step #{step}: no open space has the id \"{space}\"; the step is left out")
            }
            (Self::UnknownStep { trail, step, space }, Lang::Vi) => format!(
                "lộ trình \"{trail}\", điểm dừng #{step}: không có không gian đang mở cửa nào có id \"{space}\"; đã bỏ điểm này"
            ),
            (Self::TooShort(id), Lang::En) => format!("trail \"{id}\": fewer than two usable steps; left out"),
            (Self::TooShort(id), Lang::Vi) => format!("lộ trình \"{id}\": ít hơn hai điểm dừng dùng được; đã bỏ qua"),
        }
    }
}

/// Reads the trails file against `catalogue`: the usable trails and every problem.
#[must_use]
pub fn parse_trails(text: &str, catalogue: &Catalogue) -> (Vec<Trail>, Vec<TrailProblem>) {
    let root: Value = match serde_json::from_str(text.trim_start_matches('\u{feff}')) {
        Ok(root) => root,
        Err(error) => return (Vec::new(), vec![TrailProblem::Unreadable(error.to_string())]),
    };
    let Some(list) = root.get("trails").and_then(Value::as_array) else {
        return (
            Vec::new(),
            vec![TrailProblem::Unreadable("no \"trails\" list".to_owned())],
        );
    };
    let mut problems = Vec::new();
    let mut seen = HashSet::new();
    let mut trails = Vec::new();
    for (index, value) in list.iter().enumerate() {
        let id = value.get("id").and_then(Value::as_str).filter(|id| is_kebab_case(id));
        let name = localized(value.get("name"));
        let Some(id) = id.filter(|_| name.vi.is_some()) else {
            problems.push(TrailProblem::TrailUnnamed { index });
            continue;
        };
        if !seen.insert(id.to_owned()) {
            problems.push(TrailProblem::DuplicateTrail(id.to_owned()));
            continue;
        }
        let mut steps = Vec::new();
        let empty = Vec::new();
        let listed = value.get("steps").and_then(Value::as_array).unwrap_or(&empty);
        for (step, entry) in listed.iter().enumerate() {
            let space_id = entry.get("space").and_then(Value::as_str).unwrap_or_default();
            let space = catalogue
                .index_of(space_id)
                .filter(|&i| catalogue.spaces()[i].status != Status::Closed);
            match space {
                Some(space) => steps.push(Step {
                    space,
                    note: localized(entry.get("note")),
                }),
                None => problems.push(TrailProblem::UnknownStep {
                    trail: id.to_owned(),
                    step,
                    space: space_id.to_owned(),
                }),
            }
        }
        if steps.len() < 2 {
            problems.push(TrailProblem::TooShort(id.to_owned()));
            continue;
        }
        trails.push(Trail {
            id: id.to_owned(),
            name,
            description: localized(value.get("description")),
            steps,
        });
    }
    (trails, problems)
}

/// A `{"vi": …, "en": …}` object's non-empty texts.
fn localized(value: Option<&Value>) -> Localized {
    let text = |lang: &str| {
        value
            .and_then(|v| v.get(lang))
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned)
    };
    Localized {
        vi: text("vi"),
        en: text("en"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::check::validate::parse_str;
    use crate::core::model::region::Region;

    fn catalogue() -> Catalogue {
        let feature = |id: &str, status: &str| {
            format!(
                r#"{{"type":"Feature","geometry":{{"type":"Point","coordinates":[105.85,21.03]}},"properties":{{"id":"{id}","name":{{"vi":"{id}"}},"disciplines":["design"],"space_type":"gallery","address":"Hà Nội","status":"{status}"}}}}"#
            )
        };
        let text = format!(
            r#"{{"type":"FeatureCollection","features":[{},{},{},{}]}}"#,
            feature("a", "open"),
            feature("b", "open"),
            feature("c", "temporarily-closed"),
            feature("gone", "closed"),
        );
        Catalogue::new(parse_str(&text, &Region::HANOI))
    }

    #[test]
    fn reads_trails_and_names_every_problem() {
        let text = r#"{"trails": [
            {"id": "walk", "name": {"vi": "Đi bộ", "en": "Walk"}, "description": {"en": "A walk."},
             "steps": [{"space": "a", "note": {"vi": "Một"}}, {"space": "nowhere"}, {"space": "gone"}, {"space": "c"}]},
            {"id": "walk", "name": {"vi": "Lặp"}, "steps": [{"space": "a"}, {"space": "b"}]},
            {"id": "Bad Id", "name": {"vi": "X"}, "steps": []},
            {"id": "short", "name": {"vi": "Ngắn"}, "steps": [{"space": "a"}]}
        ]}"#;
        let (trails, problems) = parse_trails(text, &catalogue());
        assert_eq!(trails.len(), 1);
        let walk = &trails[0];
        assert_eq!(walk.id, "walk");
        assert_eq!(walk.steps.iter().map(|s| s.space).collect::<Vec<_>>(), vec![0, 2]);
        assert_eq!(
            walk.positions(&catalogue()),
            vec![
                LatLon {
                    lat: 21.03,
                    lon: 105.85
                };
                2
            ]
        );
        assert_eq!(walk.steps[0].note.get(Lang::En), Some("Một"));
        assert_eq!(walk.description.get(Lang::Vi), Some("A walk."));
        assert_eq!(
            problems,
            vec![
                TrailProblem::UnknownStep {
                    trail: "walk".into(),
                    step: 1,
                    space: "nowhere".into()
                },
                TrailProblem::UnknownStep {
                    trail: "walk".into(),
                    step: 2,
                    space: "gone".into()
                },
                TrailProblem::DuplicateTrail("walk".into()),
                TrailProblem::TrailUnnamed { index: 2 },
                TrailProblem::TooShort("short".into()),
            ]
        );
        assert!(problems[0].describe(Lang::En).contains("step #1"));
        assert!(problems[0].describe(Lang::Vi).contains("nowhere"));
    }

    #[test]
    fn an_unreadable_file_offers_nothing() {
        for text in ["", "[]", "{\"trails\": 3}", "<html>"] {
            let (trails, problems) = parse_trails(text, &catalogue());
            assert!(trails.is_empty());
            assert!(matches!(problems[..], [TrailProblem::Unreadable(_)]), "{text}");
        }
    }

    #[test]
    fn the_shipped_trails_are_all_usable() {
        let dataset = std::fs::read_to_string("data/spaces.geojson").expect("the dataset");
        let catalogue = Catalogue::new(parse_str(&dataset, &Region::HANOI));
        let text = std::fs::read_to_string("data/trails.json").expect("the trails");
        let (trails, problems) = parse_trails(&text, &catalogue);
        assert!(problems.is_empty(), "{problems:?}");
        assert!(trails.len() >= 2);
        assert!(trails.iter().all(|t| t.name.en.is_some() && t.steps.len() >= 5));
    }
}
