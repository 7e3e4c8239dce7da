//! "Download what you see": the spaces shown, as `GeoJSON` or as the editors' CSV, with the
//! data licence in the file and the view's filters in its name. Made in the browser, no server.

use crate::core::exchange::export::{file_name, spaces_to_csv, spaces_to_geojson};
use crate::core::model::config::CityConfig;
use crate::core::query::catalogue::Catalogue;
use crate::core::query::facets::Selection;
use crate::map::shell::context::{tr, use_filters, use_search};
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// The two download buttons.
#[component]
pub fn DownloadButtons(
    catalogue: Arc<Catalogue>,
    config: CityConfig,
    selection: Memo<Arc<Selection>>,
) -> impl IntoView {
    let (filters, query) = (use_filters(), use_search());
    let config = Arc::new(config);
    let download = move |extension: &'static str| {
        let catalogue = Arc::clone(&catalogue);
        let config = Arc::clone(&config);
        move |_| {
            let spaces =
                selection.with_untracked(|s| s.visible.iter().map(|&i| &catalogue.spaces()[i]).collect::<Vec<_>>());
            let (text, mime) = if extension == "csv" {
                (spaces_to_csv(spaces, Some(&config.licence)), "text/csv;charset=utf-8")
            } else {
                (spaces_to_geojson(spaces, Some(&config.licence)), "application/geo+json")
            };
            let name =
                filters.with_untracked(|f| query.with_untracked(|q| file_name(&config.title.en, f, q, extension)));
            save(&text, mime, &name);
        }
    };
    view! {
        <p class="downloads">
            <span>{tr(|t| t.download)}</span>
            " "
            <button type="button" class="button" data-testid="download-geojson" on:click=download("geojson")>"GeoJSON"</button>
            " "
            <button type="button" class="button" data-testid="download-csv" on:click=download("csv")>"CSV"</button>
        </p>
    }
}

/// Offers `text` to the person as a file called `name`.
pub(crate) fn save(text: &str, mime: &str, name: &str) {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let document = crate::map::shell::dom::document();
    if let Ok(link) = document.create_element("a") {
        let link: web_sys::HtmlAnchorElement = link.unchecked_into();
        link.set_href(&url);
        link.set_download(name);
        link.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}
