//! The root component: language, filter state, loading, and the page frame.

use crate::core::model::config::CityConfig;
use crate::core::text::lang::Lang;
use crate::map::shell::context::{
    FilterState, PanelOpen, SearchText, SelectedSpace, SelectedTrail, UiLang, UserPosition, ViewState, tr,
};
use crate::map::shell::explorer::Explorer;
use crate::map::shell::load::{LoadState, load_config, load_dataset};
use crate::map::shell::notices::LoadFailure;
use crate::map::shell::skip_links::SkipLinks;
use crate::map::shell::url_sync::{initial_url_state, sync_url};
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The whole map application.
#[component]
pub fn App() -> impl IntoView {
    let start = initial_url_state();
    let chosen_lang = start.lang.or_else(browser_lang);
    let lang = RwSignal::new(chosen_lang.unwrap_or_default());
    let config = RwSignal::new(CityConfig::default());
    provide_context(UiLang(lang));
    provide_context(FilterState(RwSignal::new(start.filters)));
    provide_context(SearchText(RwSignal::new(start.query)));
    provide_context(SelectedSpace(RwSignal::new(start.space)));
    provide_context(SelectedTrail(RwSignal::new(start.trail)));
    provide_context(ViewState(RwSignal::new(start.view)));
    provide_context(UserPosition(RwSignal::new(None)));
    provide_context(PanelOpen(RwSignal::new(false)));
    crate::map::shell::clock::provide_clock();
    crate::map::panels::favourites::provide_favourites();
    crate::map::panels::print::provide_print_job();
    provide_context(crate::map::shell::context::Suggesting {
        draft: RwSignal::new(None),
        opened: RwSignal::new(0),
    });
    sync_url(start.embed);
    let embed = start.embed;

    let load = RwSignal::new(LoadState::Loading);
    let reload = move || {
        load.set(LoadState::Loading);
        spawn_local(async move {
            let city = load_config().await;
            if chosen_lang.is_none() {
                lang.set(city.default_lang);
            }
            let state = load_dataset(&city.dataset, &city.region).await;
            config.set(city);
            load.set(state);
        });
    };
    reload();

    // The document is outside Leptos' tree: keep its language and title in step.
    Effect::new(move |_| {
        let lang = lang.get();
        let document = crate::map::shell::dom::document();
        if let Some(root) = document.document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
        document.set_title(config.with(|c| c.title.get(lang).to_owned()).as_str());
    });

    view! {
        <div class="app" class:embed=embed data-load-state=move || load.with(LoadState::name)>
            <SkipLinks />
            {(!embed).then(|| view! { <Header config /> })}
            <main class="app-main">
                {move || match load.get() {
                    LoadState::Loading => view! {
                        <p class="loading" role="status">{tr(|t| t.loading)}</p>
                    }
                    .into_any(),
                    LoadState::Failed(error) => view! { <LoadFailure error retry=reload /> }.into_any(),
                    LoadState::Ready(catalogue) => view! { <Explorer catalogue config=config.get_untracked() embed=embed /> }.into_any(),
                }}
            </main>
        </div>
    }
}

#[component]
fn Header(config: RwSignal<CityConfig>) -> impl IntoView {
    let lang = crate::map::shell::context::use_lang();
    view! {
        <header class="app-header">
            <div class="app-title">
                <h1>{move || config.with(|c| c.title.get(lang.get()).to_owned())}</h1>
                <p class="subtitle">{move || config.with(|c| c.subtitle.get(lang.get()).to_owned())}</p>
            </div>
            <div class="lang-switch" role="group" aria-label=tr(|t| t.language)>
                {Lang::ALL
                    .into_iter()
                    .map(|option| {
                        view! {
                            <button
                                type="button"
                                lang=option.code()
                                aria-pressed=move || (lang.get() == option).to_string()
                                on:click=move |_| lang.set(option)
                            >
                                {option.short_label()}
                            </button>
                        }
                    })
                    .collect_view()}
            </div>
        </header>
    }
}

/// The browser's preferred language, when it is one of ours.
fn browser_lang() -> Option<Lang> {
    web_sys::window()
        .and_then(|w| w.navigator().language())
        .and_then(|code| Lang::from_code(&code))
}
