//! One editor's session over a dataset: the features as they are in the file (errors and all),
//! each with its problems from the same validator as `check-data`; every edit as a step that
//! can be undone, redone and replayed after a reload; the summary of what changed; and the
//! dataset written back in the canonical form.

use super::canonical::write_collection;
use super::fields;
use crate::core::check::problem::{Effect, Location, Problem, ProblemKind, Severity};
use crate::core::check::validate::{check_feature, parse_str};
use crate::core::exchange::csv_format::csv_to_features;
use crate::core::exchange::export::{COLUMNS, write_row};
use crate::core::model::region::Region;
use crate::core::model::space::Space;
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// One change to the list of features; each carries what undoing it needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Change {
    /// A feature's content changed.
    Replace {
        /// The feature.
        key: u64,
        /// Its content before.
        before: Value,
        /// Its content after.
        after: Value,
    },
    /// A feature was added at `index`.
    Add {
        /// The new feature's key.
        key: u64,
        /// Its position in the list.
        index: usize,
        /// Its content.
        feature: Value,
    },
    /// A feature was removed from `index`.
    Remove {
        /// The feature's key.
        key: u64,
        /// Its position in the list before.
        index: usize,
        /// Its content.
        feature: Value,
    },
}

/// What the editor did in one go: undone and redone as a whole.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Step {
    /// The feature it concerns.
    pub key: u64,
    /// What was done: a form field's path, or `position`, `add`, `remove`, `suggestion`.
    pub label: String,
    /// The changes, in order.
    pub changes: Vec<Change>,
}

/// A session as kept in the browser's storage: enough to rebuild it from the same file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredSession {
    /// What was opened: the published dataset's path or a local file's name.
    pub source: String,
    /// The [`fingerprint`] of the file opened, so that steps are never replayed onto another.
    pub fingerprint: String,
    /// Every step, including those undone (for redo).
    pub steps: Vec<Step>,
    /// How many steps are in effect.
    pub cursor: usize,
}

/// A short, stable summary of `text`: its length and FNV-1a hash.
#[must_use]
pub fn fingerprint(text: &str) -> String {
    let hash = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{}-{hash:016x}", text.len())
}

/// A stored session was made on another file than the one opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OtherFile;

/// One feature being edited.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    /// Stable for the session: the feature's position in the opened file, or a new number.
    pub key: u64,
    /// The feature as it will be written.
    pub feature: Value,
    /// Its problems, worded by the data check.
    pub problems: Vec<Problem>,
}

impl Record {
    /// The value of a form field (see [`fields::get`]).
    #[must_use]
    pub fn get(&self, field: &str) -> String {
        fields::get(&self.feature, field)
    }

    /// How many of its problems are errors.
    #[must_use]
    pub fn error_count(&self) -> usize {
        self.problems.iter().filter(|p| p.severity == Severity::Error).count()
    }
}

/// What changed since the file was opened, feature by feature: `(key, id, name)`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// New spaces.
    pub added: Vec<(u64, String, String)>,
    /// Spaces whose fields changed (other than closing).
    pub changed: Vec<(u64, String, String)>,
    /// Spaces now marked closed.
    pub closed: Vec<(u64, String, String)>,
    /// Spaces deleted.
    pub removed: Vec<(u64, String, String)>,
}

impl Summary {
    /// Whether nothing changed.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.added.is_empty() && self.changed.is_empty() && self.closed.is_empty() && self.removed.is_empty()
    }
}

/// Extra warnings for a feature that passed validation (the geographic checks), given its
/// position in the file.
pub type ExtraCheck = Box<dyn Fn(usize, &Space) -> Vec<Problem>>;

/// An editing session.
pub struct Session {
    /// The collection's members other than `features` (e.g. a licence), written back as they were.
    root: Map<String, Value>,
    /// The features as opened, by key.
    base: Vec<Value>,
    records: Vec<Record>,
    /// Problems of the file as a whole, and of CSV rows that could not be read as they were.
    file_problems: Vec<Problem>,
    notes: Vec<String>,
    steps: Vec<Step>,
    cursor: usize,
    next_key: u64,
    region: Region,
    extra: Option<ExtraCheck>,
    /// Every feature a change has touched: only those can differ from the file opened.
    touched: rustc_hash::FxHashSet<u64>,
}

