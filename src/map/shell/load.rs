//! Fetches the dataset relative to the page and validates it with the core.

use crate::core::check::validate::{Dataset, Validation, parse_bytes};
use crate::core::model::config::{CONFIG_PATH, CityConfig};
use crate::core::model::region::Region;
use crate::core::query::catalogue::Catalogue;
use std::sync::Arc;

/// Where the dataset is in its life.
#[derive(Clone)]
pub enum LoadState {
    /// The request is under way.
    Loading,
    /// The dataset is parsed and indexed (possibly with skipped features).
    Ready(Arc<Catalogue>),
    /// Nothing could be shown.
    Failed(LoadError),
}

/// Why the dataset could not be used.
#[derive(Clone)]
pub enum LoadError {
    /// The server answered with an error status.
    Http(u16),
    /// The request did not complete (the details go to the console).
    Network,
    /// The file arrived but cannot be used; the catalogue holds the problems.
    Unusable(Arc<Catalogue>),
}

impl LoadState {
    /// The value of the root's `data-load-state` attribute, for tests and the portal's checks.
    pub const fn name(&self) -> &'static str {
        match self {
            Self::Loading => "loading",
            Self::Ready(_) => "ready",
            Self::Failed(_) => "error",
        }
    }
}

/// Fetches and validates the dataset at `url` (relative to the page).
pub async fn load_dataset(url: &str, region: &Region) -> LoadState {
    let response = match gloo_net::http::Request::get(url).send().await {
        Ok(response) => response,
        Err(error) => return network_failure(&error),
    };
    if !response.ok() {
        return LoadState::Failed(LoadError::Http(response.status()));
    }
    let bytes = match response.binary().await {
        Ok(bytes) => bytes,
        Err(error) => return network_failure(&error),
    };
    let dataset = validate_in_parts(&bytes, region).await;
    let large = dataset.feature_count > VALIDATION_PART;
    let catalogue = Arc::new(Catalogue::new(dataset));
    if large {
        // The map is drawn in a task of its own, not in the one that built the indexes.
        next_task().await;
    }
    if catalogue.dataset.is_unusable() {
        LoadState::Failed(LoadError::Unusable(catalogue))
    } else {
        LoadState::Ready(catalogue)
    }
}

/// Features validated per task: 50–90 ms on the benchmark machine, so that a large file never
/// holds the page for long while it loads (at 100,000 spaces the longest task after first paint
/// went from 2.4 s to 0.8 s, measured A/B; the first markers came 12% later).
const VALIDATION_PART: usize = 2_000;

/// The dataset in `bytes`, validated a part per task; a file too large for one part leaves its
/// indexes to a task of their own too.
async fn validate_in_parts(bytes: &[u8], region: &Region) -> Dataset {
    let Ok(text) = std::str::from_utf8(bytes) else {
        // Not UTF-8: read at once, as the data check does, with the encoding problem named.
        return parse_bytes(bytes, region);
    };
    let mut validation = Validation::new(text, region);
    if !validation.step(VALIDATION_PART) {
        while !validation.step(VALIDATION_PART) {
            next_task().await;
        }
        next_task().await;
    }
    validation.finish()
}

/// Resolves in a task of its own, after what the browser has waiting (input, drawing).
pub async fn next_task() {
    let next = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window().map(|w| w.set_timeout_with_callback(&resolve));
    });
    let _ = wasm_bindgen_futures::JsFuture::from(next).await;
}

fn network_failure(error: &gloo_net::Error) -> LoadState {
    web_sys::console::warn_1(&format!("dataset request failed: {error}").into());
    LoadState::Failed(LoadError::Network)
}

/// The city's configuration beside the dataset; Hanoi's defaults when there is none. A broken
/// file also falls back to the defaults (with a console warning) so the map still opens.
pub async fn load_config() -> CityConfig {
    let Some(text) = load_text(CONFIG_PATH).await else {
        return CityConfig::default();
    };
    CityConfig::from_json(&text).unwrap_or_else(|error| {
        web_sys::console::warn_1(&format!("{CONFIG_PATH} ignored: {error}").into());
        CityConfig::default()
    })
}

/// The text at `url` (relative to the page), or `None` when it cannot be had.
pub async fn load_text(url: &str) -> Option<String> {
    let response = gloo_net::http::Request::get(url).send().await.ok()?;
    if !response.ok() {
        return None;
    }
    response.text().await.ok()
}
