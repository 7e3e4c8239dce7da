//! The city a deployment serves, read from `data/config.json` beside the dataset so that any
//! Creative City can run the same bundle by changing files only. Every key is optional: what is
//! missing keeps Hanoi's default.

use crate::core::check::validate::fields::{is_email, is_http_url};
use crate::core::exchange::export::DataLicence;
use crate::core::model::region::Region;
use crate::core::model::space::LatLon;
use crate::core::model::vector_tiles::VectorTiles;
use crate::core::text::lang::Lang;
use serde_json::{Map, Value};

/// Where the configuration is, relative to the page.
pub const CONFIG_PATH: &str = "data/config.json";

/// The background map's tiles: raster images from `url`, or the city's own vector tiles.
#[derive(Debug, Clone, PartialEq)]
pub struct TileSource {
    /// URL template with `{z}`, `{x}` and `{y}`: an http(s) URL, or a path relative to the page
    /// for tiles hosted beside the map. Unused when `vector` is set.
    pub url: String,
    /// Attribution shown on the map (HTML, from the operator, never from the dataset).
    pub attribution: String,
    /// The deepest zoom of the map: the source serves it, or vector tiles are over-zoomed to it.
    pub max_zoom: u8,
    /// Vector tiles beside the map, drawn in the app's own styles, instead of raster `url`.
    pub vector: Option<VectorTiles>,
}

impl Default for TileSource {
    /// OpenStreetMap's standard tiles, with the attribution its tile policy requires.
    fn default() -> Self {
        Self {
            url: "https://tile.openstreetmap.org/{z}/{x}/{y}.png".to_owned(),
            attribution: "&copy; <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a> contributors"
                .to_owned(),
            max_zoom: 19,
            vector: None,
        }
    }
}

/// The light vector background drawn when tiles cannot load (see [`crate::core::check::basemap`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BasemapSource {
    /// The `GeoJSON` file, relative to the page, so that it is cached for offline use.
    pub url: String,
    /// Whose data it is, under which licence (HTML, from the operator): shown while it is drawn.
    pub attribution: String,
}

/// A text in both languages.
#[derive(Debug, Clone, PartialEq)]
pub struct TextPair {
    /// Vietnamese.
    pub vi: String,
    /// English.
    pub en: String,
}

impl TextPair {
    /// The text in `lang`.
    #[must_use]
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Vi => &self.vi,
            Lang::En => &self.en,
        }
    }
}

/// Everything that makes the map a given city's.
#[derive(Debug, Clone, PartialEq)]
pub struct CityConfig {
    /// The map's title.
    pub title: TextPair,
    /// A line under the title.
    pub subtitle: TextPair,
    /// Where the map opens.
    pub center: LatLon,
    /// The zoom it opens at.
    pub zoom: u8,
    /// Where spaces must lie (also used by the data check).
    pub region: Region,
    /// The background map.
    pub tiles: TileSource,
    /// The background drawn when the tiles cannot load; without one, only a notice is shown.
    pub basemap: Option<BasemapSource>,
    /// The language when neither the link nor the browser chooses one.
    pub default_lang: Lang,
    /// The dataset, relative to the page.
    pub dataset: String,
    /// The curated trails, relative to the page.
    pub trails: String,
    /// The terms the data is published under, written into every download.
    pub licence: DataLicence,
    /// Where visitors' suggestions and applications go; with none, the form offers the text
    /// to copy.
    pub suggest: SuggestChannel,
}

/// Where a visitor's suggestion is sent, with no server: an e-mail address, a repository's
/// new-issue form, or both.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SuggestChannel {
    /// The network's coordination centre, for a `mailto:` link.
    pub email: Option<String>,
    /// A new-issue URL (`https://…/issues/new`), given the text as `title` and `body`.
    pub issue_url: Option<String>,
}

