//! "Did you mean …?" for mistyped codes and field names, so an editor's typo is one glance
//! away from its fix.

/// Codes editors commonly use for a contract code (from the reference research and from
/// everyday words).
const ALIASES: &[(&str, &str)] = &[
    ("literature", "publishing"),
    ("books", "publishing"),
    ("digital-art", "media-arts"),
    ("new-media", "media-arts"),
    ("street", "public-space"),
    ("festival-venue", "public-space"),
    ("coffee", "cafe"),
    ("cafe-cultural", "cafe"),
    ("arts", "fine-arts"),
    ("art", "fine-arts"),
    ("theater", "theatre"),
    ("cultural-center", "cultural-centre"),
    ("education-center", "education-centre"),
    ("co-working", "coworking"),
    ("book-store", "bookstore"),
];

/// The candidate an editor most likely meant by `input`, if one is close enough.
#[must_use]
pub fn nearest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let candidates: Vec<&str> = candidates.into_iter().collect();
    let wanted = normalise(input);
    if wanted.is_empty() {
        return None;
    }
    if let Some(exact) = candidates.iter().find(|c| **c == wanted) {
        return Some(exact);
    }
    if let Some((_, target)) = ALIASES.iter().find(|(alias, _)| *alias == wanted)
        && let Some(found) = candidates.iter().find(|c| *c == target)
    {
        return Some(found);
    }
    let limit = (wanted.chars().count() / 3).max(2);
    candidates
        .iter()
        .map(|c| (levenshtein(&wanted, c), *c))
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, c)| c)
}

/// Lower case, with spaces and underscores as hyphens and Vietnamese marks removed.
fn normalise(input: &str) -> String {
    crate::core::query::fold::fold(input.trim())
        .chars()
        .map(|c| if c == ' ' || c == '_' { '-' } else { c })
        .collect()
}

/// Edit distance between two strings, counted in characters.
fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    const TYPES: [&str; 4] = ["museum", "theatre", "cafe", "public-space"];

    #[test]
    fn typo_is_corrected() {
        assert_eq!(nearest("musuem", TYPES), Some("museum"));
        assert_eq!(nearest("Theater", TYPES), Some("theatre"));
    }

    #[test]
    fn spacing_case_and_accents_are_normalised() {
        assert_eq!(nearest("Public Space", TYPES), Some("public-space"));
        assert_eq!(nearest("café", TYPES), Some("cafe"));
    }

    #[test]
    fn aliases_from_the_reference_taxonomy() {
        assert_eq!(nearest("street", TYPES), Some("public-space"));
    }

    #[test]
    fn nothing_close_gives_none() {
        assert_eq!(nearest("spaceship", TYPES), None);
        assert_eq!(nearest("", TYPES), None);
    }

    #[test]
    fn levenshtein_basics() {
        assert_eq!(levenshtein("kitten", "sitting"), 3);
        assert_eq!(levenshtein("", "abc"), 3);
        assert_eq!(levenshtein("đà", "đa"), 1);
    }
}
