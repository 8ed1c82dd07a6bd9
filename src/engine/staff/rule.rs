//! One rule explained for its maintainers: where it decides (kommuner, dates, cases in the
//! check's compact form), what it sets aside there (rules of another standing that also apply),
//! where it applies but another rule decides, and its sources. It walks every kommun group and
//! date segment of the window as the check does; it judges nothing (the check does).

use super::reach::{Reach, Seen, runs};
use crate::engine::answer::CitationOut;
use crate::engine::case::Facts;
use crate::engine::check::Cube;
use crate::engine::date::Date;
use crate::engine::domain::{Space, kommun_groups};
use crate::engine::eval::Context;
use crate::engine::ruleset::{Conditions, RuleSet};
use crate::engine::segments::segments;
use crate::engine::vocab::{Confidence, Outcome, Responsible, Standing, Stay, Vocab};

/// What one rule does, over every kommun and date of the window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleReport {
    /// Index into [`RuleSet::rules`].
    pub rule: usize,
    /// The rule's id.
    pub id: String,
    /// Its standing.
    pub standing: Standing,
    /// What it concludes.
    pub responsible: Outcome,
    /// How well it is known.
    pub confidence: Confidence,
    /// Who performs the care, where another party does.
    pub performed_by: Option<Responsible>,
    /// Länskod of its region file; `None` for national rules.
    pub region: Option<String>,
    /// The kommuner it is limited to (a kommun exception); empty = its whole scope.
    pub kommuner: Vec<String>,
    /// Its conditions on the case's inputs.
    pub when: Conditions,
    /// First day it applies.
    pub valid_from: Date,
    /// Last day it applies; `None` = to the end of the window.
    pub valid_to: Option<Date>,
    /// Where it decides.
    pub decides: Vec<Reach>,
    /// Rules of another standing that apply where it decides, and where.
    pub sets_aside: Vec<SetAside>,
    /// Rules that decide where it applies too, and where (it is set aside there).
    pub set_aside_by: Vec<SetAside>,
    /// Its sources, each with the dates it is the basis for (`None`: the rule's whole validity).
    pub sources: Vec<(CitationOut, Option<Date>, Option<Date>)>,
}

/// Another rule, and where one of the two sets the other aside.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SetAside {
    /// The other rule's id.
    pub rule: String,
    /// Its standing.
    pub standing: Standing,
    /// What it concludes.
    pub responsible: Outcome,
    /// Where.
    pub reach: Vec<Reach>,
}

/// What one segment showed: the cases the rule decides, and per other rule the cases it sets
/// aside or is set aside by.
#[derive(Clone, Default)]
struct Found {
    decides: Vec<Facts>,
    aside: Vec<(usize, Vec<Facts>)>,
    by: Vec<(usize, Vec<Facts>)>,
    /// The age bands of the segment's space (for the cubes).
    ages: Vec<u8>,
    space: Option<Space>,
}

fn push(list: &mut Vec<(usize, Vec<Facts>)>, rule: usize, f: Facts) {
    match list.iter_mut().find(|(r, _)| *r == rule) {
        Some((_, v)) => v.push(f),
        None => list.push((rule, vec![f])),
    }
}

/// Explains the rule with this id, or `None` if no rule has it.
pub fn explain_rule(rules: &RuleSet, id: &str) -> Option<RuleReport> {
    let ri = rules.rules.iter().position(|r| r.id == id)?;
    let rule = &rules.rules[ri];
    let groups = kommun_groups(rules);
    let mut decides: Vec<Seen> = Vec::new();
    let mut aside: Vec<(usize, Vec<Seen>)> = Vec::new();
    let mut by: Vec<(usize, Vec<Seen>)> = Vec::new();
    // The last segment evaluated: (group, its last day, what it showed), replayed for a next
    // segment with the same context.
    let mut last: Option<(usize, Date, Found)> = None;
    for seg in segments(rules, &groups, rules.window.from, rules.window.to) {
        let Some(ctx) = &seg.ctx else { continue };
        if !ctx.covered || !ctx.active.contains(&ri) {
            continue;
        }
        let found = match last.take() {
            Some((g, end, f)) if seg.same_as_previous && g == seg.group && end.succ() == seg.start => f,
            _ => evaluate(ctx, ri),
        };
        let Some(space) = &found.space else { continue };
        let kommuner: Vec<String> = seg.kommuner.iter().map(|&i| rules.kommuner[i].code.clone()).collect();
        let seen = |facts: &[Facts]| Seen {
            group: seg.group,
            kommuner: kommuner.clone(),
            from: seg.start,
            to: seg.end,
            cases: Cube::describe(facts, space, &found.ages),
        };
        if !found.decides.is_empty() {
            decides.push(seen(&found.decides));
        }
        for (list, into) in [(&found.aside, &mut aside), (&found.by, &mut by)] {
            for (other, facts) in list {
                let s = seen(facts);
                match into.iter_mut().find(|(r, _)| r == other) {
                    Some((_, v)) => v.push(s),
                    None => into.push((*other, vec![s])),
                }
            }
        }
        last = Some((seg.group, seg.end, found));
    }
    let others = |list: Vec<(usize, Vec<Seen>)>| {
        list.into_iter()
            .map(|(i, seen)| {
                let o = &rules.rules[i];
                SetAside { rule: o.id.clone(), standing: o.standing, responsible: o.responsible, reach: runs(seen) }
            })
            .collect()
    };
    Some(RuleReport {
        rule: ri,
        id: rule.id.clone(),
        standing: rule.standing,
        responsible: rule.responsible,
        confidence: rule.confidence,
        performed_by: rule.performed_by,
        region: rule.applies.region.clone(),
        kommuner: rule.applies.kommuner.clone(),
        when: rule.applies.when,
        valid_from: rule.applies.valid_from,
        valid_to: rule.applies.valid_to,
        decides: runs(decides),
        sets_aside: others(aside),
        set_aside_by: others(by),
        sources: rule.source.iter().map(|c| (crate::engine::eval::cited(rules, c), c.from, c.to)).collect(),
    })
}

/// Every case of one context: which the rule decides, which other rules it sets aside, which
/// decide where it applies too.
fn evaluate(ctx: &Context<'_>, ri: usize) -> Found {
    let rules = ctx.rules;
    let rule = &rules.rules[ri];
    let space = Space::whole(ctx, Stay::ALL);
    let mut found = Found { ages: ctx.age_breaks(), ..Found::default() };
    for i in 0..space.len() {
        let f = space.facts(i);
        let mut matching = ctx.active.iter().copied().filter(|&r| rules.rules[r].applies.when.matches(&f));
        let Some(top) = matching.next() else { continue };
        if top == ri {
            found.decides.push(f);
            for other in matching.filter(|&o| rules.rules[o].standing != rule.standing) {
                push(&mut found.aside, other, f);
            }
        } else if rule.applies.when.matches(&f) {
            push(&mut found.by, top, f);
        }
    }
    found.space = Some(space);
    found
}

