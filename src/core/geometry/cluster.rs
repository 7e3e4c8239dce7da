//! Grid clustering in screen space, recomputed for each view: the spaces in view are bucketed
//! into square cells of a fixed pixel size at the current zoom; a cell with one space shows its
//! marker, a cell with several shows one cluster with the count. Only what is on screen ever
//! becomes a Leaflet object, and a hidden space is in no cluster because only the visible
//! indices are clustered. Cost: one pass over the visible spaces per view change.
//!
//! Then no two targets may overlap (WCAG 2.5.8, target size): groups and pins whose touch
//! targets would touch or cover each other are merged, until every target stands free, so a
//! finger never hits a group when it meant a pin.

use crate::core::geometry::trig::{atan, ln, sin, sinh};
use crate::core::model::space::LatLon;
use rustc_hash::FxHashMap;
use std::f64::consts::PI;

/// A point in Web Mercator's unit square: x from 0 (180° W) to 1 (180° E), y from 0 (north)
/// to 1 (south). Multiply by `256 · 2^zoom` for Leaflet's pixel coordinates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mercator {
    /// East–west position, 0 to 1.
    pub x: f64,
    /// North–south position, 0 to 1.
    pub y: f64,
}

impl Mercator {
    /// Projects a WGS84 point (latitude clamped to Web Mercator's ±85.05°).
    #[must_use]
    pub fn project(point: LatLon) -> Self {
        let lat = point.lat.clamp(-85.051_128, 85.051_128).to_radians();
        // Leaflet's own formula: two elementary functions (each a call into the browser's Math
        // in wasm, made for every space at load) rather than three.
        let sin_lat = sin(lat);
        Self {
            x: (point.lon + 180.0) / 360.0,
            y: (1.0 - ln((1.0 + sin_lat) / (1.0 - sin_lat)) / (2.0 * PI)) / 2.0,
        }
    }

    /// Back to WGS84.
    #[must_use]
    pub fn unproject(self) -> LatLon {
        let lat = atan(sinh(PI * (1.0 - 2.0 * self.y))).to_degrees();
        LatLon {
            lat,
            lon: self.x * 360.0 - 180.0,
        }
    }
}

/// The part of the map on screen, in Mercator units, and the zoom.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    /// North-west corner.
    pub min: Mercator,
    /// South-east corner.
    pub max: Mercator,
    /// Leaflet zoom level.
    pub zoom: f64,
}

/// One marker to draw: a single space or a group of them.
#[derive(Debug, Clone, PartialEq)]
pub enum Cluster {
    /// A space alone in its cell.
    Single(usize),
    /// Several spaces in one cell, drawn at their mean position.
    Group {
        /// Mean position of the members.
        center: Mercator,
        /// The members' indices.
        members: Vec<usize>,
        /// The members' bounding box (north-west, south-east), to zoom to on click.
        bounds: (Mercator, Mercator),
    },
}

/// What one grid cell has gathered so far.
struct Acc {
    sum_x: f64,
    sum_y: f64,
    min: Mercator,
    max: Mercator,
    members: Vec<usize>,
}

/// Cell size in screen pixels: markers closer than this merge.
pub const CELL_PX: f64 = 64.0;

/// Half the side of a pin's target in screen pixels: the UI's pin icon is 26 px square,
/// anchored at its bottom middle, so its middle is this far above the space's point.
pub const PIN_HALF_PX: f64 = 13.0;

/// Half the side of a group's target in screen pixels, by member count: the UI's disc is 34 px
/// below 10 members, 40 px below 100 and 46 px from 100 (`group_marker` in the map adapter).
#[must_use]
pub fn group_half_px(members: usize) -> f64 {
    match members {
        0..10 => 17.0,
        10..100 => 20.0,
        _ => 23.0,
    }
}

/// Clear space kept between two targets, in screen pixels.
pub const TARGET_GAP_PX: f64 = 2.0;

