//! The validator's verdict on every file of the bad-data corpus (`tests/fixtures/bad/`), and
//! the `check-data` command on good, bad and missing files.

use hanoi_creative_map::core::check::validate::{Dataset, parse_bytes};
use hanoi_creative_map::core::model::region::Region;
use hanoi_creative_map::core::text::lang::Lang;
use std::process::Command;

fn check(name: &str) -> Dataset {
    let path = format!("tests/fixtures/bad/{name}.geojson");
    parse_bytes(&std::fs::read(&path).expect("fixture exists"), &Region::HANOI)
}

fn ids(dataset: &Dataset) -> Vec<&str> {
    dataset.spaces.iter().map(|s| s.id.as_str()).collect()
}

/// Asserts that some error's sentence contains every one of `parts`.
fn has_error(dataset: &Dataset, parts: &[&str]) {
    let sentences: Vec<String> = dataset.errors().map(|p| p.describe(Lang::En)).collect();
    assert!(
        sentences.iter().any(|s| parts.iter().all(|part| s.contains(part))),
        "no error mentions {parts:?}; errors: {sentences:#?}"
    );
}

/// The file cannot be used at all: nothing is shown and the problem says why.
#[test]
fn unusable_files() {
    for (name, says) in [
        ("invalid-json", "line 4, column 24"),
        ("wrong-root", "but it is an array"),
        ("features-missing", "no \"features\" list"),
        ("empty-file", "the file is empty"),
    ] {
        let dataset = check(name);
        assert!(dataset.is_unusable(), "{name}");
        assert!(dataset.spaces.is_empty(), "{name}");
        has_error(&dataset, &["file", says]);
    }
}

/// A feature that cannot be placed or named is skipped; the others are kept; the problem
/// names the feature's index, id and field.
#[test]
fn skipped_features_cost_only_themselves() {
    for (name, kept, parts) in [
        (
            "missing-geometry",
            vec!["ok-1"],
            vec!["features[1]", "id \"no-geometry\"", "field \"geometry\""],
        ),
        (
            "non-point-geometry",
            vec!["ok-1"],
            vec!["features[1]", "\"a-line\"", "geometry.type", "LineString"],
        ),
        (
            "lat-lon-swapped",
            vec!["ok-1"],
            vec![
                "features[1]",
                "\"swapped\"",
                "geometry.coordinates",
                "[latitude, longitude]",
            ],
        ),
        (
            "out-of-range",
            vec!["ok-1"],
            vec!["features[1]", "\"lat-95\"", "not on Earth"],
        ),
        (
            "outside-region",
            vec!["ok-1"],
            vec!["features[1]", "\"in-saigon\"", "outside the city's region"],
        ),
        (
            "nan-and-strings-as-numbers",
            vec!["ok-1"],
            vec!["features[2]", "\"nan\"", "two numbers"],
        ),
        (
            "empty-disciplines",
            vec!["ok-1"],
            vec!["features[1]", "\"no-disciplines\"", "field \"disciplines\""],
        ),
        (
            "duplicate-ids",
            vec!["same-id"],
            vec!["features[1]", "\"same-id\"", "already used by features[0]"],
        ),
        (
            "missing-name-vi",
            vec!["ok-1"],
            vec!["features[1]", "\"no-vi\"", "field \"name.vi\""],
        ),
        (
            "missing-id",
            vec!["ok-1"],
            vec!["features[1]", "field \"id\"", "missing"],
        ),
        (
            "id-not-kebab",
            vec!["ok-1"],
            vec!["features[1]", "\"Not Kebab_Case\"", "lower-case letters"],
        ),
        (
            "deep-nesting",
            vec![],
            vec!["features[0]", "cannot be read", "recursion limit"],
        ),
    ] {
        let dataset = check(name);
        assert!(!dataset.is_unusable(), "{name}");
        assert_eq!(ids(&dataset), kept, "{name}");
        assert_eq!(dataset.skipped_count(), dataset.feature_count - kept.len(), "{name}");
        has_error(&dataset, &parts);
    }
}

