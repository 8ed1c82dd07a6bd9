//! `ansvarskollen matrix`: a kommun's responsibility matrix as two text tables.

use super::labels;
use ansvarskollen::engine::partial::Part;
use ansvarskollen::engine::ruleset::AGE_MAX;
use ansvarskollen::engine::{Housing, Lang, Need, Vocab, matrix as compute};
use std::path::Path;

pub fn matrix(dir: &Path, kommun: &str, date: Option<&str>, lang: &str) -> u8 {
    let lang = match super::parse_lang(lang) {
        Ok(l) => l,
        Err(c) => return c,
    };
    let date = match super::parse_date(date) {
        Ok(d) => d,
        Err(c) => return c,
    };
    let loaded = match super::load_for_use(dir) {
        Ok(l) => l,
        Err(c) => return c,
    };
    let rules = &loaded.rules;
    let k = match super::find_kommun(rules, kommun) {
        Ok(k) => k,
        Err(c) => return c,
    };
    let m = match compute(rules, &k.code, date) {
        Ok(m) => m,
        Err(e) => return super::usage(e),
    };
    let region = rules.region_of(k, date).map_or(String::new(), |r| r.name_on(date).to_string());
    outln!("{} ({}), {region} — {date}", k.name, k.code);
    let w = labels::words(lang);
    for (visit, title) in [(0usize, w.can), (1, w.cannot)] {
        outln!();
        outln!("{title}:");
        let mut rows: Vec<Vec<String>> = Vec::new();
        let mut header = vec![w.need.to_string()];
        header.extend(Housing::ALL.iter().map(|h| h.as_str().to_string()));
        rows.push(header);
        for (ni, need) in Need::ALL.iter().enumerate() {
            let mut row = vec![need.as_str().to_string()];
            for hi in 0..Housing::ALL.len() {
                row.push(cell(&m.cells[ni][hi][visit], lang));
            }
            rows.push(row);
        }
        out!("{}", table(&rows));
    }
    0
}

fn cell(parts: &[Part], lang: Lang) -> String {
    parts
        .iter()
        .map(|p| {
            let mut q = Vec::new();
            if let Some((a, b)) = p.age {
                q.push(if b >= AGE_MAX { format!("{a}+") } else { format!("{a}–{b}") });
            }
            if let Some(d) = p.duration {
                q.push(d.as_str().to_string());
            }
            let word = labels::outcome(p.outcome, lang);
            if q.is_empty() { word.to_string() } else { format!("{word} ({})", q.join(", ")) }
        })
        .collect::<Vec<_>>()
        .join(" / ")
}

fn table(rows: &[Vec<String>]) -> String {
    let cols = rows[0].len();
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
