//! Writes the dataset as the editors' spreadsheet: `export-csv data/spaces.geojson > spaces.csv`
//!
//! Refuses (exit 1, problems on standard error) when the dataset has errors, so a spreadsheet
//! never starts from a broken file.

use hanoi_creative_map::core::check::report::report;
use hanoi_creative_map::core::check::validate::parse_bytes;
use hanoi_creative_map::core::exchange::export::spaces_to_csv;
use hanoi_creative_map::core::model::region::Region;
use hanoi_creative_map::core::text::lang::Lang;
use std::process::ExitCode;

fn main() -> ExitCode {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: export-csv data/spaces.geojson > spaces.csv");
        return ExitCode::from(2);
    };
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(error) => {
            eprintln!("export-csv: {path}: {error}");
            return ExitCode::from(2);
        }
    };
    let dataset = parse_bytes(&bytes, &Region::HANOI);
    let (text, failed) = report(&path, &dataset, Lang::En);
    if failed {
        eprint!("{text}");
        return ExitCode::from(1);
    }
    print!("{}", spaces_to_csv(&dataset.spaces, None));
    ExitCode::SUCCESS
}