impl Session {
    /// Opens a `GeoJSON` dataset: every feature is kept, however wrong.
    ///
    /// # Errors
    /// When nothing can be read (not JSON, no `features` list): the data check's problems.
    pub fn open_geojson(text: &str, region: Region) -> Result<Self, Vec<Problem>> {
        let mut file_problems = Vec::new();
        let body = match text.strip_prefix('\u{feff}') {
            Some(rest) => {
                file_problems.push(file_problem(Severity::Warning, ProblemKind::ByteOrderMark));
                rest
            }
            None => text,
        };
        let unusable = || parse_str(text, &region).problems;
        let Ok(Value::Object(mut root)) = serde_json::from_str::<Value>(body) else {
            return Err(unusable());
        };
        let Some(Value::Array(features)) = root.remove("features") else {
            return Err(unusable());
        };
        if root.get("type").and_then(Value::as_str) != Some("FeatureCollection") {
            file_problems.push(file_problem(Severity::Error, ProblemKind::NotFeatureCollection));
        }
        Ok(Self::from_features(root, features, file_problems, Vec::new(), region))
    }

    /// Opens the editors' CSV: every readable row is kept, however wrong.
    ///
    /// # Errors
    /// When the header cannot be used: one sentence per reason.
    pub fn open_csv(text: &str, region: Region) -> Result<Self, Vec<String>> {
        let read = csv_to_features(text)?;
        let mut root = Map::new();
        root.insert("type".into(), "FeatureCollection".into());
        Ok(Self::from_features(
            root,
            read.features,
            Vec::new(),
            read.problems,
            region,
        ))
    }

    fn from_features(
        root: Map<String, Value>,
        features: Vec<Value>,
        file_problems: Vec<Problem>,
        notes: Vec<String>,
        region: Region,
    ) -> Self {
        let records = features
            .iter()
            .zip(0..)
            .map(|(feature, key)| Record {
                key,
                feature: feature.clone(),
                problems: Vec::new(),
            })
            .collect::<Vec<_>>();
        let mut session = Self {
            root,
            next_key: records.len() as u64,
            base: features,
            records,
            file_problems,
            notes,
            steps: Vec::new(),
            cursor: 0,
            region,
            extra: None,
            touched: rustc_hash::FxHashSet::default(),
        };
        session.check_all();
        session
    }

    /// Adds warnings from `check` to every feature, now and after each edit.
    pub fn set_extra_check(&mut self, check: ExtraCheck) {
        self.extra = Some(check);
        self.check_all();
    }

    /// Adds the geographic warnings (in water, outside its named district) against the city's
    /// background, the same as `check-data`'s.
    pub fn set_outlines(&mut self, outlines: std::sync::Arc<crate::core::check::geography::Outlines>) {
        self.set_extra_check(Box::new(move |index, space| {
            crate::core::check::geography::space_problems(index, space, &outlines)
        }));
    }

    /// The features, in file order.
    #[must_use]
    pub fn records(&self) -> &[Record] {
        &self.records
    }

    /// The feature with `key`.
    #[must_use]
    pub fn record(&self, key: u64) -> Option<&Record> {
        self.records.iter().find(|r| r.key == key)
    }

    /// Problems of the file as a whole.
    #[must_use]
    pub fn file_problems(&self) -> &[Problem] {
        &self.file_problems
    }

    /// What reading a CSV had to say about rows it could not read as they were.
    #[must_use]
    pub fn notes(&self) -> &[String] {
        &self.notes
    }

    /// How many errors the dataset has (the data check would fail with any).
    #[must_use]
    pub fn error_count(&self) -> usize {
        self.records.iter().map(Record::error_count).sum::<usize>()
            + self
                .file_problems
                .iter()
                .filter(|p| p.severity == Severity::Error)
                .count()
            + self.notes.len()
    }

    /// Whether a step can be undone.
    #[must_use]
    pub const fn can_undo(&self) -> bool {
        self.cursor > 0
    }

    /// Whether an undone step can be redone.
    #[must_use]
    pub fn can_redo(&self) -> bool {
        self.cursor < self.steps.len()
    }

    /// How many steps are in effect.
    #[must_use]
    pub const fn step_count(&self) -> usize {
        self.cursor
    }

    fn position(&self, key: u64) -> Option<usize> {
        self.records.iter().position(|r| r.key == key)
    }

