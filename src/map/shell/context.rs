//! The narrow typed contexts components read instead of long prop lists. Each holds one signal
//! the App owns; nothing here is derived state.

use crate::core::exchange::url_state::MapView;
use crate::core::model::space::LatLon;
use crate::core::query::filters::Filters;
use crate::core::text::i18n::{Texts, texts};
use crate::core::text::lang::Lang;
use leptos::prelude::*;

/// Declares a context newtype around one signal and the hook that reads it.
macro_rules! signal_context {
    ($(#[$meta:meta])* $name:ident($t:ty), $hook:ident) => {
        $(#[$meta])*
        #[derive(Clone, Copy)]
        pub struct $name(pub RwSignal<$t>);

        #[doc = concat!("The [`", stringify!($name), "`] signal, for components below the App.")]
        pub fn $hook() -> RwSignal<$t> {
            expect_context::<$name>().0
        }
    };
}

signal_context!(
    /// The interface language.
    UiLang(Lang),
    use_lang
);
signal_context!(
    /// The filter choices.
    FilterState(Filters),
    use_filters
);
signal_context!(
    /// The text in the search box.
    SearchText(String),
    use_search
);
signal_context!(
    /// The id of the space whose details are open.
    SelectedSpace(Option<String>),
    use_selected
);
signal_context!(
    /// The id of the trail drawn on the map.
    SelectedTrail(Option<String>),
    use_trail
);
signal_context!(
    /// Where the map looks, once the person has moved it or a link set it.
    ViewState(Option<MapView>),
    use_view
);
signal_context!(
    /// The person's position, once they asked for "near me".
    UserPosition(Option<LatLon>),
    use_position
);
signal_context!(
    /// Whether the side panel is open (on a phone, or embedded, it is a sheet that may be shut).
    PanelOpen(bool),
    use_panel_open
);

/// The suggestion form: the draft being written, and a counter that restarts the form when a
/// new draft is opened (its fields take their starting values once).
#[derive(Clone, Copy)]
pub struct Suggesting {
    /// The draft; `None` while the form is closed.
    pub draft: RwSignal<Option<crate::core::exchange::suggestion::Suggestion>>,
    /// How many drafts have been opened.
    pub opened: RwSignal<u32>,
}

impl Suggesting {
    /// Opens the form on `draft`.
    pub fn open(self, draft: crate::core::exchange::suggestion::Suggestion) {
        self.draft.set(Some(draft));
        self.opened.update(|n| *n += 1);
    }
}

/// The suggestion form's state, for components below the App.
pub fn use_suggesting() -> Suggesting {
    expect_context::<Suggesting>()
}

/// The interface string `pick` chooses, in the current language, as a reactive value for a
/// text node or an attribute. One closure type for every string: a closure per string would
/// each be compiled into its own copy of the rendering code.
pub fn tr(pick: fn(&'static Texts) -> &'static str) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move || pick(texts(lang.get()))
}
