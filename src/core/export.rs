//! The spaces written out: the `GeoJSON` the map reads and the editors' CSV, for the editors'
//! tools and for visitors who download what they see, with the data's licence in the file.

use super::code_set::Coded;
use super::filters::Filters;
use super::fold::fold;
use super::space::{Localized, Space};
use serde::Serialize;

/// The CSV columns, in order: the contract's fields, lists separated by `;`.
pub const COLUMNS: [&str; 21] = [
    "id",
    "name_vi",
    "name_en",
    "lon",
    "lat",
    "disciplines",
    "space_type",
    "operator",
    "address",
    "district",
    "website",
    "phone",
    "email",
    "opening_hours",
    "description_vi",
    "description_en",
    "status",
    "membership",
    "location_confidence",
    "source",
    "updated",
];

/// The terms the data is published under, written into every downloaded file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataLicence {
    /// The licence's short name, e.g. `CC BY 4.0`.
    pub name: String,
    /// Where the licence's text is.
    pub url: String,
    /// Whom to credit.
    pub attribution: String,
}

impl DataLicence {
    /// One line a person can read: what the data is, under which licence, whom to credit.
    #[must_use]
    pub fn notice(&self) -> String {
        format!(
            "Licence: {} ({}). Attribution: {}.",
            self.name, self.url, self.attribution
        )
    }
}

/// The spaces as CSV text: the licence as a `#` comment line when given (the import skips
/// it), then a header row and one row per space.
#[must_use]
pub fn spaces_to_csv<'a>(spaces: impl IntoIterator<Item = &'a Space>, licence: Option<&DataLicence>) -> String {
    let mut out = String::new();
    if let Some(licence) = licence {
        out.push_str("# ");
        out.push_str(&licence.notice().replace(['\r', '\n'], " "));
        out.push('\n');
    }
    write_row(&mut out, COLUMNS.iter().copied());
    for space in spaces {
        let opt = |value: &Option<String>| value.clone().unwrap_or_default();
        let code = |value: Option<&'static str>| value.unwrap_or_default().to_owned();
        let disciplines: Vec<&str> = space.disciplines.iter().map(Coded::code).collect();
        let row = [
            space.id.clone(),
            opt(&space.name.vi),
            opt(&space.name.en),
            space.position.lon.to_string(),
            space.position.lat.to_string(),
            disciplines.join(";"),
            space.space_type.code().to_owned(),
            code(space.operator.map(Coded::code)),
            opt(&space.address),
            opt(&space.district),
            opt(&space.website),
            opt(&space.phone),
            opt(&space.email),
            opt(&space.opening_hours),
            opt(&space.description.vi),
            opt(&space.description.en),
            space.status.code().to_owned(),
            code(space.membership.map(Coded::code)),
            code(space.location_confidence.map(Coded::code)),
            opt(&space.source),
            opt(&space.updated),
        ];
        write_row(&mut out, row.iter().map(String::as_str));
    }
    out
}

/// One CSV record (RFC 4180): a cell is quoted when it holds a separator, a quote, a line
/// break or space at either end, and its quotes are doubled. The csv crate reads it back.
fn write_row<'a>(out: &mut String, cells: impl Iterator<Item = &'a str>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        let needs_quotes = cell.contains([',', '"', '\r', '\n'])
            || cell.starts_with(char::is_whitespace)
            || cell.ends_with(char::is_whitespace);
        if needs_quotes {
            out.push('"');
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(cell);
        }
    }
    out.push('\n');
}

/// The text of a [`Localized`] pair, for writing.
#[derive(Serialize)]
struct Pair<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    vi: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    en: Option<&'a str>,
}

impl<'a> Pair<'a> {
    fn of(text: &'a Localized) -> Option<Self> {
        (!text.is_empty()).then_some(Self {
            vi: text.vi.as_deref(),
            en: text.en.as_deref(),
        })
    }
}

/// A space's properties in the contract's order, absent optional fields left out.
#[derive(Serialize)]
struct Properties<'a> {
    id: &'a str,
    name: Pair<'a>,
    disciplines: Vec<&'static str>,
    space_type: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    operator: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    address: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    district: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    website: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    phone: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    opening_hours: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<Pair<'a>>,
    status: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    membership: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    location_confidence: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    updated: Option<&'a str>,
}

/// The licence as foreign members of the `FeatureCollection` (RFC 7946 allows them).
#[derive(Serialize)]
struct LicenceMembers<'a> {
    license: &'a str,
    license_url: &'a str,
    attribution: &'a str,
}

