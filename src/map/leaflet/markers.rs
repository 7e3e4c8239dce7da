//! The markers on screen: the visible spaces in view, grid-clustered for the current zoom
//! (see `core::geometry::cluster`). Single spaces get their own marker, created on first show and kept;
//! groups get a count marker, made anew for each view. Only what is on screen is ever in
//! Leaflet, so a hundred thousand spaces cost no more DOM than a hundred.
//!
//! Every marker is a button named in the interface language ("Văn Miếu – Quốc Tử Giám, heritage
//! site", "12 spaces, zoom in") that answers Enter and Space as a click does; a redraw that
//! takes away the focused marker gives the focus to the marker that now holds its space.

use super::bindings::{DivIcon, marker_element};
use super::popup::{group_popup_content, popup_content};
use crate::core::geometry::cluster::{Cluster, Mercator, Viewport, cluster};
use crate::core::model::taxonomy::SpaceType;
use crate::core::query::catalogue::Catalogue;
use crate::core::text::i18n::{space_label, texts, with_count};
use crate::core::text::lang::Lang;
use leaflet::{DivIconOptions, FeatureGroup, LatLng, LatLngBounds, Map, Marker, MarkerOptions, Point};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::prelude::*;

/// The JS property on a single marker that holds its space's index in the catalogue.
const SPACE_INDEX: &str = "spaceIndex";
/// The JS property on a group marker that holds its members' bounds.
const GROUP_BOUNDS: &str = "groupBounds";

/// All markers of one map.
pub struct MarkerLayer {
    map: Map,
    group: FeatureGroup,
    catalogue: Arc<Catalogue>,
    lang: RwSignal<Lang>,
    /// One icon per space type, shared by every marker of that type.
    icons: Vec<DivIcon>,
    /// Single-space markers, created on first show.
    markers: Vec<Option<Marker>>,
    /// Spaces whose single marker is on the map.
    on_map: Vec<usize>,
    /// Group markers on the map, each with its first member (where focus goes after a redraw).
    groups: Vec<(Marker, usize)>,
    /// The spaces the filters and search let through.
    visible: Vec<usize>,
    /// One popup builder shared by every single marker; Leaflet calls it when a popup opens.
    popup_builder: Closure<dyn Fn(JsValue) -> JsValue>,
    popup_options: js_sys::Object,
    /// One click listener on the feature group for every marker.
    _on_click: Closure<dyn Fn(JsValue)>,
    /// One click listener for the lists in same-spot popups.
    on_list_click: Closure<dyn Fn(web_sys::Event)>,
    /// One key listener that makes Enter and Space on a marker a click.
    on_key: Closure<dyn Fn(web_sys::KeyboardEvent)>,
    highlighted: Option<usize>,
}