/// Clusters the spaces `visible` (indices into `points`) that fall in `view`, padded by one
/// cell so that markers at the edges do not pop when panning. At or above `max_zoom` nothing
/// is grouped except spaces whose targets would overlap. The space `apart` (the selected one) is
/// never grouped, so that a person always sees where it is.
#[must_use]
pub fn cluster(
    points: &[Mercator],
    visible: &[usize],
    view: &Viewport,
    max_zoom: f64,
    apart: Option<usize>,
) -> Vec<Cluster> {
    // Leaflet zooms in whole steps here (zoomSnap 1); powi avoids pulling libm's exp into wasm.
    #[allow(clippy::cast_possible_truncation, reason = "zoom levels are 0 to 22")]
    let scale = 256.0 * 2f64.powi(view.zoom.round() as i32);
    let cell = if view.zoom >= max_zoom { 1.0 } else { CELL_PX };
    let pad = CELL_PX / scale;
    let (min_x, min_y, max_x, max_y) = (view.min.x - pad, view.min.y - pad, view.max.x + pad, view.max.y + pad);

    let mut cells: FxHashMap<(i64, i64), Acc> = FxHashMap::default();
    let mut alone = None;
    for &i in visible {
        let p = points[i];
        if p.x < min_x || p.x > max_x || p.y < min_y || p.y > max_y {
            continue;
        }
        if apart == Some(i) {
            alone = Some(Cluster::Single(i));
            continue;
        }
        #[allow(
            clippy::cast_possible_truncation,
            reason = "cell numbers fit easily: at most 2^30 cells per axis"
        )]
        let key = ((p.x * scale / cell).floor() as i64, (p.y * scale / cell).floor() as i64);
        let acc = cells.entry(key).or_insert_with(|| Acc {
            sum_x: 0.0,
            sum_y: 0.0,
            min: p,
            max: p,
            members: Vec::new(),
        });
        acc.sum_x += p.x;
        acc.sum_y += p.y;
        acc.min = Mercator {
            x: acc.min.x.min(p.x),
            y: acc.min.y.min(p.y),
        };
        acc.max = Mercator {
            x: acc.max.x.max(p.x),
            y: acc.max.y.max(p.y),
        };
        acc.members.push(i);
    }
    let mut accs: Vec<Acc> = cells.into_values().collect();
    // The apart space keeps its place: the others only stop overlapping one another.
    while merge_overlapping(&mut accs, scale) {}
    let mut out: Vec<Cluster> = accs
        .into_iter()
        .map(|acc| {
            if acc.members.len() == 1 {
                Cluster::Single(acc.members[0])
            } else {
                #[allow(clippy::cast_precision_loss, reason = "member counts are far below 2^52")]
                let n = acc.members.len() as f64;
                Cluster::Group {
                    center: Mercator {
                        x: acc.sum_x / n,
                        y: acc.sum_y / n,
                    },
                    members: acc.members,
                    bounds: (acc.min, acc.max),
                }
            }
        })
        .chain(alone)
        .collect();
    // A stable order, so equal inputs give equal outputs whatever the hash map did.
    out.sort_by_key(|c| match c {
        Cluster::Single(i) => *i,
        Cluster::Group { members, .. } => members[0],
    });
    out
}

impl Acc {
    /// The middle of the drawn target and half its side, in screen pixels at `scale`.
    #[allow(clippy::cast_precision_loss, reason = "member counts are far below 2^52")]
    fn target(&self, scale: f64) -> (f64, f64, f64) {
        let n = self.members.len() as f64;
        let (x, y) = (self.sum_x / n * scale, self.sum_y / n * scale);
        if self.members.len() == 1 {
            (x, y - PIN_HALF_PX, PIN_HALF_PX)
        } else {
            (x, y, group_half_px(self.members.len()))
        }
    }

