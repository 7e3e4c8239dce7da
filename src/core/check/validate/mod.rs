//! The one parser and validator of the dataset, used by the map at run time and by the
//! `check-data` command: what the check accepts, the map shows.

mod feature;
pub mod fields;
mod incoming;
mod report;

pub use feature::KNOWN_PROPERTIES;
pub use incoming::IncomingText;

use crate::core::check::problem::{Effect, Location, Problem, ProblemKind, Severity};
use crate::core::model::region::Region;
use crate::core::model::space::Space;
use feature::{Context, validate_feature};
use report::FeatureReport;
use rustc_hash::FxHashMap;
use serde::Deserialize;
use serde_json::Value;
use serde_json::value::RawValue;

/// The spaces a file yields and everything wrong with it.
#[derive(Debug, Clone, Default)]
pub struct Dataset {
    /// Every valid space, in file order.
    pub spaces: Vec<Space>,
    /// Every problem, in file order.
    pub problems: Vec<Problem>,
    /// How many entries the file's `features` list has.
    pub feature_count: usize,
}

impl Dataset {
    /// Whether nothing in the file could be used (not JSON, wrong root, …).
    #[must_use]
    pub fn is_unusable(&self) -> bool {
        self.problems.iter().any(|p| p.effect == Effect::FileUnusable)
    }

    /// How many features are not shown.
    #[must_use]
    pub fn skipped_count(&self) -> usize {
        self.skipped_indices().len()
    }

    /// Each space with the index of the feature it was read from: the features before it that
    /// were skipped are counted, so the index is the one an editor finds in the file.
    pub fn spaces_with_index(&self) -> impl Iterator<Item = (usize, &Space)> {
        let skipped = self.skipped_indices();
        (0..self.feature_count)
            .filter(move |index| !skipped.contains(index))
            .zip(&self.spaces)
    }

    /// The indices of the features that are not shown.
    fn skipped_indices(&self) -> rustc_hash::FxHashSet<usize> {
        self.problems
            .iter()
            .filter(|p| p.effect == Effect::FeatureSkipped)
            .filter_map(|p| match p.location {
                Location::Feature { index, .. } => Some(index),
                Location::File => None,
            })
            .collect()
    }

    /// The problems that make the check fail.
    pub fn errors(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|p| p.severity == Severity::Error)
    }

    /// The problems worth fixing that do not fail the check.
    pub fn warnings(&self) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(|p| p.severity == Severity::Warning)
    }
}

/// Parses and validates a dataset given as raw bytes, as read from disk or the network.
#[must_use]
pub fn parse_bytes(bytes: &[u8], region: &Region) -> Dataset {
    match std::str::from_utf8(bytes) {
        Ok(text) => parse_str(text, region),
        Err(error) => {
            // Lose as little as possible: read what can be read, and say the file needs fixing.
            let text = String::from_utf8_lossy(bytes);
            let mut dataset = parse_str(&text, region);
            dataset.problems.insert(
                0,
                file_problem(
                    Effect::None,
                    ProblemKind::NotUtf8 {
                        byte: error.valid_up_to(),
                    },
                ),
            );
            dataset
        }
    }
}

/// Parses and validates a dataset given as text.
#[must_use]
pub fn parse_str(text: &str, region: &Region) -> Dataset {
    let mut validation = Validation::new(text, region);
    while !validation.step(usize::MAX) {}
    validation.finish()
}

/// A dataset validated a part at a time, so that the map can give the browser back between the
/// parts of a large file: the result is [`parse_str`]'s, problems and all.
pub struct Validation<'a> {
    /// Each feature's text, unparsed.
    features: Vec<&'a RawValue>,
    /// The next feature to validate.
    next: usize,
    context: Context<'a>,
    spaces: Vec<Space>,
    problems: Vec<Problem>,
}

impl<'a> Validation<'a> {
    /// Reads the top level of `text` (its features are validated by [`Validation::step`]).
    #[must_use]
    pub fn new(text: &'a str, region: &'a Region) -> Self {
        let mut problems = Vec::new();
        let features = read_features(text, &mut problems);
        let context = Context {
            region,
            seen_ids: FxHashMap::with_capacity_and_hasher(features.len(), rustc_hash::FxBuildHasher),
        };
        Self {
            spaces: Vec::with_capacity(features.len()),
            features,
            next: 0,
            context,
            problems,
        }
    }

