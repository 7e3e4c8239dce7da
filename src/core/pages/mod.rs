//! The map's two static pages beside `index.html`, written from the texts of `i18n` in
//! Vietnamese then English: the accessibility statement and "Embed this map". Pages rather than
//! panels of the app, so that the visitors' bundle carries none of their code or texts. Each
//! lives in `public/` and a test keeps it in step with the texts.

pub mod embed;
pub mod statement;

use crate::core::text::lang::Lang;

/// Text as HTML text or a double-quoted attribute value.
pub(crate) fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The start of a page: its head, titled in both languages, under the policy `csp`, then the
/// opening of `body` and `main` with the title as its heading.
fn page_start(titles: impl Fn(Lang) -> &'static str, csp: &str, head_extra: &str) -> String {
    let title: Vec<&str> = Lang::ALL.iter().map(|&l| titles(l)).collect();
    let title = escape(&title.join(" · "));
    format!(
        "<!DOCTYPE html>\n<html lang=\"vi\">\n<head>\n<meta charset=\"utf-8\" />\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n\
         <meta name=\"color-scheme\" content=\"light dark\" />\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\" />\n\
         <link rel=\"stylesheet\" href=\"pages.css\" />\n{head_extra}\
         <title>{title}</title>\n</head>\n<body>\n<main>\n<h1>{title}</h1>\n"
    )
}

/// The end of a page started by `page_start`.
const PAGE_END: &str = "</main>\n</body>\n</html>\n";

#[cfg(test)]
pub(crate) mod in_step {
    /// Asserts the page at `path` (from the repository's root) is `page`; with `UPDATE_PAGES`
    /// set, writes it first, after a change of the texts.
    pub fn assert_page_in_step(path: &str, page: &str) {
        let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
        if std::env::var_os("UPDATE_PAGES").is_some() {
            std::fs::write(&file, page).expect("the page is writable");
        }
        let on_disk = std::fs::read_to_string(&file).unwrap_or_default();
        assert!(
            on_disk == page,
            "{path} is out of date: run UPDATE_PAGES=1 cargo test pages"
        );
    }
}
