//! The data check: `check-data [--lang vi|en] [--config data/config.json] [--trails FILE]
//! [--basemap FILE] [--canonical] FILE…`
//!
//! With `--canonical`, each dataset that is JSON is first rewritten in place in the one form the
//! editors' workbench saves (see `core::editing::canonical`), so that later diffs show only
//! real changes.
//!
//! Validates each dataset with the same code the map runs, prints every problem with the
//! feature's index, id and field, and exits 1 if any file has errors (2 if a file or the
//! configuration cannot be read). Without `--config`, a `config.json` beside the first file is
//! used when there is one, for the city's region. The trails (`--trails`, or a `trails.json`
//! beside the first file) are checked against the first dataset. The configuration's offline
//! background (`--basemap`, or the file the configuration names, looked for beside it) is checked
//! against the background contract.

use hanoi_creative_map::core::basemap::check_basemap;
use hanoi_creative_map::core::catalogue::Catalogue;
use hanoi_creative_map::core::check::report;
use hanoi_creative_map::core::config::CityConfig;
use hanoi_creative_map::core::editing::canonical::canonical_text;
use hanoi_creative_map::core::lang::Lang;
use hanoi_creative_map::core::trails::parse_trails;
use hanoi_creative_map::core::validate::parse_bytes;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: check-data [--lang vi|en] [--config CONFIG.json] [--trails TRAILS.json] [--basemap BASEMAP.geojson] [--canonical] FILE.geojson…";

fn main() -> ExitCode {
    match run(std::env::args().skip(1).collect()) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::from(1),
        Err(message) => {
            eprintln!("check-data: {message}");
            ExitCode::from(2)
        }
    }
}

/// Checks every file; `Ok(true)` when none has errors.
fn run(args: Vec<String>) -> Result<bool, String> {
    let mut lang = Lang::En;
    let mut config_path = None;
    let mut trails_path = None;
    let mut basemap_path = None;
    let mut canonical = false;
    let mut files = Vec::new();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--lang" => lang = args.next().and_then(|code| Lang::from_code(&code)).ok_or(USAGE)?,
            "--config" => config_path = Some(args.next().ok_or(USAGE)?),
            "--trails" => trails_path = Some(args.next().ok_or(USAGE)?),
            "--basemap" => basemap_path = Some(args.next().ok_or(USAGE)?),
            "--canonical" => canonical = true,
            "-h" | "--help" => return Err(USAGE.to_owned()),
            _ => files.push(arg),
        }
    }
    if files.is_empty() {
        return Err(USAGE.to_owned());
    }
    let (config, config_file) = read_config(config_path.as_deref(), &files[0])?;
    let mut all_clean = true;
    let mut first = None;
    for file in &files {
        if canonical {
            rewrite_canonical(file)?;
        }
        let bytes = std::fs::read(file).map_err(|error| format!("{file}: {error}"))?;
        let dataset = parse_bytes(&bytes, &config.region);
        let (text, failed) = report(file, &dataset, lang);
        print!("{text}");
        all_clean &= !failed;
        first.get_or_insert(dataset);
    }
    let beside = Path::new(&files[0]).with_file_name("trails.json");
    let trails_path = trails_path.or_else(|| beside.is_file().then(|| beside.display().to_string()));
    if let (Some(path), Some(dataset)) = (trails_path, first) {
        let text = std::fs::read_to_string(&path).map_err(|error| format!("{path}: {error}"))?;
        let (trails, problems) = parse_trails(&text, &Catalogue::new(dataset));
        for problem in &problems {
            println!("{path}: error: {}", problem.describe(lang));
        }
        println!("{path}: {} trails, {} problems", trails.len(), problems.len());
        all_clean &= problems.is_empty();
    }
    let named = config.basemap.as_ref().zip(config_file).map(|(basemap, config_file)| {
        let name = Path::new(&basemap.url).file_name().unwrap_or_default();
        config_file.with_file_name(name).display().to_string()
    });
    if let Some(path) = basemap_path.or(named) {
        let text = std::fs::read_to_string(&path).map_err(|error| format!("{path}: {error}"))?;
        let (features, problems) = check_basemap(&text, &config.region);
        for problem in &problems {
            println!("{path}: error: {}", problem.describe(lang));
        }
        println!("{path}: {features} background features, {} problems", problems.len());
        all_clean &= problems.is_empty();
    }
    Ok(all_clean)
}

/// Rewrites `file` in the canonical form when it is JSON text (when not, the check says why).
fn rewrite_canonical(file: &str) -> Result<(), String> {
    let text = std::fs::read_to_string(file).map_err(|error| format!("{file}: {error}"))?;
    match canonical_text(&text) {
        Ok(rewritten) if rewritten == text => println!("{file}: already in the canonical form"),
        Ok(rewritten) => {
            std::fs::write(file, rewritten).map_err(|error| format!("{file}: {error}"))?;
            println!("{file}: rewritten in the canonical form");
        }
        Err(_) => println!("{file}: not rewritten: the file is not valid JSON"),
    }
    Ok(())
}

/// The configuration named, or the `config.json` beside the dataset, or Hanoi's defaults; with
/// the file it came from.
fn read_config(explicit: Option<&str>, first_file: &str) -> Result<(CityConfig, Option<PathBuf>), String> {
    let beside = Path::new(first_file).with_file_name("config.json");
    let path = match explicit {
        Some(path) => Path::new(path).to_path_buf(),
        None if beside.is_file() => beside,
        None => return Ok((CityConfig::default(), None)),
    };
    let text = std::fs::read_to_string(&path).map_err(|error| format!("{}: {error}", path.display()))?;
    let config = CityConfig::from_json(&text).map_err(|error| format!("{}: {error}", path.display()))?;
    Ok((config, Some(path)))
}
