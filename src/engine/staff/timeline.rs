//! The timeline of one kommun over the checked window: periods in which nothing a reader would
//! see changes — the region it belonged to and that region's name, whether the rules answer yet,
//! the rules in force, and the key answer (hemsjukvård for an adult at home who cannot reach the
//! vårdcentral). A period starts wherever one of those can change (a rule's dates, a change of
//! län or of name, one body's dates) and runs until the next change that shows; each rule lists
//! the sources it cites during the period, each with its own dates (a law replaced by a new one
//! is a new source, not a new period). It describes; the faces draw it.

use crate::engine::answer::{CitationOut, RegionRef};
use crate::engine::case::{Case, CaseError};
use crate::engine::coverage::key_case;
use crate::engine::date::Date;
use crate::engine::domain::date_breaks;
use crate::engine::eval::{Context, Situation, explain};
use crate::engine::answer::ReasonRole;
use crate::engine::ruleset::RuleSet;
use crate::engine::vocab::{Confidence, Lang, Outcome, Responsible, Standing};

/// The periods of one kommun.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timeline {
    /// SCB kommunkod.
    pub kommun: String,
    /// The kommun's name.
    pub name: String,
    /// The periods, in date order, from the window's first day to its last.
    pub periods: Vec<Period>,
}

/// A run of dates on which nothing a reader would see changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Period {
    /// First day.
    pub from: Date,
    /// Last day (inclusive).
    pub to: Date,
    /// The region the kommun belonged to, named as in the period.
    pub region: RegionRef,
    /// Whether the region's rules answer yet (`covered_from`).
    pub covered: bool,
    /// The rules in force, strongest standing first (file order within).
    pub rules: Vec<RuleInForce>,
    /// Ids of the rules in force that were not in the previous period.
    pub entered: Vec<String>,
    /// Ids of the previous period's rules that are no longer in force.
    pub left: Vec<String>,
    /// The key answer in the period.
    pub key: KeyAnswer,
}

/// A rule in force in a period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleInForce {
    /// The rule's id.
    pub id: String,
    /// Its standing.
    pub standing: Standing,
    /// What it concludes.
    pub responsible: Outcome,
    /// How well it is known.
    pub confidence: Confidence,
    /// First day it applies.
    pub valid_from: Date,
    /// Last day it applies; `None` = to the end of the window.
    pub valid_to: Option<Date>,
    /// The sources it cites during the period (titles, sections, links), each with the dates it
    /// is the basis for (`None`: the rule's whole validity).
    pub sources: Vec<(CitationOut, Option<Date>, Option<Date>)>,
}

/// The key answer: hemsjukvård (planned nurse care) for an 80-year-old at home who cannot reach
/// the vårdcentral.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyAnswer {
    /// Who is responsible.
    pub outcome: Outcome,
    /// The responsible organisation as named in the period.
    pub organisation: Option<String>,
    /// How well it is known.
    pub confidence: Confidence,
    /// What is not known, in the timeline's language.
    pub doubt: Option<String>,
    /// The deciding rules' ids.
    pub rules: Vec<String>,
}

/// The timeline of a kommun (by code), texts in `lang`.
pub fn timeline(rules: &RuleSet, kommun: &str, lang: Lang) -> Result<Timeline, CaseError> {
    // The context's own error names what to give for an unknown kommun.
    let first = Context::new(rules, kommun, rules.window.from)?;
    let k = first.kommun;
    let ki = rules.kommuner.iter().position(|x| x.code == k.code).unwrap_or(0);
    let (from, to) = (rules.window.from, rules.window.to);
    let mut starts = date_breaks(rules, ki, from, to);
    let mut add = |d: Option<Date>| {
        if let Some(d) = d.filter(|d| from < *d && *d <= to) {
            starts.push(d);
        }
    };
    for r in &rules.regions {
        for n in &r.former_names {
            add(Some(n.until.succ()));
        }
    }
    if let Some(b) = &k.one_body {
        add(b.from);
        add(b.to.map(Date::succ));
    }
    starts.sort();
    starts.dedup();

    let mut periods: Vec<Period> = Vec::new();
    for (i, &start) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map_or(to, |d| d.pred());
        let Ok(ctx) = Context::for_kommun(rules, k, start) else { continue };
        let period = period(ctx, start, end, lang);
        match periods.last_mut() {
            Some(p) if p.region == period.region && p.covered == period.covered && p.rules == period.rules && p.key == period.key && p.to.succ() == start => p.to = end,
            _ => periods.push(period),
        }
    }
    let mut previous: Vec<String> = Vec::new();
    for p in &mut periods {
        for r in &mut p.rules {
            r.sources = sources(rules, &r.id, p.from, p.to);
        }
        let ids: Vec<String> = p.rules.iter().map(|r| r.id.clone()).collect();
        p.entered = ids.iter().filter(|id| !previous.contains(id)).cloned().collect();
        p.left = previous.iter().filter(|id| !ids.contains(id)).cloned().collect();
        previous = ids;
    }
    Ok(Timeline { kommun: k.code.clone(), name: k.name.clone(), periods })
}

/// What a reader sees from `start` (until `end`).
fn period(ctx: Context<'_>, start: Date, end: Date, lang: Lang) -> Period {
    let rules = ctx.rules;
    let in_force = ctx
        .active
        .iter()
        .map(|&i| {
            let r = &rules.rules[i];
            RuleInForce {
                id: r.id.clone(),
                standing: r.standing,
                responsible: r.responsible,
                confidence: r.confidence,
                valid_from: r.applies.valid_from,
                valid_to: r.applies.valid_to,
                // Filled in once the period's dates are known.
                sources: Vec::new(),
            }
        })
        .collect();
    let region = RegionRef { lan: ctx.region.lan.clone(), name: ctx.region.name_on(start).to_string(), confidence: ctx.region.confidence };
    let covered = ctx.covered;
    let facts = key_case();
    let case = Case::complete(start, &ctx.kommun.code, facts);
    let sit = Situation { at: ctx, home: None };
    let a = explain(&sit, &case, &[sit.verdict(&facts)], None, lang);
    let key = KeyAnswer {
        outcome: match a.responsible {
            Some(Responsible::Kommun) => Outcome::Kommun,
            Some(Responsible::Region) => Outcome::Region,
            None => Outcome::NotDetermined,
        },
        organisation: a.organisation.map(|o| o.name),
        confidence: a.confidence,
        doubt: a.doubt,
        rules: a.reasons.iter().filter(|r| r.role == ReasonRole::Decides).map(|r| r.id.clone()).collect(),
    };
    Period { from: start, to: end, region, covered, rules: in_force, entered: Vec::new(), left: Vec::new(), key }
}

/// The citations of a rule that are the basis on some day of `[from, to]`.
fn sources(rules: &RuleSet, id: &str, from: Date, to: Date) -> Vec<(CitationOut, Option<Date>, Option<Date>)> {
    let Some(r) = rules.rules.iter().find(|r| r.id == id) else { return Vec::new() };
    r.source
        .iter()
        .filter(|c| c.from.is_none_or(|f| f <= to) && c.to.is_none_or(|t| from <= t))
        .map(|c| (crate::engine::eval::cited(rules, c), c.from, c.to))
        .collect()
}
