//! Comparing two matrix views cell by cell — two kommuner on one date, or one kommun on two
//! dates — as data: where the party (or, with the same party, the confidence) differs, under
//! which limits. Rows and age bands are lined up on the finest split of either side, and the
//! differences merged back where they read alike (both parts of the umbrella need, every kind of
//! aid, both vårdcentral answers, consecutive age bands). The faces put them in words
//! ("Hjälpmedel, eget boende: regionen → kommunen").

use super::matrix::{CellPart, MatrixView};
use crate::engine::ruleset::AGE_MAX;
use crate::engine::vocab::{Aid, Confidence, Duration, Housing, Need, Outcome, Vocab};

/// One side of a difference: what a part of a cell says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Side {
    /// Who is responsible.
    pub outcome: Outcome,
    /// How well it is known.
    pub confidence: Confidence,
    /// The deciding rules' ids.
    pub rules: Vec<String>,
}

impl Side {
    fn of(p: &CellPart) -> Side {
        Side { outcome: p.outcome, confidence: p.confidence, rules: p.rules.clone() }
    }

    /// Whether a reader sees a difference: another party, or the same with another confidence.
    fn differs(&self, other: &Side) -> bool {
        self.outcome != other.outcome || self.confidence != other.confidence
    }
}

/// One difference between two matrices: for these inputs, the first says `before`, the second
/// `after`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    /// The need (`rehabilitation` where its two needs differ alike).
    pub need: Need,
    /// The kind of aid, where only some kinds differ.
    pub aid: Option<Aid>,
    /// The housing.
    pub housing: Housing,
    /// The answer to the vårdcentral question, where only one answer differs.
    pub can_visit_clinic: Option<bool>,
    /// The ages, where only some differ.
    pub age: Option<(u8, u8)>,
    /// The duration, where only one differs.
    pub duration: Option<Duration>,
    /// What the first matrix says.
    pub before: Side,
    /// What the second matrix says.
    pub after: Side,
}

impl Difference {
    /// Whether the party changes (else only the confidence does).
    pub fn party_changes(&self) -> bool {
        self.before.outcome != self.after.outcome
    }
}

/// Every difference between `a` and `b`, in row order (needs in display order), then housing,
/// then the vårdcentral answer (can first), then age.
pub fn compare(a: &MatrixView, b: &MatrixView) -> Vec<Difference> {
    let by_aid = a.split_by_aid() || b.split_by_aid();
    let mut found: Vec<Difference> = Vec::new();
    for &need in Need::CONCRETE {
        let aids: Vec<Option<Aid>> = if need == Need::AssistiveDevices && by_aid { Aid::ALL.iter().copied().map(Some).collect() } else { vec![None] };
        for aid in aids {
            for &housing in Housing::ALL {
                for can in [true, false] {
                    let (Some(x), Some(y)) = (a.cell(need, aid, housing, can), b.cell(need, aid, housing, can)) else { continue };
                    for (age, duration, before, after) in cell_differences(&x.parts, &y.parts) {
                        found.push(Difference { need, aid, housing, can_visit_clinic: Some(can), age, duration, before, after });
                    }
                }
            }
        }
    }
    merge(found)
}

/// A difference within one cell: ages, duration, before, after.
type CellDifference = (Option<(u8, u8)>, Option<Duration>, Side, Side);

/// The differences of two cells' parts, on the finer split of the two, consecutive age bands
/// that differ alike merged.
fn cell_differences(x: &[CellPart], y: &[CellPart]) -> Vec<CellDifference> {
    let parts = || x.iter().chain(y);
    let mut starts: Vec<u8> = parts().filter_map(|p| p.age.map(|a| a.0)).collect();
    let by_age = !starts.is_empty();
    starts.push(0);
    starts.sort_unstable();
    starts.dedup();
    let durations: Vec<Option<Duration>> =
        if parts().any(|p| p.duration.is_some()) { Duration::ALL.iter().copied().map(Some).collect() } else { vec![None] };
    let mut out: Vec<CellDifference> = Vec::new();
    for &duration in &durations {
        for (i, &start) in starts.iter().enumerate() {
            let end = starts.get(i + 1).map_or(AGE_MAX, |n| n - 1);
            let find = |ps: &[CellPart]| {
                ps.iter()
                    .find(|p| p.age.is_none_or(|(a, b)| a <= start && start <= b) && (p.duration.is_none() || p.duration == duration))
                    .map(Side::of)
            };
            let (Some(before), Some(after)) = (find(x), find(y)) else { continue };
            if !before.differs(&after) {
                continue;
            }
            match out.last_mut() {
                Some((Some((_, to)), d, b, a)) if *d == duration && *b == before && *a == after && *to + 1 == start => *to = end,
                _ => out.push((by_age.then_some((start, end)), duration, before, after)),
            }
        }
    }
    for d in &mut out {
        if d.0 == Some((0, AGE_MAX)) {
            d.0 = None;
        }
    }
    out
}

/// Merges differences that read alike: both vårdcentral answers, then every kind of aid, then
/// both needs of the umbrella.
fn merge(found: Vec<Difference>) -> Vec<Difference> {
    let rehab = Need::Rehabilitation.concrete();
    let found = fold(found, 2, |d| {
        let v = d.can_visit_clinic?;
        Some((Difference { can_visit_clinic: None, ..d.clone() }, usize::from(v)))
    });
    let found = fold(found, Aid::ALL.len(), |d| {
        let a = d.aid.filter(|_| d.need == Need::AssistiveDevices)?;
        Some((Difference { aid: None, ..d.clone() }, a.index()))
    });
    fold(found, rehab.len(), |d| {
        let i = rehab.iter().position(|n| *n == d.need)?;
        Some((Difference { need: Need::Rehabilitation, ..d.clone() }, i))
    })
}

/// One merging pass: `erase` gives a difference with one input folded away and the index of its
/// value; differences that read alike once folded (their deciding rules aside) and together hold
/// all `values` become the folded one, at the first one's place, with every rule of theirs.
fn fold(list: Vec<Difference>, values: usize, erase: impl Fn(&Difference) -> Option<(Difference, usize)>) -> Vec<Difference> {
    let erased: Vec<Option<(Difference, usize)>> = list.iter().map(&erase).collect();
    let reads_alike = |x: &Difference, y: &Difference| {
        let plain = |d: &Difference| Difference {
            before: Side { rules: Vec::new(), ..d.before.clone() },
            after: Side { rules: Vec::new(), ..d.after.clone() },
            ..d.clone()
        };
        plain(x) == plain(y)
    };
    let mut used = vec![false; list.len()];
    let mut out = Vec::new();
    for i in 0..list.len() {
        if used[i] {
            continue;
        }
        used[i] = true;
        let Some((key, _)) = &erased[i] else {
            out.push(list[i].clone());
            continue;
        };
        let partners: Vec<usize> =
            (i..list.len()).filter(|&j| !used[j] || j == i).filter(|&j| erased[j].as_ref().is_some_and(|(k, _)| reads_alike(k, key))).collect();
        let mut held: Vec<usize> = partners.iter().filter_map(|&j| erased[j].as_ref().map(|e| e.1)).collect();
        held.sort_unstable();
        held.dedup();
        if held.len() == values {
            let mut merged = key.clone();
            for &j in &partners {
                used[j] = true;
                for (side, from) in [(&mut merged.before, &list[j].before), (&mut merged.after, &list[j].after)] {
                    for r in &from.rules {
                        if !side.rules.contains(r) {
                            side.rules.push(r.clone());
                        }
                    }
                }
            }
            out.push(merged);
        } else {
            out.push(list[i].clone());
        }
    }
    out
}
