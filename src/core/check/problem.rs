//! What can be wrong with a dataset, and the one place that words each problem, in both
//! languages. The data check prints these sentences and the map shows the same ones.

use crate::core::geometry::geo::coordinate;
use crate::core::text::lang::Lang;
use std::fmt::Write as _;

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Must be fixed: the check fails.
    Error,
    /// Worth fixing; the check still passes.
    Warning,
}

/// What the problem costs the map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Nothing can be shown from the file.
    FileUnusable,
    /// The feature is not shown.
    FeatureSkipped,
    /// The feature is shown without this field.
    FieldDropped,
    /// The feature is shown as it is.
    None,
}

/// Where in the file the problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// The file as a whole.
    File,
    /// One feature: its position in `features` (from 0) and its id when it has one.
    Feature {
        /// Position in the `features` array, counted from 0.
        index: usize,
        /// The feature's id, if it could be read.
        id: Option<String>,
    },
}

/// The specific thing that is wrong.
#[derive(Debug, Clone, PartialEq)]
pub enum ProblemKind {
    /// The file is empty.
    EmptyFile,
    /// The bytes are not UTF-8; the text was read with replacement characters.
    NotUtf8 {
        /// Offset of the first bad byte.
        byte: usize,
    },
    /// The file starts with a byte-order mark, which JSON does not allow.
    ByteOrderMark,
    /// The JSON does not parse.
    Syntax {
        /// Line of the error, from 1.
        line: usize,
        /// Column of the error, from 1.
        column: usize,
        /// The parser's own words.
        detail: String,
    },
    /// The top level is not a JSON object.
    RootNotObject {
        /// The JSON type found instead.
        found: &'static str,
    },
    /// The top-level `type` is not `FeatureCollection`.
    NotFeatureCollection,
    /// There is no `features` array.
    FeaturesMissing,
    /// An element of `features` is not an object.
    FeatureNotObject,
    /// An element of `features` that the JSON reader cannot take apart (e.g. nested too deep).
    FeatureUnreadable {
        /// The reader's own words.
        detail: String,
    },
    /// A feature's `type` is not `Feature`.
    NotAFeature,
    /// A feature has no `properties` object.
    PropertiesMissing,
    /// A required field is absent or empty.
    Missing,
    /// A field has the wrong JSON type.
    WrongType {
        /// What the contract expects, in plain words (English; used in both languages).
        expected: Expected,
    },
    /// An id that is not kebab-case.
    IdNotKebab,
    /// A second feature with an id already used.
    DuplicateId {
        /// Index of the feature that used the id first.
        first_index: usize,
    },
    /// The geometry is not a Point.
    GeometryNotPoint {
        /// The geometry type found.
        found: String,
    },
    /// The coordinates are not two numbers.
    CoordinatesInvalid,
    /// Longitude or latitude outside the globe.
    CoordinatesOutOfRange {
        /// The longitude given.
        lon: f64,
        /// The latitude given.
        lat: f64,
    },
    /// The point falls in the region only with longitude and latitude exchanged.
    CoordinatesSwapped {
        /// The first number given.
        first: f64,
        /// The second number given.
        second: f64,
    },
    /// The point lies outside the city's region.
    OutsideRegion {
        /// The longitude given.
        lon: f64,
        /// The latitude given.
        lat: f64,
    },
    /// A code that is not in the contract's list.
    UnknownCode {
        /// The value given.
        value: String,
        /// The nearest valid code.
        suggestion: Option<&'static str>,
    },
    /// None of the disciplines is known.
    NoKnownDiscipline,
    /// A website that is not an http(s) URL.
    NotHttpUrl {
        /// The value given.
        value: String,
    },
    /// An e-mail address that does not look like one.
    BadEmail {
        /// The value given.
        value: String,
    },
    /// A phone number with characters other than digits and separators.
    BadPhone {
        /// The value given.
        value: String,
    },
    /// A date that is not a real YYYY-MM-DD date.
    BadDate {
        /// The value given.
        value: String,
    },
    /// Opening hours that do not parse as OpenStreetMap syntax.
    BadOpeningHours {
        /// The value given.
        value: String,
        /// The part that cannot be read.
        part: String,
    },
    /// Text longer than the map can sensibly show.
    TooLong {
        /// Length found, in characters.
        chars: usize,
        /// The limit.
        max: usize,
    },
    /// The English name is missing.
    EnglishNameMissing,
    /// The position lies in a lake or river of the city's background.
    InWater {
        /// The water's name, when the background gives one.
        water: Option<String>,
    },
    /// The position lies outside the district the record names, by the background's outlines.
    OutsideDistrict {
        /// The district the record names.
        named: String,
        /// The district the position lies in, if any.
        found: Option<String>,
    },
    /// A field the contract does not define.
    UnknownField {
        /// The nearest field the contract defines.
        suggestion: Option<&'static str>,
    },
}

