//! Fetches the dataset relative to the page and validates it with the core.

use crate::core::catalogue::Catalogue;
use crate::core::config::{CONFIG_PATH, CityConfig};
use crate::core::region::Region;
use crate::core::validate::parse_bytes;
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
    let catalogue = Arc::new(Catalogue::new(parse_bytes(&bytes, region)));
    if catalogue.dataset.is_unusable() {
        LoadState::Failed(LoadError::Unusable(catalogue))
    } else {
        LoadState::Ready(catalogue)
    }
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
