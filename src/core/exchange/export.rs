//! The spaces written out: the `GeoJSON` the map reads and the editors' CSV, for the editors'
//! tools and for visitors who download what they see, with the data's licence in the file.

use crate::core::geometry::geo::coordinate;
use crate::core::model::code_set::Coded;
use crate::core::model::space::{Localized, Space};
use crate::core::query::filters::Filters;
use crate::core::query::fold::fold;

/// The CSV columns, in order: the contract's fields, lists separated by `;`.
pub const COLUMNS: [&str; 21] = [
    "id",
    "name_vi",
    "name_en",
    "lon",
    "lat",
    "disciplines",
    "space_type",
    "operator",
    "address",
    "district",
    "website",
    "phone",
    "email",
    "opening_hours",
    "description_vi",
    "description_en",
    "status",
    "membership",
    "location_confidence",
    "source",
    "updated",
];

/// The terms the data is published under, written into every downloaded file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataLicence {
    /// The licence's short name, e.g. `CC BY 4.0`.
    pub name: String,
    /// Where the licence's text is.
    pub url: String,
    /// Whom to credit.
    pub attribution: String,
}

impl DataLicence {
    /// One line a person can read: what the data is, under which licence, whom to credit.
    #[must_use]
    pub fn notice(&self) -> String {
        format!(
            "Licence: {} ({}). Attribution: {}.",
            self.name, self.url, self.attribution
        )
    }
}

/// The spaces as CSV text: the licence as a `#` comment line when given (the import skips
/// it), then a header row and one row per space.
#[must_use]
pub fn spaces_to_csv<'a>(spaces: impl IntoIterator<Item = &'a Space>, licence: Option<&DataLicence>) -> String {
    let mut out = String::new();
    if let Some(licence) = licence {
        out.push_str("# ");
        out.push_str(&licence.notice().replace(['\r', '\n'], " "));
        out.push('\n');
    }
    write_row(&mut out, COLUMNS.iter().copied());
    for space in spaces {
        let opt = |value: &Option<String>| value.clone().unwrap_or_default();
        let code = |value: Option<&'static str>| value.unwrap_or_default().to_owned();
        let disciplines: Vec<&str> = space.disciplines.iter().map(Coded::code).collect();
        let row = [
            space.id.clone(),
            opt(&space.name.vi),
            opt(&space.name.en),
            coordinate(space.position.lon),
            coordinate(space.position.lat),
            disciplines.join(";"),
            space.space_type.code().to_owned(),
            code(space.operator.map(Coded::code)),
            opt(&space.address),
            opt(&space.district),
            opt(&space.website),
            opt(&space.phone),
            opt(&space.email),
            opt(&space.opening_hours),
            opt(&space.description.vi),
            opt(&space.description.en),
            space.status.code().to_owned(),
            code(space.membership.map(Coded::code)),
            code(space.location_confidence.map(Coded::code)),
            opt(&space.source),
            opt(&space.updated),
        ];
        write_row(&mut out, row.iter().map(String::as_str));
    }
    out
}

/// The characters a spreadsheet reads, at the start of a cell, as the start of a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// `cell` made safe to open in a spreadsheet: a cell that a spreadsheet would run as a formula
/// (it starts with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading `'`, which
/// spreadsheets read as "this is text". A cell that starts with `'` gets one too, so that
/// [`unescape_formula`] restores every cell exactly. Plain numbers (`-12.5`) are left as they are.
#[must_use]
pub fn escape_formula(cell: &str) -> std::borrow::Cow<'_, str> {
    let risky = cell.starts_with(FORMULA_STARTS) || cell.starts_with('\'');
    if risky && !is_plain_number(cell) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// The cell [`escape_formula`] was given.
#[must_use]
pub fn unescape_formula(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) || rest.starts_with('\'') => rest,
        _ => cell,
    }
}

/// Whether `cell` is only a decimal number (`-105.85`, `+1e3`), which no spreadsheet runs as a
/// formula. Read by hand: the standard float parser would cost the visitors' bundle 15 KB gzip.
fn is_plain_number(cell: &str) -> bool {
    let digits = |text: &str| text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let rest = cell.strip_prefix(['+', '-']).unwrap_or(cell);
    let whole = digits(rest);
    let rest = &rest[whole..];
    let (fraction, rest) = match rest.strip_prefix('.') {
        Some(after) => (digits(after), &after[digits(after)..]),
        None => (0, rest),
    };
    if whole + fraction == 0 {
        return false;
    }
    match rest.strip_prefix(['e', 'E']) {
        None => rest.is_empty(),
        Some(exponent) => {
            let exponent = exponent.strip_prefix(['+', '-']).unwrap_or(exponent);
            digits(exponent) > 0 && digits(exponent) == exponent.len()
        }
    }
}

