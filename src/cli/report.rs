//! What `diff` and `explain` share: kommun lists in words, what decides in words, sets of cases
//! and reaches as JSON, text tables. Formats only.

use ansvarskollen::engine::check::Cube;
use ansvarskollen::engine::staff::{Decided, Reach};
use ansvarskollen::engine::{Lang, RuleSet, Vocab};
use ansvarskollen::ui::i18n::fill;
use ansvarskollen::ui::i18n::pages::words;
use serde_json::{Value, json};

use super::labels;

/// Kommuner in words: "alla 10 kommuner i Region Västmanland" when they are every kommun of a
/// län (today's register), else up to four by name and code, else three and "och N till".
pub fn kommuner(rules: &RuleSet, codes: &[String], lang: Lang) -> String {
    let w = words(lang);
    let named = |c: &String| rules.kommun(c).map_or_else(|| c.clone(), |k| format!("{} ({c})", k.name));
    if let Some(lan) = codes.first().and_then(|c| rules.kommun(c)).map(|k| k.lan.clone()) {
        let all: Vec<&str> = rules.kommuner.iter().filter(|k| k.lan == lan).map(|k| k.code.as_str()).collect();
        if codes.len() > 1 && all.len() == codes.len() && codes.iter().all(|c| all.contains(&c.as_str())) {
            let region = rules.region(&lan).map_or(lan.as_str(), |r| r.name.as_str());
            return fill(w.kommuner_all, &[("n", &codes.len().to_string()), ("region", region)]);
        }
    }
    if codes.len() <= 4 {
        return codes.iter().map(named).collect::<Vec<_>>().join(", ");
    }
    let list = codes[..3].iter().map(named).collect::<Vec<_>>().join(", ");
    fill(w.kommuner_more, &[("list", &list), ("n", &(codes.len() - 3).to_string())])
}

/// What decides, in words: "kommunen (vastmanland.hemsjukvard)".
pub fn decided(d: &Decided, lang: Lang) -> String {
    format!("{} ({})", labels::outcome(labels::catalogue(lang), d.outcome), d.by)
}

/// A set of cases as JSON: its text (the check's compact form) and its values.
pub fn cube_json(c: &Cube) -> Value {
    json!({
        "text": c.to_string(),
        "need": c.need.iter().map(|v| v.as_str()).collect::<Vec<_>>(),
        "aid": c.aid.iter().map(|v| v.as_str()).collect::<Vec<_>>(),
        "housing": c.housing.iter().map(|v| v.as_str()).collect::<Vec<_>>(),
        "ages": c.ages.iter().map(|(a, b)| json!({"min": a, "max": b})).collect::<Vec<_>>(),
        "can_visit_clinic": c.visit,
        "duration": c.duration.iter().map(|v| v.as_str()).collect::<Vec<_>>(),
        "stay": c.stay.iter().map(|v| v.as_str()).collect::<Vec<_>>(),
        "count": c.count,
        "exact": c.exact,
    })
}

/// A reach as JSON.
pub fn reach_json(r: &Reach) -> Value {
    json!({"kommuner": r.kommuner, "from": r.from.to_string(), "to": r.to.to_string(), "cases": cube_json(&r.cases)})
}

/// Rows as a text table, the first row its header; the last column is not padded.
pub fn table(rows: &[Vec<String>]) -> String {
    let cols = rows.first().map_or(0, |r| r.len());
    let width: Vec<usize> = (0..cols).map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0)).collect();
    let mut out = String::new();
    for (i, r) in rows.iter().enumerate() {
        let line: Vec<String> = r.iter().enumerate().map(|(c, s)| format!("{s}{}", " ".repeat(width[c] - s.chars().count()))).collect();
        out.push_str(line.join(" | ").trim_end());
        out.push('\n');
        if i == 0 {
            let sep: Vec<String> = width.iter().map(|w| "-".repeat(*w)).collect();
            out.push_str(&sep.join("-+-"));
            out.push('\n');
        }
    }
    out
}
