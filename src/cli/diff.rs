//! `ansvarskollen diff`: every answer that changes between two dates (`engine::staff::diff`),
//! over every kommun, one län or one kommun — two tables (the party changes; only the deciding
//! rule changes) or JSON. The command to run before a new agreement takes effect.

use super::{Result, report};
use ansvarskollen::engine::staff::{Change, Scope, diff as compute, params};
use ansvarskollen::ui::i18n::fill;
use ansvarskollen::ui::i18n::pages::words;
use serde_json::{Value, json};
use std::path::Path;

/// What `diff` is asked.
pub struct DiffArgs<'a> {
    pub dir: &'a Path,
    pub from: &'a str,
    pub to: &'a str,
    pub lan: Option<&'a str>,
    pub kommun: Option<&'a str>,
    pub json: bool,
    pub lang: &'a str,
}

/// `diff`: the changes as tables or JSON; exit 0 whether or not anything changes.
pub fn diff(a: DiffArgs<'_>) -> Result {
    let lang = super::parse_lang(a.lang)?;
    let (from, to) = (super::parse_date(Some(a.from))?, super::parse_date(Some(a.to))?);
    let loaded = super::load_for_use(a.dir)?;
    let rules = &loaded.rules;
    let scope = match (a.lan, a.kommun) {
        (_, Some(k)) => Scope::Kommun(super::find_kommun(rules, k)?.code.clone()),
        (Some(l), None) => Scope::Lan(l.to_string()),
        (None, None) => Scope::All,
    };
    let changes = compute(rules, from, to, &scope).map_err(super::usage)?;
    if a.json {
        let (lan, kommun) = match &scope {
            Scope::All => (None, None),
            Scope::Lan(l) => (Some(l.as_str()), None),
            Scope::Kommun(k) => (None, Some(k.as_str())),
        };
        let out = json!({
            "from": from.to_string(),
            "to": to.to_string(),
            "scope": {"lan": lan, "kommun": kommun},
            "rules_version": rules.version,
            "changes": changes.iter().map(change_json).collect::<Vec<_>>(),
        });
        outln!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
        return Ok(());
    }
    let w = words(lang);
    let scope_words = match &scope {
        Scope::All => w.scope_all.to_string(),
        Scope::Lan(l) => fill(w.scope_lan, &[("lan", l)]),
        Scope::Kommun(k) => report::kommuner(rules, std::slice::from_ref(k), lang),
    };
    outln!("{}", fill(w.diff_title, &[("from", &from.to_string()), ("to", &to.to_string()), ("scope", &scope_words)]));
    if changes.is_empty() {
        outln!("{}", w.diff_none);
        return Ok(());
    }
    let (party, rule): (Vec<&Change>, Vec<&Change>) = changes.iter().partition(|c| c.party_changes());
    for (title, list) in [(w.diff_party, party), (w.diff_rule, rule)] {
        if list.is_empty() {
            continue;
        }
        outln!();
        outln!("{}", fill(title, &[("n", &list.len().to_string())]));
        let mut rows = vec![w.diff_columns.iter().map(|s| s.to_string()).collect::<Vec<_>>()];
        for c in list {
            rows.push(vec![report::kommuner(rules, &c.kommuner, lang), report::decided(&c.before, lang), report::decided(&c.after, lang), c.cases.to_string()]);
        }
        out!("{}", report::table(&rows));
    }
    Ok(())
}

fn change_json(c: &Change) -> Value {
    let side = |d: &ansvarskollen::engine::staff::Decided| json!({"responsible": d.outcome.to_string(), "rule": d.by});
    json!({
        "kommuner": c.kommuner,
        "region_before": c.region_before,
        "region_after": c.region_after,
        "cases": report::cube_json(&c.cases),
        "before": side(&c.before),
        "after": side(&c.after),
        "party_changes": c.party_changes(),
        "example": c.example.reproducible().then(|| params(&c.example.case())),
    })
}