/// A JSON type the contract expects, named for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// A string.
    Text,
    /// An object with `vi` and `en` strings.
    TextPair,
    /// An array of codes.
    CodeList,
    /// An object.
    Object,
}

/// One problem found in a dataset.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    /// Error or warning.
    pub severity: Severity,
    /// What it costs.
    pub effect: Effect,
    /// Where it is.
    pub location: Location,
    /// The field, as a path such as `name.vi` or `disciplines[2]`.
    pub field: Option<String>,
    /// What is wrong.
    pub kind: ProblemKind,
}

impl Problem {
    /// The whole sentence: where, which field, what is wrong and what it costs.
    #[must_use]
    pub fn describe(&self, lang: Lang) -> String {
        let mut out = String::new();
        match (&self.location, lang) {
            (Location::File, Lang::En) => out.push_str("file"),
            (Location::File, Lang::Vi) => out.push_str("tệp"),
            (Location::Feature { index, id }, _) => {
                let _ = write!(out, "features[{index}]");
                if let Some(id) = id {
                    let _ = write!(out, " (id \"{}\")", clip(id));
                }
            }
        }
        if let Some(field) = &self.field {
            let _ = write!(
                out,
                ", {} \"{field}\"",
                if lang == Lang::En { "field" } else { "trường" }
            );
        }
        out.push_str(": ");
        out.push_str(&self.kind.detail(lang));
        if let Some(cost) = self.effect.consequence(lang) {
            out.push(' ');
            out.push_str(cost);
        }
        out
    }

    /// The field and what is wrong with it, without where in the file: for a form that holds
    /// one space.
    #[must_use]
    pub fn describe_field(&self, lang: Lang) -> String {
        match &self.field {
            Some(field) => format!("{field}: {}", self.kind.detail(lang)),
            None => self.kind.detail(lang),
        }
    }
}

impl Effect {
    fn consequence(self, lang: Lang) -> Option<&'static str> {
        Some(match (self, lang) {
            (Self::FileUnusable, Lang::En) => "Nothing in the file can be shown.",
            (Self::FileUnusable, Lang::Vi) => "Không thể hiển thị dữ liệu nào trong tệp.",
            (Self::FeatureSkipped, Lang::En) => "This space is not shown.",
            (Self::FeatureSkipped, Lang::Vi) => "Địa điểm này không được hiển thị.",
            (Self::FieldDropped, Lang::En) => "The space is shown without this field.",
            (Self::FieldDropped, Lang::Vi) => "Địa điểm vẫn hiển thị nhưng bỏ trường này.",
            (Self::None, _) => return None,
        })
    }
}

impl Expected {
    fn words(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Self::Text, Lang::En) => "text",
            (Self::Text, Lang::Vi) => "một chuỗi văn bản",
            (Self::TextPair, Lang::En) => "an object {\"vi\": \"…\", \"en\": \"…\"}",
            (Self::TextPair, Lang::Vi) => "một đối tượng {\"vi\": \"…\", \"en\": \"…\"}",
            (Self::CodeList, Lang::En) => "a list of codes such as [\"music\", \"design\"]",
            (Self::CodeList, Lang::Vi) => "một danh sách mã, ví dụ [\"music\", \"design\"]",
            (Self::Object, Lang::En) => "an object",
            (Self::Object, Lang::Vi) => "một đối tượng",
        }
    }
}

