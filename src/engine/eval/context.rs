//! A context: place and date fixed — the kommun's region on that date and the rules and notes in
//! force there, strongest standing first — and matching of rule conditions against facts (two
//! values) and partial cases (three values, [`Tri`]). It picks the deciding rule; it does not build
//! answers (see `explain.rs`).

use crate::engine::case::{Case, CaseError, Facts};
use crate::engine::date::Date;
use crate::engine::ruleset::{AGE_MAX, Applies, Conditions, Kommun, Region, RuleSet};
use crate::engine::vocab::{Input, Outcome, Standing, Stay, Vocab};
use super::Verdict;

/// Three-valued match of conditions against a partial case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tri {
    /// Holds whatever the unknown inputs turn out to be.
    Yes,
    /// Fails on a known input.
    No,
    /// Depends on an unknown input.
    Maybe,
}

impl Conditions {
    /// Whether the conditions hold for these facts.
    #[inline]
    pub fn matches(&self, f: &Facts) -> bool {
        self.need.contains(f.need)
            && self.housing.contains(f.housing)
            && self.duration.contains(f.duration)
            && self.age_min <= f.age
            && f.age <= self.age_max
            && self.can_visit_clinic.is_none_or(|v| v == f.can_visit_clinic)
            && self.aid.contains(f.aid)
            && self.stay.contains(f.stay)
    }

    /// Whether the conditions constrain an input at all.
    pub fn constrains(&self, input: Input) -> bool {
        match input {
            Input::Kommun => false,
            Input::Need => !self.need.has_every_concrete(),
            Input::Aid => !self.aid.is_all(),
            Input::Housing => !self.housing.is_all(),
            Input::Duration => !self.duration.is_all(),
            Input::CanVisitClinic => self.can_visit_clinic.is_some(),
            Input::Age => self.age_min > 0 || self.age_max < AGE_MAX,
        }
    }

    /// Whether the conditions hold for a partial case, whose stay is `stay` (`None`: it differs
    /// between the case's completions). The umbrella need holds where both its needs do, fails
    /// where neither does, and is a maybe otherwise.
    pub fn matches_case(&self, c: &Case, stay: Option<Stay>) -> Tri {
        let need = c.need.map(|n| {
            let held = n.concrete().iter().filter(|x| self.need.contains(**x)).count();
            (held > 0, held == n.concrete().len())
        });
        let mut result = match need {
            Some((false, _)) => return Tri::No,
            Some((true, false)) => Tri::Maybe,
            Some((true, true)) => Tri::Yes,
            None if self.constrains(Input::Need) => Tri::Maybe,
            None => Tri::Yes,
        };
        let checks = [
            (Some(Input::Aid), c.aid.map(|v| self.aid.contains(v))),
            (Some(Input::Housing), c.housing.map(|v| self.housing.contains(v))),
            (Some(Input::Duration), c.duration.map(|v| self.duration.contains(v))),
            (Some(Input::Age), c.age.map(|a| self.age_min <= a && a <= self.age_max)),
            (Some(Input::CanVisitClinic), c.can_visit_clinic.map(|v| self.can_visit_clinic.is_none_or(|w| w == v))),
            (None, stay.map(|s| self.stay.contains(s))),
        ];
        for (input, known) in checks {
            match known {
                Some(false) => return Tri::No,
                Some(true) => {}
                None if input.map_or(!self.stay.is_all(), |i| self.constrains(i)) => result = Tri::Maybe,
                None => {}
            }
        }
        result
    }
}


/// Place and date fixed: the rules in force for one kommun on one day.
pub struct Context<'r> {
    /// The rules.
    pub rules: &'r RuleSet,
    /// The kommun.
    pub kommun: &'r Kommun,
    /// The region the kommun belonged to on the date.
    pub region: &'r Region,
    /// The date.
    pub date: Date,
    /// Whether the date is inside the region's covered dates.
    pub covered: bool,
    /// Whether the date is inside the rules' checked window (`RuleSet::window`). Outside it no rule
    /// is in force here: the answer is not determined (see `rules/README.md`, "Dates").
    pub in_window: bool,
    /// Indices of the rules in force here, strongest standing first, then file order.
    pub active: Vec<usize>,
    /// Indices of the notes in force here.
    pub notes: Vec<usize>,
}

/// Equality of short codes (länskod, kommunkod) without a `memcmp` call: this runs for every
/// rule of every decision.
#[inline]
fn same(a: &str, b: &str) -> bool {
    match (a.as_bytes(), b.as_bytes()) {
        (&[a0, a1, a2, a3], &[b0, b1, b2, b3]) => u32::from_ne_bytes([a0, a1, a2, a3]) == u32::from_ne_bytes([b0, b1, b2, b3]),
        (&[a0, a1], &[b0, b1]) => a0 == b0 && a1 == b1,
        (a, b) => a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y),
    }
}

