//! Every problem of the dataset, as the data check words them; choosing one opens its space.

use super::bench::use_bench;
use crate::core::i18n::with_count;
use crate::core::problem::Severity;
use leptos::prelude::*;

/// How many problems are listed at first; the rest follow on request.
const FIRST: usize = 200;

/// One line of the list: the space's key and id (none for the whole file), the severity and the
/// sentence.
type Line = (Option<u64>, String, Severity, String);

/// The list of problems (`data-testid=editor-problems`, one item per problem with its
/// space's `data-feature-id`).
#[component]
pub fn ProblemList() -> impl IntoView {
    let bench = use_bench();
    let limit = RwSignal::new(FIRST);
    let lines = Memo::new(move |_| {
        let lang = bench.lang.get();
        bench
            .read(|session| {
                let mut lines: Vec<Line> = session
                    .file_problems()
                    .iter()
                    .map(|p| (None, String::new(), p.severity, p.describe(lang)))
                    .collect();
                lines.extend(
                    session
                        .notes()
                        .iter()
                        .map(|note| (None, String::new(), Severity::Error, note.clone())),
                );
                for record in session.records() {
                    for problem in &record.problems {
                        lines.push((
                            Some(record.key),
                            record.get("id"),
                            problem.severity,
                            problem.describe(lang),
                        ));
                    }
                }
                lines
            })
            .unwrap_or_default()
    });
    let shown = move || {
        let t = bench.t();
        lines.with(|lines| {
            lines
                .iter()
                .take(limit.get())
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
            <summary>{move || with_count(bench.t().problems_heading, lines.with(Vec::len))}</summary>
            {move || lines.with(Vec::is_empty).then(|| view! { <p>{bench.t().no_problems}</p> })}
            <ul data-testid="editor-problems">{shown}</ul>
            {move || {
                let hidden = lines.with(Vec::len).saturating_sub(limit.get());
                (hidden > 0).then(|| view! {
                    <button type="button" class="button" on:click=move |_| limit.update(|l| *l += FIRST)>
                        {with_count(bench.t().show_more, hidden.min(FIRST))}
                    </button>
                })
            }}
        </details>
    }
}
