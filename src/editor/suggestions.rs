//! Visitors' suggestions: the text the map's "Suggest" form sends, pasted here, shown as a new
//! space or as the fields that differ, to accept field by field or reject.

use super::bench::{today, use_bench};
use crate::core::editing::proposal::{Proposal, read_proposal};
use crate::core::editing::texts::{editor_texts, field_label};
use crate::core::text::lang::Lang;
use leptos::prelude::*;

/// The paste box and the suggestion read from it.
#[component]
pub fn SuggestionPanel() -> impl IntoView {
    let bench = use_bench();
    let text = RwSignal::new(String::new());
    let proposal = RwSignal::new(None::<Result<Proposal, ()>>);
    let accepted = RwSignal::new(Vec::<String>::new());
    let read = move |_| {
        let read = text.with_untracked(|text| bench.read(|s| read_proposal(text, s).map_err(|_| ())));
        if let Some(Ok(p)) = &read {
            accepted.set(p.changes.iter().map(|c| c.field.clone()).collect());
        }
        proposal.set(read);
    };
    let accept = move |_| {
        let Some(Ok(p)) = proposal.get_untracked() else { return };
        let chosen = accepted.get_untracked();
        if let Some(Some(key)) = bench.change(true, |s| s.accept(&p, &chosen, &today())) {
            bench.selected.set(Some(key));
        }
        proposal.set(None);
        text.set(String::new());
    };
    let shown = move || {
        let t = bench.t();
        let lang = bench.lang.get();
        match proposal.get()? {
            Err(()) => Some(view! { <p class="error" role="alert">{t.suggestion_none}</p> }.into_any()),
            Ok(p) => {
                let heading = if p.target.is_some() {
                    t.suggestion_edit
                } else {
                    t.suggestion_new
                };
                let rows = change_rows(&p, accepted, lang);
                let nothing = p.changes.is_empty();
                Some(view! {
                    <div class="proposal" data-testid="editor-proposal">
                        <h3>{heading} " " <code>{p.id.clone()}</code></h3>
                        {(!p.note.is_empty()).then(|| view! { <blockquote>{p.note.clone()}</blockquote> })}
                        {nothing.then(|| view! { <p>{t.suggestion_same}</p> })}
                        <table>
                            <thead><tr><th></th><th>{t.current}</th><th>{t.proposed}</th><th></th></tr></thead>
                            <tbody>{rows}</tbody>
                        </table>
                        <p>
                            <button type="button" class="button" data-testid="editor-accept" disabled=nothing on:click=accept>{t.accept}</button>
                            " "
                            <button type="button" class="button" data-testid="editor-reject" on:click=move |_| proposal.set(None)>{t.reject}</button>
                        </p>
                    </div>
                }
                .into_any())
            }
        }
    };
    view! {
        <details class="bench-suggestions">
            <summary>{move || bench.t().suggestion_heading}</summary>
            <label>
                {move || bench.t().suggestion_paste}
                <textarea
                    rows="6"
                    data-testid="editor-suggestion-text"
                    prop:value=move || text.get()
                    on:input=move |event| text.set(event_target_value(&event))
                ></textarea>
            </label>
            <button type="button" class="button" data-testid="editor-suggestion-read" on:click=read>{move || bench.t().suggestion_read}</button>
            {shown}
        </details>
    }
}

/// One row per field the suggestion changes: the value now, the one suggested, and a box that
/// accepts it.
fn change_rows(proposal: &Proposal, accepted: RwSignal<Vec<String>>, lang: Lang) -> impl IntoView + use<> {
    let t = editor_texts(lang);
    proposal
        .changes
        .iter()
        .map(|change| {
            let field = change.field.clone();
            let ticked = {
                let field = field.clone();
                move || accepted.with(|a| a.contains(&field))
            };
            let toggle = {
                let field = field.clone();
                move |event: web_sys::Event| {
                    let on = event_target_checked(&event);
                    accepted.update(|a| {
                        a.retain(|f| *f != field);
                        if on {
                            a.push(field.clone());
                        }
                    });
                }
            };
            view! {
                <tr data-field=field.clone()>
                    <th scope="row">{field_label(&field, lang)}</th>
                    <td>{change.current.clone()}</td>
                    <td>{change.proposed.clone()}</td>
                    <td>
                        <label>
                            <input type="checkbox" name=format!("accept-{field}") prop:checked=ticked on:change=toggle />
                            {t.accept_field}
                        </label>
                    </td>
                </tr>
            }
        })
        .collect_view()
}
