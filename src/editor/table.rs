//! The table of every space: searchable (the map's accent folding), filterable by problem,
//! status and type, sortable by column; choosing a row opens the space.

use super::bench::use_bench;
use crate::core::editing::table::{ProblemFilter, SORTABLE, SearchTexts, TableQuery, rows};
use crate::core::editing::texts::{field_label, with_counts};
use crate::core::model::taxonomy::{SpaceType, Status};
use crate::core::text::i18n::with_count;
use leptos::prelude::*;

/// How many rows are drawn at first; the rest follow on request.
const FIRST: usize = 200;

/// The table with its search and filters.
#[component]
pub fn SpaceTable() -> impl IntoView {
    let bench = use_bench();
    let query = RwSignal::new(TableQuery::default());
    let limit = RwSignal::new(FIRST);
    let cache: StoredValue<SearchTexts, LocalStorage> = StoredValue::new_local(SearchTexts::default());
    let listed = Memo::new(move |_| {
        query
            .with(|q| bench.read(|s| cache.try_update_value(|cache| rows(s, q, cache))))
            .flatten()
            .unwrap_or_default()
    });
    let total = move || bench.read(|s| s.records().len()).unwrap_or_default();
    let t = move || bench.t();
    let body = move || {
        let selected = bench.selected.get();
        bench
            .read(|session| {
                listed.with(|listed| {
                    listed
                        .iter()
                        .take(limit.get())
                        .map(|&i| {
                            let record = &session.records()[i];
                            let key = record.key;
                            let errors = record.error_count();
                            let problems = record.problems.len();
                            let cells = SORTABLE[..SORTABLE.len() - 1]
                                .iter()
                                .map(|field| view! { <td>{record.get(field)}</td> })
                                .collect_view();
                            view! {
                                <tr
                                    data-edit-id=record.get("id")
                                    class=row_class(errors, problems)
                                    aria-selected=(selected == Some(key)).to_string()
                                    on:click=move |_| bench.selected.set(Some(key))
                                >
                                    {cells}
                                    <td>{(problems > 0).then(|| problems.to_string())}</td>
                                </tr>
                            }
                        })
                        .collect_view()
                })
            })
            .unwrap_or_default()
    };
    view! {
        <div class="bench-table">
            <TableControls query limit />
            <p class="count" data-testid="editor-count">{move || with_counts(t().rows_shown, listed.with(Vec::len), total())}</p>
            <div class="table-scroll">
                <table data-testid="editor-table">
                    <thead><tr><SortHeaders query /></tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
            {move || {
                let hidden = listed.with(Vec::len).saturating_sub(limit.get());
                (hidden > 0).then(|| view! {
                    <button type="button" class="button" on:click=move |_| limit.update(|l| *l += FIRST)>
                        {with_count(t().show_more, hidden.min(FIRST))}
                    </button>
                })
            }}
        </div>
    }
}

/// The search box and the filters.
#[component]
fn TableControls(query: RwSignal<TableQuery>, limit: RwSignal<usize>) -> impl IntoView {
    let bench = use_bench();
    let t = move || bench.t();
    let select_filter = move |set: fn(&mut TableQuery, Option<String>)| {
        move |event: web_sys::Event| {
            let value = event_target_value(&event);
            query.update(|q| set(q, (!value.is_empty()).then_some(value)));
            limit.set(FIRST);
        }
    };
    view! {
        <div class="table-controls">
            <label>
                {move || t().search_label}
                <input
                    type="search"
                    data-testid="editor-search"
                    on:input=move |event| {
                        let text = event_target_value(&event);
                        query.update(|q| q.text = text);
                        limit.set(FIRST);
                    }
                />
            </label>
            <label>
                {move || t().filter_problems}
                <select data-testid="editor-filter-problems" on:change=select_filter(|q, v| q.problems = ProblemFilter::from_code(v.as_deref().unwrap_or_default()))>
                    {move || {
                        let t = t();
                        ProblemFilter::ALL
                            .iter()
                            .map(|f| {
                                let label = match f {
                                    ProblemFilter::All => t.filter_all,
                                    ProblemFilter::Errors => t.filter_errors,
                                    ProblemFilter::WarningsOnly => t.filter_warnings,
                                    ProblemFilter::Clean => t.filter_clean,
                                };
                                view! { <option value=f.code()>{label}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </label>
            <label>
                {move || t().filter_status}
                <select on:change=select_filter(|q, v| q.status = v)>
                    <option value="">{move || t().any}</option>
                    {Status::ALL.iter().map(|s| view! { <option value=s.code()>{s.code()}</option> }).collect_view()}
                </select>
            </label>
            <label>
                {move || t().filter_type}
                <select on:change=select_filter(|q, v| q.space_type = v)>
                    <option value="">{move || t().any}</option>
                    {SpaceType::ALL.iter().map(|s| view! { <option value=s.code()>{s.code()}</option> }).collect_view()}
                </select>
            </label>
        </div>
    }
}

/// The column headers, each a button that sorts by its column (again: the other way round).
#[component]
fn SortHeaders(query: RwSignal<TableQuery>) -> impl IntoView {
    let bench = use_bench();
    let t = move || bench.t();
    move || {
        let lang = bench.lang.get();
        SORTABLE
            .iter()
            .map(|column| {
                let column = *column;
                let label = if column == "problems" {
                    t().column_problems
                } else {
                    field_label(column, lang)
                };
                let sorted = move || query.with(|q| q.sort.as_deref() == Some(column));
                let aria = move || match (sorted(), query.with(|q| q.descending)) {
                    (false, _) => "none",
                    (true, false) => "ascending",
                    (true, true) => "descending",
                };
                view! {
                    <th scope="col" aria-sort=aria>
                        <button
                            type="button"
                            class="link"
                            data-sort=column
                            on:click=move |_| query.update(|q| {
                                if q.sort.as_deref() == Some(column) {
                                    q.descending = !q.descending;
                                } else {
                                    q.sort = Some(column.to_owned());
                                    q.descending = false;
                                }
                            })
                        >
                            {label}
                        </button>
                    </th>
                }
            })
            .collect_view()
    }
}

/// A row's class: whether its space has errors, or only warnings.
const fn row_class(errors: usize, problems: usize) -> &'static str {
    match (errors, problems) {
        (0, 0) => "",
        (0, _) => "has-warnings",
        _ => "has-errors",
    }
}
