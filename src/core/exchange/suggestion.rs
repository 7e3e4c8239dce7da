//! "Suggest a space or an edit", with no server: the visitor's form becomes one `GeoJSON`
//! feature, checked by the same validator as the data check, and a message to the network's
//! coordination centre (a `mailto:` link or a prefilled issue of a repository) that shows
//! exactly what will be sent.

use crate::core::check::validate::parse_str;
use crate::core::exchange::export::{Json, slug};
use crate::core::model::code_set::CodeSet;
use crate::core::model::region::Region;
use crate::core::model::space::Space;
use crate::core::model::taxonomy::{Discipline, Operator, SpaceType};
use crate::core::text::lang::Lang;

/// What the visitor has written in the form; every field as typed.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Suggestion {
    /// The id of the space an edit is for; `None` for a new space.
    pub edits: Option<String>,
    /// Vietnamese name.
    pub name_vi: String,
    /// English name.
    pub name_en: String,
    /// Street address.
    pub address: String,
    /// District.
    pub district: String,
    /// Latitude, as typed.
    pub lat: String,
    /// Longitude, as typed.
    pub lon: String,
    /// Disciplines ticked.
    pub disciplines: CodeSet<Discipline>,
    /// Type of space chosen.
    pub space_type: Option<SpaceType>,
    /// Who runs it.
    pub operator: Option<Operator>,
    /// Website.
    pub website: String,
    /// Phone.
    pub phone: String,
    /// E-mail.
    pub email: String,
    /// Opening hours, OpenStreetMap syntax.
    pub opening_hours: String,
    /// A sentence or two about the space.
    pub description: String,
    /// Whether the space asks to join the network.
    pub applying: bool,
    /// A note for the editors: who is writing, what changed, how to reach them.
    pub note: String,
}

/// Whether a suggestion can be sent, and the reasons when not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    /// Every problem the data check would report, worded for the visitor.
    pub problems: Vec<String>,
}

impl Verdict {
    /// Whether nothing stands in the way.
    #[must_use]
    pub fn is_ok(&self) -> bool {
        self.problems.is_empty()
    }
}

impl Suggestion {
    /// A new space at `lat`, `lon` (the middle of the map, for the visitor to correct).
    #[must_use]
    pub fn new_at(lat: f64, lon: f64) -> Self {
        Self {
            lat: crate::core::geometry::geo::fixed(lat, 5),
            lon: crate::core::geometry::geo::fixed(lon, 5),
            ..Self::default()
        }
    }

    /// An edit of `space`, starting from what the map shows.
    #[must_use]
    pub fn edit_of(space: &Space, lang: Lang) -> Self {
        let text = |value: &Option<String>| value.clone().unwrap_or_default();
        Self {
            edits: Some(space.id.clone()),
            name_vi: text(&space.name.vi),
            name_en: text(&space.name.en),
            address: text(&space.address),
            district: text(&space.district),
            lat: crate::core::geometry::geo::coordinate(space.position.lat),
            lon: crate::core::geometry::geo::coordinate(space.position.lon),
            disciplines: space.disciplines,
            space_type: Some(space.space_type),
            operator: space.operator,
            website: text(&space.website),
            phone: text(&space.phone),
            email: text(&space.email),
            opening_hours: text(&space.opening_hours),
            description: space.description.get(lang).unwrap_or_default().to_owned(),
            applying: false,
            note: String::new(),
        }
    }

