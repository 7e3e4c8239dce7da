//! Hanoi's time for the "open now" filter and badges, kept current to the minute.

use crate::core::model::hours::{LocalDateTime, hanoi_now};
use leptos::prelude::*;
use std::time::Duration;

/// The current minute in Hanoi, whatever the visitor's clock zone.
#[derive(Clone, Copy)]
pub struct HanoiClock(pub ReadSignal<LocalDateTime>);

/// Provides the clock to the components below; it ticks once a minute.
pub fn provide_clock() {
    let (now, set_now) = signal(read_now());
    // Set only when the minute changes, so nothing that reads the clock reruns in between.
    let handle = set_interval_with_handle(
        move || {
            let fresh = read_now();
            if fresh != now.get_untracked() {
                set_now.set(fresh);
            }
        },
        Duration::from_secs(15),
    );
    if let Ok(handle) = handle {
        on_cleanup(move || handle.clear());
    }
    provide_context(HanoiClock(now));
}

/// The clock, for components below the App.
pub fn use_clock() -> ReadSignal<LocalDateTime> {
    expect_context::<HanoiClock>().0
}

fn read_now() -> LocalDateTime {
    hanoi_now(js_sys::Date::now())
}
