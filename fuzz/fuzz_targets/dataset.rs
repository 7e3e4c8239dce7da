//! The dataset parser and validator on arbitrary bytes: it must never panic, and what it
//! accepts must describe itself without panicking either.
#![no_main]

use hanoi_creative_map::core::catalogue::Catalogue;
use hanoi_creative_map::core::lang::Lang;
use hanoi_creative_map::core::region::Region;
use hanoi_creative_map::core::validate::parse_bytes;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let dataset = parse_bytes(data, &Region::HANOI);
    for problem in &dataset.problems {
        let _ = problem.describe(Lang::En);
        let _ = problem.describe(Lang::Vi);
    }
    let catalogue = Catalogue::new(dataset);
    let _ = catalogue.select(&Default::default(), None);
});
