//! The offline background (`basemap` in the configuration): a light `GeoJSON` drawing of the city
//! (water, rivers, administrative outlines, main roads) that the map shows when its tiles cannot
//! load. The map draws the file as it is; this contract is what the data check holds it to, so
//! that what an operator ships draws as they expect.

use crate::core::model::region::Region;
use crate::core::text::lang::Lang;
use serde_json::Value;

/// What a background feature is; the map styles each kind its own way.
pub const KINDS: [&str; 4] = ["water", "river", "boundary", "road"];

/// The geometries a background may hold: areas and lines, no points.
const GEOMETRIES: [&str; 4] = ["Polygon", "MultiPolygon", "LineString", "MultiLineString"];

/// Above this a background is no longer light: it would cost a phone more than the dataset.
pub const MAX_BYTES: usize = 512 * 1024;

/// What is wrong in a background file, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BasemapProblem {
    /// The file is not a `GeoJSON` `FeatureCollection`; nothing can be drawn.
    Unreadable(String),
    /// The file is larger than [`MAX_BYTES`].
    TooLarge(usize),
    /// Feature `index` has no `properties.kind` of [`KINDS`].
    BadKind {
        /// Position in `features`.
        index: usize,
    },
    /// Feature `index` has no area or line geometry with valid coordinates.
    BadGeometry {
        /// Position in `features`.
        index: usize,
    },
    /// Feature `index` lies wholly outside the city's region: swapped or mistyped coordinates.
    OutsideRegion {
        /// Position in `features`.
        index: usize,
    },
}

impl BasemapProblem {
    /// The problem in plain words, naming the feature and field.
    #[must_use]
    pub fn describe(&self, lang: Lang) -> String {
        let kinds = KINDS.join(", ");
        let geometries = GEOMETRIES.join(", ");
        match (self, lang) {
            (Self::Unreadable(why), Lang::En) => format!("the background cannot be read: {why}"),
            (Self::Unreadable(why), Lang::Vi) => format!("không đọc được tệp nền bản đồ: {why}"),
            (Self::TooLarge(bytes), Lang::En) => {
                format!("the background is {bytes} bytes; keep it under {MAX_BYTES} (simplify the shapes)")
            }
            (Self::TooLarge(bytes), Lang::Vi) => {
                format!("tệp nền bản đồ nặng {bytes} byte; hãy giữ dưới {MAX_BYTES} (đơn giản hóa hình)")
            }
            (Self::BadKind { index }, Lang::En) => {
                format!("feature #{index}, \"properties.kind\": must be one of {kinds}")
            }
            (Self::BadKind { index }, Lang::Vi) => {
                format!("đối tượng #{index}, \"properties.kind\": phải là một trong {kinds}")
            }
            (Self::BadGeometry { index }, Lang::En) => {
                format!(
                    "feature #{index}, \"geometry\": must be a {geometries} with valid [longitude, latitude] positions"
                )
            }
            (Self::BadGeometry { index }, Lang::Vi) => {
                format!("đối tượng #{index}, \"geometry\": phải là {geometries} với các vị trí [kinh độ, vĩ độ] hợp lệ")
            }
            (Self::OutsideRegion { index }, Lang::En) => {
                format!("feature #{index}, \"geometry\": lies wholly outside the city's region")
            }
            (Self::OutsideRegion { index }, Lang::Vi) => {
                format!("đối tượng #{index}, \"geometry\": nằm hoàn toàn ngoài vùng của thành phố")
            }
        }
    }
}

/// Checks a background file's text against the contract: how many features it has, and every
/// problem.
#[must_use]
pub fn check_basemap(text: &str, region: &Region) -> (usize, Vec<BasemapProblem>) {
    let mut problems = Vec::new();
    if text.len() > MAX_BYTES {
        problems.push(BasemapProblem::TooLarge(text.len()));
    }
    let root: Value = match serde_json::from_str(text.trim_start_matches('\u{feff}')) {
        Ok(root) => root,
        Err(error) => return (0, vec![BasemapProblem::Unreadable(error.to_string())]),
    };
    let features = match (root.get("type").and_then(Value::as_str), root.get("features")) {
        (Some("FeatureCollection"), Some(Value::Array(features))) if !features.is_empty() => features,
        _ => {
            let why = "not a FeatureCollection with features".to_owned();
            return (0, vec![BasemapProblem::Unreadable(why)]);
        }
    };
    for (index, feature) in features.iter().enumerate() {
        let kind = feature.pointer("/properties/kind").and_then(Value::as_str);
        if !kind.is_some_and(|kind| KINDS.contains(&kind)) {
            problems.push(BasemapProblem::BadKind { index });
        }
        match bounds(feature.get("geometry")) {
            None => problems.push(BasemapProblem::BadGeometry { index }),
            Some(bounds) if !bounds.overlaps(region) => problems.push(BasemapProblem::OutsideRegion { index }),
            Some(_) => {}
        }
    }
    (features.len(), problems)
}

