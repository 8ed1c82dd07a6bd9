//! The exhaustive check: every kommun, every date segment, every case — no gaps, no conflicts,
//! no dead rules, each finding with a concrete counter-example.
//!
//! Because every input is a finite choice (see `domain.rs`), "every case" is a finite, small
//! set: kommuner that all rules treat alike are checked once, dates are cut into segments at the
//! rules' own validity dates, ages into bands at the rules' own thresholds. The check is complete;
//! it never gives up. Findings are structured data; the CLI renders them with file positions.
//!
//! [`run_window`] walks the segments (`segments.rs`) and evaluates every case once; what each case
//! shows goes to one tally per kind of finding: [`gaps`](Gap), [`conflicts`](Conflict) and
//! [dead rules and notes](DeadKind). `cube.rs` describes sets of cases compactly for messages.

mod conflicts;
mod cube;
mod dead;
mod gaps;

pub use conflicts::Conflict;
pub use cube::Cube;
pub use dead::DeadKind;
pub use gaps::Gap;

use super::case::{Case, Facts};
use super::date::Date;
use super::domain::{Space, kommun_groups};
use super::eval::Context;
use super::ruleset::RuleSet;
use super::segments::segments;
use super::vocab::{Outcome, Stay, Vocab};

/// A concrete case a finding is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Example {
    /// Code of the kommun where the case is answered (the first of its group): the person's
    /// home, or the kommun of a stay when `facts.stay` is a visiting value.
    pub kommun: String,
    /// For a visiting stay: a home kommun whose outcome for the same facts on the same date
    /// gives that stay, if there is one.
    pub home: Option<String>,
    /// The first day of the date segment.
    pub date: Date,
    /// Every other input.
    pub facts: Facts,
}

impl Example {
    /// The example as a complete case (for a visit: from its home kommun, staying in `kommun`).
    pub fn case(&self) -> Case {
        match &self.home {
            None => Case::complete(self.date, &self.kommun, self.facts),
            Some(home) => Case { staying_in: Some(self.kommun.clone()), ..Case::complete(self.date, home, self.facts) },
        }
    }

    /// Whether [`Example::case`] reproduces it: at home, or a visit with a home kommun found.
    pub fn reproducible(&self) -> bool {
        self.facts.stay == Stay::Home || self.home.is_some()
    }

    pub(crate) fn at(ctx: &Context<'_>, facts: Facts) -> Example {
        let home = (facts.stay != Stay::Home).then(|| home_for(ctx, &facts)).flatten();
        Example { kommun: ctx.kommun.code.clone(), home, date: ctx.date, facts }
    }
}

/// A kommun other than the context's from which a visitor with these facts has this stay.
fn home_for(ctx: &Context<'_>, f: &Facts) -> Option<String> {
    ctx.rules.kommuner.iter().filter(|k| k.code != ctx.kommun.code).find_map(|k| {
        let home = Context::for_kommun(ctx.rules, k, ctx.date).ok()?;
        let outcome = home.outcome(home.verdict(&Facts { stay: Stay::Home, ..*f }));
        (Stay::visiting(outcome) == f.stay).then(|| k.code.clone())
    })
}

/// One thing the check found wrong with the rules.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Finding {
    /// Cases no rule answers.
    Gap(Gap),
    /// Two rules of equal standing disagree.
    Conflict(Conflict),
    /// A rule that never decides.
    DeadRule {
        /// Index into `RuleSet::rules`.
        rule: usize,
        /// Why it never decides.
        kind: DeadKind,
    },
    /// A note that is never in force in the window.
    DeadNote {
        /// Index into `RuleSet::notes`.
        note: usize,
    },
}

/// What the check covered.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Kommuner in the register.
    pub kommuner: usize,
    /// Groups of kommuner that every rule treats alike (each checked once).
    pub kommun_groups: usize,
    /// Date segments walked, over all groups.
    pub segments: usize,
    /// Cases evaluated: every (kommun group, date segment, concrete need and kind of aid,
    /// housing, age band, vårdcentral answer, duration, stay).
    pub cases: u64,
    /// Of those, answered "not determined" on purpose (a rule or a region's coverage says so).
    pub not_determined: u64,
    /// Rules checked.
    pub rules: usize,
    /// Notes checked.
    pub notes: usize,
}

