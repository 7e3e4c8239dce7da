//! The Leaflet adapter: the only code that touches Leaflet. It owns the map and every marker,
//! adds and removes markers imperatively when the selection changes, follows the selected space
//! and the person's position, reports where the map looks, and tears everything down when the
//! component goes away.

mod background;
mod bindings;
mod markers;
mod popup;
mod vector;

use crate::core::exchange::url_state::MapView as View;
use crate::core::model::config::{BasemapSource, CityConfig};
use crate::core::model::space::LatLon;
use crate::core::model::trails::Trail;
use crate::core::query::catalogue::Catalogue;
use crate::core::query::facets::Selection;
use crate::core::text::i18n::texts;
use crate::map::shell::context::{tr, use_lang, use_position, use_selected, use_trail, use_view};
use crate::map::shell::load::{load_text, next_task};
use leaflet::{
    CircleMarker, LatLng, LatLngBounds, LayerGroup, Map, MapOptions, Polyline, PolylineOptions, TileLayer,
    TileLayerOptions,
};
use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;
use markers::MarkerLayer;
use std::sync::Arc;
use wasm_bindgen::prelude::*;

/// The zoom a selected space is shown at, at least.
const SPACE_ZOOM: f64 = 16.0;

/// Below this map height (px) a chosen space's popup is not opened: Leaflet would pan the map to
/// fit it and push the space itself out of view, and the sheet beside shows its details anyway.
const POPUP_MIN_MAP_HEIGHT: f64 = 320.0;

/// The Leaflet map showing the selected spaces.
#[allow(clippy::needless_pass_by_value, reason = "Leptos component props are owned")]
#[component]
pub fn MapView(
    catalogue: Arc<Catalogue>,
    config: CityConfig,
    selection: Memo<Arc<Selection>>,
    trails: RwSignal<Arc<Vec<Trail>>>,
) -> impl IntoView {
    let (lang, selected, view, position) = (use_lang(), use_selected(), use_view(), use_position());
    let trail = use_trail();
    let container = NodeRef::<Div>::new();
    let adapter: StoredValue<Option<LeafletMap>, LocalStorage> = StoredValue::new_local(None);
    let ready = RwSignal::new(false);
    let tiles_failed = RwSignal::new(false);
    let background_shown = RwSignal::new(false);
    let basemap = config.basemap.clone();

    // Effects are the only bridge from the reactive world to Leaflet.
    {
        let catalogue = Arc::clone(&catalogue);
        Effect::new(move |_| {
            let Some(element) = container.get() else {
                return;
            };
            if adapter.with_value(Option::is_some) {
                return;
            }
            let start = untrack(|| start_view(&catalogue, &config, view.get(), selected.get().as_deref()));
            let on_select = move |id: String| selected.set(Some(id));
            let on_move = move |moved: View| view.set(Some(moved));
            let basemap = basemap.clone();
            let first_failure = std::cell::Cell::new(true);
            let callbacks = Callbacks {
                select: Box::new(on_select),
                moved: Box::new(on_move),
                tile_error: Box::new(move || {
                    // The first failure only: Leaflet reports every tile.
                    if first_failure.replace(false) {
                        tiles_failed.set(true);
                        if let Some(basemap) = basemap.clone() {
                            spawn_local(draw_background(basemap, adapter, background_shown));
                        }
                    }
                }),
            };
            let map = LeafletMap::new(&element, &config, start, Arc::clone(&catalogue), lang, callbacks);
            adapter.set_value(Some(map));
            ready.set(true);
        });
    }
    sync_markers(selection, view, lang, ready, adapter);
    {
        let catalogue = Arc::clone(&catalogue);
        Effect::new(move |previous: Option<Option<usize>>| {
            let index = selected.with(|id| id.as_deref().and_then(|id| catalogue.index_of(id)));
            if ready.get() && previous != Some(index) {
                with_map(adapter, |map| map.focus(index, previous.is_some()));
            }
            index
        });
    }
    Effect::new(move |_| {
        let here = position.get();
        if ready.get() {
            let label = texts(lang.get_untracked()).your_position;
            with_map(adapter, |map| map.show_position(here, label));
        }
    });
    {
        let catalogue = Arc::clone(&catalogue);
        // The chosen trail's line; choosing a trail shows all of it, unless a link set the view.
        Effect::new(move |previous: Option<Option<String>>| {
            let id = trail.get();
            let points = trails.with(|all| {
                let chosen = all.iter().find(|t| Some(&t.id) == id.as_ref())?;
                Some(chosen.positions(&catalogue))
            });
            let linked_view = previous.is_none() && view.get_untracked().is_some();
            let fit = points.is_some() && previous.as_ref() != Some(&id) && !linked_view;
            if ready.get() {
                with_map(adapter, |map| map.show_trail(points.as_deref(), fit));
            }
            // A trail that has not loaded yet counts as not shown, so it is fitted once it has.
            if points.is_some() { id } else { None }
        });
    }
    on_cleanup(move || {
        adapter.update_value(|adapter| {
            if let Some(map) = adapter.take() {
                map.destroy();
            }
        });
    });

    let (simplified, unavailable) = (tr(|t| t.tiles_simplified), tr(|t| t.tiles_unavailable));
    view! {
        <div class="map" id="map" node_ref=container role="region" aria-label=tr(|t| t.map_label)></div>
        <Show when=move || tiles_failed.get()>
            <p class="tiles-notice" role="status" data-testid="tiles-notice">
                {move || if background_shown.get() { simplified() } else { unavailable() }}
            </p>
        </Show>
    }
}

