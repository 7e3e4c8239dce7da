//! "Join the network": who can join, what members receive, and the form to apply.

use crate::core::model::space::LatLon;
use crate::map::panels::suggest_form::draft_at_map_middle;
use crate::map::shell::context::{tr, use_suggesting, use_view};
use leptos::prelude::*;

/// The button and the page it opens; a new application starts at the map's middle, or at
/// `center` before the map has moved.
#[component]
pub fn JoinNetwork(center: LatLon) -> impl IntoView {
    let (suggesting, view) = (use_suggesting(), use_view());
    let open = RwSignal::new(false);
    // "Apply" folds this page away: the form gives the focus back to "Join the network".
    let apply = move |_| {
        let mut draft = draft_at_map_middle(view, center);
        draft.applying = true;
        crate::map::shell::focus::focus_now("[data-testid=join]");
        open.set(false);
        suggesting.open(draft);
    };
    view! {
        <button type="button" class="button" data-testid="join" aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|o| *o = !*o)>
            {tr(|t| t.join)}
        </button>
        {move || open.get().then(|| view! {
            <section class="join" data-testid="join-page" aria-labelledby="join-title">
                <h2 id="join-title">{tr(|t| t.join)}</h2>
                <p>{tr(|t| t.join_who)}</p>
                <p>{tr(|t| t.join_benefits)}</p>
                <p>{tr(|t| t.join_how)}</p>
                <button type="button" class="button" data-testid="apply" on:click=apply>{tr(|t| t.apply)}</button>
            </section>
        })}
    }
}
