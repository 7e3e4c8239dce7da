//! The one search box.

use crate::map::shell::context::{tr, use_search};
use leptos::prelude::*;

/// A search field that filters as the person types.
#[component]
pub fn SearchBox() -> impl IntoView {
    let query = use_search();
    view! {
        <div class="search-box" role="search">
            <label for="search-input" class="visually-hidden">{tr(|t| t.search_label)}</label>
            <input
                id="search-input"
                type="search"
                name="q"
                autocomplete="off"
                enterkeyhint="search"
                placeholder=tr(|t| t.search_placeholder)
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
            />
        </div>
    }
}