    /// Sets a form field of a feature (see [`fields::set`]) and its `updated` date to `today`
    /// (unless the field is `updated` itself). Typing into one field makes one step.
    /// Returns whether anything changed.
    pub fn set_field(&mut self, key: u64, field: &str, text: &str, today: &str) -> bool {
        self.edit(key, field, today, |feature| fields::set(feature, field, text))
    }

    /// Moves a feature to `lat`, `lon`.
    pub fn move_to(&mut self, key: u64, lat: f64, lon: f64, today: &str) -> bool {
        self.edit(key, "position", today, |feature| {
            fields::set(feature, "lat", &crate::core::geometry::geo::coordinate(lat));
            fields::set(feature, "lon", &crate::core::geometry::geo::coordinate(lon));
        })
    }

    /// Marks a space closed: it stays in the data, and the map hides it unless asked.
    pub fn close(&mut self, key: u64, today: &str) -> bool {
        self.set_field(key, "status", "closed", today)
    }

    fn edit(&mut self, key: u64, label: &str, today: &str, change: impl FnOnce(&mut Value)) -> bool {
        let Some(index) = self.position(key) else {
            return false;
        };
        let before = self.records[index].feature.clone();
        let mut after = before.clone();
        change(&mut after);
        if label != "updated" && after != before {
            fields::set(&mut after, "updated", today);
        }
        if after == before {
            return false;
        }
        let coalesce = self.cursor == self.steps.len()
            && self
                .steps
                .last()
                .is_some_and(|last| last.key == key && last.label == label && label != "position");
        if coalesce {
            if let Some(Change::Replace { after: last, .. }) =
                self.steps.last_mut().and_then(|step| step.changes.last_mut())
            {
                last.clone_from(&after);
            }
            self.apply(&Change::Replace { key, before, after });
            self.after_change(false);
            return true;
        }
        self.record_step(Step {
            key,
            label: label.to_owned(),
            changes: vec![Change::Replace { key, before, after }],
        });
        true
    }

    /// Adds a new space at `lat`, `lon`, with a fresh id and today's date; returns its key.
    pub fn add_at(&mut self, lat: f64, lon: f64, today: &str) -> u64 {
        let taken: rustc_hash::FxHashSet<String> = self.records.iter().map(|r| r.get("id")).collect();
        // One more candidate than there are features: one of them is free.
        let id = (1..=self.records.len() + 1)
            .map(|n| format!("new-space-{n}"))
            .find(|id| !taken.contains(id))
            .unwrap_or_default();
        let mut feature = serde_json::json!({ "type": "Feature" });
        fields::set(&mut feature, "lon", &crate::core::geometry::geo::coordinate(lon));
        fields::set(&mut feature, "lat", &crate::core::geometry::geo::coordinate(lat));
        fields::set(&mut feature, "id", &id);
        fields::set(&mut feature, "status", "open");
        fields::set(&mut feature, "updated", today);
        self.add_feature(feature)
    }

    /// Adds `feature` at the end of the list; returns its key.
    pub fn add_feature(&mut self, feature: Value) -> u64 {
        let key = self.next_key;
        self.record_step(Step {
            key,
            label: "add".into(),
            changes: vec![Change::Add {
                key,
                index: self.records.len(),
                feature,
            }],
        });
        key
    }

    /// Deletes a feature (for duplicates: a space that closed is [`Self::close`]d instead).
    pub fn remove(&mut self, key: u64) -> bool {
        let Some(index) = self.position(key) else {
            return false;
        };
        let feature = self.records[index].feature.clone();
        self.record_step(Step {
            key,
            label: "remove".into(),
            changes: vec![Change::Remove { key, index, feature }],
        });
        true
    }

    /// Replaces a feature's content as a whole in one step (an accepted suggestion).
    pub fn replace(&mut self, key: u64, label: &str, after: Value) -> bool {
        let Some(index) = self.position(key) else {
            return false;
        };
        let before = self.records[index].feature.clone();
        if before == after {
            return false;
        }
        self.record_step(Step {
            key,
            label: label.to_owned(),
            changes: vec![Change::Replace { key, before, after }],
        });
        true
    }

    fn record_step(&mut self, step: Step) {
        self.steps.truncate(self.cursor);
        let structural = step.changes.iter().any(|c| !matches!(c, Change::Replace { .. }));
        for change in &step.changes {
            self.apply(change);
        }
        self.steps.push(step);
        self.cursor = self.steps.len();
        self.after_change(structural);
    }