impl ProblemKind {
    /// What is wrong, in plain words.
    #[must_use]
    #[allow(clippy::too_many_lines, reason = "one arm per message, kept together on purpose")]
    pub fn detail(&self, lang: Lang) -> String {
        let en = lang == Lang::En;
        match self {
            Self::EmptyFile => pick(en, "the file is empty.", "tệp trống.").into(),
            Self::NotUtf8 { byte } => {
                if en {
                    format!("the file is not valid UTF-8 text (first bad byte at offset {byte}); save it as UTF-8.")
                } else {
                    format!(
                        "tệp không phải văn bản UTF-8 hợp lệ (byte lỗi đầu tiên ở vị trí {byte}); hãy lưu lại dưới dạng UTF-8."
                    )
                }
            }
            Self::ByteOrderMark => pick(
                en,
                "the file starts with a byte-order mark (BOM); it was ignored, but save the file as UTF-8 without BOM.",
                "tệp bắt đầu bằng ký tự BOM; đã được bỏ qua, nhưng hãy lưu tệp dạng UTF-8 không có BOM.",
            )
            .into(),
            Self::Syntax { line, column, detail } => {
                if en {
                    format!("the JSON is invalid at line {line}, column {column} ({detail}).")
                } else {
                    format!("JSON không hợp lệ ở dòng {line}, cột {column} ({detail}).")
                }
            }
            Self::RootNotObject { found } => {
                if en {
                    format!("the file must be a GeoJSON FeatureCollection object, but it is {found}.")
                } else {
                    format!("tệp phải là một đối tượng GeoJSON FeatureCollection, nhưng lại là {found}.")
                }
            }
            Self::NotFeatureCollection => pick(
                en,
                "\"type\" should be \"FeatureCollection\".",
                "\"type\" phải là \"FeatureCollection\".",
            )
            .into(),
            Self::FeaturesMissing => {
                pick(en, "there is no \"features\" list.", "không có danh sách \"features\".").into()
            }
            Self::FeatureNotObject => pick(
                en,
                "this entry is not a GeoJSON Feature object.",
                "mục này không phải là đối tượng GeoJSON Feature.",
            )
            .into(),
            Self::FeatureUnreadable { detail } => {
                if en {
                    format!("this entry cannot be read ({}).", clip(detail))
                } else {
                    format!("không đọc được mục này ({}).", clip(detail))
                }
            }
            Self::NotAFeature => pick(en, "\"type\" should be \"Feature\".", "\"type\" phải là \"Feature\".").into(),
            Self::PropertiesMissing => pick(
                en,
                "the feature has no \"properties\" object.",
                "đối tượng không có \"properties\".",
            )
            .into(),
            Self::Missing => pick(
                en,
                "this required field is missing or empty.",
                "thiếu trường bắt buộc này hoặc trường để trống.",
            )
            .into(),
            Self::WrongType { expected } => {
                if en {
                    format!("should be {}.", expected.words(lang))
                } else {
                    format!("phải là {}.", expected.words(lang))
                }
            }
            Self::IdNotKebab => pick(
                en,
                "the id must use only lower-case letters a–z, digits and single hyphens, e.g. \"hanoi-opera-house\".",
                "id chỉ được dùng chữ thường a–z không dấu, chữ số và dấu gạch nối đơn, ví dụ \"hanoi-opera-house\".",
            )
            .into(),
            Self::DuplicateId { first_index } => {
                if en {
                    format!("this id is already used by features[{first_index}]; ids must be unique.")
                } else {
                    format!("id này đã được dùng ở features[{first_index}]; mỗi id phải là duy nhất.")
                }
            }
            Self::GeometryNotPoint { found } => {
                if en {
                    format!("the geometry must be a Point, not {}.", clip(found))
                } else {
                    format!("geometry phải là Point, không phải {}.", clip(found))
                }
            }
            Self::CoordinatesInvalid => pick(
                en,
                "coordinates must be two numbers [longitude, latitude].",
                "coordinates phải là hai số [kinh độ, vĩ độ].",
            )
            .into(),
            Self::CoordinatesOutOfRange { lon, lat } => {
                let (lon, lat) = (coordinate(*lon), coordinate(*lat));
                if en {
                    format!("[{lon}, {lat}] is not on Earth: longitude must be −180…180 and latitude −90…90.")
                } else {
                    format!(
                        "[{lon}, {lat}] không nằm trên Trái Đất: kinh độ phải trong −180…180 và vĩ độ trong −90…90."
                    )
                }
            }
            Self::CoordinatesSwapped { first, second } => {
                let (first, second) = (coordinate(*first), coordinate(*second));
                if en {
                    format!(
                        "[{first}, {second}] looks like [latitude, longitude]; GeoJSON wants [longitude, latitude], i.e. [{second}, {first}]."
                    )
                } else {
                    format!(
                        "[{first}, {second}] có vẻ là [vĩ độ, kinh độ]; GeoJSON cần [kinh độ, vĩ độ], tức là [{second}, {first}]."
                    )
                }
            }
            Self::OutsideRegion { lon, lat } => {
                let (lon, lat) = (coordinate(*lon), coordinate(*lat));
                if en {
                    format!("[{lon}, {lat}] lies outside the city's region.")
                } else {
                    format!("[{lon}, {lat}] nằm ngoài khu vực của thành phố.")
                }
            }
            Self::UnknownCode { value, suggestion } => {
                let mut text = if en {
                    format!("\"{}\" is not a known code.", clip(value))
                } else {
                    format!("\"{}\" không phải là mã hợp lệ.", clip(value))
                };
                if let Some(s) = suggestion {
                    let _ = write!(text, " {} \"{s}\"?", pick(en, "Did you mean", "Có phải ý bạn là"));
                }
                text
            }
            Self::NoKnownDiscipline => pick(
                en,
                "no known discipline is given; at least one is required.",
                "không có lĩnh vực hợp lệ nào; cần ít nhất một.",
            )
            .into(),
            Self::NotHttpUrl { value } => {
                if en {
                    format!(
                        "\"{}\" is not a web address starting with http:// or https://.",
                        clip(value)
                    )
                } else {
                    format!(
                        "\"{}\" không phải địa chỉ web bắt đầu bằng http:// hoặc https://.",
                        clip(value)
                    )
                }
            }
            Self::BadEmail { value } => {
                if en {
                    format!("\"{}\" is not an e-mail address.", clip(value))
                } else {
                    format!("\"{}\" không phải địa chỉ e-mail.", clip(value))
                }
            }
            Self::BadPhone { value } => {
                if en {
                    format!(
                        "\"{}\" is not a phone number (digits, spaces, + - . ( ) only).",
                        clip(value)
                    )
                } else {
                    format!(
                        "\"{}\" không phải số điện thoại (chỉ gồm chữ số, khoảng trắng, + - . ( )).",
                        clip(value)
                    )
                }
            }
            Self::BadDate { value } => {
                if en {
                    format!("\"{}\" is not a date written YYYY-MM-DD.", clip(value))
                } else {
                    format!("\"{}\" không phải ngày theo dạng YYYY-MM-DD.", clip(value))
                }
            }
            Self::BadOpeningHours { value, part } => {
                if en {
                    format!(
                        "\"{}\" is not OpenStreetMap opening_hours syntax the map can read (at \"{}\"; e.g. \"Tu-Su 08:00-17:00; PH off\").",
                        clip(value),
                        clip(part)
                    )
                } else {
                    format!(
                        "\"{}\" không đúng cú pháp opening_hours của OpenStreetMap mà bản đồ đọc được (ở \"{}\"; ví dụ \"Tu-Su 08:00-17:00; PH off\").",
                        clip(value),
                        clip(part)
                    )
                }
            }
            Self::TooLong { chars, max } => {
                if en {
                    format!("the text has {chars} characters; at most {max} are allowed.")
                } else {
                    format!("văn bản dài {chars} ký tự; tối đa {max} ký tự.")
                }
            }
            Self::EnglishNameMissing => pick(
                en,
                "there is no English name; visitors reading English will see the Vietnamese one.",
                "chưa có tên tiếng Anh; khách đọc tiếng Anh sẽ thấy tên tiếng Việt.",
            )
            .into(),
            Self::InWater { water } => match (water, en) {
                (Some(water), true) => format!(
                    "the position lies in the water of {} on the city's background; check the coordinates.",
                    clip(water)
                ),
                (Some(water), false) => {
                    format!(
                        "vị trí nằm trong mặt nước {} trên nền bản đồ của thành phố; hãy kiểm tra tọa độ.",
                        clip(water)
                    )
                }
                (None, _) => pick(
                    en,
                    "the position lies in water on the city's background; check the coordinates.",
                    "vị trí nằm trong mặt nước trên nền bản đồ của thành phố; hãy kiểm tra tọa độ.",
                )
                .into(),
            },
            Self::OutsideDistrict { named, found } => {
                let (named, found) = (clip(named), found.as_deref().map(clip));
                match (found, en) {
                    (Some(found), true) => {
                        format!("the position lies in {found}, not in {named}; check the coordinates or the district.")
                    }
                    (Some(found), false) => {
                        format!("vị trí nằm ở {found}, không phải {named}; hãy kiểm tra tọa độ hoặc quận.")
                    }
                    (None, true) => {
                        format!("the position lies outside {named}; check the coordinates or the district.")
                    }
                    (None, false) => format!("vị trí nằm ngoài {named}; hãy kiểm tra tọa độ hoặc quận."),
                }
            }
            Self::UnknownField { suggestion } => {
                let mut text = pick(
                    en,
                    "this field is not part of the data contract and is ignored.",
                    "trường này không thuộc quy ước dữ liệu và bị bỏ qua.",
                )
                .to_owned();
                if let Some(s) = suggestion {
                    let _ = write!(text, " {} \"{s}\"?", pick(en, "Did you mean", "Có phải ý bạn là"));
                }
                text
            }
        }
    }
}

