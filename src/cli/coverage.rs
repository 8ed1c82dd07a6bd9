//! `ansvarskollen coverage`: per region, the confidence, the dates covered, the number of rules and
//! scenarios, and the open questions — as a table, Markdown or JSON.

use super::{Result, labels};
use ansvarskollen::engine::coverage::{self, RegionCoverage};
use ansvarskollen::engine::{Lang, RuleSet, Vocab};
use ansvarskollen::rules::{Sources, scenario};
use ansvarskollen::html::escape_html;
use ansvarskollen::ui::i18n::{CATALOGUES, Catalogue, fill};
use std::path::Path;

/// How many scenarios in `dir` ask about a kommun of each region (on the scenario's date).
fn scenario_counts(rules: &RuleSet, dir: &Path) -> Vec<(String, usize)> {
    let mut counts: Vec<(String, usize)> = rules.regions.iter().map(|r| (r.lan.clone(), 0)).collect();
    let Ok(rd) = std::fs::read_dir(dir) else { return counts };
    let mut files: Vec<_> = rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "toml")).collect();
    files.sort();
    let mut sources = Sources::default();
    for f in files {
        let Ok(text) = ansvarskollen::rules::read_text(&f) else { continue };
        let (scenarios, _) = scenario::load_file(&f.display().to_string(), text, rules, &mut sources);
        for s in scenarios {
            let region = s.case.kommun.as_deref().and_then(|k| rules.kommun(k)).and_then(|k| rules.region_of(k, s.case.date));
            if let Some(r) = region
                && let Some(c) = counts.iter_mut().find(|(lan, _)| *lan == r.lan) {
                    c.1 += 1;
                }
        }
    }
    counts
}

/// The output format of `coverage`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    Json,
    Html,
}

