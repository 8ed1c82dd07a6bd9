//! The matrix view: a kommun's whole responsibility matrix on a date (`engine::staff::matrix_view`),
//! as two tables — can / cannot get to the vårdcentral — of every need × housing. Each cell, or
//! each part of a cell split by age, duration or kind of aid, shows the party as a word and a mark
//! (a letter in a shape: never colour alone), its confidence where it is not verified (the same
//! words and badge as the answer), a numbered note where there is a doubt (the notes listed under
//! the tables, with the sources and the rules' version), and a link to its full explanation: the
//! person's answer for the case that reproduces it. Renders; decides nothing.

use super::Links;
use crate::engine::staff::{Cell, CellPart, MatrixView, matrix_view};
use crate::engine::{Aid, Confidence, Date, Housing, Need, Outcome, RuleSet, Vocab};
use crate::ui::i18n::{Catalogue, fill, staff::StaffWords};
use crate::ui::web::answer::{Out, citation};

/// The doubts of a view, numbered in order of first appearance (one note per distinct text).
#[derive(Default)]
pub(super) struct Notes(pub(super) Vec<String>);

impl Notes {
    /// The note number of a doubt (from 1), added if new.
    pub(super) fn number(&mut self, doubt: &str) -> usize {
        match self.0.iter().position(|d| d == doubt) {
            Some(i) => i + 1,
            None => {
                self.0.push(doubt.to_string());
                self.0.len()
            }
        }
    }

    /// "Osäkerheter": the numbered list.
    pub(super) fn write(&self, out: &mut Out, w: &StaffWords) {
        if self.0.is_empty() {
            return;
        }
        out.el("h3", "", w.notes);
        out.open("ol", "ak-staff-notes");
        for d in &self.0 {
            out.el("li", "", d);
        }
        out.close("ol");
    }
}

/// The row's label: the need, and the kind of aid where the row is one.
pub(super) fn row_label(need: Need, aid: Option<Aid>, cat: &Catalogue, w: &StaffWords) -> String {
    match aid {
        Some(a) => fill(w.need_aid, &[("need", cat.need(need).0), ("aid", cat.aid(a).0)]),
        None => cat.need(need).0.to_string(),
    }
}

/// The limits of a part, as the answer's branches say them ("18 år och äldre", "En kortare tid").
fn limits(p: &CellPart, cat: &Catalogue) -> String {
    let mut out: Vec<String> = Vec::new();
    if let Some((a, b)) = p.age {
        out.push(cat.when(&crate::engine::answer::When::Age(a, b)));
    }
    if let Some(d) = p.duration {
        out.push(cat.duration(d).0.to_string());
    }
    out.join(", ")
}

/// The mark of an outcome: a letter in a shape (square, circle, dashed), hidden from screen
/// readers, which read the word after it.
pub(super) fn mark(out: &mut Out, o: Outcome, w: &StaffWords) {
    out.0.push_str(&format!("<span class=\"ak-mark ak-mark--{}\" aria-hidden=\"true\">", o.as_str()));
    out.text(w.marks[o.index()]);
    out.0.push_str("</span>");
}

/// The party and its confidence: the mark, the word, and the badge where it is not verified
/// (an unmarked cell is verified; screen readers hear it).
pub(super) fn party(out: &mut Out, outcome: Outcome, confidence: Confidence, cat: &Catalogue, w: &StaffWords) {
    mark(out, outcome, w);
    out.el("span", "ak-part-who", cat.outcome(outcome));
    if confidence == Confidence::Verified {
        out.el("span", "ak-visually-hidden", &format!(", {}", w.verified));
    } else {
        out.0.push(' ');
        // The badge's words on screen, shorter ones on paper (the stylesheet shows one of them).
        out.0.push_str(&format!("<span class=\"ak-confidence ak-confidence--{}\">", confidence.as_str()));
        out.el("span", "ak-on-screen", cat.confidence(confidence));
        out.el("span", "ak-on-paper", w.confidence_print[confidence.index()]);
        out.close("span");
    }
}

