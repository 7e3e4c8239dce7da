//! Distances on the Earth, for "near me", and numbers written for people and files.

use crate::core::geometry::trig::{asin, cos, sin};
use crate::core::model::space::LatLon;

/// Mean Earth radius in metres.
const EARTH_RADIUS_M: f64 = 6_371_008.8;

/// Great-circle distance between two points, in metres (haversine).
#[must_use]
pub fn distance_m(a: LatLon, b: LatLon) -> f64 {
    let (lat1, lat2) = (a.lat.to_radians(), b.lat.to_radians());
    let d_lat = lat2 - lat1;
    let d_lon = (b.lon - a.lon).to_radians();
    let h = sin(d_lat / 2.0).powi(2) + cos(lat1) * cos(lat2) * sin(d_lon / 2.0).powi(2);
    2.0 * EARTH_RADIUS_M * asin(h.sqrt())
}

/// A distance for people: "850 m", "2.4 km", "18 km".
#[must_use]
pub fn format_distance(metres: f64) -> String {
    if metres < 1_000.0 {
        format!("{} m", fixed((metres / 10.0).round() * 10.0, 0))
    } else if metres < 10_000.0 {
        format!("{} km", fixed(metres / 1_000.0, 1))
    } else {
        format!("{} km", fixed(metres / 1_000.0, 0))
    }
}

/// The largest magnitude [`fixed`] writes digit by digit.
const FIXED_LIMIT: f64 = 1e12;

/// `value` with exactly `decimals` decimals (at most 7), rounded half away from zero:
/// `fixed(21.02849, 3)` is `"21.028"`. Written with integer arithmetic, because the standard
/// float formatting costs the browser bundle about 6 KB gzip. Beyond ±10¹² (no coordinate,
/// zoom or distance is) it says so instead of giving digits.
#[must_use]
pub fn fixed(value: f64, decimals: u32) -> String {
    let decimals = decimals.min(7);
    if value.is_nan() {
        return "NaN".to_owned();
    }
    if value.abs() >= FIXED_LIMIT {
        return if value < 0.0 {
            "<-1000000000000"
        } else {
            ">1000000000000"
        }
        .to_owned();
    }
    let scale = 10_u64.pow(decimals);
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        clippy::cast_precision_loss,
        reason = "the magnitude is below 10^12 and the scale at most 10^7, so it fits u64"
    )]
    let scaled = (value.abs() * scale as f64).round() as u64;
    let sign = if value < 0.0 && scaled != 0 { "-" } else { "" };
    let whole = scaled / scale;
    if decimals == 0 {
        return format!("{sign}{whole}");
    }
    let fraction = scaled % scale;
    format!("{sign}{whole}.{fraction:0width$}", width = decimals as usize)
}

/// `value` rounded to `decimals` decimals, the number [`fixed`] writes.
#[must_use]
pub fn rounded(value: f64, decimals: u32) -> f64 {
    let scale = f64::from(10_u32.pow(decimals.min(7)));
    (value * scale).round() / scale
}

/// A number for files and messages, written as briefly as a correctly rounding reader (a
/// browser, a spreadsheet, Rust's `str::parse`) reads it back exactly: `105.8517`, `21.0`,
/// `1e300`. Written by `serde_json`, whose float writer the bundle carries anyway. (`serde_json`'s
/// own default reader may land one bit off; its exact mode costs the bundle 9 KB gzip.)
#[must_use]
pub fn coordinate(value: f64) -> String {
    serde_json::to_string(&value).unwrap_or_else(|_| "NaN".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hoan_kiem_to_temple_of_literature_is_about_two_km() {
        let lake = LatLon {
            lat: 21.0287,
            lon: 105.8524,
        };
        let temple = LatLon {
            lat: 21.0277,
            lon: 105.8355,
        };
        let d = distance_m(lake, temple);
        assert!((1_700.0..1_850.0).contains(&d), "{d}");
    }

    #[test]
    fn fixed_and_coordinates() {
        assert_eq!(fixed(21.028_49, 3), "21.028");
        assert_eq!(fixed(105.854_25, 5), "105.85425");
        assert_eq!(fixed(-0.000_001, 2), "0.00");
        assert_eq!(fixed(-1.005, 1), "-1.0");
        assert_eq!(fixed(-2.5, 0), "-3");
        assert_eq!(fixed(15.0, 2), "15.00");
        assert_eq!(fixed(f64::NAN, 2), "NaN");
        assert_eq!(fixed(1e300, 2), ">1000000000000");
        assert_eq!(coordinate(105.8517), "105.8517");
        assert_eq!(coordinate(21.0), "21.0");
        assert_eq!(coordinate(-200.5), "-200.5");
        assert_eq!(coordinate(21.028_585_24), "21.02858524");
    }

    proptest::proptest! {
        #[test]
        fn coordinates_read_back_exactly(value in proptest::num::f64::NORMAL | proptest::num::f64::SUBNORMAL | proptest::num::f64::ZERO) {
            proptest::prop_assert_eq!(coordinate(value).parse::<f64>().ok(), Some(value));
        }
    }

    #[test]
    fn formats() {
        assert_eq!(format_distance(847.0), "850 m");
        assert_eq!(format_distance(2_430.0), "2.4 km");
        assert_eq!(format_distance(18_200.0), "18 km");
    }
}
