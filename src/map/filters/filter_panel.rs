//! The filter panel: one folding group of real checkboxes per facet, each with its count.

use crate::core::model::taxonomy::{Discipline, Membership, Operator, SpaceType};
use crate::core::query::facets::Selection;
use crate::core::query::filters::{Facet, Filters};
use crate::core::text::i18n::Texts;
use crate::map::filters::filter_group::FilterGroup;
use crate::map::filters::open_filter::OpenFilter;
use crate::map::shell::context::{tr, use_filters, use_lang};
use leptos::prelude::*;
use std::marker::PhantomData;
use std::sync::Arc;

/// Every facet, the closed toggle and the clear control.
#[component]
pub fn FilterPanel(selection: Memo<Arc<Selection>>) -> impl IntoView {
    let filters = use_filters();
    view! {
        <div class="filter-panel">
            <button
                type="button"
                class="button clear-filters"
                data-testid="clear-filters"
                // Not `disabled`: the focus would be dropped from a button that disables itself.
                aria-disabled=move || filters.with(Filters::is_clear).to_string()
                on:click=move |_| {
                    if !filters.with_untracked(Filters::is_clear) {
                        filters.update(|f| *f = f.cleared());
                    }
                }
            >
                {tr(|t| t.clear_filters)}
            </button>
            <FacetGroup<Discipline> heading=|t| t.disciplines selection />
            <FacetGroup<SpaceType> heading=|t| t.space_types selection />
            <FacetGroup<Operator> heading=|t| t.operators selection />
            <FacetGroup<Membership> heading=|t| t.network selection />
            <OpenFilter selection />
            <label class="toggle">
                <input
                    type="checkbox"
                    name="show_closed"
                    prop:checked=move || filters.with(|f| f.show_closed)
                    on:change=move |_| filters.update(|f| f.show_closed = !f.show_closed)
                />
                <span>{tr(|t| t.show_closed)}</span>
            </label>
        </div>
    }
}

/// One facet's checkboxes.
#[component]
fn FacetGroup<T: Facet + Send + Sync>(
    heading: fn(&'static Texts) -> &'static str,
    selection: Memo<Arc<Selection>>,
    #[prop(optional)] facet: PhantomData<T>,
) -> impl IntoView {
    // The facet is chosen by the type parameter alone.
    let PhantomData = facet;
    let lang = use_lang();
    let filters = use_filters();
    let options = T::ALL
        .iter()
        .copied()
        .map(|value| {
            let count = move || selection.with(|s| value.count(&s.counts));
            view! {
                <label class="facet-option" class:empty=move || count() == 0>
                    <input
                        type="checkbox"
                        name=T::PARAM
                        value=value.code()
                        prop:checked=move || filters.with(|f| T::chosen(f).contains(value))
                        on:change=move |_| filters.update(|f| T::chosen_mut(f).toggle(value))
                    />
                    <span class=format!("facet-label pin-{}", value.code())>{move || value.label(lang.get())}</span>
                    <span class="facet-count">{count}</span>
                </label>
            }
        })
        .collect_view();
    view! { <FilterGroup key=T::PARAM heading chosen=|f| T::chosen(f).len() options=options.into_any() /> }
}
