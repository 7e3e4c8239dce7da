//! The workbench's Leaflet adapter, the only editor code that touches Leaflet: every space as a
//! dot on one canvas (fast at 10,000), the chosen space as a marker to drag, and a click on the
//! map that places a new space. Markers are updated in place, only those that changed.

use super::bench::{Bench, today, use_bench};
use crate::core::editing::fields::position;
use crate::core::geometry::geo::rounded;
use crate::core::model::config::CityConfig;
use leaflet::{
    CircleMarker, FeatureGroup, LatLng, Map, MapOptions, Marker, MarkerOptions, TileLayer, TileLayerOptions,
};
use leptos::html::Div;
use leptos::prelude::*;
use rustc_hash::FxHashMap;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// The zoom a chosen space is shown at, at least.
const SPACE_ZOOM: f64 = 16.0;

/// Decimals kept from a drag: about 0.1 m.
const DRAG_DECIMALS: u32 = 6;

/// The map beside the table.
#[allow(clippy::needless_pass_by_value, reason = "Leptos component props are owned")]
#[component]
pub fn EditorMap(config: CityConfig) -> impl IntoView {
    let bench = use_bench();
    let container = NodeRef::<Div>::new();
    let adapter: StoredValue<Option<Adapter>, LocalStorage> = StoredValue::new_local(None);
    let created = RwSignal::new(false);
    Effect::new(move |_| {
        let Some(element) = container.get() else { return };
        if adapter.with_value(Option::is_some) {
            return;
        }
        adapter.set_value(Some(Adapter::new(&element, &config, bench)));
        created.set(true);
    });
    // Every change of the session: the dots and the chosen marker follow.
    Effect::new(move |_| {
        created.track();
        let selected = bench.selected.get();
        bench.read(|session| {
            adapter.update_value(|a| {
                if let Some(a) = a {
                    a.sync(session, selected);
                }
            });
        });
    });
    // Another space chosen (in the table, the problems, …): bring it into view.
    Effect::new(move |_| {
        let Some(key) = bench.selected.get() else { return };
        let Some(Some((lat, lon))) = untrack(|| bench.read(|s| s.record(key).and_then(|r| position(&r.feature))))
        else {
            return;
        };
        adapter.with_value(|a| {
            if let Some(a) = a {
                let zoom = a.map.get_zoom().max(SPACE_ZOOM);
                a.map.set_view(&LatLng::new(lat, lon), zoom);
            }
        });
    });
    let adding = bench.adding;
    on_cleanup(move || {
        adapter.update_value(|a| {
            if let Some(a) = a.take() {
                a.map.remove();
            }
        });
    });
    view! {
        <div
            class="bench-map"
            class:adding=move || adding.get()
            node_ref=container
            role="region"
            aria-label=move || bench.t().map_label
            data-testid="editor-map"
        ></div>
    }
}

/// One dot: its Leaflet object and what it shows, to redraw only what changed.
struct Dot {
    marker: CircleMarker,
    at: (f64, f64),
    errors: bool,
}

/// The draggable marker: the space it stands for and the closure its drags call.
type Handle = (u64, Marker, Closure<dyn Fn()>);

/// Every Leaflet object of the map, and the closures Leaflet calls back.
struct Adapter {
    map: Map,
    element: web_sys::HtmlDivElement,
    dots: FeatureGroup,
    by_key: FxHashMap<u64, Dot>,
    handle: Option<Handle>,
    bench: Bench,
    _on_dot: Closure<dyn Fn(JsValue)>,
    _on_map: Closure<dyn Fn(JsValue)>,
}

