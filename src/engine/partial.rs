//! Partial evaluation: answer a case with unknown inputs, or say which inputs still matter.
//!
//! Exact, not heuristic: every input has a finite domain (see `domain.rs`), so the engine
//! evaluates every completion of the unknown inputs. If all give the same outcome (kommun, region
//! or not determined), that is the answer, explained by every rule that decides some completion;
//! otherwise the inputs whose value alone can change the outcome are returned, in the order a
//! person should be asked. Answering one of them never makes another relevant that was not
//! already listed. The widget asks its questions from this; `ansvarskollen ask` prints it.

use super::answer::Answer;
use super::case::{Case, CaseError};
use super::date::Date;
use super::domain::{Space, age_band, kommun_groups};
use super::eval::{Context, Verdict, explain};
use super::ruleset::RuleSet;
use super::vocab::{Duration, Housing, Input, Lang, Need, Outcome, Vocab};

/// The result of resolving a (possibly partial) case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// Every completion gives this answer.
    Answer(Box<Answer>),
    /// These inputs still matter, in asking order; ask the first.
    Ask(Vec<Input>),
}

/// Resolves a case: the answer if it is already determined, else the inputs that still matter.
pub fn resolve(rules: &RuleSet, case: &Case, lang: Lang) -> Result<Resolution, CaseError> {
    let Some(code) = case.kommun.as_deref() else {
        return Ok(Resolution::Ask(needed_without_kommun(rules, case)));
    };
    let ctx = Context::new(rules, code, case.date)?;
    let space = Space::of(&ctx, case);
    let verdicts = space.verdicts(&ctx);
    let outcomes: Vec<Outcome> = verdicts.iter().map(|v| ctx.outcome(*v)).collect();
    if outcomes.iter().all(|o| *o == outcomes[0]) {
        let mut distinct: Vec<Verdict> = Vec::new();
        for v in verdicts {
            if !distinct.contains(&v) {
                distinct.push(v);
            }
        }
        return Ok(Resolution::Answer(Box::new(explain(&ctx, case, &distinct, lang))));
    }
    Ok(Resolution::Ask(space.relevant(&outcomes)))
}

/// Without a kommun, the kommun always matters (it names the organisation); the other inputs
/// matter if they matter in any kommun.
fn needed_without_kommun(rules: &RuleSet, case: &Case) -> Vec<Input> {
    let mut relevant = vec![Input::Kommun];
    for group in kommun_groups(rules) {
        let k = &rules.kommuner[group[0]];
        if let Ok(ctx) = Context::for_kommun(rules, k, case.date) {
            let space = Space::of(&ctx, case);
            let outcomes: Vec<Outcome> = space.verdicts(&ctx).iter().map(|v| ctx.outcome(*v)).collect();
            relevant.extend(space.relevant(&outcomes));
        }
    }
    Input::ALL.iter().copied().filter(|i| relevant.contains(i)).collect()
}

/// One part of a matrix cell: under these limits, this outcome.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    /// Inclusive age range, if the outcome depends on age.
    pub age: Option<(u8, u8)>,
    /// Duration, if the outcome depends on it.
    pub duration: Option<Duration>,
    pub outcome: Outcome,
    /// Id of the deciding rule, if one rule decides the whole part.
    pub rule: Option<String>,
}

/// The responsibility matrix of one kommun on one date: for each need, housing and whether the
/// person can reach the vårdcentral, who is responsible (split by age and duration where it
/// depends on them).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Matrix {
    pub kommun: String,
    pub date: Date,
    /// `cells[need][housing][visit]`, visit 0 = can reach the vårdcentral, 1 = cannot.
    pub cells: Vec<Vec<[Vec<Part>; 2]>>,
}

/// Computes the matrix for a kommun on a date.
pub fn matrix(rules: &RuleSet, kommun: &str, date: Date) -> Result<Matrix, CaseError> {
    let ctx = Context::new(rules, kommun, date)?;
    let mut cells = Vec::new();
    for &need in Need::ALL {
        let mut row = Vec::new();
        for &housing in Housing::ALL {
            let cell = [true, false].map(|visit| {
                let mut case = Case::on(date);
                case.need = Some(need);
                case.housing = Some(housing);
                case.can_visit_clinic = Some(visit);
                cell_parts(&ctx, &case)
            });
            row.push(cell);
        }
        cells.push(row);
    }
    Ok(Matrix { kommun: ctx.kommun.code.clone(), date, cells })
}

fn cell_parts(ctx: &Context<'_>, case: &Case) -> Vec<Part> {
    let space = Space::of(ctx, case);
    let verdicts = space.verdicts(ctx);
    let outcomes: Vec<Outcome> = verdicts.iter().map(|v| ctx.outcome(*v)).collect();
    let relevant = space.relevant(&outcomes);
    let by_age = relevant.contains(&Input::Age);
    let by_duration = relevant.contains(&Input::Duration);
    let ndur = space.duration.len();
    let durations: Vec<usize> = if by_duration { (0..ndur).collect() } else { (0..1).collect() };
    let mut parts = Vec::new();
    for d in durations {
        // Consecutive age bands with the same outcome merge into one range.
        let mut run: Option<(u8, u8, Outcome, Vec<Verdict>)> = None;
        for (ai, &start) in space.age.iter().enumerate() {
            let (_, end) = age_band(&space.age, start);
            let end = if by_age { end } else { crate::engine::ruleset::AGE_MAX };
            // Without a split by age or duration, every band and duration shares the outcome.
            let cells: Vec<usize> = match (by_age, by_duration) {
                (true, true) => vec![ai * ndur + d],
                (true, false) => (0..ndur).map(|x| ai * ndur + x).collect(),
                (false, true) => (0..space.age.len()).map(|a| a * ndur + d).collect(),
                (false, false) => (0..verdicts.len()).collect(),
            };
            let o = outcomes[cells[0]];
            let vs: Vec<Verdict> = cells.iter().map(|&c| verdicts[c]).collect();
            run = match run {
                Some((s, _, ro, mut rv)) if ro == o => {
                    rv.extend(vs);
                    Some((s, end, ro, rv))
                }
                Some(prev) => {
                    parts.push(part(ctx, prev, by_age, by_duration.then(|| space.duration[d])));
                    Some((start, end, o, vs))
                }
                None => Some((start, end, o, vs)),
            };
            if !by_age {
                break;
            }
        }
        if let Some(prev) = run {
            parts.push(part(ctx, prev, by_age, by_duration.then(|| space.duration[d])));
        }
    }
    parts
}

fn part(ctx: &Context<'_>, (s, e, o, vs): (u8, u8, Outcome, Vec<Verdict>), by_age: bool, duration: Option<Duration>) -> Part {
    let rule = match vs.first() {
        Some(Verdict::Rule(i)) if vs.iter().all(|v| *v == vs[0]) => Some(ctx.rules.rules[*i].id.clone()),
        _ => None,
    };
    Part { age: by_age.then_some((s, e)), duration, outcome: o, rule }
}
