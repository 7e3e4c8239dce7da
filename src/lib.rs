//! Hanoi Creative Spaces Map.
pub mod core;
