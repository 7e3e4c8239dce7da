//! Life inside an iframe on a host page (the city's portal): a link to the full map that keeps
//! the view, and a message to the host when a space is chosen.

use crate::core::query::catalogue::Catalogue;
use crate::map::shell::context::{tr, use_selected};
use crate::map::shell::url_sync::current_state;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsValue;

/// The `source` field of every message the map posts to its host.
pub const MESSAGE_SOURCE: &str = "hanoi-creative-map";

/// "Open the full map": the same view without the embed layout, in a new tab.
#[component]
pub fn FullMapLink() -> impl IntoView {
    let state = current_state(false);
    let href = move || {
        let path = web_sys::window()
            .and_then(|w| w.location().pathname().ok())
            .unwrap_or_default();
        let query = state().encode();
        if query.is_empty() {
            path
        } else {
            format!("{path}?{query}")
        }
    };
    view! {
        <a class="button full-map-link" data-testid="full-map-link" href=href target="_blank" rel="noopener">
            {tr(|t| t.open_full_map)}
        </a>
    }
}

/// Tells the host page which space the person chose, as
/// `{source: "hanoi-creative-map", type: "select", id, name: {vi, en}, url}` (or `id: null` when
/// the details close). Only public data from the dataset is sent, so any host may listen. The
/// map accepts no messages from its host.
pub fn notify_host(catalogue: Arc<Catalogue>) {
    let selected = use_selected();
    Effect::new(move |previous: Option<Option<String>>| {
        let id = selected.get();
        if previous.is_some_and(|before| before != id) {
            post_selection(&catalogue, id.as_deref());
        }
        id
    });
}

fn post_selection(catalogue: &Catalogue, id: Option<&str>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(Some(parent)) = window.parent() else {
        return;
    };
    if parent == window {
        return;
    }
    let message = js_sys::Object::new();
    let set = |key: &str, value: &JsValue| {
        let _ = js_sys::Reflect::set(&message, &key.into(), value);
    };
    set("source", &MESSAGE_SOURCE.into());
    set("type", &"select".into());
    let space = id.and_then(|id| catalogue.index_of(id)).map(|i| &catalogue.spaces()[i]);
    set("id", &space.map_or(JsValue::NULL, |s| s.id.as_str().into()));
    if let Some(space) = space {
        let name = js_sys::Object::new();
        for (key, value) in [("vi", &space.name.vi), ("en", &space.name.en)] {
            let _ = js_sys::Reflect::set(
                &name,
                &key.into(),
                &value.as_deref().map_or(JsValue::NULL, JsValue::from),
            );
        }
        set("name", &name);
    }
    set("url", &window.location().href().unwrap_or_default().into());
    let _ = parent.post_message(&message, "*");
}
