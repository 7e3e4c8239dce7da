//! Collects the problems of one feature, tagging each with where it is and what it costs.

use crate::core::check::problem::{Effect, Location, Problem, ProblemKind, Severity};

/// The problems found so far in one feature, and whether it must be skipped.
pub struct FeatureReport<'a> {
    index: usize,
    id: Option<String>,
    problems: &'a mut Vec<Problem>,
    /// Set once any problem makes the feature unshowable.
    pub skipped: bool,
}

impl<'a> FeatureReport<'a> {
    /// A report for `features[index]`.
    pub fn new(index: usize, problems: &'a mut Vec<Problem>) -> Self {
        Self {
            index,
            id: None,
            problems,
            skipped: false,
        }
    }

    /// The feature's position in `features`.
    pub const fn index(&self) -> usize {
        self.index
    }

    /// Names the feature in every later problem.
    pub fn set_id(&mut self, id: &str) {
        self.id = Some(id.to_owned());
    }

    /// A problem that keeps the feature off the map.
    pub fn skip(&mut self, field: Option<&str>, kind: ProblemKind) {
        self.skipped = true;
        self.push(Severity::Error, Effect::FeatureSkipped, field, kind);
    }

    /// A problem that costs only the field.
    pub fn drop_field(&mut self, field: &str, kind: ProblemKind) {
        self.push(Severity::Error, Effect::FieldDropped, Some(field), kind);
    }

    /// An error that costs nothing on the map but must still be fixed.
    pub fn error(&mut self, field: &str, kind: ProblemKind) {
        self.push(Severity::Error, Effect::None, Some(field), kind);
    }

    /// Something worth fixing that is not an error.
    pub fn warn(&mut self, field: &str, kind: ProblemKind) {
        self.push(Severity::Warning, Effect::None, Some(field), kind);
    }

    fn push(&mut self, severity: Severity, effect: Effect, field: Option<&str>, kind: ProblemKind) {
        self.problems.push(Problem {
            severity,
            effect,
            location: Location::Feature {
                index: self.index,
                id: self.id.clone(),
            },
            field: field.map(str::to_owned),
            kind,
        });
    }
}
