//! The chosen space's form: every field of the data contract, each input named by its path
//! (`name.vi`, `lat`, …), checked as typed by the data check's validator, its messages beside
//! it in the interface's language. Closing a space (it stays, marked closed) and deleting a
//! duplicate (asked first).

use super::bench::{today, use_bench};
use crate::core::check::problem::Severity;
use crate::core::editing::fields::{form_field, form_fields};
use crate::core::editing::texts::field_label;
use crate::core::model::code_set::Coded;
use crate::core::model::taxonomy::{Discipline, LocationConfidence, Membership, Operator, SpaceType, Status};
use crate::core::text::lang::Lang;
use leptos::prelude::*;

/// The codes a field takes, offered as suggestions while typing.
fn codes(field: &str) -> Option<Vec<&'static str>> {
    fn all<T: Coded + 'static>(list: &'static [T]) -> Vec<&'static str> {
        list.iter().map(|v| v.code()).collect()
    }
    Some(match field {
        "space_type" => all(SpaceType::ALL),
        "operator" => all(Operator::ALL),
        "membership" => all(Membership::ALL),
        "status" => all(Status::ALL),
        "location_confidence" => all(LocationConfidence::ALL),
        _ => return None,
    })
}

/// The form of the chosen space, drawn again when another is chosen or the session changes
/// other than by typing here.
#[component]
pub fn SpaceForm() -> impl IntoView {
    let bench = use_bench();
    let form = move || {
        let key = bench.selected.get();
        let lang = bench.lang.get();
        let t = bench.t();
        let Some(key) = key else {
            return view! { <p class="choose-hint">{t.choose_hint}</p> }.into_any();
        };
        let Some(Some(values)) = bench.read_epoch(|s| {
            s.record(key)
                .map(|r| form_fields().into_iter().map(|f| (r.get(&f), f)).collect::<Vec<_>>())
        }) else {
            return view! { <p class="choose-hint">{t.choose_hint}</p> }.into_any();
        };
        let name = untrack(|| bench.read(|s| s.record(key).map(|r| r.get("name.vi")))).flatten();
        let inputs = values
            .into_iter()
            .map(|(value, field)| field_row(key, &field, value, lang))
            .collect_view();
        let close = move |_| {
            bench.change(true, |s| s.close(key, &today()));
        };
        let delete = move |_| {
            let sure = web_sys::window()
                .and_then(|w| w.confirm_with_message(bench.t().delete_confirm).ok())
                .unwrap_or(false);
            if sure && bench.change(true, |s| s.remove(key)).unwrap_or(false) {
                bench.selected.set(None);
            }
        };
        view! {
            <form class="space-form" data-testid="editor-form" data-key=key.to_string() on:submit=|e| e.prevent_default()>
                <h2>{t.form_heading} " " {name}</h2>
                <OtherProblems key />
                {inputs}
                <p class="form-actions">
                    <button type="button" class="button" data-testid="editor-close-space" on:click=close>{t.close_space}</button>
                    " "
                    <button type="button" class="button danger" data-testid="editor-delete" on:click=delete>{t.delete_space}</button>
                </p>
            </form>
        }
        .into_any()
    };
    view! { <section class="bench-form">{form}</section> }
}

/// The problems of the space that belong to no field of the form.
#[component]
fn OtherProblems(key: u64) -> impl IntoView {
    view! { <ul class="field-problems">{messages(key, None)}</ul> }
}

/// The messages of the space's problems that belong to form field `field` (with `None`, to no
/// field of the form), worded in the interface's language: what is wrong, without where.
fn messages(key: u64, field: Option<String>) -> impl Fn() -> Option<AnyView> + use<> {
    let bench = use_bench();
    move || {
        let lang = bench.lang.get();
        bench
            .read(|s| {
                s.record(key).map(|r| {
                    r.problems
                        .iter()
                        .filter(|p| p.field.as_deref().and_then(form_field) == field)
                        .map(|p| {
                            let class = match p.severity {
                                Severity::Error => "error",
                                Severity::Warning => "warning",
                            };
                            let text = if field.is_some() {
                                p.kind.detail(lang)
                            } else {
                                p.describe_field(lang)
                            };
                            view! { <li class=class>{text}</li> }
                        })
                        .collect_view()
                        .into_any()
                })
            })
            .flatten()
    }
}

