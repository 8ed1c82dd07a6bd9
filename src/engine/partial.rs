//! Partial evaluation: answer a case with unknown inputs, or say which inputs still matter.
//!
//! Exact, not heuristic: every input has a finite domain (see `domain.rs`), so the engine
//! evaluates every completion of the unknown inputs. If all give the same outcome (kommun, region
//! or not determined), that is the answer, explained by every rule that decides some completion;
//! otherwise the inputs whose value alone can change the outcome are returned, in the order a
//! person should be asked. Answering one of them never makes another relevant that was not
//! already listed. Inputs the person declared unknown ("Vet inte") and the need `rehabilitation`
//! (arbetsterapi or fysioterapi) are never asked: where the outcome depends on them, the answer
//! *depends* — `depends_on` names the input and `branches` give the answer for each of its
//! values, resolved the same way (a branch may depend in turn). The widget asks its questions from
//! this; `ansvarskollen ask` prints it.

use super::answer::{Answer, Branch, When};
use super::case::{Case, CaseError};
use super::date::Date;
use super::domain::{Space, age_band, kommun_groups};
use super::eval::{Context, Situation, Verdict, explain};
use super::ruleset::RuleSet;
use super::vocab::{Aid, Duration, Housing, Input, Lang, Need, Outcome, Set, Stay, Vocab};

/// The result of resolving a (possibly partial) case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// The answer: every completion gives the same outcome, or — where the outcome still
    /// depends on inputs declared unknown or on the umbrella need — a *depends* answer with its
    /// branches.
    Answer(Box<Answer>),
    /// These inputs still matter, in asking order; ask the first.
    Ask(Vec<Input>),
}

/// Resolves a case: the answer if it is already determined, else the inputs that still matter
/// and can be asked; where none can (each is declared unknown, or is the need of `rehabilitation`),
/// the answer that depends on them, branch by branch.
pub fn resolve(rules: &RuleSet, case: &Case, lang: Lang) -> Result<Resolution, CaseError> {
    if case.kommun.is_none() {
        return Ok(Resolution::Ask(needed_without_kommun(rules, case)));
    }
    let sit = Situation::new(rules, case)?;
    Ok(match resolve_in(&sit, case, lang, true) {
        Ok(a) => Resolution::Answer(Box::new(a)),
        Err(needed) => Resolution::Ask(needed),
    })
}

/// The answer of a case where nothing is asked: every input that matters is branched on.
pub(crate) fn answer_in(sit: &Situation<'_>, case: &Case, lang: Lang) -> Answer {
    // With `ask` false nothing is asked; the fallback (a not-determined answer) never happens.
    resolve_in(sit, case, lang, false).unwrap_or_else(|_| explain(sit, case, &[], None, lang))
}

/// Whether an input can be asked for this case: not declared unknown, and not the need when it
/// is the umbrella (the person said "rehabilitation"; its split is an answer, not a question).
fn askable(case: &Case, input: Input) -> bool {
    let umbrella = input == Input::Need && case.need.is_some_and(Need::is_umbrella);
    !case.unknown.contains(input) && !umbrella
}

/// Resolves a case in its situation: its answer, or (`Err`) the inputs to ask. With `ask` false,
/// every input that matters is branched on (inside a branch nothing is asked: the parent asked
/// everything that could be).
fn resolve_in(sit: &Situation<'_>, case: &Case, lang: Lang, ask: bool) -> Result<Answer, Vec<Input>> {
    let space = Space::of(sit, case);
    let verdicts = space.verdicts(sit);
    let outcomes: Vec<Outcome> = verdicts.iter().map(|v| sit.at.outcome(*v)).collect();
    let stay = common_stay(sit, &space);
    let distinct = distinct(&verdicts);
    if outcomes.iter().all(|o| *o == outcomes[0]) {
        return Ok(explain(sit, case, &distinct, stay, lang));
    }
    let relevant = space.relevant(&outcomes);
    let open: Vec<Input> = relevant.iter().copied().filter(|i| askable(case, *i)).collect();
    if ask && !open.is_empty() {
        return Err(open);
    }
    let on = relevant[0];
    let mut answer = explain(sit, case, &distinct, stay, lang);
    answer.doubt = None;
    answer.depends_on = Some(on);
    answer.branches = branches(sit, case, &space, on, lang);
    Ok(answer)
}

/// The stay shared by every completion, if they share one.
fn common_stay(sit: &Situation<'_>, space: &Space) -> Option<Stay> {
    if sit.home.is_none() {
        return Some(Stay::Home);
    }
    let first = sit.stay(&space.facts(0));
    (1..space.len()).all(|i| sit.stay(&space.facts(i)) == first).then_some(first)
}

