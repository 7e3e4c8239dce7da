//! The few Leaflet methods leaflet-rs does not bind.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// A Leaflet marker, seen through the methods bound here.
    type MarkerExt;

    /// [`getElement`](https://leafletjs.com/reference.html#marker-getelement).
    #[wasm_bindgen(method, js_name = getElement)]
    fn get_element(this: &MarkerExt) -> Option<web_sys::HtmlElement>;
}

/// The marker's icon element while the marker is on the map.
pub fn marker_element(marker: &leaflet::Marker) -> Option<web_sys::HtmlElement> {
    marker.unchecked_ref::<MarkerExt>().get_element()
}
