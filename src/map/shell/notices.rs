//! Telling the person plainly what went wrong with the data.

use crate::core::query::catalogue::Catalogue;
use crate::core::text::i18n::{texts, with_count};
use crate::map::shell::context::{tr, use_lang};
use crate::map::shell::load::LoadError;
use leptos::prelude::*;
use std::sync::Arc;

/// The dataset could not be used at all: say why, offer a retry.
#[component]
pub fn LoadFailure(error: LoadError, retry: impl Fn() + Clone + Send + Sync + 'static) -> impl IntoView {
    let lang = use_lang();
    let reason = move || {
        let lang = lang.get();
        let t = texts(lang);
        match &error {
            LoadError::Http(status) => with_count(t.error_http, usize::from(*status)),
            LoadError::Network => t.error_network.to_owned(),
            LoadError::Unusable(catalogue) => {
                let details: Vec<String> = catalogue.dataset.errors().map(|p| p.describe(lang)).collect();
                format!("{} {}", t.error_unusable, details.join(" "))
            }
        }
    };
    view! {
        <div class="load-failure" role="alert" data-testid="load-error">
            <p><strong>{tr(|t| t.load_failed)}</strong></p>
            <p class="reason">{reason}</p>
            <button type="button" class="button" on:click=move |_| retry()>
                {tr(|t| t.retry)}
            </button>
        </div>
    }
}

/// Some features were skipped or lost a field: one line, expanding to every reason.
#[component]
pub fn DataNotice(catalogue: Arc<Catalogue>) -> impl IntoView {
    let lang = use_lang();
    let skipped = catalogue.dataset.skipped_count();
    let error_count = catalogue.dataset.errors().count();
    (error_count > 0).then(|| {
        let summary = move || {
            let t = texts(lang.get());
            if skipped > 0 {
                with_count(t.skipped_notice, skipped)
            } else {
                with_count(t.fields_dropped_notice, error_count)
            }
        };
        let reasons = move || {
            let lang = lang.get();
            catalogue
                .dataset
                .errors()
                .map(|p| view! { <li>{p.describe(lang)}</li> })
                .collect_view()
        };
        view! {
            <details class="data-notice" data-testid="data-notice">
                <summary>{summary}</summary>
                <ul>{reasons}</ul>
            </details>
        }
    })
}
