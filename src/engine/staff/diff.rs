//! Every answer that changes between two dates, for rule maintainers ("the command to run before
//! a new agreement takes effect"): for each kommun group in scope, every case (every concrete
//! need and kind of aid, housing, age band of either date, vårdcentral answer, duration, stay) is
//! decided on both dates; where the party or the deciding rule differs, the cases are described
//! in the check's compact form and merged across groups that change alike. It compares; it does
//! not judge whether a change is right.

use crate::engine::case::{CaseError, Facts};
use crate::engine::check::{Cube, Example};
use crate::engine::date::Date;
use crate::engine::domain::{Space, kommun_groups};
use crate::engine::eval::{Context, Verdict};
use crate::engine::ruleset::RuleSet;
use crate::engine::vocab::{Outcome, Stay, Vocab};

/// Which kommuner a diff looks at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Every kommun (each group of kommuner that every rule treats alike, once).
    All,
    /// The kommuner that belong to this län (two digits) on either date.
    Lan(String),
    /// One kommun (SCB kommunkod).
    Kommun(String),
}

/// What decides a set of cases on one date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decided {
    /// Who is responsible.
    pub outcome: Outcome,
    /// The deciding rule's id; where no rule decides, the answer's reason id: `gap`, `window`
    /// (outside the checked window) or `region.NN.coverage` (before the region's rules begin).
    pub by: String,
}

impl Decided {
    fn of(ctx: &Context<'_>, v: Verdict) -> Decided {
        let by = match v {
            Verdict::Rule(i) => ctx.rules.rules[i].id.clone(),
            Verdict::NotCovered => format!("region.{}.coverage", ctx.region.lan),
            Verdict::OutsideWindow => "window".into(),
            Verdict::Gap => "gap".into(),
        };
        Decided { outcome: ctx.outcome(v), by }
    }
}

/// A set of answers that change alike between the two dates.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// SCB kommunkoder, ascending.
    pub kommuner: Vec<String>,
    /// Länskod of the region the kommuner belonged to on the first date.
    pub region_before: String,
    /// … and on the second.
    pub region_after: String,
    /// The cases that change, compactly (their stay is named where it is not only `home`).
    pub cases: Cube,
    /// What decides them on the first date.
    pub before: Decided,
    /// What decides them on the second date.
    pub after: Decided,
    /// One of the cases, in the first kommun, dated the second date.
    pub example: Example,
}

impl Change {
    /// Whether the party changes (else only the deciding rule does).
    pub fn party_changes(&self) -> bool {
        self.before.outcome != self.after.outcome
    }
}

/// Every answer that changes from `from` to `to` in `scope`: the changes of party first, then
/// those where only the deciding rule changes; each in kommun order. An unknown kommun or län
/// is an error that names what to give.
pub fn diff(rules: &RuleSet, from: Date, to: Date, scope: &Scope) -> Result<Vec<Change>, CaseError> {
    let groups: Vec<Vec<usize>> = match scope {
        Scope::All => kommun_groups(rules),
        Scope::Kommun(code) => {
            let i = rules.kommuner.binary_search_by(|k| k.code.as_str().cmp(code)).map_err(|_| CaseError {
                input: "kommun".into(),
                message: format!("unknown kommun `{code}`: give one of the {} four-digit SCB kommunkoder (e.g. 1980)", rules.kommuner.len()),
            })?;
            vec![vec![i]]
        }
        Scope::Lan(lan) => {
            if rules.region(lan).is_none() {
                let valid: Vec<&str> = rules.regions.iter().map(|r| r.lan.as_str()).collect();
                return Err(CaseError { input: "lan".into(), message: format!("unknown län `{lan}`; valid choices: {}", valid.join(", ")) });
            }
            let in_lan = |g: &Vec<usize>| {
                let k = &rules.kommuner[g[0]];
                [from, to].iter().any(|&d| rules.region_of(k, d).is_some_and(|r| r.lan == *lan))
            };
            kommun_groups(rules).into_iter().filter(in_lan).collect()
        }
    };
    let mut changes: Vec<Change> = Vec::new();
    for group in &groups {
        let k = &rules.kommuner[group[0]];
        let (Ok(a), Ok(b)) = (Context::for_kommun(rules, k, from), Context::for_kommun(rules, k, to)) else { continue };
        let mut space = Space::whole(&a, Stay::ALL);
        let mut ages = a.age_breaks();
        ages.extend(b.age_breaks());
        ages.sort_unstable();
        ages.dedup();
        space.age = ages.clone();
        // The cases of each pair of different verdicts, in order of first appearance.
        let mut pairs: Vec<((Verdict, Verdict), Vec<Facts>)> = Vec::new();
        for i in 0..space.len() {
            let f = space.facts(i);
            let (va, vb) = (a.verdict(&f), b.verdict(&f));
            let (da, db) = (Decided::of(&a, va), Decided::of(&b, vb));
            if da == db {
                continue;
            }
            match pairs.iter_mut().find(|(p, _)| *p == (va, vb)) {
                Some((_, v)) => v.push(f),
                None => pairs.push(((va, vb), vec![f])),
            }
        }
        for ((va, vb), facts) in pairs {
            let Some(first) = facts.iter().find(|f| f.stay == Stay::Home).or(facts.first()) else { continue };
            let change = Change {
                kommuner: group.iter().map(|&i| rules.kommuner[i].code.clone()).collect(),
                region_before: a.region.lan.clone(),
                region_after: b.region.lan.clone(),
                cases: Cube::describe(&facts, &space, &ages),
                before: Decided::of(&a, va),
                after: Decided::of(&b, vb),
                example: Example::at(&b, *first),
            };
            let same = |c: &Change| {
                c.region_before == change.region_before
                    && c.region_after == change.region_after
                    && c.cases == change.cases
                    && c.before == change.before
                    && c.after == change.after
            };
            match changes.iter_mut().find(|c| same(c)) {
                Some(c) => c.kommuner.extend(change.kommuner),
                None => changes.push(change),
            }
        }
    }
    for c in &mut changes {
        c.kommuner.sort();
    }
    changes.sort_by_key(|c| !c.party_changes());
    Ok(changes)
}
