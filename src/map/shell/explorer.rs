//! The loaded map: search, filters, list, details and the map itself, all driven by one
//! derived selection.

use crate::core::model::config::CityConfig;
use crate::core::query::catalogue::Catalogue;
use crate::core::query::open_at::OpenAt;
use crate::core::query::search::Query;
use crate::map::leaflet::MapView;
use crate::map::panels::embed::{FullMapLink, notify_host};
use crate::map::panels::print::PrintSheet;
use crate::map::panels::trails::load_trails;
use crate::map::shell::clock::use_clock;
use crate::map::shell::context::{tr, use_filters, use_search, use_selected};
use crate::map::shell::load::urgent_task;
use crate::map::shell::side_panel::side_panel;
use leptos::prelude::*;
use std::sync::Arc;
use std::time::Duration;

/// The explorer for a loaded catalogue.
#[component]
pub fn Explorer(catalogue: Arc<Catalogue>, config: CityConfig, embed: bool) -> impl IntoView {
    let (filters, query) = (use_filters(), use_search());
    notify_host(Arc::clone(&catalogue));
    let selection = {
        let catalogue = Arc::clone(&catalogue);
        let clock = use_clock();
        Memo::new(move |_| {
            let parsed = query.with(|q| Query::parse(q));
            let filters = filters.get();
            // Only "open now" follows the clock; nothing else reruns as minutes pass.
            let now = if filters.open == Some(OpenAt::Now) {
                clock.get()
            } else {
                clock.get_untracked()
            };
            Arc::new(catalogue.select(&filters, parsed.as_ref(), now))
        })
    };
    let shown = move || selection.with(|s| s.visible.len());
    let panel_open = crate::map::shell::context::use_panel_open();
    // On a phone the details live in the bottom sheet: opening a space (from a marker or a
    // link) opens the sheet too.
    let selected = use_selected();
    Effect::new(move |_| {
        if selected.with(Option::is_some) {
            panel_open.set(true);
        }
    });
    // The search index, the largest, is built after the first markers are painted rather than
    // holding them back; `data-search` tells tests and benchmarks when it is complete.
    let search_ready = RwSignal::new(false);
    {
        let catalogue = Arc::clone(&catalogue);
        request_animation_frame(move || prepare_search_in_parts(catalogue, search_ready));
    }
    let trails = load_trails(config.trails.clone(), Arc::clone(&catalogue));
    // The map and its markers are drawn first, in the task that loads the data; the panel
    // beside (on a phone, a closed sheet) a task later, once they are painted. Building both
    // in one task held the first markers back by the panel's whole build (issue 13).
    let panel_drawn = RwSignal::new(false);
    // Ahead of the tasks queued meanwhile (the background's script and tiles, the search
    // index), which held the filters back by about 0.4 s on a phone.
    request_animation_frame(move || urgent_task(move || panel_drawn.set(true)));
    let (panel_catalogue, panel_config) = (Arc::clone(&catalogue), config.clone());
    view! {
        <div
            class="explorer"
            class:panel-open=move || panel_open.get()
            data-search=move || if search_ready.get() { "ready" } else { "preparing" }
        >
            // Before the sheet it opens, so that the next Tab goes into it.
            <button
                type="button"
                class="button panel-toggle"
                aria-controls="side-panel"
                aria-expanded=move || panel_open.get().to_string()
                on:click=move |_| panel_open.update(|open| *open = !*open)
            >
                {tr(|t| t.filters)}
                " · "
                {shown}
            </button>
            <div class="side-panel" id="side-panel">
                {move || panel_drawn.get().then(|| side_panel(&panel_catalogue, &panel_config, selection, trails, embed))}
            </div>
            {embed.then(|| view! { <FullMapLink /> })}
            <PrintSheet catalogue=Arc::clone(&catalogue) />
            <MapView catalogue config selection trails />
        </div>
    }
}

/// Spaces indexed for search per task: about 60 ms on the benchmark machine, so that on a slow
/// phone too no task holds the page for long.
const SEARCH_PART: usize = 2_000;

/// Builds the search index a part per task until it is complete, then sets `ready`.
fn prepare_search_in_parts(catalogue: Arc<Catalogue>, ready: RwSignal<bool>) {
    set_timeout(
        move || {
            if catalogue.prepare_search(SEARCH_PART) {
                ready.set(true);
            } else {
                prepare_search_in_parts(catalogue, ready);
            }
        },
        Duration::ZERO,
    );
}
