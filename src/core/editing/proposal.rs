//! A visitor's suggestion, as the map's "Suggest a space / an edit" form sends it (a note, then
//! the space as one `GeoJSON` feature; see [`crate::core::exchange::suggestion`]), read against the dataset
//! being edited: a new space, or the fields that differ from the space it names, for the editor
//! to accept field by field.

use super::fields;
use super::session::Session;
use serde_json::Value;

/// The form fields the visitors' form does not carry, and so no suggestion changes.
const NOT_SUGGESTED: [&str; 5] = ["id", "status", "location_confidence", "source", "updated"];

/// One field a suggestion would change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    /// The form field (`name.vi`, `lat`, …).
    pub field: String,
    /// Its value in the dataset now (empty when absent).
    pub current: String,
    /// The value suggested (empty to remove it).
    pub proposed: String,
}

/// A suggestion read against the dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    /// The visitor's note (everything before the feature).
    pub note: String,
    /// The id the suggestion gives.
    pub id: String,
    /// The space it edits, when its id is in the dataset; `None` for a new space.
    pub target: Option<u64>,
    /// The fields that would change.
    pub changes: Vec<FieldChange>,
}

/// Why a pasted text is not a suggestion.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotASuggestion {
    /// No `GeoJSON` feature with properties was found in the text.
    NoFeature,
}

/// The first `GeoJSON` feature in `text` and the note before it; lines quoted by a mail client
/// (`> `) are read unquoted.
fn find_feature(text: &str) -> Option<(String, Value)> {
    let in_text = |text: &str| {
        text.match_indices('{').find_map(|(start, _)| {
            let mut values = serde_json::Deserializer::from_str(&text[start..]).into_iter::<Value>();
            match values.next() {
                Some(Ok(value)) if value.get("properties").is_some_and(Value::is_object) => {
                    Some((text[..start].trim().to_owned(), value))
                }
                _ => None,
            }
        })
    };
    in_text(text).or_else(|| {
        let unquoted: Vec<&str> = text
            .lines()
            .map(|line| line.trim_start().trim_start_matches('>').trim_start())
            .collect();
        in_text(&unquoted.join("\n"))
    })
}

/// The same list of codes, whatever their order.
fn same_codes(a: &str, b: &str) -> bool {
    fn sorted(text: &str) -> Vec<&str> {
        let mut codes: Vec<&str> = text.split(';').filter(|c| !c.is_empty()).collect();
        codes.sort_unstable();
        codes
    }
    sorted(a) == sorted(b)
}

/// Reads a pasted suggestion against `session`.
///
/// # Errors
/// When the text holds no feature.
pub fn read_proposal(text: &str, session: &Session) -> Result<Proposal, NotASuggestion> {
    let (note, feature) = find_feature(text).ok_or(NotASuggestion::NoFeature)?;
    let id = fields::get(&feature, "id");
    let target = session
        .records()
        .iter()
        .find(|record| !id.is_empty() && record.get("id") == id);
    let properties = feature.get("properties");
    let given = |field: &str| -> bool {
        match field.split_once('.') {
            Some(("description", lang)) => properties
                .and_then(|p| p.get("description"))
                .and_then(|d| d.get(lang))
                .is_some(),
            _ if field == "membership" => properties.and_then(|p| p.get("membership")).is_some(),
            _ => true,
        }
    };
    let changes = fields::form_fields()
        .iter()
        .filter(|field| !NOT_SUGGESTED.contains(&field.as_str()) && given(field))
        .filter_map(|field| {
            let proposed = fields::get(&feature, field);
            let current = target.map(|record| record.get(field)).unwrap_or_default();
            let same = if *field == "disciplines" {
                same_codes(&current, &proposed)
            } else {
                current.trim() == proposed.trim()
            };
            (!same).then(|| FieldChange {
                field: (*field).clone(),
                current,
                proposed,
            })
        })
        .collect();
    Ok(Proposal {
        note,
        id,
        target: target.map(|record| record.key),
        changes,
    })
}

