//! One pass over the spaces that gives both what is shown and, for every filter choice, how
//! many spaces it would give with the other filters as they are.

use crate::core::model::code_set::Coded;
use crate::core::model::taxonomy::{Discipline, Membership, Operator, SpaceType};
use crate::core::query::filters::{FacetRow, Filters};

/// For each choice of each facet, the number of spaces it would give: spaces that pass every
/// other facet (and the search) and have that value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetCounts {
    /// Per discipline, in [`Discipline::ALL`] order.
    pub disciplines: [usize; Discipline::ALL.len()],
    /// Per space type, in [`SpaceType::ALL`] order.
    pub space_types: [usize; SpaceType::ALL.len()],
    /// Per operator, in [`Operator::ALL`] order.
    pub operators: [usize; Operator::ALL.len()],
    /// Per network standing, in [`Membership::ALL`] order.
    pub memberships: [usize; Membership::ALL.len()],
}

impl FacetCounts {
    /// The count shown beside a discipline.
    #[must_use]
    pub const fn discipline(&self, d: Discipline) -> usize {
        self.disciplines[d.index()]
    }

    /// The count shown beside a space type.
    #[must_use]
    pub const fn space_type(&self, t: SpaceType) -> usize {
        self.space_types[t.index()]
    }

    /// The count shown beside an operator.
    #[must_use]
    pub const fn operator(&self, o: Operator) -> usize {
        self.operators[o.index()]
    }

    /// The count shown beside a network standing.
    #[must_use]
    pub const fn membership(&self, m: Membership) -> usize {
        self.memberships[m.index()]
    }
}

/// What the map shows under the current filters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selection {
    /// Indices of the spaces shown, ascending.
    pub visible: Vec<usize>,
    /// The count beside each choice.
    pub counts: FacetCounts,
    /// Under the "open" filter, how many spaces it hides only because their hours are unknown
    /// (so the panel can say so rather than hide them silently).
    pub hours_unknown: usize,
}

