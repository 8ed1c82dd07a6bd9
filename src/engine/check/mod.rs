//! The exhaustive check: every kommun, every date segment, every case — no gaps, no conflicts,
//! no dead rules, each finding with a concrete counter-example.
//!
//! Because every input is a finite choice (see `domain.rs`), "every case" is a finite, small
//! set: kommuner that all rules treat alike are checked once, dates are cut into segments at the
//! rules' own validity dates, ages into bands at the rules' own thresholds. The check is complete;
//! it never gives up. Findings are structured data; the CLI renders them with file positions.

mod cube;

pub use cube::Cube;

use super::case::{Case, Facts};
use super::date::Date;
use super::domain::{Space, date_breaks, kommun_groups};
use super::eval::Context;
use super::ruleset::RuleSet;

/// A concrete case a finding is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Example {
    pub kommun: String,
    pub date: Date,
    pub facts: Facts,
}

impl Example {
    pub fn case(&self) -> Case {
        Case::complete(self.date, &self.kommun, self.facts)
    }
}

/// Cases no rule answers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Gap {
    /// Länskod of the region the kommuner belonged to.
    pub region: String,
    /// Codes of the kommuner where it occurs.
    pub kommuner: Vec<String>,
    pub from: Date,
    pub to: Date,
    /// Which cases, described compactly.
    pub cases: Cube,
    pub example: Example,
}

/// Two rules of equal standing that give different answers for one case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// Index of the rule that comes first (and would decide).
    pub first: usize,
    pub second: usize,
    /// How many distinct cases (combinations of need, housing, age band, vårdcentral, duration)
    /// the two rules disagree on, over all kommuner and dates.
    pub count: u64,
    pub from: Date,
    pub to: Date,
    pub example: Example,
}

/// Why a rule never decides.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DeadKind {
    /// It applies to no case at all, in any kommun of its scope on any date in the window.
    NeverApplies,
    /// It applies, but other rules decide every case it applies to.
    Shadowed { by: Vec<usize>, example: Example },
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Finding {
    Gap(Gap),
    Conflict(Conflict),
    DeadRule { rule: usize, kind: DeadKind },
    DeadNote { note: usize },
}

/// What the check covered.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    pub kommuner: usize,
    pub kommun_groups: usize,
    pub segments: usize,
    /// Cases evaluated: every (kommun group, date segment, need, housing, age band, …).
    pub cases: u64,
    /// Of those, answered "not determined" on purpose (a rule or a region's coverage says so).
    pub not_determined: u64,
    pub rules: usize,
    pub notes: usize,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Report {
    pub window_from: Date,
    pub window_to: Date,
    pub findings: Vec<Finding>,
    pub stats: Stats,
}

impl Report {
    pub fn is_clean(&self) -> bool {
        self.findings.is_empty()
    }
}

#[derive(Default)]
struct RuleTally {
    applied: bool,
    /// Reported as part of a conflict already.
    conflicted: bool,
    decided: bool,
    shadowed_by: Vec<usize>,
    example: Option<Example>,
}

/// Runs the exhaustive check over the rules' window (`RuleSet::window`).
pub fn run(rules: &RuleSet) -> Report {
    run_window(rules, rules.window.from, rules.window.to)
}