/// One CSV record (RFC 4180): every cell escaped against formulas ([`escape_formula`]), then
/// quoted when it holds a separator, a quote, a line break or space at either end, its quotes
/// doubled. The csv crate reads it back.
pub(crate) fn write_row<'a>(out: &mut String, cells: impl Iterator<Item = &'a str>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        let cell = escape_formula(cell);
        let cell = cell.as_ref();
        let needs_quotes = cell.contains([',', '"', '\r', '\n'])
            || cell.starts_with(char::is_whitespace)
            || cell.ends_with(char::is_whitespace);
        if needs_quotes {
            out.push('"');
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(cell);
        }
    }
    out.push('\n');
}

/// A JSON value to write: the few shapes a dataset needs. Written by hand rather than with
/// serde's serializer, which cost the browser bundle 5 KB gzip for this one use.
pub(crate) enum Json<'a> {
    /// A string.
    Str(&'a str),
    /// A number.
    Num(f64),
    /// A list.
    Arr(Vec<Json<'a>>),
    /// An object, members in order.
    Obj(Vec<(&'static str, Json<'a>)>),
}

impl Json<'_> {
    /// Writes the value as `serde_json::to_string_pretty` would: two-space indent, one member
    /// or element a line, `[]` and `{}` when empty.
    pub(crate) fn write(&self, out: &mut String, depth: usize) {
        let indent = |out: &mut String, depth: usize| out.extend(std::iter::repeat_n("  ", depth));
        match self {
            Self::Str(text) => write_json_string(out, text),
            Self::Num(number) => out.push_str(&coordinate(*number)),
            Self::Arr(items) if items.is_empty() => out.push_str("[]"),
            Self::Obj(members) if members.is_empty() => out.push_str("{}"),
            Self::Arr(items) => {
                out.push_str("[\n");
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(",\n");
                    }
                    indent(out, depth + 1);
                    item.write(out, depth + 1);
                }
                out.push('\n');
                indent(out, depth);
                out.push(']');
            }
            Self::Obj(members) => {
                out.push_str("{\n");
                for (i, (key, value)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push_str(",\n");
                    }
                    indent(out, depth + 1);
                    write_json_string(out, key);
                    out.push_str(": ");
                    value.write(out, depth + 1);
                }
                out.push('\n');
                indent(out, depth);
                out.push('}');
            }
        }
    }
}

/// `text` as a JSON string: quotes, backslashes and control characters escaped.
pub fn write_json_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c < ' ' => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(char::from(HEX[(c as usize) >> 4]));
                out.push(char::from(HEX[(c as usize) & 15]));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// The texts of a [`Localized`] pair that are given.
fn pair(text: &Localized) -> Json<'_> {
    let mut members = Vec::new();
    if let Some(vi) = &text.vi {
        members.push(("vi", Json::Str(vi)));
    }
    if let Some(en) = &text.en {
        members.push(("en", Json::Str(en)));
    }
    Json::Obj(members)
}

/// The optional text fields that are given, as JSON members in the same order.
fn present<'a, const N: usize>(
    fields: [(&'static str, Option<&'a str>); N],
) -> impl Iterator<Item = (&'static str, Json<'a>)> {
    fields
        .into_iter()
        .filter_map(|(key, value)| Some((key, Json::Str(value?))))
}

/// A space as a `GeoJSON` feature, its properties in the contract's order and absent optional
/// fields left out.
fn feature(space: &Space) -> Json<'_> {
    let mut properties = vec![("id", Json::Str(&space.id))];
    properties.push(("name", pair(&space.name)));
    properties.push((
        "disciplines",
        Json::Arr(space.disciplines.iter().map(|d| Json::Str(d.code())).collect()),
    ));
    properties.push(("space_type", Json::Str(space.space_type.code())));
    properties.extend(present([
        ("operator", space.operator.map(Coded::code)),
        ("address", space.address.as_deref()),
        ("district", space.district.as_deref()),
        ("website", space.website.as_deref()),
        ("phone", space.phone.as_deref()),
        ("email", space.email.as_deref()),
        ("opening_hours", space.opening_hours.as_deref()),
    ]));
    if !space.description.is_empty() {
        properties.push(("description", pair(&space.description)));
    }
    properties.push(("status", Json::Str(space.status.code())));
    properties.extend(present([
        ("membership", space.membership.map(Coded::code)),
        ("location_confidence", space.location_confidence.map(Coded::code)),
        ("source", space.source.as_deref()),
        ("updated", space.updated.as_deref()),
    ]));
    Json::Obj(vec![
        ("type", Json::Str("Feature")),
        (
            "geometry",
            Json::Obj(vec![
                ("type", Json::Str("Point")),
                (
                    "coordinates",
                    Json::Arr(vec![Json::Num(space.position.lon), Json::Num(space.position.lat)]),
                ),
            ]),
        ),
        ("properties", Json::Obj(properties)),
    ])
}

