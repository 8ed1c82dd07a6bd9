//! Coverage: per region, how much the rules answer and how well they are known — the data behind
//! `ansvarskollen coverage` and the "Om uppgifterna" page it writes. It walks the same segments as
//! the check (`segments.rs`) for one kommun of each region. It evaluates; it does not judge.

use super::case::{Facts, NO_AID};
use super::date::Date;
use super::domain::Space;
use super::segments::segments;
use super::ruleset::{RuleSet, Text};
use super::vocab::{Confidence, Duration, Housing, Need, Outcome, Stay};

/// What the rules know about one region.
#[derive(Clone, Debug, PartialEq)]
pub struct RegionCoverage {
    /// Länskod, two digits.
    pub lan: String,
    /// The region's current name.
    pub region: String,
    /// How well the region's rules are known, overall.
    pub confidence: Confidence,
    /// The last day the region's rules were reviewed against their sources.
    pub reviewed: Option<Date>,
    /// The rule file, relative to the rules folder.
    pub file: String,
    /// First and last day the rules answer for (the check window, or from the region's coverage).
    pub covered_from: Date,
    /// Last day covered (the end of the check window).
    pub covered_to: Date,
    /// First day on which the key question — an 80-year-old at home who cannot get to the
    /// vårdcentral and needs planned nurse care — gets a kommun-or-region answer.
    pub hemsjukvard_from: Option<Date>,
    /// Who answers the key question on the last day of the window.
    pub hemsjukvard_now: Outcome,
    /// Rules and notes in the region's file.
    pub rules: usize,
    /// Notes in the region's file.
    pub notes: usize,
    /// Share of all cases in the window (for one kommun of the region) that are determined.
    pub determined_share: f64,
    /// Questions the sources leave open.
    pub open_questions: Vec<Text>,
}

/// The key question: an 80-year-old at home who cannot get to the vårdcentral and needs planned
/// nurse care (hemsjukvård). `coverage` and the staff timeline answer it for every date.
pub fn key_case() -> Facts {
    Facts { need: Need::Nursing, aid: NO_AID, housing: Housing::Ordinary, age: 80, can_visit_clinic: false, duration: Duration::Long, stay: Stay::Home }
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
                // (cases, determined, the key case's outcome) of the last segment evaluated.
                let mut last: Option<(u64, u64, Outcome)> = None;
                for seg in segments(rules, &[vec![ki]], from, to) {
                    let days = seg.days();
                    let Some(ctx) = &seg.ctx else { continue };
                    // Only the segments in which the kommun belongs to this region count.
                    if ctx.region.lan != r.lan {
                        continue;
                    }
                    let (n, d, key) = match last {
                        Some(l) if seg.same_as_previous => l,
                        _ => {
                            // People at home: the share answered for the region's own residents.
                            let space = Space::whole(ctx, &[Stay::Home]);
                            let d = (0..space.len()).filter(|&i| ctx.outcome(ctx.verdict(&space.facts(i))) != Outcome::NotDetermined).count();
                            (space.len() as u64, d as u64, ctx.outcome(ctx.verdict(&key_case())))
                        }
                    };
                    last = Some((n, d, key));
                    total += n * days;
                    determined += d * days;
                    if key != Outcome::NotDetermined && hemsjukvard_from.is_none() {
                        hemsjukvard_from = Some(seg.start);
                    }
                    hemsjukvard_now = key;
                }
            }
            RegionCoverage {
                lan: r.lan.clone(),
                region: r.name.clone(),
                confidence: r.confidence,
                reviewed: r.reviewed,
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
