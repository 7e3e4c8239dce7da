//! A few helpers for the DOM built outside Leptos (inside Leaflet popups). Everything from the
//! data goes in as text nodes, never as markup.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlAnchorElement};

/// The page's document.
pub fn document() -> Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("the app runs in a page with a document")
}

/// The page's address without its query: the base of every link to a view of the map.
pub fn page_url() -> String {
    web_sys::window()
        .map(|w| w.location())
        .map(|l| format!("{}{}", l.origin().unwrap_or_default(), l.pathname().unwrap_or_default()))
        .unwrap_or_default()
}

/// Adds a script of the bundle (`src`, relative to the page) to the page and waits until it
/// has run; whether it loaded (not, for instance, offline before it was ever cached).
pub async fn load_script(src: &str) -> bool {
    let Ok(script) = document().create_element("script") else {
        return false;
    };
    let loaded = js_sys::Promise::new(&mut |resolve, reject| {
        let _ = script.add_event_listener_with_callback("load", &resolve);
        let _ = script.add_event_listener_with_callback("error", &reject);
    });
    let _ = script.set_attribute("src", src);
    if let Some(head) = document().head() {
        let _ = head.append_child(&script);
    }
    wasm_bindgen_futures::JsFuture::from(loaded).await.is_ok()
}

/// A new `<tag class=…>` holding `text` as a text node.
pub fn text_element(tag: &str, class: &str, text: &str) -> Element {
    let element = document().create_element(tag).expect("valid tag name");
    element.set_class_name(class);
    element.set_text_content(Some(text));
    element
}

/// A link that opens in a new tab without giving the target access to this page. `href` must
/// already be checked (http(s), mailto: or tel:).
pub fn external_link(href: &str, text: &str) -> Element {
    let link: HtmlAnchorElement = document().create_element("a").expect("valid tag name").unchecked_into();
    link.set_href(href);
    link.set_target("_blank");
    link.set_rel("noopener noreferrer");
    link.set_text_content(Some(text));
    link.into()
}
