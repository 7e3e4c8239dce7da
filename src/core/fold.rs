//! Folding text for accent-insensitive matching: "Bảo tàng Mỹ thuật" and "bao tang my thuat"
//! fold to the same string.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lower-cases `text`, strips tone and vowel marks and maps đ/Đ to d.
///
/// Unicode decomposition removes the marks; đ is a letter of its own, not d plus a mark, so it
/// is mapped explicitly.
#[must_use]
pub fn fold(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect()
}

/// Whether `text` holds any character that folding would change besides case, i.e. the person
/// typed Vietnamese marks on purpose.
#[must_use]
pub fn has_marks(text: &str) -> bool {
    text.nfd()
        .any(|c| is_combining_mark(c) || c == 'đ' || c == 'Đ')
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

    #[test]
    fn composed_and_decomposed_input_fold_alike() {
        let composed = "Nguyễn";
        let decomposed: String = composed.nfd().collect();
        assert_ne!(composed, decomposed);
        assert_eq!(fold(composed), fold(&decomposed));
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
