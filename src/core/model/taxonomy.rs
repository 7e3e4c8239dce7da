//! The closed vocabularies of the data contract: disciplines, space types, operators and the
//! other coded fields. Each code is the kebab-case string editors write in the dataset.

/// Defines a fieldless enum whose variants map one-to-one to data-contract codes.
macro_rules! coded_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name {
            $($(#[$vmeta])* #[doc = concat!("Code `", $code, "`.")] $variant),+
        }

        impl $name {
            /// Every variant, in the order the interface lists them.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The code written in the dataset and in URLs.
            #[must_use]
            pub const fn code(self) -> &'static str {
                match self {
                    $(Self::$variant => $code),+
                }
            }

            /// The variant for a dataset code, if the code is known.
            #[must_use]
            pub fn from_code(code: &str) -> Option<Self> {
                match code {
                    $($code => Some(Self::$variant),)+
                    _ => None,
                }
            }

            /// Position of the variant in [`Self::ALL`], used for bitsets and count arrays.
            #[must_use]
            pub const fn index(self) -> usize {
                self as usize
            }
        }

        impl $crate::core::model::code_set::Coded for $name {
            const ALL: &'static [Self] = Self::ALL;
            fn index(self) -> usize {
                self as usize
            }
            fn code(self) -> &'static str {
                Self::code(self)
            }
            fn from_code(code: &str) -> Option<Self> {
                Self::from_code(code)
            }
        }
    };
}

coded_enum!(
    /// A creative discipline practised in a space.
    Discipline {
        Design => "design",
        Architecture => "architecture",
        FineArts => "fine-arts",
        Photography => "photography",
        Crafts => "crafts",
        Music => "music",
        PerformingArts => "performing-arts",
        Film => "film",
        Publishing => "publishing",
        MediaArts => "media-arts",
        Heritage => "heritage",
    }
);

coded_enum!(
    /// The kind of place a space is.
    SpaceType {
        Museum => "museum",
        Library => "library",
        Gallery => "gallery",
        ArtSpace => "art-space",
        CulturalCentre => "cultural-centre",
        EducationCentre => "education-centre",
        Theatre => "theatre",
        Cinema => "cinema",
        Cafe => "cafe",
        Coworking => "coworking",
        Bookstore => "bookstore",
        CraftVillage => "craft-village",
        HeritageSite => "heritage-site",
        PublicSpace => "public-space",
    }
);

coded_enum!(
    /// Who runs a space.
    Operator {
        State => "state",
        Private => "private",
        Foreign => "foreign",
        Individual => "individual",
        Community => "community",
    }
);

coded_enum!(
    /// Whether a space currently receives visitors; open unless the data says otherwise.
    #[derive(Default)]
    Status {
        #[default]
        Open => "open",
        TemporarilyClosed => "temporarily-closed",
        Closed => "closed",
        Unknown => "unknown",
    }
);

coded_enum!(
    /// A space's standing in the city's network of creative spaces.
    Membership {
        Member => "member",
        Applicant => "applicant",
    }
);

coded_enum!(
    /// How close the recorded point is to the real entrance.
    LocationConfidence {
        /// Within about 100 m.
        High => "high",
        /// Within about 500 m.
        Medium => "medium",
        /// A rough position.
        Low => "low",
    }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for d in Discipline::ALL {
            assert_eq!(Discipline::from_code(d.code()), Some(*d));
        }
        for t in SpaceType::ALL {
            assert_eq!(SpaceType::from_code(t.code()), Some(*t));
        }
        for o in Operator::ALL {
            assert_eq!(Operator::from_code(o.code()), Some(*o));
        }
    }

    #[test]
    fn index_matches_position() {
        for (i, t) in SpaceType::ALL.iter().enumerate() {
            assert_eq!(t.index(), i);
        }
    }

    #[test]
    fn unknown_code_is_none() {
        assert_eq!(Discipline::from_code("Design"), None);
        assert_eq!(SpaceType::from_code(""), None);
    }
}