/// The cell's place in words, for the explanation link's hidden label and the comparison's list:
/// "Sjuksköterska, I eget hem, Kan inte ta sig till vårdcentralen".
pub(super) fn place_words(row: &str, housing: Housing, can: bool, cat: &Catalogue) -> String {
    format!("{row}, {}, {}", cat.housing(housing).0, if can { cat.matrix_can } else { cat.matrix_cannot })
}

/// One part of a cell: its limits, the party, the confidence, the note of its doubt, who performs
/// the care for the party (where another does), and the link to its explanation.
fn part(out: &mut Out, p: &CellPart, place: &str, notes: &mut Notes, cat: &Catalogue, w: &StaffWords, links: &Links) {
    let limit = limits(p, cat);
    out.0.push_str(&format!(
        "<div class=\"ak-part\" data-outcome=\"{}\" data-confidence=\"{}\" data-age=\"{}\" data-duration=\"{}\">",
        p.outcome.as_str(),
        p.confidence.as_str(),
        p.age.map(|(a, b)| format!("{a}-{b}")).unwrap_or_default(),
        p.duration.map(|d| d.as_str()).unwrap_or_default(),
    ));
    if !limit.is_empty() {
        out.el("span", "ak-part-limit", &format!("{limit}:"));
        out.0.push(' ');
    }
    party(out, p.outcome, p.confidence, cat, w);
    if let Some(d) = &p.doubt {
        out.0.push(' ');
        out.el("span", "ak-note-ref", &fill(w.note, &[("n", &notes.number(d).to_string())]));
    }
    if let Some(by) = &p.performer {
        out.el("span", "ak-part-by", &fill(w.performed_by, &[("name", &by.name)]));
    }
    let (href, target) = links.answer(&p.case);
    out.open_with("a", "ak-cell-link", "href", &href);
    if let Some(t) = target {
        out.0.pop();
        out.0.push_str(&format!(" target=\"{t}\">"));
    }
    out.text(w.explain);
    let hidden = if limit.is_empty() { format!(": {place}") } else { format!(": {place}, {limit}") };
    out.el("span", "ak-visually-hidden", &hidden);
    out.close("a");
    out.close("div");
}

/// A cell: its parts, as a list where it is split.
pub(super) fn cell(out: &mut Out, c: &Cell, place: &str, notes: &mut Notes, cat: &Catalogue, w: &StaffWords, links: &Links) {
    if c.parts.len() > 1 {
        out.open("ul", "ak-parts");
        for p in &c.parts {
            out.open("li", "");
            part(out, p, place, notes, cat, w, links);
            out.close("li");
        }
        out.close("ul");
    } else {
        for p in &c.parts {
            part(out, p, place, notes, cat, w, links);
        }
    }
}

/// The legend: what the marks mean, and that an unmarked cell is verified.
pub(super) fn legend(out: &mut Out, cat: &Catalogue, w: &StaffWords) {
    out.open("p", "ak-legend");
    for o in Outcome::ALL {
        out.open("span", "ak-legend-item");
        mark(out, *o, w);
        out.text(cat.outcome(*o));
        out.close("span");
    }
    out.el("span", "ak-legend-text", w.legend);
    out.close("p");
}

/// A heading with soft hyphens at the joints of Swedish compounds ("Trygghets­boende",
/// "Sjuk­sköterska"): a tablet's narrow column then breaks a long word where a reader expects it,
/// not at any letter. Screen readers and copying ignore soft hyphens.
pub(super) fn breakable(text: &str) -> String {
    const JOINTS: [&str; 7] = ["sköterska", "boende", "vistelse", "medel", "tering", "service", "tids"];
    let mut out = text.to_string();
    for j in JOINTS {
        let mut from = 0;
        while let Some(i) = out[from..].find(j).map(|i| i + from) {
            let before = out[..i].chars().next_back();
            if before.is_some_and(char::is_alphabetic) {
                out.insert(i, '\u{ad}');
                from = i + '\u{ad}'.len_utf8() + j.len();
            } else {
                from = i + j.len();
            }
        }
    }
    out
}

