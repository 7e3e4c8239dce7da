//! Distances on the Earth, for "near me".

use super::space::LatLon;

/// Mean Earth radius in metres.
const EARTH_RADIUS_M: f64 = 6_371_008.8;

/// Great-circle distance between two points, in metres (haversine).
#[must_use]
pub fn distance_m(a: LatLon, b: LatLon) -> f64 {
    let (lat1, lat2) = (a.lat.to_radians(), b.lat.to_radians());
    let d_lat = lat2 - lat1;
    let d_lon = (b.lon - a.lon).to_radians();
    let h = (d_lat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (d_lon / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_M * h.sqrt().asin()
}

/// A distance for people: "850 m", "2.4 km", "18 km".
#[must_use]
pub fn format_distance(metres: f64) -> String {
    if metres < 1_000.0 {
        format!("{} m", (metres / 10.0).round() * 10.0)
    } else if metres < 10_000.0 {
        format!("{:.1} km", metres / 1_000.0)
    } else {
        format!("{:.0} km", metres / 1_000.0)
    }
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
    fn formats() {
        assert_eq!(format_distance(847.0), "850 m");
        assert_eq!(format_distance(2_430.0), "2.4 km");
        assert_eq!(format_distance(18_200.0), "18 km");
    }
}
