//! Curated walks: the list of trails, and the chosen one's stops in order, each a link to its
//! space on the walk (`?trail=…&space=…`). The map draws the chosen trail's line.

use super::context::{use_lang, use_selected, use_trail};
use crate::core::catalogue::Catalogue;
use crate::core::i18n::texts;
use crate::core::lang::Lang;
use crate::core::trails::{Trail, parse_trails};
use crate::core::url_state::UrlState;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;

/// Loads the trails at `url` against `catalogue`; problems go to the console (the data check
/// names them for the editors).
pub fn load_trails(url: String, catalogue: Arc<Catalogue>) -> RwSignal<Arc<Vec<Trail>>> {
    let trails = RwSignal::new(Arc::new(Vec::new()));
    spawn_local(async move {
        let Some(text) = super::load::load_text(&url).await else {
            return;
        };
        let (loaded, problems) = parse_trails(&text, &catalogue);
        for problem in problems {
            web_sys::console::warn_1(&format!("{url}: {}", problem.describe(Lang::En)).into());
        }
        trails.set(Arc::new(loaded));
    });
    trails
}

/// The trails section of the side panel; nothing when there are no trails.
#[component]
pub fn TrailsPanel(catalogue: Arc<Catalogue>, trails: RwSignal<Arc<Vec<Trail>>>) -> impl IntoView {
    let (lang, chosen) = (use_lang(), use_trail());
    move || {
        let all = trails.get();
        (!all.is_empty()).then(|| {
            let list = all
                .iter()
                .map(|trail| {
                    let id = trail.id.clone();
                    let name = trail.name.clone();
                    let pressed = {
                        let id = id.clone();
                        move || chosen.with(|c| c.as_deref() == Some(id.as_str())).to_string()
                    };
                    view! {
                        <li>
                            <button
                                type="button"
                                class="link-button"
                                data-trail-id=id.clone()
                                aria-pressed=pressed
                                on:click=move |_| chosen.update(|c| *c = if c.as_deref() == Some(id.as_str()) { None } else { Some(id.clone()) })
                            >
                                {move || name.get(lang.get()).unwrap_or_default().to_owned()}
                            </button>
                        </li>
                    }
                })
                .collect_view();
            let catalogue = Arc::clone(&catalogue);
            let open = move || {
                let id = chosen.get()?;
                let trail = all.iter().find(|t| t.id == id)?.clone();
                Some(view! { <TrailSteps catalogue=Arc::clone(&catalogue) trail /> })
            };
            view! {
                <details class="trails" data-testid="trails" open=chosen.get_untracked().is_some()>
                    <summary>{move || texts(lang.get()).trails}</summary>
                    <ul class="trail-list">{list}</ul>
                    {open}
                </details>
            }
        })
    }
}

/// One trail's stops, in walking order.
#[component]
fn TrailSteps(catalogue: Arc<Catalogue>, trail: Trail) -> impl IntoView {
    let (lang, selected) = (use_lang(), use_selected());
    let trail = Arc::new(trail);
    let body = move || {
        let lang = lang.get();
        let steps = trail
            .steps
            .iter()
            .map(|step| {
                let space = &catalogue.spaces()[step.space];
                let id = space.id.clone();
                let href = format!(
                    "?{}",
                    UrlState {
                        trail: Some(trail.id.clone()),
                        space: Some(id.clone()),
                        lang: Some(lang),
                        ..UrlState::default()
                    }
                    .encode()
                );
                view! {
                    <li>
                        <a
                            href=href
                            data-space-id=id.clone()
                            on:click=move |event| {
                                // Opened in place, keeping the view; the address bar follows.
                                if !(event.ctrl_key() || event.meta_key() || event.shift_key()) {
                                    event.prevent_default();
                                    selected.set(Some(id.clone()));
                                }
                            }
                        >
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
                <ol class="trail-steps">{steps}</ol>
            </section>
        }
    };
    view! { {body} }
}
