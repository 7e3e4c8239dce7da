//! The data check's report: every error, then every warning, then a summary line, worded by
//! [`Problem::describe`](crate::core::check::problem::Problem::describe) so editors read on the command line
//! exactly what the map says.

use crate::core::check::validate::Dataset;
use crate::core::text::lang::Lang;
use std::fmt::Write as _;

/// The report for the file at `path`, and whether it has errors (the check then fails).
#[must_use]
pub fn report(path: &str, dataset: &Dataset, lang: Lang) -> (String, bool) {
    let mut out = String::new();
    let (error_word, warning_word) = match lang {
        Lang::En => ("error", "warning"),
        Lang::Vi => ("lỗi", "cảnh báo"),
    };
    for problem in dataset.errors() {
        let _ = writeln!(out, "{path}: {error_word}: {}", problem.describe(lang));
    }
    for problem in dataset.warnings() {
        let _ = writeln!(out, "{path}: {warning_word}: {}", problem.describe(lang));
    }
    let errors = dataset.errors().count();
    let warnings = dataset.warnings().count();
    let skipped = dataset.skipped_count();
    let shown = dataset.spaces.len();
    let features = dataset.feature_count;
    let _ = match lang {
        Lang::En => writeln!(
            out,
            "{path}: {features} features, {shown} spaces shown, {skipped} skipped, {errors} errors, {warnings} warnings"
        ),
        Lang::Vi => writeln!(
            out,
            "{path}: {features} đối tượng, {shown} địa điểm hiển thị, {skipped} bị bỏ qua, {errors} lỗi, {warnings} cảnh báo"
        ),
    };
    (out, errors > 0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::check::validate::parse_str;
    use crate::core::model::region::Region;

    #[test]
    fn errors_then_warnings_then_summary() {
        let text = r#"{"type":"FeatureCollection","features":[
            {"type":"Feature","geometry":{"type":"Point","coordinates":[105.85,21.03]},
             "properties":{"id":"a","name":{"vi":"A"},"disciplines":["music"],"space_type":"cafe","operator":"private","address":"x","website":"ftp://x"}}]}"#;
        let dataset = parse_str(text, &Region::HANOI);
        let (report, failed) = report("data/x.geojson", &dataset, Lang::En);
        assert!(failed);
        let lines: Vec<&str> = report.lines().collect();
        assert!(
            lines[0].starts_with("data/x.geojson: error: features[0] (id \"a\"), field \"website\""),
            "{report}"
        );
        assert!(
            lines[1].starts_with("data/x.geojson: warning: features[0] (id \"a\"), field \"name.en\""),
            "{report}"
        );
        assert_eq!(
            lines[2],
            "data/x.geojson: 1 features, 1 spaces shown, 0 skipped, 1 errors, 1 warnings"
        );
    }
}
