//! The workbench's root: the language, the header and toolbar, opening files (picker and drag
//! and drop), and the page's layout: problems and table beside the map, form, suggestions and
//! the save panel.

use super::bench::{Bench, use_bench};
use super::files;
use super::form::SpaceForm;
use super::map::EditorMap;
use super::problems::ProblemList;
use super::save::SavePanel;
use super::storage;
use super::suggestions::SuggestionPanel;
use super::table::SpaceTable;
use crate::core::editing::session::Session;
use crate::core::model::config::CityConfig;
use crate::core::text::lang::Lang;
use crate::map::shell::load::load_config;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

/// The whole workbench.
#[component]
pub fn Workbench() -> impl IntoView {
    let browser_lang = web_sys::window()
        .and_then(|w| w.navigator().language())
        .and_then(|code| Lang::from_code(&code));
    let bench = Bench::new(browser_lang.unwrap_or_default());
    provide_context(bench);
    let config = RwSignal::new(None::<CityConfig>);
    spawn_local(async move {
        let city = load_config().await;
        if browser_lang.is_none() {
            bench.lang.set(city.default_lang);
        }
        files::start(bench, &city).await;
        config.set(Some(city.clone()));
        // The table and the map first; the geographic warnings join when the background is in.
        files::load_outlines(bench, &city).await;
    });
    Effect::new(move |_| {
        let lang = bench.lang.get();
        let document = crate::map::shell::dom::document();
        if let Some(root) = document.document_element() {
            let _ = root.set_attribute("lang", lang.code());
        }
        document.set_title(bench.t().title);
    });
    let on_drop = move |event: web_sys::DragEvent| {
        event.prevent_default();
        let file = event.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0));
        if let (Some(file), Some(city)) = (file, config.get_untracked()) {
            spawn_local(async move {
                if let Some(text) = files::read_file(&file).await {
                    files::open_new(bench, &file.name(), &text, false, city.region);
                }
            });
        }
    };
    // A memo: the page below is built once a session is open, not again at every change.
    let ready = Memo::new(move |_| bench.read(|_| ()).is_some());
    let ready = move || ready.get();
    view! {
        <div
            class="workbench"
            data-state=move || if ready() { "ready" } else { "loading" }
            on:dragover=|event: web_sys::DragEvent| event.prevent_default()
            on:drop=on_drop
        >
            <Header config />
            <Notices />
            {move || {
                let city = config.get()?;
                ready().then(|| view! {
                    <main class="bench-main">
                        <section class="bench-list">
                            <ProblemList />
                            <SpaceTable />
                        </section>
                        <section class="bench-side">
                            <EditorMap config=city.clone() />
                            <SpaceForm />
                            <SuggestionPanel />
                            <SavePanel />
                        </section>
                    </main>
                })
            }}
            {move || (!ready() && bench.open_errors.with(Vec::is_empty)).then(|| view! {
                <p class="loading" role="status">{move || bench.t().loading}</p>
            })}
        </div>
    }
}

#[component]
fn Header(config: RwSignal<Option<CityConfig>>) -> impl IntoView {
    let bench = use_bench();
    let t = move || bench.t();
    let pick = move |event: web_sys::Event| {
        let input: Option<web_sys::HtmlInputElement> = event.target().and_then(|t| t.dyn_into().ok());
        let Some(input) = input else { return };
        let file = input.files().and_then(|f| f.get(0));
        if let (Some(file), Some(city)) = (file, config.get_untracked()) {
            spawn_local(async move {
                if let Some(text) = files::read_file(&file).await {
                    files::open_new(bench, &file.name(), &text, false, city.region);
                }
            });
        }
        input.set_value("");
    };
    let published = move |_| {
        if let Some(city) = config.get_untracked() {
            spawn_local(async move { files::open_published(bench, &city).await });
        }
    };
    let start_over = move |_| {
        let sure = web_sys::window()
            .and_then(|w| w.confirm_with_message(bench.t().start_over_confirm).ok())
            .unwrap_or(false);
        if sure {
            while bench.change(true, Session::undo).flatten().is_some() {}
            storage::clear_session();
            bench.notice.set(None);
        }
    };
    let source = move || {
        bench.source.with(|s| {
            s.name
                .split_once(':')
                .map_or(s.name.clone(), |(_, name)| name.to_owned())
        })
    };
    view! {
        <header class="bench-header">
            <h1>{move || t().title}</h1>
            <a class="back" href="./">{move || t().back_to_map}</a>
            <div class="lang-switch" role="group" aria-label=move || t().language>
                {Lang::ALL
                    .into_iter()
                    .map(|option| view! {
                        <button
                            type="button"
                            lang=option.code()
                            aria-pressed=move || (bench.lang.get() == option).to_string()
                            on:click=move |_| bench.lang.set(option)
                        >
                            {option.short_label()}
                        </button>
                    })
                    .collect_view()}
            </div>
        </header>
        <div class="bench-toolbar" role="toolbar">
            <span class="source" data-testid="editor-source">{move || t().editing} " " <strong>{source}</strong></span>
            <button type="button" class="button" on:click=published>{move || t().open_published}</button>
            <label class="button file-pick">
                {move || t().open_file}
                <input type="file" accept=".geojson,.json,.csv,application/geo+json,text/csv" data-testid="editor-open" on:change=pick />
            </label>
            <span class="hint">{move || t().drop_hint}</span>
            <button
                type="button"
                class="button"
                data-testid="editor-undo"
                disabled=move || !bench.read(Session::can_undo).unwrap_or(false)
                on:click=move |_| {
                    if let Some(Some(key)) = bench.change(true, Session::undo) {
                        bench.selected.set(Some(key));
                    }
                }
            >
                {move || t().undo}
            </button>
            <button
                type="button"
                class="button"
                data-testid="editor-redo"
                disabled=move || !bench.read(Session::can_redo).unwrap_or(false)
                on:click=move |_| {
                    if let Some(Some(key)) = bench.change(true, Session::redo) {
                        bench.selected.set(Some(key));
                    }
                }
            >
                {move || t().redo}
            </button>
            <button
                type="button"
                class="button"
                data-testid="editor-add"
                aria-pressed=move || bench.adding.get().to_string()
                on:click=move |_| bench.adding.update(|a| *a = !*a)
            >
                {move || t().add_space}
            </button>
            <button type="button" class="button" on:click=start_over>{move || t().start_over}</button>
        </div>
    }
}

#[component]
fn Notices() -> impl IntoView {
    let bench = use_bench();
    view! {
        {move || bench.notice.get().map(|notice| view! {
            <p class="bench-notice" role="status" data-testid="editor-notice">
                {notice}
                " "
                <button type="button" class="button" on:click=move |_| bench.notice.set(None)>"×"</button>
            </p>
        })}
        {move || {
            let errors = bench.open_errors.get();
            (!errors.is_empty()).then(|| view! {
                <div class="bench-errors" role="alert" data-testid="editor-open-errors">
                    {errors.into_iter().map(|line| view! { <p>{line}</p> }).collect_view()}
                </div>
            })
        }}
        {move || bench.adding.get().then(|| view! { <p class="bench-notice" role="status">{move || bench.t().add_hint}</p> })}
    }
}
