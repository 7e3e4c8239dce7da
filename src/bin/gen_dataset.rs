//! Writes a synthetic dataset for benchmarks: `gen-dataset COUNT [SEED] > spaces.geojson`.
//! Deterministic: the same count and seed give the same file.

use std::io::Write as _;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let count = args.next().and_then(|n| n.replace('_', "").parse::<usize>().ok());
    let seed = args.next().map_or(Some(1), |s| s.parse::<u64>().ok());
    let (Some(count), Some(seed)) = (count, seed) else {
        eprintln!("usage: gen-dataset COUNT [SEED] > spaces.geojson");
        return ExitCode::from(2);
    };
    let text = hanoi_creative_map::core::synthetic::dataset(count, seed);
    if std::io::stdout().write_all(text.as_bytes()).is_err() {
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}