    /// How many entries the file's `features` list has.
    #[must_use]
    pub fn feature_count(&self) -> usize {
        self.features.len()
    }

    /// Validates the next `count` features; whether every feature is validated.
    pub fn step(&mut self, count: usize) -> bool {
        let end = self.next.saturating_add(count).min(self.features.len());
        for (index, raw) in self.features.iter().enumerate().take(end).skip(self.next) {
            let mut report = FeatureReport::new(index, &mut self.problems);
            // Each feature is parsed on its own, so one bad feature never costs the others and a
            // huge file is never held as one tree.
            match serde_json::from_str::<Value>(raw.get()) {
                Ok(value) => self
                    .spaces
                    .extend(validate_feature(&value, &mut report, &mut self.context)),
                Err(error) => report.skip(
                    None,
                    ProblemKind::FeatureUnreadable {
                        detail: error.to_string(),
                    },
                ),
            }
        }
        self.next = end;
        end == self.features.len()
    }

    /// The validated dataset; features not yet validated by [`Validation::step`] are left out.
    #[must_use]
    pub fn finish(self) -> Dataset {
        Dataset {
            spaces: self.spaces,
            problems: self.problems,
            feature_count: self.features.len(),
        }
    }
}

/// The features of `text`, unparsed; what is wrong with the file as a whole goes to `problems`.
fn read_features<'a>(text: &'a str, problems: &mut Vec<Problem>) -> Vec<&'a RawValue> {
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => {
            problems.push(file_problem(Effect::None, ProblemKind::ByteOrderMark).into_warning());
            rest
        }
        None => text,
    };
    if text.trim().is_empty() {
        problems.push(file_problem(Effect::FileUnusable, ProblemKind::EmptyFile));
        return Vec::new();
    }
    let root = match read_root(text) {
        Ok(root) => root,
        Err(problem) => {
            problems.push(problem);
            return Vec::new();
        }
    };
    if root.kind.as_ref().and_then(Value::as_str) != Some("FeatureCollection") {
        problems.push(file_problem(Effect::None, ProblemKind::NotFeatureCollection));
    }
    root.features.unwrap_or_else(|| {
        problems.push(file_problem(Effect::FileUnusable, ProblemKind::FeaturesMissing));
        Vec::new()
    })
}

/// Checks one feature on its own, as `features[index]` of a file: the space it describes and
/// every problem [`parse_str`] reports for it, except an id used twice, which needs the other
/// features (the editors' workbench checks the one feature being edited).
#[must_use]
pub fn check_feature(feature: &Value, index: usize, region: &Region) -> (Option<Space>, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut context = Context {
        region,
        seen_ids: FxHashMap::default(),
    };
    let mut report = FeatureReport::new(index, &mut problems);
    let space = validate_feature(feature, &mut report, &mut context);
    (space, problems)
}

/// The top level of the file, with each feature left unparsed.
#[derive(Deserialize)]
struct Root<'a> {
    #[serde(rename = "type")]
    kind: Option<Value>,
    #[serde(borrow)]
    features: Option<Vec<&'a RawValue>>,
}

fn read_root(text: &str) -> Result<Root<'_>, Problem> {
    match serde_json::from_str::<Root<'_>>(text) {
        Ok(root) => Ok(root),
        Err(error) if error.is_syntax() || error.is_eof() => Err(syntax_problem(&error)),
        Err(error) => Err(match serde_json::from_str::<Value>(text) {
            Ok(Value::Object(_)) => file_problem(Effect::FileUnusable, ProblemKind::FeaturesMissing),
            Ok(other) => file_problem(
                Effect::FileUnusable,
                ProblemKind::RootNotObject {
                    found: json_type(&other),
                },
            ),
            Err(_) => syntax_problem(&error),
        }),
    }
}

fn syntax_problem(error: &serde_json::Error) -> Problem {
    // serde_json appends " at line L column C" to its message; the numbers have fields of their own.
    let message = error.to_string();
    let detail = message.split(" at line ").next().unwrap_or(&message).to_owned();
    file_problem(
        Effect::FileUnusable,
        ProblemKind::Syntax {
            line: error.line(),
            column: error.column(),
            detail,
        },
    )
}

const fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

fn file_problem(effect: Effect, kind: ProblemKind) -> Problem {
    let severity = Severity::Error;
    Problem {
        severity,
        effect,
        location: Location::File,
        field: None,
        kind,
    }
}

impl Problem {
    fn into_warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }
}
