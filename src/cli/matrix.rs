//! `ansvarskollen matrix`: a kommun's responsibility matrix (`engine::staff::matrix_view`) as two
//! text tables — rows per need (the umbrella split and kinds of aid where the rules split them),
//! columns per housing, parts per age band and duration, marks for confidence and doubts — or as
//! JSON (`--json`, which the static pages' browser test reads too).

use super::{Result, labels};
use ansvarskollen::engine::answer::CitationOut;
use ansvarskollen::engine::ruleset::AGE_MAX;
use ansvarskollen::engine::staff::{CellPart, MatrixView, matrix_view, params};
use ansvarskollen::engine::{Confidence, Housing, Vocab};
use ansvarskollen::ui::i18n::pages::words;
use ansvarskollen::ui::i18n::{Catalogue, fill};
use serde_json::{Value, json};
use std::path::Path;

/// `matrix`: who is responsible for each need and housing in a kommun on a date.
pub fn matrix(dir: &Path, kommun: &str, date: Option<&str>, lang: &str, as_json: bool) -> Result {
    let lang = super::parse_lang(lang)?;
    let date = super::parse_date(date)?;
    let loaded = super::load_for_use(dir)?;
    let rules = &loaded.rules;
    let k = super::find_kommun(rules, kommun)?;
    let v = matrix_view(rules, &k.code, date, lang).map_err(super::usage)?;
    if as_json {
        outln!("{}", serde_json::to_string_pretty(&view_json(&v)).unwrap_or_default());
        return Ok(());
    }
    outln!("{} ({}), {} — {date}", v.kommun.name, v.kommun.code, v.region.name);
    let cat = labels::catalogue(lang);
    let mut doubts: Vec<String> = Vec::new();
    for (can, title) in [(true, cat.matrix_can), (false, cat.matrix_cannot)] {
        outln!();
        outln!("{title}:");
        let mut rows: Vec<Vec<String>> = Vec::new();
        let mut header = vec![cat.cli.need_column.to_string()];
        header.extend(Housing::ALL.iter().map(|h| h.as_str().to_string()));
        rows.push(header);
        for r in &v.rows {
            let name = match r.aid {
                Some(aid) => format!("{} ({})", r.need.as_str(), aid.as_str()),
                None => r.need.as_str().to_string(),
            };
            let mut row = vec![name];
            for &h in Housing::ALL {
                row.push(cell(&r.cell(h, can).parts, cat, &mut doubts));
            }
            rows.push(row);
        }
        out!("{}", super::report::table(&rows));
    }
    let w = words(lang);
    outln!();
    outln!("{}", w.marks);
    if !doubts.is_empty() {
        outln!("{}", w.doubts);
        for (i, d) in doubts.iter().enumerate() {
            outln!("  [{}] {d}", i + 1);
        }
    }
    let reviewed = v.rules_reviewed.map(|d| fill(cat.rules_reviewed, &[("date", &d.to_string())])).unwrap_or_default();
    outln!("{reviewed}{}", fill(cat.rules_version, &[("version", &v.rules_version)]).trim_end());
    Ok(())
}

/// A cell's parts: who, with the limits where the cell is split, a confidence mark and the
/// number of its doubt (numbered in order of first appearance).
fn cell(parts: &[CellPart], cat: &Catalogue, doubts: &mut Vec<String>) -> String {
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
            let mut text = labels::outcome(cat, p.outcome);
            if !q.is_empty() {
                text.push_str(&format!(" ({})", q.join(", ")));
            }
            match p.confidence {
                Confidence::Verified => {}
                Confidence::Partly => text.push_str(" ~"),
                Confidence::Unverified => text.push_str(" ?"),
            }
            if let Some(d) = &p.doubt {
                let n = doubts.iter().position(|x| x == d).unwrap_or_else(|| {
                    doubts.push(d.clone());
                    doubts.len() - 1
                });
                text.push_str(&format!("[{}]", n + 1));
            }
            text
        })
        .collect::<Vec<_>>()
        .join(" / ")
}

/// A citation as JSON (the answer's citation shape).
pub fn citation_json(c: &CitationOut) -> Value {
    json!({
        "title": c.title,
        "section": c.section,
        "url": c.url,
        "sfs": c.sfs,
        "publisher": c.publisher,
        "date": c.date.map(|d| d.to_string()),
    })
}

/// The view as JSON: the kommun, region and date, the rows with their cells and parts (each part
/// with the link parameters of its case), the inputs that split it, notes, sources, the receipt.
pub fn view_json(v: &MatrixView) -> Value {
    let rows: Vec<Value> = v
        .rows
        .iter()
        .map(|r| {
            let cells: Vec<Value> = r
                .cells
                .iter()
                .map(|c| {
                    let parts: Vec<Value> = c
                        .parts
                        .iter()
                        .map(|p| {
                            json!({
                                "age": p.age.map(|(a, b)| json!({"min": a, "max": b})),
                                "duration": p.duration.map(|d| d.as_str()),
                                "responsible": p.outcome.as_str(),
                                "organisation": p.organisation,
                                "performer": p.performer.as_ref().map(|x| json!({"role": x.role.as_str(), "name": x.name})),
                                "confidence": p.confidence.as_str(),
                                "doubt": p.doubt,
                                "rules": p.rules,
                                "link": params(&p.case),
                            })
                        })
                        .collect();
                    json!({"housing": c.housing.as_str(), "can_visit_clinic": c.can_visit_clinic, "parts": parts})
                })
                .collect();
            json!({"need": r.need.as_str(), "aid": r.aid.map(|a| a.as_str()), "cells": cells})
        })
        .collect();
    json!({
        "kommun": {"code": v.kommun.code, "name": v.kommun.name, "organisation": v.kommun.organisation},
        "region": {"lan": v.region.lan, "name": v.region.name, "confidence": v.region.confidence.as_str()},
        "date": v.date.to_string(),
        "lang": v.lang.as_str(),
        "splits": v.splits.iter().map(|i| i.as_str()).collect::<Vec<_>>(),
        "rows": rows,
        "notes": v.notes.iter().map(|n| json!({"id": n.id, "text": n.text})).collect::<Vec<_>>(),
        "sources": v.sources.iter().map(citation_json).collect::<Vec<_>>(),
        "rules_version": v.rules_version,
        "rules_reviewed": v.rules_reviewed.map(|d| d.to_string()),
    })
}
