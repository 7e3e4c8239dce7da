//! The editors' spreadsheet format and the `GeoJSON` the map reads, both ways. One row per
//! space, the contract's fields as columns, lists separated by `;`. Import runs the same
//! validator as the map and the data check.

use crate::core::check::validate::parse_str;
use crate::core::exchange::export::{COLUMNS, spaces_to_geojson, unescape_formula};
use crate::core::model::region::Region;
use crate::core::text::lang::Lang;
use serde_json::{Map, Value, json};
use std::collections::HashMap;

/// The features an editors' CSV holds, unchecked, and what could not be read.
#[derive(Debug, Clone, Default)]
pub struct CsvFeatures {
    /// One `GeoJSON` feature per readable row, in order; a coordinate that is not a number is
    /// left out of its feature (the validator then names it).
    pub features: Vec<Value>,
    /// The CSV line (from 1, the header being line 1) of each feature.
    pub lines: Vec<usize>,
    /// One sentence per row that could not be read as it is, naming the CSV line.
    pub problems: Vec<String>,
}

/// Reads the editors' CSV into `GeoJSON` features without checking them, so that a file with
/// mistakes still opens in the editors' workbench.
///
/// # Errors
/// When the header is unreadable, or columns are missing or unknown: no row can be trusted.
pub fn csv_to_features(text: &str) -> Result<CsvFeatures, Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .trim(csv::Trim::All)
        // The licence line an exported file starts with.
        .comment(Some(b'#'))
        .from_reader(text.as_bytes());
    let headers = reader.headers().map_err(|e| vec![format!("CSV header: {e}")])?.clone();
    let mut problems = Vec::new();
    let missing: Vec<&str> = COLUMNS
        .iter()
        .copied()
        .filter(|c| !headers.iter().any(|h| h == *c))
        .collect();
    let unknown: Vec<&str> = headers.iter().filter(|h| !COLUMNS.contains(h)).collect();
    if !missing.is_empty() {
        problems.push(format!("CSV line 1: missing columns: {}", missing.join(", ")));
    }
    if !unknown.is_empty() {
        problems.push(format!("CSV line 1: unknown columns: {}", unknown.join(", ")));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut read = CsvFeatures::default();
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                let line = error.position().map_or(0, |p| usize::try_from(p.line()).unwrap_or(0));
                read.problems.push(format!("CSV line {line}: {error}"));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| usize::try_from(p.line()).unwrap_or(0));
        let row: HashMap<&str, &str> = headers.iter().zip(record.iter().map(unescape_formula)).collect();
        let (feature, problem) = feature(&row);
        if let Some(problem) = problem {
            read.problems.push(format!("CSV line {line}: {problem}"));
        }
        read.features.push(feature);
        read.lines.push(line);
    }
    Ok(read)
}

/// Converts the editors' CSV to `GeoJSON` text, refusing (with every reason, each naming the
/// CSV line) when the CSV cannot be read or the result has validation errors.
///
/// # Errors
/// One sentence per problem: unreadable rows, missing or unknown columns, coordinates that are
/// not numbers, and every validation error, with the CSV line of the feature.
pub fn csv_to_geojson(text: &str, region: &Region, lang: Lang) -> Result<String, Vec<String>> {
    let read = csv_to_features(text)?;
    let mut problems = read.problems;
    let collection = json!({ "type": "FeatureCollection", "features": read.features });
    let geojson = serde_json::to_string(&collection).unwrap_or_default();
    let dataset = parse_str(&geojson, region);
    for problem in dataset.errors() {
        let line = match &problem.location {
            crate::core::check::problem::Location::Feature { index, .. } => {
                format!(" (CSV line {})", read.lines.get(*index).copied().unwrap_or(index + 2))
            }
            crate::core::check::problem::Location::File => String::new(),
        };
        problems.push(format!("{}{line}", problem.describe(lang)));
    }
    if problems.is_empty() {
        Ok(spaces_to_geojson(&dataset.spaces, None))
    } else {
        Err(problems)
    }
}

/// One CSV row as a `GeoJSON` feature; empty cells become absent keys. A coordinate that is not
/// a number leaves the coordinates empty, and says so.
fn feature(row: &HashMap<&str, &str>) -> (Value, Option<String>) {
    let cell = |name: &str| row.get(name).copied().unwrap_or_default();
    let number = |name: &str| {
        cell(name)
            .parse::<f64>()
            .ok()
            .filter(|n| n.is_finite())
            .ok_or_else(|| format!("column {name}: {:?} is not a number", cell(name)))
    };
    let (coordinates, problem) = match (number("lon"), number("lat")) {
        (Ok(lon), Ok(lat)) => (json!([lon, lat]), None),
        (Err(problem), _) | (_, Err(problem)) => (json!([]), Some(problem)),
    };
    let mut properties = Map::new();
    let mut text = |key: &str, column: &str| {
        if !cell(column).is_empty() {
            properties.insert(key.to_owned(), Value::from(cell(column)));
        }
    };
    // Every column that is a property of the same name; the others are assembled below.
    let assembled = [
        "name_vi",
        "name_en",
        "lon",
        "lat",
        "disciplines",
        "description_vi",
        "description_en",
    ];
    for key in COLUMNS.iter().filter(|c| !assembled.contains(c)) {
        text(key, key);
    }
    let pair = |vi: &str, en: &str| {
        let mut pair = Map::new();
        for (lang, column) in [("vi", vi), ("en", en)] {
            if !cell(column).is_empty() {
                pair.insert(lang.to_owned(), Value::from(cell(column)));
            }
        }
        pair
    };
    let name = pair("name_vi", "name_en");
    if !name.is_empty() {
        properties.insert("name".to_owned(), Value::Object(name));
    }
    let description = pair("description_vi", "description_en");
    if !description.is_empty() {
        properties.insert("description".to_owned(), Value::Object(description));
    }
    let disciplines: Vec<Value> = cell("disciplines")
        .split(';')
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(Value::from)
        .collect();
    properties.insert("disciplines".to_owned(), Value::Array(disciplines));
    (
        json!({ "type": "Feature", "geometry": { "type": "Point", "coordinates": coordinates }, "properties": properties }),
        problem,
    )
}
