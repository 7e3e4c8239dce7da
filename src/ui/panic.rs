//! Turns a Rust panic into a plain "something went wrong" message instead of a frozen page.

/// Logs panics to the console and reveals the page's static `#fatal` message, which is plain
/// HTML so it shows even when the app's own state is broken.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        if let Some(fatal) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("fatal"))
        {
            let _ = fatal.remove_attribute("hidden");
        }
    }));
}