/// The branches of a case that depends on `on`: one per value (or age band) of the input, the
/// case with that value filled in and resolved in turn; consecutive values whose branches read
/// alike are one branch.
fn branches(sit: &Situation<'_>, case: &Case, space: &Space, on: Input, lang: Lang) -> Vec<Branch> {
    // The input's values in the space: words of its vocabulary, or age bands, or true/false.
    let words: Vec<&'static str> = match on {
        Input::Need => {
            let mut v: Vec<&'static str> = space.need.iter().map(|(n, _)| n.as_str()).collect();
            v.dedup();
            v
        }
        Input::Aid => space.need.iter().filter(|(n, _)| *n == Need::AssistiveDevices).map(|(_, a)| a.as_str()).collect(),
        Input::Housing => space.housing.iter().map(|h| h.as_str()).collect(),
        Input::Duration => space.duration.iter().map(|d| d.as_str()).collect(),
        _ => Vec::new(),
    };
    let n = match on {
        Input::Age => space.age.len(),
        Input::CanVisitClinic => space.visit.len(),
        _ => words.len(),
    };
    let mut cases: Vec<(When, Case)> = Vec::new();
    #[allow(clippy::needless_range_loop)] // `k` indexes one of three lists, by the input
    for k in 0..n {
        let mut c = case.clone();
        c.unknown = c.unknown.without(on);
        let when = match on {
            Input::Age => {
                c.age = Some(space.age[k]);
                let (a, b) = age_band(&space.age, space.age[k]);
                When::Age(a, b)
            }
            Input::CanVisitClinic => {
                c.can_visit_clinic = Some(space.visit[k]);
                When::CanVisitClinic(space.visit[k])
            }
            _ => {
                // A word of the space is a word of the vocabulary: setting it cannot fail.
                let _ = c.set_word(on, words[k]);
                When::Words(on, vec![words[k]])
            }
        };
        cases.push((when, c));
    }
    // Consecutive values merge when their answers read alike, or when both are plain answers
    // (no further dependence) with the same outcome: the merged branch is then explained like a
    // partial case whose completions several rules decide alike.
    let mut out: Vec<(Branch, Case, Vec<Verdict>, Option<Stay>)> = Vec::new();
    for (when, c) in cases {
        let answer = answer_in(sit, &c, lang);
        let sub = Space::of(sit, &c);
        let verdicts = distinct(&sub.verdicts(sit));
        let stay = common_stay(sit, &sub);
        if let Some((last, group, vs, st)) = out.last_mut() {
            let plain = last.answer.depends_on.is_none() && answer.depends_on.is_none() && last.answer.responsible == answer.responsible;
            if (plain || last.answer.branch_json() == answer.branch_json()) && last.when.merge(&when) {
                if plain {
                    group.clear(on);
                    for v in verdicts {
                        if !vs.contains(&v) {
                            vs.push(v);
                        }
                    }
                    *st = if *st == stay { stay } else { None };
                    last.answer = explain(sit, group, vs, *st, lang);
                }
                continue;
            }
        }
        out.push((Branch { when, answer }, c, verdicts, stay));
    }
    out.into_iter().map(|(b, ..)| b).collect()
}

/// The distinct verdicts, in order of first appearance.
fn distinct(verdicts: &[Verdict]) -> Vec<Verdict> {
    let mut out: Vec<Verdict> = Vec::new();
    for v in verdicts {
        if !out.contains(v) {
            out.push(*v);
        }
    }
    out
}

/// Without a kommun, the kommun always matters (it names the organisation); the other inputs
/// matter if they matter in any kommun (and can be asked) — for a stay, from any home kommun.
fn needed_without_kommun(rules: &RuleSet, case: &Case) -> Vec<Input> {
    let mut relevant = vec![Input::Kommun];
    let stay = case.staying_in.as_deref().and_then(|s| rules.kommun(s));
    let context = |k| Context::for_kommun(rules, k, case.date).ok();
    let mut situations: Vec<Situation<'_>> = Vec::new();
    for group in kommun_groups(rules) {
        let k = &rules.kommuner[group[0]];
        match stay {
            None => situations.extend(context(k).map(|at| Situation { at, home: None })),
            Some(s) => {
                // Living in the group while staying in `s`, and (if `s` is in the group) at home.
                if let Some(home_k) = group.iter().map(|&i| &rules.kommuner[i]).find(|x| x.code != s.code)
                    && let (Some(at), Some(h)) = (context(s), context(home_k))
                {
                    situations.push(Situation { at, home: Some(h) });
                }
                if group.iter().any(|&i| rules.kommuner[i].code == s.code) {
                    situations.extend(context(k).map(|at| Situation { at, home: None }));
                }
            }
        }
    }
    for sit in &situations {
        let space = Space::of(sit, case);
        let outcomes: Vec<Outcome> = space.verdicts(sit).iter().map(|v| sit.at.outcome(*v)).collect();
        relevant.extend(space.relevant(&outcomes));
    }
    Input::ALL.iter().copied().filter(|i| relevant.contains(i) && askable(case, *i)).collect()
}

