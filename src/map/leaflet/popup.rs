//! The content of a marker's popup, built as DOM nodes so that text from the data can only
//! ever be text.

use crate::core::model::space::Space;
use crate::core::model::taxonomy::Status;
use crate::core::query::catalogue::Catalogue;
use crate::core::text::i18n::{Label, texts};
use crate::core::text::lang::Lang;
use crate::map::shell::dom::{document, external_link, text_element};
use web_sys::Element;

/// The popup for `space` in `lang`.
pub fn popup_content(space: &Space, lang: Lang) -> Element {
    let root = document().create_element("div").expect("valid tag name");
    root.set_class_name("popup");
    let append = |child: &Element| {
        let _ = root.append_child(child);
    };

    let name = text_element("h2", "popup-name", space.display_name(lang));
    append(&name);
    if let Some(other) = space
        .name
        .exact(lang.other())
        .filter(|other| *other != space.display_name(lang))
    {
        let other_name = text_element("p", "popup-other-name", other);
        let _ = other_name.set_attribute("lang", lang.other().code());
        append(&other_name);
    }

    let mut kind = space.space_type.label(lang).to_owned();
    if space.status != Status::Open {
        kind.push_str(" · ");
        kind.push_str(space.status.label(lang));
    }
    append(&text_element("p", "popup-type", &kind));

    let disciplines: Vec<&str> = space.disciplines.iter().map(|d| d.label(lang)).collect();
    append(&text_element("p", "popup-disciplines", &disciplines.join(", ")));

    if let Some(address) = &space.address {
        append(&text_element("p", "popup-address", address));
    }
    if let Some(website) = &space.website {
        let line = document().create_element("p").expect("valid tag name");
        line.set_class_name("popup-website");
        let _ = line.append_child(&external_link(website, texts(lang).website));
        append(&line);
    }
    root
}

/// The popup of spaces that share one spot: a list of buttons, each selecting its space (the
/// map's element listens for clicks on `[data-select-space]`).
pub fn group_popup_content(catalogue: &Catalogue, members: &[usize], lang: Lang) -> Element {
    let list = document().create_element("ul").expect("valid tag name");
    list.set_class_name("popup-group");
    for &index in members {
        let space = &catalogue.spaces()[index];
        let item = document().create_element("li").expect("valid tag name");
        let button = text_element("button", "popup-group-item", space.display_name(lang));
        let _ = button.set_attribute("type", "button");
        let _ = button.set_attribute("data-select-space", &space.id);
        let _ = item.append_child(&button);
        let _ = list.append_child(&item);
    }
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::code_set::CodeSet;
    use crate::core::model::space::{LatLon, Localized};
    use crate::core::model::taxonomy::{Discipline, SpaceType};
    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

    wasm_bindgen_test_configure!(run_in_browser);

    const HOSTILE: &str = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=1</script>";

    fn hostile_space() -> Space {
        Space {
            id: "hostile".into(),
            name: Localized {
                vi: Some(HOSTILE.into()),
                en: Some(format!("\"><svg onload=alert(1)> {HOSTILE}")),
            },
            position: LatLon {
                lat: 21.03,
                lon: 105.85,
            },
            disciplines: [Discipline::Music].into_iter().collect::<CodeSet<_>>(),
            space_type: SpaceType::Cafe,
            operator: None,
            address: Some("&lt;b&gt;12 Hàng Bài".into()),
            district: None,
            website: Some("https://example.org/?q=<b>".into()),
            phone: None,
            email: None,
            opening_hours: None,
            description: Localized::default(),
            status: Status::TemporarilyClosed,
            membership: None,
            location_confidence: None,
            source: None,
            updated: None,
        }
    }

    #[wasm_bindgen_test]
    fn markup_in_the_data_stays_text() {
        let popup = popup_content(&hostile_space(), Lang::Vi);
        assert_eq!(popup.query_selector("img").unwrap(), None);
        assert_eq!(popup.query_selector("script").unwrap(), None);
        assert_eq!(popup.query_selector("svg").unwrap(), None);
        let name = popup.query_selector(".popup-name").unwrap().unwrap();
        assert_eq!(name.text_content().unwrap(), HOSTILE);
        let address = popup.query_selector(".popup-address").unwrap().unwrap();
        assert_eq!(address.text_content().unwrap(), "&lt;b&gt;12 Hàng Bài");
    }

    #[wasm_bindgen_test]
    fn shows_other_name_status_and_a_safe_link() {
        let popup = popup_content(&hostile_space(), Lang::En);
        let other = popup.query_selector(".popup-other-name").unwrap().unwrap();
        assert_eq!(other.get_attribute("lang").as_deref(), Some("vi"));
        assert!(
            popup
                .query_selector(".popup-type")
                .unwrap()
                .unwrap()
                .text_content()
                .unwrap()
                .contains("Temporarily closed")
        );
        let link = popup.query_selector("a").unwrap().unwrap();
        assert_eq!(link.get_attribute("rel").as_deref(), Some("noopener noreferrer"));
        assert_eq!(link.get_attribute("target").as_deref(), Some("_blank"));
    }
}
