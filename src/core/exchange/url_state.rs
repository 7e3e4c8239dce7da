//! The whole view lives in the URL: filters, search, the open space, language and map view.
//! Decoding is forgiving (anything unknown or malformed is ignored); encoding is canonical, so
//! the same state always gives the same link.

use crate::core::check::validate::fields::is_kebab_case;
use crate::core::geometry::geo::{fixed, rounded};
use crate::core::model::code_set::{CodeSet, Coded};
use crate::core::model::taxonomy::{Discipline, Membership, Operator, SpaceType};
use crate::core::query::filters::{Facet, Filters};
use crate::core::query::open_at::OpenAt;
use crate::core::text::lang::Lang;

/// The longest search text kept from a URL.
pub const MAX_QUERY_CHARS: usize = 200;

/// Where the map looks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct MapView {
    /// Latitude of the centre.
    pub lat: f64,
    /// Longitude of the centre.
    pub lon: f64,
    /// Zoom level, 0 to 22.
    pub zoom: f64,
}

/// Everything a link restores.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct UrlState {
    /// Filter choices.
    pub filters: Filters,
    /// Text in the search box.
    pub query: String,
    /// Id of the space whose details are open.
    pub space: Option<String>,
    /// Id of the trail shown on the map.
    pub trail: Option<String>,
    /// Interface language, when the link sets one.
    pub lang: Option<Lang>,
    /// Map centre and zoom, when the link sets them.
    pub view: Option<MapView>,
    /// Compact layout for an iframe.
    pub embed: bool,
}

impl UrlState {
    /// Reads a query string (with or without the leading `?`), ignoring whatever it cannot use.
    /// For a parameter given twice, the first usable value wins; list parameters merge.
    #[must_use]
    pub fn decode(query: &str) -> Self {
        let mut state = Self::default();
        let (mut lat, mut lon, mut zoom) = (None, None, None);
        let mut query_seen = false;
        let query = query.strip_prefix('?').unwrap_or(query);
        for (key, value) in form_urlencoded::parse(query.as_bytes()) {
            match key.as_ref() {
                Discipline::PARAM => add_codes(&mut state.filters.disciplines, &value),
                SpaceType::PARAM => add_codes(&mut state.filters.space_types, &value),
                Operator::PARAM => add_codes(&mut state.filters.operators, &value),
                Membership::PARAM => add_codes(&mut state.filters.memberships, &value),
                "open" if state.filters.open.is_none() => state.filters.open = OpenAt::from_param(&value),
                "closed" => state.filters.show_closed |= is_true(&value),
                "embed" => state.embed |= is_true(&value),
                "q" if !query_seen => {
                    query_seen = true;
                    let clipped: String = value.trim().chars().take(MAX_QUERY_CHARS).collect();
                    // Trim after clipping too, so the clipped query encodes to itself.
                    clipped.trim_end().clone_into(&mut state.query);
                }
                "space" if state.space.is_none() && is_kebab_case(&value) => {
                    state.space = Some(value.into_owned());
                }
                "trail" if state.trail.is_none() && is_kebab_case(&value) => {
                    state.trail = Some(value.into_owned());
                }
                "lang" if state.lang.is_none() => state.lang = Lang::from_code(&value),
                "lat" if lat.is_none() => lat = number_in(&value, -90.0, 90.0),
                "lon" if lon.is_none() => lon = number_in(&value, -180.0, 180.0),
                "z" if zoom.is_none() => zoom = number_in(&value, 0.0, 22.0),
                _ => {}
            }
        }
        if let (Some(lat), Some(lon), Some(zoom)) = (lat, lon, zoom) {
            // Kept at the precision a link writes (about a metre), so a view read from any link
            // gives back the same link.
            state.view = Some(MapView {
                lat: rounded(lat, 5),
                lon: rounded(lon, 5),
                zoom: rounded(zoom, 2),
            });
        }
        state
    }

