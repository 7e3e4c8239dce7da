//! A validated creative space: what the map shows. Built only by the validator, so every
//! `Space` satisfies the data contract.

use crate::core::model::code_set::CodeSet;
use crate::core::model::taxonomy::{Discipline, LocationConfidence, Membership, Operator, SpaceType, Status};
use crate::core::text::lang::Lang;

/// Text given in Vietnamese, English or both.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Localized {
    /// The Vietnamese text.
    pub vi: Option<String>,
    /// The English text.
    pub en: Option<String>,
}

impl Localized {
    /// The text in `lang`, or in the other language when `lang`'s is missing.
    #[must_use]
    pub fn get(&self, lang: Lang) -> Option<&str> {
        self.exact(lang).or_else(|| self.exact(lang.other()))
    }

    /// The text in `lang` only.
    #[must_use]
    pub fn exact(&self, lang: Lang) -> Option<&str> {
        match lang {
            Lang::Vi => self.vi.as_deref(),
            Lang::En => self.en.as_deref(),
        }
    }

    /// Whether neither language is given.
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.vi.is_none() && self.en.is_none()
    }
}

/// A point in WGS84 degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LatLon {
    /// Latitude, −90 to 90.
    pub lat: f64,
    /// Longitude, −180 to 180.
    pub lon: f64,
}

/// One cultural or creative space that passed validation.
#[derive(Debug, Clone, PartialEq)]
pub struct Space {
    /// Unique kebab-case id, used in links.
    pub id: String,
    /// Name; the Vietnamese name is always present.
    pub name: Localized,
    /// Where the space is.
    pub position: LatLon,
    /// Disciplines practised there; never empty.
    pub disciplines: CodeSet<Discipline>,
    /// The kind of place.
    pub space_type: SpaceType,
    /// Who runs it, when known and valid.
    pub operator: Option<Operator>,
    /// Street address.
    pub address: Option<String>,
    /// District (the names in use before July 2025).
    pub district: Option<String>,
    /// Website; always an http(s) URL.
    pub website: Option<String>,
    /// Phone number.
    pub phone: Option<String>,
    /// E-mail address.
    pub email: Option<String>,
    /// Opening hours in OpenStreetMap syntax; always parseable.
    pub opening_hours: Option<String>,
    /// A short description.
    pub description: Localized,
    /// Whether it receives visitors.
    pub status: Status,
    /// Standing in the city's network.
    pub membership: Option<Membership>,
    /// How precise the position is.
    pub location_confidence: Option<LocationConfidence>,
    /// Where the facts come from.
    pub source: Option<String>,
    /// Date of the last check, YYYY-MM-DD.
    pub updated: Option<String>,
}

impl Space {
    /// The name in `lang`, falling back to Vietnamese.
    #[must_use]
    pub fn display_name(&self, lang: Lang) -> &str {
        self.name.get(lang).unwrap_or(&self.id)
    }
}
