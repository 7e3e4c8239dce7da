//! A city's own vector tiles (`tiles.vector` in `data/config.json`): static Mapbox Vector Tile
//! files beside the map, in the `OpenMapTiles` schema, for boxes the city chooses, each down to
//! its own zoom. `tools/tiles/prepare_tiles.py` copies exactly these tiles out of a tile
//! repository; the map draws them and over-zooms beyond each box's deepest zoom.

use crate::core::model::config::{fields, object, small_number, string, unknown};
use crate::core::model::region::Region;
use serde_json::Value;

/// The deepest latitude of Web Mercator tiles.
const MERCATOR_LAT: f64 = 85.051_128_78;

/// Vector tiles served beside the map.
#[derive(Debug, Clone, PartialEq)]
pub struct VectorTiles {
    /// URL template with `{z}`, `{x}` and `{y}`, relative to the page (never another host: the
    /// tiles ship with the map).
    pub url: String,
    /// Where tiles exist: zoom 0 to each area's `max_zoom` over its box.
    pub areas: Vec<TileArea>,
    /// Whether the service worker fetches every tile of every area at once (a kiosk), rather
    /// than keeping the tiles a visitor has seen.
    pub precache: bool,
}

/// A box with tiles from zoom 0 to `max_zoom`.
#[derive(Debug, Clone, PartialEq)]
pub struct TileArea {
    /// What the box is, for the people who edit the configuration.
    pub name: Option<String>,
    /// The box.
    pub bounds: Region,
    /// The deepest zoom with tiles in the box; the map over-zooms beyond it.
    pub max_zoom: u8,
}

impl VectorTiles {
    /// The deepest zoom any area has tiles for.
    #[must_use]
    pub fn max_data_zoom(&self) -> u8 {
        self.areas.iter().map(|a| a.max_zoom).max().unwrap_or(0)
    }

    /// Reads `tiles.vector`.
    ///
    /// # Errors
    /// A sentence naming the key that is wrong.
    pub fn from_value(value: &Value) -> Result<Self, String> {
        let (mut url, mut areas, mut precache) = (None, Vec::new(), false);
        for (key, value) in object(value, "vector")? {
            match key.as_str() {
                "url" => url = Some(string(value, key)?),
                "areas" => {
                    for item in value.as_array().ok_or(BAD_AREA)? {
                        areas.push(area(item)?);
                    }
                }
                "precache" => precache = value.as_bool().ok_or("\"vector.precache\" must be true or false")?,
                other => return Err(unknown(other)),
            }
        }
        let url = url.ok_or("\"vector\" needs a \"url\"")?;
        let relative = !(url.contains(':') || url.starts_with('/') || url.contains(".."));
        if !relative || ["{z}", "{x}", "{y}"].iter().any(|part| !url.contains(part)) {
            return Err("\"vector.url\" must be a path relative to the page with {z}, {x} and {y}".to_owned());
        }
        if areas.is_empty() {
            return Err("\"vector\" needs at least one box in \"areas\"".to_owned());
        }
        Ok(Self { url, areas, precache })
    }
}

/// What is wrong with any malformed area.
const BAD_AREA: &str = "\"vector.areas\" must list {\"bounds\": …, \"max_zoom\": …}, each bound's min below its max";

fn area(value: &Value) -> Result<TileArea, String> {
    let (mut name, mut bounds, mut max_zoom) = (None, None, None);
    for (key, value) in value.as_object().ok_or(BAD_AREA)? {
        match key.as_str() {
            "name" => name = Some(string(value, key)?),
            "bounds" => {
                let b = fields(value, key, &["min_lat", "max_lat", "min_lon", "max_lon"])?;
                bounds = Some(Region {
                    min_lat: b[0],
                    max_lat: b[1],
                    min_lon: b[2],
                    max_lon: b[3],
                });
            }
            "max_zoom" => max_zoom = Some(small_number(value, key)?),
            other => return Err(unknown(other)),
        }
    }
    match (bounds, max_zoom) {
        (Some(b), Some(max_zoom))
            if -MERCATOR_LAT <= b.min_lat
                && b.min_lat < b.max_lat
                && b.max_lat <= MERCATOR_LAT
                && -180.0 <= b.min_lon
                && b.min_lon < b.max_lon
                && b.max_lon <= 180.0 =>
        {
            Ok(TileArea {
                name,
                bounds: b,
                max_zoom,
            })
        }
        _ => Err(BAD_AREA.to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The shipped tiles are the ones the shipped configuration asks for: the manifest that
    /// `tools/tiles/prepare_tiles.py` wrote lists the same areas, and every tile it lists is there.
    #[test]
    fn shipped_tiles_match_the_configuration() {
        let read = |path: &str| serde_json::from_str::<Value>(&std::fs::read_to_string(path).unwrap()).unwrap();
        let config = read("data/config.json");
        let vector = VectorTiles::from_value(&config["tiles"]["vector"]).unwrap();
        let folder = vector.url.split("{z}").next().unwrap();
        let manifest = read(&format!("{folder}tiles.json"));
        assert_eq!(
            manifest["areas"], config["tiles"]["vector"]["areas"],
            "run tools/tiles/prepare_tiles.py again"
        );
        let tiles = manifest["tiles"].as_array().unwrap();
        assert!(!tiles.is_empty());
        let total: u64 = tiles
            .iter()
            .map(|tile| {
                let path = format!("{folder}{}.pbf", tile.as_str().unwrap());
                std::fs::metadata(&path)
                    .unwrap_or_else(|_| panic!("{path} is missing"))
                    .len()
            })
            .sum();
        assert_eq!(Some(total), manifest["bytes"].as_u64());
    }
}
