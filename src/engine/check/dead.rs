//! Dead rules and notes: a rule that never decides (it never applies, or other rules decide every
//! case it applies to) and a note that is never in force. Only counts what the check's walk shows it.

use super::{Example, Finding};
use crate::engine::eval::Context;
use crate::engine::case::Facts;
use crate::engine::vocab::Stay;

/// Why a rule never decides.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DeadKind {
    /// It applies to no case at all, in any kommun of its scope on any date in the window.
    NeverApplies,
    /// It applies, but other rules decide every case it applies to.
    Shadowed {
        /// The rules that decide instead (indices into `RuleSet::rules`), in the order found.
        by: Vec<usize>,
        /// A case it applies to but does not decide.
        example: Example,
    },
}

#[derive(Default)]
struct RuleTally {
    applied: bool,
    /// Reported as part of a conflict already.
    conflicted: bool,
    decided: bool,
    shadowed_by: Vec<usize>,
    example: Option<Example>,
}

/// What each rule and note was seen doing.
pub(super) struct Dead {
    rules: Vec<RuleTally>,
    notes: Vec<bool>,
}

impl Dead {
    pub(super) fn new(rules: usize, notes: usize) -> Dead {
        Dead { rules: (0..rules).map(|_| RuleTally::default()).collect(), notes: vec![false; notes] }
    }

    /// These notes are in force somewhere.
    pub(super) fn notes_in_force(&mut self, notes: &[usize]) {
        for &n in notes {
            self.notes[n] = true;
        }
    }

    /// The rule decides some case.
    #[inline]
    pub(super) fn decides(&mut self, rule: usize) {
        let t = &mut self.rules[rule];
        t.applied = true;
        t.decided = true;
    }

    /// The rule applies and conflicts with the decider (reported as a conflict, not as dead).
    #[inline]
    pub(super) fn conflicts(&mut self, rule: usize) {
        let t = &mut self.rules[rule];
        t.applied = true;
        t.conflicted = true;
    }

    /// The rule applies to facts `f` here, but rule `by` decides them.
    #[inline]
    pub(super) fn shadowed(&mut self, rule: usize, by: usize, ctx: &Context<'_>, f: Facts) {
        let t = &mut self.rules[rule];
        t.applied = true;
        if !t.shadowed_by.contains(&by) {
            t.shadowed_by.push(by);
        }
        if t.example.as_ref().is_none_or(|e| !e.reproducible() && f.stay == Stay::Home) {
            t.example = Some(Example::at(ctx, f));
        }
    }

    /// Every dead rule, then every dead note, in file order.
    pub(super) fn finish(self) -> impl Iterator<Item = Finding> {
        let rules = self.rules.into_iter().enumerate().filter(|(_, t)| !t.decided && !t.conflicted).map(|(i, t)| {
            let kind = match t.example {
                Some(example) if t.applied => DeadKind::Shadowed { by: t.shadowed_by, example },
                _ => DeadKind::NeverApplies,
            };
            Finding::DeadRule { rule: i, kind }
        });
        let notes = self.notes.into_iter().enumerate().filter(|(_, applied)| !applied).map(|(i, _)| Finding::DeadNote { note: i });
        rules.chain(notes)
    }
}
