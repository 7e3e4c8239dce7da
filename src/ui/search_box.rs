//! The one search box.

use super::context::{use_lang, use_search};
use crate::core::i18n::texts;
use leptos::prelude::*;

/// A search field that filters as the person types.
#[component]
pub fn SearchBox() -> impl IntoView {
    let lang = use_lang();
    let query = use_search();
    view! {
        <div class="search-box" role="search">
            <label for="search-input" class="visually-hidden">{move || texts(lang.get()).search_label}</label>
            <input
                id="search-input"
                type="search"
                name="q"
                autocomplete="off"
                enterkeyhint="search"
                placeholder=move || texts(lang.get()).search_placeholder
                prop:value=move || query.get()
                on:input=move |ev| query.set(event_target_value(&ev))
            />
        </div>
    }
}
