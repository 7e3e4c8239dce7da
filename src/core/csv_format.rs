//! The editors' spreadsheet format and the `GeoJSON` the map reads, both ways. One row per
//! space, the contract's fields as columns, lists separated by `;`. Import runs the same
//! validator as the map and the data check.

use super::code_set::Coded;
use super::lang::Lang;
use super::region::Region;
use super::space::{Localized, Space};
use super::validate::parse_str;
use serde::Serialize;
use serde_json::{Map, Value, json};
use std::collections::HashMap;

/// The columns, in order.
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

/// The spaces as CSV text with a header row.
#[must_use]
pub fn spaces_to_csv(spaces: &[Space]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let _ = writer.write_record(COLUMNS);
    for space in spaces {
        let opt = |value: &Option<String>| value.clone().unwrap_or_default();
        let code = |value: Option<&'static str>| value.unwrap_or_default().to_owned();
        let disciplines: Vec<&str> = space.disciplines.iter().map(Coded::code).collect();
        let _ = writer.write_record([
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
        ]);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// Converts the editors' CSV to `GeoJSON` text, refusing (with every reason, each naming the
/// CSV line) when the CSV cannot be read or the result has validation errors.
///
/// # Errors
/// One sentence per problem: unreadable rows, missing or unknown columns, coordinates that are
/// not numbers, and every validation error, with the CSV line of the feature.
pub fn csv_to_geojson(text: &str, region: &Region, lang: Lang) -> Result<String, Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| vec![format!("CSV header: {e}")])?.clone();
    let mut problems = Vec::new();
    let missing: Vec<&str> = COLUMNS
        .iter()
        .copied()
        .filter(|c| !headers.iter().any(|h| h == *c))
        .collect();
    let unknown: Vec<&str> = headers.iter().filter(|h| !COLUMNS.contains(h)).collect();
    if !missing.is_empty() {
        problems.push(format!("CSV line 1: missing columns: {}", missing.join(", ")));
    }
    if !unknown.is_empty() {
        problems.push(format!("CSV line 1: unknown columns: {}", unknown.join(", ")));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut features = Vec::new();
    for (row, record) in reader.records().enumerate() {
        let line = row + 2;
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                problems.push(format!("CSV line {line}: {error}"));
                continue;
            }
        };
        let row: HashMap<&str, &str> = headers.iter().zip(record.iter()).collect();
        match feature(&row) {
            Ok(feature) => features.push(feature),
            Err(problem) => problems.push(format!("CSV line {line}: {problem}")),
        }
    }
    let collection = json!({ "type": "FeatureCollection", "features": features });
    let geojson = serde_json::to_string(&collection).unwrap_or_default();
    let dataset = parse_str(&geojson, region);
    for problem in dataset.errors() {
        let line = match &problem.location {
            super::problem::Location::Feature { index, .. } => format!(" (CSV line {})", index + 2),
            super::problem::Location::File => String::new(),
        };
        problems.push(format!("{}{line}", problem.describe(lang)));
    }
    if problems.is_empty() {
        Ok(spaces_to_geojson(&dataset.spaces))
    } else {
        Err(problems)
    }
}

/// One CSV row as a `GeoJSON` feature; empty cells become absent keys.
fn feature(row: &HashMap<&str, &str>) -> Result<Value, String> {
    let cell = |name: &str| row.get(name).copied().unwrap_or_default();
    let number = |name: &str| {
        cell(name)
            .parse::<f64>()
            .map_err(|_| format!("column {name}: {:?} is not a number", cell(name)))
    };
    let (lon, lat) = (number("lon")?, number("lat")?);
    let mut properties = Map::new();
    let mut text = |key: &str, column: &str| {
        if !cell(column).is_empty() {
            properties.insert(key.to_owned(), Value::from(cell(column)));
        }
    };
    for key in [
        "id",
        "space_type",
        "operator",
        "address",
        "district",
        "website",
        "phone",
        "email",
        "opening_hours",
    ] {
        text(key, key);
    }
    for key in ["status", "membership", "location_confidence", "source", "updated"] {
        text(key, key);
    }
    let pair = |vi: &str, en: &str| {
        let mut pair = Map::new();
        for (lang, column) in [("vi", vi), ("en", en)] {
            if !cell(column).is_empty() {
                pair.insert(lang.to_owned(), Value::from(cell(column)));
            }
        }
        pair
    };
    let name = pair("name_vi", "name_en");
    if !name.is_empty() {
        properties.insert("name".to_owned(), Value::Object(name));
    }
    let description = pair("description_vi", "description_en");
    if !description.is_empty() {
        properties.insert("description".to_owned(), Value::Object(description));
    }
    let disciplines: Vec<Value> = cell("disciplines")
        .split(';')
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(Value::from)
        .collect();
    properties.insert("disciplines".to_owned(), Value::Array(disciplines));
    Ok(
        json!({ "type": "Feature", "geometry": { "type": "Point", "coordinates": [lon, lat] }, "properties": properties }),
    )
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

/// The spaces as a pretty-printed `GeoJSON` `FeatureCollection` with the contract's key order.
#[must_use]
pub fn spaces_to_geojson(spaces: &[Space]) -> String {
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
        features: Vec<Feature<'a>>,
    }
    let features = spaces
        .iter()
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
        features,
    })
    .unwrap_or_default();
    text.push('\n');
    text
}