/// A bad optional field costs only that field: the space is shown without it.
#[test]
fn bad_optional_fields_are_dropped() {
    let dataset = check("dangerous-urls");
    assert_eq!(
        ids(&dataset),
        ["ok-1", "js-url", "data-url", "vbscript-url", "relative-url"]
    );
    assert!(
        dataset
            .spaces
            .iter()
            .all(|s| s.website.is_none() && s.email.is_none() && s.phone.is_none())
    );
    has_error(
        &dataset,
        &["features[1]", "\"js-url\"", "field \"website\"", "javascript:"],
    );
    has_error(&dataset, &["features[1]", "field \"email\""]);
    has_error(
        &dataset,
        &["features[4]", "\"relative-url\"", "field \"website\"", "http://"],
    );
    has_error(&dataset, &["features[4]", "field \"phone\""]);

    for (name, field) in [
        ("bad-email", "email"),
        ("bad-phone", "phone"),
        ("bad-date", "updated"),
        ("bad-opening-hours", "opening_hours"),
    ] {
        let dataset = check(name);
        assert_eq!(dataset.spaces.len(), 2, "{name}");
        has_error(
            &dataset,
            &["features[1]", &format!("field \"{field}\""), "shown without this field"],
        );
    }
}

#[test]
fn unknown_codes_suggest_the_nearest() {
    let dataset = check("unknown-codes");
    assert_eq!(ids(&dataset), ["ok-1", "one-bad-discipline", "bad-operator"]);
    has_error(
        &dataset,
        &[
            "features[1]",
            "\"typo-type\"",
            "space_type",
            "Did you mean \"museum\"?",
            "not shown",
        ],
    );
    has_error(
        &dataset,
        &[
            "features[2]",
            "disciplines[0]",
            "Did you mean \"publishing\"?",
            "shown without",
        ],
    );
    has_error(&dataset, &["features[3]", "field \"operator\""]);
    assert_eq!(dataset.spaces[2].operator, None);
}

#[test]
fn markup_is_valid_text_kept_verbatim() {
    let dataset = check("markup-in-text");
    assert_eq!(dataset.errors().count(), 0);
    let hostile = &dataset.spaces[1];
    assert!(
        hostile
            .name
            .vi
            .as_deref()
            .unwrap()
            .contains("<script>window.__pwned=1</script>")
    );
    assert!(hostile.address.as_deref().unwrap().contains("&lt;b&gt;"));
}

#[test]
fn encoding_slips_keep_the_data() {
    let bom = check("utf8-bom");
    assert_eq!(ids(&bom), ["after-bom"]);
    assert_eq!(bom.errors().count(), 0);
    assert!(bom.warnings().any(|p| p.describe(Lang::En).contains("byte-order mark")));

    let bad_bytes = check("invalid-utf8");
    assert_eq!(bad_bytes.spaces.len(), 2);
    has_error(&bad_bytes, &["not valid UTF-8"]);
}

#[test]
fn warnings_are_not_errors() {
    let dataset = check("unknown-field");
    assert_eq!(dataset.errors().count(), 0);
    assert!(
        dataset
            .warnings()
            .any(|p| p.describe(Lang::En).contains("Did you mean \"address\"?"))
    );
}

#[test]
fn mixed_file_keeps_every_valid_space() {
    let dataset = check("mixed");
    assert_eq!(ids(&dataset), ["good-a", "good-b", "good-c"]);
    assert_eq!(dataset.skipped_count(), 2);
    assert_eq!(dataset.spaces[1].website, None);
}

#[test]
fn a_very_long_name_is_skipped_with_its_length() {
    let name = "A".repeat(100_000);
    let text = format!(
        r#"{{"type":"FeatureCollection","features":[{{"type":"Feature","geometry":{{"type":"Point","coordinates":[105.85,21.03]}},"properties":{{"id":"long","name":{{"vi":"{name}"}},"disciplines":["music"],"space_type":"cafe","operator":"private","address":"x"}}}}]}}"#
    );
    let dataset = parse_bytes(text.as_bytes(), &Region::HANOI);
    assert!(dataset.spaces.is_empty());
    has_error(&dataset, &["features[0]", "name.vi", "100000 characters"]);
    assert!(
        dataset.errors().all(|p| p.describe(Lang::En).len() < 400),
        "messages stay short"
    );
}

#[test]
fn fifty_megabytes_of_valid_features() {
    let feature = |i: usize| {
        format!(
            r#"{{"type":"Feature","geometry":{{"type":"Point","coordinates":[105.{:04},21.0{:03}]}},"properties":{{"id":"space-{i}","name":{{"vi":"Không gian sáng tạo số {i}","en":"Creative space number {i}"}},"disciplines":["design","music"],"space_type":"gallery","operator":"private","address":"{i} Phố Hàng Bạc, Hoàn Kiếm, Hà Nội","description":{{"vi":"Một không gian trưng bày và biểu diễn dành cho nghệ sĩ trẻ của thành phố.","en":"An exhibition and performance space for the city's young artists."}}}}}}"#,
            5000 + i % 5000,
            i % 1000
        )
    };
    let mut text = String::from(r#"{"type":"FeatureCollection","features":["#);
    let mut count = 0;
    while text.len() < 50_000_000 {
        if count > 0 {
            text.push(',');
        }
        text.push_str(&feature(count));
        count += 1;
    }
    text.push_str("]}");
    let dataset = parse_bytes(text.as_bytes(), &Region::HANOI);
    assert_eq!(dataset.spaces.len(), count);
    assert_eq!(dataset.errors().count(), 0);
}

fn check_data(args: &[&str]) -> (i32, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_check-data"))
        .args(args)
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&output.stdout).into_owned() + &String::from_utf8_lossy(&output.stderr);
    (output.status.code().unwrap_or(-1), text)
}

