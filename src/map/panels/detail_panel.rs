//! The details of the selected space: opened from the list or a marker, closed by Escape or the
//! close button, with focus moved in and given back.

use crate::core::exchange::suggestion::Suggestion;
use crate::core::geometry::geo::fixed;
use crate::core::model::hours::{HoursState, LocalDateTime};
use crate::core::model::space::Space;
use crate::core::model::taxonomy::{LocationConfidence, Status};
use crate::core::query::catalogue::Catalogue;
use crate::core::text::i18n::{Label, texts};
use crate::core::text::lang::Lang;
use crate::map::panels::favourites::FavouriteButton;
use crate::map::panels::share::ShareButton;
use crate::map::shell::clock::use_clock;
use crate::map::shell::context::{tr, use_lang, use_selected, use_suggesting};
use crate::map::shell::focus::ReturnFocus;
use crate::map::shell::url_sync::close_space;
use leptos::ev;
use leptos::html::H2;
use leptos::prelude::*;
use std::sync::Arc;

/// The detail panel, present while a known space is selected.
#[component]
pub fn DetailPanel(catalogue: Arc<Catalogue>) -> impl IntoView {
    let selected = use_selected();
    let heading = NodeRef::<H2>::new();
    // The element that had focus when the panel opened gets it back on close, and when Back
    // closes it.
    let opener = ReturnFocus::new();
    let index = {
        let catalogue = Arc::clone(&catalogue);
        Memo::new(move |_| selected.with(|id| id.as_deref().and_then(|id| catalogue.index_of(id))))
    };
    let close = move || {
        close_space(selected);
        opener.restore();
    };

    Effect::new(move |_| {
        if index.get().is_some() {
            opener.remember();
            if let Some(heading) = heading.get() {
                let _ = heading.focus();
            }
        } else {
            opener.restore();
        }
    });
    let escape = window_event_listener(ev::keydown, move |event| {
        if event.key() == "Escape" && index.get_untracked().is_some() {
            close();
        }
    });
    on_cleanup(move || escape.remove());

    move || {
        let at = index.get()?;
        let space = catalogue.spaces().get(at)?.clone();
        Some(view! {
            <section class="detail-panel" role="dialog" aria-modal="false" aria-labelledby="detail-name" data-testid="detail-panel">
                <button type="button" class="button close" on:click=move |_| close()>
                    <span aria-hidden="true">"×"</span>
                    <span class="visually-hidden">{tr(|t| t.close)}</span>
                </button>
                <DetailBody space heading index=at />
            </section>
        })
    }
}

#[component]
fn DetailBody(space: Space, heading: NodeRef<H2>, index: usize) -> impl IntoView {
    let (lang, clock, suggesting) = (use_lang(), use_clock(), use_suggesting());
    let print_job = crate::map::panels::print::use_print_job();
    let space = Arc::new(space);
    let s = Arc::clone(&space);
    let body = move || {
        let lang = lang.get();
        let t = texts(lang);
        let space = &s;
        let other = space
            .name
            .exact(lang.other())
            .filter(|n| *n != space.display_name(lang))
            .map(str::to_owned);
        let disciplines: Vec<&str> = space.disciplines.iter().map(|d| d.label(lang)).collect();
        view! {
            {other.map(|name| view! { <p class="other-name" lang=lang.other().code()>{name}</p> })}
            <p class="detail-kind">
                <span class=format!("result-type pin-{}", space.space_type.code())>{space.space_type.label(lang)}</span>
                {(space.status != Status::Open).then(|| view! { <span class="badge status">{space.status.label(lang)}</span> })}
                {space.membership.map(|m| view! { <span class="badge member">{m.label(lang)}</span> })}
            </p>
            <p class="detail-disciplines">{disciplines.join(" · ")}</p>
            {space.operator.map(|o| view! { <p class="detail-operator">{t.run_by}" "{o.label(lang)}</p> })}
            {space.description.get(lang).map(|d| view! { <p class="detail-description">{d.to_owned()}</p> })}
            <h3>{t.address}</h3>
            <p class="detail-address">
                {space.address.clone().unwrap_or_default()}
                {space.district.clone().map(|d| format!(" ({d})"))}
            </p>
            {(space.location_confidence == Some(LocationConfidence::Low)).then(|| view! { <p class="note">{t.location_rough}</p> })}
            <h3>{t.opening_hours}</h3>
            {match space.opening_hours.clone() {
                Some(hours) => view! {
                    <p class="detail-hours">
                        {let rule = hours.clone(); move || open_now(&rule, lang, clock.get())}
                        <code>{hours}</code>
                    </p>
                }.into_any(),
                None => view! { <p class="detail-hours note" data-testid="hours-unknown">{t.hours_unknown}</p> }.into_any(),
            }}
            <h3>{t.contact}</h3>
            <ul class="detail-links">{contact_links(space, lang)}</ul>
        }
    };
    let name = {
        let space = Arc::clone(&space);
        move || space.display_name(lang.get()).to_owned()
    };
    view! {
        <h2 id="detail-name" tabindex="-1" node_ref=heading lang=move || lang.get().code()>{name}</h2>
        {body}
        <FavouriteButton id=space.id.clone() />
        <button
            type="button"
            class="button"
            data-testid="suggest-edit"
            on:click={
                let space = Arc::clone(&space);
                move |_| suggesting.open(Suggestion::edit_of(&space, lang.get_untracked()))
            }
        >
            {tr(|t| t.suggest_edit)}
        </button>
        <button
            type="button"
            class="button"
            data-testid="print-space"
            on:click=move |_| crate::map::panels::print::print(print_job, vec![index], 1)
        >
            {tr(|t| t.print_space)}
        </button>
        <ShareButton space />
    }
}

/// Website, phone, e-mail and directions; every href comes from a validated field.
fn contact_links(space: &Space, lang: Lang) -> impl IntoView + use<> {
    let t = texts(lang);
    let link = |href: String, text: String| {
        view! { <li><a href=href target="_blank" rel="noopener noreferrer">{text}</a></li> }
    };
    let website = space.website.clone().map(|url| link(url.clone(), url));
    let phone = space
        .phone
        .clone()
        .map(|p| link(format!("tel:{}", p.replace([' ', '.', '(', ')'], "")), p));
    let email = space.email.clone().map(|e| link(format!("mailto:{e}"), e));
    let directions = link(
        format!(
            "https://www.openstreetmap.org/directions?route=%3B{}%2C{}",
            fixed(space.position.lat, 6),
            fixed(space.position.lon, 6)
        ),
        t.directions.to_owned(),
    );
    (website, phone, email, directions)
}

/// "Open now" or "Closed now" in Hanoi's time, whatever the visitor's clock zone, with the
/// comment of the rule that decides; nothing when the data says it is not known.
fn open_now(hours: &str, lang: Lang, now: LocalDateTime) -> Option<impl IntoView + use<>> {
    let parsed = crate::core::model::hours::parse(hours).ok()?;
    let (state, comment) = parsed.state_at(now);
    let t = texts(lang);
    let (class, text) = match state {
        HoursState::Open => ("badge open-now", t.open_now),
        HoursState::Closed => ("badge closed-now", t.closed_now),
        HoursState::Unknown => return None,
    };
    let comment = comment.map(|c| format!(" ({c})"));
    Some(view! { <span class=class data-testid="open-now">{text}{comment}</span>" " })
}
