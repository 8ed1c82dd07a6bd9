//! `ansvarskollen site OUT_DIR`: static, accessible HTML pages for readers without JavaScript —
//! one per kommun (its matrix on a date from `engine::staff::matrix_view`: the party written out
//! with a mark, limits, confidence, doubts written out below, notes, sources with links, the
//! rules' version and review date, a link to the interactive widget) and an index by län. No
//! script at all; a small stylesheet of its own (`site.css`). Swedish in OUT_DIR, English in
//! OUT_DIR/en (or one language in OUT_DIR with `--lang`). OUT_DIR is meant to sit in the widget's
//! folder (`dist/kommun`): the links to the widget and its "Om uppgifterna" page go one folder up.
//! It formats; every answer comes from the engine.

use super::{Result, labels};
use ansvarskollen::engine::answer::CitationOut;
use ansvarskollen::engine::depends::When;
use ansvarskollen::engine::ruleset::Kommun;
use ansvarskollen::engine::staff::{CellPart, MatrixView, matrix_view};
use ansvarskollen::engine::{Confidence, Date, Housing, Lang, Outcome, Responsible, Vocab};
use ansvarskollen::html::escape_html as esc;
use ansvarskollen::ui::i18n::pages::{PageWords, words};
use ansvarskollen::ui::i18n::{Catalogue, fill};
use std::path::Path;