/// Applies `filters` and `matches_search` (whether space `i` matches the search box) to `rows`.
#[must_use]
pub fn select(rows: &[FacetRow], filters: &Filters, matches_search: impl Fn(usize) -> bool) -> Selection {
    let mut counts = FacetCounts {
        disciplines: [0; Discipline::ALL.len()],
        space_types: [0; SpaceType::ALL.len()],
        operators: [0; Operator::ALL.len()],
        memberships: [0; Membership::ALL.len()],
    };
    let mut visible = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        if !row.passes_status(filters) || !matches_search(i) {
            continue;
        }
        // Which facets let the row through; a facet's counts see every facet but itself.
        let passes = [
            row.passes_disciplines(filters),
            row.passes_space_type(filters),
            row.passes_operator(filters),
            row.passes_membership(filters),
        ];
        let failed = passes.iter().filter(|p| !**p).count();
        if failed > 1 {
            continue;
        }
        let others_pass = |facet: usize| failed == 0 || !passes[facet];
        if others_pass(0) {
            for d in row.disciplines.iter() {
                counts.disciplines[d.index()] += 1;
            }
        }
        if others_pass(1) {
            counts.space_types[Coded::index(row.space_type)] += 1;
        }
        if others_pass(2)
            && let Some(operator) = row.operator
        {
            counts.operators[Coded::index(operator)] += 1;
        }
        if others_pass(3)
            && let Some(membership) = row.membership
        {
            counts.memberships[Coded::index(membership)] += 1;
        }
        if failed == 0 {
            visible.push(i);
        }
    }
    Selection {
        visible,
        counts,
        hours_unknown: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::code_set::CodeSet;
    use proptest::prelude::*;

    fn row(disciplines: &[Discipline], space_type: SpaceType, operator: Option<Operator>, closed: bool) -> FacetRow {
        FacetRow {
            disciplines: disciplines.iter().copied().collect(),
            space_type,
            operator,
            membership: None,
            closed,
        }
    }

    fn sample() -> Vec<FacetRow> {
        use Discipline::*;
        use SpaceType::*;
        vec![
            row(&[FineArts, Heritage], Museum, Some(Operator::State), false),
            row(&[Music, PerformingArts], Theatre, Some(Operator::State), false),
            row(&[Music, Design], Cafe, Some(Operator::Private), false),
            row(&[Film], Cinema, Some(Operator::Private), true),
            row(&[Design], ArtSpace, None, false),
            row(&[Heritage], Museum, Some(Operator::Foreign), false),
        ]
    }

    fn filters(disciplines: &[Discipline], types: &[SpaceType]) -> Filters {
        Filters {
            disciplines: disciplines.iter().copied().collect(),
            space_types: types.iter().copied().collect(),
            ..Filters::default()
        }
    }

    #[test]
    fn table_of_filters() {
        use Discipline::*;
        use SpaceType::*;
        let rows = sample();
        let cases: &[(&[Discipline], &[SpaceType], &[usize])] = &[
            (&[], &[], &[0, 1, 2, 4, 5]),
            (&[Music], &[], &[1, 2]),
            (&[Music, Design], &[], &[1, 2, 4]),
            (&[Heritage], &[Museum], &[0, 5]),
            (&[Music], &[Museum], &[]),
            (&[], &[Museum, Cafe], &[0, 2, 5]),
            (&[Film], &[], &[]),
        ];
        for (disciplines, types, expected) in cases {
            let selection = select(&rows, &filters(disciplines, types), |_| true);
            assert_eq!(&selection.visible, expected, "{disciplines:?} {types:?}");
        }
    }

    #[test]
    fn closed_spaces_need_the_toggle() {
        let rows = sample();
        let mut f = filters(&[Discipline::Film], &[]);
        assert!(select(&rows, &f, |_| true).visible.is_empty());
        f.show_closed = true;
        assert_eq!(select(&rows, &f, |_| true).visible, vec![3]);
    }

    #[test]
    fn counts_use_the_other_facets_only() {
        use Discipline::*;
        let rows = sample();
        let selection = select(&rows, &filters(&[Music], &[SpaceType::Museum]), |_| true);
        // Discipline counts see the type filter (museums) but not the discipline filter.
        assert_eq!(selection.counts.discipline(Heritage), 2);
        assert_eq!(selection.counts.discipline(FineArts), 1);
        assert_eq!(selection.counts.discipline(Music), 0);
        // Type counts see the discipline filter (music) but not the type filter.
        assert_eq!(selection.counts.space_type(SpaceType::Theatre), 1);
        assert_eq!(selection.counts.space_type(SpaceType::Cafe), 1);
        assert_eq!(selection.counts.space_type(SpaceType::Museum), 0);
    }

    #[test]
    fn operator_filter_excludes_unknown_operator() {
        let rows = sample();
        let f = Filters {
            operators: [Operator::Private].into_iter().collect(),
            ..Filters::default()
        };
        assert_eq!(select(&rows, &f, |_| true).visible, vec![2]);
    }

    #[test]
    fn search_constrains_result_and_counts() {
        let rows = sample();
        let selection = select(&rows, &Filters::default(), |i| i == 2);
        assert_eq!(selection.visible, vec![2]);
        assert_eq!(selection.counts.discipline(Discipline::Design), 1);
        assert_eq!(selection.counts.discipline(Discipline::Heritage), 0);
    }

    fn arb_row() -> impl Strategy<Value = FacetRow> {
        (
            1u32..(1 << Discipline::ALL.len()),
            0..SpaceType::ALL.len(),
            proptest::option::of(0..Operator::ALL.len()),
            proptest::option::of(0..Membership::ALL.len()),
            any::<bool>(),
        )
            .prop_map(|(bits, t, o, m, closed)| FacetRow {
                disciplines: Discipline::ALL
                    .iter()
                    .copied()
                    .filter(|d| bits & (1 << d.index()) != 0)
                    .collect(),
                space_type: SpaceType::ALL[t],
                operator: o.map(|o| Operator::ALL[o]),
                membership: m.map(|m| Membership::ALL[m]),
                closed,
            })
    }

    fn arb_filters() -> impl Strategy<Value = Filters> {
        (any::<u16>(), any::<u16>(), any::<u8>(), any::<u8>(), any::<bool>()).prop_map(|(d, t, o, m, show_closed)| {
            Filters {
                disciplines: Discipline::ALL
                    .iter()
                    .copied()
                    .filter(|x| d & (1 << x.index()) != 0)
                    .collect(),
                space_types: SpaceType::ALL
                    .iter()
                    .copied()
                    .filter(|x| t & (1 << x.index()) != 0)
                    .collect(),
                operators: Operator::ALL
                    .iter()
                    .copied()
                    .filter(|x| o & (1 << x.index()) != 0)
                    .collect(),
                memberships: Membership::ALL
                    .iter()
                    .copied()
                    .filter(|x| m & (1 << x.index()) != 0)
                    .collect(),
                show_closed,
                open: None,
            }
        })
    }

    proptest! {
        #[test]
        fn discipline_count_equals_result_of_choosing_it_alone(rows in proptest::collection::vec(arb_row(), 0..60), f in arb_filters()) {
            let counts = select(&rows, &f, |_| true).counts;
            for d in Discipline::ALL {
                let only: CodeSet<Discipline> = [*d].into_iter().collect();
                let alone = Filters { disciplines: only, ..f };
                prop_assert_eq!(counts.discipline(*d), select(&rows, &alone, |_| true).visible.len());
            }
        }

        #[test]
        fn membership_count_equals_result_of_choosing_it_alone(rows in proptest::collection::vec(arb_row(), 0..60), f in arb_filters()) {
            let counts = select(&rows, &f, |_| true).counts;
            for m in Membership::ALL {
                let alone = Filters { memberships: [*m].into_iter().collect(), ..f };
                prop_assert_eq!(counts.membership(*m), select(&rows, &alone, |_| true).visible.len());
            }
        }

        #[test]
        fn adding_a_choice_within_a_facet_never_narrows(rows in proptest::collection::vec(arb_row(), 0..60), f in arb_filters(), extra in 0..SpaceType::ALL.len()) {
            prop_assume!(!f.space_types.is_empty());
            let before = select(&rows, &f, |_| true).visible.len();
            let mut wider = f;
            wider.space_types.insert(SpaceType::ALL[extra]);
            prop_assert!(select(&rows, &wider, |_| true).visible.len() >= before);
        }

        #[test]
        fn cleared_filters_show_every_open_space(rows in proptest::collection::vec(arb_row(), 0..60), f in arb_filters()) {
            let visible = select(&rows, &f.cleared(), |_| true).visible.len();
            let expected = rows.iter().filter(|r| f.show_closed || !r.closed).count();
            prop_assert_eq!(visible, expected);
        }
    }
}
