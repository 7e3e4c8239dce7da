//! A modal dialog: the browser's own `<dialog>`, which keeps the focus inside while it is open
//! and closes on Escape; the focus goes back to where it was when it closes.

use super::focus::ReturnFocus;
use leptos::html::Dialog;
use leptos::prelude::*;

/// A modal dialog shown while `open` is true, named by the element `labelled_by`.
#[component]
pub fn Modal(
    open: RwSignal<bool>,
    labelled_by: &'static str,
    class: &'static str,
    test_id: &'static str,
    children: ChildrenFn,
) -> impl IntoView {
    let dialog = NodeRef::<Dialog>::new();
    let opener = ReturnFocus::new();
    Effect::new(move |_| {
        if open.get() {
            opener.remember();
            if let Some(dialog) = dialog.get()
                && !dialog.open()
            {
                let _ = dialog.show_modal();
            }
        } else {
            opener.restore();
        }
    });
    let children = StoredValue::new(children);
    view! {
        <Show when=move || open.get()>
            <dialog
                node_ref=dialog
                class=class
                aria-labelledby=labelled_by
                data-testid=test_id
                // Escape, or the dialog's own close: the state follows.
                on:close=move |_| open.set(false)
            >
                {children.read_value()()}
            </dialog>
        </Show>
    }
}