#[test]
fn check_data_command_exit_status_and_report() {
    let (status, text) = check_data(&["tests/fixtures/good/minimal.geojson"]);
    assert_eq!(status, 0, "{text}");
    assert!(
        text.contains("3 features, 3 spaces shown, 0 skipped, 0 errors"),
        "{text}"
    );

    let (status, text) = check_data(&["tests/fixtures/bad/mixed.geojson"]);
    assert_eq!(status, 1, "{text}");
    assert!(
        text.contains("tests/fixtures/bad/mixed.geojson: error: features[1] (id \"bad-type\"), field \"space_type\"")
    );

    let (status, text) = check_data(&["--lang", "vi", "tests/fixtures/bad/mixed.geojson"]);
    assert_eq!(status, 1);
    assert!(
        text.contains("lỗi: features[1] (id \"bad-type\"), trường \"space_type\""),
        "{text}"
    );

    let (status, text) = check_data(&["tests/fixtures/no-such-file.geojson"]);
    assert_eq!(status, 2);
    assert!(text.contains("no-such-file.geojson"));
}

#[test]
fn check_data_reads_the_city_region_from_config() {
    let town = "tests/fixtures/cities/fictional-town";
    let (status, text) = check_data(&[&format!("{town}/spaces.geojson")]);
    assert_eq!(status, 0, "config.json beside the data sets the region: {text}");
    let (status, _) = check_data(&[
        "--config",
        &format!("{town}/config.json"),
        "tests/fixtures/good/minimal.geojson",
    ]);
    assert_eq!(status, 1, "Hanoi's spaces lie outside the fictional town");
}

#[test]
fn the_shipped_dataset_passes() {
    let (status, text) = check_data(&["data/spaces.geojson"]);
    assert_eq!(status, 0, "{text}");
}

#[test]
fn check_data_names_the_trail_and_step_it_cannot_use() {
    let (status, out) = check_data(&[
        "--trails",
        "tests/fixtures/trails/unknown-step.json",
        "data/spaces.geojson",
    ]);
    assert_eq!(status, 1, "{out}");
    assert!(
        out.contains("tests/fixtures/trails/unknown-step.json: error: trail \"museum-walk\", step #1")
            && out.contains("\"no-such-space\""),
        "{out}"
    );
    let (status, out) = check_data(&["data/spaces.geojson"]);
    assert_eq!(status, 0, "{out}");
    assert!(out.contains("data/trails.json: 3 trails, 0 problems"), "{out}");
}

#[test]
fn check_data_names_the_background_feature_and_field() {
    let bad = "tests/fixtures/basemap/mistakes.geojson";
    let (status, out) = check_data(&["--basemap", bad, "data/spaces.geojson"]);
    assert_eq!(status, 1, "{out}");
    assert!(
        out.contains(&format!("{bad}: error: feature #1, \"properties.kind\""))
            && out.contains(&format!("{bad}: error: feature #2, \"geometry\": lies wholly outside"))
            && out.contains(&format!("{bad}: error: feature #3, \"geometry\": must be")),
        "{out}"
    );
    assert!(
        out.contains(&format!("{bad}: 4 background features, 3 problems")),
        "{out}"
    );
    let (status, out) = check_data(&["tests/fixtures/cities/fictional-town/spaces.geojson"]);
    assert_eq!(status, 0, "{out}");
    assert!(
        out.contains("fictional-town/basemap.geojson: 7 background features, 0 problems"),
        "{out}"
    );
}