/// `coverage`: one row per region, as a text table, Markdown, JSON or the HTML page.
pub fn coverage(dir: &Path, scenarios: &Path, format: Format, lang: &str) -> Result {
    let lang = super::parse_lang(lang)?;
    let cat = labels::catalogue(lang);
    let loaded = super::load_for_use(dir)?;
    let report = coverage::report(&loaded.rules);
    let counts = scenario_counts(&loaded.rules, scenarios);
    let count = |lan: &str| counts.iter().find(|(l, _)| l == lan).map_or(0, |c| c.1);
    if format == Format::Html {
        out!("{}", html_page(&loaded.rules, &report, &counts, cat, lang));
        return Ok(());
    }
    if format == Format::Json {
        let rows: Vec<serde_json::Value> = report
            .iter()
            .map(|r| {
                serde_json::json!({
                    "lan": r.lan,
                    "region": r.region,
                    "confidence": r.confidence.as_str(),
                    "reviewed": r.reviewed.map(|d| d.to_string()),
                    "file": r.file,
                    "covered_from": r.covered_from.to_string(),
                    "covered_to": r.covered_to.to_string(),
                    "hemsjukvard_from": r.hemsjukvard_from.map(|d| d.to_string()),
                    "hemsjukvard_now": r.hemsjukvard_now.as_str(),
                    "rules": r.rules,
                    "notes": r.notes,
                    "scenarios": count(&r.lan),
                    "determined_share": r.determined_share,
                    "open_questions": r.open_questions.iter().map(|q| q.get(lang)).collect::<Vec<_>>(),
                })
            })
            .collect();
        outln!("{}", serde_json::to_string_pretty(&rows).unwrap_or_default());
        return Ok(());
    }
    let rows: Vec<Vec<String>> = report
        .iter()
        .map(|r| {
            let mut cells = row(r, count(&r.lan), cat, lang);
            // In Markdown (the README) the questions themselves would swamp the table: count them.
            if format == Format::Markdown
                && let Some(last) = cells.last_mut() {
                    *last = r.open_questions.len().to_string();
                }
            cells
        })
        .collect();
    let header: Vec<String> = cat.cli.coverage_columns.iter().map(|s| s.to_string()).collect();
    if format == Format::Markdown {
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
    Ok(())
}

/// The review date, or a dash where none is recorded.
fn reviewed(r: &RegionCoverage) -> String {
    r.reviewed.map_or_else(|| "–".to_string(), |d| d.to_string())
}

fn row(r: &RegionCoverage, scenarios: usize, cat: &Catalogue, lang: Lang) -> Vec<String> {
    let open: Vec<&str> = r.open_questions.iter().map(|q| q.get(lang)).collect();
    vec![
        r.lan.clone(),
        r.region.clone(),
        cat.cli.confidence(r.confidence).to_string(),
        reviewed(r),
        format!("{} – {}", r.covered_from, r.covered_to),
        r.hemsjukvard_from.map_or_else(|| "–".to_string(), |d| d.to_string()),
        labels::outcome(cat, r.hemsjukvard_now),
        r.rules.to_string(),
        scenarios.to_string(),
        if open.is_empty() { "–".into() } else { format!("{}: {}", open.len(), open.join(" ")) },
    ]
}

/// The widget's "Om uppgifterna" page: a complete, accessible HTML page built with the widget.
/// `lang` picks the rule texts (summaries, open questions), `cat` every other word.
fn html_page(rules: &RuleSet, report: &[RegionCoverage], counts: &[(String, usize)], cat: &Catalogue, lang: Lang) -> String {
    let w = &cat.cli;
    let count = |lan: &str| counts.iter().find(|(l, _)| l == lan).map_or(0, |c| c.1);
    let mut h = String::new();
    let csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";
    let title = escape_html(cat.about);
    h.push_str(&format!(
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n<title>{title} – Ansvarskollen</title>\n<link rel=\"icon\" href=\"favicon.svg\" type=\"image/svg+xml\">\n<link rel=\"stylesheet\" href=\"page.css\">\n</head>\n<body>\n<main class=\"page\">\n",
        cat.code
    ));
    // The widget's language is in its URL hash; the default language needs none.
    let hash = if cat == CATALOGUES[0] { String::new() } else { format!("#lang={}", cat.code) };
    h.push_str(&format!("<p><a href=\"index.html{hash}\">{}</a></p>\n", escape_html(w.about_back)));
    h.push_str(&format!("<h1 class=\"page-title\">{title}</h1>\n"));
    h.push_str(&format!("<p>{}</p>\n", escape_html(w.about_intro)));
    let version = format!("<code>{}</code>", escape_html(&rules.version));
    let checked = fill(&escape_html(w.about_checked), &[("from", &rules.window.from.to_string()), ("to", &rules.window.to.to_string()), ("version", &version)]);
    h.push_str(&format!("<p>{checked}</p>\n"));
    h.push_str(&format!(
        "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"coverage-caption\" tabindex=\"0\">\n<table class=\"coverage\">\n<caption id=\"coverage-caption\">{}</caption>\n<thead><tr>",
        escape_html(w.about_caption)
    ));
    for head in w.about_columns {
        h.push_str(&format!("<th scope=\"col\">{}</th>", escape_html(head)));
    }
    h.push_str("</tr></thead>\n<tbody>\n");
    for r in report {
        h.push_str(&format!(
            "<tr><td>{}</td><th scope=\"row\"><a href=\"#lan-{}\">{}</a></th><td>{}</td><td>{}</td><td>{} – {}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            escape_html(&r.lan),
            escape_html(&r.lan),
            escape_html(&r.region),
            escape_html(w.confidence(r.confidence)),
            reviewed(r),
            r.covered_from,
            r.covered_to,
            r.hemsjukvard_from.map_or_else(|| "–".to_string(), |d| d.to_string()),
            escape_html(&labels::outcome(cat, r.hemsjukvard_now)),
            r.rules,
            count(&r.lan),
            r.open_questions.len()
        ));
    }
    h.push_str("</tbody>\n</table>\n</div>\n");
    h.push_str(&format!("<h2>{}</h2>\n", escape_html(w.about_regions)));
    for r in report {
        let region = rules.region(&r.lan);
        h.push_str(&format!("<section class=\"region\" id=\"lan-{}\" aria-labelledby=\"lan-{}-h\">\n<h3 id=\"lan-{}-h\">{}</h3>\n", escape_html(&r.lan), escape_html(&r.lan), escape_html(&r.lan), escape_html(&r.region)));
        h.push_str(&format!("<p><strong>{}:</strong> {}</p>\n", escape_html(w.confidence_heading), escape_html(w.confidence(r.confidence))));
        if let Some(d) = r.reviewed {
            h.push_str(&format!("<p>{}</p>\n", escape_html(&fill(cat.rules_reviewed, &[("date", &d.to_string())]))));
        }
        if let Some(reg) = region {
            h.push_str(&format!("<p>{}</p>\n", escape_html(reg.summary.get(lang))));
        }
        if r.open_questions.is_empty() {
            h.push_str(&format!("<p>{}</p>\n", escape_html(w.about_no_questions)));
        } else {
            h.push_str(&format!("<p><strong>{}:</strong></p>\n<ul>\n", escape_html(w.about_questions)));
            for q in &r.open_questions {
                h.push_str(&format!("<li>{}</li>\n", escape_html(q.get(lang))));
            }
            h.push_str("</ul>\n");
        }
        h.push_str("</section>\n");
    }
    h.push_str("</main>\n</body>\n</html>\n");
    h
}
