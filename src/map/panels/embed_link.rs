//! The link to "Embed this map" (`embed.html`), a page of its own for the portal's editors, with
//! the map's filters, search and language in its query: the visitors' bundle carries none of it.

use crate::map::shell::context::tr;
use crate::map::shell::url_sync::current_state;
use leptos::prelude::*;

/// The link, kept in step with the map's state.
#[component]
pub fn EmbedLink() -> impl IntoView {
    let state = current_state(true);
    let href = move || {
        let mut link = state();
        link.view = None;
        format!("embed.html?{}", link.encode())
    };
    view! {
        <a class="button embed-open" data-testid="embed-open" href=href>{tr(|t| t.embed_map)}</a>
    }
}
