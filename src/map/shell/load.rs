//! Fetches the dataset relative to the page and validates it with the core.

use crate::core::check::validate::{Dataset, IncomingText, Validation, parse_bytes};
use crate::core::model::config::{CONFIG_PATH, CityConfig};
use crate::core::model::region::Region;
use crate::core::query::catalogue::{Catalogue, CatalogueBuild};
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
        Err(error) => return network_failure(&error.to_string().into()),
    };
    if !response.ok() {
        return LoadState::Failed(LoadError::Http(response.status()));
    }
    let body = web_sys::Response::from(response).array_buffer();
    let buffer = match body.map(wasm_bindgen_futures::JsFuture::from) {
        Ok(body) => body.await,
        Err(error) => Err(error),
    };
    let buffer = match buffer {
        Ok(buffer) => js_sys::Uint8Array::new(&buffer),
        Err(error) => return network_failure(&error),
    };
    let dataset = match read_in_parts(&buffer).await {
        Ok(text) => validate_in_parts(&text, region).await,
        // Not UTF-8: read at once, as the data check does, with the encoding problem named.
        Err(bytes) => parse_bytes(&bytes, region),
    };
    let large = dataset.feature_count > VALIDATION_PART;
    let mut build = CatalogueBuild::new(dataset);
    if large {
        in_tasks(&mut || build.step(INDEX_PART)).await;
    }
    let catalogue = build.finish();
    if large {
        // The map is drawn in a task of its own, not in the one that finished the indexes.
        next_task().await;
    }
    let catalogue = Arc::new(catalogue);
    if catalogue.dataset.is_unusable() {
        LoadState::Failed(LoadError::Unusable(catalogue))
    } else {
        LoadState::Ready(catalogue)
    }
}

/// Bytes copied from the browser and checked as UTF-8 per task: some 25 ms on the benchmark
/// machine. Read at once, a file of 100,000 spaces (76 MB) held the page for 300 ms.
const READ_PART: usize = 8 << 20;

/// Features validated per task: 50–90 ms on the benchmark machine, so that a large file never
/// holds the page for long while it loads (at 100,000 spaces the longest task after first paint
/// went from 2.4 s to 0.8 s, measured A/B; the first markers came 12% later).
const VALIDATION_PART: usize = 2_000;

/// Spaces whose names are folded per task while the indexes of a large file are built (folding
/// and sorting the names of 100,000 spaces in two languages took 420 ms of one task).
const INDEX_PART: usize = 10_000;

/// The text of the file in `buffer`, copied into the app a part per task; its bytes when it is
/// not UTF-8.
async fn read_in_parts(buffer: &js_sys::Uint8Array) -> Result<String, Vec<u8>> {
    let length = buffer.length() as usize;
    let mut text = IncomingText::with_capacity(length);
    let mut part = vec![0; length.min(READ_PART)];
    let mut start = 0;
    in_tasks(&mut || {
        let end = (start + READ_PART).min(length);
        let part = &mut part[..end - start];
        #[allow(clippy::cast_possible_truncation, reason = "a browser's buffers are indexed by u32")]
        buffer.subarray(start as u32, end as u32).copy_to(part);
        let end = if end < length {
            IncomingText::part_end(part)
        } else {
            part.len()
        };
        text.push(&part[..end]);
        start += end;
        start == length
    })
    .await;
    text.finish()
}

/// The validated dataset in `text`. A file too large for one part has its top level read and its
/// features validated in tasks of their own.
async fn validate_in_parts(text: &str, region: &Region) -> Dataset {
    let mut validation = Validation::new(text, region);
    // The task that read the top level (100 ms at 100,000 spaces) validates no feature.
    let mut part = if validation.feature_count() > VALIDATION_PART {
        0
    } else {
        VALIDATION_PART
    };
    in_tasks(&mut || {
        let done = validation.step(part);
        part = VALIDATION_PART;
        done
    })
    .await;
    validation.finish()
}

/// Calls `step` until it says it is done, each call after the first in a task of its own. One
/// loop for every part of loading: each `async` loop costs the bundle a state machine.
async fn in_tasks(step: &mut dyn FnMut() -> bool) {
    while !step() {
        next_task().await;
    }
}

/// Resolves in a task of its own, after what the browser has waiting (input, drawing).
pub async fn next_task() {
    let next = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window().map(|w| w.set_timeout_with_callback(&resolve));
    });
    let _ = wasm_bindgen_futures::JsFuture::from(next).await;
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `scheduler.postTask`, which throws where the browser has no scheduler.
    #[wasm_bindgen(js_namespace = ["globalThis", "scheduler"], js_name = postTask, catch)]
    fn post_task(task: &wasm_bindgen::JsValue, options: &wasm_bindgen::JsValue) -> Result<(), wasm_bindgen::JsValue>;
}

/// Runs `task` in a task of its own, ahead of the page's other waiting tasks (scripts, tiles,
/// timers) where the browser can order them (`scheduler.postTask`, user-blocking), else after
/// them: for what a person is about to use.
pub fn urgent_task(task: impl FnOnce() + 'static) {
    use wasm_bindgen::JsCast;
    let task = wasm_bindgen::closure::Closure::once_into_js(task);
    let options = js_sys::JSON::parse(r#"{"priority":"user-blocking"}"#).unwrap_or_default();
    if post_task(&task, &options).is_err() {
        let _ = web_sys::window().map(|w| w.set_timeout_with_callback(task.unchecked_ref()));
    }
}

fn network_failure(error: &wasm_bindgen::JsValue) -> LoadState {
    web_sys::console::warn_2(&"dataset request failed:".into(), error);
    LoadState::Failed(LoadError::Network)
}

/// The city's configuration beside the dataset; Hanoi's defaults when there is none. A broken
/// file also falls back to the defaults (with a console warning) so the map still opens.
pub async fn load_config() -> CityConfig {
    let text = match boot_screen_config().await {
        Some(text) => Some(text),
        None => load_text(CONFIG_PATH).await,
    };
    let Some(text) = text else {
        return CityConfig::default();
    };
    CityConfig::from_json(&text).unwrap_or_else(|error| {
        web_sys::console::warn_1(&format!("{CONFIG_PATH} ignored: {error}").into());
        CityConfig::default()
    })
}

/// The configuration as the page's first script (`public/boot-screen.js`, which shows the city's
/// title before the app starts) downloaded it, when it did: the page preloads the file once, and
/// only the first request gets the preload, so the app takes that script's copy (its promise,
/// `hcmBootConfig`, of the text or null) instead of asking the host again.
async fn boot_screen_config() -> Option<String> {
    let promise = js_sys::Reflect::get(&js_sys::global(), &"hcmBootConfig".into()).ok()?;
    let text = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::resolve(&promise))
        .await
        .ok()?;
    text.as_string()
}

/// The text at `url` (relative to the page), or `None` when it cannot be had.
pub async fn load_text(url: &str) -> Option<String> {
    let response = gloo_net::http::Request::get(url).send().await.ok()?;
    if !response.ok() {
        return None;
    }
    response.text().await.ok()
}
