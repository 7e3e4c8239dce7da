//! The list of the spaces shown: the accessible way to every space, in name, relevance or
//! distance order.

use crate::core::exchange::print::MAX_PRINTED;
use crate::core::geometry::geo::{distance_m, format_distance};
use crate::core::query::catalogue::{Catalogue, ListOrder};
use crate::core::query::facets::Selection;
use crate::core::query::search::Query;
use crate::core::text::i18n::{Label, texts, with_count};
use crate::map::shell::context::{tr, use_lang, use_position, use_search, use_selected};
use leptos::prelude::*;
use std::sync::Arc;

/// How many items the list renders before "show more".
const PAGE: usize = 50;

/// The result list.
#[component]
pub fn ResultList(catalogue: Arc<Catalogue>, selection: Memo<Arc<Selection>>) -> impl IntoView {
    let (lang, query, selected, position) = (use_lang(), use_search(), use_selected(), use_position());
    let limit = RwSignal::new(PAGE);
    let list_order = {
        let catalogue = Arc::clone(&catalogue);
        move |count: usize| {
            let lang = lang.get();
            let parsed = query.with(|q| Query::parse(q));
            let order = match (position.get(), &parsed) {
                (Some(here), _) => ListOrder::Distance(here),
                (None, Some(query)) => ListOrder::Relevance(query, lang),
                (None, None) => ListOrder::Name(lang),
            };
            selection.with(|s| catalogue.ordered(&s.visible, &order, count))
        }
    };
    let ordered = Memo::new({
        let list_order = list_order.clone();
        move |_| list_order(limit.get())
    });
    // Printing takes the list in the same order, further than the page shown.
    let print_job = crate::map::panels::print::use_print_job();
    let print_list = move |_| {
        let spaces = untrack(|| list_order(MAX_PRINTED));
        crate::map::panels::print::print(print_job, spaces, selection.with_untracked(|s| s.visible.len()));
    };
    // A new result set starts at the first page again.
    Effect::new(move |_| {
        selection.track();
        query.track();
        position.track();
        limit.set(PAGE);
    });
    let hidden = move || selection.with(|s| s.visible.len()).saturating_sub(limit.get());
    // The focus moves on to the first space added, as the list is drawn again (and the button
    // may go).
    let show_more = move || {
        let first_new = limit.get_untracked() + 1;
        limit.update(|l| *l += PAGE * 4);
        crate::map::shell::focus::focus_soon(format!(".result-list > li:nth-child({first_new}) > button"));
    };

    let item = move |index: usize| {
        let space = &catalogue.spaces()[index];
        let id = space.id.clone();
        let current = {
            let id = id.clone();
            move || selected.with(|s| s.as_deref() == Some(id.as_str()))
        };
        let name = space.name.clone();
        let space_type = space.space_type;
        let district = space.district.clone().unwrap_or_default();
        let where_ = space.position;
        view! {
            <li>
                <button
                    type="button"
                    class="result-item"
                    data-space-id=id.clone()
                    aria-current=move || current().then_some("true")
                    on:click=move |_| selected.set(Some(id.clone()))
                >
                    <span class="result-name">{move || name.get(lang.get()).unwrap_or_default().to_owned()}</span>
                    <span class="result-meta">
                        <span class=format!("result-type pin-{}", space_type.code())>{move || space_type.label(lang.get())}</span>
                        {(!district.is_empty()).then(|| format!(" · {district}"))}
                        {move || position.get().map(|here| format!(" · {}", format_distance(distance_m(here, where_))))}
                    </span>
                </button>
            </li>
        }
    };

    view! {
        // The target of "Skip to the list".
        <section class="results" id="results" tabindex="-1" aria-label=tr(|t| t.results)>
            <Show when=move || ordered.with(|o| !o.is_empty()) fallback=move || view! {
                <p class="no-results">{tr(|t| t.no_results)}</p>
            }>
                // Drawn again as a whole when the list changes: at most a page of items, and no
                // keyed diffing code (with its index maps) in the bundle.
                <ul class="result-list">
                    {let item = item.clone(); move || ordered.get().into_iter().map(item.clone()).collect_view()}
                </ul>
            </Show>
            <button type="button" class="button" data-testid="print-list" on:click=print_list>{tr(|t| t.print_list)}</button>
            <Show when=move || { hidden() > 0 }>
                <button type="button" class="button show-more" on:click=move |_| show_more()>
                    {move || with_count(texts(lang.get()).show_more, hidden())}
                </button>
            </Show>
        </section>
    }
}