    /// The feature as the dataset would hold it: the id kept for an edit, made from the name
    /// for a new space; empty fields left out.
    #[must_use]
    pub fn feature(&self, lang: Lang) -> String {
        let id = self.edits.clone().unwrap_or_else(|| {
            let from = if self.name_en.trim().is_empty() {
                &self.name_vi
            } else {
                &self.name_en
            };
            slug(from, 60)
        });
        let number = |text: &str| serde_json::from_str::<f64>(text.trim()).ok().filter(|n| n.is_finite());
        let coordinates = match (number(&self.lon), number(&self.lat)) {
            (Some(lon), Some(lat)) => Json::Arr(vec![Json::Num(lon), Json::Num(lat)]),
            _ => Json::Arr(Vec::new()),
        };
        let mut name = Vec::new();
        let mut properties = vec![("id", Json::Str(&id))];
        for (key, value) in [("vi", &self.name_vi), ("en", &self.name_en)] {
            if !value.trim().is_empty() {
                name.push((key, Json::Str(value.trim())));
            }
        }
        properties.push(("name", Json::Obj(name)));
        properties.push((
            "disciplines",
            Json::Arr(self.disciplines.iter().map(|d| Json::Str(d.code())).collect()),
        ));
        if let Some(space_type) = self.space_type {
            properties.push(("space_type", Json::Str(space_type.code())));
        }
        if let Some(operator) = self.operator {
            properties.push(("operator", Json::Str(operator.code())));
        }
        let texts = [
            ("address", &self.address),
            ("district", &self.district),
            ("website", &self.website),
            ("phone", &self.phone),
            ("email", &self.email),
            ("opening_hours", &self.opening_hours),
        ];
        properties.extend(
            texts
                .into_iter()
                .filter(|(_, value)| !value.trim().is_empty())
                .map(|(key, value)| (key, Json::Str(value.trim()))),
        );
        if !self.description.trim().is_empty() {
            properties.push((
                "description",
                Json::Obj(vec![(lang.code(), Json::Str(self.description.trim()))]),
            ));
        }
        if self.applying {
            properties.push(("membership", Json::Str("applicant")));
        }
        let feature = Json::Obj(vec![
            ("type", Json::Str("Feature")),
            (
                "geometry",
                Json::Obj(vec![("type", Json::Str("Point")), ("coordinates", coordinates)]),
            ),
            ("properties", Json::Obj(properties)),
        ]);
        let mut out = String::new();
        feature.write(&mut out, 0);
        out
    }

    /// The data check's verdict on the feature, in `lang`: errors only (a missing English name
    /// is for the editors to add).
    #[must_use]
    pub fn check(&self, region: &Region, lang: Lang) -> Verdict {
        let text = format!(
            "{{\"type\":\"FeatureCollection\",\"features\":[{}]}}",
            self.feature(lang)
        );
        let dataset = parse_str(&text, region);
        Verdict {
            problems: dataset.errors().map(|p| p.describe_field(lang)).collect(),
        }
    }

    /// The message's subject line.
    #[must_use]
    pub fn subject(&self, lang: Lang) -> String {
        let name = if self.name_vi.trim().is_empty() {
            self.name_en.trim()
        } else {
            self.name_vi.trim()
        };
        let what = match (&self.edits, self.applying, lang) {
            (_, true, Lang::Vi) => "Đăng ký tham gia mạng lưới",
            (_, true, Lang::En) => "Application to join the network",
            (Some(_), false, Lang::Vi) => "Đề xuất sửa",
            (Some(_), false, Lang::En) => "Suggested edit",
            (None, false, Lang::Vi) => "Đề xuất không gian mới",
            (None, false, Lang::En) => "Suggested new space",
        };
        format!("{what}: {name}")
    }

    /// The message's body: the visitor's note, then the feature to paste into the dataset.
    #[must_use]
    pub fn body(&self, lang: Lang) -> String {
        let note = self.note.trim();
        let mut body = String::new();
        if !note.is_empty() {
            body.push_str(note);
            body.push_str("\n\n");
        }
        body.push_str(&self.feature(lang));
        body.push('\n');
        body
    }

    /// A `mailto:` link to `address` with the subject and body filled in.
    #[must_use]
    pub fn mailto(&self, address: &str, lang: Lang) -> String {
        format!(
            "mailto:{address}?subject={}&body={}",
            encode(&self.subject(lang)),
            encode(&self.body(lang))
        )
    }

