//! Validates one `GeoJSON` feature into a [`Space`], losing as little as possible: a feature is
//! skipped only when it cannot be placed or named; a bad optional field costs only itself.

use super::fields::{self, limits};
use super::report::FeatureReport;
use crate::core::check::problem::{Expected, ProblemKind};
use crate::core::check::suggest;
use crate::core::model::code_set::{CodeSet, Coded};
use crate::core::model::region::Region;
use crate::core::model::space::{LatLon, Localized, Space};
use crate::core::model::taxonomy::{Discipline, LocationConfidence, Membership, Operator, SpaceType, Status};
use rustc_hash::FxHashMap;
use serde_json::{Map, Value};

/// The property names the data contract defines.
pub const KNOWN_PROPERTIES: &[&str] = &[
    "id",
    "name",
    "disciplines",
    "space_type",
    "operator",
    "address",
    "district",
    "website",
    "phone",
    "email",
    "opening_hours",
    "description",
    "status",
    "membership",
    "location_confidence",
    "source",
    "updated",
];

/// What a feature is checked against and the ids seen so far.
pub struct Context<'a> {
    /// Where points must lie.
    pub region: &'a Region,
    /// Each id seen, with the index of the feature that used it first.
    pub seen_ids: FxHashMap<String, usize>,
}

/// Checks `feature` and returns the space it describes, unless it must be skipped.
pub fn validate_feature(feature: &Value, report: &mut FeatureReport<'_>, context: &mut Context<'_>) -> Option<Space> {
    let Some(feature) = feature.as_object() else {
        report.skip(None, ProblemKind::FeatureNotObject);
        return None;
    };
    if feature.get("type").and_then(Value::as_str) != Some("Feature") {
        report.error("type", ProblemKind::NotAFeature);
    }
    let Some(properties) = feature.get("properties").and_then(Value::as_object) else {
        report.skip(Some("properties"), ProblemKind::PropertiesMissing);
        return None;
    };

    let id = read_id(properties, report, context);
    let position = read_position(feature.get("geometry"), report, context.region);
    let name = read_name(properties, report);
    let space_type = read_space_type(properties, report);
    let disciplines = read_disciplines(properties, report);
    warn_unknown_properties(properties, report);

    let mut fields = Fields { properties, report };
    let operator = fields.code::<Operator>("operator", true);
    let address = fields.text("address", limits::ADDRESS, true);
    let district = fields.text("district", limits::ADDRESS, false);
    let website = fields.checked("website", fields::is_http_url, |value| ProblemKind::NotHttpUrl {
        value,
    });
    let phone = fields.checked("phone", fields::is_phone, |value| ProblemKind::BadPhone { value });
    let email = fields.checked("email", fields::is_email, |value| ProblemKind::BadEmail { value });
    let opening_hours = fields.opening_hours();
    let description = fields.pair("description", limits::DESCRIPTION);
    let status = fields.code::<Status>("status", false);
    let membership = fields.code::<Membership>("membership", false);
    let location_confidence = fields.code::<LocationConfidence>("location_confidence", false);
    let source = fields.text("source", limits::SHORT, false);
    let updated = fields.checked("updated", fields::is_date, |value| ProblemKind::BadDate { value });

    if report.skipped {
        return None;
    }
    Some(Space {
        id: id?,
        name: name?,
        position: position?,
        disciplines: disciplines?,
        space_type: space_type?,
        operator,
        address,
        district,
        website,
        phone,
        email,
        opening_hours,
        description,
        // A status that is present but unreadable is not evidence that the space is open.
        status: match properties.get("status") {
            None | Some(Value::Null) => Status::Open,
            Some(_) => status.unwrap_or(Status::Unknown),
        },
        membership,
        location_confidence,
        source,
        updated,
    })
}

fn read_id(
    properties: &Map<String, Value>,
    report: &mut FeatureReport<'_>,
    context: &mut Context<'_>,
) -> Option<String> {
    let id = match properties.get("id") {
        Some(Value::String(id)) if !id.trim().is_empty() => id.clone(),
        Some(Value::String(_) | Value::Null) | None => {
            report.skip(Some("id"), ProblemKind::Missing);
            return None;
        }
        Some(_) => {
            report.skip(
                Some("id"),
                ProblemKind::WrongType {
                    expected: Expected::Text,
                },
            );
            return None;
        }
    };
    report.set_id(&id);
    if !fields::is_kebab_case(&id) {
        report.skip(Some("id"), ProblemKind::IdNotKebab);
        return None;
    }
    if let Some(first_index) = context.seen_ids.get(&id) {
        report.skip(
            Some("id"),
            ProblemKind::DuplicateId {
                first_index: *first_index,
            },
        );
        return None;
    }
    context.seen_ids.insert(id.clone(), report.index());
    Some(id)
}

