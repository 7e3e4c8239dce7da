//! A filter group that folds away, so that a keyboard reaches the results past one line per
//! group rather than every choice; its heading says how many of its choices are ticked, and
//! whether it is open is remembered on this device.

use crate::core::query::filters::Filters;
use crate::core::text::i18n::{Texts, texts, with_count};
use crate::map::panels::favourites::storage;
use crate::map::shell::context::{tr, use_filters, use_lang};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The browser storage key of the groups left open, a comma-separated list of their keys.
const STORAGE_KEY: &str = "hcm-open-filter-groups";

/// One collapsible group of `options`; `key` names it in storage, `chosen` counts its ticked
/// choices. Plain values rather than generic props: the four facets share one copy of this code.
#[component]
pub fn FilterGroup(
    key: &'static str,
    heading: fn(&'static Texts) -> &'static str,
    chosen: fn(&Filters) -> usize,
    options: AnyView,
) -> impl IntoView {
    let (lang, filters) = (use_lang(), use_filters());
    let remember = move |event: web_sys::Event| {
        let open = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
            .is_some_and(|d| d.open());
        remember_open(key, open);
    };
    view! {
        <details class=format!("facet facet-{key}") data-group=key open=is_remembered_open(key) on:toggle=remember>
            <summary>
                <span class="facet-heading">{tr(heading)}</span>
                {move || {
                    let n = filters.with(chosen);
                    (n > 0).then(|| view! { <span class="chosen-count">{with_count(texts(lang.get()).chosen_count, n)}</span> })
                }}
            </summary>
            <div class="facet-options" role="group" aria-label=tr(heading)>
                {options}
            </div>
        </details>
    }
}

fn open_groups() -> Vec<String> {
    storage()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .map(|list| list.split(',').filter(|k| !k.is_empty()).map(str::to_owned).collect())
        .unwrap_or_default()
}

/// Whether the group `key` was left open on this device (groups start folded).
fn is_remembered_open(key: &str) -> bool {
    open_groups().iter().any(|k| k == key)
}

fn remember_open(key: &str, open: bool) {
    let mut groups = open_groups();
    groups.retain(|k| k != key);
    if open {
        groups.push(key.to_owned());
    }
    if let Some(storage) = storage() {
        let _ = storage.set_item(STORAGE_KEY, &groups.join(","));
    }
}
