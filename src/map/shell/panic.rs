//! Turns a Rust panic into a plain "something went wrong" message instead of a frozen page.

/// Logs panics to the console and reveals the page's static `#fatal` message, which is plain
/// HTML so it shows even when the app's own state is broken.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        // A JS Error carries the stack trace to the console, as console_error_panic_hook's
        // would, without that crate's extra formatting code in the bundle.
        web_sys::console::error_1(&js_sys::Error::new(&info.to_string()));
        reveal_fatal_message();
    }));
}

/// Shows the page's `#fatal` element.
fn reveal_fatal_message() {
    if let Some(fatal) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("fatal"))
    {
        let _ = fatal.remove_attribute("hidden");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn the_fatal_message_is_revealed() {
        let document = web_sys::window().unwrap().document().unwrap();
        let fatal = document.create_element("div").unwrap();
        fatal.set_id("fatal");
        fatal.set_attribute("hidden", "").unwrap();
        document.body().unwrap().append_child(&fatal).unwrap();
        reveal_fatal_message();
        assert!(!fatal.has_attribute("hidden"));
        fatal.remove();
    }
}
