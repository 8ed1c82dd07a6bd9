//! Coverage: per region, how much the rules answer and how well they are known — the data behind
//! `ansvarskollen coverage` and the widget's "Om uppgifterna" page. It evaluates; it does not judge.

use super::case::{Case, Facts};
use super::date::Date;
use super::domain::{Space, date_breaks};
use super::eval::Context;
use super::ruleset::{RuleSet, Text};
use super::vocab::{Confidence, Duration, Housing, Need, Outcome};

/// What the rules know about one region.
#[derive(Clone, Debug, PartialEq)]
pub struct RegionCoverage {
    /// Länskod, two digits.
    pub lan: String,
    /// The region's current name.
    pub region: String,
    pub confidence: Confidence,
    /// The rule file, relative to the rules folder.
    pub file: String,
    /// First and last day the rules answer for (the check window, or from the region's coverage).
    pub covered_from: Date,
    pub covered_to: Date,
    /// First day on which the key question — an 80-year-old at home who cannot get to the
    /// vårdcentral and needs planned nurse care — gets a kommun-or-region answer.
    pub hemsjukvard_from: Option<Date>,
    /// Who answers the key question on the last day of the window.
    pub hemsjukvard_now: Outcome,
    /// Rules and notes in the region's file.
    pub rules: usize,
    pub notes: usize,
    /// Share of all cases in the window (for one kommun of the region) that are determined.
    pub determined_share: f64,
    pub open_questions: Vec<Text>,
}

fn key_case() -> Facts {
    Facts { need: Need::Nursing, housing: Housing::Ordinary, age: 80, can_visit_clinic: false, duration: Duration::Long }
}

/// Coverage of every region, in länskod order.
pub fn report(rules: &RuleSet) -> Vec<RegionCoverage> {
    let (from, to) = (rules.window.from, rules.window.to);
    rules
        .regions
        .iter()
        .map(|r| {
            let kommun = rules.kommuner.iter().position(|k| k.lan == r.lan);
            let mut hemsjukvard_from = None;
            let mut hemsjukvard_now = Outcome::NotDetermined;
            let (mut total, mut determined) = (0u64, 0u64);
            if let Some(ki) = kommun {
                let k = &rules.kommuner[ki];
                let breaks = date_breaks(rules, ki, from, to);
                for (si, &start) in breaks.iter().enumerate() {
                    let end = breaks.get(si + 1).map_or(to, |d| d.pred());
                    let days = (end.to_days() - start.to_days() + 1) as u64;
                    let Ok(ctx) = Context::for_kommun(rules, k, start) else { continue };
                    // Only the segments in which the kommun belongs to this region count.
                    if ctx.region.lan != r.lan {
                        continue;
                    }
                    let space = Space::of(&ctx, &Case::on(start));
                    let n = space.len() as u64;
                    let d = (0..space.len()).filter(|&i| ctx.outcome(ctx.verdict(&space.facts(i))) != Outcome::NotDetermined).count() as u64;
                    total += n * days;
                    determined += d * days;
                    let key = ctx.outcome(ctx.verdict(&key_case()));
                    if key != Outcome::NotDetermined && hemsjukvard_from.is_none() {
                        hemsjukvard_from = Some(start);
                    }
                    hemsjukvard_now = key;
                }
            }
            RegionCoverage {
                lan: r.lan.clone(),
                region: r.name.clone(),
                confidence: r.confidence,
                file: r.file.clone(),
                covered_from: r.covered_from.map_or(from, |c| c.max(from)),
                covered_to: to,
                hemsjukvard_from,
                hemsjukvard_now,
                rules: rules.rules.iter().filter(|x| x.applies.region.as_deref() == Some(r.lan.as_str())).count(),
                notes: rules.notes.iter().filter(|x| x.applies.region.as_deref() == Some(r.lan.as_str())).count(),
                determined_share: if total == 0 { 0.0 } else { determined as f64 / total as f64 },
                open_questions: r.open_questions.clone(),
            }
        })
        .collect()
}
