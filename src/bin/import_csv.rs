//! Converts the editors' spreadsheet to the map's dataset:
//! `import-csv [--lang vi|en] spaces.csv > data/spaces.geojson`
//!
//! Runs the same validation as the map and the data check. If anything is wrong it prints every
//! problem (with its CSV line) to standard error, writes nothing, and exits 1.

use hanoi_creative_map::core::exchange::csv_format::csv_to_geojson;
use hanoi_creative_map::core::model::config::CityConfig;
use hanoi_creative_map::core::text::lang::Lang;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (lang, path) = match args.as_slice() {
        [path] => (Lang::En, path),
        [flag, code, path] if flag == "--lang" => (Lang::from_code(code).unwrap_or_default(), path),
        _ => {
            eprintln!("usage: import-csv [--lang vi|en] spaces.csv > data/spaces.geojson");
            return ExitCode::from(2);
        }
    };
    let text = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("import-csv: {path}: {error}");
            return ExitCode::from(2);
        }
    };
    let region = std::fs::read_to_string("data/config.json")
        .ok()
        .and_then(|config| CityConfig::from_json(&config).ok())
        .unwrap_or_default()
        .region;
    match csv_to_geojson(&text, &region, lang) {
        Ok(geojson) => {
            print!("{geojson}");
            ExitCode::SUCCESS
        }
        Err(problems) => {
            for problem in problems {
                eprintln!("{path}: {problem}");
            }
            ExitCode::from(1)
        }
    }
}