/// One field: its label, its input (named after the field's path) and its messages.
fn field_row(key: u64, field: &str, value: String, lang: Lang) -> impl IntoView + use<> {
    let bench = use_bench();
    let field = field.to_owned();
    let id = format!("field-{}", field.replace('.', "-"));
    let list = codes(&field).map(|codes| {
        let list_id = format!("{id}-codes");
        let options = codes
            .into_iter()
            .map(|c| view! { <option value=c></option> })
            .collect_view();
        (list_id.clone(), view! { <datalist id=list_id>{options}</datalist> })
    });
    let messages = messages(key, Some(field.clone()));
    let position = field == "lat" || field == "lon";
    let on_input = {
        let field = field.clone();
        move |event: web_sys::Event| {
            let value = event_target_value(&event);
            bench.change(false, |s| s.set_field(key, &field, &value, &today()));
        }
    };
    let on_change = {
        let field = field.clone();
        move |event: web_sys::Event| {
            let value = event_target_value(&event);
            let trimmed = value.trim();
            if trimmed != value {
                bench.change(false, |s| s.set_field(key, &field, trimmed, &today()));
            }
        }
    };
    let hint = (field == "disciplines").then(|| {
        let codes: Vec<&str> = Discipline::ALL.iter().map(|d| d.code()).collect();
        format!(
            "{} ({})",
            crate::core::editing::texts::editor_texts(lang).disciplines_hint,
            codes.join("; ")
        )
    });
    let multiline = field.starts_with("description.");
    let label = field_label(&field, lang);
    let list_id = list.as_ref().map(|(id, _)| id.clone());
    let (input_ref, area_ref) = (
        NodeRef::<leptos::html::Input>::new(),
        NodeRef::<leptos::html::Textarea>::new(),
    );
    follow_session(key, field.clone(), input_ref, area_ref);
    let input = if multiline {
        view! { <textarea id=id.clone() name=field.clone() rows="3" node_ref=area_ref on:input=on_input on:change=on_change prop:value=value></textarea> }.into_any()
    } else {
        view! {
            <input
                id=id.clone()
                name=field.clone()
                type="text"
                inputmode=if position { "decimal" } else { "text" }
                list=list_id
                node_ref=input_ref
                prop:value=value
                on:input=on_input
                on:change=on_change
            />
        }
        .into_any()
    };
    view! {
        <div class="field" data-field=field.clone()>
            <label for=id>{label} <code>{field.clone()}</code></label>
            {input}
            {list.map(|(_, list)| list)}
            {hint.map(|hint| view! { <p class="hint">{hint}</p> })}
            <ul class="field-problems" aria-live="polite">{messages}</ul>
        </div>
    }
}

/// Keeps a field's input showing the session's value when something else changed it (its
/// `updated` date after another field, a drag, an undo), except while the editor types in it.
fn follow_session(
    key: u64,
    field: String,
    input_ref: NodeRef<leptos::html::Input>,
    area_ref: NodeRef<leptos::html::Textarea>,
) {
    let bench = use_bench();
    Effect::new(move |_| {
        let Some(Some(value)) = bench.read(|s| s.record(key).map(|r| r.get(&field))) else {
            return;
        };
        let focused = crate::map::shell::dom::document().active_element();
        if let Some(input) = input_ref.get() {
            let element: &web_sys::Element = &input;
            if focused.as_ref() != Some(element) && input.value() != value {
                input.set_value(&value);
            }
        }
        if let Some(area) = area_ref.get() {
            let element: &web_sys::Element = &area;
            if focused.as_ref() != Some(element) && area.value() != value {
                area.set_value(&value);
            }
        }
    });
}
