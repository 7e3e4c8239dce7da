//! The workbench's one shared state: the session and the signals that say it changed.

use super::storage;
use crate::core::check::geography::Outlines;
use crate::core::editing::session::Session;
use crate::core::editing::texts::{EditorTexts, editor_texts};
use crate::core::text::lang::Lang;
use leptos::prelude::*;
use std::sync::Arc;

/// What was opened, for the storage and the header.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Source {
    /// The published dataset's path, or the local file's name.
    pub name: String,
    /// Whether it is the published dataset (fetched again after a reload) rather than a local
    /// file (kept in storage).
    pub published: bool,
    /// The opened text's fingerprint.
    pub fingerprint: String,
}

/// The workbench's state, provided as a context. `Copy`: every field is a handle.
#[derive(Clone, Copy)]
pub struct Bench {
    /// The session, once a file is open.
    pub session: StoredValue<Option<Session>, LocalStorage>,
    /// What is open.
    pub source: RwSignal<Source>,
    /// Bumped on every change of the session.
    pub version: RwSignal<u64>,
    /// Bumped when the form and the map must read the session again (not while typing in the
    /// form, which would redraw the field being typed in).
    pub epoch: RwSignal<u64>,
    /// The key of the chosen space.
    pub selected: RwSignal<Option<u64>>,
    /// The interface language.
    pub lang: RwSignal<Lang>,
    /// Whether the next click on the map adds a space.
    pub adding: RwSignal<bool>,
    /// A notice for the editor (restored session, a file that could not be opened).
    pub notice: RwSignal<Option<String>>,
    /// The problems of a file that could not be opened at all.
    pub open_errors: RwSignal<Vec<String>>,
    /// The city's background, for the geographic warnings, once loaded.
    pub outlines: StoredValue<Option<Arc<Outlines>>, LocalStorage>,
}

impl Bench {
    /// A fresh state in `lang`.
    pub fn new(lang: Lang) -> Self {
        Self {
            session: StoredValue::new_local(None),
            source: RwSignal::new(Source::default()),
            version: RwSignal::new(0),
            epoch: RwSignal::new(0),
            selected: RwSignal::new(None),
            lang: RwSignal::new(lang),
            adding: RwSignal::new(false),
            notice: RwSignal::new(None),
            open_errors: RwSignal::new(Vec::new()),
            outlines: StoredValue::new_local(None),
        }
    }

    /// Reads the session, tracking every change.
    pub fn read<R>(&self, read: impl FnOnce(&Session) -> R) -> Option<R> {
        self.version.track();
        self.session.with_value(|s| s.as_ref().map(read))
    }

    /// Reads the session, tracking only changes the form and the map redraw for.
    pub fn read_epoch<R>(&self, read: impl FnOnce(&Session) -> R) -> Option<R> {
        self.epoch.track();
        self.session.with_value(|s| s.as_ref().map(read))
    }

    /// Changes the session and keeps it in storage; `redraw` when the form and the map must
    /// follow (anything but typing in the form). Returns what `change` returned.
    pub fn change<R>(&self, redraw: bool, change: impl FnOnce(&mut Session) -> R) -> Option<R> {
        let result = self.session.try_update_value(|s| s.as_mut().map(change)).flatten()?;
        self.version.update(|v| *v += 1);
        if redraw {
            self.epoch.update(|v| *v += 1);
        }
        self.persist();
        Some(result)
    }

    /// Puts a newly opened session in place.
    pub fn install(&self, mut session: Session, source: Source) {
        if let Some(outlines) = self.outlines.get_value() {
            session.set_outlines(outlines);
        }
        self.session.set_value(Some(session));
        self.source.set(source);
        self.selected.set(None);
        self.open_errors.set(Vec::new());
        self.version.update(|v| *v += 1);
        self.epoch.update(|v| *v += 1);
    }

    /// Writes the session's steps to the browser's storage.
    pub fn persist(&self) {
        let source = self.source.get_untracked();
        if let Some(stored) = self
            .session
            .with_value(|s| s.as_ref().map(|s| s.stored(&source.name, &source.fingerprint)))
        {
            storage::save_session(&stored);
        }
    }

    /// The interface strings, tracking the language.
    pub fn t(&self) -> &'static EditorTexts {
        editor_texts(self.lang.get())
    }
}

/// The workbench's state, for components below the root.
pub fn use_bench() -> Bench {
    expect_context::<Bench>()
}

/// Today's date in Hanoi, `YYYY-MM-DD`: what `updated` is set to.
pub fn today() -> String {
    let now = crate::core::model::hours::hanoi_now(js_sys::Date::now());
    format!("{:04}-{:02}-{:02}", now.year, now.month, now.day)
}
