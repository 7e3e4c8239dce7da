//! The narrow typed contexts components read instead of long prop lists.

use crate::core::filters::Filters;
use crate::core::lang::Lang;
use leptos::prelude::*;

/// The interface language, chosen by the person.
#[derive(Clone, Copy)]
pub struct UiLang(pub RwSignal<Lang>);

/// The filter choices, shared by the panel and the URL.
#[derive(Clone, Copy)]
pub struct FilterState(pub RwSignal<Filters>);

/// The current language, for components below [`crate::ui::App`].
pub fn use_lang() -> RwSignal<Lang> {
    expect_context::<UiLang>().0
}

/// The filter choices, for components below [`crate::ui::App`].
pub fn use_filters() -> RwSignal<Filters> {
    expect_context::<FilterState>().0
}
