//! A compact set of coded values (disciplines, space types, …) stored as a bitmask, so that
//! filtering a hundred thousand spaces is a few bit operations per space.

use std::fmt;
use std::marker::PhantomData;

/// A closed vocabulary whose values have a stable position and a code (see `coded_enum!`).
pub trait Coded: Copy + 'static {
    /// Every value, in order; at most 32.
    const ALL: &'static [Self];
    /// The value's position in [`Self::ALL`].
    fn index(self) -> usize;
    /// The code written in the dataset and in URLs.
    fn code(self) -> &'static str;
    /// The value for a code, if the code is known.
    fn from_code(code: &str) -> Option<Self>;
    /// Every code, in order.
    fn codes() -> impl Iterator<Item = &'static str> {
        Self::ALL.iter().map(|v| v.code())
    }
}

/// A set of values of one vocabulary.
pub struct CodeSet<T> {
    bits: u32,
    marker: PhantomData<T>,
}

impl<T: Coded> CodeSet<T> {
    /// The empty set.
    #[must_use]
    pub const fn new() -> Self {
        Self {
            bits: 0,
            marker: PhantomData,
        }
    }

    /// Whether the set holds no value.
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.bits == 0
    }

    /// How many values the set holds.
    #[must_use]
    pub const fn len(&self) -> usize {
        self.bits.count_ones() as usize
    }

    /// Whether the set holds `value`.
    #[must_use]
    pub fn contains(&self, value: T) -> bool {
        self.bits & (1 << value.index()) != 0
    }

    /// Adds `value`.
    pub fn insert(&mut self, value: T) {
        self.bits |= 1 << value.index();
    }

    /// Removes `value`.
    pub fn remove(&mut self, value: T) {
        self.bits &= !(1 << value.index());
    }

    /// Adds `value` if absent, removes it if present.
    pub fn toggle(&mut self, value: T) {
        self.bits ^= 1 << value.index();
    }

    /// Whether the two sets share a value.
    #[must_use]
    pub const fn intersects(&self, other: &Self) -> bool {
        self.bits & other.bits != 0
    }

    /// The values in vocabulary order.
    pub fn iter(&self) -> impl Iterator<Item = T> + '_ {
        T::ALL.iter().copied().filter(|v| self.contains(*v))
    }
}

// Manual impls: derives would wrongly require `T` itself to implement the traits.
impl<T> Clone for CodeSet<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for CodeSet<T> {}
impl<T> PartialEq for CodeSet<T> {
    fn eq(&self, other: &Self) -> bool {
        self.bits == other.bits
    }
}
impl<T> Eq for CodeSet<T> {}
impl<T> std::hash::Hash for CodeSet<T> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.bits.hash(state);
    }
}
impl<T: Coded> Default for CodeSet<T> {
    fn default() -> Self {
        Self::new()
    }
}
impl<T: Coded + fmt::Debug> fmt::Debug for CodeSet<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}
impl<T: Coded> FromIterator<T> for CodeSet<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        let mut set = Self::new();
        for value in iter {
            set.insert(value);
        }
        set
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::taxonomy::Discipline;

    #[test]
    fn insert_toggle_iter() {
        let mut set = CodeSet::new();
        set.insert(Discipline::Music);
        set.insert(Discipline::Design);
        set.toggle(Discipline::Film);
        set.toggle(Discipline::Music);
        assert_eq!(
            set.iter().collect::<Vec<_>>(),
            vec![Discipline::Design, Discipline::Film]
        );
        assert_eq!(set.len(), 2);
        assert!(set.contains(Discipline::Film));
        assert!(!set.contains(Discipline::Music));
    }

    #[test]
    fn intersects() {
        let a: CodeSet<Discipline> = [Discipline::Music, Discipline::Film].into_iter().collect();
        let b: CodeSet<Discipline> = [Discipline::Film].into_iter().collect();
        let c: CodeSet<Discipline> = [Discipline::Design].into_iter().collect();
        assert!(a.intersects(&b));
        assert!(!a.intersects(&c));
    }
}