/// The spaces as a pretty-printed `GeoJSON` `FeatureCollection` with the contract's key order,
/// and the licence as members of the collection when given (RFC 7946 allows such members).
#[must_use]
pub fn spaces_to_geojson<'a>(spaces: impl IntoIterator<Item = &'a Space>, licence: Option<&DataLicence>) -> String {
    let mut members = vec![("type", Json::Str("FeatureCollection"))];
    if let Some(licence) = licence {
        members.push(("license", Json::Str(&licence.name)));
        members.push(("license_url", Json::Str(&licence.url)));
        members.push(("attribution", Json::Str(&licence.attribution)));
    }
    members.push(("features", Json::Arr(spaces.into_iter().map(feature).collect())));
    let mut text = String::new();
    Json::Obj(members).write(&mut text, 0);
    text.push('\n');
    text
}

/// The name of a downloaded file: `base`, then what the filters and the search chose, so two
/// downloads of different views never share a name. Only `a-z`, `0-9`, `-` and `_`.
#[must_use]
pub fn file_name(base: &str, filters: &Filters, query: &str, extension: &str) -> String {
    let mut name = slug(base, 60);
    let mut part = |label: &str, codes: Vec<&str>| {
        if !codes.is_empty() {
            name.push('_');
            name.push_str(label);
            name.push('-');
            name.push_str(&codes.join("-"));
        }
    };
    part("discipline", filters.disciplines.iter().map(Coded::code).collect());
    part("type", filters.space_types.iter().map(Coded::code).collect());
    part("operator", filters.operators.iter().map(Coded::code).collect());
    part("network", filters.memberships.iter().map(Coded::code).collect());
    if let Some(open) = filters.open {
        let when = open.to_param().replace(':', "");
        part("open", vec![&when.to_ascii_lowercase()]);
    }
    let query = slug(query, 40);
    if !query.is_empty() {
        name.push_str("_search-");
        name.push_str(&query);
    }
    if name.is_empty() {
        name.push_str("spaces");
    }
    name.push('.');
    name.push_str(extension);
    name
}