    /// Undoes the last step in effect; returns the feature it concerned.
    pub fn undo(&mut self) -> Option<u64> {
        if self.cursor == 0 {
            return None;
        }
        self.cursor -= 1;
        let step = self.steps[self.cursor].clone();
        for change in step.changes.iter().rev() {
            self.apply(&inverse(change));
        }
        self.after_change(true);
        Some(step.key)
    }

    /// Redoes the next undone step; returns the feature it concerned.
    pub fn redo(&mut self) -> Option<u64> {
        let step = self.steps.get(self.cursor)?.clone();
        for change in &step.changes {
            self.apply(change);
        }
        self.cursor += 1;
        self.after_change(true);
        Some(step.key)
    }

    fn apply(&mut self, change: &Change) {
        match change {
            Change::Replace { key, after, .. } => {
                self.touched.insert(*key);
                if let Some(index) = self.position(*key) {
                    self.records[index].feature.clone_from(after);
                    self.check_one(index);
                }
            }
            Change::Add { key, index, feature } => {
                let index = (*index).min(self.records.len());
                self.records.insert(
                    index,
                    Record {
                        key: *key,
                        feature: feature.clone(),
                        problems: Vec::new(),
                    },
                );
                self.next_key = self.next_key.max(key + 1);
            }
            Change::Remove { key, .. } => {
                if let Some(index) = self.position(*key) {
                    self.records.remove(index);
                }
            }
        }
    }

    fn after_change(&mut self, structural: bool) {
        if structural {
            self.check_all();
        } else {
            self.check_duplicates();
        }
    }

    fn check_one(&mut self, index: usize) {
        let record = &self.records[index];
        let (space, mut problems) = check_feature(&record.feature, index, &self.region);
        if let (Some(extra), Some(space)) = (&self.extra, space) {
            problems.extend(extra(index, &space));
        }
        self.records[index].problems = problems;
    }

    fn check_all(&mut self) {
        for index in 0..self.records.len() {
            self.check_one(index);
        }
        self.check_duplicates();
    }

    /// The data check's "id used twice", which no single feature can tell.
    fn check_duplicates(&mut self) {
        let mut first: FxHashMap<String, usize> = FxHashMap::default();
        for (index, record) in self.records.iter_mut().enumerate() {
            record
                .problems
                .retain(|p| !matches!(p.kind, ProblemKind::DuplicateId { .. }));
            let Some(id) = record.feature.pointer("/properties/id").and_then(Value::as_str) else {
                continue;
            };
            if id.trim().is_empty() {
                continue;
            }
            match first.get(id) {
                Some(&first_index) => record.problems.insert(
                    0,
                    Problem {
                        severity: Severity::Error,
                        effect: Effect::FeatureSkipped,
                        location: Location::Feature {
                            index,
                            id: Some(id.to_owned()),
                        },
                        field: Some("id".into()),
                        kind: ProblemKind::DuplicateId { first_index },
                    },
                ),
                None => {
                    first.insert(id.to_owned(), index);
                }
            }
        }
    }

    /// What changed since the file was opened.
    #[must_use]
    pub fn summary(&self) -> Summary {
        let mut summary = Summary::default();
        let line = |key: u64, feature: &Value| (key, fields::get(feature, "id"), fields::get(feature, "name.vi"));
        let mut present = vec![false; self.base.len()];
        for record in &self.records {
            let Some(base) = usize::try_from(record.key).ok().and_then(|k| self.base.get(k)) else {
                summary.added.push(line(record.key, &record.feature));
                continue;
            };
            present[usize::try_from(record.key).unwrap_or_default()] = true;
            if !self.touched.contains(&record.key) || *base == record.feature {
                continue;
            }
            let closed = |feature: &Value| fields::get(feature, "status") == "closed";
            if closed(&record.feature) && !closed(base) {
                summary.closed.push(line(record.key, &record.feature));
            } else {
                summary.changed.push(line(record.key, &record.feature));
            }
        }
        for ((key, feature), present) in (0..).zip(&self.base).zip(present) {
            if !present {
                summary.removed.push(line(key, feature));
            }
        }
        summary
    }

    /// The dataset in the canonical form (see [`super::canonical`]).
    #[must_use]
    pub fn to_geojson(&self) -> String {
        let features: Vec<Value> = self.records.iter().map(|r| r.feature.clone()).collect();
        write_collection(&self.root, &features)
    }