impl MarkerLayer {
    /// An empty layer on `map` for the spaces of `catalogue`.
    pub fn new(
        map: &Map,
        catalogue: Arc<Catalogue>,
        lang: RwSignal<Lang>,
        on_select: impl Fn(String) + 'static,
    ) -> Self {
        let group = FeatureGroup::new();
        group.add_to(map);
        let on_select = Arc::new(on_select);
        let on_click = {
            let (catalogue, map, on_select) = (Arc::clone(&catalogue), map.clone(), Arc::clone(&on_select));
            Closure::<dyn Fn(JsValue)>::new(move |event: JsValue| {
                let layer = js_sys::Reflect::get(&event, &"layer".into()).unwrap_or_default();
                if let Some(space) = space_index(&layer).and_then(|i| catalogue.spaces().get(i)) {
                    on_select(space.id.clone());
                } else if let Some(bounds) = js_sys::Reflect::get(&layer, &GROUP_BOUNDS.into())
                    .ok()
                    .filter(|b| !b.is_undefined())
                {
                    let options = js_sys::Object::new();
                    let padding = js_sys::Array::of2(&40.into(), &40.into());
                    let _ = js_sys::Reflect::set(&options, &"padding".into(), &padding);
                    map.fit_bounds_with_options(bounds.unchecked_ref(), &options);
                } else {
                    // A same-spot group has opened its list: the first space in it takes focus.
                    let first = map
                        .get_container()
                        .query_selector(".leaflet-popup [data-select-space]")
                        .ok()
                        .flatten()
                        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
                    if let Some(first) = first {
                        let _ = first.focus();
                    }
                }
            })
        };
        group.unchecked_ref::<leaflet::Evented>().on("click", on_click.as_ref());
        // The list in a same-spot group's popup: one delegated listener on the map's element.
        let on_list_click = {
            let on_select = Arc::clone(&on_select);
            Closure::<dyn Fn(web_sys::Event)>::new(move |event: web_sys::Event| {
                let chosen = event
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .and_then(|e| e.closest("[data-select-space]").ok().flatten())
                    .and_then(|e| e.get_attribute("data-select-space"));
                if let Some(id) = chosen {
                    on_select(id);
                }
            })
        };
        let _ = map
            .get_container()
            .add_event_listener_with_callback("click", on_list_click.as_ref().unchecked_ref());
        // Leaflet makes markers focusable buttons but opens only a popup on Enter, never on
        // Space: both become the click a pointer would give. Handled on keydown, so Leaflet's own
        // Enter (on keypress) does not toggle the popup shut again.
        let on_key = Closure::<dyn Fn(web_sys::KeyboardEvent)>::new(|event: web_sys::KeyboardEvent| {
            if event.key() != "Enter" && event.key() != " " {
                return;
            }
            let marker = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
                .filter(|e| e.class_list().contains("leaflet-marker-icon"));
            if let Some(marker) = marker {
                event.prevent_default();
                marker.click();
            }
        });
        let _ = map
            .get_container()
            .add_event_listener_with_callback("keydown", on_key.as_ref().unchecked_ref());
        let icons = SpaceType::ALL.iter().map(|t| type_icon(*t)).collect();
        let count = catalogue.spaces().len();
        let popup_builder = {
            let catalogue = Arc::clone(&catalogue);
            Closure::new(move |layer: JsValue| -> JsValue {
                let space = space_index(&layer).and_then(|i| catalogue.spaces().get(i));
                space.map_or(JsValue::NULL, |space| popup_content(space, lang.get_untracked()).into())
            })
        };
        let popup_options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&popup_options, &"maxWidth".into(), &280.into());
        Self {
            map: map.clone(),
            group,
            catalogue,
            lang,
            icons,
            markers: vec![None; count],
            on_map: Vec::new(),
            groups: Vec::new(),
            visible: Vec::new(),
            popup_builder,
            popup_options,
            _on_click: on_click,
            on_list_click,
            on_key,
            highlighted: None,
        }
    }

    /// Sets the spaces the filters let through and redraws.
    pub fn show(&mut self, visible: &[usize]) {
        visible.clone_into(&mut self.visible);
        self.redraw();
    }

    /// Clusters the visible spaces for the current view and brings the map's markers in line:
    /// singles that stay are left alone; groups are replaced.
    pub fn redraw(&mut self) {
        let view = viewport(&self.map);
        let max_zoom = self.map.get_max_zoom();
        let clusters = cluster(
            self.catalogue.mercator(),
            &self.visible,
            &view,
            max_zoom,
            self.highlighted,
        );
        let list_members = view.zoom >= max_zoom;
        let focused = self.focused_space();

        for (marker, _) in self.groups.drain(..) {
            self.group.remove_layer(&marker);
        }
        let mut singles = Vec::with_capacity(clusters.len());
        for item in &clusters {
            match item {
                Cluster::Single(index) => singles.push(*index),
                Cluster::Group {
                    center,
                    members,
                    bounds,
                } => {
                    let lang = self.lang.get_untracked();
                    let marker = group_marker(*center, members, *bounds, lang, &self.catalogue, list_members);
                    self.group.add_layer(&marker);
                    // Leaflet names the button by its content, the bare count: name it in full.
                    if let Some(element) = marker_element(&marker) {
                        let title = element.title();
                        let _ = element.set_attribute("aria-label", &title);
                    }
                    self.groups.push((marker, members[0]));
                }
            }
        }
        singles.sort_unstable();
        let leaving: Vec<usize> = self
            .on_map
            .iter()
            .copied()
            .filter(|i| singles.binary_search(i).is_err())
            .collect();
        for index in leaving {
            if let Some(marker) = &self.markers[index] {
                self.group.remove_layer(marker);
            }
        }
        for &index in &singles {
            if self.on_map.binary_search(&index).is_err() {
                self.add_single(index);
            }
        }
        self.on_map = singles;
        if let Some(space) = focused {
            self.keep_focus(space, &clusters);
        }
    }

    /// The space under the focused marker (a group's first member), if a marker has focus.
    fn focused_space(&self) -> Option<usize> {
        let active = crate::map::shell::dom::document().active_element()?;
        if !active.class_list().contains("leaflet-marker-icon") {
            return None;
        }
        if let Some(id) = active.get_attribute("data-space-id") {
            return self.catalogue.index_of(&id);
        }
        self.groups
            .iter()
            .find(|(marker, _)| {
                marker_element(marker).is_some_and(|e| AsRef::<web_sys::Element>::as_ref(&e) == &active)
            })
            .map(|(_, first)| *first)
    }

    /// After a redraw took the focused marker away, focuses the marker that now holds `space`,
    /// or the map itself when the space left the view: focus is never dropped on the page.
    fn keep_focus(&self, space: usize, clusters: &[Cluster]) {
        let document = crate::map::shell::dom::document();
        let still_there = document
            .active_element()
            .is_some_and(|e| e.is_connected() && document.body().is_none_or(|b| *b != e));
        if still_there {
            return;
        }
        let target = clusters
            .iter()
            .find_map(|item| match item {
                Cluster::Single(index) if *index == space => self.markers[space].as_ref().and_then(marker_element),
                Cluster::Group { members, .. } if members.contains(&space) => self
                    .groups
                    .iter()
                    .find(|(_, first)| *first == members[0])
                    .and_then(|(marker, _)| marker_element(marker)),
                _ => None,
            })
            .or_else(|| self.map.get_container().dyn_into().ok());
        if let Some(target) = target {
            let _ = target.focus();
        }
    }

    /// Names the markers again in the interface language (after it changed); groups are named
    /// as they are made, so the redraw makes them anew.
    pub fn relabel(&mut self) {
        for &index in &self.on_map {
            self.label_single(index);
        }
        self.redraw();
    }

    /// Names space `index`'s marker element in the interface language.
    fn label_single(&self, index: usize) {
        let element = self.markers[index].as_ref().and_then(marker_element);
        if let Some(element) = element {
            let label = space_label(&self.catalogue.spaces()[index], self.lang.get_untracked());
            let _ = element.set_attribute("aria-label", &label);
            element.set_title(&label);
        }
    }

    fn add_single(&mut self, index: usize) {
        let marker = self.marker(index).clone();
        self.group.add_layer(&marker);
        // Leaflet builds a fresh icon element on every add: tag it each time.
        if let Some(element) = marker_element(&marker) {
            let _ = element.set_attribute("data-space-id", &self.catalogue.spaces()[index].id);
        }
        self.label_single(index);
        if self.highlighted == Some(index) {
            self.set_selected_class(index, true);
        }
    }

    /// Marks space `index` as the selected one (and unmarks the previous); returns its marker
    /// if it is drawn on its own.
    pub fn highlight(&mut self, index: Option<usize>) -> Option<Marker> {
        if let Some(old) = self.highlighted.take() {
            self.set_selected_class(old, false);
        }
        self.highlighted = index;
        // The selected space leaves its group (and the one left before rejoins its own).
        self.redraw();
        let index = index?;
        self.set_selected_class(index, true);
        let drawn = self.on_map.binary_search(&index).is_ok();
        drawn.then(|| self.marker(index).clone())
    }

    /// The position of space `index`.
    pub fn position(&self, index: usize) -> LatLng {
        let position = self.catalogue.spaces()[index].position;
        LatLng::new(position.lat, position.lon)
    }

    fn set_selected_class(&self, index: usize, on: bool) {
        let element = self.markers[index].as_ref().and_then(marker_element);
        if let Some(element) = element {
            let _ = element.class_list().toggle_with_force("is-selected", on);
        }
    }

    /// The marker of space `index`, created on first use.
    fn marker(&mut self, index: usize) -> &Marker {
        self.markers[index].get_or_insert_with(|| {
            create_marker(
                &self.catalogue,
                index,
                &self.icons,
                &self.popup_builder,
                &self.popup_options,
            )
        })
    }

    /// Removes every marker from the map.
    pub fn destroy(self) {
        let listener = self.on_list_click.as_ref().unchecked_ref();
        let _ = self
            .map
            .get_container()
            .remove_event_listener_with_callback("click", listener);
        let _ = self
            .map
            .get_container()
            .remove_event_listener_with_callback("keydown", self.on_key.as_ref().unchecked_ref());
        self.group.clear_layers();
        self.group.remove();
    }
}

