//! "Skip to the list" and "Skip to the map": the first things a keyboard reaches, shown as it
//! reaches them, so the header and the filters never stand in the way.

use crate::map::shell::context::{tr, use_panel_open};
use crate::map::shell::focus::focus_soon;
use leptos::ev::MouseEvent;
use leptos::prelude::*;

/// The two skip links.
#[component]
pub fn SkipLinks() -> impl IntoView {
    let panel_open = use_panel_open();
    // The list may be in a closed sheet (phone, embedded): open it before moving there.
    let to = move |selector: &'static str, open_panel: bool| {
        move |event: MouseEvent| {
            event.prevent_default();
            if open_panel {
                panel_open.set(true);
            }
            focus_soon(selector.to_owned());
        }
    };
    view! {
        <nav class="skip-links" aria-label=tr(|t| t.skip_links)>
            <a href="#results" class="skip-link" data-testid="skip-to-list" on:click=to("#results", true)>
                {tr(|t| t.skip_to_list)}
            </a>
            <a href="#map" class="skip-link" data-testid="skip-to-map" on:click=to("#map", false)>
                {tr(|t| t.skip_to_map)}
            </a>
        </nav>
    }
}
