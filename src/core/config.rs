//! Settings an operator may change without a rebuild: where the map starts and which tiles it
//! draws. These are Hanoi's defaults.

use super::region::Region;
use super::space::LatLon;

/// A raster tile source.
#[derive(Debug, Clone, PartialEq)]
pub struct TileSource {
    /// URL template with `{z}`, `{x}` and `{y}`.
    pub url_template: String,
    /// Attribution shown on the map (HTML, from the operator, never from the dataset).
    pub attribution: String,
    /// The deepest zoom the source serves.
    pub max_zoom: u8,
}

impl TileSource {
    /// OpenStreetMap's standard tiles, with the attribution its tile policy requires.
    #[must_use]
    pub fn openstreetmap() -> Self {
        Self {
            url_template: "https://tile.openstreetmap.org/{z}/{x}/{y}.png".to_owned(),
            attribution: "&copy; <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a> contributors"
                .to_owned(),
            max_zoom: 19,
        }
    }
}

/// Everything that makes the map Hanoi's.
#[derive(Debug, Clone, PartialEq)]
pub struct CityConfig {
    /// Where the map opens.
    pub center: LatLon,
    /// The zoom it opens at.
    pub zoom: u8,
    /// Where spaces must lie.
    pub region: Region,
    /// The background map.
    pub tiles: TileSource,
    /// The dataset, relative to the page.
    pub dataset_path: String,
}

impl Default for CityConfig {
    fn default() -> Self {
        Self {
            // Hoàn Kiếm Lake: the centre most visitors expect.
            center: LatLon {
                lat: 21.0285,
                lon: 105.8480,
            },
            zoom: 13,
            region: Region::HANOI,
            tiles: TileSource::openstreetmap(),
            dataset_path: "data/spaces.geojson".to_owned(),
        }
    }
}
