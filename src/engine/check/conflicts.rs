//! Conflicts: two rules of equal standing that give different answers for one case, counted over
//! every kommun and date. Only counts what the check's walk shows it.

use super::Example;
use crate::engine::case::Facts;
use crate::engine::date::Date;
use crate::engine::eval::Context;
use crate::engine::vocab::Stay;
use std::collections::{HashMap, HashSet};

/// Two rules of equal standing that give different answers for one case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// Index of the rule that comes first (and would decide).
    pub first: usize,
    /// Index of the rule that comes second and disagrees.
    pub second: usize,
    /// How many distinct cases (combinations of need and aid, housing, age band, vårdcentral,
    /// duration, stay)
    /// the two rules disagree on, over all kommuner and dates.
    pub count: u64,
    /// First day of a segment in which they disagree.
    pub from: Date,
    /// Last day of a segment in which they disagree.
    pub to: Date,
    /// The first case found.
    pub example: Example,
}

/// The conflicts found so far, each with the distinct cases it covers (hashed: a rule set with
/// many conflicts must not make the check quadratic).
#[derive(Default)]
pub(super) struct Conflicts {
    found: Vec<Conflict>,
    cases: Vec<HashSet<Facts>>,
    by_pair: HashMap<(usize, usize), usize>,
}

impl Conflicts {
    /// Rule `first` decides facts `f` here, and rule `second`, of equal standing, says otherwise.
    /// Returns the conflict's index, for [`Conflicts::extend`].
    pub(super) fn add(&mut self, first: usize, second: usize, ctx: &Context<'_>, end: Date, f: Facts) -> usize {
        match self.by_pair.get(&(first, second)) {
            Some(&ci) => {
                let c = &mut self.found[ci];
                c.from = c.from.min(ctx.date);
                c.to = c.to.max(end);
                if self.cases[ci].insert(f) {
                    c.count += 1;
                }
                if !c.example.reproducible() && f.stay == Stay::Home {
                    c.example = Example::at(ctx, f);
                }
                ci
            }
            None => {
                self.by_pair.insert((first, second), self.found.len());
                self.found.push(Conflict { first, second, count: 1, from: ctx.date, to: end, example: Example::at(ctx, f) });
                self.cases.push(HashSet::from([f]));
                self.found.len() - 1
            }
        }
    }

    /// The conflicts `found` go on until `end` (a later segment decides every case as theirs did).
    pub(super) fn extend(&mut self, found: &[usize], end: Date) {
        for &ci in found {
            let c = &mut self.found[ci];
            c.to = c.to.max(end);
        }
    }

    /// Every conflict, in the order found.
    pub(super) fn finish(self) -> Vec<Conflict> {
        self.found
    }
}