    /// The dataset as the editors' CSV, every feature a row as it is (errors and all).
    #[must_use]
    pub fn to_csv(&self) -> String {
        let mut out = String::new();
        write_row(&mut out, COLUMNS.iter().copied());
        for record in &self.records {
            let cells: Vec<String> = COLUMNS
                .iter()
                .map(|column| record.get(&fields::column_field(column)))
                .collect();
            write_row(&mut out, cells.iter().map(String::as_str));
        }
        out
    }

    /// The session as kept in storage.
    #[must_use]
    pub fn stored(&self, source: &str, fingerprint: &str) -> StoredSession {
        StoredSession {
            source: source.to_owned(),
            fingerprint: fingerprint.to_owned(),
            steps: self.steps.clone(),
            cursor: self.cursor,
        }
    }

    /// Replays a stored session onto this one, freshly opened from the same file.
    ///
    /// # Errors
    /// When the stored session was made on another file (its fingerprint differs).
    pub fn restore(&mut self, stored: &StoredSession, fingerprint: &str) -> Result<(), OtherFile> {
        if stored.fingerprint != fingerprint {
            return Err(OtherFile);
        }
        for step in stored.steps.iter().take(stored.cursor) {
            for change in &step.changes {
                self.apply(change);
            }
        }
        self.steps.clone_from(&stored.steps);
        self.cursor = stored.cursor.min(self.steps.len());
        self.check_all();
        Ok(())
    }
}

fn inverse(change: &Change) -> Change {
    match change.clone() {
        Change::Replace { key, before, after } => Change::Replace {
            key,
            before: after,
            after: before,
        },
        Change::Add { key, index, feature } => Change::Remove { key, index, feature },
        Change::Remove { key, index, feature } => Change::Add { key, index, feature },
    }
}