fn read_position(geometry: Option<&Value>, report: &mut FeatureReport<'_>, region: &Region) -> Option<LatLon> {
    let Some(geometry) = geometry.and_then(Value::as_object) else {
        report.skip(Some("geometry"), ProblemKind::Missing);
        return None;
    };
    let kind = geometry.get("type").and_then(Value::as_str).unwrap_or_default();
    if kind != "Point" {
        let found = if kind.is_empty() {
            "(none)".to_owned()
        } else {
            kind.to_owned()
        };
        report.skip(Some("geometry.type"), ProblemKind::GeometryNotPoint { found });
        return None;
    }
    let numbers: Option<Vec<f64>> = geometry
        .get("coordinates")
        .and_then(Value::as_array)
        .map(|values| values.iter().map(Value::as_f64).collect::<Option<Vec<f64>>>())
        .unwrap_or_default();
    let Some([lon, lat]) = numbers.as_deref().and_then(|n| n.get(..2)).map(|n| [n[0], n[1]]) else {
        report.skip(Some("geometry.coordinates"), ProblemKind::CoordinatesInvalid);
        return None;
    };
    let field = Some("geometry.coordinates");
    let point = LatLon { lat, lon };
    let swapped = LatLon { lat: lon, lon: lat };
    if region.contains(point) {
        return Some(point);
    }
    // Swapped coordinates are the commonest slip; say so before anything else.
    if region.contains(swapped) {
        report.skip(
            field,
            ProblemKind::CoordinatesSwapped {
                first: lon,
                second: lat,
            },
        );
    } else if !lon.is_finite() || !lat.is_finite() || lon.abs() > 180.0 || lat.abs() > 90.0 {
        report.skip(field, ProblemKind::CoordinatesOutOfRange { lon, lat });
    } else {
        report.skip(field, ProblemKind::OutsideRegion { lon, lat });
    }
    None
}

fn read_name(properties: &Map<String, Value>, report: &mut FeatureReport<'_>) -> Option<Localized> {
    let name = match properties.get("name") {
        Some(Value::Object(name)) => name,
        None | Some(Value::Null) => {
            report.skip(Some("name.vi"), ProblemKind::Missing);
            return None;
        }
        Some(_) => {
            report.skip(
                Some("name"),
                ProblemKind::WrongType {
                    expected: Expected::TextPair,
                },
            );
            return None;
        }
    };
    let mut text = |lang: &str, required: bool| -> Option<String> {
        let field = format!("name.{lang}");
        match name.get(lang) {
            Some(Value::String(s)) if !s.trim().is_empty() => {
                let chars = s.chars().count();
                if chars > limits::NAME {
                    report.skip(
                        Some(&field),
                        ProblemKind::TooLong {
                            chars,
                            max: limits::NAME,
                        },
                    );
                    return None;
                }
                Some(s.trim().to_owned())
            }
            Some(Value::String(_) | Value::Null) | None if required => {
                report.skip(Some(&field), ProblemKind::Missing);
                None
            }
            Some(Value::String(_) | Value::Null) | None => {
                report.warn(&field, ProblemKind::EnglishNameMissing);
                None
            }
            Some(_) if required => {
                report.skip(
                    Some(&field),
                    ProblemKind::WrongType {
                        expected: Expected::Text,
                    },
                );
                None
            }
            Some(_) => {
                report.drop_field(
                    &field,
                    ProblemKind::WrongType {
                        expected: Expected::Text,
                    },
                );
                None
            }
        }
    };
    let vi = text("vi", true);
    let en = text("en", false);
    vi.is_some().then_some(Localized { vi, en })
}

fn read_space_type(properties: &Map<String, Value>, report: &mut FeatureReport<'_>) -> Option<SpaceType> {
    match properties.get("space_type") {
        Some(Value::String(code)) if !code.is_empty() => {
            let found = SpaceType::from_code(code);
            if found.is_none() {
                let suggestion = suggest::nearest(code, SpaceType::codes());
                report.skip(
                    Some("space_type"),
                    ProblemKind::UnknownCode {
                        value: code.clone(),
                        suggestion,
                    },
                );
            }
            found
        }
        Some(Value::String(_) | Value::Null) | None => {
            report.skip(Some("space_type"), ProblemKind::Missing);
            None
        }
        Some(_) => {
            report.skip(
                Some("space_type"),
                ProblemKind::WrongType {
                    expected: Expected::Text,
                },
            );
            None
        }
    }
}

