//! `ansvarskollen explain RULE_ID`: one rule for its maintainers (`engine::staff::explain_rule`)
//! — its standing, scope, dates and conditions, where it decides (kommuner, dates, cases in the
//! check's compact form), what it sets aside and what sets it aside, and its sources — as text or
//! JSON. An unknown id is a usage error with "did you mean" and the valid ids.

use super::{Result, labels, report};
use ansvarskollen::engine::check::Cube;
use ansvarskollen::engine::ruleset::{Conditions, RuleSet};
use ansvarskollen::engine::staff::{Reach, RuleReport, SetAside, explain_rule};
use ansvarskollen::engine::{Lang, Need, Outcome, Responsible, Vocab};
use ansvarskollen::rules::walk::did_you_mean;
use ansvarskollen::ui::i18n::pages::words;
use serde_json::{Value, json};
use std::path::Path;

/// `explain`: where a rule decides, what it sets aside, its sources.
pub fn explain(dir: &Path, id: &str, as_json: bool, lang: &str) -> Result {
    let lang = super::parse_lang(lang)?;
    let loaded = super::load_for_use(dir)?;
    let rules = &loaded.rules;
    let Some(r) = explain_rule(rules, id) else { return Err(super::usage(unknown(rules, id))) };
    if as_json {
        outln!("{}", serde_json::to_string_pretty(&report_json(&r)).unwrap_or_default());
        return Ok(());
    }
    let cat = labels::catalogue(lang);
    let w = words(lang);
    outln!(
        "{}: {} — {}, {}",
        r.id,
        labels::outcome(cat, r.responsible),
        w.standing(r.standing),
        cat.cli.confidence(r.confidence)
    );
    let scope = match (&r.region, r.kommuner.is_empty()) {
        (None, _) => w.national.to_string(),
        (Some(lan), true) => rules.region(lan).map_or_else(|| lan.clone(), |x| format!("{} ({lan})", x.name)),
        (Some(_), false) => report::kommuner(rules, &r.kommuner, lang),
    };
    let to = r.valid_to.map_or(String::new(), |d| d.to_string());
    outln!("{}", format!("{}: {scope}, {} – {to}", w.applies, r.valid_from).trim_end());
    outln!("{}: {}", w.conditions, conditions(&r.when));
    if let Some(p) = r.performed_by {
        let p = if p == Responsible::Kommun { Outcome::Kommun } else { Outcome::Region };
        outln!("{}: {}", cat.cli.performed_by, labels::outcome(cat, p));
    }
    outln!();
    outln!("{}", w.decides);
    if r.decides.is_empty() {
        outln!("  {}", w.decides_none);
    }
    reaches(rules, &r.decides, "  ", lang);
    for (title, list) in [(w.sets_aside, &r.sets_aside), (w.set_aside_by, &r.set_aside_by)] {
        if list.is_empty() {
            continue;
        }
        outln!();
        outln!("{title}");
        for s in list {
            outln!("  {} ({}, {})", s.rule, w.standing(s.standing), labels::outcome(cat, s.responsible));
            reaches(rules, &s.reach, "    ", lang);
        }
    }
    outln!();
    outln!("{}", w.sources);
    for (c, from, to) in &r.sources {
        let mut line = c.title.clone();
        if let Some(s) = &c.section {
            line.push_str(&format!(", {s}"));
        }
        if let Some(u) = c.url.as_deref().or(c.sfs.as_deref()) {
            line.push_str(&format!(" — {u}"));
        }
        if from.is_some() || to.is_some() {
            let d = |x: &Option<ansvarskollen::engine::Date>| x.map_or(String::new(), |d| d.to_string());
            line.push_str(&format!(" ({} – {})", d(from), d(to)));
        }
        outln!("  {line}");
    }
    Ok(())
}

/// Where: one line of dates and kommuner, then the cases.
fn reaches(rules: &RuleSet, list: &[Reach], indent: &str, lang: Lang) {
    for x in list {
        outln!("{indent}{} – {}  {}", x.from, x.to, report::kommuner(rules, &x.kommuner, lang));
        outln!("{indent}  {}", x.cases);
    }
}

/// A rule's conditions in the check's compact form.
fn conditions(c: &Conditions) -> String {
    let visit = c.can_visit_clinic.map_or_else(|| vec![false, true], |v| vec![v]);
    let aid = if c.need.contains(Need::AssistiveDevices) { c.aid } else { ansvarskollen::engine::vocab::Set::all() };
    Cube { need: c.need, housing: c.housing, ages: vec![(c.age_min, c.age_max)], visit, duration: c.duration, aid, stay: c.stay, count: 0, exact: true }
        .to_string()
}

/// The message for an unknown rule id: the likely one, and the valid ids (those of the same
/// area where the id's first part names one).
fn unknown(rules: &RuleSet, id: &str) -> String {
    let ids: Vec<&str> = rules.rules.iter().map(|r| r.id.as_str()).collect();
    let area = id.split('.').next().unwrap_or("");
    let same: Vec<&str> = ids.iter().copied().filter(|x| x.split('.').next() == Some(area)).collect();
    let listed = if same.is_empty() { &ids } else { &same };
    let hint = did_you_mean(id, &ids).map_or(String::new(), |m| format!("; did you mean `{m}`?"));
    format!("unknown rule `{id}`{hint} Valid choices: {}", listed.join(", "))
}

fn set_aside_json(s: &SetAside) -> Value {
    json!({"rule": s.rule, "standing": s.standing.as_str(), "responsible": s.responsible.as_str(), "reach": s.reach.iter().map(report::reach_json).collect::<Vec<_>>()})
}

fn report_json(r: &RuleReport) -> Value {
    json!({
        "id": r.id,
        "standing": r.standing.as_str(),
        "responsible": r.responsible.as_str(),
        "confidence": r.confidence.as_str(),
        "performed_by": r.performed_by.map(|p| p.as_str()),
        "region": r.region,
        "kommuner": r.kommuner,
        "when": conditions(&r.when),
        "valid_from": r.valid_from.to_string(),
        "valid_to": r.valid_to.map(|d| d.to_string()),
        "decides": r.decides.iter().map(report::reach_json).collect::<Vec<_>>(),
        "sets_aside": r.sets_aside.iter().map(set_aside_json).collect::<Vec<_>>(),
        "set_aside_by": r.set_aside_by.iter().map(set_aside_json).collect::<Vec<_>>(),
        "sources": r.sources.iter().map(|(c, from, to)| {
            let mut v = super::matrix::citation_json(c);
            v["from"] = json!(from.map(|d| d.to_string()));
            v["to"] = json!(to.map(|d| d.to_string()));
            v
        }).collect::<Vec<_>>(),
    })
}
