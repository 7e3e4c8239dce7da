//! The editors' workbench, DOM-free: the canonical form of the dataset, the editing session
//! (edits, undo and redo, the summary of changes, its storage form) and visitors' suggestions
//! read as changes. The browser shell is `src/editor/`.

pub mod canonical;
pub mod fields;
pub mod proposal;
pub mod session;
pub mod table;
pub mod texts;
