//! The verdict: what decides a case in a context — a rule, the region's coverage limit, or
//! nothing (a gap) — and [`decide`], the full answer of a complete case.

use crate::engine::answer::Answer;
use crate::engine::case::{Case, CaseError};
use crate::engine::ruleset::RuleSet;
use crate::engine::vocab::{Lang, Vocab};
use super::{Situation, explain};

/// What decides a case in a context.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// This rule (index into [`RuleSet::rules`]) decides.
    Rule(usize),
    /// The date is before the region's rules begin (`covered_from`): explicitly not determined.
    NotCovered,
    /// The date is outside the dates the rules are checked for (`RuleSet::window`): not determined.
    OutsideWindow,
    /// No rule applies: a gap in the rules (the check reports these).
    Gap,
}

/// Decides a complete case and explains the answer. For a case with unknown inputs use
/// `partial::resolve`, which answers when every completion agrees and otherwise says which inputs
/// still matter. Never panics; an unknown kommun or a missing input is an error that says what to give.
pub fn decide(rules: &RuleSet, case: &Case, lang: Lang) -> Result<Answer, CaseError> {
    let sit = Situation::new(rules, case)?;
    let facts = case.facts().ok_or_else(|| {
        let mut open: Vec<&str> = case.missing().iter().map(|i| i.as_str()).collect();
        open.extend(case.unknown.iter().map(|i| i.as_str()));
        if case.need.is_some_and(|n| n.is_umbrella()) {
            open.push("need (rehabilitation is two needs)");
        }
        CaseError {
            input: open.first().map_or("", |i| i.split(' ').next().unwrap_or("")).into(),
            message: format!(
                "the case is partial (unknown: {}); resolve it to learn whether it is already determined",
                open.join(", ")
            ),
        }
    })?;
    let stay = sit.stay(&facts);
    Ok(explain(&sit, case, &[sit.verdict(&facts)], Some(stay), lang))
}
