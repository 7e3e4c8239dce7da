//! The data check: `check-data [--lang vi|en] [--strict] [--report] [--canonical]
//! [--config data/config.json] [--trails FILE] [--basemap FILE] FILE…`
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
//! against the background contract, and each space's position against it: in water, or outside
//! the district its record names (warnings). `--strict` fails on warnings too, and on more
//! positions credited to `OpenStreetMap` than an insubstantial extract allows: the bar the
//! bundled dataset is held to. `--report` prints the data report (Markdown) instead.

use hanoi_creative_map::core::check::basemap::check_basemap;
use hanoi_creative_map::core::check::data_report::{OSM_INSUBSTANTIAL_LIMIT, markdown, osm_credited};
use hanoi_creative_map::core::check::geography::{Outlines, geographic_problems};
use hanoi_creative_map::core::check::report::report;
use hanoi_creative_map::core::check::validate::parse_bytes;
use hanoi_creative_map::core::editing::canonical::canonical_text;
use hanoi_creative_map::core::model::config::CityConfig;
use hanoi_creative_map::core::model::trails::parse_trails;
use hanoi_creative_map::core::query::catalogue::Catalogue;
use hanoi_creative_map::core::text::lang::Lang;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: check-data [--lang vi|en] [--strict] [--report] [--config CONFIG.json] [--trails TRAILS.json] [--basemap BASEMAP.geojson] [--canonical] FILE.geojson…";

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

/// What the command line asks for.
#[derive(Default)]
struct Options {
    lang: Option<Lang>,
    strict: bool,
    report: bool,
    canonical: bool,
    config: Option<String>,
    trails: Option<String>,
    basemap: Option<String>,
    files: Vec<String>,
}

fn options(args: Vec<String>) -> Result<Options, String> {
    let mut options = Options::default();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--lang" => options.lang = Some(args.next().and_then(|code| Lang::from_code(&code)).ok_or(USAGE)?),
            "--strict" => options.strict = true,
            "--report" => options.report = true,
            "--canonical" => options.canonical = true,
            "--config" => options.config = Some(args.next().ok_or(USAGE)?),
            "--trails" => options.trails = Some(args.next().ok_or(USAGE)?),
            "--basemap" => options.basemap = Some(args.next().ok_or(USAGE)?),
            _ if arg.starts_with('-') => return Err(USAGE.to_owned()),
            _ => options.files.push(arg),
        }
    }
    if options.files.is_empty() {
        return Err(USAGE.to_owned());
    }
    Ok(options)
}

/// Checks every file; `Ok(true)` when none fails.
fn run(args: Vec<String>) -> Result<bool, String> {
    let options = options(args)?;
    let lang = options.lang.unwrap_or(Lang::En);
    let (config, config_file) = read_config(options.config.as_deref(), &options.files[0])?;
    let named = config.basemap.as_ref().zip(config_file).map(|(basemap, config_file)| {
        let name = Path::new(&basemap.url).file_name().unwrap_or_default();
        config_file.with_file_name(name).display().to_string()
    });
    let basemap = match options.basemap.or(named) {
        Some(path) => Some((read(&path)?, path)),
        None => None,
    };
    if options.report {
        let bytes = std::fs::read(&options.files[0]).map_err(|error| format!("{}: {error}", options.files[0]))?;
        print!("{}", markdown(&parse_bytes(&bytes, &config.region).spaces));
        return Ok(true);
    }
    // Outlines that cannot be read are reported by the background check below.
    let outlines = basemap.as_ref().and_then(|(text, _)| Outlines::from_geojson(text).ok());

    let mut all_clean = true;
    let mut first = None;
    for file in &options.files {
        if options.canonical {
            rewrite_canonical(file)?;
        }
        let bytes = std::fs::read(file).map_err(|error| format!("{file}: {error}"))?;
        let mut dataset = parse_bytes(&bytes, &config.region);
        if let Some(outlines) = &outlines {
            dataset.problems.extend(geographic_problems(&dataset, outlines));
        }
        let (text, failed) = report(file, &dataset, lang);
        print!("{text}");
        let warned = options.strict && dataset.warnings().next().is_some();
        all_clean &= !(failed || warned);
        if options.strict {
            let credited = osm_credited(&dataset.spaces);
            if credited >= OSM_INSUBSTANTIAL_LIMIT {
                println!(
                    "{file}: error: {credited} positions are credited to OpenStreetMap; under {OSM_INSUBSTANTIAL_LIMIT} keep the dataset an insubstantial extract (or publish it under ODbL)"
                );
                all_clean = false;
            }
        }
        first.get_or_insert(dataset);
    }
    let beside = Path::new(&options.files[0]).with_file_name("trails.json");
    let trails_path = options
        .trails
        .or_else(|| beside.is_file().then(|| beside.display().to_string()));
    if let (Some(path), Some(dataset)) = (trails_path, first) {
        let (trails, problems) = parse_trails(&read(&path)?, &Catalogue::new(dataset));
        for problem in &problems {
            println!("{path}: error: {}", problem.describe(lang));
        }
        println!("{path}: {} trails, {} problems", trails.len(), problems.len());
        all_clean &= problems.is_empty();
    }
    if let Some((text, path)) = basemap {
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
    let text = read(file)?;
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

fn read(path: &str) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|error| format!("{path}: {error}"))
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