fn read_disciplines(properties: &Map<String, Value>, report: &mut FeatureReport<'_>) -> Option<CodeSet<Discipline>> {
    let list = match properties.get("disciplines") {
        Some(Value::Array(list)) if !list.is_empty() => list,
        Some(Value::Array(_) | Value::Null) | None => {
            report.skip(Some("disciplines"), ProblemKind::Missing);
            return None;
        }
        Some(_) => {
            report.skip(
                Some("disciplines"),
                ProblemKind::WrongType {
                    expected: Expected::CodeList,
                },
            );
            return None;
        }
    };
    let mut set = CodeSet::new();
    for (i, item) in list.iter().enumerate() {
        let field = format!("disciplines[{i}]");
        match item.as_str().map(|code| (code, Discipline::from_code(code))) {
            Some((_, Some(discipline))) => set.insert(discipline),
            Some((code, None)) => {
                let suggestion = suggest::nearest(code, Discipline::codes());
                report.drop_field(
                    &field,
                    ProblemKind::UnknownCode {
                        value: code.to_owned(),
                        suggestion,
                    },
                );
            }
            None => report.drop_field(
                &field,
                ProblemKind::WrongType {
                    expected: Expected::Text,
                },
            ),
        }
    }
    if set.is_empty() {
        report.skip(Some("disciplines"), ProblemKind::NoKnownDiscipline);
        return None;
    }
    Some(set)
}

fn warn_unknown_properties(properties: &Map<String, Value>, report: &mut FeatureReport<'_>) {
    for key in properties.keys().filter(|k| !KNOWN_PROPERTIES.contains(&k.as_str())) {
        let suggestion = suggest::nearest(key, KNOWN_PROPERTIES.iter().copied());
        report.warn(key, ProblemKind::UnknownField { suggestion });
    }
}

/// Reads the optional fields, each of which costs only itself when wrong.
struct Fields<'p, 'r, 'a> {
    properties: &'p Map<String, Value>,
    report: &'r mut FeatureReport<'a>,
}

impl Fields<'_, '_, '_> {
    /// A trimmed, non-empty string no longer than `max`.
    fn text(&mut self, field: &str, max: usize, required: bool) -> Option<String> {
        read_text(self.properties.get(field), field, max, required, self.report)
    }

    /// Opening hours the map can evaluate; the problem names the part it cannot read.
    fn opening_hours(&mut self) -> Option<String> {
        let field = "opening_hours";
        let value = self.text(field, limits::SHORT, false)?;
        match crate::core::model::hours::parse(&value) {
            Ok(_) => Some(value),
            Err(error) => {
                self.report.drop_field(
                    field,
                    ProblemKind::BadOpeningHours {
                        value,
                        part: error.part,
                    },
                );
                None
            }
        }
    }

    /// A string that must pass `check`; otherwise the field is dropped with `problem`.
    fn checked(&mut self, field: &str, check: fn(&str) -> bool, problem: fn(String) -> ProblemKind) -> Option<String> {
        let value = self.text(field, limits::SHORT, false)?;
        if check(&value) {
            Some(value)
        } else {
            self.report.drop_field(field, problem(value));
            None
        }
    }

    /// A code of vocabulary `T`.
    fn code<T: Coded>(&mut self, field: &str, required: bool) -> Option<T> {
        let code = self.text(field, limits::SHORT, required)?;
        let found = T::from_code(&code);
        if found.is_none() {
            let suggestion = suggest::nearest(&code, T::codes());
            self.report.drop_field(
                field,
                ProblemKind::UnknownCode {
                    value: code,
                    suggestion,
                },
            );
        }
        found
    }

    /// An object of `vi`/`en` texts, each checked on its own.
    fn pair(&mut self, field: &str, max: usize) -> Localized {
        let pair = match self.properties.get(field) {
            Some(Value::Object(pair)) => pair,
            None | Some(Value::Null) => return Localized::default(),
            Some(_) => {
                self.report.drop_field(
                    field,
                    ProblemKind::WrongType {
                        expected: Expected::TextPair,
                    },
                );
                return Localized::default();
            }
        };
        let mut one = |lang: &str| read_text(pair.get(lang), &format!("{field}.{lang}"), max, false, self.report);
        let (vi, en) = (one("vi"), one("en"));
        Localized { vi, en }
    }
}

/// A trimmed, non-empty string no longer than `max` from `value`, reporting under `field`.
fn read_text(
    value: Option<&Value>,
    field: &str,
    max: usize,
    required: bool,
    report: &mut FeatureReport<'_>,
) -> Option<String> {
    match value {
        Some(Value::String(s)) if !s.trim().is_empty() => {
            let chars = s.chars().count();
            if chars > max {
                report.drop_field(field, ProblemKind::TooLong { chars, max });
                return None;
            }
            Some(s.trim().to_owned())
        }
        Some(Value::String(_) | Value::Null) | None => {
            if required {
                report.error(field, ProblemKind::Missing);
            }
            None
        }
        Some(_) => {
            report.drop_field(
                field,
                ProblemKind::WrongType {
                    expected: Expected::Text,
                },
            );
            None
        }
    }
}
