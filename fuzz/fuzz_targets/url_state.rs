//! The URL-state decoder on arbitrary text: never panics, and what it decodes encodes to a
//! link that decodes to the same state.
#![no_main]

use hanoi_creative_map::core::exchange::url_state::UrlState;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let state = UrlState::decode(text);
    assert_eq!(UrlState::decode(&state.encode()), state);
});