    /// The canonical query string, without the leading `?`; empty for the default state.
    #[must_use]
    pub fn encode(&self) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        let mut codes = |param: &str, codes: Vec<&str>| {
            if !codes.is_empty() {
                out.append_pair(param, &codes.join(","));
            }
        };
        codes(
            Discipline::PARAM,
            self.filters.disciplines.iter().map(Coded::code).collect(),
        );
        codes(
            SpaceType::PARAM,
            self.filters.space_types.iter().map(Coded::code).collect(),
        );
        codes(
            Operator::PARAM,
            self.filters.operators.iter().map(Coded::code).collect(),
        );
        codes(
            Membership::PARAM,
            self.filters.memberships.iter().map(Coded::code).collect(),
        );
        if self.filters.show_closed {
            out.append_pair("closed", "1");
        }
        if let Some(open) = self.filters.open {
            out.append_pair("open", &open.to_param());
        }
        if !self.query.is_empty() {
            out.append_pair("q", &self.query);
        }
        if let Some(space) = &self.space {
            out.append_pair("space", space);
        }
        if let Some(trail) = &self.trail {
            out.append_pair("trail", trail);
        }
        if let Some(lang) = self.lang {
            out.append_pair("lang", lang.code());
        }
        if let Some(view) = self.view {
            out.append_pair("lat", &fixed(view.lat, 5));
            out.append_pair("lon", &fixed(view.lon, 5));
            out.append_pair("z", &format_zoom(view.zoom));
        }
        if self.embed {
            out.append_pair("embed", "1");
        }
        out.finish()
    }
}

fn add_codes<T: Coded>(set: &mut CodeSet<T>, list: &str) {
    for code in list.split(',') {
        if let Some(value) = T::from_code(code.trim()) {
            set.insert(value);
        }
    }
}

fn is_true(value: &str) -> bool {
    matches!(value, "1" | "true" | "yes")
}

fn number_in(text: &str, min: f64, max: f64) -> Option<f64> {
    // Bounded length: a thousand-digit "number" is garbage, not a coordinate. Read as a JSON
    // number: the dataset's parser is in the bundle anyway, the standard one would be 4 KB more.
    if text.len() > 24 {
        return None;
    }
    serde_json::from_str::<f64>(text)
        .ok()
        .filter(|n| n.is_finite() && (min..=max).contains(n))
}

