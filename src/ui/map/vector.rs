//! The city's own vector tiles as the map's background. The renderer (protomaps-leaflet, from
//! npm) and our styles (`public/vector-tiles.js`) are separate scripts of the bundle, loaded
//! only when the configuration names vector tiles and only after the map and its markers are
//! up: the markers never wait for the background, and the app's own bundle stays small.

use crate::core::vector_tiles::VectorTiles;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

/// The renderer, then our styles, which use it.
const SCRIPTS: [&str; 2] = ["protomaps/protomaps-leaflet.js", "vector-tiles.js"];

#[wasm_bindgen]
extern "C" {
    /// `hcmVectorTiles.layer` of `public/vector-tiles.js`.
    #[wasm_bindgen(catch, js_namespace = hcmVectorTiles, js_name = layer)]
    fn vector_layer(options: &JsValue) -> Result<leaflet::Layer, JsValue>;
}

/// Loads the renderer and adds the tiles to `map`, crediting `attribution`; `on_error` is
/// called for each tile that cannot load, and once if the renderer itself cannot.
pub async fn show(map: leaflet::Map, tiles: VectorTiles, attribution: String, on_error: js_sys::Function) {
    for script in SCRIPTS {
        if !super::super::dom::load_script(script).await {
            let _ = on_error.call0(&JsValue::NULL);
            return;
        }
    }
    let options = Object::new();
    let areas: Array = tiles
        .areas
        .iter()
        .map(|area| {
            let b = area.bounds;
            let corner = |lat: f64, lon: f64| Array::of2(&lat.into(), &lon.into());
            let entry = Object::new();
            let bounds = Array::of2(&corner(b.min_lat, b.min_lon), &corner(b.max_lat, b.max_lon));
            let _ = Reflect::set(&entry, &"bounds".into(), &bounds);
            let _ = Reflect::set(&entry, &"maxZoom".into(), &area.max_zoom.into());
            JsValue::from(entry)
        })
        .collect();
    for (key, value) in [
        ("url", JsValue::from(&tiles.url)),
        ("areas", areas.into()),
        ("attribution", attribution.into()),
        ("precache", tiles.precache.into()),
        ("onError", on_error.clone().into()),
    ] {
        let _ = Reflect::set(&options, &key.into(), &value);
    }
    match vector_layer(&options) {
        Ok(layer) => {
            layer.add_to(&map);
        }
        Err(error) => {
            web_sys::console::warn_2(&"vector tiles not drawn:".into(), &error);
            let _ = on_error.call0(&JsValue::NULL);
        }
    }
}