/// The table head: "Vård" and the housings.
pub(super) fn head(out: &mut Out, caption: &str, can: bool, cat: &Catalogue) {
    out.0.push_str(&format!("<table class=\"ak-table ak-matrix-table\" data-can-visit-clinic=\"{can}\">"));
    out.el("caption", "", caption);
    out.0.push_str("<thead><tr>");
    out.el("th scope=\"col\"", "", cat.matrix_need);
    for h in Housing::ALL {
        out.el("th scope=\"col\"", "", &breakable(cat.housing(*h).0));
    }
    out.0.push_str("</tr></thead><tbody>");
}

/// A scrolling region around a table that may be wider than the screen (a phone), named as the table.
pub(super) fn wrap_open(out: &mut Out, label: &str) {
    out.open_with("div", "ak-table-wrap", "aria-label", label);
    out.0.pop();
    out.0.push_str(" role=\"region\" tabindex=\"0\">");
}

/// The sources' list. A source cited again (the same title, another section or page) is marked
/// `ak-citation--again`: the printed page lists each title once (the screen lists them all).
pub(super) fn sources(out: &mut Out, list: &[crate::engine::answer::CitationOut]) {
    out.open("ul", "ak-citations ak-staff-sources");
    let mut seen: Vec<&str> = Vec::new();
    for c in list {
        let key = c.title.as_str();
        let start = out.0.len();
        citation(out, c);
        if seen.contains(&key) {
            out.0.replace_range(start..start + "<li class=\"ak-citation".len(), "<li class=\"ak-citation ak-citation--again");
        } else {
            seen.push(key);
        }
    }
    out.close("ul");
}

/// Sources, the notes of the rules ("Bra att veta"), the rules' review date and version.
pub(super) fn footer(out: &mut Out, v: &MatrixView, cat: &Catalogue, w: &StaffWords) {
    if !v.notes.is_empty() {
        out.el("h3", "", cat.good_to_know);
        out.open("ul", "ak-staff-good");
        for n in &v.notes {
            out.el("li", "", &n.text);
        }
        out.close("ul");
    }
    out.el("h3", "", w.sources);
    sources(out, &v.sources);
    out.open("p", "ak-staff-receipt");
    if let Some(d) = v.rules_reviewed {
        out.text(&fill(cat.rules_reviewed, &[("date", &d.to_string())]));
    }
    out.text(&fill(cat.rules_version, &[("version", &v.rules_version)]));
    out.close("p");
}

/// The matrix view of a kommun on a date, as HTML (below its heading, which the root renders).
pub(super) fn html(rules: &RuleSet, kommun: &str, date: Date, cat: &Catalogue, w: &StaffWords, links: &Links) -> String {
    let mut out = Out(String::new());
    let v = match matrix_view(rules, kommun, date, cat.rules_lang) {
        Ok(v) => v,
        Err(e) => {
            out.el("p", "ak-notice", &e.message);
            return out.0;
        }
    };
    let mut notes = Notes::default();
    out.open_with("section", "ak-staff-matrix", "data-kommun", &v.kommun.code);
    out.el("p", "ak-hint ak-staff-intro", cat.matrix_intro);
    legend(&mut out, cat, w);
    for (can, caption) in [(true, cat.matrix_can), (false, cat.matrix_cannot)] {
        wrap_open(&mut out, caption);
        head(&mut out, caption, can, cat);
        for row in &v.rows {
            let label = row_label(row.need, row.aid, cat, w);
            out.open_with("tr", "", "data-need", row.need.as_str());
            if let Some(a) = row.aid {
                out.0.pop();
                out.0.push_str(&format!(" data-aid=\"{}\">", a.as_str()));
            }
            out.el("th scope=\"row\"", "", &breakable(&label));
            for &h in Housing::ALL {
                out.open_with("td", "ak-cell", "data-housing", h.as_str());
                cell(&mut out, row.cell(h, can), &place_words(&label, h, can, cat), &mut notes, cat, w, links);
                out.close("td");
            }
            out.close("tr");
        }
        out.0.push_str("</tbody></table></div>");
    }
    notes.write(&mut out, w);
    footer(&mut out, &v, cat, w);
    out.close("section");
    out.0
}