fn format_zoom(zoom: f64) -> String {
    let text = fixed(zoom, 2);
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn decodes_the_documented_example() {
        let state = UrlState::decode(
            "?discipline=music,design&space_type=museum&operator=state&membership=member&open=now&q=van%20mieu&space=temple-of-literature&trail=old-quarter&lang=en&lat=21.0285&lon=105.8542&z=15",
        );
        assert_eq!(
            state.filters.disciplines.iter().collect::<Vec<_>>(),
            vec![Discipline::Design, Discipline::Music]
        );
        assert!(state.filters.space_types.contains(SpaceType::Museum));
        assert!(state.filters.operators.contains(Operator::State));
        assert!(state.filters.memberships.contains(Membership::Member));
        assert_eq!(state.filters.open, Some(OpenAt::Now));
        assert_eq!(state.query, "van mieu");
        assert_eq!(state.space.as_deref(), Some("temple-of-literature"));
        assert_eq!(state.trail.as_deref(), Some("old-quarter"));
        assert_eq!(state.lang, Some(Lang::En));
        assert_eq!(
            state.view,
            Some(MapView {
                lat: 21.0285,
                lon: 105.8542,
                zoom: 15.0
            })
        );
    }

    #[test]
    fn garbage_is_ignored() {
        let long = "9".repeat(5000);
        let state = UrlState::decode(&format!(
            "discipline=musik,<script>&space_type=&lat=NaN&lon=1e999&z={long}&lang=fr&space=../etc&trail=<x>&q&&=&%ZZ=1&closed=maybe&membership=vip&open=2026-02-30T10:00"
        ));
        assert_eq!(
            state,
            UrlState {
                query: String::new(),
                ..UrlState::default()
            }
        );
    }

    #[test]
    fn repeated_parameters_first_usable_wins_and_lists_merge() {
        let state = UrlState::decode("lang=xx&lang=en&lang=vi&discipline=music&discipline=film&q=a&q=b");
        assert_eq!(state.lang, Some(Lang::En));
        assert_eq!(state.filters.disciplines.len(), 2);
        assert_eq!(state.query, "a");
    }

    #[test]
    fn view_needs_all_three_numbers() {
        assert_eq!(UrlState::decode("lat=21&lon=105.8").view, None);
        assert_eq!(UrlState::decode("lat=95&lon=105.8&z=12").view, None);
    }

    #[test]
    fn default_state_encodes_to_nothing() {
        assert_eq!(UrlState::default().encode(), "");
    }

    #[test]
    fn query_is_clipped() {
        let state = UrlState::decode(&format!("q={}", "a".repeat(10_000)));
        assert_eq!(state.query.chars().count(), MAX_QUERY_CHARS);
    }

    fn arb_set<T: Coded + std::fmt::Debug>() -> impl Strategy<Value = CodeSet<T>> {
        any::<u32>().prop_map(|bits| {
            T::ALL
                .iter()
                .copied()
                .filter(|v| bits & (1 << v.index()) != 0)
                .collect()
        })
    }

    fn arb_state() -> impl Strategy<Value = UrlState> {
        (
            (
                arb_set::<Discipline>(),
                arb_set::<SpaceType>(),
                arb_set::<Operator>(),
                arb_set::<Membership>(),
                any::<bool>(),
                proptest::option::of(prop_oneof![
                    Just(OpenAt::Now),
                    (2000i32..2100, 1u8..=12, 1u8..=28, 0u8..24, 0u8..60).prop_map(
                        |(year, month, day, hour, minute)| {
                            OpenAt::At(crate::core::model::hours::LocalDateTime {
                                year,
                                month,
                                day,
                                hour,
                                minute,
                            })
                        }
                    ),
                ]),
            ),
            "[a-zA-Z0-9 àđếữ&=?#%+,]{0,30}",
            (
                proptest::option::of("[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}"),
                proptest::option::of("[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}"),
            ),
            proptest::option::of(prop_oneof![Just(Lang::Vi), Just(Lang::En)]),
            proptest::option::of((-9_000_000i32..=9_000_000, -18_000_000i32..=18_000_000, 0u8..=22)),
            any::<bool>(),
        )
            .prop_map(
                |(
                    (disciplines, space_types, operators, memberships, show_closed, open),
                    query,
                    (space, trail),
                    lang,
                    view,
                    embed,
                )| UrlState {
                    filters: Filters {
                        disciplines,
                        space_types,
                        operators,
                        memberships,
                        show_closed,
                        open,
                    },
                    query: query.trim().to_owned(),
                    space,
                    trail,
                    lang,
                    view: view.map(|(lat, lon, zoom)| MapView {
                        lat: f64::from(lat) / 100_000.0,
                        lon: f64::from(lon) / 100_000.0,
                        zoom: f64::from(zoom),
                    }),
                    embed,
                },
            )
    }

    #[test]
    fn a_view_more_precise_than_links_still_round_trips() {
        let state = UrlState::decode("lat=21.0285149&lon=105.8542651&z=15.123");
        assert_eq!(UrlState::decode(&state.encode()), state);
        assert_eq!(
            state.view,
            Some(MapView {
                lat: 21.02851,
                lon: 105.85427,
                zoom: 15.12
            })
        );
    }

    #[test]
    fn a_query_clipped_before_a_space_still_round_trips() {
        // Found by `make fuzz` (url_state): a space at the clipping point.
        let text = format!("q={}%20{}", "a".repeat(MAX_QUERY_CHARS - 1), "b".repeat(10));
        let state = UrlState::decode(&text);
        assert_eq!(UrlState::decode(&state.encode()), state);
        assert_eq!(state.query.chars().count(), MAX_QUERY_CHARS - 1);
    }

    proptest! {
        #[test]
        fn encode_then_decode_round_trips(state in arb_state()) {
            prop_assert_eq!(UrlState::decode(&state.encode()), state);
        }

        #[test]
        fn decode_never_panics(text in "\\PC{0,200}") {
            let _ = UrlState::decode(&text);
        }
    }
}
