//! The accessibility statement's page, `public/accessibility.html`: plain HTML that works
//! without script, in both themes, linked from the panel's footer at the interface language.

use super::{PAGE_END, escape, page_start};
use crate::core::text::i18n::{statement, texts};
use crate::core::text::lang::Lang;
use std::fmt::Write;

/// Where the page lives in the repository (Trunk copies it into the bundle).
pub const PAGE_PATH: &str = "public/accessibility.html";

/// The whole page.
#[must_use]
pub fn page() -> String {
    let mut html = page_start(|l| texts(l).accessibility, "default-src 'none'; style-src 'self'", "");
    for lang in Lang::ALL {
        let (s, code) = (statement(lang), lang.code());
        let _ = writeln!(
            html,
            "<section lang=\"{code}\" id=\"{code}\" aria-labelledby=\"{code}-title\">"
        );
        let _ = writeln!(
            html,
            "<h2 id=\"{code}-title\">{}</h2>",
            escape(texts(lang).accessibility)
        );
        for paragraph in [s.supported, s.keyboard, s.limits, s.report, s.how_to_report] {
            let _ = writeln!(html, "<p>{}</p>", escape(paragraph));
        }
        let _ = writeln!(
            html,
            "<p><a href=\"./?lang={code}\">{}</a></p>\n</section>",
            escape(s.back)
        );
    }
    html.push_str(PAGE_END);
    html
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::pages::in_step::assert_page_in_step;

    #[test]
    fn the_statement_page_follows_the_texts() {
        assert_page_in_step(PAGE_PATH, &page());
    }

    #[test]
    fn both_languages_say_how_to_report_a_barrier() {
        let page = page();
        assert!(page.contains("<section lang=\"vi\" id=\"vi\""));
        assert!(page.contains("<section lang=\"en\" id=\"en\""));
        assert!(page.contains("Found a barrier?") && page.contains("“Suggest a space”"));
        assert!(page.contains("Gặp trở ngại?"));
    }
}