/// Runs the exhaustive check over `[from, to]`.
pub fn run_window(rules: &RuleSet, from: Date, to: Date) -> Report {
    let mut stats = Stats {
        kommuner: rules.kommuner.len(),
        rules: rules.rules.len(),
        notes: rules.notes.len(),
        ..Stats::default()
    };
    let mut tally: Vec<RuleTally> = (0..rules.rules.len()).map(|_| RuleTally::default()).collect();
    let mut note_applied = vec![false; rules.notes.len()];
    let mut gaps: Vec<Gap> = Vec::new();
    let mut conflicts: Vec<Conflict> = Vec::new();
    let mut conflict_cases: Vec<Vec<Facts>> = Vec::new();

    let groups = kommun_groups(rules);
    stats.kommun_groups = groups.len();
    for group in &groups {
        let rep = group[0];
        let k = &rules.kommuner[rep];
        let breaks = date_breaks(rules, rep, from, to);
        // The gap of the previous segment, to merge consecutive segments with the same gap.
        let mut open_gap: Option<Gap> = None;
        for (si, &start) in breaks.iter().enumerate() {
            let end = breaks.get(si + 1).map_or(to, |d| d.pred());
            stats.segments += 1;
            let Ok(ctx) = Context::for_kommun(rules, k, start) else {
                continue;
            };
            let space = Space::of(&ctx, &Case::on(start));
            stats.cases += space.len() as u64;
            if !ctx.covered {
                stats.not_determined += space.len() as u64;
                if let Some(g) = open_gap.take() {
                    gaps.push(g);
                }
                continue;
            }
            for &n in &ctx.notes {
                note_applied[n] = true;
            }
            let mut gap_facts: Vec<Facts> = Vec::new();
            for i in 0..space.len() {
                let f = space.facts(i);
                let mut matching = ctx.active.iter().copied().filter(|&r| rules.rules[r].applies.when.matches(&f));
                let Some(top) = matching.next() else {
                    gap_facts.push(f);
                    continue;
                };
                let top_rule = &rules.rules[top];
                if top_rule.responsible == super::vocab::Outcome::NotDetermined {
                    stats.not_determined += 1;
                }
                tally[top].applied = true;
                tally[top].decided = true;
                for other in matching {
                    let o = &rules.rules[other];
                    let t = &mut tally[other];
                    t.applied = true;
                    if o.standing == top_rule.standing && o.responsible != top_rule.responsible {
                        t.conflicted = true;
                        match conflicts.iter().position(|c| c.first == top && c.second == other) {
                            Some(ci) => {
                                let c = &mut conflicts[ci];
                                c.from = c.from.min(start);
                                c.to = c.to.max(end);
                                if !conflict_cases[ci].contains(&f) {
                                    conflict_cases[ci].push(f);
                                    c.count += 1;
                                }
                            }
                            None => {
                                conflicts.push(Conflict {
                                    first: top,
                                    second: other,
                                    count: 1,
                                    from: start,
                                    to: end,
                                    example: Example { kommun: k.code.clone(), date: start, facts: f },
                                });
                                conflict_cases.push(vec![f]);
                            }
                        }
                    } else {
                        if !t.shadowed_by.contains(&top) {
                            t.shadowed_by.push(top);
                        }
                        if t.example.is_none() {
                            t.example = Some(Example { kommun: k.code.clone(), date: start, facts: f });
                        }
                    }
                }
            }
            if gap_facts.is_empty() {
                if let Some(g) = open_gap.take() {
                    gaps.push(g);
                }
                continue;
            }
            let cube = Cube::describe(&gap_facts, &space, &ctx.age_breaks());
            match &mut open_gap {
                Some(g) if g.cases == cube => g.to = end,
                _ => {
                    if let Some(g) = open_gap.take() {
                        gaps.push(g);
                    }
                    open_gap = Some(Gap {
                        region: ctx.region.lan.clone(),
                        kommuner: group.iter().map(|&i| rules.kommuner[i].code.clone()).collect(),
                        from: start,
                        to: end,
                        cases: cube,
                        example: Example { kommun: k.code.clone(), date: start, facts: gap_facts[0] },
                    });
                }
            }
        }
        if let Some(g) = open_gap.take() {
            gaps.push(g);
        }
    }

    // Kommun groups of one region often share a gap: report it once, naming all their kommuner.
    let mut merged: Vec<Gap> = Vec::new();
    for g in gaps {
        match merged
            .iter_mut()
            .find(|m| m.region == g.region && m.from == g.from && m.to == g.to && m.cases == g.cases)
        {
            Some(m) => m.kommuner.extend(g.kommuner),
            None => merged.push(g),
        }
    }

    let mut findings: Vec<Finding> = merged.into_iter().map(Finding::Gap).collect();
    findings.extend(conflicts.into_iter().map(Finding::Conflict));
    for (i, t) in tally.into_iter().enumerate() {
        if t.decided || t.conflicted {
            continue;
        }
        let kind = match t.example {
            Some(example) if t.applied => DeadKind::Shadowed { by: t.shadowed_by, example },
            _ => DeadKind::NeverApplies,
        };
        findings.push(Finding::DeadRule { rule: i, kind });
    }
    for (i, applied) in note_applied.into_iter().enumerate() {
        if !applied {
            findings.push(Finding::DeadNote { note: i });
        }
    }
    Report { window_from: from, window_to: to, findings, stats }
}
