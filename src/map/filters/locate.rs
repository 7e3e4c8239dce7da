//! "Near me": asks the browser for the position once; refusal or no geolocation is said
//! plainly and changes nothing else.

use crate::core::model::space::LatLon;
use crate::core::text::i18n::texts;
use crate::map::shell::context::{tr, use_lang, use_position};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Asking {
    Idle,
    Waiting,
    Failed,
}

/// The locate button and its status line.
#[component]
pub fn LocateButton() -> impl IntoView {
    let (lang, position) = (use_lang(), use_position());
    let asking = RwSignal::new(Asking::Idle);
    let locate = move |_| {
        asking.set(Asking::Waiting);
        let geolocation = web_sys::window().and_then(|w| w.navigator().geolocation().ok());
        let Some(geolocation) = geolocation else {
            asking.set(Asking::Failed);
            return;
        };
        // The browser calls exactly one of these once; `once_into_js` frees each after its call.
        let found = Closure::once_into_js(move |found: web_sys::Position| {
            let coords = found.coords();
            position.set(Some(LatLon {
                lat: coords.latitude(),
                lon: coords.longitude(),
            }));
            asking.set(Asking::Idle);
        });
        let failed = Closure::once_into_js(move |_: JsValue| asking.set(Asking::Failed));
        let options = web_sys::PositionOptions::new();
        options.set_timeout(15_000);
        if geolocation
            .get_current_position_with_error_callback_and_options(
                found.unchecked_ref(),
                Some(failed.unchecked_ref()),
                &options,
            )
            .is_err()
        {
            asking.set(Asking::Failed);
        }
    };
    view! {
        <div class="locate">
            <button type="button" class="button" data-testid="locate" aria-pressed=move || position.with(Option::is_some).to_string() on:click=locate>
                <span aria-hidden="true">"◎ "</span>
                {tr(|t| t.locate)}
            </button>
            <span class="locate-status" role="status">
                {move || match asking.get() {
                    Asking::Idle => "",
                    Asking::Waiting => texts(lang.get()).locating,
                    Asking::Failed => texts(lang.get()).locate_failed,
                }}
            </span>
        </div>
    }
}