/// The markers follow the selection, the view (each move or zoom reclusters what is on
/// screen) and the interface language (markers and Leaflet's own controls are named in it).
fn sync_markers(
    selection: Memo<Arc<Selection>>,
    view: RwSignal<Option<View>>,
    lang: RwSignal<crate::core::text::lang::Lang>,
    ready: RwSignal<bool>,
    adapter: StoredValue<Option<LeafletMap>, LocalStorage>,
) {
    Effect::new(move |_| {
        let selection = selection.get();
        if ready.get() {
            with_map(adapter, |map| map.markers.show(&selection.visible));
        }
    });
    Effect::new(move |_| {
        view.track();
        if ready.get() {
            with_map(adapter, |map| map.markers.redraw());
        }
    });
    Effect::new(move |previous: Option<()>| {
        lang.track();
        if ready.get() && previous.is_some() {
            with_map(adapter, LeafletMap::relabel);
        }
    });
}

/// Fetches and draws the offline background, a few features per task (see `background`); fetched only
/// once the tiles fail, since most visitors never need it. `shown` tells whether it is drawn.
async fn draw_background(
    basemap: BasemapSource,
    adapter: StoredValue<Option<LeafletMap>, LocalStorage>,
    shown: RwSignal<bool>,
) {
    let data = load_text(&basemap.url)
        .await
        .and_then(|text| js_sys::JSON::parse(&text).ok());
    let Some(data) = data else { return };
    let features = background::features(&data);
    let mut started = false;
    with_map(adapter, |map| started = map.start_background(&basemap.attribution));
    if !started {
        return;
    }
    let (mut drawn, mut next) = (true, 0);
    while drawn && next < features.length() {
        next_task().await;
        let task_start = js_sys::Date::now();
        while drawn && next < features.length() && js_sys::Date::now() - task_start < background::TASK_MS {
            let feature = features.slice(next, next + 1);
            with_map(adapter, |map| drawn = map.add_to_background(&feature));
            next += 1;
        }
    }
    with_map(adapter, |map| shown.set(map.finish_background(drawn)));
}

/// Runs `f` on the map once it exists.
fn with_map(adapter: StoredValue<Option<LeafletMap>, LocalStorage>, f: impl FnOnce(&mut LeafletMap)) {
    adapter.update_value(|map| {
        if let Some(map) = map.as_mut() {
            f(map);
        }
    });
}

/// Where the map opens: the link's view, else the linked space, else the city's default.
fn start_view(catalogue: &Catalogue, config: &CityConfig, view: Option<View>, space: Option<&str>) -> View {
    if let Some(view) = view {
        return view;
    }
    if let Some(space) = space
        .and_then(|id| catalogue.index_of(id))
        .map(|i| &catalogue.spaces()[i])
    {
        return View {
            lat: space.position.lat,
            lon: space.position.lon,
            zoom: SPACE_ZOOM,
        };
    }
    View {
        lat: config.center.lat,
        lon: config.center.lon,
        zoom: f64::from(config.zoom),
    }
}

/// What the map tells the app: each field is called when that happens.
struct Callbacks {
    /// A marker was chosen: the space's id.
    select: Box<dyn Fn(String)>,
    /// The person moved or zoomed the map.
    moved: Box<dyn Fn(View)>,
    /// A background tile failed to load (offline, or the tile server is down).
    tile_error: Box<dyn Fn()>,
}

