//! The "open now / open at…" filter: radio buttons over the spaces' opening hours in Hanoi's
//! time, and a plain note of how many spaces it hides because their hours are unknown.

use crate::core::query::facets::Selection;
use crate::core::query::open_at::{OpenAt, datetime_local};
use crate::core::text::i18n::{Texts, texts, with_count};
use crate::map::filters::filter_group::FilterGroup;
use crate::map::shell::clock::use_clock;
use crate::map::shell::context::{tr, use_filters, use_lang};
use leptos::prelude::*;
use std::sync::Arc;

/// The opening-hours fieldset of the filter panel.
#[component]
pub fn OpenFilter(selection: Memo<Arc<Selection>>) -> impl IntoView {
    let (lang, filters, clock) = (use_lang(), use_filters(), use_clock());
    let open = move || filters.with(|f| f.open);
    let set = move |value: Option<OpenAt>| filters.update(|f| f.open = value);
    let chosen_at = move || match open() {
        Some(OpenAt::At(at)) => Some(at),
        _ => None,
    };
    // `pick` turns the current minute into the choice's filter: none, "now", or that minute.
    let choice = move |value: &'static str,
                       checked: fn(Option<OpenAt>) -> bool,
                       pick: fn(OpenAt) -> Option<OpenAt>,
                       label: fn(&'static Texts) -> &'static str| {
        view! {
            <label class="facet-option">
                <input
                    type="radio"
                    name="open"
                    value=value
                    prop:checked=move || checked(open())
                    on:change=move |_| set(pick(OpenAt::At(clock.get_untracked())))
                />
                <span>{tr(label)}</span>
            </label>
        }
    };
    let hidden = move || selection.with(|s| s.hours_unknown);
    view! {
        <FilterGroup key="open" heading=|t| t.opening_hours chosen=|f| usize::from(f.open.is_some()) options=view! {
            {choice("", |o| o.is_none(), |_| None, |t| t.any_time)}
            {choice("now", |o| o == Some(OpenAt::Now), |_| Some(OpenAt::Now), |t| t.open_now)}
            {choice("at", |o| matches!(o, Some(OpenAt::At(_))), Some, |t| t.open_at)}
            <input
                type="datetime-local"
                name="open_at"
                class="open-at"
                aria-label=tr(|t| t.open_at)
                prop:value=move || datetime_local(chosen_at().unwrap_or_else(|| clock.get()))
                on:change=move |event| {
                    if let Some(at) = OpenAt::from_param(&event_target_value(&event)) {
                        set(Some(at));
                    }
                }
            />
            {move || {
                let n = hidden();
                (n > 0).then(|| view! {
                    <p class="note" data-testid="hours-unknown">{with_count(texts(lang.get()).hours_unknown_hidden, n)}</p>
                })
            }}
        }.into_any() />
    }
}
