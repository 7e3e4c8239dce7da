//! Vietnam's public holidays, for `PH` in opening hours.
//!
//! The solar ones are fixed by the Labour Code: 1 January, 30 April, 1 May and 2 September with
//! one adjacent day (the Code leaves the government to pick 1 or 3 September each year; we use
//! 1 September, the usual choice, and say so in the data guide). The lunar ones move: Tết (the
//! last day of the old lunar year and the first four of the new; the exact five days are
//! decreed each year) and the Hùng Kings' day (10th day of the 3rd lunar month), listed here
//! for 2024–2032. Outside those years `PH` never matches.

/// Lunar New Year's Day (1st day of the 1st lunar month), 2024–2032.
const TET: &[(i32, u8, u8)] = &[
    (2024, 2, 10),
    (2025, 1, 29),
    (2026, 2, 17),
    (2027, 2, 6),
    (2028, 1, 26),
    (2029, 2, 13),
    (2030, 2, 3),
    (2031, 1, 23),
    (2032, 2, 11),
];

/// The Hùng Kings' commemoration day, 2024–2032.
const HUNG_KINGS: &[(i32, u8, u8)] = &[
    (2024, 4, 18),
    (2025, 4, 7),
    (2026, 4, 26),
    (2027, 4, 16),
    (2028, 4, 4),
    (2029, 4, 23),
    (2030, 4, 12),
    (2031, 5, 1),
    (2032, 4, 20),
];

/// Whether the date is a public holiday. `days` is the date's day number and `date_of` turns
/// a day number back into (year, month, day), so Tết's span can cross month ends.
pub fn is_public_holiday(year: i32, month: u8, day: u8, days: i64, date_of: impl Fn(i64) -> (i32, u8, u8)) -> bool {
    if matches!((month, day), (1 | 5, 1) | (4, 30) | (9, 1 | 2)) {
        return true;
    }
    if HUNG_KINGS.contains(&(year, month, day)) {
        return true;
    }
    // Tết: from the day before New Year's Day to the fourth day after it.
    (-3..=1).any(|offset| TET.contains(&date_of(days + offset)))
}