/// Validated a part at a time, as the map does with large files, every file of the corpus gives
/// the same spaces and the same problems as in one go.
#[test]
fn validation_in_parts_is_validation_in_one_go() {
    use hanoi_creative_map::core::check::validate::Validation;
    for entry in std::fs::read_dir("tests/fixtures/bad").expect("corpus exists") {
        let bytes = std::fs::read(entry.expect("readable entry").path()).expect("readable fixture");
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        let whole = parse_bytes(&bytes, &Region::HANOI);
        for part in [1, 2, 7] {
            let mut validation = Validation::new(text, &Region::HANOI);
            while !validation.step(part) {}
            let in_parts = validation.finish();
            assert_eq!(in_parts.spaces, whole.spaces);
            assert_eq!(in_parts.problems, whole.problems);
            assert_eq!(in_parts.feature_count, whole.feature_count);
        }
    }
}

#[test]
fn check_data_rewrites_a_file_in_the_canonical_form() {
    let path = std::env::temp_dir().join(format!("hcm-canonical-{}.geojson", std::process::id()));
    let compact = r#"{"features":[{"properties":{"updated":"2026-11-24","id":"a","name":{"en":"A","vi":"Á"},"disciplines":["music"],"space_type":"cafe","operator":"private","address":"Hà Nội"},"type":"Feature","geometry":{"coordinates":[105.85,21.03],"type":"Point"}}],"type":"FeatureCollection"}"#;
    std::fs::write(&path, compact).expect("writes");
    let file = path.to_str().expect("a UTF-8 path");
    let (status, text) = check_data(&["--canonical", file]);
    let rewritten = std::fs::read_to_string(&path).expect("reads");
    assert_eq!(status, 0, "{text}");
    assert!(text.contains("rewritten in the canonical form"), "{text}");
    assert!(rewritten.starts_with("{\n  \"type\": \"FeatureCollection\",\n  \"features\": [\n    {\n      \"type\": \"Feature\",\n      \"geometry\""), "{rewritten}");
    let (_, text) = check_data(&["--canonical", file]);
    assert!(text.contains("already in the canonical form"), "{text}");
    assert_eq!(std::fs::read_to_string(&path).expect("reads"), rewritten);
    std::fs::remove_file(&path).ok();
}

#[test]
fn check_data_warns_of_a_space_in_a_lake_or_the_wrong_district() {
    let misplaced = "tests/fixtures/geography/misplaced.geojson";
    let (status, out) = check_data(&["--config", "data/config.json", misplaced]);
    assert_eq!(status, 0, "geographic problems are warnings: {out}");
    assert!(
        out.contains(&format!(
            "{misplaced}: warning: features[1] (id \"in-hoan-kiem-lake\"), field \"geometry\": the position lies in the water of Hồ Hoàn Kiếm"
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "{misplaced}: warning: features[2] (id \"in-the-wrong-district\"), field \"district\": the position lies in Đống Đa, not in Hoàn Kiếm"
        )),
        "{out}"
    );
    assert!(!out.contains("old-quarter-gallery"), "{out}");
    assert!(out.contains("3 spaces shown, 0 skipped, 0 errors, 2 warnings"), "{out}");

    let (status, out) = check_data(&["--lang", "vi", "--config", "data/config.json", misplaced]);
    assert_eq!(status, 0, "{out}");
    assert!(
        out.contains("trường \"geometry\": vị trí nằm trong mặt nước Hồ Hoàn Kiếm"),
        "{out}"
    );
    assert!(out.contains("vị trí nằm ở Đống Đa, không phải Hoàn Kiếm"), "{out}");

    let (status, out) = check_data(&["--strict", "--config", "data/config.json", misplaced]);
    assert_eq!(status, 1, "--strict fails on warnings: {out}");
}

#[test]
fn the_shipped_dataset_passes_strict_with_hanois_background() {
    let (status, out) = check_data(&["--strict", "data/spaces.geojson"]);
    assert_eq!(status, 0, "{out}");
    assert!(out.contains("0 errors, 0 warnings"), "{out}");
    assert!(
        out.contains("data/basemap.geojson: 404 background features, 0 problems"),
        "{out}"
    );
}

#[test]
fn the_data_report_in_the_editors_guide_is_the_generated_one() {
    let (status, report) = check_data(&["--report", "data/spaces.geojson"]);
    assert_eq!(status, 0, "{report}");
    let guide = std::fs::read_to_string("data/README.md").expect("the editors' guide");
    let start = guide.find(REPORT_START).expect("report start marker") + REPORT_START.len();
    let end = guide.find(REPORT_END).expect("report end marker");
    assert_eq!(
        guide[start..end].trim(),
        report.trim(),
        "data/README.md's report is stale: run `make data-report`"
    );
}

/// The markers around the generated report in `data/README.md` (`make data-report` rewrites
/// what is between them).
const REPORT_START: &str = "<!-- data-report:start -->";
const REPORT_END: &str = "<!-- data-report:end -->";
