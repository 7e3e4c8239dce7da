//! Where the keyboard focus goes when panels open and close, and when part of the page is
//! drawn again: it is never dropped on the page's body.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// The element that has the focus.
pub fn active_element() -> Option<HtmlElement> {
    crate::map::shell::dom::document()
        .active_element()
        .and_then(|e| e.dyn_into().ok())
}

/// The first element of the page matching `selector`, as the element type `E`.
pub fn find<E: JsCast>(selector: &str) -> Option<E> {
    crate::map::shell::dom::document()
        .query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into().ok())
}

/// Focuses the first element matching `selector`, if there is one.
pub fn focus_now(selector: &str) {
    if let Some(element) = find::<HtmlElement>(selector) {
        let _ = element.focus();
    }
}

/// [`focus_now`], once the next frame is drawn (after the change that made the element).
pub fn focus_soon(selector: String) {
    request_animation_frame(move || focus_now(&selector));
}

/// The element a panel was opened from, to give the focus back to when it closes.
#[derive(Clone, Copy)]
pub struct ReturnFocus(StoredValue<Option<HtmlElement>, LocalStorage>);

impl ReturnFocus {
    /// Nothing remembered yet.
    pub fn new() -> Self {
        Self(StoredValue::new_local(None))
    }

    /// Remembers the focused element, unless one is remembered already (a panel that opens
    /// over itself keeps its first opener).
    pub fn remember(self) {
        if self.0.with_value(Option::is_none) {
            self.0.set_value(active_element());
        }
    }

    /// Gives the focus back to the remembered element, if it is still in the page, and forgets
    /// it. (A marker taken away meanwhile hands the focus on itself: see the map adapter.)
    pub fn restore(self) {
        if let Some(element) = self.0.get_value() {
            self.0.set_value(None);
            let _ = element.focus();
        }
    }
}