impl Session {
    /// Applies the `accepted` fields of `proposal` in one step, dating the space `today`: the
    /// space it edits is changed, or a new space is added with the suggestion's id. Returns
    /// the space's key, or `None` when nothing was accepted.
    pub fn accept(&mut self, proposal: &Proposal, accepted: &[String], today: &str) -> Option<u64> {
        let mut feature = if let Some(key) = proposal.target {
            self.record(key)?.feature.clone()
        } else {
            let mut feature = serde_json::json!({ "type": "Feature" });
            fields::set(&mut feature, "id", &proposal.id);
            fields::set(&mut feature, "status", "open");
            feature
        };
        let mut any = false;
        for change in proposal.changes.iter().filter(|c| accepted.contains(&c.field)) {
            fields::set(&mut feature, &change.field, &change.proposed);
            any = true;
        }
        if !any {
            return None;
        }
        fields::set(&mut feature, "updated", today);
        match proposal.target {
            Some(key) => self.replace(key, "suggestion", feature).then_some(key),
            None => Some(self.add_feature(feature)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::check::validate::parse_str;
    use crate::core::exchange::suggestion::Suggestion;
    use crate::core::model::region::Region;
    use crate::core::model::taxonomy::{Discipline, SpaceType};
    use crate::core::text::lang::Lang;

    const PUBLISHED: &str = include_str!("../../../data/spaces.geojson");

    fn session() -> Session {
        Session::open_geojson(PUBLISHED, Region::HANOI).expect("opens")
    }

    #[test]
    fn an_edit_shows_only_the_fields_that_differ() {
        let mut session = session();
        let space = parse_str(PUBLISHED, &Region::HANOI).spaces.remove(4);
        let mut edit = Suggestion::edit_of(&space, Lang::En);
        edit.website = "https://example.org/new".into();
        edit.phone = "+84 24 1234 5678".into();
        edit.note = "I work there.".into();
        let text = edit.body(Lang::En);
        let proposal = read_proposal(&text, &session).expect("a suggestion");
        assert_eq!(proposal.note, "I work there.");
        assert_eq!(proposal.id, space.id);
        let target = proposal.target.expect("an edit");
        let fields: Vec<&str> = proposal.changes.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(fields, ["website", "phone"], "{proposal:#?}");
        // Accept one field, reject the other.
        let key = session.accept(&proposal, &["phone".to_owned()], "2026-12-02");
        assert_eq!(key, Some(target));
        let record = session.record(target).unwrap();
        assert_eq!(record.get("phone"), "+84 24 1234 5678");
        assert_ne!(record.get("website"), "https://example.org/new");
        assert_eq!(record.get("updated"), "2026-12-02");
        assert_eq!(session.step_count(), 1);
    }

    #[test]
    fn a_new_space_is_added_with_what_is_accepted() {
        let mut session = session();
        let mut new = Suggestion::new_at(21.02851, 105.85423);
        new.name_vi = "Xưởng Gốm Nhỏ".into();
        new.name_en = "Little Pottery Studio".into();
        new.address = "12 Hàng Mã, Hoàn Kiếm".into();
        new.disciplines.insert(Discipline::Crafts);
        new.space_type = Some(SpaceType::ArtSpace);
        new.operator = Some(crate::core::model::taxonomy::Operator::Individual);
        // As pasted from a mail client's reply.
        let quoted: Vec<String> = new.body(Lang::Vi).lines().map(|l| format!("> {l}")).collect();
        let quoted = quoted.join("\n");
        let proposal = read_proposal(&format!("Subject: hello\n{quoted}"), &session).expect("a suggestion");
        assert_eq!(proposal.target, None);
        assert_eq!(proposal.note, "Subject: hello");
        assert_eq!(proposal.id, "little-pottery-studio");
        let all: Vec<String> = proposal.changes.iter().map(|c| c.field.clone()).collect();
        assert!(
            all.contains(&"lat".to_owned()) && all.contains(&"name.vi".to_owned()),
            "{all:?}"
        );
        let key = session.accept(&proposal, &all, "2026-12-02").expect("added");
        let record = session.record(key).unwrap();
        assert_eq!(record.error_count(), 0, "{:?}", record.problems);
        assert_eq!(record.get("name.en"), "Little Pottery Studio");
        assert_eq!(session.summary().added.len(), 1);
    }

    #[test]
    fn text_without_a_feature_is_not_a_suggestion() {
        assert_eq!(
            read_proposal("Hello, please add my café {not json}", &session()),
            Err(NotASuggestion::NoFeature)
        );
    }
}