impl Default for CityConfig {
    fn default() -> Self {
        Self {
            title: TextPair {
                vi: "Bản đồ Không gian Sáng tạo Hà Nội".into(),
                en: "Hanoi Creative Spaces Map".into(),
            },
            subtitle: TextPair {
                vi: "Mạng lưới không gian văn hóa và sáng tạo — Thành phố Sáng tạo Thiết kế của UNESCO".into(),
                en: "Network of cultural and creative spaces — UNESCO Creative City of Design".into(),
            },
            // Hoàn Kiếm Lake: the centre most visitors expect.
            center: LatLon {
                lat: 21.0285,
                lon: 105.8480,
            },
            zoom: 13,
            region: Region::HANOI,
            tiles: TileSource::default(),
            // No openly licensed outline of Hanoi is bundled yet (see data/README.md).
            basemap: None,
            default_lang: Lang::Vi,
            dataset: "data/spaces.geojson".to_owned(),
            trails: "data/trails.json".to_owned(),
            licence: DataLicence {
                name: "CC BY 4.0".to_owned(),
                url: "https://creativecommons.org/licenses/by/4.0/".to_owned(),
                attribution: "Hanoi Creative Spaces Map contributors".to_owned(),
            },
            suggest: SuggestChannel::default(),
        }
    }
}

impl CityConfig {
    /// Reads a configuration file's text; a key that is absent keeps its default.
    ///
    /// # Errors
    /// A plain sentence naming what is wrong: bad JSON, an unknown key, a dataset path that is
    /// not relative, a tile URL that is neither http(s) nor relative, a centre outside the
    /// region.
    pub fn from_json(text: &str) -> Result<Self, String> {
        let config =
            Self::from_value(&serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| e.to_string())?)?;
        let basemap = config.basemap.as_ref().map(|b| ("basemap.url", &b.url));
        let paths = [("dataset", &config.dataset), ("trails", &config.trails)];
        for (key, path) in paths.into_iter().chain(basemap) {
            if path.contains(':') || path.starts_with('/') || path.contains("..") {
                return Err(format!("\"{key}\" must be a path relative to the page, not \"{path}\""));
            }
        }
        if config.suggest.email.as_deref().is_some_and(|e| !is_email(e)) {
            return Err("\"suggest.email\" must be an e-mail address".to_owned());
        }
        if config.suggest.issue_url.as_deref().is_some_and(|u| !is_http_url(u)) {
            return Err("\"suggest.issue_url\" must be an http(s) URL".to_owned());
        }
        if !is_http_url(&config.licence.url) {
            return Err("\"licence.url\" must be an http(s) URL".to_owned());
        }
        let tiles = &config.tiles.url;
        let has_scheme = tiles.split('/').next().is_some_and(|first| first.contains(':'));
        if tiles.starts_with("//") || (has_scheme && !is_http_url(&tiles.replace(['{', '}'], ""))) {
            return Err(format!(
                "\"tiles.url\" must be an http(s) URL or a relative path, not \"{tiles}\""
            ));
        }
        if !config.region.contains(config.center) {
            return Err("\"center\" lies outside \"region\"".to_owned());
        }
        Ok(config)
    }

    /// Reads the keys present over Hanoi's defaults. Written by hand rather than derived: the
    /// derive cost 10 KB of the wasm bundle for eight keys.
    fn from_value(value: &Value) -> Result<Self, String> {
        let mut config = Self::default();
        for (key, value) in object(value, "the configuration")? {
            match key.as_str() {
                "title" => config.title = text_pair(value, key)?,
                "subtitle" => config.subtitle = text_pair(value, key)?,
                "center" => {
                    let center = fields(value, key, &["lat", "lon"])?;
                    config.center = LatLon {
                        lat: center[0],
                        lon: center[1],
                    };
                }
                "zoom" => config.zoom = small_number(value, key)?,
                "region" => {
                    let r = fields(value, key, &["min_lat", "max_lat", "min_lon", "max_lon"])?;
                    config.region = Region {
                        min_lat: r[0],
                        max_lat: r[1],
                        min_lon: r[2],
                        max_lon: r[3],
                    };
                }
                "tiles" => config.tiles = tiles(value)?,
                "basemap" => config.basemap = Some(basemap(value)?),
                "default_lang" => {
                    let code = string(value, key)?;
                    config.default_lang =
                        Lang::from_code(&code).ok_or_else(|| format!("\"{key}\" must be \"vi\" or \"en\""))?;
                }
                "dataset" => config.dataset = string(value, key)?,
                "trails" => config.trails = string(value, key)?,
                "licence" => {
                    for (licence_key, licence_value) in object(value, key)? {
                        let text = string(licence_value, licence_key)?;
                        match licence_key.as_str() {
                            "name" => config.licence.name = text,
                            "url" => config.licence.url = text,
                            "attribution" => config.licence.attribution = text,
                            other => return Err(unknown(other)),
                        }
                    }
                }
                "suggest" => {
                    for (channel_key, channel_value) in object(value, key)? {
                        let text = string(channel_value, channel_key)?;
                        match channel_key.as_str() {
                            "email" => config.suggest.email = Some(text),
                            "issue_url" => config.suggest.issue_url = Some(text),
                            other => return Err(unknown(other)),
                        }
                    }
                }
                other => return Err(unknown(other)),
            }
        }
        Ok(config)
    }

    /// The host the tiles come from, for the page's Content-Security-Policy; `None` for tiles
    /// served beside the map.
    #[must_use]
    pub fn tile_origin(&self) -> Option<&str> {
        if self.tiles.vector.is_some() {
            return None;
        }
        let rest = self.tiles.url.split_once("://")?.1;
        let end = rest.find('/').unwrap_or(rest.len());
        let scheme_len = self.tiles.url.len() - rest.len();
        Some(&self.tiles.url[..scheme_len + end])
    }
}