fn file_problem(severity: Severity, kind: ProblemKind) -> Problem {
    Problem {
        severity,
        effect: Effect::None,
        location: Location::File,
        field: None,
        kind,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::exchange::csv_format::csv_to_geojson;
    use crate::core::text::lang::Lang;

    const PUBLISHED: &str = include_str!("../../../data/spaces.geojson");
    const TODAY: &str = "2026-12-02";

    fn published() -> Session {
        Session::open_geojson(PUBLISHED, Region::HANOI).expect("opens")
    }

    #[test]
    fn the_published_dataset_saves_byte_for_byte() {
        let session = published();
        assert_eq!(session.error_count(), 0);
        assert_eq!(session.to_geojson(), PUBLISHED);
        assert!(session.summary().is_empty());
    }

    #[test]
    fn a_file_with_errors_opens_with_every_problem() {
        let text = r#"{"type":"FeatureCollection","features":[
            {"type":"Feature","geometry":{"type":"Point","coordinates":[105.85,21.03]},"properties":{"id":"a","name":{"vi":"A","en":"A"},"disciplines":["music"],"space_type":"musuem","operator":"state","address":"x"}},
            {"type":"Feature","geometry":{"type":"Point","coordinates":[105.85,21.03]},"properties":{"id":"a","name":{"vi":"B","en":"B"},"disciplines":["music"],"space_type":"cafe","operator":"state","address":"x","website":"ftp://x"}},
            42]}"#;
        let session = Session::open_geojson(text, Region::HANOI).expect("opens");
        assert_eq!(session.records().len(), 3);
        let fields: Vec<Vec<String>> = session
            .records()
            .iter()
            .map(|r| r.problems.iter().filter_map(|p| p.field.clone()).collect())
            .collect();
        assert_eq!(fields[0], ["space_type"]);
        assert_eq!(fields[1], ["id", "website"]);
        assert_eq!(session.records()[2].error_count(), 1);
        // The same problems as the data check, worded the same.
        let check: Vec<String> = parse_str(text, &Region::HANOI)
            .problems
            .iter()
            .map(|p| p.describe(Lang::En))
            .collect();
        let ours: Vec<String> = session
            .records()
            .iter()
            .flat_map(|r| r.problems.iter().map(|p| p.describe(Lang::En)))
            .collect();
        assert_eq!(ours.len(), check.len());
        for sentence in &check {
            assert!(ours.contains(sentence), "{sentence}");
        }
        assert!(Session::open_geojson("{\"type\": ", Region::HANOI).is_err());
    }

    #[test]
    fn fixing_a_field_clears_its_problem_and_dates_the_change() {
        let mut session = published();
        let key = session.records()[3].key;
        assert!(session.set_field(key, "website", "javascript:alert(1)", TODAY));
        assert_eq!(
            session.record(key).unwrap().problems[0].field.as_deref(),
            Some("website")
        );
        assert!(session.set_field(key, "website", "https://example.org", TODAY));
        assert!(session.record(key).unwrap().problems.is_empty());
        assert_eq!(session.record(key).unwrap().get("updated"), TODAY);
        // Typing into one field is one step.
        assert_eq!(session.step_count(), 1);
        assert_eq!(session.summary().changed.len(), 1);
        session.undo();
        assert_eq!(session.to_geojson(), PUBLISHED);
        session.redo();
        assert_eq!(session.record(key).unwrap().get("website"), "https://example.org");
    }

    #[test]
    fn add_move_close_remove_and_the_summary() {
        let mut session = published();
        let first = session.records()[0].key;
        let second = session.records()[1].key;
        let third = session.records()[2].key;
        let new = session.add_at(21.03, 105.85, TODAY);
        assert!(
            session.record(new).unwrap().error_count() > 0,
            "a new space needs its name"
        );
        assert!(session.move_to(first, 21.0288, 105.8525, TODAY));
        assert_eq!(session.record(first).unwrap().get("lat"), "21.0288");
        assert!(session.close(second, TODAY));
        assert!(session.remove(third));
        let summary = session.summary();
        assert_eq!(summary.added.len(), 1);
        assert_eq!(summary.added[0].1, "new-space-1");
        assert_eq!(summary.changed.len(), 1);
        assert_eq!(summary.closed.len(), 1);
        assert_eq!(summary.removed.len(), 1);
        while session.undo().is_some() {}
        assert!(session.summary().is_empty());
        assert_eq!(session.to_geojson(), PUBLISHED);
    }

    #[test]
    fn a_stored_session_is_replayed_after_a_reload() {
        let print = fingerprint(PUBLISHED);
        let mut session = published();
        let key = session.records()[5].key;
        session.set_field(key, "name.en", "Renamed", TODAY);
        session.add_at(21.0, 105.8, TODAY);
        session.set_field(key, "phone", "+84 24 0000 0000", TODAY);
        session.undo();
        let stored = session.stored("data/spaces.geojson", &print);
        let json = serde_json::to_string(&stored).unwrap();
        let back: StoredSession = serde_json::from_str(&json).unwrap();
        let mut reloaded = published();
        reloaded.restore(&back, &print).expect("same file");
        assert_eq!(reloaded.to_geojson(), session.to_geojson());
        assert!(reloaded.can_redo());
        reloaded.redo();
        assert_eq!(reloaded.record(key).unwrap().get("phone"), "+84 24 0000 0000");
        assert!(published().restore(&back, "another").is_err());
    }

    #[test]
    fn moving_a_space_into_hoan_kiem_lake_warns_like_the_data_check() {
        let outlines =
            crate::core::check::geography::Outlines::from_geojson(include_str!("../../../data/basemap.geojson"))
                .expect("Hanoi's background");
        let mut session = published();
        session.set_outlines(std::sync::Arc::new(outlines));
        assert_eq!(session.records().iter().map(|r| r.problems.len()).sum::<usize>(), 0);
        let key = session.records()[0].key;
        session.move_to(key, 21.0287, 105.8524, TODAY);
        let problems = &session.record(key).unwrap().problems;
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert_eq!(problems[0].severity, Severity::Warning);
        assert!(problems[0].describe(Lang::En).contains("Hồ Hoàn Kiếm"), "{problems:?}");
        session.undo();
        assert!(session.record(key).unwrap().problems.is_empty());
    }

    #[test]
    fn the_csv_is_the_one_import_csv_reads() {
        let session = published();
        let csv = session.to_csv();
        let geojson = csv_to_geojson(&csv, &Region::HANOI, Lang::En).expect("imports");
        assert_eq!(
            parse_str(&geojson, &Region::HANOI).spaces,
            parse_str(PUBLISHED, &Region::HANOI).spaces
        );
        let reopened = Session::open_csv(&csv, Region::HANOI).expect("opens");
        assert_eq!(reopened.records().len(), session.records().len());
        assert_eq!(reopened.error_count(), 0);
    }
}
