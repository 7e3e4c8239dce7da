//! The session in the browser's storage, written as each change is made, so that a reload, a
//! crash or a closed tab loses nothing. A local file's text is kept too (the published dataset
//! is fetched again).

use crate::core::editing::session::StoredSession;

const SESSION_KEY: &str = "hanoi-creative-map:editor-session";
const BASE_KEY: &str = "hanoi-creative-map:editor-file";

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Keeps the session's steps.
pub fn save_session(stored: &StoredSession) {
    if let (Some(storage), Ok(text)) = (local_storage(), serde_json::to_string(stored))
        && storage.set_item(SESSION_KEY, &text).is_err()
    {
        web_sys::console::warn_1(&"the editing session does not fit in the browser's storage".into());
    }
}

/// The session kept, if any.
pub fn load_session() -> Option<StoredSession> {
    let text = local_storage()?.get_item(SESSION_KEY).ok()??;
    serde_json::from_str(&text).ok()
}

/// Keeps a local file's text, or forgets it (`None`) when the published dataset is opened.
pub fn save_file(text: Option<&str>) {
    let Some(storage) = local_storage() else { return };
    let _ = match text {
        Some(text) => storage.set_item(BASE_KEY, text),
        None => storage.remove_item(BASE_KEY),
    };
}

/// The local file's text kept, if any.
pub fn load_file() -> Option<String> {
    local_storage()?.get_item(BASE_KEY).ok()?
}

/// Forgets the session (its file stays until another is opened).
pub fn clear_session() {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(SESSION_KEY);
    }
}