/// Every Leaflet object of one map, and the closures Leaflet calls back.
struct LeafletMap {
    map: Map,
    markers: MarkerLayer,
    you: Option<CircleMarker>,
    trail: Option<(Polyline, LayerGroup)>,
    background: Option<background::Background>,
    _on_move: Closure<dyn Fn()>,
    _on_tile_error: Closure<dyn Fn()>,
    _on_popup: Closure<dyn Fn()>,
    lang: RwSignal<crate::core::text::lang::Lang>,
    /// Tells Leaflet when its element changes size (first layout, panel opening, rotation):
    /// Leaflet measures only at creation and on window resize.
    resize_observer: Option<web_sys::ResizeObserver>,
    _on_resize: Closure<dyn Fn()>,
}

impl LeafletMap {
    fn new(
        element: &web_sys::HtmlDivElement,
        config: &CityConfig,
        start: View,
        catalogue: Arc<Catalogue>,
        lang: RwSignal<crate::core::text::lang::Lang>,
        callbacks: Callbacks,
    ) -> Self {
        let Callbacks {
            select: on_select,
            moved: on_move,
            tile_error: on_tile_error,
        } = callbacks;
        let options = MapOptions::default();
        options.set_center(LatLng::new(start.lat, start.lon));
        options.set_zoom(start.zoom);
        options.set_max_zoom(f64::from(config.tiles.max_zoom));
        options.set_zoom_animation(!prefers_reduced_motion());
        let map = Map::new_with_element(element, &options).expect("Leaflet is loaded before the app");

        let on_tile_error = Closure::<dyn Fn()>::new(on_tile_error);
        if config.tiles.vector.is_some() {
            let on_error = on_tile_error.as_ref().unchecked_ref::<js_sys::Function>().clone();
            spawn_local(vector::show(map.clone(), on_error));
        } else {
            let tile_options = TileLayerOptions::default();
            tile_options.set_attribution(config.tiles.attribution.clone());
            tile_options.set_max_zoom(f64::from(config.tiles.max_zoom));
            let tiles = TileLayer::new_options(&config.tiles.url, &tile_options);
            tiles
                .unchecked_ref::<leaflet::Evented>()
                .on("tileerror", on_tile_error.as_ref());
            tiles.add_to(&map);
        }

        let on_move = {
            let map = map.clone();
            Closure::<dyn Fn()>::new(move || {
                let center = map.get_center();
                on_move(View {
                    lat: center.lat(),
                    lon: center.lng(),
                    zoom: map.get_zoom(),
                });
            })
        };
        map.unchecked_ref::<leaflet::Evented>().on("moveend", on_move.as_ref());

        let on_resize = {
            let map = map.clone();
            Closure::<dyn Fn()>::new(move || {
                map.invalidate_size(false);
            })
        };
        let resize_observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
        if let Some(observer) = &resize_observer {
            observer.observe(element);
        }

        // Leaflet names a popup's close button in English: name it in the interface language.
        let on_popup = {
            let map = map.clone();
            Closure::<dyn Fn()>::new(move || {
                let close = texts(lang.get_untracked()).close;
                label_all(&map, ".leaflet-popup-close-button", close);
            })
        };
        map.unchecked_ref::<leaflet::Evented>()
            .on("popupopen", on_popup.as_ref());

        let markers = MarkerLayer::new(&map, catalogue, lang, on_select);
        let this = Self {
            map,
            markers,
            you: None,
            trail: None,
            background: None,
            _on_move: on_move,
            _on_tile_error: on_tile_error,
            _on_popup: on_popup,
            lang,
            resize_observer,
            _on_resize: on_resize,
        };
        this.label_controls();
        this
    }

    /// Names the zoom buttons in the interface language.
    fn label_controls(&self) {
        let t = texts(self.lang.get_untracked());
        label_all(&self.map, ".leaflet-control-zoom-in", t.zoom_in);
        label_all(&self.map, ".leaflet-control-zoom-out", t.zoom_out);
        label_all(&self.map, ".leaflet-popup-close-button", t.close);
    }

    /// Names every marker and control again, after the language changed.
    fn relabel(&mut self) {
        self.label_controls();
        self.markers.relabel();
    }

