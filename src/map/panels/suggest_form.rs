//! "Suggest a space or an edit": a form whose fields become one feature, checked as the data
//! check would, with the exact text to be sent and the links that send it (a `mailto:` to the
//! coordination centre, a prefilled issue) when the city has configured them.

use crate::core::exchange::suggestion::Suggestion;
use crate::core::exchange::url_state::MapView;
use crate::core::model::code_set::Coded;
use crate::core::model::config::SuggestChannel;
use crate::core::model::region::Region;
use crate::core::model::space::LatLon;
use crate::core::model::taxonomy::{Discipline, Operator, SpaceType};
use crate::core::text::i18n::{Label, texts};
use crate::map::shell::context::{tr, use_lang, use_suggesting, use_view};
use crate::map::shell::focus::ReturnFocus;
use leptos::prelude::*;
use std::sync::Arc;

/// A draft for a new space at the middle of the map (`view`), or at `center` before the map
/// has moved. Read when a button is pressed, so it is not tracked.
pub fn draft_at_map_middle(view: RwSignal<Option<MapView>>, center: LatLon) -> Suggestion {
    let (lat, lon) = view
        .get_untracked()
        .map_or((center.lat, center.lon), |v| (v.lat, v.lon));
    Suggestion::new_at(lat, lon)
}

/// The button that opens the form for a new space, at the middle of the map (`center` before
/// the map has moved).
#[component]
pub fn SuggestButton(center: LatLon) -> impl IntoView {
    let (suggesting, view) = (use_suggesting(), use_view());
    let open = move |_| suggesting.open(draft_at_map_middle(view, center));
    view! {
        <button type="button" class="button" data-testid="suggest" on:click=open>{tr(|t| t.suggest)}</button>
    }
}

/// The form, while a draft is open. It is drawn again as a whole when a draft is opened or
/// the language changes, from the draft, so nothing typed is lost: its labels need no
/// reactive code of their own.
#[component]
pub fn SuggestForm(region: Region, channel: SuggestChannel) -> impl IntoView {
    let (lang, suggesting) = (use_lang(), use_suggesting());
    let draft = suggesting.draft;
    let channel = Arc::new(channel);
    // A newly opened form takes the focus, which also brings it into view in the panel; the
    // focus goes back where it came from when it closes.
    let heading = NodeRef::<leptos::html::H2>::new();
    let opener = ReturnFocus::new();
    let is_open = Memo::new(move |_| draft.with(Option::is_some));
    Effect::new(move |_| {
        suggesting.opened.track();
        if !is_open.get() {
            opener.restore();
            return;
        }
        opener.remember();
        if let Some(heading) = heading.get() {
            let _ = heading.focus();
        }
    });
    // Escape closes the form, and only the form (not the details it may lie over).
    let escape = move |event: leptos::ev::KeyboardEvent| {
        if event.key() == "Escape" {
            event.stop_propagation();
            draft.set(None);
        }
    };
    let form = move || {
        suggesting.opened.track();
        if !is_open.get() {
            return None;
        }
        let start = draft.get_untracked()?;
        let t = texts(lang.get());
        let lang = lang.get_untracked();
        let text = |label, name, get: fn(&Suggestion) -> &String, set: fn(&mut Suggestion) -> &mut String| {
            text_field(label, name, get(&start).clone(), set)
        };
        let space_types: Vec<_> = SpaceType::ALL.iter().map(|v| (v.code(), v.label(lang))).collect();
        let operators: Vec<_> = Operator::ALL.iter().map(|v| (v.code(), v.label(lang))).collect();
        let disciplines = Discipline::ALL
            .iter()
            .map(|d| discipline_box(*d, d.label(lang), start.disciplines.contains(*d)))
            .collect_view();
        let channel = Arc::clone(&channel);
        Some(view! {
            <section class="suggest-form" data-testid="suggest-form" aria-labelledby="suggest-title" on:keydown=escape>
                <button type="button" class="button close" on:click=move |_| draft.set(None)>
                    <span aria-hidden="true">"×"</span>
                    <span class="visually-hidden">{t.close}</span>
                </button>
                <h2 id="suggest-title" tabindex="-1" node_ref=heading>{if start.edits.is_some() { t.suggest_edit } else { t.suggest }}</h2>
                <p class="note">{t.suggest_help}</p>
                {text(t.name_vi, "name_vi", |s| &s.name_vi, |s| &mut s.name_vi)}
                {text(t.name_en, "name_en", |s| &s.name_en, |s| &mut s.name_en)}
                {choice(t.space_types, t.choose, "space_type", space_types, start.space_type.map(Coded::code), |s, code| s.space_type = SpaceType::from_code(code))}
                <fieldset class="facet">
                    <legend>{t.disciplines}</legend>
                    {disciplines}
                </fieldset>
                {choice(t.operators, t.choose, "operator", operators, start.operator.map(Coded::code), |s, code| s.operator = Operator::from_code(code))}
                {text(t.address, "address", |s| &s.address, |s| &mut s.address)}
                {text(t.district, "district", |s| &s.district, |s| &mut s.district)}
                {text(t.latitude, "lat", |s| &s.lat, |s| &mut s.lat)}
                {text(t.longitude, "lon", |s| &s.lon, |s| &mut s.lon)}
                {text(t.website, "website", |s| &s.website, |s| &mut s.website)}
                {text(t.phone, "phone", |s| &s.phone, |s| &mut s.phone)}
                {text(t.email, "email", |s| &s.email, |s| &mut s.email)}
                {text(t.opening_hours, "opening_hours", |s| &s.opening_hours, |s| &mut s.opening_hours)}
                {text(t.description, "description", |s| &s.description, |s| &mut s.description)}
                <label class="toggle">
                    <input
                        type="checkbox"
                        name="applying"
                        prop:checked=start.applying
                        on:change=move |event| edit(draft, |s| s.applying = event_target_checked(&event))
                    />
                    <span>{t.applying}</span>
                </label>
                {text(t.note, "note", |s| &s.note, |s| &mut s.note)}
                <Outcome region channel />
            </section>
        })
    };
    view! { {form} }
}