const fn pick(en: bool, english: &'static str, vietnamese: &'static str) -> &'static str {
    if en { english } else { vietnamese }
}

/// Long values are cut in messages so a 100 KB name cannot flood the report.
fn clip(value: &str) -> String {
    const MAX: usize = 60;
    if value.chars().count() <= MAX {
        value.to_owned()
    } else {
        let head: String = value.chars().take(MAX).collect();
        format!("{head}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describe_names_feature_id_and_field() {
        let problem = Problem {
            severity: Severity::Error,
            effect: Effect::FieldDropped,
            location: Location::Feature {
                index: 12,
                id: Some("hanoi-museum".into()),
            },
            field: Some("website".into()),
            kind: ProblemKind::NotHttpUrl {
                value: "javascript:alert(1)".into(),
            },
        };
        let text = problem.describe(Lang::En);
        assert!(
            text.starts_with("features[12] (id \"hanoi-museum\"), field \"website\":"),
            "{text}"
        );
        assert!(text.contains("javascript:alert(1)"));
        assert!(text.ends_with("The space is shown without this field."));
        assert!(problem.describe(Lang::Vi).contains("trường \"website\""));
    }

    #[test]
    fn long_values_are_clipped() {
        let kind = ProblemKind::BadEmail {
            value: "x".repeat(10_000),
        };
        assert!(kind.detail(Lang::En).chars().count() < 200);
    }

    #[test]
    fn suggestion_is_offered() {
        let kind = ProblemKind::UnknownCode {
            value: "musuem".into(),
            suggestion: Some("museum"),
        };
        assert!(kind.detail(Lang::En).contains("Did you mean \"museum\"?"));
    }
}
