//! Where a space stands against the city's own background (`basemap`): in a lake or a river, or
//! in another district than the one its record names. The data check and the editors'
//! workbench ask this one module, so both say the same thing about the same position.
//!
//! These are warnings, not errors. The background is simplified (shores to a few metres,
//! district outlines to tens), a space can stand on an island, a pier or a boat, and a record
//! can name the district of its postal address while its door is across a boundary street. A
//! warning asks an editor to look; the bundled dataset is held to none (`check-data --strict`).

use crate::core::check::problem::{Effect, Location, Problem, ProblemKind, Severity};
use crate::core::check::validate::Dataset;
use crate::core::geometry::trig::cos;
use crate::core::model::space::{LatLon, Space};
use serde_json::Value;

/// How deep inside water a position must lie to be reported: the background's shores are
/// simplified to about 4 m, and a lakeside café's door is a few metres from the water.
pub const WATER_MARGIN_M: f64 = 15.0;

/// How far outside its named district a position must lie to be reported: the district outlines
/// were digitised coarsely in places (tens of metres) and boundaries often run along streets.
pub const DISTRICT_MARGIN_M: f64 = 60.0;

/// A ring of `[lon, lat]` positions, closed.
type Ring = Vec<[f64; 2]>;

/// An area: polygons, each an outer ring and its holes.
#[derive(Debug, Clone, Default)]
struct Area {
    polygons: Vec<Vec<Ring>>,
}

/// The parts of a city's background that say where things cannot or must be.
#[derive(Debug, Clone, Default)]
pub struct Outlines {
    /// Lakes, ponds and river areas, with their names where the background has them.
    water: Vec<(Option<String>, Area)>,
    /// Administrative areas by name (Hanoi's districts).
    districts: Vec<(String, Area)>,
}

impl Outlines {
    /// Reads the `water` and `boundary` features of a background file; other kinds and
    /// unreadable features are passed over (the background check reports those).
    ///
    /// # Errors
    /// When the text is not a `GeoJSON` `FeatureCollection`.
    pub fn from_geojson(text: &str) -> Result<Self, String> {
        let root: Value =
            serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|error| error.to_string())?;
        let features = root
            .get("features")
            .and_then(Value::as_array)
            .filter(|_| root.get("type").and_then(Value::as_str) == Some("FeatureCollection"))
            .ok_or_else(|| "not a FeatureCollection with features".to_owned())?;
        let mut outlines = Self::default();
        for feature in features {
            let kind = feature.pointer("/properties/kind").and_then(Value::as_str);
            let name = feature
                .pointer("/properties/name")
                .and_then(Value::as_str)
                .map(str::to_owned);
            let Some(area) = feature.get("geometry").and_then(area) else {
                continue;
            };
            match (kind, name) {
                (Some("water"), name) => outlines.water.push((name, area)),
                (Some("boundary"), Some(name)) => outlines.districts.push((name, area)),
                _ => {}
            }
        }
        Ok(outlines)
    }

    /// Whether the background knows any district, so that a district can be checked at all.
    #[must_use]
    pub fn has_districts(&self) -> bool {
        !self.districts.is_empty()
    }

    /// The water `point` lies in, more than [`WATER_MARGIN_M`] from its shore: `Some(name)`,
    /// the name being `None` for unnamed water.
    #[must_use]
    pub fn water_at(&self, point: LatLon) -> Option<Option<&str>> {
        self.water
            .iter()
            .find(|(_, area)| area.contains(point) && area.distance_to_edge_m(point) > WATER_MARGIN_M)
            .map(|(name, _)| name.as_deref())
    }

    /// The districts whose outline holds `point`.
    pub fn districts_at(&self, point: LatLon) -> impl Iterator<Item = &str> {
        self.districts
            .iter()
            .filter(move |(_, area)| area.contains(point))
            .map(|(name, _)| name.as_str())
    }

    /// Whether `point` is outside the district called `name` by more than
    /// [`DISTRICT_MARGIN_M`]; `None` when the background has no district of that name (a
    /// district beyond the drawn area, or a name the check cannot judge).
    #[must_use]
    pub fn outside_district(&self, point: LatLon, name: &str) -> Option<bool> {
        let wanted = normalize_district(name);
        let (_, area) = self
            .districts
            .iter()
            .find(|(district, _)| normalize_district(district) == wanted)?;
        Some(!area.contains(point) && area.distance_to_edge_m(point) > DISTRICT_MARGIN_M)
    }
}

