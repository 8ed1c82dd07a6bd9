//! The timeline view: the periods of a kommun (`engine::staff::timeline`) as an ordered list, each
//! with its dates as its heading, the region the kommun belonged to, the key answer (hemsjukvård
//! for an adult at home who cannot get to the vårdcentral) with its mark, confidence and doubt, and
//! the laws and agreements in force with their dates and sources; the period of today marked.
//! Renders; decides nothing.

use super::Links;
use super::matrix::{Notes, party};
use crate::engine::staff::{Period, timeline};
use crate::engine::{Date, RuleSet, Vocab};
use crate::ui::i18n::{Catalogue, fill, staff::StaffWords};
use crate::ui::web::answer::{Out, citation};

/// The dates of a period: "2012-09-01 – 2025-12-31", or "2012-09-01 och framåt" to the window's end.
fn dates(p: &Period, last: bool, w: &StaffWords) -> String {
    if last { fill(w.onwards, &[("from", &p.from.to_string())]) } else { fill(w.until, &[("from", &p.from.to_string()), ("to", &p.to.to_string())]) }
}

/// Where a period stands: the first, the last (open-ended), the one of today.
struct Pos {
    first: bool,
    last: bool,
    now: bool,
}

/// One period.
fn period(out: &mut Out, p: &Period, pos: Pos, notes: &mut Notes, cat: &Catalogue, w: &StaffWords) {
    let Pos { first, last, now } = pos;
    out.0.push_str(&format!(
        "<li class=\"ak-period{}\" data-from=\"{}\" data-to=\"{}\" data-region=\"{}\">",
        if now { " ak-period--now" } else { "" },
        p.from,
        p.to,
        p.region.lan
    ));
    out.open("h3", "ak-period-dates");
    out.text(&dates(p, last, w));
    if now {
        out.el("span", "ak-now", w.now);
    }
    out.close("h3");
    out.open("dl", "ak-period-facts");
    out.el("dt", "", w.timeline_columns[0]);
    out.el("dd", "ak-period-region", &p.region.name);
    out.el("dt", "", w.timeline_columns[1]);
    out.open_with("dd", "ak-period-key", "data-outcome", p.key.outcome.as_str());
    if p.covered {
        party(out, p.key.outcome, p.key.confidence, cat, w);
        if let Some(o) = &p.key.organisation {
            out.text(&format!(" ({o})"));
        }
        if let Some(d) = &p.key.doubt {
            out.0.push(' ');
            out.el("span", "ak-note-ref", &fill(w.note, &[("n", &notes.number(d).to_string())]));
        }
    } else {
        out.text(w.not_covered);
    }
    out.close("dd");
    out.el("dt", "", w.timeline_columns[2]);
    out.open("dd", "");
    out.open("ul", "ak-period-rules");
    for r in &p.rules {
        out.open_with("li", "ak-period-rule", "data-rule", &r.id);
        out.el("span", "ak-rule-standing", w.standings[r.standing.index()]);
        out.text(&format!(" {} → ", r.id));
        out.text(cat.outcome(r.responsible));
        if !first && p.entered.contains(&r.id) {
            out.0.push(' ');
            out.el("span", "ak-rule-new", w.entered);
        }
        let valid = match r.valid_to {
            // In force, or ended (issue 12: the right tense).
            Some(to) => fill(
                if to < crate::ui::web::today() { cat.valid_ended } else { cat.valid_until },
                &[("from", &r.valid_from.to_string()), ("to", &to.to_string())],
            ),
            None => fill(cat.valid_since, &[("from", &r.valid_from.to_string())]),
        };
        out.el("span", "ak-rule-valid", &format!(" ({valid})"));
        if !r.sources.is_empty() {
            out.open("ul", "ak-citations");
            for (c, _, _) in &r.sources {
                citation(out, c);
            }
            out.close("ul");
        }
        out.close("li");
    }
    out.close("ul");
    if !p.left.is_empty() {
        out.el("p", "ak-period-left", &fill(w.left, &[("rules", &p.left.join(", "))]));
    }
    out.close("dd");
    out.close("dl");
    out.close("li");
}

/// The timeline view of a kommun, as HTML (below its heading).
pub(super) fn html(rules: &RuleSet, kommun: &str, today: Date, cat: &Catalogue, w: &StaffWords, _links: &Links) -> String {
    let mut out = Out(String::new());
    let t = match timeline(rules, kommun, cat.rules_lang) {
        Ok(t) => t,
        Err(e) => {
            out.el("p", "ak-notice", &e.message);
            return out.0;
        }
    };
    let mut notes = Notes::default();
    out.open_with("section", "ak-staff-timeline", "data-kommun", &t.kommun);
    out.el("p", "ak-hint ak-staff-intro", w.timeline_intro);
    out.open("ol", "ak-timeline");
    for (i, p) in t.periods.iter().enumerate() {
        let pos = Pos { first: i == 0, last: i + 1 == t.periods.len(), now: p.from <= today && today <= p.to };
        period(&mut out, p, pos, &mut notes, cat, w);
    }
    out.close("ol");
    notes.write(&mut out, w);
    out.close("section");
    out.0
}
