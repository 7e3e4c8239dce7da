//! Sharing a space: the Web Share sheet where there is one, else the link copied.

use crate::core::model::space::Space;
use crate::core::text::i18n::texts;
use crate::map::shell::context::{tr, use_lang};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;
use wasm_bindgen_futures::JsFuture;

/// A share button for `space`; the link is the page's current URL, which holds the space.
#[component]
pub fn ShareButton(space: Arc<Space>) -> impl IntoView {
    let lang = use_lang();
    let copied = RwSignal::new(false);
    let share = move |_| {
        let Some(window) = web_sys::window() else {
            return;
        };
        let url = window.location().href().unwrap_or_default();
        let title = space.display_name(lang.get_untracked()).to_owned();
        let navigator = window.navigator();
        let can_share = js_sys::Reflect::has(&navigator, &"share".into()).unwrap_or(false);
        spawn_local(async move {
            if can_share {
                let data = web_sys::ShareData::new();
                data.set_title(&title);
                data.set_text(&title);
                data.set_url(&url);
                if JsFuture::from(navigator.share_with_data(&data)).await.is_ok() {
                    return;
                }
            }
            if JsFuture::from(navigator.clipboard().write_text(&url)).await.is_ok() {
                copied.set(true);
            }
        });
    };
    view! {
        <p class="share">
            <button type="button" class="button" on:click=share>{tr(|t| t.share)}</button>
            <span class="share-status" role="status">{move || copied.get().then(|| texts(lang.get()).link_copied)}</span>
        </p>
    }
}
