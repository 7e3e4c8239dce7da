//! Favourites kept on the device: a star on each space's details and a short list to come back
//! to them. Stored in `localStorage`; a browser that refuses storage simply forgets them.

use crate::core::exchange::favourites::{STORAGE_KEY, read, toggle, write};
use crate::core::query::catalogue::Catalogue;
use crate::map::shell::context::{tr, use_lang, use_selected};
use leptos::prelude::*;
use std::sync::Arc;

/// The favourite ids, oldest first.
#[derive(Clone, Copy)]
struct Favourites(RwSignal<Vec<String>>);

/// Loads the favourites and keeps the storage in step with them.
pub fn provide_favourites() {
    let ids = RwSignal::new(
        storage()
            .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
            .map_or_else(Vec::new, |text| read(&text)),
    );
    Effect::new(move |first: Option<()>| {
        let text = ids.with(|ids| write(ids));
        // The first run only reads what was just loaded.
        if first.is_some()
            && let Some(storage) = storage()
        {
            let _ = storage.set_item(STORAGE_KEY, &text);
        }
    });
    provide_context(Favourites(ids));
}

/// The browser's `localStorage`, where it may be used.
pub fn storage() -> Option<web_sys::Storage> {
    // Reading `localStorage` throws where storage is blocked (some iframes, private modes).
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// The star that adds the space `id` to the favourites or takes it out.
#[component]
pub fn FavouriteButton(id: String) -> impl IntoView {
    let ids = expect_context::<Favourites>().0;
    let chosen = {
        let id = id.clone();
        Memo::new(move |_| ids.with(|ids| ids.contains(&id)))
    };
    view! {
        <button
            type="button"
            class="button favourite"
            data-testid="favourite"
            aria-pressed=move || chosen.get().to_string()
            on:click=move |_| ids.update(|ids| toggle(ids, &id))
        >
            <span aria-hidden="true">{move || if chosen.get() { "★ " } else { "☆ " }}</span>
            {tr(|t| t.favourite)}
        </button>
    }
}

/// The favourites that are in the dataset, each opening its space.
#[component]
pub fn FavouritesList(catalogue: Arc<Catalogue>) -> impl IntoView {
    let (lang, ids, selected) = (use_lang(), expect_context::<Favourites>().0, use_selected());
    let known = move || {
        ids.with(|ids| {
            ids.iter()
                .rev()
                .filter_map(|id| catalogue.index_of(id))
                .map(|i| {
                    (
                        catalogue.spaces()[i].id.clone(),
                        catalogue.spaces()[i].display_name(lang.get()).to_owned(),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    let list = move || {
        let items = known();
        (!items.is_empty()).then(|| {
            let count = items.len();
            view! {
                <details class="favourites" data-testid="favourites">
                    <summary>{tr(|t| t.favourites)}" ("{count}")"</summary>
                    <ul>
                        {items
                            .into_iter()
                            .map(|(id, name)| {
                                view! {
                                    <li>
                                        <button type="button" class="link-button" data-space-id=id.clone() on:click=move |_| selected.set(Some(id.clone()))>
                                            {name}
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </details>
            }
        })
    };
    view! { {list} }
}
