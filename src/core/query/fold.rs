//! Folding text for accent-insensitive matching: "Bảo tàng Mỹ thuật" and "bao tang my thuat"
//! fold to the same string.
//!
//! Marks are removed by Unicode canonical decomposition (NFD). Natively that is the
//! `unicode-normalization` crate; in the browser it is the browser's own `String.normalize`,
//! which implements the same standard (UAX #15) without shipping 60 KB of tables in the bundle.

/// Lower-cases `text`, strips tone and vowel marks and maps đ/Đ to d.
///
/// Unicode decomposition removes the marks; đ is a letter of its own, not d plus a mark, so it
/// is mapped explicitly.
#[must_use]
pub fn fold(text: &str) -> String {
    lowercase(&strip_marks(text))
        .chars()
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect()
}

/// [`fold`] of every text, in one call: in the browser one crossing into JavaScript for all of
/// them, instead of one per text, which matters when indexing a hundred thousand spaces.
#[must_use]
pub fn fold_many(texts: &[&str]) -> Vec<String> {
    #[cfg(target_arch = "wasm32")]
    {
        // U+001E never occurs in folded text we care about; it separates the texts.
        let joined = texts.join("\u{1e}");
        let folded = fold(&joined);
        if texts.is_empty() {
            return Vec::new();
        }
        folded.split('\u{1e}').map(str::to_owned).collect()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        texts.iter().map(|t| fold(t)).collect()
    }
}

/// [`lowercase`] of every text, in one call (see [`fold_many`]).
#[must_use]
pub fn lowercase_many(texts: &[&str]) -> Vec<String> {
    #[cfg(target_arch = "wasm32")]
    {
        if texts.is_empty() {
            return Vec::new();
        }
        lowercase(&texts.join("\u{1e}"))
            .split('\u{1e}')
            .map(str::to_owned)
            .collect()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        texts.iter().map(|t| lowercase(t)).collect()
    }
}

/// Unicode lower case. In the browser, the browser's own `toLowerCase`, which spares the bundle
/// Rust's case tables.
#[must_use]
pub fn lowercase(text: &str) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        String::from(js_sys::JsString::from(text).to_lower_case())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        text.to_lowercase()
    }
}

/// Whether `text` holds any character that folding would change besides case, i.e. the person
/// typed Vietnamese marks on purpose.
#[must_use]
pub fn has_marks(text: &str) -> bool {
    text.contains(['đ', 'Đ']) || strip_marks(text) != text
}

/// `text` decomposed (NFD) with every combining mark removed. Each character is decomposed on
/// its own: the marks are dropped, so their canonical order does not matter, and ASCII, most
/// of any text, takes no lookup at all.
#[cfg(not(target_arch = "wasm32"))]
fn strip_marks(text: &str) -> String {
    use unicode_normalization::char::{decompose_canonical, is_combining_mark};
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            decompose_canonical(c, |part| {
                if !is_combining_mark(part) {
                    out.push(part);
                }
            });
        }
    }
    out
}

/// `text` decomposed (NFD) with every combining mark removed.
#[cfg(target_arch = "wasm32")]
fn strip_marks(text: &str) -> String {
    thread_local! {
        static MARKS: js_sys::RegExp = js_sys::RegExp::new("\\p{M}", "gu");
    }
    let decomposed = js_sys::JsString::from(text).normalize("NFD");
    MARKS.with(|marks| String::from(decomposed.replace_by_pattern(marks, "")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn folds_vietnamese() {
        assert_eq!(fold("Văn Miếu – Quốc Tử Giám"), "van mieu – quoc tu giam");
        assert_eq!(fold("Bảo tàng"), "bao tang");
        assert_eq!(fold("Đinh Lễ"), "dinh le");
        assert_eq!(fold("đường"), "duong");
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn composed_and_decomposed_input_fold_alike() {
        use unicode_normalization::UnicodeNormalization;
        let composed = "Nguyễn";
        let decomposed: String = composed.nfd().collect();
        assert_ne!(composed, decomposed);
        assert_eq!(fold(composed), fold(&decomposed));
    }

    #[test]
    fn many_at_once_equals_one_by_one() {
        let texts = ["Văn Miếu", "", "Đinh Lễ", "ASCII only"];
        assert_eq!(fold_many(&texts), texts.iter().map(|t| fold(t)).collect::<Vec<_>>());
        assert!(fold_many(&[]).is_empty());
    }

    #[test]
    fn marks_are_detected() {
        assert!(has_marks("bảo"));
        assert!(has_marks("Đinh"));
        assert!(!has_marks("bao tang"));
    }

    proptest! {
        #[test]
        fn folding_is_idempotent(s in "\\PC{0,40}") {
            let once = fold(&s);
            prop_assert_eq!(fold(&once), once.clone());
        }

        #[test]
        fn folded_text_has_no_marks(s in "[a-zA-ZàáảãạăằắẳẵặâầấẩẫậđĐèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ ]{0,40}") {
            prop_assert!(!has_marks(&fold(&s)));
        }
    }
}

/// The browser path must fold exactly as the native one does.
#[cfg(all(test, target_arch = "wasm32"))]
mod browser_tests {
    use super::*;
    use wasm_bindgen_test::wasm_bindgen_test;

    #[wasm_bindgen_test]
    fn folds_vietnamese_with_the_browsers_normalization() {
        assert_eq!(fold("Văn Miếu – Quốc Tử Giám"), "van mieu – quoc tu giam");
        assert_eq!(fold("BẢO TÀNG Mỹ thuật"), "bao tang my thuat");
        assert_eq!(fold("Đinh Lễ"), "dinh le");
        // Decomposed input (a base letter followed by combining marks) folds alike.
        assert_eq!(fold("Nguye\u{302}\u{303}n"), "nguyen");
        assert!(has_marks("bảo") && has_marks("Đinh") && !has_marks("bao tang"));
        assert_eq!(lowercase("ĐẠI HỌC Mỹ Thuật"), "đại học mỹ thuật");
        assert_eq!(fold_many(&["Văn Miếu", "", "Đinh Lễ"]), ["van mieu", "", "dinh le"]);
        assert_eq!(lowercase_many(&["ĐÀ", "Hà Nội"]), ["đà", "hà nội"]);
    }
}