/// Every geographic warning for the spaces of `dataset`, located by feature index and id.
#[must_use]
pub fn geographic_problems(dataset: &Dataset, outlines: &Outlines) -> Vec<Problem> {
    dataset
        .spaces_with_index()
        .flat_map(|(index, space)| space_problems(index, space, outlines))
        .collect()
}

/// The geographic warnings for one space at feature `index`: in water, outside its district.
#[must_use]
pub fn space_problems(index: usize, space: &Space, outlines: &Outlines) -> Vec<Problem> {
    let warning = |field: &str, kind: ProblemKind| Problem {
        severity: Severity::Warning,
        effect: Effect::None,
        location: Location::Feature {
            index,
            id: Some(space.id.clone()),
        },
        field: Some(field.to_owned()),
        kind,
    };
    let mut problems = Vec::new();
    if let Some(water) = outlines.water_at(space.position) {
        problems.push(warning(
            "geometry",
            ProblemKind::InWater {
                water: water.map(str::to_owned),
            },
        ));
    }
    if let Some(named) = space.district.as_deref()
        && outlines.outside_district(space.position, named) == Some(true)
    {
        let found = outlines.districts_at(space.position).next().map(str::to_owned);
        problems.push(warning(
            "district",
            ProblemKind::OutsideDistrict {
                named: named.to_owned(),
                found,
            },
        ));
    }
    problems
}

/// A district name as written in records and outlines alike: "Quận Hoàn Kiếm" and
/// "hoàn kiếm" are "Hoàn Kiếm".
fn normalize_district(name: &str) -> String {
    let name = name.trim();
    let name = ["Quận ", "quận ", "Q. ", "District "]
        .iter()
        .find_map(|prefix| name.strip_prefix(prefix))
        .unwrap_or(name);
    name.trim().to_lowercase()
}

/// The area of a `Polygon` or `MultiPolygon` geometry; `None` for anything else.
fn area(geometry: &Value) -> Option<Area> {
    let coordinates = geometry.get("coordinates")?;
    let polygons = match geometry.get("type")?.as_str()? {
        "Polygon" => vec![polygon(coordinates)?],
        "MultiPolygon" => coordinates
            .as_array()?
            .iter()
            .map(polygon)
            .collect::<Option<Vec<_>>>()?,
        _ => return None,
    };
    Some(Area { polygons })
}

fn polygon(value: &Value) -> Option<Vec<Ring>> {
    value
        .as_array()?
        .iter()
        .map(|ring| {
            let positions = ring
                .as_array()?
                .iter()
                .map(|position| Some([position.get(0)?.as_f64()?, position.get(1)?.as_f64()?]))
                .collect::<Option<Ring>>()?;
            (positions.len() >= 4).then_some(positions)
        })
        .collect()
}

impl Area {
    /// Whether `point` is inside: in an outer ring and in none of its holes (even–odd rule).
    fn contains(&self, point: LatLon) -> bool {
        self.polygons
            .iter()
            .any(|rings| rings.iter().filter(|ring| ring_contains(ring, point)).count() % 2 == 1)
    }

    /// The distance from `point` to the nearest edge of any ring, in metres (flat Earth over a
    /// city, good to well under a metre at these distances).
    fn distance_to_edge_m(&self, point: LatLon) -> f64 {
        let metres_per_lon = METRES_PER_DEGREE * cos(point.lat.to_radians());
        let local = |[lon, lat]: [f64; 2]| {
            (
                (lon - point.lon) * metres_per_lon,
                (lat - point.lat) * METRES_PER_DEGREE,
            )
        };
        self.polygons
            .iter()
            .flatten()
            .flat_map(|ring| ring.windows(2))
            .map(|edge| segment_distance(local(edge[0]), local(edge[1])))
            .fold(f64::INFINITY, f64::min)
    }
}

