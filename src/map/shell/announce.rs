//! Tells screen readers how many spaces are shown once the person pauses, politely and once,
//! not at every keystroke or tick.

use crate::core::query::facets::Selection;
use crate::core::text::i18n::texts;
use crate::map::shell::context::use_lang;
use leptos::prelude::*;
use std::sync::Arc;
use std::time::Duration;

/// How long the selection must stay the same before it is announced: longer than the pause
/// between keystrokes of someone typing.
const SETTLE: Duration = Duration::from_millis(800);

/// A hidden polite live region saying "N spaces shown" after each settled change of the count
/// (nothing at the first draw: the page's own count is read then).
#[component]
pub fn CountAnnouncer(selection: Memo<Arc<Selection>>) -> impl IntoView {
    let lang = use_lang();
    let message = RwSignal::new(String::new());
    let pending: StoredValue<Option<TimeoutHandle>> = StoredValue::new(None);
    Effect::new(move |previous: Option<usize>| {
        let shown = selection.with(|s| s.visible.len());
        // The first draw, or a recount that changed nothing (the clock of "open now").
        if previous.is_none_or(|before| before == shown) {
            return shown;
        }
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        let say = move || {
            let words = texts(lang.get_untracked()).spaces_shown;
            message.set(format!("{shown} {words}"));
        };
        pending.set_value(set_timeout_with_handle(say, SETTLE).ok());
        shown
    });
    on_cleanup(move || {
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
    });
    view! {
        <p class="visually-hidden" role="status" aria-live="polite" data-testid="announcer">{message}</p>
    }
}
