//! `ansvarskollen coverage`: per region, the confidence, the dates covered, the number of rules and
//! scenarios, and the open questions — as a table, Markdown or JSON.

use super::labels;
use ansvarskollen::engine::coverage::{self, RegionCoverage};
use ansvarskollen::engine::{Lang, RuleSet};
use ansvarskollen::rules::{Sources, scenario};
use std::path::Path;

/// How many scenarios in `dir` ask about a kommun of each region (on the scenario's date).
fn scenario_counts(rules: &RuleSet, dir: &Path) -> Vec<(String, usize)> {
    let mut counts: Vec<(String, usize)> = rules.regions.iter().map(|r| (r.lan.clone(), 0)).collect();
    let Ok(rd) = std::fs::read_dir(dir) else { return counts };
    let mut files: Vec<_> = rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "toml")).collect();
    files.sort();
    let mut sources = Sources::default();
    for f in files {
        let Ok(text) = std::fs::read_to_string(&f) else { continue };
        let (scenarios, _) = scenario::load_file(&f.display().to_string(), text, rules, &mut sources);
        for s in scenarios {
            let region = s.case.kommun.as_deref().and_then(|k| rules.kommun(k)).and_then(|k| rules.region_of(k, s.case.date));
            if let Some(r) = region {
                if let Some(c) = counts.iter_mut().find(|(lan, _)| *lan == r.lan) {
                    c.1 += 1;
                }
            }
        }
    }
    counts
}

pub fn coverage(dir: &Path, scenarios: &Path, json: bool, markdown: bool, lang: &str) -> u8 {
    let lang = match super::parse_lang(lang) {
        Ok(l) => l,
        Err(c) => return c,
    };
    let loaded = match super::load_for_use(dir) {
        Ok(l) => l,
        Err(c) => return c,
    };
    let report = coverage::report(&loaded.rules);
    let counts = scenario_counts(&loaded.rules, scenarios);
    let count = |lan: &str| counts.iter().find(|(l, _)| l == lan).map_or(0, |c| c.1);
    if json {
        let rows: Vec<serde_json::Value> = report
            .iter()
            .map(|r| {
                let mut v = serde_json::to_value(r).unwrap_or_default();
                v["scenarios"] = count(&r.lan).into();
                v["open_questions"] = r.open_questions.iter().map(|q| q.get(lang)).collect::<Vec<_>>().into();
                v
            })
            .collect();
        outln!("{}", serde_json::to_string_pretty(&rows).unwrap_or_default());
        return 0;
    }
    let rows: Vec<Vec<String>> = report.iter().map(|r| row(r, count(&r.lan), lang)).collect();
    let header: Vec<String> = match lang {
        Lang::Sv => ["Län", "Region", "Säkerhet", "Reglerna gäller", "Hemsjukvård besvaras från", "I dag", "Regler", "Scenarier", "Öppna frågor"],
        Lang::En => ["Län", "Region", "Confidence", "Rules cover", "Home care answered from", "Today", "Rules", "Scenarios", "Open questions"],
    }
    .iter()
    .map(|s| s.to_string())
    .collect();
    if markdown {
        outln!("| {} |", header.join(" | "));
        outln!("|{}|", header.iter().map(|_| "---").collect::<Vec<_>>().join("|"));
        for r in &rows {
            outln!("| {} |", r.join(" | "));
        }
    } else {
        let mut all = vec![header];
        all.extend(rows);
        let width: Vec<usize> = (0..all[0].len() - 1).map(|c| all.iter().map(|r| r[c].chars().count()).max().unwrap_or(0)).collect();
        for r in &all {
            let mut line = String::new();
            for (c, cell) in r.iter().enumerate() {
                if c < width.len() {
                    line.push_str(&format!("{cell}{}  ", " ".repeat(width[c] - cell.chars().count())));
                } else {
                    line.push_str(cell);
                }
            }
            outln!("{}", line.trim_end());
        }
    }
    let total: usize = counts.iter().map(|c| c.1).sum();
    outln!();
    outln!("{} regions, {} rules, {total} scenarios", report.len(), report.iter().map(|r| r.rules).sum::<usize>());
    0
}

fn row(r: &RegionCoverage, scenarios: usize, lang: Lang) -> Vec<String> {
    let open: Vec<&str> = r.open_questions.iter().map(|q| q.get(lang)).collect();
    vec![
        r.lan.clone(),
        r.region.clone(),
        labels::confidence(r.confidence, lang).to_string(),
        format!("{} – {}", r.covered_from, r.covered_to),
        r.hemsjukvard_from.map_or_else(|| "–".to_string(), |d| d.to_string()),
        labels::outcome(r.hemsjukvard_now, lang).to_string(),
        r.rules.to_string(),
        scenarios.to_string(),
        if open.is_empty() { "–".into() } else { format!("{}: {}", open.len(), open.join(" ")) },
    ]
}
