//! The finite input space: why "every case" can be enumerated exactly.
//!
//! Every input has a small domain. Ages fall into bands cut by the rules' own thresholds, dates
//! into segments cut by the rules' validity dates, and kommuner into groups that every rule treats
//! alike. Partial evaluation and the exhaustive check both walk this space; this module only
//! describes it.

use super::case::{Case, Facts};
use super::date::Date;
use super::eval::{Context, Verdict};
use super::ruleset::{AGE_MAX, RuleSet};
use super::vocab::{Duration, Housing, Input, Need, Vocab};

/// The inputs a [`Space`] varies, in its row-major order.
pub const DIMS: [Input; 5] = [Input::Need, Input::Housing, Input::Age, Input::CanVisitClinic, Input::Duration];

/// The values each input can take in one context: a single value if known, else every value
/// (one representative age per age band).
#[derive(Clone, Debug)]
pub struct Space {
    pub need: Vec<Need>,
    pub housing: Vec<Housing>,
    /// Start of each age band (a representative: every rule treats the whole band alike).
    pub age: Vec<u8>,
    pub visit: Vec<bool>,
    pub duration: Vec<Duration>,
}

impl Space {
    /// The space of completions of `case` in `ctx`.
    pub fn of(ctx: &Context<'_>, case: &Case) -> Space {
        Space {
            need: case.need.map_or_else(|| Need::ALL.to_vec(), |v| vec![v]),
            housing: case.housing.map_or_else(|| Housing::ALL.to_vec(), |v| vec![v]),
            age: case.age.map_or_else(|| ctx.age_breaks(), |v| vec![v]),
            visit: case.can_visit_clinic.map_or_else(|| vec![true, false], |v| vec![v]),
            duration: case.duration.map_or_else(|| Duration::ALL.to_vec(), |v| vec![v]),
        }
    }

    pub fn sizes(&self) -> [usize; 5] {
        [self.need.len(), self.housing.len(), self.age.len(), self.visit.len(), self.duration.len()]
    }

    pub fn len(&self) -> usize {
        self.sizes().iter().product()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The facts at a row-major position.
    pub fn facts(&self, mut index: usize) -> Facts {
        let s = self.sizes();
        let mut digit = [0usize; 5];
        for d in (0..5).rev() {
            digit[d] = index % s[d];
            index /= s[d];
        }
        Facts {
            need: self.need[digit[0]],
            housing: self.housing[digit[1]],
            age: self.age[digit[2]],
            can_visit_clinic: self.visit[digit[3]],
            duration: self.duration[digit[4]],
        }
    }

    /// Every verdict, row-major.
    pub fn verdicts(&self, ctx: &Context<'_>) -> Vec<Verdict> {
        (0..self.len()).map(|i| ctx.verdict(&self.facts(i))).collect()
    }

    /// The inputs whose value alone can change the result (a verdict or an outcome): there are two
    /// completions that differ only in that input and get different results. In asking order.
    pub fn relevant<T: PartialEq>(&self, verdicts: &[T]) -> Vec<Input> {
        let s = self.sizes();
        let mut out = Vec::new();
        for d in 0..5 {
            if s[d] < 2 {
                continue;
            }
            let stride: usize = s[d + 1..].iter().product();
            let block = stride * s[d];
            let varies = (0..verdicts.len())
                .filter(|i| (i % block) / stride == 0)
                .any(|i| (1..s[d]).any(|k| verdicts[i + k * stride] != verdicts[i]));
            if varies {
                out.push(DIMS[d]);
            }
        }
        out
    }
}

/// The human range of the age band that starts at `start` ("0–17", "18–").
pub fn age_band(breaks: &[u8], start: u8) -> (u8, u8) {
    let end = breaks.iter().copied().find(|b| *b > start).map_or(AGE_MAX, |b| b - 1);
    (start, end)
}

/// Kommuner that every rule, note and membership treats alike, as lists of indices into
/// [`RuleSet::kommuner`]: their answers can differ only in the organisation's name.
pub fn kommun_groups(rules: &RuleSet) -> Vec<Vec<usize>> {
    let mut groups: Vec<(Vec<String>, Vec<usize>)> = Vec::new();
    for (i, k) in rules.kommuner.iter().enumerate() {
        let mut key = vec![k.lan.clone()];
        for (ri, r) in rules.rules.iter().enumerate() {
            if r.applies.kommuner.contains(&k.code) {
                key.push(format!("r{ri}"));
            }
        }
        for (ni, n) in rules.notes.iter().enumerate() {
            if n.applies.kommuner.contains(&k.code) {
                key.push(format!("n{ni}"));
            }
        }
        for r in &rules.regions {
            for m in r.former_members.iter().filter(|m| m.kommun == k.code) {
                key.push(format!("m{}{}", r.lan, m.until));
            }
        }
        match groups.iter_mut().find(|(g, _)| *g == key) {
            Some((_, members)) => members.push(i),
            None => groups.push((key, vec![i])),
        }
    }
    groups.into_iter().map(|(_, m)| m).collect()
}

/// The dates on which something can change for one kommun, inside `[from, to]`: each starts a
/// segment in which every rule, note and membership stays the same. Always begins with `from`.
pub fn date_breaks(rules: &RuleSet, kommun: usize, from: Date, to: Date) -> Vec<Date> {
    let k = &rules.kommuner[kommun];
    let mut breaks = vec![from];
    let mut add = |d: Date| {
        if from < d && d <= to {
            breaks.push(d);
        }
    };
    let scoped = |region: &Option<String>, kommuner: &[String]| {
        kommuner.is_empty() || kommuner.contains(&k.code) || region.is_none()
    };
    for r in &rules.rules {
        if scoped(&r.applies.region, &r.applies.kommuner) {
            add(r.applies.valid_from);
            if let Some(t) = r.applies.valid_to {
                add(t.succ());
            }
        }
    }
    for n in &rules.notes {
        if scoped(&n.applies.region, &n.applies.kommuner) {
            add(n.applies.valid_from);
            if let Some(t) = n.applies.valid_to {
                add(t.succ());
            }
        }
    }
    for r in &rules.regions {
        if let Some(c) = r.covered_from {
            add(c);
        }
        for m in &r.former_members {
            if m.kommun == k.code {
                add(m.until.succ());
            }
        }
    }
    breaks.sort();
    breaks.dedup();
    breaks
}
