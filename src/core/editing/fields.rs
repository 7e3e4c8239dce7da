//! The fields of the workbench's form, each named by its path in the data contract (`name.vi`,
//! `address`, `lat`, …), read from and written into a feature as it is in the file, errors and
//! all.

use crate::core::exchange::export::COLUMNS;
use crate::core::model::taxonomy::Discipline;
use serde_json::{Map, Value};

/// The form field of a column of the editors' CSV: `name_vi` → `name.vi`.
#[must_use]
pub fn column_field(column: &str) -> String {
    match column.rsplit_once('_') {
        Some((property, lang @ ("vi" | "en"))) => format!("{property}.{lang}"),
        _ => column.to_owned(),
    }
}

/// Every field of the form, in the order of the editors' CSV columns.
#[must_use]
pub fn form_fields() -> Vec<String> {
    COLUMNS.iter().map(|column| column_field(column)).collect()
}

/// Where a field lives in a feature.
enum Slot<'a> {
    /// A property of its own.
    Property(&'a str),
    /// One language of a `{"vi": …, "en": …}` property.
    Pair(&'a str, &'a str),
    /// The latitude or the longitude (its position in `coordinates`).
    Coordinate(usize),
    /// The list of discipline codes.
    Disciplines,
}

fn slot(field: &str) -> Slot<'_> {
    match field {
        "lon" => Slot::Coordinate(0),
        "lat" => Slot::Coordinate(1),
        "disciplines" => Slot::Disciplines,
        _ => match field.split_once('.') {
            Some((property, lang)) => Slot::Pair(property, lang),
            None => Slot::Property(field),
        },
    }
}

/// A value as the form shows it: text as it is, numbers as written, anything else as JSON.
fn as_text(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(text)) => text.clone(),
        Some(other) => other.to_string(),
    }
}

/// The field's value in `feature`, as the form shows it; the disciplines as codes joined by
/// `;`.
#[must_use]
pub fn get(feature: &Value, field: &str) -> String {
    let properties = feature.get("properties");
    match slot(field) {
        Slot::Property(key) => as_text(properties.and_then(|p| p.get(key))),
        Slot::Pair(key, lang) => as_text(properties.and_then(|p| p.get(key)).and_then(|pair| pair.get(lang))),
        Slot::Coordinate(i) => as_text(feature.pointer(&format!("/geometry/coordinates/{i}"))),
        Slot::Disciplines => match properties.and_then(|p| p.get("disciplines")) {
            Some(Value::Array(list)) => list
                .iter()
                .map(|item| as_text(Some(item)))
                .collect::<Vec<_>>()
                .join(";"),
            other => as_text(other),
        },
    }
}

/// The feature's position, when both coordinates are numbers: `(lat, lon)`.
#[must_use]
pub fn position(feature: &Value) -> Option<(f64, f64)> {
    let coordinates = feature.pointer("/geometry/coordinates")?.as_array()?;
    Some((coordinates.get(1)?.as_f64()?, coordinates.first()?.as_f64()?))
}

/// An object member of `parent`, made an object when it is missing or something else.
fn object<'a>(parent: &'a mut Map<String, Value>, key: &str) -> &'a mut Map<String, Value> {
    let slot = parent.entry(key).or_insert_with(|| Value::Object(Map::new()));
    if !slot.is_object() {
        *slot = Value::Object(Map::new());
    }
    slot.as_object_mut()
        .unwrap_or_else(|| unreachable!("made an object above"))
}

