//! The dataset parser and validator on arbitrary bytes: it must never panic, and what it
//! accepts must describe itself, filter (the "open now" filter too) and export without
//! panicking either.
#![no_main]

use hanoi_creative_map::core::check::validate::parse_bytes;
use hanoi_creative_map::core::exchange::export::{spaces_to_csv, spaces_to_geojson};
use hanoi_creative_map::core::model::hours::LocalDateTime;
use hanoi_creative_map::core::model::region::Region;
use hanoi_creative_map::core::query::catalogue::Catalogue;
use hanoi_creative_map::core::query::filters::Filters;
use hanoi_creative_map::core::query::open_at::OpenAt;
use hanoi_creative_map::core::text::lang::Lang;
use libfuzzer_sys::fuzz_target;

/// A Saturday evening in Hanoi, so the opening hours are evaluated on a weekend.
const NOW: LocalDateTime = LocalDateTime {
    year: 2026,
    month: 11,
    day: 28,
    hour: 19,
    minute: 30,
};

fuzz_target!(|data: &[u8]| {
    let dataset = parse_bytes(data, &Region::HANOI);
    for problem in &dataset.problems {
        let _ = problem.describe(Lang::En);
        let _ = problem.describe(Lang::Vi);
    }
    let catalogue = Catalogue::new(dataset);
    let _ = catalogue.select(&Filters::default(), None, NOW);
    let open = Filters {
        open: Some(OpenAt::Now),
        ..Filters::default()
    };
    let _ = catalogue.select(&open, None, NOW);
    // What the map shows, written out, is a dataset the validator reads back whole. Positions
    // may move by the last bit: serde_json's default number reader is not correctly rounded.
    let written = spaces_to_geojson(catalogue.spaces(), None);
    let mut again = parse_bytes(written.as_bytes(), &Region::HANOI).spaces;
    assert_eq!(again.len(), catalogue.spaces().len());
    for (read, shown) in again.iter_mut().zip(catalogue.spaces()) {
        let close = |a: f64, b: f64| (a - b).abs() <= 1e-12 * a.abs().max(1.0);
        assert!(close(read.position.lat, shown.position.lat) && close(read.position.lon, shown.position.lon));
        read.position = shown.position;
    }
    assert_eq!(again, catalogue.spaces());
    let _ = spaces_to_csv(catalogue.spaces(), None);
});
