//! Turning the exhaustive check's findings into diagnostics that point at the rules' text.

use super::diag::Diagnostic;
use super::load::SourceMap;
use crate::engine::check::{DeadKind, Example, Finding, Report};
use crate::engine::ruleset::RuleSet;
use crate::engine::vocab::{Need, Stay, Vocab};

/// The `ansvarskollen ask` command line that reproduces an example: with `--aid` for
/// assistive devices, and for a visitor `--staying-in` (from a home kommun with that outcome).
pub fn ask_command(e: &Example) -> String {
    let f = &e.facts;
    let aid = if f.need == Need::AssistiveDevices { format!(" --aid {}", f.aid.as_str()) } else { String::new() };
    let kommun = match (&e.home, f.stay) {
        (_, Stay::Home) => e.kommun.clone(),
        (Some(home), _) => format!("{home} --staying-in {}", e.kommun),
        (None, stay) => format!("<no kommun gives {stay} on this date> --staying-in {}", e.kommun),
    };
    format!(
        "ansvarskollen ask --kommun {kommun} --date {} --need {}{aid} --housing {} --age {} --can-visit-clinic {} --duration {}",
        e.date,
        f.need.as_str(),
        f.housing.as_str(),
        f.age,
        f.can_visit_clinic,
        f.duration.as_str()
    )
}

fn kommun_list(rules: &RuleSet, codes: &[String]) -> String {
    let names: Vec<String> = codes
        .iter()
        .take(6)
        .map(|c| rules.kommun(c).map_or_else(|| c.clone(), |k| format!("{} {}", k.code, k.name)))
        .collect();
    let more = codes.len().saturating_sub(6);
    if more > 0 { format!("{} and {more} more", names.join(", ")) } else { names.join(", ") }
}

/// Diagnostics for every finding of the exhaustive check.
pub fn to_diagnostics(report: &Report, rules: &RuleSet, map: &SourceMap) -> Vec<Diagnostic> {
    let rule_loc = |i: usize| map.rules.get(i).cloned();
    let region_loc = |lan: &str| rules.regions.iter().position(|r| r.lan == lan).and_then(|i| map.regions.get(i).cloned());
    let mut out = Vec::new();
    for f in &report.findings {
        let d = match f {
            Finding::Gap(g) => {
                let region = rules.region(&g.region).map_or(g.region.clone(), |r| r.name.clone());
                let mut d = Diagnostic::error(
                    "gap",
                    format!("gap: no rule answers some cases in {region} from {} to {}", g.from, g.to),
                )
                .note(format!("the cases: {}", g.cases))
                .note(format!("in {} kommun(er): {}", g.kommuner.len(), kommun_list(rules, &g.kommuner)))
                .note(format!("for example: {}", ask_command(&g.example)))
                .help(format!(
                    "add a rule that answers these cases to {}, or one with `responsible = \"not_determined\"` and a `reason` if the answer is not known",
                    rules.region(&g.region).map_or("the region's file", |r| r.file.as_str())
                ));
                if let Some(loc) = region_loc(&g.region) {
                    d = d.at(loc, "these cases get no answer in this region");
                }
                d
            }
            Finding::Conflict(c) => {
                let (a, b) = (&rules.rules[c.first], &rules.rules[c.second]);
                let mut d = Diagnostic::error(
                    "conflict",
                    format!("conflict: rules `{}` and `{}` have equal standing ({}) and disagree", a.id, b.id, a.standing),
                )
                .note(format!(
                    "`{}` says {}, `{}` says {}, in {} case(s) between {} and {}",
                    a.id, a.responsible, b.id, b.responsible, c.count, c.from, c.to
                ))
                .note(format!("for example: {}", ask_command(&c.example)))
                .help("narrow the `when` conditions or the dates of one rule so they do not overlap, or make one a kommun exception (`when.kommun`), which outranks the regional agreement");
                if let Some(loc) = rule_loc(c.second) {
                    d = d.at(loc, format!("says {}", b.responsible));
                }
                if let Some(loc) = rule_loc(c.first) {
                    d = d.also(loc, format!("says {}", a.responsible));
                }
                d
            }
            Finding::DeadRule { rule, kind } => {
                let r = &rules.rules[*rule];
                let mut d = match kind {
                    DeadKind::NeverApplies => Diagnostic::error("dead-rule", format!("rule `{}` never decides: it applies to no case", r.id))
                        .note(format!(
                            "checked every kommun in its scope on every date from {} to {}",
                            report.window_from, report.window_to
                        ))
                        .help("check its `when` conditions (an empty age range?), its dates against the check window, and the region's `covered_from`"),
                    DeadKind::Shadowed { by, example } => {
                        let names: Vec<String> = by.iter().map(|i| format!("`{}`", rules.rules[*i].id)).collect();
                        let mut d = Diagnostic::error(
                            "dead-rule",
                            format!(
                                "rule `{}` never decides: {} already {} every case it applies to",
                                r.id,
                                names.join(", "),
                                if names.len() == 1 { "decides" } else { "decide" }
                            ),
                        )
                        .note(format!("for example: {}", ask_command(example)))
                        .help("remove it, or narrow the rules that decide instead; rules of equal standing decide in file order, stronger standing first (rules/README.md, \"Which rule wins\")");
                        for i in by.iter().take(3) {
                            if let Some(loc) = rule_loc(*i) {
                                d = d.also(loc, "decides instead");
                            }
                        }
                        d
                    }
                };
                if let Some(loc) = rule_loc(*rule) {
                    d = Diagnostic { primary: Some((loc, "never decides".into())), ..d };
                }
                d
            }
            Finding::DeadNote { note } => {
                let n = &rules.notes[*note];
                let mut d = Diagnostic::error("dead-note", format!("note `{}` applies to no case", n.id))
                    .help("check its `when` conditions, its dates and its scope");
                if let Some(loc) = map.notes.get(*note).cloned() {
                    d = d.at(loc, "never shown");
                }
                d
            }
        };
        out.push(d);
    }
    out
}

