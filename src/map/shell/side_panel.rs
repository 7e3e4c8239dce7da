//! The panel beside the map (on a phone, the sheet the Filters button opens): search, count,
//! filters, list, trails, favourites, downloads, the forms and a space's details.

use crate::core::model::config::CityConfig;
use crate::core::model::trails::Trail;
use crate::core::query::catalogue::Catalogue;
use crate::core::query::facets::Selection;
use crate::core::query::filters::Filters;
use crate::map::filters::filter_panel::FilterPanel;
use crate::map::filters::locate::LocateButton;
use crate::map::filters::search_box::SearchBox;
use crate::map::panels::detail_panel::DetailPanel;
use crate::map::panels::download::DownloadButtons;
use crate::map::panels::embed_link::EmbedLink;
use crate::map::panels::favourites::FavouritesList;
use crate::map::panels::join::JoinNetwork;
use crate::map::panels::result_list::ResultList;
use crate::map::panels::suggest_form::{SuggestButton, SuggestForm};
use crate::map::panels::trails::TrailsPanel;
use crate::map::shell::announce::CountAnnouncer;
use crate::map::shell::context::{tr, use_filters};
use crate::map::shell::notices::DataNotice;
use crate::map::shell::statement::PanelFooter;
use leptos::prelude::*;
use std::sync::Arc;

/// The side panel's contents for a loaded catalogue and the current `selection`. A function
/// rather than a component: it is built once, and a component's props builder costs bytes.
/// It must read no signal as it builds (only the closures it hands to the view may): it runs
/// inside the explorer's reactive closure, which would build the whole panel again on each
/// change of a signal read here. (`untrack` around it would say so, for 1.1 KB of bundle.)
pub fn side_panel(
    catalogue: &Arc<Catalogue>,
    config: &CityConfig,
    selection: Memo<Arc<Selection>>,
    trails: RwSignal<Arc<Vec<Trail>>>,
    embed: bool,
) -> AnyView {
    let filters = use_filters();
    let shown = move || selection.with(|s| s.visible.len());
    let active_filters = move || filters.with(Filters::chosen_count);
    view! {
        <SearchBox />
        <div class="result-bar">
            // Announced by the CountAnnouncer once the person pauses, not at each key.
            <p class="result-count" data-testid="result-count">
                <strong>{shown}</strong>
                " "
                {tr(|t| t.spaces_shown)}
            </p>
            <LocateButton />
        </div>
        <CountAnnouncer selection />
        <DataNotice catalogue=Arc::clone(catalogue) />
        <details class="filters-section" open=!embed>
            <summary>
                {tr(|t| t.filters)}
                {move || (active_filters() > 0).then(|| format!(" ({})", active_filters()))}
            </summary>
            <FilterPanel selection />
        </details>
        <ResultList catalogue=Arc::clone(catalogue) selection />
        <TrailsPanel catalogue=Arc::clone(catalogue) trails />
        <FavouritesList catalogue=Arc::clone(catalogue) />
        <DownloadButtons catalogue=Arc::clone(catalogue) config=config.clone() selection />
        {(!embed).then(|| view! { <EmbedLink /> })}
        <p class="contribute">
            <SuggestButton center=config.center />
            " "
            <JoinNetwork center=config.center />
        </p>
        <PanelFooter embed />
        <SuggestForm region=config.region channel=config.suggest.clone() />
        <DetailPanel catalogue=Arc::clone(catalogue) />
    }
    .into_any()
}