impl Adapter {
    fn new(element: &web_sys::HtmlDivElement, config: &CityConfig, bench: Bench) -> Self {
        let options = MapOptions::default();
        options.set_center(LatLng::new(config.center.lat, config.center.lon));
        options.set_zoom(f64::from(config.zoom));
        options.set_max_zoom(f64::from(config.tiles.max_zoom));
        options.set_prefer_canvas(true);
        let map = Map::new_with_element(element, &options).expect("Leaflet is loaded before the workbench");
        let tile_options = TileLayerOptions::default();
        tile_options.set_attribution(config.tiles.attribution.clone());
        tile_options.set_max_zoom(f64::from(config.tiles.max_zoom));
        TileLayer::new_options(&config.tiles.url, &tile_options).add_to(&map);

        let dots = FeatureGroup::new();
        let on_dot = Closure::<dyn Fn(JsValue)>::new(move |event: JsValue| {
            let key = js_sys::Reflect::get(&event, &"layer".into())
                .and_then(|layer| js_sys::Reflect::get(&layer, &"options".into()))
                .and_then(|options| js_sys::Reflect::get(&options, &"key".into()))
                .ok()
                .and_then(|key| key.as_f64());
            #[allow(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "keys are small whole numbers"
            )]
            if let Some(key) = key {
                bench.selected.set(Some(key as u64));
            }
        });
        dots.unchecked_ref::<leaflet::Evented>().on("click", on_dot.as_ref());
        dots.add_to(&map);

        let on_map = Closure::<dyn Fn(JsValue)>::new(move |event: JsValue| {
            if !bench.adding.get_untracked() {
                return;
            }
            let Ok(at) = js_sys::Reflect::get(&event, &"latlng".into()) else {
                return;
            };
            let at: LatLng = at.unchecked_into();
            let (lat, lon) = (rounded(at.lat(), DRAG_DECIMALS), rounded(at.lng(), DRAG_DECIMALS));
            bench.adding.set(false);
            if let Some(key) = bench.change(true, |s| s.add_at(lat, lon, &today())) {
                bench.selected.set(Some(key));
            }
        });
        map.unchecked_ref::<leaflet::Evented>().on("click", on_map.as_ref());
        Self {
            map,
            element: element.clone(),
            dots,
            by_key: FxHashMap::default(),
            handle: None,
            bench,
            _on_dot: on_dot,
            _on_map: on_map,
        }
    }

    /// Brings the dots and the chosen marker in line with the session.
    fn sync(&mut self, session: &crate::core::editing::session::Session, selected: Option<u64>) {
        let mut seen = rustc_hash::FxHashSet::default();
        for record in session.records() {
            let Some(at) = position(&record.feature) else { continue };
            seen.insert(record.key);
            let errors = record.error_count() > 0;
            match self.by_key.get_mut(&record.key) {
                Some(dot) if dot.at == at && dot.errors == errors => {}
                Some(dot) => {
                    dot.marker.set_lat_lng(&LatLng::new(at.0, at.1));
                    dot.marker.set_style(&dot_style(errors, None));
                    dot.at = at;
                    dot.errors = errors;
                }
                None => {
                    let marker =
                        CircleMarker::new_with_options(&LatLng::new(at.0, at.1), &dot_style(errors, Some(record.key)));
                    self.dots.add_layer(&marker);
                    self.by_key.insert(record.key, Dot { marker, at, errors });
                }
            }
        }
        self.by_key.retain(|key, dot| {
            let keep = seen.contains(key);
            if !keep {
                dot.marker.remove();
            }
            keep
        });
        // How many dots are drawn, for tests and benchmarks.
        let _ = self.element.set_attribute("data-dots", &self.by_key.len().to_string());
        let chosen = selected
            .and_then(|key| session.record(key))
            .and_then(|r| Some((r.key, position(&r.feature)?)));
        self.place_handle(chosen);
    }

    /// The draggable marker on the chosen space, or none.
    fn place_handle(&mut self, chosen: Option<(u64, (f64, f64))>) {
        match (chosen, &self.handle) {
            (Some((key, (lat, lon))), Some((handle_key, marker, _))) if *handle_key == key => {
                marker.set_lat_lng(&LatLng::new(lat, lon));
            }
            (Some((key, (lat, lon))), _) => {
                if let Some((_, old, _)) = self.handle.take() {
                    old.remove();
                }
                let options = MarkerOptions::new();
                options.set_draggable(true);
                options.set_auto_pan(true);
                let marker = Marker::new_with_options(&LatLng::new(lat, lon), &options);
                let bench = self.bench;
                let on_drag = {
                    let marker = marker.clone();
                    Closure::<dyn Fn()>::new(move || {
                        let at = marker.get_lat_lng();
                        let (lat, lon) = (rounded(at.lat(), DRAG_DECIMALS), rounded(at.lng(), DRAG_DECIMALS));
                        bench.change(true, |s| s.move_to(key, lat, lon, &today()));
                    })
                };
                marker
                    .unchecked_ref::<leaflet::Evented>()
                    .on("dragend", on_drag.as_ref());
                marker.add_to(&self.map);
                self.handle = Some((key, marker, on_drag));
            }
            (None, _) => {
                if let Some((_, old, _)) = self.handle.take() {
                    old.remove();
                }
            }
        }
    }
}

/// A dot's look: red-edged when the space has errors. `key` is kept in the options for clicks.
fn dot_style(errors: bool, key: Option<u64>) -> leaflet::PathOptions {
    let style = js_sys::Object::new();
    let set = |name: &str, value: JsValue| {
        let _ = js_sys::Reflect::set(&style, &name.into(), &value);
    };
    set("radius", 6.into());
    set("weight", 2.into());
    set("color", if errors { "#b3261e" } else { "#1d4e89" }.into());
    set("fillColor", if errors { "#f2b8b5" } else { "#4f8fd6" }.into());
    set("fillOpacity", 0.8.into());
    #[allow(clippy::cast_precision_loss, reason = "keys are small whole numbers")]
    if let Some(key) = key {
        set("key", (key as f64).into());
    }
    style.unchecked_into()
}
