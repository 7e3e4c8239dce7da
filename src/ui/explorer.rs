//! The loaded map: filters, the map itself and the result count, all driven by one derived
//! selection.

use super::context::{use_filters, use_lang};
use super::filter_panel::FilterPanel;
use super::map::MapView;
use super::notices::DataNotice;
use crate::core::catalogue::Catalogue;
use crate::core::config::CityConfig;
use crate::core::i18n::texts;
use leptos::prelude::*;
use std::sync::Arc;

/// The explorer for a loaded catalogue.
#[component]
pub fn Explorer(catalogue: Arc<Catalogue>, config: CityConfig) -> impl IntoView {
    let lang = use_lang();
    let filters = use_filters();
    let selection = {
        let catalogue = Arc::clone(&catalogue);
        Memo::new(move |_| Arc::new(catalogue.select(&filters.get())))
    };
    let shown = move || selection.with(|s| s.visible.len());
    let panel_open = RwSignal::new(false);
    view! {
        <div class="explorer" class:panel-open=move || panel_open.get()>
            <aside class="side-panel" id="side-panel">
                <p class="result-count" data-testid="result-count" aria-live="polite" role="status">
                    <strong>{shown}</strong>
                    " "
                    {move || texts(lang.get()).spaces_shown}
                </p>
                <DataNotice catalogue=Arc::clone(&catalogue) />
                <FilterPanel selection />
            </aside>
            <button
                type="button"
                class="button panel-toggle"
                aria-controls="side-panel"
                aria-expanded=move || panel_open.get().to_string()
                on:click=move |_| panel_open.update(|open| *open = !*open)
            >
                {move || texts(lang.get()).filters}
                " · "
                {shown}
            </button>
            <MapView catalogue config selection />
        </div>
    }
}