/// The spaces as a pretty-printed `GeoJSON` `FeatureCollection` with the contract's key order,
/// and the licence as members of the collection when given.
#[must_use]
pub fn spaces_to_geojson<'a>(spaces: impl IntoIterator<Item = &'a Space>, licence: Option<&DataLicence>) -> String {
    #[derive(Serialize)]
    struct Geometry {
        r#type: &'static str,
        coordinates: [f64; 2],
    }
    #[derive(Serialize)]
    struct Feature<'a> {
        r#type: &'static str,
        geometry: Geometry,
        properties: Properties<'a>,
    }
    #[derive(Serialize)]
    struct Collection<'a> {
        r#type: &'static str,
        #[serde(flatten, skip_serializing_if = "Option::is_none")]
        licence: Option<LicenceMembers<'a>>,
        features: Vec<Feature<'a>>,
    }
    let features = spaces
        .into_iter()
        .map(|s| Feature {
            r#type: "Feature",
            geometry: Geometry {
                r#type: "Point",
                coordinates: [s.position.lon, s.position.lat],
            },
            properties: Properties {
                id: &s.id,
                name: Pair {
                    vi: s.name.vi.as_deref(),
                    en: s.name.en.as_deref(),
                },
                disciplines: s.disciplines.iter().map(Coded::code).collect(),
                space_type: s.space_type.code(),
                operator: s.operator.map(Coded::code),
                address: s.address.as_deref(),
                district: s.district.as_deref(),
                website: s.website.as_deref(),
                phone: s.phone.as_deref(),
                email: s.email.as_deref(),
                opening_hours: s.opening_hours.as_deref(),
                description: Pair::of(&s.description),
                status: s.status.code(),
                membership: s.membership.map(Coded::code),
                location_confidence: s.location_confidence.map(Coded::code),
                source: s.source.as_deref(),
                updated: s.updated.as_deref(),
            },
        })
        .collect();
    let mut text = serde_json::to_string_pretty(&Collection {
        r#type: "FeatureCollection",
        licence: licence.map(|l| LicenceMembers {
            license: &l.name,
            license_url: &l.url,
            attribution: &l.attribution,
        }),
        features,
    })
    .unwrap_or_default();
    text.push('\n');
    text
}

/// The name of a downloaded file: `base`, then what the filters and the search chose, so two
/// downloads of different views never share a name. Only `a-z`, `0-9`, `-` and `_`.
#[must_use]
pub fn file_name(base: &str, filters: &Filters, query: &str, extension: &str) -> String {
    let mut name = slug(base, 60);
    let mut part = |label: &str, codes: Vec<&str>| {
        if !codes.is_empty() {
            name.push('_');
            name.push_str(label);
            name.push('-');
            name.push_str(&codes.join("-"));
        }
    };
    part("discipline", filters.disciplines.iter().map(Coded::code).collect());
    part("type", filters.space_types.iter().map(Coded::code).collect());
    part("operator", filters.operators.iter().map(Coded::code).collect());
    part("network", filters.memberships.iter().map(Coded::code).collect());
    if let Some(open) = filters.open {
        let when = open.to_param().replace(':', "");
        part("open", vec![&when.to_ascii_lowercase()]);
    }
    let query = slug(query, 40);
    if !query.is_empty() {
        name.push_str("_search-");
        name.push_str(&query);
    }
    if name.is_empty() {
        name.push_str("spaces");
    }
    name.push('.');
    name.push_str(extension);
    name
}

/// `text` folded to `a-z0-9` words joined by `-`, at most `max` bytes.
fn slug(text: &str, max: usize) -> String {
    let folded = fold(text);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let mut out = String::new();
    for word in words {
        if out.len() + word.len() + 1 > max {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::open_at::OpenAt;
    use crate::core::taxonomy::{Discipline, SpaceType};

    fn licence() -> DataLicence {
        DataLicence {
            name: "CC BY 4.0".into(),
            url: "https://creativecommons.org/licenses/by/4.0/".into(),
            attribution: "Hanoi Creative Spaces Map".into(),
        }
    }

    #[test]
    fn csv_quotes_only_what_needs_it() {
        let mut out = String::new();
        write_row(
            &mut out,
            ["plain", "a,b", "say \"hi\"", "two\nlines", " padded", "Đinh Lễ"].into_iter(),
        );
        assert_eq!(
            out,
            "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" padded\",Đinh Lễ\n"
        );
    }

    #[test]
    fn csv_starts_with_the_licence_as_a_comment() {
        let csv = spaces_to_csv([], Some(&licence()));
        let mut lines = csv.lines();
        assert_eq!(
            lines.next(),
            Some(
                "# Licence: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). Attribution: Hanoi Creative Spaces Map."
            )
        );
        assert_eq!(lines.next(), Some(COLUMNS.join(",").as_str()));
    }

    #[test]
    fn geojson_carries_the_licence() {
        let text = spaces_to_geojson([], Some(&licence()));
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["license"], "CC BY 4.0");
        assert_eq!(value["type"], "FeatureCollection");
        assert!(value["features"].as_array().unwrap().is_empty());
        assert!(!spaces_to_geojson([], None).contains("license"));
    }

    #[test]
    fn file_names_say_what_was_chosen() {
        let base = "Hanoi Creative Spaces Map";
        assert_eq!(
            file_name(base, &Filters::default(), "", "csv"),
            "hanoi-creative-spaces-map.csv"
        );
        let mut filters = Filters::default();
        filters.disciplines.insert(Discipline::Music);
        filters.disciplines.insert(Discipline::Design);
        filters.space_types.insert(SpaceType::Museum);
        filters.open = OpenAt::from_param("2026-11-28T19:30");
        assert_eq!(
            file_name(base, &filters, "  Văn Miếu / <b> ", "geojson"),
            "hanoi-creative-spaces-map_discipline-design-music_type-museum_open-2026-11-28t1930_search-van-mieu-b.geojson"
        );
        assert_eq!(file_name("", &Filters::default(), "", "csv"), "spaces.csv");
    }
}
