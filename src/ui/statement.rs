//! The accessibility statement, opened from the panel's footer: what the map supports, how to
//! use it by keyboard, its known limits and how to report a barrier through the city's
//! suggestion channel. Part of the app, so it works offline like the rest.

use super::context::{tr, use_lang};
use super::modal::Modal;
use crate::core::config::SuggestChannel;
use crate::core::i18n::texts;
use crate::core::suggestion::barrier_report_links;
use leptos::prelude::*;

/// The footer with the link to the statement, and the statement's dialog.
#[component]
pub fn PanelFooter(channel: SuggestChannel) -> impl IntoView {
    let lang = use_lang();
    let open = RwSignal::new(false);
    let report = move || {
        let lang = lang.get();
        let t = texts(lang);
        let (mail, issue) = barrier_report_links(&channel, lang);
        let link = |href: String, label: &'static str| {
            view! { <a class="button" href=href target="_blank" rel="noopener noreferrer">{label}</a> }
        };
        let none = (mail.is_none() && issue.is_none()).then(|| view! { <p>{t.a11y_report_form}</p> });
        view! {
            {none}
            <p class="share">{mail.map(|m| link(m, t.send_email))}{issue.map(|i| link(i, t.open_issue))}</p>
        }
    };
    view! {
        <footer class="panel-footer">
            <button type="button" class="link-button" data-testid="a11y-open" on:click=move |_| open.set(true)>
                {tr(|t| t.accessibility)}
            </button>
        </footer>
        <Modal open labelled_by="a11y-title" class="modal a11y-statement" test_id="a11y-statement">
            <h2 id="a11y-title">{tr(|t| t.accessibility)}</h2>
            <p>{tr(|t| t.a11y_supported)}</p>
            <p>{tr(|t| t.a11y_keyboard)}</p>
            <p>{tr(|t| t.a11y_limits)}</p>
            <p>{tr(|t| t.a11y_report)}</p>
            {report}
            <p class="embed-actions">
                <button type="button" class="button" on:click=move |_| open.set(false)>{tr(|t| t.close)}</button>
            </p>
        </Modal>
    }
}
