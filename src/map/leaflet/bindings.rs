//! The few Leaflet bindings leaflet-rs lacks or gets wrong.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// A Leaflet marker, seen through the methods bound here.
    type MarkerExt;

    /// [`getElement`](https://leafletjs.com/reference.html#marker-getelement).
    #[wasm_bindgen(method, js_name = getElement)]
    fn get_element(this: &MarkerExt) -> Option<web_sys::HtmlElement>;

    /// [`L.DivIcon`](https://leafletjs.com/reference.html#divicon). leaflet-rs 0.5 binds its
    /// `DivIcon` to the `L.Icon` constructor, which demands an image URL.
    #[wasm_bindgen(extends = leaflet::Icon, js_namespace = L, js_name = DivIcon)]
    pub type DivIcon;

    /// A new `L.DivIcon`.
    #[wasm_bindgen(constructor, js_namespace = L, js_class = "DivIcon")]
    pub fn new(options: &leaflet::DivIconOptions) -> DivIcon;

    /// [`L.geoJSON`](https://leafletjs.com/reference.html#geojson), with what it throws on data
    /// it cannot read caught (leaflet-rs's binding would abort the app).
    #[wasm_bindgen(catch, js_namespace = L, js_name = geoJSON)]
    pub fn geo_json(data: &JsValue, options: &JsValue) -> Result<leaflet::GeoJson, JsValue>;

    /// A Leaflet layer, seen through the methods bound here.
    type LayerExt;

    /// [`bindTooltip`](https://leafletjs.com/reference.html#layer-bindtooltip) with text.
    /// leaflet-rs 0.5 binds `bind_tooltip_with_content` to `bindTooltipWithContent`, which
    /// Leaflet has not: the call threw, and the effect calling it stopped the rest.
    #[wasm_bindgen(method, js_name = bindTooltip)]
    fn bind_tooltip(this: &LayerExt, content: &str);

    /// A Leaflet `GeoJSON` layer, seen through the methods bound here.
    type GeoJsonExt;

    /// [`addData`](https://leafletjs.com/reference.html#geojson-adddata), with what it throws
    /// caught, as for [`geo_json`].
    #[wasm_bindgen(catch, method, js_name = addData)]
    fn add_data(this: &GeoJsonExt, data: &JsValue) -> Result<JsValue, JsValue>;
}

/// Adds `data` to `layer`, or what Leaflet threw (it throws on an unknown geometry type).
pub fn add_geo_json(layer: &leaflet::GeoJson, data: &JsValue) -> Result<(), JsValue> {
    layer.unchecked_ref::<GeoJsonExt>().add_data(data).map(drop)
}

/// Binds a tooltip saying `text` to `layer`. Leaflet sets a tooltip's text as HTML: `text` is
/// the interface's own, never the data's.
pub fn bind_tooltip(layer: &leaflet::Layer, text: &str) {
    layer.unchecked_ref::<LayerExt>().bind_tooltip(text);
}

/// The marker's icon element while the marker is on the map.
pub fn marker_element(marker: &leaflet::Marker) -> Option<web_sys::HtmlElement> {
    marker.unchecked_ref::<MarkerExt>().get_element()
}
