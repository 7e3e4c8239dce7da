//! Opening a dataset: the published one (the default), or a local `.geojson` or editors' `.csv`
//! (file picker or drag and drop); after a reload, the session kept in storage is replayed onto
//! the same file.

use super::bench::{Bench, Source};
use super::storage;
use crate::core::check::geography::Outlines;
use crate::core::editing::session::{Session, StoredSession, fingerprint};
use crate::core::editing::texts::editor_texts;
use crate::core::model::config::CityConfig;
use crate::core::model::region::Region;
use crate::core::text::i18n::with_count;
use crate::map::shell::load::load_text;
use leptos::prelude::*;
use std::sync::Arc;
use wasm_bindgen_futures::JsFuture;

/// How the storage names the published dataset and a local file.
const PUBLISHED: &str = "published:";
const LOCAL: &str = "file:";

/// Opens `text` (a file called `name`) as a new session; on failure the problems are shown and
/// the session open before stays. Returns whether it opened.
pub fn open_text(bench: Bench, name: &str, text: &str, published: bool, region: Region) -> bool {
    let lang = bench.lang.get_untracked();
    let opened = if name.to_ascii_lowercase().ends_with(".csv") {
        Session::open_csv(text, region)
    } else {
        Session::open_geojson(text, region).map_err(|problems| problems.iter().map(|p| p.describe(lang)).collect())
    };
    match opened {
        Ok(session) => {
            let source = Source {
                name: format!("{}{name}", if published { PUBLISHED } else { LOCAL }),
                published,
                fingerprint: fingerprint(text),
            };
            bench.install(session, source);
            true
        }
        Err(problems) => {
            let mut lines = vec![format!("{} {name}", editor_texts(lang).open_failed)];
            lines.extend(problems);
            bench.open_errors.set(lines);
            false
        }
    }
}

/// Opens a file: its text is kept in storage. The session kept for the same file (same
/// bytes) is replayed onto it; any other session's steps are dropped.
pub fn open_new(bench: Bench, name: &str, text: &str, published: bool, region: Region) {
    let stored = storage::load_session();
    if !open_text(bench, name, text, published, region) {
        return;
    }
    storage::save_file((!published).then_some(text));
    let print = fingerprint(text);
    let stored = stored.filter(|s| !s.steps.is_empty());
    if let Some(stored) = stored.as_ref().filter(|s| s.fingerprint == print) {
        restore(bench, stored, &print);
        return;
    }
    // Steps made on an earlier version of the same file cannot be replayed onto this one.
    let lost = stored.is_some_and(|s| s.source == bench.source.get_untracked().name);
    let t = editor_texts(bench.lang.get_untracked());
    bench.notice.set(lost.then(|| t.restore_failed.to_owned()));
    storage::clear_session();
    bench.persist();
}

/// Replays `stored` onto the session just opened, and says so.
fn restore(bench: Bench, stored: &StoredSession, print: &str) {
    let t = editor_texts(bench.lang.get_untracked());
    if let Some(Ok(())) = bench.change(true, |session| session.restore(stored, print)) {
        bench.notice.set(Some(with_count(t.restored, stored.cursor)));
    } else {
        bench.notice.set(Some(t.restore_failed.to_owned()));
        // Keep the old steps out of the way of the new session.
        storage::clear_session();
        bench.persist();
    }
}

/// Fetches and opens the published dataset.
pub async fn open_published(bench: Bench, config: &CityConfig) {
    match load_text(&config.dataset).await {
        Some(text) => open_new(bench, &config.dataset, &text, true, config.region),
        None => bench.open_errors.set(vec![format!(
            "{} {}",
            editor_texts(bench.lang.get_untracked()).open_failed,
            config.dataset
        )]),
    }
}

/// Loads the city's background (when it has one) for the geographic warnings.
pub async fn load_outlines(bench: Bench, config: &CityConfig) {
    let Some(basemap) = &config.basemap else { return };
    let Some(text) = load_text(&basemap.url).await else {
        return;
    };
    match Outlines::from_geojson(&text) {
        Ok(outlines) => {
            let outlines = Arc::new(outlines);
            bench.outlines.set_value(Some(Arc::clone(&outlines)));
            bench.change(false, |session| session.set_outlines(outlines));
        }
        Err(error) => web_sys::console::warn_1(&format!("{}: {error}", basemap.url).into()),
    }
}

/// The text of a file the editor picked or dropped.
pub async fn read_file(file: &web_sys::File) -> Option<String> {
    JsFuture::from(file.text()).await.ok()?.as_string()
}

/// At start: the session kept in storage, replayed onto its file, with a notice; otherwise the
/// published dataset.
pub async fn start(bench: Bench, config: &CityConfig) {
    let Some(stored) = storage::load_session().filter(|s| !s.steps.is_empty()) else {
        open_published(bench, config).await;
        return;
    };
    let t = editor_texts(bench.lang.get_untracked());
    if let Some(path) = stored.source.strip_prefix(PUBLISHED) {
        match load_text(path).await {
            Some(text) => open_new(bench, path, &text, true, config.region),
            None => open_published(bench, config).await,
        }
        return;
    }
    let name = stored.source.strip_prefix(LOCAL).unwrap_or(&stored.source).to_owned();
    if let Some(text) = storage::load_file() {
        open_new(bench, &name, &text, false, config.region);
    } else {
        // The file did not fit in storage: show the published data, and keep the steps for
        // when the editor opens the file again.
        if let Some(text) = load_text(&config.dataset).await {
            open_text(bench, &config.dataset, &text, true, config.region);
        }
        bench.notice.set(Some(format!("{} {name}", t.reopen_file)));
    }
}
