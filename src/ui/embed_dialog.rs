//! "Embed this map": the iframe snippet for the current view, for the portal's editors, in a
//! modal dialog.

use super::context::{tr, use_lang};
use super::modal::Modal;
use super::url_sync::current_state;
use crate::core::i18n::texts;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen_futures::JsFuture;

/// The sizes offered, as (label, width attribute, height in pixels).
const SIZES: [(&str, &str, u32); 4] = [
    ("400 × 500", "400", 500),
    ("640 × 480", "640", 480),
    ("960 × 640", "960", 640),
    ("100% × 600", "100%", 600),
];

/// The snippet that embeds `src` at the chosen size.
fn snippet(src: &str, width: &str, height: u32, title: &str) -> String {
    let escape = |text: &str| text.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;");
    format!(
        "<iframe src=\"{}\" width=\"{width}\" height=\"{height}\" style=\"border:0\" title=\"{}\" loading=\"lazy\" allow=\"geolocation; clipboard-write\"></iframe>",
        escape(src),
        escape(title)
    )
}

/// The button and its dialog.
#[component]
pub fn EmbedDialog() -> impl IntoView {
    let lang = use_lang();
    let open = RwSignal::new(false);
    let size = RwSignal::new(1_usize);
    let copied = RwSignal::new(false);
    let state = current_state(true);
    let code = move || {
        let base = super::dom::page_url();
        let mut link = state();
        link.view = None;
        let (_, width, height) = SIZES[size.get()];
        snippet(
            &format!("{base}?{}", link.encode()),
            width,
            height,
            texts(lang.get()).map_label,
        )
    };
    let copy = move |_| {
        let text = code();
        let Some(window) = web_sys::window() else { return };
        spawn_local(async move {
            if JsFuture::from(window.navigator().clipboard().write_text(&text))
                .await
                .is_ok()
            {
                copied.set(true);
            }
        });
    };
    view! {
        <button type="button" class="button embed-open" data-testid="embed-open" on:click=move |_| { copied.set(false); open.set(true) }>
            {tr(|t| t.embed_map)}
        </button>
        <Modal open labelled_by="embed-title" class="modal embed-dialog" test_id="embed-dialog">
            <h2 id="embed-title">{tr(|t| t.embed_map)}</h2>
            <p>{tr(|t| t.embed_help)}</p>
            <fieldset class="embed-sizes">
                <legend>{tr(|t| t.embed_size)}</legend>
                {SIZES.iter().enumerate().map(|(i, (label, ..))| view! {
                    <label>
                        <input type="radio" name="embed-size" value=i.to_string()
                            prop:checked=move || size.get() == i on:change=move |_| size.set(i) />
                        " " {*label}
                    </label>
                }).collect_view()}
            </fieldset>
            <textarea readonly rows="5" data-testid="embed-code" aria-label=tr(|t| t.embed_map) prop:value=move || if open.get() { code() } else { String::new() }></textarea>
            <p class="embed-actions">
                <button type="button" class="button" on:click=copy>{tr(|t| t.copy)}</button>
                <span role="status">{move || copied.get().then(|| texts(lang.get()).copied)}</span>
                <button type="button" class="button" on:click=move |_| open.set(false)>{tr(|t| t.close)}</button>
            </p>
        </Modal>
    }
}

#[cfg(test)]
mod tests {
    use super::snippet;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn snippet_escapes_attributes() {
        let code = snippet("https://x.example/map/?q=a\"b&lang=en", "400", 500, "Map <of> spaces");
        assert!(code.contains("src=\"https://x.example/map/?q=a&quot;b&amp;lang=en\""));
        assert!(code.contains("title=\"Map &lt;of> spaces\""));
        assert!(code.contains("width=\"400\" height=\"500\""));
    }
}