pub(super) fn unknown(key: &str) -> String {
    format!("unknown key \"{key}\"")
}

pub(super) fn object<'v>(value: &'v Value, what: &str) -> Result<&'v Map<String, Value>, String> {
    value.as_object().ok_or_else(|| format!("\"{what}\" must be an object"))
}

/// `tiles`: raster (`url`) or vector (`vector`), not both; the deepest zoom covers the vector
/// tiles' own.
fn tiles(value: &Value) -> Result<TileSource, String> {
    let mut tiles = TileSource::default();
    let mut raster = false;
    for (key, value) in object(value, "tiles")? {
        match key.as_str() {
            "url" => {
                tiles.url = string(value, key)?;
                raster = true;
            }
            "attribution" => tiles.attribution = string(value, key)?,
            "max_zoom" => tiles.max_zoom = small_number(value, key)?,
            "vector" => tiles.vector = Some(VectorTiles::from_value(value)?),
            other => return Err(unknown(other)),
        }
    }
    if let Some(vector) = &tiles.vector {
        if raster {
            return Err("\"tiles\": a raster \"url\" or \"vector\", not both".to_owned());
        }
        if vector.max_data_zoom() > tiles.max_zoom {
            return Err("\"tiles.max_zoom\" is below the vector areas'".to_owned());
        }
    }
    Ok(tiles)
}

pub(super) fn string(value: &Value, key: &str) -> Result<String, String> {
    value
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| format!("\"{key}\" must be text"))
}

fn basemap(value: &Value) -> Result<BasemapSource, String> {
    let (mut url, mut attribution) = (None, None);
    for (basemap_key, basemap_value) in object(value, "basemap")? {
        let text = Some(string(basemap_value, basemap_key)?).filter(|t| !t.trim().is_empty());
        match basemap_key.as_str() {
            "url" => url = text,
            "attribution" => attribution = text,
            other => return Err(unknown(other)),
        }
    }
    match (url, attribution) {
        (Some(url), Some(attribution)) => Ok(BasemapSource { url, attribution }),
        _ => Err("\"basemap\" needs a \"url\" and the data's \"attribution\"".to_owned()),
    }
}

pub(super) fn small_number(value: &Value, key: &str) -> Result<u8, String> {
    value
        .as_u64()
        .and_then(|n| u8::try_from(n).ok())
        .filter(|n| *n <= 22)
        .ok_or_else(|| format!("\"{key}\" must be a zoom from 0 to 22"))
}

fn text_pair(value: &Value, key: &str) -> Result<TextPair, String> {
    let pair = object(value, key)?;
    if let Some(other) = pair.keys().find(|k| *k != "vi" && *k != "en") {
        return Err(unknown(other));
    }
    let text = |lang: &str| pair.get(lang).and_then(Value::as_str).map(str::to_owned);
    match (text("vi"), text("en")) {
        (Some(vi), Some(en)) => Ok(TextPair { vi, en }),
        _ => Err(format!("\"{key}\" needs \"vi\" and \"en\" texts")),
    }
}

