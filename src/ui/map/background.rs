//! The offline background: the city's light `GeoJSON` outline, drawn under the tiles once they
//! fail. Under them, because tiles that do load (a flaky network, the tile server back up) then
//! cover it again with the fuller map.

use super::bindings::geo_json;
use crate::core::basemap::KINDS;
use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;

/// The Leaflet pane the background is drawn in; `public/style.css` puts it below the tiles.
const PANE: &str = "basemap";

/// The console's word when a configured background cannot be drawn (the data check says why).
const NOT_DRAWN: &str = "offline background not drawn:";

/// The drawn background, and the style function Leaflet keeps calling.
pub struct Background {
    layer: leaflet::GeoJson,
    _style: Closure<dyn Fn(JsValue) -> JsValue>,
}

impl Background {
    /// Draws `data` (a parsed `GeoJSON` object) with its `attribution`; `None` when Leaflet cannot
    /// read it, which leaves the map as it was.
    pub fn draw(map: &leaflet::Map, data: &JsValue, attribution: &str) -> Option<Self> {
        if map.get_pane_by_name(PANE).is_falsy() {
            map.create_pane_by_name(PANE);
        }
        let style = Closure::<dyn Fn(JsValue) -> JsValue>::new(|feature: JsValue| style_of(&feature));
        let options = Object::new();
        for (key, value) in [
            ("pane", JsValue::from(PANE)),
            ("interactive", JsValue::FALSE),
            ("attribution", attribution.into()),
            ("style", style.as_ref().clone()),
        ] {
            let _ = Reflect::set(&options, &key.into(), &value);
        }
        // Leaflet throws on an unknown geometry type and quietly skips a feature without one.
        let drawn = match geo_json(data, &options) {
            Ok(layer) if layer.unchecked_ref::<leaflet::LayerGroup>().get_layers().length() > 0 => Some(layer),
            Ok(_) => {
                web_sys::console::warn_2(&NOT_DRAWN.into(), &"it has nothing Leaflet can draw".into());
                None
            }
            Err(error) => {
                web_sys::console::warn_2(&NOT_DRAWN.into(), &error);
                None
            }
        };
        drawn.map(|layer| {
            layer.add_to(map);
            Self { layer, _style: style }
        })
    }

    /// Takes the background (and its attribution) off the map.
    pub fn remove(self) {
        self.layer.remove();
    }
}

/// A feature's look: its kind as its class, styled in `public/style.css`.
fn style_of(feature: &JsValue) -> JsValue {
    let kind = Reflect::get(feature, &"properties".into())
        .and_then(|properties| Reflect::get(&properties, &"kind".into()))
        .ok()
        .and_then(|kind| kind.as_string())
        .filter(|kind| KINDS.contains(&kind.as_str()));
    let style = Object::new();
    let _ = Reflect::set(&style, &"className".into(), &kind.as_deref().unwrap_or("other").into());
    style.into()
}
