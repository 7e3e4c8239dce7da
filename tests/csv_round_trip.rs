//! The editors' round trip: `GeoJSON` → CSV export → CSV import gives the same dataset, and the
//! import refuses a spreadsheet with errors, naming the CSV line.

use hanoi_creative_map::core::check::validate::parse_str;
use hanoi_creative_map::core::exchange::csv_format::csv_to_geojson;
use hanoi_creative_map::core::exchange::export::{DataLicence, spaces_to_csv, spaces_to_geojson};
use hanoi_creative_map::core::model::region::Region;
use hanoi_creative_map::core::synthetic::dataset;
use hanoi_creative_map::core::text::lang::Lang;
use std::process::Command;

fn round_trip(geojson: &str) {
    let original = parse_str(geojson, &Region::HANOI);
    assert_eq!(original.errors().count(), 0);
    let csv = spaces_to_csv(&original.spaces, None);
    let imported = csv_to_geojson(&csv, &Region::HANOI, Lang::En).expect("imports cleanly");
    assert_eq!(parse_str(&imported, &Region::HANOI).spaces, original.spaces);
    // A downloaded file, which starts with the licence, imports the same.
    let licence = DataLicence {
        name: "CC BY 4.0".into(),
        url: "https://creativecommons.org/licenses/by/4.0/".into(),
        attribution: "Hanoi, \"creative\" map".into(),
    };
    let downloaded = spaces_to_csv(&original.spaces, Some(&licence));
    let imported = csv_to_geojson(&downloaded, &Region::HANOI, Lang::En).expect("imports cleanly");
    assert_eq!(parse_str(&imported, &Region::HANOI).spaces, original.spaces);
    assert_eq!(
        parse_str(&spaces_to_geojson(&original.spaces, Some(&licence)), &Region::HANOI).spaces,
        original.spaces
    );
    // Writing the GeoJSON back is stable too.
    assert_eq!(
        parse_str(&spaces_to_geojson(&original.spaces, None), &Region::HANOI).spaces,
        original.spaces
    );
}

#[test]
fn shipped_dataset_round_trips() {
    round_trip(&std::fs::read_to_string("data/spaces.geojson").expect("the dataset"));
}

#[test]
fn synthetic_datasets_with_every_field_round_trip() {
    round_trip(&dataset(500, 3));
}

#[test]
fn import_refuses_errors_and_names_the_csv_line() {
    let csv = "id,name_vi,name_en,lon,lat,disciplines,space_type,operator,address,district,website,phone,email,opening_hours,description_vi,description_en,status,membership,location_confidence,source,updated\n\
               good,Tốt,Good,105.85,21.03,music;design,cafe,private,Hà Nội,,,,,,,,open,,,,\n\
               bad,Xấu,Bad,105.85,21.03,music,musuem,state,Hà Nội,,ftp://x,,,,,,open,,,,\n\
               worse,Tệ,Worse,east,21.03,music,cafe,state,Hà Nội,,,,,,,,open,,,,\n";
    let problems = csv_to_geojson(csv, &Region::HANOI, Lang::En).expect_err("refused");
    assert!(
        problems.iter().any(|p| p.contains("CSV line 4") && p.contains("lon")),
        "{problems:#?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.contains("Did you mean \"museum\"") && p.contains("(CSV line 3)")),
        "{problems:#?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.contains("website") && p.contains("(CSV line 3)")),
        "{problems:#?}"
    );
}

#[test]
fn import_names_missing_and_unknown_columns() {
    let problems = csv_to_geojson("id,name,lon\n", &Region::HANOI, Lang::En).expect_err("refused");
    assert!(problems[0].contains("missing columns") && problems[0].contains("name_vi"));
    assert!(problems[1].contains("unknown columns: name"));
}

#[test]
fn the_commands_round_trip_the_shipped_dataset() {
    let export = Command::new(env!("CARGO_BIN_EXE_export-csv"))
        .arg("data/spaces.geojson")
        .output()
        .expect("runs");
    assert!(export.status.success());
    let csv_path = std::env::temp_dir().join(format!("hcm-round-trip-{}.csv", std::process::id()));
    std::fs::write(&csv_path, &export.stdout).expect("writes");
    let import = Command::new(env!("CARGO_BIN_EXE_import-csv"))
        .arg(&csv_path)
        .output()
        .expect("runs");
    std::fs::remove_file(&csv_path).ok();
    assert!(import.status.success(), "{}", String::from_utf8_lossy(&import.stderr));
    let original = parse_str(
        &std::fs::read_to_string("data/spaces.geojson").expect("dataset"),
        &Region::HANOI,
    );
    let imported = parse_str(&String::from_utf8(import.stdout).expect("utf-8"), &Region::HANOI);
    assert_eq!(imported.spaces, original.spaces);
}

#[test]
fn the_fuzzers_eight_decimal_coordinate_round_trips() {
    // Found by `make fuzz` (dataset): coordinates were written with seven decimals.
    let bytes = std::fs::read("tests/fixtures/fuzz/dataset/eight-decimal-coordinate.geojson").expect("fixture");
    let original = hanoi_creative_map::core::check::validate::parse_bytes(&bytes, &Region::HANOI);
    assert!(!original.spaces.is_empty());
    let written = spaces_to_geojson(&original.spaces, None);
    assert_eq!(parse_str(&written, &Region::HANOI).spaces, original.spaces);
}

#[test]
fn formula_like_cells_are_escaped_and_restored() {
    let geojson = r#"{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[105.85,21.03]},"properties":{"id":"risky","name":{"vi":"=HYPERLINK(\"http://evil.example\",\"bấm\")","en":"@SUM(A1:A9)"},"disciplines":["music"],"space_type":"cafe","operator":"private","address":"-1 Hàng Bạc","phone":"+84 24 3933 0113","description":{"vi":"'= dấu nháy","en":"+ more"},"source":"=cmd|' /C calc'!A0"}}]}"#;
    let original = parse_str(geojson, &Region::HANOI);
    assert_eq!(original.errors().count(), 0, "{:?}", original.problems);
    let csv = spaces_to_csv(&original.spaces, None);
    let mut reader = csv::ReaderBuilder::new().from_reader(csv.as_bytes());
    for record in reader.records() {
        for cell in &record.expect("a record") {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']) || cell.parse::<f64>().is_ok(),
                "a spreadsheet would run {cell:?}"
            );
        }
    }
    let imported = csv_to_geojson(&csv, &Region::HANOI, Lang::En).expect("imports cleanly");
    assert_eq!(parse_str(&imported, &Region::HANOI).spaces, original.spaces);
}
