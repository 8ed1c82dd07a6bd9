//! The finite input space: why "every case" can be enumerated exactly.
//!
//! Every input has a small domain. Ages fall into bands cut by the rules' own thresholds, dates
//! into segments cut by the rules' validity dates, and kommuner into groups that every rule treats
//! alike. Partial evaluation and the exhaustive check both walk this space (the check and the
//! coverage report through `segments.rs`); this module only describes it.

use super::case::{Case, Facts, NO_AID};
use super::date::Date;
use super::eval::{Context, Situation, Verdict, age_breaks};
use super::ruleset::{AGE_MAX, RuleSet};
use super::vocab::{Aid, Duration, Housing, Input, Need, Stay, Vocab};

/// The inputs a [`Space`] varies, in its row-major order: the need with its kind of aid (one
/// dimension: the aid varies only for `assistive_devices`), housing, age, the vårdcentral
/// question, duration, and the stay (`None`: derived, not an input).
pub const DIMS: [Option<Input>; 6] = [Some(Input::Need), Some(Input::Housing), Some(Input::Age), Some(Input::CanVisitClinic), Some(Input::Duration), None];

/// The values each input can take in one context: a single value if known, else every value
/// (one representative age per age band).
#[derive(Clone, Debug)]
pub struct Space {
    /// Concrete needs, each with a kind of aid: every kind (or the known one) for
    /// `assistive_devices`, [`NO_AID`] for the others — so the space does not grow fourfold.
    pub need: Vec<(Need, Aid)>,
    /// Housing.
    pub housing: Vec<Housing>,
    /// Start of each age band (a representative: every rule treats the whole band alike).
    pub age: Vec<u8>,
    /// Whether the person can get to the vårdcentral.
    pub visit: Vec<bool>,
    /// Durations.
    pub duration: Vec<Duration>,
    /// Where the person is: `home` when answering a case (a stay is derived per completion,
    /// see [`Situation`]); every value in the exhaustive check.
    pub stay: Vec<Stay>,
}

impl Space {
    /// The space of completions of `case` where it is answered: the umbrella need as its
    /// concrete needs, age bands cut by the rules of both kommuner on a stay.
    pub fn of(sit: &Situation<'_>, case: &Case) -> Space {
        let ages = match &sit.home {
            None => sit.at.age_breaks(),
            Some(home) => age_breaks(sit.at.conditions().chain(home.conditions())),
        };
        Space::with(case, ages, vec![Stay::Home])
    }

    /// Every case in one context: every concrete need and kind of aid, housing, age band,
    /// answer to the vårdcentral question and duration, at each of `stays`.
    pub fn whole(ctx: &Context<'_>, stays: &[Stay]) -> Space {
        Space::with(&Case::on(ctx.date), ctx.age_breaks(), stays.to_vec())
    }

    fn with(case: &Case, age: Vec<u8>, stay: Vec<Stay>) -> Space {
        let known = case.aid.map(|a| [a]);
        let aids: &[Aid] = known.as_ref().map_or(Aid::ALL, |a| a);
        let mut need = Vec::new();
        for &n in case.need.map_or(Need::CONCRETE, |n| n.concrete()) {
            if n == Need::AssistiveDevices {
                need.extend(aids.iter().map(|&a| (n, a)));
            } else {
                need.push((n, NO_AID));
            }
        }
        Space {
            need,
            housing: case.housing.map_or_else(|| Housing::ALL.to_vec(), |v| vec![v]),
            age: case.age.map_or(age, |v| vec![v]),
            visit: case.can_visit_clinic.map_or_else(|| vec![true, false], |v| vec![v]),
            duration: case.duration.map_or_else(|| Duration::ALL.to_vec(), |v| vec![v]),
            stay,
        }
    }

    /// How many values each dimension takes, in [`DIMS`] order.
    pub fn sizes(&self) -> [usize; 6] {
        [self.need.len(), self.housing.len(), self.age.len(), self.visit.len(), self.duration.len(), self.stay.len()]
    }

    /// The number of completions.
    pub fn len(&self) -> usize {
        self.sizes().iter().product()
    }