/// The part of `map` on screen.
fn viewport(map: &Map) -> Viewport {
    let bounds = map.get_bounds();
    let project = |p: LatLng| {
        Mercator::project(crate::core::model::space::LatLon {
            lat: p.lat(),
            lon: p.lng(),
        })
    };
    Viewport {
        min: project(bounds.get_north_west()),
        max: project(bounds.get_south_east()),
        zoom: map.get_zoom(),
    }
}

/// A count marker for `members`. Clicking it zooms to them, or, when no zoom separates them
/// (`list_members`, or one shared spot), opens a list of them.
fn group_marker(
    center: Mercator,
    members: &[usize],
    bounds: (Mercator, Mercator),
    lang: Lang,
    catalogue: &Catalogue,
    list_members: bool,
) -> Marker {
    let count = members.len();
    // Sized by the icon, not by a CSS `scale`, which would also scale Leaflet's positioning
    // transform and draw the disc away from its spot. Sizes match `core::geometry::cluster::group_half_px`.
    let (class, side) = match count {
        0..10 => ("s", 34.0),
        10..100 => ("m", 40.0),
        _ => ("l", 46.0),
    };
    let options = DivIconOptions::new();
    options.set_class_name(format!("space-cluster space-cluster-{class}"));
    // The only markup we write ourselves: a number.
    options.set_html(format!("<span>{count}</span>"));
    options.set_icon_size(Point::new(side, side));
    let icon = DivIcon::new(&options);
    let marker_options = MarkerOptions::new();
    let icon: &leaflet::Icon = &icon;
    marker_options.set_icon(icon.clone());
    marker_options.set_keyboard(true);
    let lists = list_members || bounds.0 == bounds.1;
    let t = texts(lang);
    marker_options.set_title(with_count(
        if lists { t.cluster_list_title } else { t.cluster_title },
        count,
    ));
    let at = center.unproject();
    let marker = Marker::new_with_options(&LatLng::new(at.lat, at.lon), &marker_options);
    if lists {
        let popup = group_popup_content(catalogue, members, lang);
        marker.bind_popup_with_options(&popup, &JsValue::UNDEFINED);
    } else {
        let (nw, se) = (bounds.0.unproject(), bounds.1.unproject());
        let latlng_bounds = LatLngBounds::new(&LatLng::new(se.lat, nw.lon), &LatLng::new(nw.lat, se.lon));
        let _ = js_sys::Reflect::set(&marker, &GROUP_BOUNDS.into(), &latlng_bounds);
    }
    marker
}

