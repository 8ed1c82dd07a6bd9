//! Where and when a set of cases holds: kommuner, a run of dates, and the cases in the check's
//! compact form ([`Cube`]). Built from what a walk over kommun groups and date segments saw,
//! merged as the check merges gaps: consecutive segments of one group that saw the same cases
//! are one run, and groups with the same run are one [`Reach`] naming all their kommuner.
//! It only merges; what was seen is the caller's (`rule.rs`, `diff.rs`).

use crate::engine::check::Cube;
use crate::engine::date::Date;

/// A set of cases in some kommuner over a run of dates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reach {
    /// SCB kommunkoder, ascending.
    pub kommuner: Vec<String>,
    /// First day.
    pub from: Date,
    /// Last day (inclusive).
    pub to: Date,
    /// The cases, compactly.
    pub cases: Cube,
}

/// What one segment of one kommun group showed (in walk order: group by group, dates ascending).
#[derive(Clone, Debug)]
pub(crate) struct Seen {
    /// The group's position in the walk.
    pub group: usize,
    /// The group's kommuner.
    pub kommuner: Vec<String>,
    /// First day of the segment.
    pub from: Date,
    /// Last day of the segment.
    pub to: Date,
    /// The cases.
    pub cases: Cube,
}

/// The runs of what was seen, merged across groups.
pub(crate) fn runs(seen: Vec<Seen>) -> Vec<Reach> {
    let mut runs: Vec<(usize, Reach)> = Vec::new();
    for s in seen {
        match runs.last_mut() {
            Some((g, r)) if *g == s.group && r.cases == s.cases && r.to.succ() == s.from => r.to = s.to,
            _ => runs.push((s.group, Reach { kommuner: s.kommuner, from: s.from, to: s.to, cases: s.cases })),
        }
    }
    let mut merged: Vec<Reach> = Vec::new();
    for (_, r) in runs {
        match merged.iter_mut().find(|m| m.from == r.from && m.to == r.to && m.cases == r.cases) {
            Some(m) => m.kommuner.extend(r.kommuner),
            None => merged.push(r),
        }
    }
    for m in &mut merged {
        m.kommuner.sort();
    }
    merged
}