/// The result of the check: what it covered and what it found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    /// First day checked.
    pub window_from: Date,
    /// Last day checked.
    pub window_to: Date,
    /// Gaps first, then conflicts, dead rules and dead notes.
    pub findings: Vec<Finding>,
    /// What was covered.
    pub stats: Stats,
}

impl Report {
    /// Whether the check found nothing.
    pub fn is_clean(&self) -> bool {
        self.findings.is_empty()
    }
}

/// What evaluating one segment found: enough to account for a next segment with the same context
/// without evaluating its cases again.
struct Last {
    space: Space,
    not_determined: u64,
    /// Indices of the conflicts its cases showed.
    conflicts: Vec<usize>,
    unanswered: Vec<Facts>,
}

/// Runs the exhaustive check over the rules' window (`RuleSet::window`).
pub fn run(rules: &RuleSet) -> Report {
    run_window(rules, rules.window.from, rules.window.to)
}

/// Runs the exhaustive check over `[from, to]`.
pub fn run_window(rules: &RuleSet, from: Date, to: Date) -> Report {
    let groups = kommun_groups(rules);
    let mut stats = Stats {
        kommuner: rules.kommuner.len(),
        kommun_groups: groups.len(),
        rules: rules.rules.len(),
        notes: rules.notes.len(),
        ..Stats::default()
    };
    let mut gaps = gaps::Gaps::default();
    let mut conflicts = conflicts::Conflicts::default();
    let mut dead = dead::Dead::new(rules.rules.len(), rules.notes.len());

    // What the last segment evaluated found, replayed for a next segment with the same context.
    let mut last: Option<Last> = None;
    for seg in segments(rules, &groups, from, to) {
        stats.segments += 1;
        let Some(ctx) = &seg.ctx else { continue };
        if seg.same_as_previous
            && let Some(l) = &last
        {
            stats.cases += l.space.len() as u64;
            stats.not_determined += l.not_determined;
            if ctx.covered {
                conflicts.extend(&l.conflicts, seg.end);
                gaps.segment(&seg, ctx, &l.space, &l.unanswered);
            } else {
                gaps.close();
            }
            continue;
        }
        let space = Space::whole(ctx, Stay::ALL);
        stats.cases += space.len() as u64;
        if !ctx.covered {
            stats.not_determined += space.len() as u64;
            gaps.close();
            last = Some(Last { not_determined: space.len() as u64, space, conflicts: Vec::new(), unanswered: Vec::new() });
            continue;
        }
        dead.notes_in_force(&ctx.notes);
        let not_determined_before = stats.not_determined;
        let mut found_conflicts: Vec<usize> = Vec::new();
        let mut unanswered: Vec<Facts> = Vec::new();
        for i in 0..space.len() {
            let f = space.facts(i);
            // The rules that apply, in precedence order: the first decides.
            let mut matching = ctx.active.iter().copied().filter(|&r| rules.rules[r].applies.when.matches(&f));
            let Some(top) = matching.next() else {
                unanswered.push(f);
                continue;
            };
            let top_rule = &rules.rules[top];
            if top_rule.responsible == Outcome::NotDetermined {
                stats.not_determined += 1;
            }
            dead.decides(top);
            for other in matching {
                let o = &rules.rules[other];
                if o.standing == top_rule.standing && o.responsible != top_rule.responsible {
                    dead.conflicts(other);
                    let ci = conflicts.add(top, other, ctx, seg.end, f);
                    if !found_conflicts.contains(&ci) {
                        found_conflicts.push(ci);
                    }
                } else {
                    dead.shadowed(other, top, ctx, f);
                }
            }
        }
        gaps.segment(&seg, ctx, &space, &unanswered);
        last = Some(Last { not_determined: stats.not_determined - not_determined_before, space, conflicts: found_conflicts, unanswered });
    }

    let mut findings: Vec<Finding> = gaps.finish().into_iter().map(Finding::Gap).collect();
    findings.extend(conflicts.finish().into_iter().map(Finding::Conflict));
    findings.extend(dead.finish());
    Report { window_from: from, window_to: to, findings, stats }
}