/// Writes `text` into the field of `feature` (made an object when it is not): empty text
/// removes the field; a coordinate that is a number is stored as one, anything else as typed
/// (the validator names it); the disciplines are split at `;` or `,`.
pub fn set(feature: &mut Value, field: &str, text: &str) {
    if !feature.is_object() {
        *feature = serde_json::json!({ "type": "Feature" });
    }
    let Some(root) = feature.as_object_mut() else { return };
    let value = (!text.trim().is_empty()).then(|| Value::from(text));
    match slot(field) {
        Slot::Coordinate(i) => {
            let geometry = object(root, "geometry");
            geometry.entry("type").or_insert_with(|| "Point".into());
            let coordinates = geometry
                .entry("coordinates")
                .or_insert_with(|| Value::Array(Vec::new()));
            if !coordinates.is_array() {
                *coordinates = Value::Array(Vec::new());
            }
            let Some(list) = coordinates.as_array_mut() else { return };
            while list.len() <= i {
                list.push(Value::Null);
            }
            let number = text.trim().parse::<f64>().ok().filter(|n| n.is_finite());
            list[i] = number.map_or_else(|| value.unwrap_or(Value::Null), Value::from);
        }
        Slot::Property(key) => {
            let properties = object(root, "properties");
            match value {
                Some(value) => properties.insert(key.to_owned(), value),
                None => properties.remove(key),
            };
        }
        Slot::Pair(key, lang) => {
            let properties = object(root, "properties");
            let pair = object(properties, key);
            match value {
                Some(value) => pair.insert(lang.to_owned(), value),
                None => pair.remove(lang),
            };
            if pair.is_empty() {
                properties.remove(key);
            }
        }
        Slot::Disciplines => {
            let codes: Vec<Value> = text
                .split([';', ','])
                .map(str::trim)
                .filter(|code| !code.is_empty())
                .map(Value::from)
                .collect();
            object(root, "properties").insert("disciplines".to_owned(), Value::Array(codes));
        }
    }
}

/// The form field a problem's field path belongs to: `disciplines[2]` → `disciplines`,
/// `geometry.coordinates` → `lat` (the position's first input).
#[must_use]
pub fn form_field(problem_field: &str) -> Option<String> {
    let base = problem_field.split('[').next().unwrap_or(problem_field);
    if base.starts_with("geometry") {
        return Some("lat".to_owned());
    }
    form_fields().into_iter().find(|field| field == base)
}

/// Whether `code` is a discipline of the contract (the form offers those as boxes to tick).
#[must_use]
pub fn is_discipline(code: &str) -> bool {
    Discipline::from_code(code).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn every_field_reads_back_what_was_written() {
        let mut feature = json!({ "type": "Feature" });
        for field in form_fields() {
            let field = field.as_str();
            let text = match field {
                "lat" => "21.0285",
                "lon" => "105.8542",
                "disciplines" => "music;design",
                _ => "Hàng Bạc",
            };
            set(&mut feature, field, text);
            assert_eq!(get(&feature, field), text, "{field}");
        }
        assert_eq!(
            feature["geometry"],
            json!({ "type": "Point", "coordinates": [105.8542, 21.0285] })
        );
        assert_eq!(position(&feature), Some((21.0285, 105.8542)));
        set(&mut feature, "name.en", "");
        set(&mut feature, "description.vi", "");
        set(&mut feature, "description.en", " ");
        assert_eq!(feature["properties"]["name"], json!({ "vi": "Hàng Bạc" }));
        assert!(feature["properties"].get("description").is_none());
        set(&mut feature, "disciplines", " film , music ;");
        assert_eq!(feature["properties"]["disciplines"], json!(["film", "music"]));
    }

    #[test]
    fn a_mistyped_coordinate_is_kept_as_typed() {
        let mut feature = json!({ "type": "Feature", "geometry": "nonsense" });
        set(&mut feature, "lat", "21,03");
        assert_eq!(feature["geometry"]["coordinates"], json!([null, "21,03"]));
        assert_eq!(get(&feature, "lat"), "21,03");
        assert_eq!(position(&feature), None);
    }

    #[test]
    fn problems_point_at_form_fields() {
        assert_eq!(form_field("disciplines[2]").as_deref(), Some("disciplines"));
        assert_eq!(form_field("geometry.coordinates").as_deref(), Some("lat"));
        assert_eq!(form_field("name.vi").as_deref(), Some("name.vi"));
        assert_eq!(form_field("colour"), None);
    }
}
