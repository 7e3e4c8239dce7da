//! A city's own vector tiles (`tiles.vector` in `data/config.json`): static Mapbox Vector Tile
//! files beside the map, in the `OpenMapTiles` schema, for boxes the city chooses, each down to
//! its own zoom. `tools/tiles/prepare_tiles.py` copies exactly these tiles out of a tile
//! repository; the map draws them and over-zooms beyond each box's deepest zoom.

use super::config::{fields, object, small_number, string, unknown};
use super::region::Region;
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
                    let list = value.as_array().ok_or("\"vector.areas\" must be a list")?;
                    areas = list.iter().map(area).collect::<Result<_, _>>()?;
                }
                "precache" => precache = value.as_bool().ok_or("\"vector.precache\" must be true or false")?,
                other => return Err(unknown(other)),
            }
        }
        let url = url.ok_or("\"vector\" needs a \"url\"")?;
        if url.contains(':') || url.starts_with('/') || url.contains("..") {
            return Err(format!(
                "\"vector.url\" must be a path relative to the page, not \"{url}\""
            ));
        }
        if ["{z}", "{x}", "{y}"].iter().any(|part| !url.contains(part)) {
            return Err("\"vector.url\" needs {z}, {x} and {y}".to_owned());
        }
        if areas.is_empty() {
            return Err("\"vector\" needs at least one box in \"areas\"".to_owned());
        }
        Ok(Self { url, areas, precache })
    }
}

fn area(value: &Value) -> Result<TileArea, String> {
    let (mut name, mut bounds, mut max_zoom) = (None, None, None);
    for (key, value) in object(value, "vector.areas")? {
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
    let (Some(bounds), Some(max_zoom)) = (bounds, max_zoom) else {
        return Err("each of \"vector.areas\" needs \"bounds\" and \"max_zoom\"".to_owned());
    };
    let lat_ok = -MERCATOR_LAT <= bounds.min_lat && bounds.min_lat < bounds.max_lat && bounds.max_lat <= MERCATOR_LAT;
    let lon_ok = -180.0 <= bounds.min_lon && bounds.min_lon < bounds.max_lon && bounds.max_lon <= 180.0;
    if !(lat_ok && lon_ok) {
        return Err(
            "\"vector.areas\" bounds must have min below max, within the map's latitudes and longitudes".to_owned(),
        );
    }
    Ok(TileArea { name, bounds, max_zoom })
}
