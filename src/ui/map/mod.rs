//! The Leaflet adapter: the only code that touches Leaflet. It owns the map and every marker,
//! adds and removes markers imperatively when the selection changes, and tears everything down
//! when the component goes away.

mod bindings;
mod markers;
mod popup;

use crate::core::catalogue::Catalogue;
use crate::core::config::CityConfig;
use crate::core::facets::Selection;
use crate::core::i18n::texts;
use leaflet::{LatLng, Map, MapOptions, TileLayer, TileLayerOptions};
use leptos::html::Div;
use leptos::prelude::*;
use markers::MarkerLayer;
use std::sync::Arc;

use super::context::use_lang;

/// The Leaflet map showing the selected spaces.
#[component]
pub fn MapView(
    catalogue: Arc<Catalogue>,
    config: CityConfig,
    selection: Memo<Arc<Selection>>,
) -> impl IntoView {
    let lang = use_lang();
    let container = NodeRef::<Div>::new();
    let adapter: StoredValue<Option<LeafletMap>, LocalStorage> = StoredValue::new_local(None);

    // The one bridge from the reactive world to Leaflet: create the map once the element is in
    // the page, then apply each new selection to it.
    Effect::new(move |_| {
        let Some(element) = container.get() else {
            return;
        };
        let selection = selection.get();
        adapter.update_value(|adapter| {
            let map = adapter.get_or_insert_with(|| {
                LeafletMap::new(&element, &config, Arc::clone(&catalogue), lang)
            });
            map.markers.show(&selection.visible);
        });
    });
    on_cleanup(move || {
        adapter.update_value(|adapter| {
            if let Some(map) = adapter.take() {
                map.destroy();
            }
        });
    });

    view! {
        <div class="map" node_ref=container role="region" aria-label=move || texts(lang.get()).map_label></div>
    }
}

/// Every Leaflet object of one map.
struct LeafletMap {
    map: Map,
    markers: MarkerLayer,
}

impl LeafletMap {
    fn new(
        element: &web_sys::HtmlDivElement,
        config: &CityConfig,
        catalogue: Arc<Catalogue>,
        lang: RwSignal<crate::core::lang::Lang>,
    ) -> Self {
        let options = MapOptions::default();
        options.set_center(LatLng::new(config.center.lat, config.center.lon));
        options.set_zoom(f64::from(config.zoom));
        options.set_max_zoom(f64::from(config.tiles.max_zoom));
        let map =
            Map::new_with_element(element, &options).expect("Leaflet is loaded before the app");

        let tile_options = TileLayerOptions::default();
        tile_options.set_attribution(config.tiles.attribution.clone());
        tile_options.set_max_zoom(f64::from(config.tiles.max_zoom));
        TileLayer::new_options(&config.tiles.url_template, &tile_options).add_to(&map);

        let markers = MarkerLayer::new(&map, catalogue, lang);
        Self { map, markers }
    }

    fn destroy(self) {
        self.markers.destroy();
        self.map.remove();
    }
}
