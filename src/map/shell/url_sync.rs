//! Keeps the address bar and the app's state in step: the URL follows the person's actions
//! (replaceState while typing and panning, pushState when a space opens, so Back closes it),
//! and Back/Forward restore the state.

use crate::core::exchange::url_state::UrlState;
use crate::map::shell::context::{use_filters, use_lang, use_search, use_selected, use_trail, use_view};
use leptos::ev;
use leptos::prelude::*;

/// The state the page was opened with.
pub fn initial_url_state() -> UrlState {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .map(|search| UrlState::decode(&search))
        .unwrap_or_default()
}

/// Starts the two-way sync; `embed` is fixed for the page's life.
pub fn sync_url(embed: bool) {
    let (lang, filters, query, selected, trail) =
        (use_lang(), use_filters(), use_search(), use_selected(), use_trail());
    let current = current_state(embed);

    Effect::new(move |previous: Option<Option<String>>| {
        let state = current();
        let opened = state.space.is_some() && previous.is_some_and(|before| before != state.space);
        write_url(&state.encode(), opened.then_some(state.space.as_deref()).flatten());
        state.space
    });

    let handle = window_event_listener(ev::popstate, move |_| {
        let state = initial_url_state();
        selected.set(state.space);
        trail.set(state.trail);
        filters.set(state.filters);
        query.set(state.query);
        if let Some(chosen) = state.lang {
            lang.set(chosen);
        }
    });
    on_cleanup(move || handle.remove());
}

/// The state as a link would hold it, read reactively from the contexts.
pub fn current_state(embed: bool) -> impl Fn() -> UrlState + Copy + Send + Sync + 'static {
    let (lang, filters, query, selected, view) = (use_lang(), use_filters(), use_search(), use_selected(), use_view());
    let trail = use_trail();
    move || UrlState {
        filters: filters.get(),
        query: query.get(),
        space: selected.get(),
        trail: trail.get(),
        lang: Some(lang.get()),
        view: view.get(),
        embed,
    }
}

/// Closes the open space. When this page opened it with a history entry, going back closes it,
/// so Back and the close button agree; otherwise the entry is replaced.
pub fn close_space(selected: RwSignal<Option<String>>) {
    let pushed_here = web_sys::window()
        .and_then(|w| w.history().ok())
        .and_then(|h| h.state().ok())
        .and_then(|state| js_sys::Reflect::get(&state, &OPENED_KEY.into()).ok())
        .and_then(|value| value.as_string())
        .is_some_and(|id| selected.with_untracked(|s| s.as_deref() == Some(id.as_str())));
    if pushed_here && let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = history.back();
    } else {
        selected.set(None);
    }
}

/// The key of the history state that marks an entry pushed for opening a space.
const OPENED_KEY: &str = "openedSpace";

/// Writes `?search`, pushing a new history entry (marked with the space id) when `pushed_for`
/// names a newly opened space, else replacing the current one.
fn write_url(search: &str, pushed_for: Option<&str>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let current = location.search().unwrap_or_default();
    let wanted = if search.is_empty() {
        String::new()
    } else {
        format!("?{search}")
    };
    if current == wanted {
        return;
    }
    // An empty search must still replace the old one: keep the path and drop the query.
    let url = if wanted.is_empty() {
        location.pathname().unwrap_or_default()
    } else {
        wanted
    };
    let Ok(history) = window.history() else {
        return;
    };
    let _ = if let Some(space) = pushed_for {
        let marker = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&marker, &OPENED_KEY.into(), &space.into());
        history.push_state_with_url(&marker, "", Some(&url))
    } else {
        // Keep the entry's marker: replacing only updates where the map looks or what is typed.
        let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
        history.replace_state_with_url(&state, "", Some(&url))
    };
}