/// `text` folded to `a-z0-9` words joined by `-`, at most `max` bytes.
pub(crate) fn slug(text: &str, max: usize) -> String {
    let folded = fold(text);
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let mut out = String::new();
    for word in words {
        if out.len() + word.len() + 1 > max {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::taxonomy::{Discipline, SpaceType};
    use crate::core::query::open_at::OpenAt;

    fn licence() -> DataLicence {
        DataLicence {
            name: "CC BY 4.0".into(),
            url: "https://creativecommons.org/licenses/by/4.0/".into(),
            attribution: "Hanoi Creative Spaces Map".into(),
        }
    }

    #[test]
    fn csv_quotes_only_what_needs_it() {
        let mut out = String::new();
        write_row(
            &mut out,
            ["plain", "a,b", "say \"hi\"", "two\nlines", " padded", "Đinh Lễ"].into_iter(),
        );
        assert_eq!(
            out,
            "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" padded\",Đinh Lễ\n"
        );
    }

    #[test]
    fn csv_cells_never_start_a_formula() {
        let mut out = String::new();
        let cells = [
            "=1+2", "+84 24", "-x", "@SUM(A1)", "\tx", "\rx", "'quoted", "-105.85", "+1e3", "a=b",
        ];
        write_row(&mut out, cells.into_iter());
        assert_eq!(
            out,
            "'=1+2,'+84 24,'-x,'@SUM(A1),'\tx,\"'\rx\",''quoted,-105.85,+1e3,a=b\n"
        );
        for cell in cells {
            assert_eq!(unescape_formula(&escape_formula(cell)), cell);
        }
    }

    #[test]
    fn plain_numbers_are_told_from_formulas() {
        for number in ["-105.85", "+1e3", "21", "-.5", "5.", "1E-7", "-0"] {
            assert!(is_plain_number(number), "{number}");
        }
        for other in [
            "-", "+", ".", "-e5", "1e", "1e+", "-1+1", "--1", "-inf", "-NaN", "1.2.3", "- 1", "",
        ] {
            assert!(!is_plain_number(other), "{other}");
        }
    }

    proptest::proptest! {
        #[test]
        fn plain_numbers_are_what_rust_reads_as_numbers(cell in "[+-]?[0-9]{0,3}[.]?[0-9]{0,3}([eE][+-]?[0-9]{0,2})?") {
            proptest::prop_assert_eq!(is_plain_number(&cell), cell.parse::<f64>().is_ok());
        }

        #[test]
        fn formula_escaping_round_trips(cell in "['=+@\t\r-]{0,3}[a-z0-9 '=.-]{0,6}") {
            let escaped = escape_formula(&cell);
            proptest::prop_assert!(!escaped.starts_with(FORMULA_STARTS) || is_plain_number(&escaped));
            proptest::prop_assert_eq!(unescape_formula(&escaped), cell.as_str());
        }
    }

    #[test]
    fn the_csv_columns_are_the_contracts_properties() {
        // Two spellings of one contract: a property added to one list and not the other would
        // be lost on the spreadsheet round trip.
        let mut from_columns: Vec<&str> = COLUMNS
            .iter()
            .filter(|c| !["lon", "lat"].contains(c))
            .map(|c| c.strip_suffix("_vi").or_else(|| c.strip_suffix("_en")).unwrap_or(c))
            .collect();
        from_columns.sort_unstable();
        from_columns.dedup();
        let mut properties = crate::core::check::validate::KNOWN_PROPERTIES.to_vec();
        properties.sort_unstable();
        assert_eq!(from_columns, properties);
    }

    #[test]
    fn csv_starts_with_the_licence_as_a_comment() {
        let csv = spaces_to_csv([], Some(&licence()));
        let mut lines = csv.lines();
        assert_eq!(
            lines.next(),
            Some(
                "# Licence: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). Attribution: Hanoi Creative Spaces Map."
            )
        );
        assert_eq!(lines.next(), Some(COLUMNS.join(",").as_str()));
    }

    #[test]
    fn geojson_carries_the_licence() {
        let text = spaces_to_geojson([], Some(&licence()));
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(value["license"], "CC BY 4.0");
        assert_eq!(value["type"], "FeatureCollection");
        assert!(value["features"].as_array().unwrap().is_empty());
        assert!(!spaces_to_geojson([], None).contains("license"));
    }

    #[test]
    fn geojson_layout_is_stable_and_strings_are_escaped() {
        let text = r#"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[105.85,21.03]},"properties":{"id":"a","name":{"vi":"Nhà \"A\""},"disciplines":["music","design"],"space_type":"cafe","description":{"en":"Two\nlines"}}}]}"#;
        let dataset = crate::core::check::validate::parse_str(text, &crate::core::model::region::Region::HANOI);
        let expected = r#"{
  "type": "FeatureCollection",
  "features": [
    {
      "type": "Feature",
      "geometry": {
        "type": "Point",
        "coordinates": [
          105.85,
          21.03
        ]
      },
      "properties": {
        "id": "a",
        "name": {
          "vi": "Nhà \"A\""
        },
        "disciplines": [
          "design",
          "music"
        ],
        "space_type": "cafe",
        "description": {
          "en": "Two\nlines"
        },
        "status": "open"
      }
    }
  ]
}
"#;
        assert_eq!(spaces_to_geojson(&dataset.spaces, None), expected);
        assert_eq!(
            spaces_to_geojson([], None),
            "{\n  \"type\": \"FeatureCollection\",\n  \"features\": []\n}\n"
        );
        for tricky in ["a\"b\\c\n\r\t", "\u{1}\u{8}\u{c}\u{1f}", "Đinh Lễ </script> \u{2028}"] {
            let mut ours = String::new();
            write_json_string(&mut ours, tricky);
            assert_eq!(ours, serde_json::to_string(tricky).unwrap());
        }
    }

    #[test]
    fn file_names_say_what_was_chosen() {
        let base = "Hanoi Creative Spaces Map";
        assert_eq!(
            file_name(base, &Filters::default(), "", "csv"),
            "hanoi-creative-spaces-map.csv"
        );
        let mut filters = Filters::default();
        filters.disciplines.insert(Discipline::Music);
        filters.disciplines.insert(Discipline::Design);
        filters.space_types.insert(SpaceType::Museum);
        filters.open = OpenAt::from_param("2026-11-28T19:30");
        assert_eq!(
            file_name(base, &filters, "  Văn Miếu / <b> ", "geojson"),
            "hanoi-creative-spaces-map_discipline-design-music_type-museum_open-2026-11-28t1930_search-van-mieu-b.geojson"
        );
        assert_eq!(file_name("", &Filters::default(), "", "csv"), "spaces.csv");
    }
}