    /// Whether there is no completion at all.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The position of each dimension's value at a row-major index.
    pub fn digits(&self, mut index: usize) -> [usize; 6] {
        let s = self.sizes();
        let mut digit = [0usize; 6];
        for d in (0..6).rev() {
            digit[d] = index % s[d];
            index /= s[d];
        }
        digit
    }

    /// The facts at a row-major position.
    pub fn facts(&self, index: usize) -> Facts {
        let digit = self.digits(index);
        let (need, aid) = self.need[digit[0]];
        Facts {
            need,
            aid,
            housing: self.housing[digit[1]],
            age: self.age[digit[2]],
            can_visit_clinic: self.visit[digit[3]],
            duration: self.duration[digit[4]],
            stay: self.stay[digit[5]],
        }
    }

    /// Every verdict where the case is answered, row-major.
    pub fn verdicts(&self, sit: &Situation<'_>) -> Vec<Verdict> {
        (0..self.len()).map(|i| sit.verdict(&self.facts(i))).collect()
    }

    /// The inputs whose value alone can change the result (a verdict or an outcome): there are two
    /// completions that differ only in that input and get different results. In asking order.
    /// Two needs differ in the need (whatever their aids); two kinds of aid of
    /// `assistive_devices` differ in the aid. The stay is not an input.
    pub fn relevant<T: PartialEq>(&self, verdicts: &[T]) -> Vec<Input> {
        let s = self.sizes();
        let mut out = Vec::new();
        for d in 0..6 {
            if s[d] < 2 {
                continue;
            }
            let Some(input) = DIMS[d] else { continue };
            let stride: usize = s[d + 1..].iter().product();
            let block = stride * s[d];
            let bases = (0..verdicts.len()).filter(|i| (i % block) / stride == 0);
            if d == 0 {
                let (mut need, mut aid) = (false, false);
                for i in bases {
                    for k1 in 0..s[0] {
                        for k2 in k1 + 1..s[0] {
                            if verdicts[i + k1 * stride] != verdicts[i + k2 * stride] {
                                if self.need[k1].0 == self.need[k2].0 {
                                    aid = true;
                                } else {
                                    need = true;
                                }
                            }
                        }
                    }
                }
                out.extend([need.then_some(Input::Need), aid.then_some(Input::Aid)].into_iter().flatten());
            } else {
                let varies = bases.into_iter().any(|i| (1..s[d]).any(|k| verdicts[i + k * stride] != verdicts[i]));
                if varies {
                    out.push(input);
                }
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
///
/// A kommun's key is its län and everything that names it: the rules and notes limited to it, its
/// former memberships. Built from each rule's list of kommuner (not by asking every rule about
/// every kommun), so many rules stay linear.
pub fn kommun_groups(rules: &RuleSet) -> Vec<Vec<usize>> {
    // What names a kommun, as numbers (plain integers keep the browser bundle small): a rule
    // limited to it (its index), a note (1 << 40 + index), a former membership (the region's
    // position << 41, plus its last day).
    let index = |code: &str| rules.kommuner.binary_search_by(|k| k.code.as_str().cmp(code)).ok();
    let mut marks: Vec<Vec<i64>> = vec![Vec::new(); rules.kommuner.len()];
    let lists = rules.rules.iter().map(|r| &r.applies.kommuner).chain(rules.notes.iter().map(|n| &n.applies.kommuner));
    for (i, list) in lists.enumerate() {
        let mark = if i < rules.rules.len() { i as i64 } else { (1 << 40) + (i - rules.rules.len()) as i64 };
        for k in list.iter().filter_map(|c| index(c)) {
            if marks[k].last() != Some(&mark) {
                marks[k].push(mark);
            }
        }
    }
    for (ri, r) in rules.regions.iter().enumerate() {
        for m in &r.former_members {
            if let Some(k) = index(&m.kommun) {
                marks[k].push(((ri as i64 + 1) << 41) + m.until.to_days());
            }
        }
    }
    // A linear search over the groups (a few hundred kommuner): a hash map would cost the browser
    // bundle, which runs this for a question asked before the kommun, several kilobytes.
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (i, k) in rules.kommuner.iter().enumerate() {
        match groups.iter_mut().find(|g| rules.kommuner[g[0]].lan == k.lan && marks[g[0]] == marks[i]) {
            Some(g) => g.push(i),
            None => groups.push(vec![i]),
        }
    }
    groups
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
