//! The accessibility statement's own page, `public/accessibility.html`, written from the texts
//! of `i18n` (Vietnamese, then English). A page rather than a panel of the app: plain HTML that
//! works without script, in both themes, and costs the map's bundle nothing.

use super::i18n::{statement, texts};
use super::lang::Lang;
use std::fmt::Write;

/// Where the page lives in the repository (Trunk copies it into the bundle).
pub const PAGE_PATH: &str = "public/accessibility.html";

/// The whole page.
#[must_use]
pub fn page() -> String {
    let title: Vec<&str> = Lang::ALL.iter().map(|&l| texts(l).accessibility).collect();
    let mut html = format!(
        "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\" />\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n\
         <meta name=\"color-scheme\" content=\"light dark\" />\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'self'\" />\n\
         <link rel=\"stylesheet\" href=\"accessibility.css\" />\n\
         <title>{}</title>\n</head>\n<body>\n<main>\n<h1>{}</h1>\n",
        title.join(" · "),
        title.join(" · ")
    );
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
    html.push_str("</main>\n</body>\n</html>\n");
    html
}

/// Text as HTML text.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The page in the repository is the one these texts make; `UPDATE_STATEMENT=1 cargo test
    /// statement` writes it after a change of the texts.
    #[test]
    fn the_statement_page_follows_the_texts() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(PAGE_PATH);
        if std::env::var_os("UPDATE_STATEMENT").is_some() {
            std::fs::write(&path, page()).expect("the page is writable");
        }
        let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            on_disk == page(),
            "{PAGE_PATH} is out of date: run UPDATE_STATEMENT=1 cargo test statement"
        );
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