    fn absorb(&mut self, other: Acc) {
        self.sum_x += other.sum_x;
        self.sum_y += other.sum_y;
        self.min = Mercator {
            x: self.min.x.min(other.min.x),
            y: self.min.y.min(other.min.y),
        };
        self.max = Mercator {
            x: self.max.x.max(other.max.x),
            y: self.max.y.max(other.max.y),
        };
        self.members.extend(other.members);
    }
}

/// Merges targets that overlap (or come closer than the gap) into the first of them; whether
/// anything merged. Every pair is compared: a view holds a few hundred targets at most (one per
/// cell), and merges are few, so plain loops cost less bundle than a spatial index would save.
fn merge_overlapping(accs: &mut Vec<Acc>, scale: f64) -> bool {
    let mut merged = false;
    let mut i = 0;
    while i < accs.len() {
        let mut j = i + 1;
        while j < accs.len() {
            let ((x, y, half), (ox, oy, other_half)) = (accs[i].target(scale), accs[j].target(scale));
            let apart = half + other_half + TARGET_GAP_PX;
            if (x - ox).abs() < apart && (y - oy).abs() < apart {
                let other = accs.swap_remove(j);
                accs[i].absorb(other);
                merged = true;
                // The target grew and moved: compare it with the others again.
                j = i + 1;
            } else {
                j += 1;
            }
        }
        i += 1;
    }
    merged
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn hanoi_view(zoom: f64) -> Viewport {
        Viewport {
            min: Mercator::project(LatLon { lat: 21.2, lon: 105.6 }),
            max: Mercator::project(LatLon { lat: 20.9, lon: 106.0 }),
            zoom,
        }
    }

    fn points() -> Vec<Mercator> {
        [
            (21.0285, 105.8524), // Hoàn Kiếm
            (21.0287, 105.8526), // a few metres away
            (21.0277, 105.8355), // Temple of Literature, ~1.8 km west
            (10.7769, 106.7009), // Saigon: out of view
        ]
        .iter()
        .map(|&(lat, lon)| Mercator::project(LatLon { lat, lon }))
        .collect()
    }

    #[test]
    fn projection_round_trips() {
        let p = LatLon {
            lat: 21.0285,
            lon: 105.8524,
        };
        let back = Mercator::project(p).unproject();
        assert!((back.lat - p.lat).abs() < 1e-9 && (back.lon - p.lon).abs() < 1e-9);
        assert_eq!(
            Mercator::project(LatLon { lat: 0.0, lon: 0.0 }),
            Mercator { x: 0.5, y: 0.5 }
        );
    }

    #[test]
    fn zoomed_out_everything_nearby_groups() {
        let clusters = cluster(&points(), &[0, 1, 2, 3], &hanoi_view(10.0), 18.0, None);
        assert_eq!(clusters.len(), 1);
        let Cluster::Group { members, .. } = &clusters[0] else {
            panic!("{clusters:?}")
        };
        assert_eq!(members.len(), 3, "Saigon is out of view");
    }

    #[test]
    fn zoomed_in_neighbours_separate() {
        let clusters = cluster(&points(), &[0, 1, 2], &hanoi_view(16.0), 18.0, None);
        assert!(clusters.contains(&Cluster::Single(2)));
        assert_eq!(clusters.len(), 2);
    }

    #[test]
    fn hidden_spaces_are_in_no_cluster() {
        let clusters = cluster(&points(), &[2], &hanoi_view(10.0), 18.0, None);
        assert_eq!(clusters, vec![Cluster::Single(2)]);
    }

    #[test]
    fn pins_that_would_touch_group_even_at_max_zoom() {
        // Two spaces 5 m apart: a few pixels at zoom 18, one pin would cover the other.
        let pts = vec![
            Mercator::project(LatLon {
                lat: 21.0285,
                lon: 105.8524,
            }),
            Mercator::project(LatLon {
                lat: 21.02852,
                lon: 105.85242,
            }),
        ];
        let clusters = cluster(&pts, &[0, 1], &hanoi_view(18.0), 18.0, None);
        assert!(
            matches!(&clusters[..], [Cluster::Group { members, .. }] if members.len() == 2),
            "{clusters:?}"
        );
    }

    #[test]
    fn at_max_zoom_only_the_same_spot_groups() {
        let mut pts = points();
        pts.push(pts[0]);
        let clusters = cluster(&pts, &[0, 1, 4], &hanoi_view(18.0), 18.0, None);
        assert_eq!(clusters.len(), 2, "{clusters:?}");
    }

    #[test]
    fn the_selected_space_stands_apart_from_its_group() {
        let clusters = cluster(&points(), &[0, 1, 2], &hanoi_view(10.0), 18.0, Some(0));
        assert!(clusters.contains(&Cluster::Single(0)), "{clusters:?}");
        let Some(Cluster::Group { members, .. }) = clusters.iter().find(|c| matches!(c, Cluster::Group { .. })) else {
            panic!("{clusters:?}")
        };
        assert_eq!(members, &[1, 2]);
        let hidden = cluster(&points(), &[1, 2], &hanoi_view(10.0), 18.0, Some(0));
        assert!(
            !hidden.contains(&Cluster::Single(0)),
            "a space the filters hide stays hidden"
        );
    }

    proptest! {
        #[test]
        fn every_visible_space_in_view_is_drawn_exactly_once(
            raw in proptest::collection::vec((20.95f64..21.15, 105.7f64..105.95), 0..300),
            zoom in 8.0f64..19.0,
            apart in proptest::option::of(0usize..300),
        ) {
            let pts: Vec<Mercator> = raw.iter().map(|&(lat, lon)| Mercator::project(LatLon { lat, lon })).collect();
            let visible: Vec<usize> = (0..pts.len()).filter(|i| i % 3 != 0).collect();
            let clusters = cluster(&pts, &visible, &hanoi_view(zoom), 18.0, apart);
            if let Some(apart) = apart.filter(|a| visible.contains(a)) {
                prop_assert!(clusters.contains(&Cluster::Single(apart)));
            }
            let mut drawn: Vec<usize> = clusters.iter().flat_map(|c| match c {
                Cluster::Single(i) => vec![*i],
                Cluster::Group { members, .. } => members.clone(),
            }).collect();
            drawn.sort_unstable();
            prop_assert_eq!(drawn, visible);
        }

        #[test]
        fn no_two_targets_overlap_but_the_selected_ones(
            raw in proptest::collection::vec((20.95f64..21.15, 105.7f64..105.95), 0..300),
            zoom in 8.0f64..19.0,
            apart in proptest::option::of(0usize..300),
        ) {
            let pts: Vec<Mercator> = raw.iter().map(|&(lat, lon)| Mercator::project(LatLon { lat, lon })).collect();
            let visible: Vec<usize> = (0..pts.len()).collect();
            let view = hanoi_view(zoom);
            #[allow(clippy::cast_possible_truncation, reason = "zoom is 8 to 19")]
            let scale = 256.0 * 2f64.powi(zoom.round() as i32);
            let targets: Vec<(f64, f64, f64)> = cluster(&pts, &visible, &view, 18.0, apart)
                .iter()
                .filter(|c| !matches!(c, Cluster::Single(i) if Some(*i) == apart))
                .map(|c| match c {
                    Cluster::Single(i) => (pts[*i].x * scale, pts[*i].y * scale - PIN_HALF_PX, PIN_HALF_PX),
                    Cluster::Group { center, members, .. } => (center.x * scale, center.y * scale, group_half_px(members.len())),
                })
                .collect();
            for (i, a) in targets.iter().enumerate() {
                for b in &targets[i + 1..] {
                    let reach = a.2 + b.2 + TARGET_GAP_PX;
                    prop_assert!((a.0 - b.0).abs() >= reach || (a.1 - b.1).abs() >= reach, "{a:?} overlaps {b:?}");
                }
            }
        }
    }
}