/// One part of a matrix cell: under these limits, this outcome.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Part {
    /// Inclusive age range, if the outcome depends on age.
    pub age: Option<(u8, u8)>,
    /// Duration, if the outcome depends on it.
    pub duration: Option<Duration>,
    /// Who is responsible under these limits.
    pub outcome: Outcome,
    /// Id of the deciding rule, if one rule decides the whole part.
    pub rule: Option<String>,
}

/// One row of a matrix: a concrete need (and, where the rules tell kinds of aid apart, one kind
/// of aid), with `cells[housing][visit]`, visit 0 = can reach the vårdcentral, 1 = cannot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The need.
    pub need: Need,
    /// The kind of aid, where the row is one of `assistive_devices` split by kind.
    pub aid: Option<Aid>,
    /// `cells[housing][visit]`, housing in `Housing::ALL` order.
    pub cells: Vec<[Vec<Part>; 2]>,
}

/// The responsibility matrix of one kommun on one date: for each concrete need (and kind of aid
/// where it matters), housing and whether the person can reach the vårdcentral, who is
/// responsible (split by age and duration where it depends on them).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Matrix {
    /// SCB kommunkod.
    pub kommun: String,
    /// The date.
    pub date: Date,
    /// One row per concrete need, in display order; `assistive_devices` one row per kind of aid
    /// where the kommun's rules tell kinds apart.
    pub rows: Vec<Row>,
}

/// Computes the matrix for a kommun on a date (for people at home). Each cell is the case of its
/// need, housing and vårdcentral answer with the age and the duration left open: resolved like
/// any case whose inputs are unknown, its branches are the cell's parts (the same machinery as an
/// answer that depends, so the browser carries no second one).
pub fn matrix(rules: &RuleSet, kommun: &str, date: Date) -> Result<Matrix, CaseError> {
    let ctx = Context::new(rules, kommun, date)?;
    let sit = Situation { at: ctx, home: None };
    let answer = |need: Need, aid: Option<Aid>, housing: Housing, visit: bool| {
        let mut case = Case::on(date);
        case.need = Some(need);
        case.aid = aid;
        case.housing = Some(housing);
        case.can_visit_clinic = Some(visit);
        // Left open on purpose: the cell shows where they matter. (The engine may leave any input
        // open; only a person's "Vet inte" is limited.)
        case.unknown = Set::of(&[Input::Aid, Input::Age, Input::Duration]);
        answer_in(&sit, &case, Lang::Sv)
    };
    let mut rows = Vec::new();
    for &need in Need::CONCRETE {
        // The kinds of aid matter where some cell depends on them (the aid is asked first).
        let by_aid = need == Need::AssistiveDevices
            && Housing::ALL.iter().any(|&h| [true, false].iter().any(|&v| answer(need, None, h, v).depends_on == Some(Input::Aid)));
        let aids: Vec<Option<Aid>> = if by_aid { Aid::ALL.iter().copied().map(Some).collect() } else { vec![None] };
        for aid in aids {
            let mut cells = Vec::new();
            for &h in Housing::ALL {
                let mut cell = [Vec::new(), Vec::new()];
                for (v, parts) in cell.iter_mut().enumerate() {
                    flatten(&answer(need, aid, h, v == 0), None, None, parts);
                }
                cells.push(cell);
            }
            rows.push(Row { need, aid, cells });
        }
    }
    Ok(Matrix { kommun: sit.at.kommun.code.clone(), date, rows })
}

/// The parts of a cell: one per leaf of its answer's branches, with the age range and the
/// duration on the way there.
fn flatten(a: &Answer, age: Option<(u8, u8)>, duration: Option<Duration>, out: &mut Vec<Part>) {
    if a.depends_on.is_none() {
        let outcome = match a.responsible {
            Some(r) => Outcome::ALL[r.index()],
            None => Outcome::NotDetermined,
        };
        out.push(Part { age, duration, outcome, rule: a.rule.as_ref().map(|r| r.id.clone()) });
        return;
    }
    for b in &a.branches {
        match &b.when {
            When::Age(x, y) => flatten(&b.answer, Some((*x, *y)), duration, out),
            When::Words(Input::Duration, words) => {
                let d = if words.len() == 1 { Duration::parse(words[0]).ok() } else { None };
                flatten(&b.answer, age, d, out)
            }
            _ => flatten(&b.answer, age, duration, out),
        }
    }
}
