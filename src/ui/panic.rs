//! Turns a Rust panic into a plain "something went wrong" message instead of a frozen page.

/// Logs panics to the console and reveals the page's static `#fatal` message, which is plain
/// HTML so it shows even when the app's own state is broken.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
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