/// Metres in a degree of latitude (and of longitude at the equator).
const METRES_PER_DEGREE: f64 = 111_195.0;

/// Ray casting: whether a horizontal ray east from `point` crosses the ring an odd number of times.
fn ring_contains(ring: &[[f64; 2]], point: LatLon) -> bool {
    let (x, y) = (point.lon, point.lat);
    let mut inside = false;
    for edge in ring.windows(2) {
        let ([x1, y1], [x2, y2]) = (edge[0], edge[1]);
        if (y1 > y) != (y2 > y) && x < x1 + (y - y1) * (x2 - x1) / (y2 - y1) {
            inside = !inside;
        }
    }
    inside
}

/// Distance from the origin to the segment between `a` and `b`.
fn segment_distance(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let length_squared = dx * dx + dy * dy;
    let t = if length_squared == 0.0 {
        0.0
    } else {
        (-(a.0 * dx + a.1 * dy) / length_squared).clamp(0.0, 1.0)
    };
    (a.0 + t * dx).hypot(a.1 + t * dy)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::check::validate::parse_str;
    use crate::core::model::region::Region;
    use proptest::prelude::*;

    /// A square lake with a square island, and two districts side by side (west and east of
    /// longitude 105.85), in the background contract.
    const OUTLINES: &str = r#"{"type":"FeatureCollection","features":[
        {"type":"Feature","properties":{"kind":"water","name":"Hồ Thử"},"geometry":{"type":"Polygon","coordinates":[
            [[105.80,21.00],[105.81,21.00],[105.81,21.01],[105.80,21.01],[105.80,21.00]],
            [[105.804,21.004],[105.806,21.004],[105.806,21.006],[105.804,21.006],[105.804,21.004]]]}},
        {"type":"Feature","properties":{"kind":"boundary","name":"Tây"},"geometry":{"type":"MultiPolygon","coordinates":[
            [[[105.70,20.95],[105.85,20.95],[105.85,21.10],[105.70,21.10],[105.70,20.95]]]]}},
        {"type":"Feature","properties":{"kind":"boundary","name":"Đông"},"geometry":{"type":"Polygon","coordinates":[
            [[105.85,20.95],[105.95,20.95],[105.95,21.10],[105.85,21.10],[105.85,20.95]]]}},
        {"type":"Feature","properties":{"kind":"road","name":"Đường"},"geometry":{"type":"LineString","coordinates":[[105.7,21.0],[105.9,21.0]]}}
    ]}"#;

    fn outlines() -> Outlines {
        Outlines::from_geojson(OUTLINES).unwrap()
    }

    fn at(lon: f64, lat: f64) -> LatLon {
        LatLon { lat, lon }
    }

    fn dataset(features: &[(f64, f64, &str)]) -> Dataset {
        let features: Vec<String> = features
            .iter()
            .enumerate()
            .map(|(n, (lon, lat, district))| {
                format!(
                    r#"{{"type":"Feature","geometry":{{"type":"Point","coordinates":[{lon},{lat}]}},
                    "properties":{{"id":"s-{n}","name":{{"vi":"S","en":"S"}},"disciplines":["music"],
                    "space_type":"cafe","operator":"private","address":"x","district":"{district}"}}}}"#
                )
            })
            .collect();
        let text = format!(r#"{{"type":"FeatureCollection","features":[{}]}}"#, features.join(","));
        parse_str(&text, &Region::HANOI)
    }

    #[test]
    fn a_lake_holds_its_middle_but_not_its_island_or_its_shore() {
        let outlines = outlines();
        assert_eq!(outlines.water_at(at(105.802, 21.002)), Some(Some("Hồ Thử")));
        assert_eq!(outlines.water_at(at(105.805, 21.005)), None, "the island is land");
        assert_eq!(outlines.water_at(at(105.80005, 21.005)), None, "5 m from the shore");
        assert_eq!(outlines.water_at(at(105.82, 21.005)), None, "beside the lake");
    }

    #[test]
    fn a_district_is_judged_with_a_margin_and_by_its_plain_name() {
        let outlines = outlines();
        assert_eq!(outlines.outside_district(at(105.80, 21.02), "Tây"), Some(false));
        assert_eq!(outlines.outside_district(at(105.90, 21.02), "Tây"), Some(true));
        assert_eq!(
            outlines.outside_district(at(105.8503, 21.02), "Tây"),
            Some(false),
            "33 m over the line"
        );
        assert_eq!(outlines.outside_district(at(105.90, 21.02), "Quận Đông"), Some(false));
        assert_eq!(outlines.outside_district(at(105.90, 21.02), "Gia Lâm"), None);
        assert_eq!(outlines.districts_at(at(105.90, 21.02)).collect::<Vec<_>>(), ["Đông"]);
    }

    #[test]
    fn the_dataset_check_names_feature_id_and_field() {
        let dataset = dataset(&[(105.80, 21.02, "Tây"), (105.802, 21.002, "Tây"), (105.90, 21.02, "Tây")]);
        let problems = geographic_problems(&dataset, &outlines());
        let described: Vec<String> = problems
            .iter()
            .map(|p| p.describe(crate::core::text::lang::Lang::En))
            .collect();
        assert_eq!(problems.len(), 2, "{described:#?}");
        assert!(
            described[0].starts_with("features[1] (id \"s-1\"), field \"geometry\":"),
            "{}",
            described[0]
        );
        assert!(described[0].contains("Hồ Thử"), "{}", described[0]);
        assert!(
            described[1].starts_with("features[2] (id \"s-2\"), field \"district\":"),
            "{}",
            described[1]
        );
        assert!(described[1].contains("Đông"), "{}", described[1]);
        assert!(problems.iter().all(|p| p.severity == Severity::Warning));
    }

    #[test]
    fn skipped_features_do_not_shift_the_indices() {
        let text = format!(
            r#"{{"type":"FeatureCollection","features":[{{"type":"Feature"}},{}]}}"#,
            r#"{"type":"Feature","geometry":{"type":"Point","coordinates":[105.802,21.002]},
               "properties":{"id":"wet","name":{"vi":"S","en":"S"},"disciplines":["music"],"space_type":"cafe","operator":"private","address":"x"}}"#
        );
        let dataset = parse_str(&text, &Region::HANOI);
        let problems = geographic_problems(&dataset, &outlines());
        assert_eq!(problems.len(), 1);
        assert!(matches!(problems[0].location, Location::Feature { index: 1, .. }));
    }

    #[test]
    fn a_file_that_is_not_a_collection_is_refused() {
        assert!(Outlines::from_geojson("[]").is_err());
        assert!(Outlines::from_geojson("{").is_err());
        assert!(
            !Outlines::from_geojson(r#"{"type":"FeatureCollection","features":[]}"#)
                .unwrap()
                .has_districts()
        );
    }

    proptest! {
        /// A point is inside exactly one of two districts that share a border and cover the box.
        #[test]
        fn adjoining_districts_never_both_hold_a_point(lon in 105.7f64..105.95, lat in 20.95f64..21.1) {
            let outlines = outlines();
            prop_assert_eq!(outlines.districts_at(at(lon, lat)).count(), 1);
        }

        /// Nothing outside a ring's bounding box is inside it.
        #[test]
        fn outside_the_box_is_outside(lon in 105.0f64..106.5, lat in 20.0f64..22.0) {
            prop_assume!(!(105.80..=105.81).contains(&lon) || !(21.00..=21.01).contains(&lat));
            let outlines = outlines();
            prop_assert_eq!(outlines.water_at(at(lon, lat)), None);
        }
    }
}