/// Changes the open draft.
fn edit(draft: RwSignal<Option<Suggestion>>, change: impl FnOnce(&mut Suggestion)) {
    draft.update(|d| {
        if let Some(d) = d {
            change(d);
        }
    });
}

/// One text field; every field shares this code.
fn text_field(
    label: &'static str,
    name: &'static str,
    start: String,
    set: fn(&mut Suggestion) -> &mut String,
) -> impl IntoView {
    let draft = use_suggesting().draft;
    view! {
        <label class="field">
            <span>{label}</span>
            <input type="text" name=name prop:value=start on:input=move |event| edit(draft, |s| *set(s) = event_target_value(&event)) />
        </label>
    }
}

/// One discipline's checkbox.
fn discipline_box(discipline: Discipline, label: &'static str, checked: bool) -> impl IntoView {
    let draft = use_suggesting().draft;
    view! {
        <label class="facet-option">
            <input
                type="checkbox"
                name="suggest_discipline"
                value=discipline.code()
                prop:checked=checked
                on:change=move |_| edit(draft, |s| s.disciplines.toggle(discipline))
            />
            <span>{label}</span>
        </label>
    }
}

/// A drop-down of (code, label) options, with an empty choice first.
fn choice(
    label: &'static str,
    empty: &'static str,
    name: &'static str,
    options: Vec<(&'static str, &'static str)>,
    start: Option<&'static str>,
    set: fn(&mut Suggestion, &str),
) -> impl IntoView {
    let draft = use_suggesting().draft;
    let options = options
        .into_iter()
        .map(|(code, text)| view! { <option value=code selected=start == Some(code)>{text}</option> })
        .collect_view();
    view! {
        <label class="field">
            <span>{label}</span>
            <select name=name on:change=move |event| edit(draft, |s| set(s, &event_target_value(&event)))>
                <option value="" selected=start.is_none()>{empty}</option>
                {options}
            </select>
        </label>
    }
}

/// The verdict, the text that will be sent, and the ways to send it.
#[component]
fn Outcome(region: Region, channel: Arc<SuggestChannel>) -> impl IntoView {
    let (lang, draft) = (use_lang(), use_suggesting().draft);
    move || {
        let lang = lang.get();
        let t = texts(lang);
        draft.with(|draft| {
            let draft = draft.as_ref()?;
            let verdict = draft.check(&region, lang);
            let problems = (!verdict.is_ok()).then(|| {
                view! {
                    <div class="notice" data-testid="suggest-problems">
                        <p>{t.fix_first}</p>
                        <ul>{verdict.problems.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                    </div>
                }
            });
            let ready = problems.is_none();
            let link = |href: String, label: &'static str, test_id: &'static str| {
                view! { <a class="button" data-testid=test_id href=href target="_blank" rel="noopener noreferrer">{label}</a> }
            };
            let mail = channel
                .email
                .as_ref()
                .filter(|_| ready)
                .map(|address| link(draft.mailto(address, lang), t.send_email, "suggest-mail"));
            let issue = channel
                .issue_url
                .as_ref()
                .filter(|_| ready)
                .map(|url| link(draft.issue_link(url, lang), t.open_issue, "suggest-issue"));
            let none = (channel.email.is_none() && channel.issue_url.is_none()).then(|| view! { <p class="note">{t.no_channel}</p> });
            Some(view! {
                {problems}
                <p>{t.will_send}</p>
                <pre class="suggest-preview" data-testid="suggest-preview">{draft.subject(lang)}"\n\n"{draft.body(lang)}</pre>
                <p class="share">{mail}" "{issue}</p>
                {none}
            })
        })
    }
}
