//! The compare view: two matrices (two kommuner on a date, or a kommun on two dates) cell by cell
//! (`engine::staff::compare`): the differences listed in words ("Hjälpmedel, i eget hem: regionen →
//! kommunen"), then the two tables with each cell that differs marked in words and by its frame
//! (never colour alone), showing both sides. Renders; decides nothing.

use super::Links;
use super::matrix::{Notes, cell, head, legend, place_words, row_label, wrap_open};
use crate::engine::staff::{Cell, Difference, MatrixView, compare, matrix_view};
use crate::engine::{Aid, Date, Housing, Need, RuleSet, Vocab};
use crate::ui::i18n::{Catalogue, fill, lower_first, staff::StaffWords};
use crate::ui::staff::Place;
use crate::ui::web::answer::{Out, citation};


/// A difference in words: where, then before → after (the party, or with the same party its
/// confidence).
fn words(d: &Difference, cat: &Catalogue, w: &StaffWords) -> String {
    let mut at = vec![row_label(d.need, d.aid, cat, w), lower_first(cat.housing(d.housing).0)];
    if let Some(can) = d.can_visit_clinic {
        at.push(lower_first(if can { cat.matrix_can } else { cat.matrix_cannot }));
    }
    if let Some((a, b)) = d.age {
        at.push(cat.when(&crate::engine::answer::When::Age(a, b)));
    }
    if let Some(x) = d.duration {
        at.push(lower_first(cat.duration(x).0));
    }
    let who = |o: crate::engine::Outcome| cat.branch_outcomes[o.index()];
    let (before, after) = if d.party_changes() {
        (who(d.before.outcome).to_string(), who(d.after.outcome).to_string())
    } else {
        let conf = |c: crate::engine::Confidence| lower_first(cat.confidence(c));
        (format!("{}, {}", who(d.before.outcome), conf(d.before.confidence)), conf(d.after.confidence))
    };
    fill(w.difference, &[("where", &at.join(", ")), ("before", &before), ("after", &after)])
}

/// The rows both matrices have, finest split of either: the umbrella need's two needs where
/// either splits them, each kind of aid where either does.
fn rows(a: &MatrixView, b: &MatrixView) -> Vec<(Need, Option<Aid>)> {
    let has = |n: Need| a.rows.iter().chain(&b.rows).any(|r| r.need == n);
    let by_aid = a.split_by_aid() || b.split_by_aid();
    let mut out = Vec::new();
    for &need in Need::ALL {
        match need {
            Need::Rehabilitation if has(Need::OccupationalTherapy) || has(Need::Physiotherapy) => {}
            Need::OccupationalTherapy | Need::Physiotherapy if !(has(Need::OccupationalTherapy) || has(Need::Physiotherapy)) => {}
            Need::AssistiveDevices if by_aid => out.extend(Aid::ALL.iter().map(|&x| (need, Some(x)))),
            _ => out.push((need, None)),
        }
    }
    out
}

/// Whether two cells read alike (the same parts, parties and confidence).
fn alike(x: &Cell, y: &Cell) -> bool {
    let key = |c: &Cell| c.parts.iter().map(|p| (p.age, p.duration, p.outcome, p.confidence)).collect::<Vec<_>>();
    key(x) == key(y)
}

/// "Västerås", "2024-05-02", or "Västerås 2024-05-02": what tells the two sides apart.
fn side_name(v: &MatrixView, other: &MatrixView, w: &StaffWords) -> String {
    match (v.kommun.code == other.kommun.code, v.date == other.date) {
        (true, _) => v.date.to_string(),
        (false, true) => v.kommun.name.clone(),
        (false, false) => fill(w.side, &[("kommun", &v.kommun.name), ("date", &v.date.to_string())]),
    }
}

/// The compare view, as HTML (below its heading).
pub(super) fn html(rules: &RuleSet, place: &Place, today: Date, cat: &Catalogue, w: &StaffWords, links: &Links) -> String {
    let mut out = Out(String::new());
    let Some([(k1, d1), (k2, d2)]) = place.sides(today).filter(|_| place.has_second(today)) else {
        out.el("p", "ak-hint", w.choose_second);
        return out.0;
    };
    let (a, b) = match (matrix_view(rules, &k1, d1, cat.rules_lang), matrix_view(rules, &k2, d2, cat.rules_lang)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => {
            out.el("p", "ak-notice", &e.message);
            return out.0;
        }
    };
    let names = [side_name(&a, &b, w), side_name(&b, &a, w)];
    let title = |v: &MatrixView| fill(w.side, &[("kommun", &v.kommun.name), ("date", &v.date.to_string())]);
    out.open("section", "ak-staff-compare");
    out.el("p", "ak-staff-intro", &fill(w.compare_title, &[("a", &title(&a)), ("b", &title(&b))]));
    let differences = compare(&a, &b);
    out.el("h3", "", &fill(w.differences, &[("n", &differences.len().to_string())]));
    if differences.is_empty() {
        out.el("p", "ak-staff-same", w.no_difference);
    } else {
        out.open("ul", "ak-differences");
        for d in &differences {
            out.open_with("li", "ak-difference", "data-need", d.need.as_str());
            out.text(&words(d, cat, w));
            out.close("li");
        }
        out.close("ul");
    }
    legend(&mut out, cat, w);
    let mut notes = Notes::default();
    for (can, caption) in [(true, cat.matrix_can), (false, cat.matrix_cannot)] {
        wrap_open(&mut out, caption);
        head(&mut out, caption, can, cat);
        for (need, aid) in rows(&a, &b) {
            let label = row_label(need, aid, cat, w);
            out.open_with("tr", "", "data-need", need.as_str());
            out.el("th scope=\"row\"", "", &super::matrix::breakable(&label));
            for &h in Housing::ALL {
                let place = place_words(&label, h, can, cat);
                match (a.cell(need, aid, h, can), b.cell(need, aid, h, can)) {
                    (Some(x), Some(y)) if alike(x, y) => {
                        out.open_with("td", "ak-cell", "data-housing", h.as_str());
                        cell(&mut out, x, &place, &mut notes, cat, w, links);
                    }
                    (x, y) => {
                        out.open_with("td", "ak-cell ak-cell--changed", "data-housing", h.as_str());
                        out.el("span", "ak-changed", w.changed);
                        for (name, c) in [(&names[0], x), (&names[1], y)] {
                            out.open("div", "ak-side");
                            out.el("span", "ak-side-name", &format!("{name}:"));
                            if let Some(c) = c {
                                cell(&mut out, c, &format!("{place}, {name}"), &mut notes, cat, w, links);
                            }
                            out.close("div");
                        }
                    }
                }
                out.close("td");
            }
            out.close("tr");
        }
        out.0.push_str("</tbody></table></div>");
    }
    notes.write(&mut out, w);
    out.el("h3", "", w.sources);
    out.open("ul", "ak-citations ak-staff-sources");
    let mut seen = Vec::new();
    for c in a.sources.iter().chain(&b.sources) {
        if !seen.contains(&c) {
            seen.push(c);
            citation(&mut out, c);
        }
    }
    out.close("ul");
    for v in [&a, &b] {
        out.open("p", "ak-staff-receipt");
        out.text(&format!("{}: ", title(v)));
        if let Some(d) = v.rules_reviewed {
            out.text(&fill(cat.rules_reviewed, &[("date", &d.to_string())]));
        }
        out.text(&fill(cat.rules_version, &[("version", &v.rules_version)]));
        out.close("p");
    }
    out.close("section");
    out.0
}
