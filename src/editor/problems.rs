//! Every problem of the dataset, as the data check words them; choosing one opens its space.

use super::bench::use_bench;
use crate::core::check::problem::{Problem, Severity};
use crate::core::text::i18n::with_count;
use leptos::prelude::*;

/// How many problems are listed at first; the rest follow on request.
const FIRST: usize = 200;

/// One line of the list: the space's key and id (none for the whole file), the severity and the
/// sentence.
type Line = (Option<u64>, String, Severity, String);

/// The list of problems (`data-testid=editor-problems`, one item per problem with its
/// space's `data-feature-id`). Only the lines shown are worded.
#[component]
pub fn ProblemList() -> impl IntoView {
    let bench = use_bench();
    let limit = RwSignal::new(FIRST);
    let total = Memo::new(move |_| {
        bench
            .read(|s| {
                s.file_problems().len() + s.notes().len() + s.records().iter().map(|r| r.problems.len()).sum::<usize>()
            })
            .unwrap_or_default()
    });
    let lines = Memo::new(move |_| {
        let lang = bench.lang.get();
        let limit = limit.get();
        bench
            .read(|session| {
                let file = |p: &Problem| (None, String::new(), p.severity, p.describe(lang));
                let mut lines: Vec<Line> = session.file_problems().iter().map(file).collect();
                lines.extend(
                    session
                        .notes()
                        .iter()
                        .map(|note| (None, String::new(), Severity::Error, note.clone())),
                );
                let features = session.records().iter().flat_map(|record| {
                    record
                        .problems
                        .iter()
                        .map(move |p| (Some(record.key), record.get("id"), p.severity, p.describe(lang)))
                });
                lines.extend(features.take(limit.saturating_sub(lines.len())));
                lines.truncate(limit);
                lines
            })
            .unwrap_or_default()
    });
    let shown = move || {
        let t = bench.t();
        lines.with(|lines| {
            lines
                .iter()
                .map(|(key, id, severity, sentence)| {
                    let key = *key;
                    let (class, word) = match severity {
                        Severity::Error => ("problem error", t.error),
                        Severity::Warning => ("problem warning", t.warning),
                    };
                    view! {
                        <li class=class data-feature-id=id.clone()>
                            <button type="button" class="link" on:click=move |_| bench.selected.set(key)>
                                <strong>{word}</strong>
                                ": "
                                {sentence.clone()}
                            </button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <details class="bench-problems" open>
            <summary>{move || with_count(bench.t().problems_heading, total.get())}</summary>
            {move || (total.get() == 0).then(|| view! { <p>{bench.t().no_problems}</p> })}
            <ul data-testid="editor-problems">{shown}</ul>
            {move || {
                let hidden = total.get().saturating_sub(limit.get());
                (hidden > 0).then(|| view! {
                    <button type="button" class="button" on:click=move |_| limit.update(|l| *l += FIRST)>
                        {with_count(bench.t().show_more, hidden.min(FIRST))}
                    </button>
                })
            }}
        </details>
    }
}
