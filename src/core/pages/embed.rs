//! The "Embed this map" page, `public/embed.html`: the iframe code for a portal's editors, at a
//! size they choose, with a preview. The map links to it with its current filters, search and
//! language in the query; `public/embed.js` turns them into the code. The texts and the sizes are
//! in the page, so the script knows neither.

use super::{PAGE_END, escape, page_start};
use crate::core::text::i18n::{embed_page, statement, texts};
use crate::core::text::lang::Lang;
use std::fmt::Write;

/// Where the page lives in the repository (Trunk copies it into the bundle).
pub const PAGE_PATH: &str = "public/embed.html";

/// The sizes offered, as (label, width attribute, height in pixels).
const SIZES: [(&str, &str, u32); 4] = [
    ("400 × 500", "400", 500),
    ("640 × 480", "640", 480),
    ("960 × 640", "960", 640),
    ("100% × 600", "100%", 600),
];

/// The size chosen when the page opens.
const DEFAULT_SIZE: usize = 1;

/// The whole page.
#[must_use]
pub fn page() -> String {
    let mut html = page_start(
        |l| texts(l).embed_map,
        "default-src 'none'; script-src 'self'; style-src 'self'; frame-src 'self'",
        "<script type=\"module\" src=\"embed.js\"></script>\n",
    );
    for lang in Lang::ALL {
        section(&mut html, lang);
    }
    html.push_str(PAGE_END);
    html
}

/// One language's part: the script shows the one in the query's language and hides the other.
/// The link back to the map comes before the preview, whose embedded map holds many stops of
/// the Tab key.
fn section(html: &mut String, lang: Lang) {
    let (t, code) = (embed_page(lang), lang.code());
    let _ = writeln!(
        html,
        "<section lang=\"{code}\" id=\"{code}\" aria-labelledby=\"{code}-title\" data-map-title=\"{}\">\n\
         <h2 id=\"{code}-title\">{}</h2>\n<p>{}</p>\n\
         <fieldset class=\"sizes\"><legend>{}</legend>",
        escape(texts(lang).map_label),
        escape(texts(lang).embed_map),
        escape(t.help),
        escape(t.size)
    );
    for (i, (label, width, height)) in SIZES.iter().enumerate() {
        let checked = if i == DEFAULT_SIZE { " checked" } else { "" };
        let _ = writeln!(
            html,
            "<label><input type=\"radio\" name=\"embed-size-{code}\" value=\"{i}\" \
             data-width=\"{width}\" data-height=\"{height}\"{checked} /> {label}</label>"
        );
    }
    let _ = writeln!(
        html,
        "</fieldset>\n<label for=\"{code}-code\">{}</label>\n\
         <textarea id=\"{code}-code\" readonly rows=\"5\" data-testid=\"embed-code\"></textarea>\n\
         <p class=\"actions\"><button type=\"button\" data-copy>{}</button> \
         <span role=\"status\" data-copied=\"{}\"></span></p>\n\
         <p><a href=\"./?lang={code}\" data-back>{}</a></p>\n\
         <h2>{}</h2>\n<div class=\"preview\" data-testid=\"embed-preview\"></div>\n</section>",
        escape(t.code),
        escape(t.copy),
        escape(t.copied),
        escape(statement(lang).back),
        escape(t.preview)
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::pages::in_step::assert_page_in_step;

    #[test]
    fn the_embed_page_follows_the_texts() {
        assert_page_in_step(PAGE_PATH, &page());
    }

    #[test]
    fn each_language_offers_every_size_with_one_chosen() {
        let page = page();
        for lang in Lang::ALL {
            let name = format!("name=\"embed-size-{}\"", lang.code());
            assert_eq!(page.matches(&name).count(), SIZES.len());
            assert!(page.contains(&format!("data-map-title=\"{}\"", escape(texts(lang).map_label))));
        }
        assert_eq!(page.matches(" checked").count(), Lang::ALL.len());
        assert!(page.contains("data-width=\"100%\" data-height=\"600\""));
    }
}
