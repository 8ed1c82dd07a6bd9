//! `[document.…]` tables (what a reader can look up) and `source = { doc = "…" }` citations of
//! them. Whether every cited document exists is checked once all files are read (`cross.rs`).

use super::{Dated, ID_HELP, Loader, valid_id};
use crate::engine::ruleset::{Citation, Document};
use crate::rules::diag::{Diagnostic, Loc};
use crate::rules::walk::Table;
use toml::de::DeValue;

/// A citation's document id as parsed, where it is written and who cites it (checked once all
/// documents are known).
pub(super) struct PendingCite {
    pub(super) doc: String,
    pub(super) doc_loc: Loc,
    pub(super) owner: String,
}

impl Loader {
    /// Every `[document.<id>]` of a file: a title, and a `url` or an `sfs` number.
    pub(super) fn read_documents(&mut self, top: &mut Table<'_, '_>) {
        for (id, loc, mut d) in top.named_tables("document", "document") {
            let title = d.string("title", Some("add the document's title, e.g. `title = \"Hälso- och sjukvårdslag (2017:30)\"`"));
            let url = d.string("url", None);
            let sfs = d.string("sfs", None);
            let publisher = d.string("publisher", None);
            let date = d.date("date", None);
            if url.is_none() && sfs.is_none() {
                d.error(
                    Diagnostic::error("missing-source", format!("document `{id}` has neither `url` nor `sfs`"))
                        .at(loc.clone(), "cannot be found by a reader")
                        .help("add `url = \"https://…\"` (where the document can be read) or, for a statute, `sfs = \"2017:30\"`"),
                );
            }
            if let Some((u, ul)) = &url
                && !(u.starts_with("https://") || u.starts_with("http://"))
            {
                d.error(Diagnostic::error("bad-value", format!("the url of document `{id}` is not a web address")).at(ul.clone(), "must start with https:// or http://"));
            }
            d.finish();
            if !valid_id(&id) {
                self.diags.push(Diagnostic::error("bad-id", format!("`{id}` is not a valid document id")).at(loc.clone(), "").help(ID_HELP));
            }
            if let Some(&prev) = self.doc_ids.get(&id) {
                self.diags.push(
                    Diagnostic::error("duplicate-id", format!("document `{id}` is defined twice"))
                        .at(loc, "second definition")
                        .also(self.doc_locs[prev].clone(), "first definition")
                        .help("document ids are shared by all rule files; rename one of them"),
                );
                continue;
            }
            let Some((title, _)) = title else { continue };
            self.doc_ids.insert(id.clone(), self.rules.documents.len());
            self.rules.documents.push(Document {
                id,
                title,
                url: url.map(|u| u.0),
                sfs: sfs.map(|s| s.0),
                publisher: publisher.map(|p| p.0),
                date: date.map(|d| d.0),
            });
            self.doc_locs.push(loc);
        }
    }

    /// `source = { doc = "…", section = "…" }` or a list of such tables. A missing `source`, or an
    /// empty list, is an error: no rule, note or region without a cited document.
    pub(super) fn citations(&mut self, t: &mut Table<'_, '_>, owner: &str) -> Vec<Citation> {
        if let Some(v) = t.table.get("source")
            && matches!(v.get_ref(), DeValue::Array(a) if a.is_empty())
        {
            t.allow("source");
            t.error(
                Diagnostic::error("missing-source", format!("{owner} cites no source: `source` is an empty list"))
                    .at(t.loc(v.span()), "an empty list cites nothing")
                    .help("cite at least one document for every day it applies: `source = [{ doc = \"hsl2017\", section = \"12 kap 1 §\" }]`, where `doc` names a `[document.…]`"),
            );
            return Vec::new();
        }
        if !t.has("source") {
            t.allow("source");
            t.error(
                Diagnostic::error("missing-source", format!("{owner} cites no source"))
                    .at(t.loc.clone(), "no `source` here")
                    .help("add `source = { doc = \"hsl2017\", section = \"12 kap 1 §\" }`, where `doc` names a `[document.…]`; a rule without a source is a defect"),
            );
            return Vec::new();
        }
        let mut out = Vec::new();
        for mut c in t.tables("source", "source") {
            c.set_what(format!("a source of {owner}"));
            let doc = c.string("doc", Some("name the cited document: `doc = \"<id of a [document.…]>\"`"));
            let section = c.string("section", None);
            let from = c.date("from", None);
            let to = c.date("to", None);
            if let (Some((f, _)), Some((tt, tl))) = (&from, &to)
                && tt < f
            {
                c.error(Diagnostic::error("bad-date-range", "this source's `to` is before its `from`").at(tl.clone(), "before `from`"));
            }
            for (field, d) in [("from", &from), ("to", &to)] {
                if let Some((date, loc)) = d {
                    self.dated.push(Dated { date: *date, loc: loc.clone(), what: format!("`{field}` of a source of {owner}") });
                }
            }
            c.finish();
            if let Some((doc, doc_loc)) = doc {
                self.cites.push(PendingCite { doc: doc.clone(), doc_loc, owner: owner.to_string() });
                out.push(Citation { doc, section: section.map(|s| s.0), from: from.map(|d| d.0), to: to.map(|d| d.0) });
            }
        }
        out
    }
}
