//! The visitor's favourite spaces, kept on the device (no account): a list of ids stored as a
//! JSON array. Whatever the storage holds is read forgivingly; only ids that could be spaces'
//! are kept.

use crate::core::check::validate::fields::is_kebab_case;

/// The storage key.
pub const STORAGE_KEY: &str = "hanoi-creative-map.favourites";

/// The most favourites kept; older ones go first.
pub const MAX_FAVOURITES: usize = 500;

/// The ids in stored `text`, oldest first, without repeats or anything that is not an id.
#[must_use]
pub fn read(text: &str) -> Vec<String> {
    let Ok(values) = serde_json::from_str::<Vec<serde_json::Value>>(text) else {
        return Vec::new();
    };
    let mut ids: Vec<String> = Vec::new();
    for id in values.iter().filter_map(serde_json::Value::as_str) {
        if is_kebab_case(id) && !ids.iter().any(|known| known == id) {
            ids.push(id.to_owned());
        }
    }
    let excess = ids.len().saturating_sub(MAX_FAVOURITES);
    ids.drain(..excess);
    ids
}

/// The text to store.
#[must_use]
pub fn write(ids: &[String]) -> String {
    let mut out = String::from("[");
    for (i, id) in ids.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        crate::core::exchange::export::write_json_string(&mut out, id);
    }
    out.push(']');
    out
}

/// Adds `id` (as the newest) or, when it is there, removes it.
pub fn toggle(ids: &mut Vec<String>, id: &str) {
    if let Some(position) = ids.iter().position(|known| known == id) {
        ids.remove(position);
    } else {
        ids.push(id.to_owned());
        let excess = ids.len().saturating_sub(MAX_FAVOURITES);
        ids.drain(..excess);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn reads_forgivingly() {
        assert_eq!(read(r#"["a","b","a",3,"<b>x</b>",null,"c-d"]"#), vec!["a", "b", "c-d"]);
        for garbage in ["", "null", "{}", "[", "\"a\""] {
            assert!(read(garbage).is_empty(), "{garbage}");
        }
    }

    #[test]
    fn toggles_and_keeps_the_newest() {
        let mut ids = vec!["a".to_owned()];
        toggle(&mut ids, "b");
        assert_eq!(ids, vec!["a", "b"]);
        toggle(&mut ids, "a");
        assert_eq!(ids, vec!["b"]);
        let mut many: Vec<String> = (0..MAX_FAVOURITES).map(|i| format!("s{i}")).collect();
        toggle(&mut many, "newest");
        assert_eq!(many.len(), MAX_FAVOURITES);
        assert_eq!(many.first().map(String::as_str), Some("s1"));
        assert_eq!(many.last().map(String::as_str), Some("newest"));
    }

    proptest! {
        #[test]
        fn write_then_read_round_trips(ids in proptest::collection::btree_set("[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}", 0..40)) {
            let ids: Vec<String> = ids.into_iter().collect();
            prop_assert_eq!(read(&write(&ids)), ids);
        }
    }
}
