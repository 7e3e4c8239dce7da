//! The rectangle where a city's spaces must lie: a guard against swapped or mistyped
//! coordinates.

use crate::core::model::space::LatLon;

/// A latitude/longitude rectangle.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Region {
    /// Southern edge.
    pub min_lat: f64,
    /// Northern edge.
    pub max_lat: f64,
    /// Western edge.
    pub min_lon: f64,
    /// Eastern edge.
    pub max_lon: f64,
}

impl Region {
    /// Hanoi's administrative area since 2008, with a small margin.
    pub const HANOI: Self = Self {
        min_lat: 20.50,
        max_lat: 21.45,
        min_lon: 105.25,
        max_lon: 106.05,
    };

    /// Whether `point` lies inside the rectangle (edges included).
    #[must_use]
    pub fn contains(&self, point: LatLon) -> bool {
        (self.min_lat..=self.max_lat).contains(&point.lat) && (self.min_lon..=self.max_lon).contains(&point.lon)
    }

    /// Whether the two rectangles share at least a point.
    #[must_use]
    pub fn overlaps(&self, other: &Self) -> bool {
        self.min_lat <= other.max_lat
            && other.min_lat <= self.max_lat
            && self.min_lon <= other.max_lon
            && other.min_lon <= self.max_lon
    }

    /// The middle of the rectangle.
    #[must_use]
    pub fn center(&self) -> LatLon {
        LatLon {
            lat: f64::midpoint(self.min_lat, self.max_lat),
            lon: f64::midpoint(self.min_lon, self.max_lon),
        }
    }
}

impl Default for Region {
    fn default() -> Self {
        Self::HANOI
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hanoi_contains_hoan_kiem_lake_not_saigon() {
        assert!(Region::HANOI.contains(LatLon {
            lat: 21.0285,
            lon: 105.8522
        }));
        assert!(!Region::HANOI.contains(LatLon {
            lat: 10.7769,
            lon: 106.7009
        }));
        assert!(!Region::HANOI.contains(LatLon {
            lat: 105.8522,
            lon: 21.0285
        }));
    }

    #[test]
    fn overlapping_needs_a_shared_point() {
        let west_lake = Region {
            min_lat: 21.04,
            max_lat: 21.07,
            min_lon: 105.81,
            max_lon: 105.84,
        };
        let paris = Region {
            min_lat: 48.8,
            max_lat: 48.9,
            min_lon: 2.2,
            max_lon: 2.4,
        };
        assert!(Region::HANOI.overlaps(&west_lake) && west_lake.overlaps(&Region::HANOI));
        assert!(!Region::HANOI.overlaps(&paris));
    }
}
