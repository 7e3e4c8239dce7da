//! Native benchmarks of the core at 1k, 10k and 100k synthetic spaces: parse and validate,
//! index build, filter with facet counts, search, and the cluster query for one view.
//! Run with `make bench` (or `cargo bench --bench core`).

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use hanoi_creative_map::core::check::validate::parse_str;
use hanoi_creative_map::core::geometry::cluster::{Mercator, Viewport, cluster};
use hanoi_creative_map::core::model::hours::LocalDateTime;
use hanoi_creative_map::core::model::region::Region;
use hanoi_creative_map::core::model::space::LatLon;
use hanoi_creative_map::core::model::taxonomy::{Discipline, SpaceType};
use hanoi_creative_map::core::query::catalogue::Catalogue;
use hanoi_creative_map::core::query::filters::Filters;
use hanoi_creative_map::core::query::open_at::OpenAt;
use hanoi_creative_map::core::query::search::Query;
use hanoi_creative_map::core::synthetic::dataset;
use std::hint::black_box;

const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

/// A fixed "now" in Hanoi (a Saturday morning), so the runs are comparable.
const NOW: LocalDateTime = LocalDateTime {
    year: 2026,
    month: 11,
    day: 28,
    hour: 10,
    minute: 0,
};

fn benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("core");
    group.sample_size(10);
    for n in SIZES {
        let text = dataset(n, 1);
        group.bench_with_input(BenchmarkId::new("parse+validate", n), &text, |b, text| {
            b.iter(|| parse_str(black_box(text), &Region::HANOI));
        });
        let parsed = parse_str(&text, &Region::HANOI);
        group.bench_with_input(BenchmarkId::new("index build", n), &parsed, |b, parsed| {
            b.iter(|| Catalogue::new(black_box(parsed.clone())));
        });
        let catalogue = Catalogue::new(parsed);
        let mut filters = Filters::default();
        filters.disciplines.insert(Discipline::Music);
        filters.space_types.insert(SpaceType::Gallery);
        group.bench_with_input(BenchmarkId::new("filter+counts", n), &catalogue, |b, catalogue| {
            b.iter(|| catalogue.select(black_box(&filters), None, NOW));
        });
        let query = Query::parse("hang bac").expect("a query");
        group.bench_with_input(BenchmarkId::new("search", n), &catalogue, |b, catalogue| {
            b.iter(|| catalogue.select(&Filters::default(), Some(black_box(&query)), NOW));
        });
        // Two moments in turn, so every call evaluates every space's hours (no cache hit).
        let moments = ["2026-11-28T10:00", "2026-11-28T20:00"].map(|m| Filters {
            open: OpenAt::from_param(m),
            ..Filters::default()
        });
        let mut turn = 0;
        group.bench_with_input(BenchmarkId::new("open at", n), &catalogue, |b, catalogue| {
            b.iter(|| {
                turn ^= 1;
                catalogue.select(black_box(&moments[turn]), None, NOW)
            });
        });
        let visible: Vec<usize> = (0..catalogue.spaces().len()).collect();
        let view = Viewport {
            min: Mercator::project(LatLon {
                lat: 21.10,
                lon: 105.75,
            }),
            max: Mercator::project(LatLon {
                lat: 20.95,
                lon: 105.95,
            }),
            zoom: 13.0,
        };
        group.bench_with_input(BenchmarkId::new("cluster query", n), &catalogue, |b, catalogue| {
            b.iter(|| cluster(catalogue.mercator(), black_box(&visible), &view, 19.0, None));
        });
    }
    group.finish();
}

criterion_group!(core, benches);
criterion_main!(core);
