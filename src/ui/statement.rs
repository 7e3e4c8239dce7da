//! The panel's footer, with the link to the accessibility statement: its own page in the bundle
//! (`accessibility.html`, written from `core::i18n` by `core::statement`), at the section in the
//! interface language.

use super::context::{tr, use_lang};
use leptos::prelude::*;

/// The footer of the side panel.
#[component]
pub fn PanelFooter() -> impl IntoView {
    let lang = use_lang();
    view! {
        <footer class="panel-footer">
            <a href=move || format!("accessibility.html#{}", lang.get().code()) data-testid="a11y-link">
                {tr(|t| t.accessibility)}
            </a>
        </footer>
    }
}
