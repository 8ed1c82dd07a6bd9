//! The checks that need every file read first: each cited document exists, each kommun exception
//! names a kommun of its region, every day a rule, note or region applies is covered by a source,
//! no date lies past the check window, every document is cited, and every län of the register has
//! a region file. Schema checks are done while reading.

use super::Loader;
use crate::engine::date::Date;
use crate::engine::ruleset::Citation;
use crate::rules::diag::{Diagnostic, Loc};
use crate::rules::walk::did_you_mean;
use std::collections::HashSet;

impl Loader {
    /// Runs every cross-check, in the order their diagnostics are reported.
    pub(super) fn cross_checks(&mut self) {
        self.unknown_documents();
        self.foreign_kommun_exceptions();
        self.days_without_source();
        self.past_window();
        self.unused_documents();
        self.missing_regions();
    }

    /// Every citation names a `[document.…]` of some rule file.
    fn unknown_documents(&mut self) {
        let ids: Vec<&str> = self.rules.documents.iter().map(|d| d.id.as_str()).collect();
        let known: HashSet<&str> = ids.iter().copied().collect();
        for c in &self.cites {
            let id = c.doc.as_str();
            if !known.contains(id) {
                let mut d = Diagnostic::error("unknown-document", format!("{} cites `{id}`, which no rule file defines", c.owner))
                    .at(c.doc_loc.clone(), "no `[document.…]` with this id");
                if let Some(m) = did_you_mean(id, &ids) {
                    d = d.help(format!("did you mean `{m}`?"));
                } else {
                    d = d.help(format!("define it: `[document.{id}]` with `title` and `url` or `sfs`"));
                }
                self.diags.push(d);
            }
        }
    }

    /// A kommun exception (`when.kommun`) names only kommuner of its region, now or formerly.
    fn foreign_kommun_exceptions(&mut self) {
        for (ri, code, loc) in &self.kommun_refs {
            let Some(rule) = self.rules.rules.get(*ri) else { continue };
            let lan = rule.applies.region.clone().unwrap_or_default();
            let region = self.rules.region(&lan);
            let ok = self.rules.kommun(code).is_some_and(|k| k.lan == lan)
                || region.is_some_and(|r| r.former_members.iter().any(|m| m.kommun == *code));
            if !ok {
                let what = match self.rules.kommun(code) {
                    Some(k) => format!("{} {} belongs to län {}", k.code, k.name, k.lan),
                    None => "no such kommun in the register".into(),
                };
                self.diags.push(
                    Diagnostic::error("foreign-kommun", format!("rule `{}` names kommun {code}, which is not in län {lan}", rule.id))
                        .at(loc.clone(), what)
                        .help("a region file's kommun exceptions may only name kommuner of that region"),
                );
            }
        }
    }

    /// Every day a rule or note applies, and every day of the window for a region's own facts, is
    /// covered by one of its citations' dates (within the window). An empty list was reported
    /// when it was read.
    fn days_without_source(&mut self) {
        let (wf, wt) = (self.rules.window.from, self.rules.window.to);
        let mut found: Vec<Diagnostic> = Vec::new();
        let mut report = |kind: &str, what: String, loc: &Loc, source: &[Citation], from: Date, to: Option<Date>| {
            // No `source`, or an empty list, was reported when it was read.
            if source.is_empty() {
                return;
            }
            for (day, until) in uncovered(source, from.max(wf), to.unwrap_or(wt).min(wt)) {
                found.push(
                    Diagnostic::error("missing-source", format!("{what} has no source for {day} to {until}"))
                        .at(loc.clone(), format!("some days of this {kind} cite nothing"))
                        .help(format!("extend a source's `from`/`to`, add a source for these dates, or end the {kind}'s validity")),
                );
            }
        };
        for (r, loc) in self.rules.rules.iter().zip(&self.map.rules) {
            report("rule", format!("rule `{}`", r.id), loc, &r.source, r.applies.valid_from, r.applies.valid_to);
        }
        for (n, loc) in self.rules.notes.iter().zip(&self.map.notes) {
            report("note", format!("note `{}`", n.id), loc, &n.source, n.applies.valid_from, n.applies.valid_to);
        }
        for (r, loc) in self.rules.regions.iter().zip(&self.map.regions) {
            report("region", format!("the [region] table of {}", r.name), loc, &r.source, wf, None);
        }
        for d in found {
            self.diags.push(d);
        }
    }

    /// No rule, note or citation has a date past the end of the check window: the check proves
    /// nothing there, and an answer outside the window is "not determined" (rules/README.md, "Dates").
    fn past_window(&mut self) {
        if !self.window_set {
            return;
        }
        let to = self.rules.window.to;
        for d in self.dated.iter().filter(|d| d.date > to) {
            self.diags.push(
                Diagnostic::error("past-window", format!("{} is {}, after the end of the checked window ({to})", d.what, d.date))
                    .at(d.loc.clone(), "after `[window] to` in national.toml")
                    .help(format!("end it on or before {to}, or extend `to` in the [window] of national.toml so that `ansvarskollen check` proves the rules for those dates too")),
            );
        }
    }

    /// A document nobody cites is usually a citation that was forgotten or misspelled: a warning.
    fn unused_documents(&mut self) {
        let cited: HashSet<&str> = self.cites.iter().map(|c| c.doc.as_str()).collect();
        for (i, d) in self.rules.documents.iter().enumerate() {
            if !cited.contains(d.id.as_str()) {
                self.diags.push(
                    Diagnostic::warning("unused-document", format!("document `{}` is not cited by any rule, note or region", d.id))
                        .at(self.doc_locs[i].clone(), "never cited")
                        .help("cite it where it is the basis of a rule (`source = { doc = \"…\" }`), or remove it"),
                );
            }
        }
    }

    /// Every län of the register has a region file (one that is not valid TOML counts: its
    /// syntax errors are reported instead).
    fn missing_regions(&mut self) {
        let mut lans: Vec<&str> = self.rules.kommuner.iter().map(|k| k.lan.as_str()).collect();
        lans.dedup();
        for lan in lans {
            let unreadable = self.unreadable.iter().any(|f| f.starts_with(&format!("{lan}-")));
            if self.rules.region(lan).is_none() && !unreadable {
                self.diags.push(
                    Diagnostic::error("missing-region", format!("län {lan} has no region file: its kommuner get no answer"))
                        .help(format!("add regions/{lan}-<name>.toml with a [region] table (see rules/README.md); if nothing is known, a rule with `responsible = \"not_determined\"` and a reason")),
                );
            }
        }
    }
}

/// The stretches of `[from, to]` that no citation covers, in order. Jumps from one covered
/// stretch to the next, never day by day.
fn uncovered(source: &[Citation], from: Date, to: Date) -> Vec<(Date, Date)> {
    let mut out = Vec::new();
    let mut day = from;
    while day <= to {
        if source.iter().any(|c| c.in_force(day)) {
            // Covered until the latest end of a citation in force, or to the end.
            if source.iter().any(|c| c.in_force(day) && c.to.is_none()) {
                break;
            }
            match source.iter().filter(|c| c.in_force(day)).filter_map(|c| c.to).max() {
                Some(t) if t < to => day = t.succ(),
                _ => break,
            }
        } else {
            let until = source.iter().filter_map(|c| c.from).filter(|f| *f > day).min().map_or(to, |f| f.pred().min(to));
            out.push((day, until));
            if until >= to {
                break;
            }
            day = until.succ();
        }
    }
    out
}