    /// Highlights space `index` and, unless this is the first look, brings it into view at a
    /// zoom where it stands on its own, with its popup open.
    fn focus(&mut self, index: Option<usize>, move_map: bool) {
        let Some(index) = index else {
            self.markers.highlight(None);
            return;
        };
        if move_map {
            let zoom = self.map.get_zoom().max(SPACE_ZOOM);
            // No animation: `highlight` below redraws the markers for the new view right away,
            // so the popup can open on the space's own marker.
            let options = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&options, &"animate".into(), &JsValue::FALSE);
            self.map
                .set_view_with_options(&self.markers.position(index), zoom, &options);
        }
        if let Some(marker) = self.markers.highlight(Some(index))
            && move_map
            && self.map.get_size().y() >= POPUP_MIN_MAP_HEIGHT
        {
            marker.open_popup();
        }
    }

    /// Shows (or, with `None`, hides) the person's position.
    fn show_position(&mut self, here: Option<LatLon>, label: &str) {
        if let Some(old) = self.you.take() {
            old.remove();
        }
        let Some(here) = here else { return };
        let options = leaflet::PathOptions::new();
        options.set_class_name("you-are-here".to_owned());
        let _ = js_sys::Reflect::set(&options, &"radius".into(), &9.into());
        let you = CircleMarker::new_with_options(&LatLng::new(here.lat, here.lon), &options);
        bindings::bind_tooltip(&you, label);
        you.add_to(&self.map);
        self.map.pan_to(&LatLng::new(here.lat, here.lon));
        self.you = Some(you);
    }

    /// Draws the line through a trail's stops in order (or removes it), and with `fit` shows
    /// all of it.
    fn show_trail(&mut self, points: Option<&[LatLon]>, fit: bool) {
        if let Some((line, stops)) = self.trail.take() {
            line.remove();
            stops.remove();
        }
        let Some(points) = points else { return };
        let positions: js_sys::Array = points
            .iter()
            .map(|p| JsValue::from(LatLng::new(p.lat, p.lon)))
            .collect();
        let options = PolylineOptions::new();
        options.set_class_name("trail-line".to_owned());
        let line = Polyline::new_with_options(&positions, &options);
        line.add_to(&self.map);
        // A dot at every stop, so the walk reads even where filters hide a stop's marker.
        let stop = leaflet::PathOptions::new();
        stop.set_class_name("trail-stop".to_owned());
        stop.set_interactive(false);
        let _ = js_sys::Reflect::set(&stop, &"radius".into(), &5.into());
        let stops = LayerGroup::new();
        for p in points {
            CircleMarker::new_with_options(&LatLng::new(p.lat, p.lon), &stop).add_to_layer_group(&stops);
        }
        stops.add_to(&self.map);
        if fit {
            self.map.fit_bounds(&LatLngBounds::new_from_list(&positions));
        }
        self.trail = Some((line, stops));
    }

    /// Starts the offline background under the tiles, once; whether it started.
    fn start_background(&mut self, attribution: &str) -> bool {
        if self.background.is_none() {
            self.background = background::Background::start(&self.map, attribution);
            return self.background.is_some();
        }
        false
    }

    /// Draws a part of the background's features; whether Leaflet could.
    fn add_to_background(&mut self, features: &js_sys::Array) -> bool {
        self.background.as_ref().is_some_and(|b| b.add(features))
    }

    /// Keeps the background if it was `drawn` whole and has something in it, or takes it off the
    /// map; whether it is shown.
    fn finish_background(&mut self, drawn: bool) -> bool {
        match self.background.take() {
            Some(background) if drawn && !background.is_empty() => {
                self.background = Some(background);
                true
            }
            Some(background) => {
                background.remove();
                false
            }
            None => false,
        }
    }

    fn destroy(self) {
        if let Some(observer) = &self.resize_observer {
            observer.disconnect();
        }
        self.markers.destroy();
        if let Some(background) = self.background {
            background.remove();
        }
        self.map.remove();
    }
}

/// Sets the title and accessible name of the map's elements that match `selector`.
fn label_all(map: &Map, selector: &str, label: &str) {
    let Ok(found) = map.get_container().query_selector_all(selector) else {
        return;
    };
    for i in 0..found.length() {
        if let Some(element) = found.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
            let _ = element.set_attribute("title", label);
            let _ = element.set_attribute("aria-label", label);
        }
    }
}

/// Whether the person asked the system for less motion.
fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| w.match_media("(prefers-reduced-motion: reduce)").ok().flatten())
        .is_some_and(|query| query.matches())
}
