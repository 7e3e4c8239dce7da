//! Curated walks: the list of trails, and the chosen one's stops in order, each a link to its
//! space on the walk (`?trail=…&space=…`). The map draws the chosen trail's line.

use crate::core::exchange::url_state::UrlState;
use crate::core::model::trails::{Trail, parse_trails};
use crate::core::query::catalogue::Catalogue;
use crate::core::text::i18n::texts;
use crate::core::text::lang::Lang;
use crate::map::shell::context::{use_lang, use_selected, use_trail};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// Loads the trails at `url` against `catalogue`. Problems are only counted here: the data
/// check names each one for the editors.
pub fn load_trails(url: String, catalogue: Arc<Catalogue>) -> RwSignal<Arc<Vec<Trail>>> {
    let trails = RwSignal::new(Arc::new(Vec::new()));
    spawn_local(async move {
        let Some(text) = crate::map::shell::load::load_text(&url).await else {
            return;
        };
        let (loaded, problems) = parse_trails(&text, &catalogue);
        if !problems.is_empty() {
            let message = format!("{url}: {} problems; `make check-data` names them", problems.len());
            web_sys::console::warn_1(&message.into());
        }
        trails.set(Arc::new(loaded));
    });
    trails
}

/// The trails section of the side panel; nothing when there are no trails. The section is
/// small, so it is drawn again as a whole when the language or the chosen trail changes.
#[component]
pub fn TrailsPanel(catalogue: Arc<Catalogue>, trails: RwSignal<Arc<Vec<Trail>>>) -> impl IntoView {
    let (lang, chosen, selected) = (use_lang(), use_trail(), use_selected());
    move || {
        let all = trails.get();
        if all.is_empty() {
            return None;
        }
        let lang = lang.get();
        let current = chosen.get();
        let items = all
            .iter()
            .map(|trail| {
                let is_current = current.as_deref() == Some(trail.id.as_str());
                let id = trail.id.clone();
                // The section is drawn anew: the focus follows to this trail's new button.
                let toggle = move |_| {
                    chosen.set((!is_current).then(|| id.clone()));
                    crate::map::shell::focus::focus_soon(format!("[data-trail-id=\"{id}\"]"));
                };
                let stops = is_current.then(|| trail_stops(&catalogue, trail, lang, selected));
                view! {
                    <li>
                        <button
                            type="button"
                            class="link-button"
                            data-trail-id=trail.id.clone()
                            aria-pressed=is_current.to_string()
                            on:click=toggle
                        >
                            {trail.name.get(lang).unwrap_or_default().to_owned()}
                        </button>
                        {stops}
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <details class="trails" data-testid="trails" open=current.is_some()>
                <summary>{texts(lang).trails}</summary>
                <ul class="trail-list">{items}</ul>
            </details>
        })
    }
}

/// One trail's description and stops, in walking order.
fn trail_stops(
    catalogue: &Catalogue,
    trail: &Trail,
    lang: Lang,
    selected: RwSignal<Option<String>>,
) -> impl IntoView + use<> {
    let stops = trail
        .steps
        .iter()
        .map(|step| {
            let space = &catalogue.spaces()[step.space];
            let id = space.id.clone();
            let link = UrlState {
                trail: Some(trail.id.clone()),
                space: Some(id.clone()),
                lang: Some(lang),
                ..UrlState::default()
            };
            let open = move |event: leptos::ev::MouseEvent| {
                // Opened in place, keeping the view; the address bar follows.
                if !(event.ctrl_key() || event.meta_key() || event.shift_key()) {
                    event.prevent_default();
                    selected.set(Some(id.clone()));
                }
            };
            view! {
                <li>
                    <a href=format!("?{}", link.encode()) data-space-id=space.id.clone() on:click=open>
                        {space.display_name(lang).to_owned()}
                    </a>
                    {step.note.get(lang).map(|note| view! { <p class="note">{note.to_owned()}</p> })}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="trail" data-testid="trail">
            <h3>{trail.name.get(lang).unwrap_or_default().to_owned()}</h3>
            {trail.description.get(lang).map(|d| view! { <p>{d.to_owned()}</p> })}
            <ol class="trail-steps">{stops}</ol>
        </section>
    }
}