    /// A new-issue link of a repository (`…/issues/new`) with the title and body filled in.
    #[must_use]
    pub fn issue_link(&self, issue_url: &str, lang: Lang) -> String {
        let separator = if issue_url.contains('?') { '&' } else { '?' };
        format!(
            "{issue_url}{separator}title={}&body={}",
            encode(&self.subject(lang)),
            encode(&self.body(lang))
        )
    }
}

/// Percent-encodes `text` for a URL's query (spaces as `%20`, which mail clients and issue
/// forms read alike).
fn encode(text: &str) -> String {
    form_urlencoded::byte_serialize(text.as_bytes())
        .collect::<String>()
        .replace('+', "%20")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn filled() -> Suggestion {
        let mut s = Suggestion::new_at(21.02851, 105.85423);
        s.name_vi = "Xưởng Gốm Nhỏ".into();
        s.name_en = "Little Pottery Studio".into();
        s.address = "12 Hàng Mã, Hoàn Kiếm".into();
        s.disciplines.insert(Discipline::Crafts);
        s.space_type = Some(SpaceType::ArtSpace);
        s.operator = Some(Operator::Individual);
        s.website = "https://example.org/pottery".into();
        s.note = "Tôi là chủ xưởng. sdt 090 000 0000".into();
        s
    }

    #[test]
    fn a_complete_suggestion_passes_the_data_check() {
        let s = filled();
        assert!(s.check(&Region::HANOI, Lang::En).is_ok());
        let feature: serde_json::Value = serde_json::from_str(&s.feature(Lang::En)).unwrap();
        assert_eq!(feature["properties"]["id"], "little-pottery-studio");
        assert_eq!(feature["geometry"]["coordinates"][0], 105.85423);
        assert!(feature["properties"].get("membership").is_none());
    }

    #[test]
    fn problems_are_named_like_the_data_check_does() {
        let mut s = filled();
        s.website = "javascript:alert(1)".into();
        s.lat = "north".into();
        s.space_type = None;
        let verdict = s.check(&Region::HANOI, Lang::En);
        assert!(!verdict.is_ok());
        let all = verdict.problems.join("\n");
        assert!(all.contains("website"), "{all}");
        assert!(all.contains("coordinates"), "{all}");
        assert!(all.contains("space_type"), "{all}");
    }

    #[test]
    fn an_edit_keeps_the_id_and_an_application_says_so() {
        let text = r#"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[105.85,21.03]},"properties":{"id":"tadioto","name":{"vi":"Tadioto"},"disciplines":["music"],"space_type":"cafe","operator":"private","address":"Hà Nội"}}]}"#;
        let space = parse_str(text, &Region::HANOI).spaces.remove(0);
        let mut edit = Suggestion::edit_of(&space, Lang::En);
        edit.applying = true;
        let verdict = edit.check(&Region::HANOI, Lang::En);
        assert!(verdict.is_ok(), "{verdict:?}");
        assert!(edit.feature(Lang::En).contains("\"id\": \"tadioto\""));
        assert!(edit.feature(Lang::En).contains("\"membership\": \"applicant\""));
        assert_eq!(edit.subject(Lang::En), "Application to join the network: Tadioto");
    }

    #[test]
    fn links_carry_exactly_the_shown_text() {
        let s = filled();
        let mail = s.mailto("centre@example.org", Lang::Vi);
        assert!(mail.starts_with("mailto:centre@example.org?subject=%C4%90%E1%BB%81%20xu%E1%BA%A5t"));
        let body = mail.split("&body=").nth(1).unwrap();
        let decoded: String = form_urlencoded::parse(format!("b={body}").as_bytes())
            .map(|(_, v)| v.into_owned())
            .collect();
        assert_eq!(decoded, s.body(Lang::Vi));
        let issue = s.issue_link("https://example.org/repo/issues/new", Lang::En);
        assert!(issue.starts_with("https://example.org/repo/issues/new?title=Suggested%20new%20space%3A%20X"));
        assert!(
            s.issue_link("https://example.org/new?template=space.md", Lang::En)
                .contains("?template=space.md&title=")
        );
    }
}