/// The numbers at `names` in the object `value`, all required, no other keys.
pub(super) fn fields(value: &Value, key: &str, names: &[&str]) -> Result<Vec<f64>, String> {
    let map = object(value, key)?;
    if let Some(other) = map.keys().find(|k| !names.contains(&k.as_str())) {
        return Err(unknown(other));
    }
    names
        .iter()
        .map(|name| {
            map.get(*name)
                .and_then(Value::as_f64)
                .ok_or_else(|| format!("\"{key}.{name}\" must be a number"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_object_is_hanoi() {
        assert_eq!(CityConfig::from_json("{}").unwrap(), CityConfig::default());
    }

    #[test]
    fn partial_config_keeps_other_defaults() {
        let config = CityConfig::from_json(r#"{"zoom": 11, "tiles": {"url": "tiles/{z}/{x}/{y}.png"}}"#).unwrap();
        assert_eq!(config.zoom, 11);
        assert_eq!(config.tiles.url, "tiles/{z}/{x}/{y}.png");
        assert_eq!(config.tiles.max_zoom, 19);
        assert_eq!(config.tile_origin(), None);
        assert_eq!(
            CityConfig::default().tile_origin(),
            Some("https://tile.openstreetmap.org")
        );
    }

    #[test]
    fn rejects_what_would_escape_the_page() {
        for bad in [
            r#"{"dataset": "https://evil.example/x.geojson"}"#,
            r#"{"dataset": "/etc/passwd"}"#,
            r#"{"dataset": "../x.geojson"}"#,
            r#"{"tiles": {"url": "javascript:alert(1)//{z}"}}"#,
            r#"{"center": {"lat": 10.7, "lon": 106.7}}"#,
            r#"{"zoom": "near"}"#,
            r#"{"zom": 3}"#,
            r#"{"trails": "https://evil.example/t.json"}"#,
            r#"{"licence": {"url": "data:text/html,x"}}"#,
            r#"{"suggest": {"email": "not an address"}}"#,
            r#"{"suggest": {"issue_url": "javascript:alert(1)"}}"#,
            r#"{"suggest": {"fax": "1"}}"#,
            r#"{"licence": {"licence": "MIT"}}"#,
            r#"{"basemap": {"url": "https://elsewhere.example/b.geojson", "attribution": "x"}}"#,
            r#"{"basemap": {"url": "data/basemap.geojson"}}"#,
            r#"{"basemap": {"url": "data/basemap.geojson", "attribution": " "}}"#,
            "not json",
        ] {
            assert!(CityConfig::from_json(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn reads_the_licence_and_the_suggestion_channel() {
        let config = CityConfig::from_json(
            r#"{"licence": {"name": "ODbL 1.0", "url": "https://opendatacommons.org/licenses/odbl/1-0/"},
                "suggest": {"email": "map@example.org", "issue_url": "https://example.org/repo/issues/new"}}"#,
        )
        .unwrap();
        assert_eq!(config.suggest.email.as_deref(), Some("map@example.org"));
        assert_eq!(
            config.suggest.issue_url.as_deref(),
            Some("https://example.org/repo/issues/new")
        );
        assert_eq!(config.licence.name, "ODbL 1.0");
        assert_eq!(config.licence.attribution, CityConfig::default().licence.attribution);
    }

    #[test]
    fn reads_the_offline_background() {
        let config =
            CityConfig::from_json(r#"{"basemap": {"url": "data/basemap.geojson", "attribution": "Cloud Town (CC0)"}}"#)
                .unwrap();
        let basemap = config.basemap.unwrap();
        assert_eq!(
            (basemap.url.as_str(), basemap.attribution.as_str()),
            ("data/basemap.geojson", "Cloud Town (CC0)")
        );
        assert_eq!(CityConfig::default().basemap, None);
    }

    const VECTOR: &str = r#"{"tiles": {"vector": {"url": "data/tiles/{z}/{x}/{y}.pbf", "areas": [
        {"name": "region", "bounds": {"min_lat": 20.5, "max_lat": 21.45, "min_lon": 105.25, "max_lon": 106.05}, "max_zoom": 10},
        {"bounds": {"min_lat": 20.9, "max_lat": 21.15, "min_lon": 105.7, "max_lon": 105.95}, "max_zoom": 14}]},
        "attribution": "© OpenStreetMap contributors, ODbL 1.0", "max_zoom": 19}}"#;

    #[test]
    fn reads_vector_tiles_and_over_zooms_them() {
        let config = CityConfig::from_json(VECTOR).unwrap();
        let vector = config.tiles.vector.as_ref().unwrap();
        assert_eq!(vector.url, "data/tiles/{z}/{x}/{y}.pbf");
        assert_eq!(vector.areas.len(), 2);
        assert_eq!(vector.areas[0].name.as_deref(), Some("region"));
        assert_eq!(vector.areas[1].name, None);
        assert!((vector.areas[1].bounds.max_lon - 105.95).abs() < 1e-9);
        assert_eq!(vector.max_data_zoom(), 14);
        assert!(!vector.precache);
        assert_eq!(config.tiles.max_zoom, 19, "the map zooms beyond the tiles");
        assert_eq!(config.tile_origin(), None, "vector tiles are never on another host");
        let kiosk = VECTOR.replace(r#""url": "data"#, r#""precache": true, "url": "data"#);
        assert!(CityConfig::from_json(&kiosk).unwrap().tiles.vector.unwrap().precache);
    }

    #[test]
    fn a_raster_source_stays_raster() {
        let config =
            CityConfig::from_json(r#"{"tiles": {"url": "https://tiles.example.org/{z}/{x}/{y}.png"}}"#).unwrap();
        assert_eq!(config.tiles.vector, None);
        assert_eq!(config.tile_origin(), Some("https://tiles.example.org"));
        assert_eq!(CityConfig::default().tiles.vector, None);
    }

    #[test]
    fn rejects_vector_tiles_it_cannot_serve() {
        let area = r#"{"bounds": {"min_lat": 1, "max_lat": 2, "min_lon": 3, "max_lon": 4}, "max_zoom": 14}"#;
        let vector = |inner: &str| format!(r#"{{"tiles": {{"vector": {inner}}}}}"#);
        for bad in [
            vector(&format!(
                r#"{{"url": "https://elsewhere.example/{{z}}/{{x}}/{{y}}.pbf", "areas": [{area}]}}"#
            )),
            vector(&format!(
                r#"{{"url": "/tiles/{{z}}/{{x}}/{{y}}.pbf", "areas": [{area}]}}"#
            )),
            vector(&format!(
                r#"{{"url": "../tiles/{{z}}/{{x}}/{{y}}.pbf", "areas": [{area}]}}"#
            )),
            vector(&format!(r#"{{"url": "tiles/{{z}}/{{x}}.pbf", "areas": [{area}]}}"#)),
            vector(&format!(r#"{{"areas": [{area}]}}"#)),
            vector(r#"{"url": "t/{z}/{x}/{y}.pbf", "areas": []}"#),
            vector(r#"{"url": "t/{z}/{x}/{y}.pbf"}"#),
            vector(
                r#"{"url": "t/{z}/{x}/{y}.pbf", "areas": [{"bounds": {"min_lat": 2, "max_lat": 1, "min_lon": 3, "max_lon": 4}, "max_zoom": 3}]}"#,
            ),
            vector(
                r#"{"url": "t/{z}/{x}/{y}.pbf", "areas": [{"bounds": {"min_lat": 1, "max_lat": 89, "min_lon": 3, "max_lon": 4}, "max_zoom": 3}]}"#,
            ),
            vector(
                r#"{"url": "t/{z}/{x}/{y}.pbf", "areas": [{"bounds": {"min_lat": 1, "max_lat": 2, "min_lon": 3, "max_lon": 4}}]}"#,
            ),
            vector(r#"{"url": "t/{z}/{x}/{y}.pbf", "areas": [{"max_zoom": 3}]}"#),
            vector(
                r#"{"url": "t/{z}/{x}/{y}.pbf", "areas": [{"bounds": {"min_lat": 1, "max_lat": 2, "min_lon": 3, "max_lon": 4}, "max_zoom": 30}]}"#,
            ),
            vector(&format!(
                r#"{{"url": "t/{{z}}/{{x}}/{{y}}.pbf", "areas": [{area}], "precache": "yes"}}"#
            )),
            vector(&format!(
                r#"{{"url": "t/{{z}}/{{x}}/{{y}}.pbf", "areas": [{area}], "style": "dark"}}"#
            )),
            vector(&format!(r#"{{"url": "t/{{z}}/{{x}}/{{y}}.pbf", "areas": {area}}}"#)),
            format!(
                r#"{{"tiles": {{"url": "t/{{z}}/{{x}}/{{y}}.png", "vector": {{"url": "t/{{z}}/{{x}}/{{y}}.pbf", "areas": [{area}]}}}}}}"#
            ),
            format!(
                r#"{{"tiles": {{"max_zoom": 12, "vector": {{"url": "t/{{z}}/{{x}}/{{y}}.pbf", "areas": [{area}]}}}}}}"#
            ),
        ] {
            assert!(CityConfig::from_json(&bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn shipped_configs_parse() {
        for path in ["data/config.json", "tests/fixtures/cities/fictional-town/config.json"] {
            if let Ok(text) = std::fs::read_to_string(path) {
                CityConfig::from_json(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
            }
        }
    }
}
