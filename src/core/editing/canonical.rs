//! The dataset's one written form, so that saving an unchanged file gives the same bytes and a
//! one-field change is a one-line diff in Git: JSON with a two-space indent, one member or
//! element a line, members in the data contract's order, text as UTF-8 (only what JSON requires
//! escaped), numbers as briefly as they read back exactly, and a final line break.

use crate::core::check::validate::KNOWN_PROPERTIES;
use crate::core::exchange::export::write_json_string;
use serde_json::{Map, Value};

/// Where an object sits in a dataset, which decides the order of its members.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// The `FeatureCollection`.
    Root,
    /// One element of `features`.
    Feature,
    /// A feature's `geometry`.
    Geometry,
    /// A feature's `properties`.
    Properties,
    /// `name` or `description`: `{"vi": …, "en": …}`.
    Pair,
    /// Anything else: members in code-point order.
    Other,
}

impl Place {
    /// The members that come first, in this order; the others follow in code-point order,
    /// except `last`.
    fn first(self) -> &'static [&'static str] {
        match self {
            Self::Root => &["type", "license", "license_url", "attribution"],
            Self::Feature => &["type", "id", "geometry", "properties"],
            Self::Geometry => &["type", "coordinates"],
            Self::Properties => KNOWN_PROPERTIES,
            Self::Pair => &["vi", "en"],
            Self::Other => &[],
        }
    }

    /// The member that comes last: the long list of features, so that the collection's own
    /// members stay at the top of the file.
    fn last(self) -> Option<&'static str> {
        (self == Self::Root).then_some("features")
    }

    /// Where the value of member `key` sits.
    fn child(self, key: &str) -> Self {
        match (self, key) {
            (Self::Feature, "geometry") => Self::Geometry,
            (Self::Feature, "properties") => Self::Properties,
            (Self::Properties, "name" | "description") => Self::Pair,
            _ => Self::Other,
        }
    }

    /// Where an element of list member `key` sits.
    fn element(self, key: &str) -> Self {
        if self == Self::Root && key == "features" {
            Self::Feature
        } else {
            Self::Other
        }
    }
}

/// The members of `object` in the canonical order for `place`.
fn ordered(object: &Map<String, Value>, place: Place) -> Vec<(&str, &Value)> {
    let first = place.first();
    let last = place.last();
    let mut members: Vec<(&str, &Value)> = first
        .iter()
        .filter_map(|key| object.get_key_value(*key).map(|(k, v)| (k.as_str(), v)))
        .collect();
    // serde_json's map iterates in code-point order.
    members.extend(
        object
            .iter()
            .filter(|(key, _)| !first.contains(&key.as_str()) && Some(key.as_str()) != last)
            .map(|(k, v)| (k.as_str(), v)),
    );
    if let Some((k, v)) = last.and_then(|key| object.get_key_value(key)) {
        members.push((k.as_str(), v));
    }
    members
}

/// Writes `value` at `depth`, `list_place` being where the elements of a list value sit.
fn write(out: &mut String, value: &Value, place: Place, list_place: Place, depth: usize) {
    let indent = |out: &mut String, depth: usize| out.extend(std::iter::repeat_n("  ", depth));
    match value {
        Value::Null => out.push_str("null"),
        Value::Bool(flag) => out.push_str(if *flag { "true" } else { "false" }),
        Value::Number(number) => out.push_str(&number.to_string()),
        Value::String(text) => write_json_string(out, text),
        Value::Array(items) if items.is_empty() => out.push_str("[]"),
        Value::Object(members) if members.is_empty() => out.push_str("{}"),
        Value::Array(items) => {
            out.push_str("[\n");
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(",\n");
                }
                indent(out, depth + 1);
                write(out, item, list_place, Place::Other, depth + 1);
            }
            out.push('\n');
            indent(out, depth);
            out.push(']');
        }
        Value::Object(object) => {
            out.push_str("{\n");
            for (i, (key, member)) in ordered(object, place).into_iter().enumerate() {
                if i > 0 {
                    out.push_str(",\n");
                }
                indent(out, depth + 1);
                write_json_string(out, key);
                out.push_str(": ");
                write(out, member, place.child(key), place.element(key), depth + 1);
            }
            out.push('\n');
            indent(out, depth);
            out.push('}');
        }
    }
}

/// A whole dataset (normally a `FeatureCollection`) in the canonical form, ending with a line
/// break.
#[must_use]
pub fn write_dataset(root: &Value) -> String {
    let mut out = String::new();
    write(&mut out, root, Place::Root, Place::Other, 0);
    out.push('\n');
    out
}

/// One feature in the canonical form, at the indent it has inside a dataset's `features`.
#[must_use]
pub fn write_feature(feature: &Value, depth: usize) -> String {
    let mut out = String::new();
    write(&mut out, feature, Place::Feature, Place::Other, depth);
    out
}