/// The rectangle around a valid area or line geometry; `None` when it is not one.
fn bounds(geometry: Option<&Value>) -> Option<Region> {
    let geometry = geometry?;
    let kind = geometry.get("type")?.as_str()?;
    let coordinates = geometry.get("coordinates")?.as_array()?;
    // Each part is a line (a list of positions) or a ring of a polygon.
    let lines: Vec<&Value> = match kind {
        "LineString" => vec![geometry.get("coordinates")?],
        "MultiLineString" | "Polygon" => coordinates.iter().collect(),
        "MultiPolygon" => coordinates
            .iter()
            .map(|polygon| polygon.as_array().map(|rings| rings.iter()))
            .collect::<Option<Vec<_>>>()?
            .into_iter()
            .flatten()
            .collect(),
        _ => return None,
    };
    let ring = kind.ends_with("Polygon");
    let mut rectangle: Option<Region> = None;
    for line in &lines {
        let positions = line.as_array()?;
        let closed = positions.first() == positions.last();
        if positions.len() < if ring { 4 } else { 2 } || (ring && !closed) {
            return None;
        }
        for position in positions {
            let (lon, lat) = match position.as_array()?.as_slice() {
                [lon, lat, ..] => (lon.as_f64()?, lat.as_f64()?),
                _ => return None,
            };
            if !(-180.0..=180.0).contains(&lon) || !(-90.0..=90.0).contains(&lat) {
                return None;
            }
            let r = rectangle.get_or_insert(Region {
                min_lat: lat,
                max_lat: lat,
                min_lon: lon,
                max_lon: lon,
            });
            r.min_lat = r.min_lat.min(lat);
            r.max_lat = r.max_lat.max(lat);
            r.min_lon = r.min_lon.min(lon);
            r.max_lon = r.max_lon.max(lon);
        }
    }
    rectangle
}

#[cfg(test)]
mod tests {
    use super::*;

    const REGION: Region = Region {
        min_lat: 10.0,
        max_lat: 10.2,
        min_lon: 105.0,
        max_lon: 105.2,
    };

    fn collection(features: &str) -> String {
        format!(r#"{{"type": "FeatureCollection", "features": [{features}]}}"#)
    }

    fn feature(kind: &str, geometry: &str) -> String {
        format!(r#"{{"type": "Feature", "properties": {{"kind": "{kind}"}}, "geometry": {geometry}}}"#)
    }

    const LAKE: &str =
        r#"{"type": "Polygon", "coordinates": [[[105.1, 10.1], [105.11, 10.1], [105.11, 10.11], [105.1, 10.1]]]}"#;
    const RIVER: &str = r#"{"type": "LineString", "coordinates": [[104.9, 10.1], [105.1, 10.1]]}"#;

    #[test]
    fn accepts_areas_and_lines_of_known_kinds() {
        let text = collection(&[feature("water", LAKE), feature("river", RIVER)].join(","));
        assert_eq!(check_basemap(&text, &REGION), (2, vec![]));
    }

    #[test]
    fn names_each_bad_feature_and_field() {
        let open_ring =
            r#"{"type": "Polygon", "coordinates": [[[105.1, 10.1], [105.11, 10.1], [105.11, 10.11], [105.12, 10.1]]]}"#;
        let far = r#"{"type": "LineString", "coordinates": [[2.3, 48.8], [2.4, 48.9]]}"#;
        let point = r#"{"type": "Point", "coordinates": [105.1, 10.1]}"#;
        let text = collection(
            &[
                feature("water", LAKE),
                feature("forest", LAKE),
                feature("water", open_ring),
                feature("road", far),
                feature("road", point),
            ]
            .join(","),
        );
        let (count, problems) = check_basemap(&text, &REGION);
        assert_eq!(count, 5);
        assert_eq!(
            problems,
            vec![
                BasemapProblem::BadKind { index: 1 },
                BasemapProblem::BadGeometry { index: 2 },
                BasemapProblem::OutsideRegion { index: 3 },
                BasemapProblem::BadGeometry { index: 4 },
            ]
        );
        assert!(
            problems[0]
                .describe(Lang::En)
                .contains("feature #1, \"properties.kind\"")
        );
        assert!(problems[1].describe(Lang::Vi).contains("đối tượng #2"));
    }

    #[test]
    fn a_file_that_is_not_a_feature_collection_is_unreadable() {
        for text in ["", "[]", r#"{"type": "Feature"}"#, &collection("")] {
            let (count, problems) = check_basemap(text, &REGION);
            assert_eq!(count, 0);
            assert!(matches!(problems[..], [BasemapProblem::Unreadable(_)]), "{text}");
        }
    }

    #[test]
    fn a_heavy_file_is_named() {
        let padding = " ".repeat(MAX_BYTES);
        let text = collection(&feature("water", LAKE)) + &padding;
        assert_eq!(
            check_basemap(&text, &REGION).1,
            vec![BasemapProblem::TooLarge(text.len())]
        );
    }

    #[test]
    fn the_fictional_towns_background_is_clean() {
        let text = std::fs::read_to_string("tests/fixtures/cities/fictional-town/basemap.geojson").unwrap();
        let (count, problems) = check_basemap(&text, &REGION);
        assert!(count >= 4);
        assert_eq!(problems, vec![]);
    }
}