fn create_marker(
    catalogue: &Catalogue,
    index: usize,
    icons: &[DivIcon],
    popup_builder: &Closure<dyn Fn(JsValue) -> JsValue>,
    popup_options: &js_sys::Object,
) -> Marker {
    let space = &catalogue.spaces()[index];
    let options = MarkerOptions::new();
    let icon: &leaflet::Icon = &icons[space.space_type.index()];
    options.set_icon(icon.clone());
    // Named (aria-label and title) each time it is drawn, in the language of the moment.
    options.set_keyboard(true);
    options.set_rise_on_hover(true);
    let marker = Marker::new_with_options(&LatLng::new(space.position.lat, space.position.lon), &options);
    let _ = js_sys::Reflect::set(&marker, &SPACE_INDEX.into(), &JsValue::from(index));
    marker.bind_popup_with_options(popup_builder.as_ref(), popup_options);
    marker
}

#[allow(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "the property was written from a usize index by create_marker"
)]
fn space_index(layer: &JsValue) -> Option<usize> {
    js_sys::Reflect::get(layer, &SPACE_INDEX.into())
        .ok()
        .and_then(|value| value.as_f64())
        .map(|value| value as usize)
}

fn type_icon(space_type: SpaceType) -> DivIcon {
    let options = DivIconOptions::new();
    options.set_class_name(format!("space-pin pin-{}", space_type.code()));
    options.set_icon_size(Point::new(26.0, 26.0));
    options.set_icon_anchor(Point::new(13.0, 26.0));
    options.set_popup_anchor(Point::new(0.0, -24.0));
    DivIcon::new(&options)
}
