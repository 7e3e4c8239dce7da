//! The offline background: the city's light `GeoJSON` outline, drawn under the tiles once they
//! fail. Under them, because tiles that do load (a flaky network, the tile server back up) then
//! cover it again with the fuller map. Drawn a few features per task, so that a city's outline
//! of a few hundred features never holds the page (Hanoi's: 1.7 s of blocking on a phone when it
//! was drawn in one go).

use super::bindings::{add_geo_json, geo_json};
use crate::core::check::basemap::KINDS;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

/// The Leaflet pane the background is drawn in; `public/style.css` puts it below the tiles.
const PANE: &str = "basemap";

/// The console's word when a configured background cannot be drawn (the data check says why).
const NOT_DRAWN: &str = "offline background not drawn:";

/// How long one task may draw, in ms: a phone four times slower than this machine then stays
/// within the 50 ms that make a task "long" (in Lighthouse's blocking time).
pub const TASK_MS: f64 = 8.0;

/// The background being drawn or drawn, and the style function Leaflet keeps calling.
pub struct Background {
    layer: leaflet::GeoJson,
    _style: Closure<dyn Fn(JsValue) -> JsValue>,
}

impl Background {
    /// An empty background on `map`, credited with `attribution`, for [`Background::add`] to
    /// fill; `None` if Leaflet refuses even that.
    pub fn start(map: &leaflet::Map, attribution: &str) -> Option<Self> {
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
        let layer = geo_json(&JsValue::NULL, &options)
            .map_err(|error| web_sys::console::warn_2(&NOT_DRAWN.into(), &error))
            .ok()?;
        layer.add_to(map);
        Some(Self { layer, _style: style })
    }

    /// Draws `features` (some of [`features`]); `false`, with the reason in the console, when
    /// Leaflet cannot read them (it throws on an unknown geometry type).
    pub fn add(&self, features: &Array) -> bool {
        add_geo_json(&self.layer, features)
            .map_err(|error| web_sys::console::warn_2(&NOT_DRAWN.into(), &error))
            .is_ok()
    }

    /// Whether anything was drawn: Leaflet quietly skips a feature without geometry.
    pub fn is_empty(&self) -> bool {
        let empty = self.layer.unchecked_ref::<leaflet::LayerGroup>().get_layers().length() == 0;
        if empty {
            web_sys::console::warn_2(&NOT_DRAWN.into(), &"it has nothing Leaflet can draw".into());
        }
        empty
    }

    /// Takes the background (and its attribution) off the map.
    pub fn remove(self) {
        self.layer.remove();
    }
}

/// The features of `data` (a parsed `GeoJSON` object), as Leaflet would read them: a collection's
/// features, or the object itself.
pub fn features(data: &JsValue) -> Array {
    Reflect::get(data, &"features".into())
        .ok()
        .filter(Array::is_array)
        .map_or_else(|| Array::of1(data), JsCast::unchecked_into)
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