#[inline]
fn in_scope(a: &Applies, region: &Region, kommun: &Kommun) -> bool {
    a.region.as_ref().is_none_or(|r| same(r, &region.lan))
        && (a.kommuner.is_empty() || a.kommuner.iter().any(|k| same(k, &kommun.code)))
}

impl<'r> Context<'r> {
    /// The context for a kommun (by code) on a date.
    pub fn new(rules: &'r RuleSet, kommun: &str, date: Date) -> Result<Context<'r>, CaseError> {
        let k = rules.kommun(kommun).ok_or_else(|| CaseError {
            input: "kommun".into(),
            message: format!(
                "unknown kommun `{kommun}`: give one of the {} four-digit SCB kommunkoder (e.g. 1980 for Västerås) or, in the CLI, a kommun name",
                rules.kommuner.len()
            ),
        })?;
        Context::for_kommun(rules, k, date)
    }

    /// The context for a kommun of the register on a date; an error if the rules hold no region for it then, or that region's rules are not loaded.
    pub fn for_kommun(rules: &'r RuleSet, k: &'r Kommun, date: Date) -> Result<Context<'r>, CaseError> {
        let region = rules.region_of(k, date).ok_or_else(|| CaseError {
            input: "kommun".into(),
            message: format!("the rules hold no region for län {} (kommun {})", k.lan, k.code),
        })?;
        if !rules.has_region(&region.lan) {
            return Err(CaseError {
                input: "kommun".into(),
                message: format!("the rules of {} are not loaded", region.name),
            });
        }
        // Outside the checked window nothing is proven complete or consistent: no rule is in force.
        let in_window = rules.window.from <= date && date <= rules.window.to;
        // Strongest standing first, file order within a standing (built in order: sorting would
        // cost the browser bundle a sort routine).
        // The rules in force (one pass over all), then their indices one standing after another.
        let mut active = Vec::new();
        let mut notes = Vec::new();
        if in_window {
            let mut in_force: Vec<usize> = Vec::with_capacity(64);
            for (i, r) in rules.rules.iter().enumerate() {
                if in_scope(&r.applies, region, k) && r.applies.in_force(date) {
                    in_force.push(i);
                }
            }
            active.reserve_exact(in_force.len());
            for &s in Standing::ALL {
                active.extend(in_force.iter().copied().filter(|&i| rules.rules[i].standing == s));
            }
            for (i, n) in rules.notes.iter().enumerate() {
                if in_scope(&n.applies, region, k) && n.applies.in_force(date) {
                    notes.push(i);
                }
            }
        }
        let covered = region.covered_from.is_none_or(|f| f <= date);
        Ok(Context { rules, kommun: k, region, date, covered, in_window, active, notes })
    }

    /// Which rule decides these facts here. The engine's hot path.
    #[inline]
    pub fn verdict(&self, f: &Facts) -> Verdict {
        if !self.in_window {
            return Verdict::OutsideWindow;
        }
        if !self.covered {
            return Verdict::NotCovered;
        }
        for &i in &self.active {
            if self.rules.rules[i].applies.when.matches(f) {
                return Verdict::Rule(i);
            }
        }
        Verdict::Gap
    }

    /// The outcome of a verdict: the rule's, or not determined.
    pub fn outcome(&self, v: Verdict) -> Outcome {
        match v {
            Verdict::Rule(i) => self.rules.rules[i].responsible,
            Verdict::NotCovered | Verdict::OutsideWindow | Verdict::Gap => Outcome::NotDetermined,
        }
    }

    /// The ages at which some rule in force here starts or stops applying; each starts an age
    /// band in which every rule treats all ages alike. Always begins with 0.
    pub fn age_breaks(&self) -> Vec<u8> {
        age_breaks(self.conditions())
    }

    /// The conditions of the rules in force here, in precedence order.
    pub fn conditions(&self) -> impl Iterator<Item = &'r Conditions> + '_ {
        self.active.iter().map(|&i| &self.rules.rules[i].applies.when)
    }
}

/// Age band starts created by a set of conditions' thresholds, ascending.
pub fn age_breaks<'a>(conds: impl Iterator<Item = &'a Conditions>) -> Vec<u8> {
    let mut breaks = vec![0u8];
    let mut add = |b: u8| {
        if let Err(pos) = breaks.binary_search(&b) {
            breaks.insert(pos, b);
        }
    };
    for c in conds {
        add(c.age_min);
        if c.age_max < AGE_MAX {
            add(c.age_max + 1);
        }
    }
    breaks
}