/// The pages' own stylesheet: readable at 320 px (wide tables scroll in a focusable region),
/// marks that do not rely on colour alone, printable.
const CSS: &str = r#"html{-webkit-text-size-adjust:100%}
body{margin:0;overflow-wrap:break-word;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1b1b1b;background:#fff;line-height:1.5}
.page,.top{max-width:64rem;margin:0 auto;padding:0 1rem}
.page{padding-bottom:2rem}
.top{display:flex;flex-wrap:wrap;gap:.25rem 1.5rem;padding-top:.5rem}
h1{font-size:clamp(1.3rem,6vw,1.75rem);line-height:1.2;margin:.75rem 0 1rem;overflow-wrap:normal;hyphens:manual}
h2{font-size:1.3rem;margin:2rem 0 .5rem}
a{color:#1d5fa8}
a:focus{outline:3px solid transparent;background:#ffdd00;color:#0b0c0c;box-shadow:0 -2px #ffdd00,0 4px #0b0c0c;text-decoration:none}
.skip{position:absolute;left:-999rem}
.skip:focus{position:static;display:inline-block;margin:.5rem 1rem}
.table-wrap{overflow-x:auto;margin:1rem 0 2rem}
.table-wrap:focus{outline:3px solid #ffdd00}
table{border-collapse:collapse;font-size:.9rem}
caption{text-align:left;font-weight:700;font-size:1.1rem;padding:.5rem 0}
th,td{border:1px solid #b1b4b6;padding:.35rem .5rem;text-align:left;vertical-align:top}
thead th{background:#f3f5f7}
td p{margin:0}
td p+p{margin-top:.35rem;padding-top:.35rem;border-top:1px dashed #b1b4b6}
td b{display:inline-block;min-width:1.5em;text-align:center;border:2px solid;border-radius:50%;margin-right:.3rem;line-height:1.3}
.k b{color:#00584a}
.r b{color:#1d5fa8}
.u b{color:#8a1c12;border-style:dashed}
.c{color:#4f5a60}
.kommuner{columns:12rem;padding-left:1.25rem}
@media print{.skip,.top{display:none}.table-wrap{overflow:visible}a{color:inherit}}
"#;

/// Where one language's pages are and what they link to.
struct Place<'a> {
    lang: Lang,
    /// From a page to the site's stylesheet ("" or "../").
    css: &'a str,
    /// From a page to the widget's folder ("../" or "../../").
    root: &'a str,
    /// From a page to the same page in the other language, where both are written.
    other: Option<&'a str>,
    /// The date the pages show, and whether it was asked for (then the widget's link carries it).
    date: Date,
    date_given: bool,
}

/// `site`: writes the pages; prints what it wrote.
pub fn site(dir: &Path, out: &Path, date: Option<&str>, lang: Option<&str>) -> Result {
    let langs = match lang {
        Some(l) => vec![super::parse_lang(l)?],
        None => vec![Lang::Sv, Lang::En],
    };
    let date_given = date.is_some();
    let date = super::parse_date(date)?;
    let loaded = super::load_for_use(dir)?;
    let rules = &loaded.rules;
    let both = langs.len() == 2;
    let (mut pages, mut bytes) = (0usize, 0usize);
    let write = |path: &Path, text: &str| -> Result {
        std::fs::write(path, text).map_err(|e| super::usage(format!("cannot write {}: {e}", path.display())))
    };
    std::fs::create_dir_all(out).map_err(|e| super::usage(format!("cannot create {}: {e}", out.display())))?;
    write(&out.join("site.css"), CSS)?;
    for lang in langs {
        let en_folder = both && lang == Lang::En;
        let folder = if en_folder { out.join("en") } else { out.to_path_buf() };
        std::fs::create_dir_all(&folder).map_err(|e| super::usage(format!("cannot create {}: {e}", folder.display())))?;
        let place = Place {
            lang,
            css: if en_folder { "../" } else { "" },
            root: if en_folder { "../../" } else { "../" },
            other: both.then_some(if en_folder { "../" } else { "en/" }),
            date,
            date_given,
        };
        let mut listed: Vec<(&Kommun, String, String)> = Vec::new();
        for k in &rules.kommuner {
            let Ok(v) = matrix_view(rules, &k.code, date, lang) else { continue };
            let html = kommun_page(&v, &place);
            bytes += html.len();
            pages += 1;
            write(&folder.join(format!("{}.html", k.code)), &html)?;
            listed.push((k, v.region.lan.clone(), v.region.name.clone()));
        }
        let html = index_page(&listed, &place);
        bytes += html.len();
        pages += 1;
        write(&folder.join("index.html"), &html)?;
    }
    outln!("site: {pages} pages, {bytes} bytes, in {}", out.display());
    Ok(())
}

/// The head, the skip link and the links at the top of every page.
fn head(title: &str, p: &Place<'_>, file: &str, back: Option<&str>) -> String {
    let w = words(p.lang);
    let csp = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'";
    let mut h = format!(
        "<!doctype html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n<title>{} – Ansvarskollen</title>\n<link rel=\"icon\" href=\"{}favicon.svg\" type=\"image/svg+xml\">\n<link rel=\"stylesheet\" href=\"{}site.css\">\n</head>\n<body>\n<a class=\"skip\" href=\"#main\">{}</a>\n<nav class=\"top\" aria-label=\"Ansvarskollen\">",
        p.lang.as_str(),
        esc(title),
        p.root,
        p.css,
        esc(w.skip)
    );
    if let Some(back) = back {
        h.push_str(&format!("<a href=\"{back}\">{}</a>", esc(w.all_kommuner)));
    }
    if let Some(other) = p.other {
        let code = if p.lang == Lang::Sv { "en" } else { "sv" };
        h.push_str(&format!("<a href=\"{other}{file}\" lang=\"{code}\" hreflang=\"{code}\">{}</a>", esc(w.other_lang)));
    }
    h.push_str("</nav>\n<main id=\"main\" class=\"page\">\n");
    h
}

const FOOT: &str = "</main>\n</body>\n</html>\n";

/// The link to the widget: its folder's page with the kommun (and the date and language where
/// they are not the widget's own defaults) in its URL hash.
fn widget_link(p: &Place<'_>, kommun: Option<&str>) -> String {
    let mut hash: Vec<String> = Vec::new();
    if let Some(k) = kommun {
        hash.push(format!("kommun={k}"));
    }
    if p.date_given {
        hash.push(format!("date={}", p.date));
    }
    if p.lang != Lang::Sv {
        hash.push(format!("lang={}", p.lang.as_str()));
    }
    let hash = if hash.is_empty() { String::new() } else { format!("#{}", hash.join("&amp;")) };
    let w = words(p.lang);
    format!("<p><a href=\"{}index.html{hash}\">{}</a> {}</p>\n", p.root, esc(w.interactive), esc(w.interactive_hint))
}

/// A kommun's page.
fn kommun_page(v: &MatrixView, p: &Place<'_>) -> String {
    let (w, cat) = (words(p.lang), labels::catalogue(p.lang));
    let title = fill(w.page_title, &[("kommun", &v.kommun.name)]);
    let mut h = head(&title, p, &format!("{}.html", v.kommun.code), Some("index.html"));
    h.push_str(&format!("<h1>{}</h1>\n", esc(&title)));
    let date = format!("<time datetime=\"{0}\">{0}</time>", v.date);
    let place = fill(&esc(w.page_where), &[("organisation", &esc(&v.kommun.organisation)), ("region", &esc(&v.region.name)), ("date", &date)]);
    h.push_str(&format!("<p>{place}</p>\n"));
    h.push_str(&widget_link(p, Some(&v.kommun.code)));
    h.push_str(&format!("<p>{}</p>\n", esc(w.legend)));
    let mut doubts: Vec<&str> = Vec::new();
    for (can, caption) in [(true, cat.matrix_can), (false, cat.matrix_cannot)] {
        let id = if can { "can" } else { "cannot" };
        h.push_str(&format!(
            "<div class=\"table-wrap\" role=\"region\" aria-labelledby=\"{id}\" tabindex=\"0\">\n<table>\n<caption id=\"{id}\">{}</caption>\n<thead><tr><th scope=\"col\">{}</th>",
            esc(caption),
            esc(cat.cli.need_column)
        ));
        for &housing in Housing::ALL {
            h.push_str(&format!("<th scope=\"col\">{}</th>", esc(cat.housing(housing).0)));
        }
        h.push_str("</tr></thead>\n<tbody>\n");
        for r in &v.rows {
            let name = match r.aid {
                Some(aid) => format!("{}: {}", cat.need(r.need).0, cat.aid(aid).0),
                None => cat.need(r.need).0.to_string(),
            };
            let aid = r.aid.map_or(String::new(), |a| format!(" data-aid=\"{}\"", a.as_str()));
            h.push_str(&format!("<tr data-need=\"{}\"{aid}><th scope=\"row\">{}</th>", r.need.as_str(), esc(&name)));
            for &housing in Housing::ALL {
                h.push_str("<td>");
                for part in &r.cell(housing, can).parts {
                    h.push_str(&part_html(part, cat, w, &mut doubts));
                }
                h.push_str("</td>");
            }
            h.push_str("</tr>\n");
        }
        h.push_str("</tbody>\n</table>\n</div>\n");
    }
    if !doubts.is_empty() {
        h.push_str(&format!("<h2>{}</h2>\n<ol>\n", esc(cat.doubt_title)));
        for (i, d) in doubts.iter().enumerate() {
            h.push_str(&format!("<li id=\"doubt-{}\">{}</li>\n", i + 1, esc(d)));
        }
        h.push_str("</ol>\n");
    }
    if !v.notes.is_empty() {
        h.push_str(&format!("<h2>{}</h2>\n<ul>\n", esc(cat.good_to_know)));
        for n in &v.notes {
            h.push_str(&format!("<li>{}</li>\n", esc(&n.text)));
        }
        h.push_str("</ul>\n");
    }
    if !v.sources.is_empty() {
        h.push_str(&format!("<h2>{}</h2>\n<ul>\n", esc(w.sources.trim_end_matches(':'))));
        for c in &v.sources {
            h.push_str(&format!("<li>{}</li>\n", source_html(c)));
        }
        h.push_str("</ul>\n");
    }
    h.push_str(&format!("<h2>{}</h2>\n<p>", esc(w.about_rules)));
    if let Some(d) = v.rules_reviewed {
        h.push_str(&esc(&fill(cat.rules_reviewed, &[("date", &d.to_string())])));
    }
    h.push_str(&esc(&fill(cat.rules_version, &[("version", &v.rules_version)])));
    let about = if p.lang == Lang::Sv { "om-uppgifterna.html" } else { "about-the-information.html" };
    h.push_str(&format!(" <a href=\"{}{about}\">{}</a></p>\n", p.root, esc(cat.about)));
    h.push_str(FOOT);
    h
}

/// One part of a cell: the mark, the party in words, its limits, its confidence where it is not
/// verified, the performer, and a link to its doubt (numbered in order of first appearance).
fn part_html<'v>(part: &'v CellPart, cat: &Catalogue, w: &PageWords, doubts: &mut Vec<&'v str>) -> String {
    let mark = match part.outcome {
        Outcome::Kommun => w.party_marks[0],
        Outcome::Region => w.party_marks[1],
        Outcome::NotDetermined => w.party_marks[2],
    };
    // Short class names: a page has some two hundred parts. k, r, u: the party (u: not determined).
    let class = match part.outcome {
        Outcome::Kommun => "k",
        Outcome::Region => "r",
        Outcome::NotDetermined => "u",
    };
    let mut h = format!("<p class=\"{class}\"><b aria-hidden=\"true\">{mark}</b>{}", esc(cat.outcome(part.outcome)));
    let mut limits: Vec<String> = Vec::new();
    if let Some((a, b)) = part.age {
        limits.push(cat.when(&When::Age(a, b)));
    }
    if let Some(d) = part.duration {
        limits.push(cat.duration(d).0.to_string());
    }
    if !limits.is_empty() {
        h.push_str(&format!(" ({})", esc(&limits.join(", "))));
    }
    if part.confidence != Confidence::Verified {
        h.push_str(&format!("<span class=\"c\"> – {}</span>", esc(cat.cli.confidence(part.confidence))));
    }
    if let Some(x) = &part.performer {
        let text = if x.role == Responsible::Kommun { cat.performer_kommun } else { cat.performer_region };
        h.push_str(&format!(". {}", esc(&fill(text, &[("name", &x.name)]))));
    }
    if let Some(d) = &part.doubt {
        let n = match doubts.iter().position(|x| *x == d.as_str()) {
            Some(i) => i + 1,
            None => {
                doubts.push(d);
                doubts.len()
            }
        };
        h.push_str(&format!(" <a href=\"#doubt-{n}\">{}</a>", esc(&fill(w.doubt_ref, &[("n", &n.to_string())]))));
    }
    h.push_str("</p>");
    h
}

/// A source: its title (a link where it has one), the part cited, the publisher and date.
fn source_html(c: &CitationOut) -> String {
    let mut h = match c.url.as_deref().filter(|u| u.starts_with("https://") || u.starts_with("http://")) {
        Some(u) => format!("<a href=\"{}\">{}</a>", esc(u), esc(&c.title)),
        None => esc(&c.title),
    };
    for extra in [c.section.as_deref(), c.sfs.as_deref().filter(|_| c.url.is_none()), c.publisher.as_deref()].into_iter().flatten() {
        h.push_str(&format!(", {}", esc(extra)));
    }
    if let Some(d) = c.date {
        h.push_str(&format!(", {d}"));
    }
    h
}

/// The index: every kommun with a page, by the region it belongs to on the date.
fn index_page(listed: &[(&Kommun, String, String)], p: &Place<'_>) -> String {
    let w = words(p.lang);
    let mut h = head(w.index_title, p, "index.html", None);
    h.push_str(&format!("<h1>{}</h1>\n<p>{}</p>\n", esc(w.index_title), esc(w.index_intro)));
    let date = format!("<time datetime=\"{0}\">{0}</time>", p.date);
    h.push_str(&format!("<p>{}</p>\n", fill(&esc(w.index_date), &[("date", &date)])));
    h.push_str(&widget_link(p, None));
    let mut lans: Vec<(&str, &str)> = listed.iter().map(|(_, l, n)| (l.as_str(), n.as_str())).collect();
    lans.sort_unstable();
    lans.dedup();
    h.push_str(&format!("<nav aria-label=\"{}\"><ul class=\"kommuner\">\n", esc(w.index_nav)));
    for (lan, name) in &lans {
        h.push_str(&format!("<li><a href=\"#lan-{lan}\">{}</a></li>\n", esc(name)));
    }
    h.push_str("</ul></nav>\n");
    for (lan, name) in &lans {
        let heading = fill(w.index_region, &[("region", name), ("lan", lan)]);
        h.push_str(&format!("<section aria-labelledby=\"lan-{lan}\">\n<h2 id=\"lan-{lan}\">{}</h2>\n<ul class=\"kommuner\">\n", esc(&heading)));
        let mut ks: Vec<&Kommun> = listed.iter().filter(|(_, l, _)| l == lan).map(|(k, _, _)| *k).collect();
        ks.sort_by_key(|k| ansvarskollen::ui::i18n::swedish_sort_key(&k.name));
        for k in ks {
            h.push_str(&format!("<li><a href=\"{}.html\">{}</a></li>\n", k.code, esc(&k.name)));
        }
        h.push_str("</ul>\n</section>\n");
    }
    h.push_str(FOOT);
    h
}

