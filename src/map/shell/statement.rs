//! The panel's footer, with the link to the accessibility statement: its own page in the bundle
//! (`accessibility.html`, written from `core::text::i18n` by `core::pages::statement`), at the
//! section in the interface language, and outside an embedded frame the discreet link to the
//! editors' workbench.

use crate::map::shell::context::{tr, use_lang};
use leptos::prelude::*;

/// The footer of the side panel; `embed` leaves out the workbench link (a portal's visitors do
/// not edit the dataset).
#[component]
pub fn PanelFooter(embed: bool) -> impl IntoView {
    let lang = use_lang();
    view! {
        <footer class="panel-footer">
            <a href=move || format!("accessibility.html#{}", lang.get().code()) data-testid="a11y-link">
                {tr(|t| t.accessibility)}
            </a>
            {(!embed).then(|| view! {
                " · "
                <a href="edit.html" data-testid="for-editors">{tr(|t| t.for_editors)}</a>
            })}
        </footer>
    }
}
