//! The opening-hours parser and evaluator on arbitrary text: never panics.
#![no_main]

use hanoi_creative_map::core::model::hours::{LocalDateTime, parse};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    if let Ok(hours) = parse(text) {
        for (day, hour) in [(1, 0), (17, 10), (31, 23)] {
            let _ = hours.state_at(LocalDateTime {
                year: 2026,
                month: 2,
                day,
                hour,
                minute: 30,
            });
        }
    }
});
