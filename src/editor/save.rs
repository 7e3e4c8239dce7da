//! Saving: the summary of the changes, then "Download spaces.geojson" and the editors' CSV in
//! the canonical form; a dataset with errors is saved only after the editor confirms.

use super::bench::use_bench;
use crate::core::editing::session::{Session, Summary};
use crate::core::text::i18n::with_count;
use crate::map::panels::download::save;
use leptos::prelude::*;

/// How many spaces each line of the summary names.
const NAMED: usize = 30;

/// The summary and the download buttons.
#[component]
pub fn SavePanel() -> impl IntoView {
    let bench = use_bench();
    let summary = Memo::new(move |_| bench.read(Session::summary).unwrap_or_default());
    let download = move |csv: bool| {
        move |_| {
            let t = bench.t();
            let Some((text, errors)) = bench.session.with_value(|s| {
                s.as_ref()
                    .map(|s| (if csv { s.to_csv() } else { s.to_geojson() }, s.error_count()))
            }) else {
                return;
            };
            if errors > 0 {
                let sure = web_sys::window()
                    .and_then(|w| w.confirm_with_message(&with_count(t.confirm_errors, errors)).ok())
                    .unwrap_or(false);
                if !sure {
                    return;
                }
            }
            if csv {
                save(&text, "text/csv;charset=utf-8", "spaces.csv");
            } else {
                save(&text, "application/geo+json", "spaces.geojson");
            }
        }
    };
    let lines = move || {
        let t = bench.t();
        summary.with(|s: &Summary| {
            if s.is_empty() {
                return view! { <p data-testid="editor-no-changes">{t.no_changes}</p> }.into_any();
            }
            let groups = [
                ("added", t.summary_added, &s.added),
                ("changed", t.summary_changed, &s.changed),
                ("closed", t.summary_closed, &s.closed),
                ("removed", t.summary_removed, &s.removed),
            ];
            groups
                .into_iter()
                .filter(|(_, _, list)| !list.is_empty())
                .map(|(kind, label, list)| {
                    let names = list
                        .iter()
                        .take(NAMED)
                        .map(|(_, id, name)| {
                            if name.is_empty() {
                                id.clone()
                            } else {
                                format!("{name} ({id})")
                            }
                        })
                        .collect::<Vec<_>>()
                        .join(", ");
                    view! {
                        <p data-summary=kind>
                            <strong>{label} ": " {list.len()}</strong>
                            " — "
                            {names}
                        </p>
                    }
                })
                .collect_view()
                .into_any()
        })
    };
    view! {
        <section class="bench-save" data-testid="editor-summary">
            <h2>{move || bench.t().save_heading}</h2>
            {lines}
            <p>
                <button type="button" class="button primary" data-testid="editor-download" on:click=download(false)>
                    {move || bench.t().download_geojson}
                </button>
                " "
                <button type="button" class="button" data-testid="editor-download-csv" on:click=download(true)>
                    {move || bench.t().download_csv}
                </button>
            </p>
            <p class="hint">{move || bench.t().publish_hint}</p>
        </section>
    }
}
