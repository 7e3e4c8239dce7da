//! Printing the list shown, or one space: a sheet that only the print stylesheet shows, with
//! each space's name, address, hours and a QR code that opens it on the map. The QR library
//! (qrcode-generator, from npm, bundled) is loaded the first time someone prints.

use crate::core::exchange::print::{MAX_PRINTED, qr_path};
use crate::core::exchange::url_state::UrlState;
use crate::core::query::catalogue::Catalogue;
use crate::core::text::i18n::{texts, with_count};
use crate::core::text::lang::Lang;
use crate::map::shell::context::use_lang;
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// A QR code of qrcode-generator.
    type QrCode;
    #[wasm_bindgen(catch, js_name = qrcode)]
    fn new_qr_code(type_number: u32, level: &str) -> Result<QrCode, JsValue>;
    #[wasm_bindgen(method, js_name = addData)]
    fn add_data(this: &QrCode, data: &str);
    #[wasm_bindgen(method)]
    fn make(this: &QrCode);
    #[wasm_bindgen(method, js_name = getModuleCount)]
    fn module_count(this: &QrCode) -> u32;
    #[wasm_bindgen(method, js_name = isDark)]
    fn is_dark(this: &QrCode, row: u32, col: u32) -> bool;
}

/// What is to be printed: spaces by index, and how many the list had in all.
#[derive(Clone, Copy)]
pub struct PrintJob(RwSignal<Option<(Arc<[usize]>, usize)>>);

/// Provides the print job to the components below.
pub fn provide_print_job() {
    provide_context(PrintJob(RwSignal::new(None)));
}

/// The print job, for components below the App (taken when they are made: event handlers run
/// outside the component tree).
pub fn use_print_job() -> PrintJob {
    expect_context::<PrintJob>()
}

/// Prints `spaces` (in order; `total` is how many the list has) once the QR library is there.
pub fn print(PrintJob(job): PrintJob, spaces: Vec<usize>, total: usize) {
    spawn_local(async move {
        load_qr_library().await;
        job.set(Some((spaces.into_iter().take(MAX_PRINTED).collect(), total)));
        // Let the sheet be drawn before the print dialog takes its picture.
        let tick = js_sys::Promise::new(&mut |resolve, _| {
            let _ = web_sys::window().map(|w| w.request_animation_frame(&resolve));
        });
        let _ = JsFuture::from(tick).await;
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    });
}

/// Loads the QR library once; a failure (offline before it was ever cached) leaves the codes
/// out, not the printout.
async fn load_qr_library() {
    if new_qr_code(0, "M").is_err() {
        crate::map::shell::dom::load_script("qrcode/qrcode.js").await;
    }
}

/// The SVG path of the QR code for `text`, if the library is there.
fn qr(text: &str) -> Option<(u32, String)> {
    let code = new_qr_code(0, "M").ok()?;
    code.add_data(text);
    code.make();
    let size = code.module_count();
    Some((size, qr_path(size, |row, col| code.is_dark(row, col))))
}

/// The printed sheet; hidden on screen.
#[component]
pub fn PrintSheet(catalogue: Arc<Catalogue>) -> impl IntoView {
    let (lang, PrintJob(job)) = (use_lang(), use_print_job());
    move || {
        let (spaces, total) = job.get()?;
        let lang = lang.get();
        let t = texts(lang);
        let base = crate::map::shell::dom::page_url();
        let items = spaces
            .iter()
            .map(|&i| printed_space(&catalogue, i, lang, &base))
            .collect_view();
        let cut = (total > spaces.len()).then(|| with_count(t.print_cut, spaces.len()));
        Some(view! {
            <section class="print-sheet" data-testid="print-sheet">
                <p class="note">{cut}</p>
                <ol>{items}</ol>
            </section>
        })
    }
}

/// One space on the sheet.
fn printed_space(catalogue: &Catalogue, index: usize, lang: Lang, base: &str) -> impl IntoView + use<> {
    let space = &catalogue.spaces()[index];
    let link = UrlState {
        space: Some(space.id.clone()),
        lang: Some(lang),
        ..UrlState::default()
    };
    let code = qr(&format!("{base}?{}", link.encode())).map(|(size, path)| {
        view! {
            <svg class="qr" viewBox=format!("-4 -4 {0} {0}", size + 8) role="img" aria-hidden="true">
                <path d=path />
            </svg>
        }
    });
    view! {
        <li class="printed-space" data-space-id=space.id.clone()>
            {code}
            <h3>{space.display_name(lang).to_owned()}</h3>
            <p>{space.address.clone()}</p>
            <p>{space.opening_hours.clone()}</p>
        </li>
    }
}
