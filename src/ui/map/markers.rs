//! The markers of the selected spaces: created once per space on first show, then added to
//! and removed from one feature group as the selection changes.

use super::bindings::{DivIcon, marker_element};
use super::popup::popup_content;
use crate::core::catalogue::Catalogue;
use crate::core::lang::Lang;
use crate::core::taxonomy::SpaceType;
use leaflet::{DivIconOptions, FeatureGroup, LatLng, Map, Marker, MarkerOptions, Point};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::prelude::*;

/// The JS property on each marker that holds its space's index in the catalogue.
const SPACE_INDEX: &str = "spaceIndex";

/// All markers of one map.
pub struct MarkerLayer {
    group: FeatureGroup,
    catalogue: Arc<Catalogue>,
    /// One icon per space type, shared by every marker of that type.
    icons: Vec<DivIcon>,
    markers: Vec<Option<Marker>>,
    shown: Vec<bool>,
    /// One popup builder shared by every marker; Leaflet calls it when a popup opens.
    popup_builder: Closure<dyn Fn(JsValue) -> JsValue>,
    popup_options: js_sys::Object,
    /// One click listener on the group for every marker.
    _on_click: Closure<dyn Fn(JsValue)>,
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
        let on_click = {
            let catalogue = Arc::clone(&catalogue);
            Closure::<dyn Fn(JsValue)>::new(move |event: JsValue| {
                let layer = js_sys::Reflect::get(&event, &"layer".into()).unwrap_or_default();
                if let Some(space) = space_index(&layer).and_then(|i| catalogue.spaces().get(i)) {
                    on_select(space.id.clone());
                }
            })
        };
        group
            .unchecked_ref::<leaflet::Evented>()
            .on("click", on_click.as_ref());
        let icons = SpaceType::ALL.iter().map(|t| type_icon(*t)).collect();
        let count = catalogue.dataset.spaces.len();
        let popup_builder = {
            let catalogue = Arc::clone(&catalogue);
            Closure::new(move |layer: JsValue| -> JsValue {
                let space = space_index(&layer).and_then(|i| catalogue.dataset.spaces.get(i));
                space.map_or(JsValue::NULL, |space| {
                    popup_content(space, lang.get_untracked()).into()
                })
            })
        };
        let popup_options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&popup_options, &"maxWidth".into(), &280.into());
        Self {
            group,
            catalogue,
            icons,
            markers: vec![None; count],
            shown: vec![false; count],
            popup_builder,
            popup_options,
            _on_click: on_click,
            highlighted: None,
        }
    }

    /// Marks space `index` as the selected one (and unmarks the previous); returns its marker.
    pub fn highlight(&mut self, index: Option<usize>) -> Option<Marker> {
        if let Some(old) = self.highlighted.take() {
            self.set_selected_class(old, false);
        }
        let index = index?;
        self.highlighted = Some(index);
        let marker = self.marker(index).clone();
        self.set_selected_class(index, true);
        Some(marker)
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

    /// Shows exactly the spaces whose indices are in `visible`.
    pub fn show(&mut self, visible: &[usize]) {
        let mut next = vec![false; self.shown.len()];
        for &i in visible {
            next[i] = true;
        }
        for (i, &will) in next.iter().enumerate() {
            match (self.shown[i], will) {
                (false, true) => {
                    let marker = self.markers[i].get_or_insert_with(|| {
                        create_marker(
                            &self.catalogue,
                            i,
                            &self.icons,
                            &self.popup_builder,
                            &self.popup_options,
                        )
                    });
                    self.group.add_layer(marker);
                    // Leaflet builds a fresh icon element on every add: tag it each time.
                    if let Some(element) = marker_element(marker) {
                        let _ = element
                            .set_attribute("data-space-id", &self.catalogue.dataset.spaces[i].id);
                    }
                }
                (true, false) => {
                    if let Some(marker) = &self.markers[i] {
                        self.group.remove_layer(marker);
                    }
                }
                _ => {}
            }
        }
        self.shown = next;
    }

    /// Removes every marker from the map.
    pub fn destroy(self) {
        self.group.clear_layers();
        self.group.remove();
    }
}

fn create_marker(
    catalogue: &Catalogue,
    index: usize,
    icons: &[DivIcon],
    popup_builder: &Closure<dyn Fn(JsValue) -> JsValue>,
    popup_options: &js_sys::Object,
) -> Marker {
    let space = &catalogue.dataset.spaces[index];
    let options = MarkerOptions::new();
    let icon: &leaflet::Icon = &icons[space.space_type.index()];
    options.set_icon(icon.clone());
    // Leaflet writes the title as an attribute, so it is text, and names the marker for
    // screen readers.
    options.set_title(space.display_name(Lang::Vi).to_owned());
    options.set_keyboard(true);
    options.set_rise_on_hover(true);
    let marker = Marker::new_with_options(
        &LatLng::new(space.position.lat, space.position.lon),
        &options,
    );
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
