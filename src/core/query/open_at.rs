//! The "open now / open at" filter's moment, in Hanoi's wall-clock time, and its URL form
//! (`open=now` or `open=2026-11-28T19:30`, the form of an HTML `datetime-local` input).

use crate::core::model::hours::LocalDateTime;

/// When the "open" filter wants spaces to be open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenAt {
    /// At the moment the filter is applied.
    Now,
    /// At a chosen day and time in Hanoi.
    At(LocalDateTime),
}

impl OpenAt {
    /// Reads `now` or `YYYY-MM-DDTHH:MM`; anything else, or an impossible date, is `None`.
    #[must_use]
    pub fn from_param(text: &str) -> Option<Self> {
        if text == "now" {
            return Some(Self::Now);
        }
        let bytes = text.as_bytes();
        if bytes.len() != 16 || bytes[4] != b'-' || bytes[7] != b'-' || bytes[10] != b'T' || bytes[13] != b':' {
            return None;
        }
        let number = |range: std::ops::Range<usize>| -> Option<u16> {
            let part = text.get(range)?;
            part.bytes().all(|b| b.is_ascii_digit()).then(|| part.parse().ok())?
        };
        let year = number(0..4)?;
        let month = u8::try_from(number(5..7)?).ok()?;
        let day = u8::try_from(number(8..10)?).ok()?;
        let hour = u8::try_from(number(11..13)?).ok()?;
        let minute = u8::try_from(number(14..16)?).ok()?;
        let valid = (1970..=2200).contains(&year)
            && (1..=12).contains(&month)
            && (1..=days_in_month(year, month)).contains(&day)
            && hour < 24
            && minute < 60;
        valid.then_some(Self::At(LocalDateTime {
            year: i32::from(year),
            month,
            day,
            hour,
            minute,
        }))
    }

    /// The URL form, which [`Self::from_param`] reads back.
    #[must_use]
    pub fn to_param(self) -> String {
        match self {
            Self::Now => "now".to_owned(),
            Self::At(at) => datetime_local(at),
        }
    }

    /// The moment meant, given what time it is now in Hanoi.
    #[must_use]
    pub const fn resolve(self, now: LocalDateTime) -> LocalDateTime {
        match self {
            Self::Now => now,
            Self::At(at) => at,
        }
    }
}

/// `at` as an HTML `datetime-local` value.
#[must_use]
pub fn datetime_local(at: LocalDateTime) -> String {
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}",
        at.year, at.month, at.day, at.hour, at.minute
    )
}

const fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reads_now_and_a_moment() {
        assert_eq!(OpenAt::from_param("now"), Some(OpenAt::Now));
        assert_eq!(
            OpenAt::from_param("2026-11-28T19:30"),
            Some(OpenAt::At(LocalDateTime {
                year: 2026,
                month: 11,
                day: 28,
                hour: 19,
                minute: 30
            }))
        );
    }

    #[test]
    fn refuses_impossible_or_malformed_moments() {
        for text in [
            "",
            "NOW",
            "2026-02-29T10:00",
            "2026-13-01T10:00",
            "2026-04-31T10:00",
            "2026-11-28T24:00",
            "2026-11-28T10:60",
            "2026-11-28 10:00",
            "+026-11-28T10:00",
            "2026-11-28T10:00:00",
            "２026-11-28T10:00",
        ] {
            assert_eq!(OpenAt::from_param(text), None, "{text}");
        }
        assert!(OpenAt::from_param("2028-02-29T10:00").is_some());
    }

    proptest! {
        #[test]
        fn round_trips(year in 1970u16..=2200, month in 1u8..=12, day in 1u8..=28, hour in 0u8..24, minute in 0u8..60) {
            let at = OpenAt::At(LocalDateTime { year: i32::from(year), month, day, hour, minute });
            prop_assert_eq!(OpenAt::from_param(&at.to_param()), Some(at));
        }

        #[test]
        fn never_panics(text in "\\PC{0,20}") {
            let _ = OpenAt::from_param(&text);
        }
    }
}