/// The collection with `features` as its features, in the canonical form: the members of
/// `root` other than `features` are kept.
#[must_use]
pub fn write_collection(root: &Map<String, Value>, features: &[Value]) -> String {
    let mut out = String::from("{\n");
    let mut first = true;
    for (key, member) in ordered(root, Place::Root) {
        if key == "features" {
            continue;
        }
        if !first {
            out.push_str(",\n");
        }
        first = false;
        out.push_str("  ");
        write_json_string(&mut out, key);
        out.push_str(": ");
        write(&mut out, member, Place::Other, Place::Other, 1);
    }
    if !first {
        out.push_str(",\n");
    }
    out.push_str("  \"features\": ");
    if features.is_empty() {
        out.push_str("[]");
    } else {
        out.push_str("[\n");
        for (i, feature) in features.iter().enumerate() {
            if i > 0 {
                out.push_str(",\n");
            }
            out.push_str("    ");
            write(&mut out, feature, Place::Feature, Place::Other, 2);
        }
        out.push_str("\n  ]");
    }
    out.push_str("\n}\n");
    out
}

/// `text` rewritten in the canonical form.
///
/// # Errors
/// When `text` is not JSON: the reader's message, with line and column.
pub fn canonical_text(text: &str) -> Result<String, serde_json::Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text)?;
    Ok(write_dataset(&value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const PUBLISHED: &str = include_str!("../../../data/spaces.geojson");

    #[test]
    fn the_published_dataset_is_already_canonical() {
        assert_eq!(canonical_text(PUBLISHED).unwrap(), PUBLISHED);
    }

    #[test]
    fn the_collection_writer_matches_the_whole_writer() {
        let root: Value = serde_json::from_str(PUBLISHED).unwrap();
        let features = root["features"].as_array().unwrap().clone();
        let object = root.as_object().unwrap();
        assert_eq!(write_collection(object, &features), PUBLISHED);
        let mut with_licence = object.clone();
        with_licence.insert("license".into(), "CC BY 4.0".into());
        let text = write_collection(&with_licence, &[]);
        assert_eq!(
            text,
            "{\n  \"type\": \"FeatureCollection\",\n  \"license\": \"CC BY 4.0\",\n  \"features\": []\n}\n"
        );
        assert_eq!(canonical_text(&text).unwrap(), text);
    }

    #[test]
    fn members_follow_the_contract_and_the_rest_is_sorted() {
        let text = r#"{"features":[{"properties":{"zeta":1,"updated":"2026-01-01","id":"a","name":{"en":"A","vi":"Á"},"alpha":[]},"geometry":{"coordinates":[105.85,21.0],"type":"Point"},"type":"Feature"}],"type":"FeatureCollection","license":"x"}"#;
        let out = canonical_text(text).unwrap();
        let keys: Vec<&str> = out
            .lines()
            .filter_map(|line| line.trim().strip_prefix('"')?.split_once("\":").map(|(k, _)| k))
            .collect();
        assert_eq!(
            keys,
            [
                "type",
                "license",
                "features",
                "type",
                "geometry",
                "type",
                "coordinates",
                "properties",
                "id",
                "name",
                "vi",
                "en",
                "updated",
                "alpha",
                "zeta"
            ]
        );
        assert!(out.contains("          21.0\n"), "{out}");
        assert_eq!(canonical_text(&out).unwrap(), out);
    }

    #[test]
    fn a_one_field_change_is_a_one_line_diff() {
        let mut root: Value = serde_json::from_str(PUBLISHED).unwrap();
        root["features"][7]["properties"]["address"] = "1 Tràng Tiền, Hoàn Kiếm, Hà Nội".into();
        let changed = write_dataset(&root);
        let before: Vec<&str> = PUBLISHED.lines().collect();
        let after: Vec<&str> = changed.lines().collect();
        assert_eq!(before.len(), after.len());
        let differing = before.iter().zip(&after).filter(|(a, b)| a != b).count();
        assert_eq!(differing, 1);
    }

    fn text() -> impl Strategy<Value = String> {
        prop_oneof!["[a-zà-ỹ \"\\\\]{0,12}", "\\PC{0,8}", "[\\x00-\\x1f]{0,3}"]
    }

    fn feature() -> impl Strategy<Value = Value> {
        (
            -180.0..180.0_f64,
            -90.0..90.0_f64,
            text(),
            proptest::option::of(text()),
            proptest::collection::vec("[a-z-]{1,10}", 0..4),
            proptest::option::of(0..1000_i64),
            proptest::option::of(text()),
        )
            .prop_map(|(lon, lat, vi, en, disciplines, extra, source)| {
                let mut properties = serde_json::json!({ "name": { "vi": vi }, "disciplines": disciplines, "id": "x" });
                if let Some(en) = en {
                    properties["name"]["en"] = en.into();
                }
                if let Some(extra) = extra {
                    properties["extra"] = extra.into();
                }
                if let Some(source) = source {
                    properties["source"] = source.into();
                }
                serde_json::json!({ "type": "Feature", "geometry": { "type": "Point", "coordinates": [lon, lat] }, "properties": properties })
            })
    }

    proptest! {
        #[test]
        fn writing_reading_and_writing_again_is_the_same(features in proptest::collection::vec(feature(), 0..6)) {
            let root = serde_json::json!({ "type": "FeatureCollection", "features": features });
            let once = write_dataset(&root);
            let read: Value = serde_json::from_str(&once).unwrap();
            prop_assert_eq!(&read, &root);
            prop_assert_eq!(write_dataset(&read), once.clone());
            prop_assert_eq!(write_collection(read.as_object().unwrap(), read["features"].as_array().unwrap()), once);
        }
    }
}
