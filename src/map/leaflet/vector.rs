//! The city's own vector tiles as the map's background. Our styles (`public/vector-tiles.js`)
//! and the renderer they load (protomaps-leaflet, from npm) are separate scripts of the bundle,
//! loaded only when the configuration names vector tiles and only after the map and its
//! markers are up: the markers never wait for the background, and the app's own bundle stays
//! small.

use crate::core::model::config::CONFIG_PATH;
use wasm_bindgen::prelude::*;

/// Our styles, which load the renderer.
const SCRIPT: &str = "vector-tiles.js";

#[wasm_bindgen]
extern "C" {
    /// `hcmVectorTiles.show` of `public/vector-tiles.js`: loads the renderer, reads `tiles` of
    /// the configuration (already checked by the app) and adds the layer to the map, or calls
    /// `on_error`.
    #[wasm_bindgen(js_namespace = hcmVectorTiles, js_name = show)]
    fn show_layer(map: &leaflet::Map, config: &str, on_error: &js_sys::Function);
}

/// Loads the renderer and adds the configuration's vector tiles to `map`; `on_error` is called
/// for each tile that cannot load, and once if the renderer itself cannot.
pub async fn show(map: leaflet::Map, on_error: js_sys::Function) {
    if crate::map::shell::dom::load_script(SCRIPT).await {
        show_layer(&map, CONFIG_PATH, &on_error);
    } else {
        let _ = on_error.call0(&JsValue::NULL);
    }
}
