//! A modal dialog: the browser's own `<dialog>`, which keeps the focus inside while it is open
//! and closes on Escape; the focus goes back to where it was when it closes. It stays in the
//! page, closed (and so hidden from everyone), between uses.

use super::focus::{ReturnFocus, find};
use leptos::prelude::*;
use web_sys::HtmlDialogElement;

/// A modal dialog shown while `open` is true, named by the element `labelled_by`.
#[component]
pub fn Modal(
    open: RwSignal<bool>,
    labelled_by: &'static str,
    class: &'static str,
    test_id: &'static str,
    children: Children,
) -> impl IntoView {
    let opener = ReturnFocus::new();
    let selector = format!("dialog[data-testid={test_id}]");
    Effect::new(move |_| {
        let open = open.get();
        let Some(dialog) = find::<HtmlDialogElement>(&selector) else {
            return;
        };
        if open && !dialog.open() {
            opener.remember();
            let _ = dialog.show_modal();
        } else if !open && dialog.open() {
            dialog.close();
        }
    });
    // Closed by Escape or by `open`: the state follows, and the focus goes back.
    let closed = move |_| {
        open.set(false);
        opener.restore();
    };
    view! {
        <dialog class=class aria-labelledby=labelled_by data-testid=test_id on:close=closed>
            {children()}
        </dialog>
    }
}
