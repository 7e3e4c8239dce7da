//! What the person has chosen to see: the filter state, shared by the panel, the URL and the
//! facet counts.

use crate::core::model::code_set::CodeSet;
use crate::core::model::space::Space;
use crate::core::model::taxonomy::{Discipline, Membership, Operator, SpaceType, Status};
use crate::core::query::open_at::OpenAt;

/// The filter choices. Within one facet, choices widen the result (OR); across facets they
/// narrow it (AND); an empty facet does not constrain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Filters {
    /// Disciplines ticked.
    pub disciplines: CodeSet<Discipline>,
    /// Space types ticked.
    pub space_types: CodeSet<SpaceType>,
    /// Operators ticked.
    pub operators: CodeSet<Operator>,
    /// Network standings ticked (member, applicant).
    pub memberships: CodeSet<Membership>,
    /// Whether spaces that have closed for good are shown.
    pub show_closed: bool,
    /// Only spaces whose opening hours say they are open then.
    pub open: Option<OpenAt>,
}

impl Filters {
    /// Whether no facet constrains the result.
    #[must_use]
    pub const fn is_clear(&self) -> bool {
        self.disciplines.is_empty()
            && self.space_types.is_empty()
            && self.operators.is_empty()
            && self.memberships.is_empty()
            && self.open.is_none()
    }

    /// How many choices are ticked across the facets.
    #[must_use]
    pub fn chosen_count(&self) -> usize {
        self.disciplines.len()
            + self.space_types.len()
            + self.operators.len()
            + self.memberships.len()
            + usize::from(self.open.is_some())
    }

    /// The same choices with every facet cleared; the closed toggle is a display preference and
    /// stays.
    #[must_use]
    pub fn cleared(self) -> Self {
        Self {
            show_closed: self.show_closed,
            ..Self::default()
        }
    }
}

/// The few facts about a space that filtering reads, packed so that a pass over a hundred
/// thousand spaces stays in cache.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FacetRow {
    /// The space's disciplines.
    pub disciplines: CodeSet<Discipline>,
    /// The space's type.
    pub space_type: SpaceType,
    /// Who runs it, if known.
    pub operator: Option<Operator>,
    /// Its standing in the network, if any.
    pub membership: Option<Membership>,
    /// Whether it has closed for good.
    pub closed: bool,
}

impl FacetRow {
    /// The row for one space.
    #[must_use]
    pub fn of(space: &Space) -> Self {
        Self {
            disciplines: space.disciplines,
            space_type: space.space_type,
            operator: space.operator,
            membership: space.membership,
            closed: space.status == Status::Closed,
        }
    }

    /// Whether the discipline facet lets the space through.
    #[must_use]
    pub const fn passes_disciplines(&self, filters: &Filters) -> bool {
        filters.disciplines.is_empty() || self.disciplines.intersects(&filters.disciplines)
    }

    /// Whether the space-type facet lets the space through.
    #[must_use]
    pub fn passes_space_type(&self, filters: &Filters) -> bool {
        filters.space_types.is_empty() || filters.space_types.contains(self.space_type)
    }

    /// Whether the operator facet lets the space through.
    #[must_use]
    pub fn passes_operator(&self, filters: &Filters) -> bool {
        filters.operators.is_empty() || self.operator.is_some_and(|o| filters.operators.contains(o))
    }

    /// Whether the membership facet lets the space through.
    #[must_use]
    pub fn passes_membership(&self, filters: &Filters) -> bool {
        filters.memberships.is_empty() || self.membership.is_some_and(|m| filters.memberships.contains(m))
    }

    /// Whether the closed toggle lets the space through.
    #[must_use]
    pub const fn passes_status(&self, filters: &Filters) -> bool {
        filters.show_closed || !self.closed
    }

    /// Whether every filter lets the space through.
    #[must_use]
    pub fn passes(&self, filters: &Filters) -> bool {
        self.passes_status(filters)
            && self.passes_disciplines(filters)
            && self.passes_space_type(filters)
            && self.passes_operator(filters)
            && self.passes_membership(filters)
    }
}

/// A facet of the filter panel: a vocabulary with its place in [`Filters`] and in the counts.
pub trait Facet: crate::core::model::code_set::Coded + crate::core::text::i18n::Label {
    /// The name of the facet's checkboxes and of its URL parameter.
    const PARAM: &'static str;
    /// The values ticked in `filters`.
    fn chosen(filters: &Filters) -> &CodeSet<Self>;
    /// The values ticked in `filters`, to change them.
    fn chosen_mut(filters: &mut Filters) -> &mut CodeSet<Self>;
    /// The count shown beside `self`.
    fn count(self, counts: &crate::core::query::facets::FacetCounts) -> usize;
}

impl Facet for Discipline {
    const PARAM: &'static str = "discipline";
    fn chosen(filters: &Filters) -> &CodeSet<Self> {
        &filters.disciplines
    }
    fn chosen_mut(filters: &mut Filters) -> &mut CodeSet<Self> {
        &mut filters.disciplines
    }
    fn count(self, counts: &crate::core::query::facets::FacetCounts) -> usize {
        counts.discipline(self)
    }
}

impl Facet for SpaceType {
    const PARAM: &'static str = "space_type";
    fn chosen(filters: &Filters) -> &CodeSet<Self> {
        &filters.space_types
    }
    fn chosen_mut(filters: &mut Filters) -> &mut CodeSet<Self> {
        &mut filters.space_types
    }
    fn count(self, counts: &crate::core::query::facets::FacetCounts) -> usize {
        counts.space_type(self)
    }
}

impl Facet for Operator {
    const PARAM: &'static str = "operator";
    fn chosen(filters: &Filters) -> &CodeSet<Self> {
        &filters.operators
    }
    fn chosen_mut(filters: &mut Filters) -> &mut CodeSet<Self> {
        &mut filters.operators
    }
    fn count(self, counts: &crate::core::query::facets::FacetCounts) -> usize {
        counts.operator(self)
    }
}

impl Facet for Membership {
    const PARAM: &'static str = "membership";
    fn chosen(filters: &Filters) -> &CodeSet<Self> {
        &filters.memberships
    }
    fn chosen_mut(filters: &mut Filters) -> &mut CodeSet<Self> {
        &mut filters.memberships
    }
    fn count(self, counts: &crate::core::query::facets::FacetCounts) -> usize {
        counts.membership(self)
    }
}
