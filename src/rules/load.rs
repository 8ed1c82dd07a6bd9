//! Loading `rules/`: TOML files and the kommun register into a checked [`RuleSet`].
//!
//! Reads `national.toml`, `regions/*.toml` and `kommuner.csv`, validates every field (schema,
//! unknown fields, sources, date ranges, references) and keeps where each rule came from, so the
//! exhaustive check's findings can point at the rule's text. It does not decide cases.

use super::diag::{Diagnostic, Loc, Sources};
use super::walk::{Diags, Table, did_you_mean};
use crate::engine::compiled;
use crate::engine::date::Date;
use crate::engine::ruleset::{
    AGE_MAX, Applies, Citation, Conditions, Contacts, Document, FormerMember, FormerName, Kommun, Note, Region, Rule,
    RuleSet, Text, Window,
};
use crate::engine::vocab::{Confidence, Duration, Housing, Need, Outcome, Standing};
use std::path::Path;

/// Where each rule, note, region and document came from.
#[derive(Clone, Debug, Default)]
pub struct SourceMap {
    /// Location of each rule's `id` value, parallel to `RuleSet::rules`.
    pub rules: Vec<Loc>,
    /// Location of each note's `id` value, parallel to `RuleSet::notes`.
    pub notes: Vec<Loc>,
    /// Location of each region's `lan` value, parallel to `RuleSet::regions`.
    pub regions: Vec<Loc>,
}

/// The result of loading: the rules (possibly incomplete if there were errors), the text of every
/// file, where things are, and every problem found.
pub struct Loaded {
    pub rules: RuleSet,
    pub sources: Sources,
    pub map: SourceMap,
    pub diags: Vec<Diagnostic>,
}

impl Loaded {
    pub fn has_errors(&self) -> bool {
        self.diags.iter().any(|d| d.is_error())
    }
}

/// A citation as written, with where it was written (checked once all documents are known).
struct PendingCite {
    doc_loc: Loc,
    owner: String,
}

struct Loader {
    sources: Sources,
    diags: Diags,
    map: SourceMap,
    rules: RuleSet,
    cites: Vec<PendingCite>,
    doc_locs: Vec<Loc>,
    /// For each rule: location of its `when.kommun` codes, to check they are in its region.
    kommun_refs: Vec<(usize, String, Loc)>,
    /// File names of region files that are not valid TOML (their region is not "missing").
    unreadable: Vec<String>,
}

const ID_HELP: &str = "ids use lower-case letters, digits, `.`, `-` and `_`, e.g. `vastmanland.hemsjukvard.adults`";

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b))
        && id.as_bytes()[0].is_ascii_lowercase()
}

/// Loads and validates the rules folder. Problems are returned as diagnostics, never panics.
pub fn load(dir: &Path) -> Loaded {
    let mut l = Loader {
        sources: Sources::default(),
        diags: Diags::default(),
        map: SourceMap::default(),
        rules: RuleSet {
            version: String::new(),
            window: Window { from: Date::MIN, to: Date::MIN },
            contacts: Contacts::default(),
            documents: Vec::new(),
            regions: Vec::new(),
            kommuner: Vec::new(),
            rules: Vec::new(),
            notes: Vec::new(),
            partial: Vec::new(),
        },
        cites: Vec::new(),
        doc_locs: Vec::new(),
        kommun_refs: Vec::new(),
        unreadable: Vec::new(),
    };
    let shown = |p: &Path| p.display().to_string();

    let register = dir.join("kommuner.csv");
    match std::fs::read_to_string(&register) {
        Ok(text) => l.read_register(shown(&register), text),
        Err(e) => l.diags.push(
            Diagnostic::error("missing-file", format!("cannot read the kommun register {}: {e}", shown(&register)))
                .help("copy the register of all 290 kommuner (kommunkod,kommun,lanskod,lan,region) to this path"),
        ),
    }

    let national = dir.join("national.toml");
    match std::fs::read_to_string(&national) {
        Ok(text) => l.read_file(shown(&national), text, None),
        Err(e) => l.diags.push(
            Diagnostic::error("missing-file", format!("cannot read {}: {e}", shown(&national)))
                .help("the national law rules live in national.toml at the top of the rules folder"),
        ),
    }

    let regions_dir = dir.join("regions");
    let mut files: Vec<_> = match std::fs::read_dir(&regions_dir) {
        Ok(rd) => rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "toml")).collect(),
        Err(e) => {
            l.diags.push(
                Diagnostic::error("missing-file", format!("cannot read the folder {}: {e}", shown(&regions_dir)))
                    .help("each region's rules live in regions/NN-name.toml, NN being the länskod"),
            );
            Vec::new()
        }
    };
    files.sort();
    for path in files {
        match std::fs::read_to_string(&path) {
            Ok(text) => {
                let stem = path.file_name().map(|f| f.to_string_lossy().to_string()).unwrap_or_default();
                l.read_file(shown(&path), text, Some(stem));
            }
            Err(e) => l.diags.push(Diagnostic::error("missing-file", format!("cannot read {}: {e}", shown(&path)))),
        }
    }
    l.cross_checks();

    let mut rules = l.rules;
    rules.documents.sort_by(|a, b| a.id.cmp(&b.id));
    let version = compiled::hash(&compiled::encode(&rules));
    rules.version = version;
    Loaded { rules, sources: l.sources, map: l.map, diags: l.diags.into_inner() }
}

impl Loader {
    fn read_register(&mut self, path: String, text: String) {
        let file = self.sources.add(path, text.clone());
        let mut offset = 0;
        for (n, line) in text.split_inclusive('\n').enumerate() {
            let span = offset..offset + line.trim_end().len();
            offset += line.len();
            let row = line.trim_end();
            if n == 0 || row.is_empty() {
                continue;
            }
            let cols: Vec<&str> = row.split(',').collect();
            let ok = cols.len() == 5
                && cols[0].len() == 4
                && cols[0].bytes().all(|b| b.is_ascii_digit())
                && cols[2].len() == 2
                && cols[0].starts_with(cols[2]);
            if !ok {
                self.diags.push(
                    Diagnostic::error("bad-register-row", "this row of the kommun register is not `kommunkod,kommun,lanskod,lan,region`")
                        .at(Loc { file, span }, "expected e.g. `1980,Västerås,19,Västmanlands län,Region Västmanland`"),
                );
                continue;
            }
            if self.rules.kommuner.iter().any(|k| k.code == cols[0]) {
                self.diags.push(Diagnostic::error("duplicate-kommun", format!("kommun {} is listed twice", cols[0])).at(Loc { file, span }, ""));
                continue;
            }
            self.rules.kommuner.push(Kommun {
                code: cols[0].to_string(),
                name: cols[1].to_string(),
                lan: cols[2].to_string(),
                organisation: None,
            });
        }
        if self.rules.kommuner.is_empty() {
            self.diags.push(Diagnostic::error("empty-register", "the kommun register lists no kommuner"));
        }
        self.rules.kommuner.sort_by(|a, b| a.code.cmp(&b.code));
    }

    /// Reads one rule file; `region_file` is the file name for region files, `None` for national.toml.
    fn read_file(&mut self, path: String, text: String, region_file: Option<String>) {
        let file = self.sources.add(path.clone(), text);
        let text = self.sources.files[file].text.clone();
        let (doc, errors) = toml::de::DeTable::parse_recoverable(&text);
        for e in &errors {
            let mut d = Diagnostic::error("toml-syntax", format!("{path} is not valid TOML: {}", e.message().trim()));
            if let Some(span) = e.span() {
                d = d.at(Loc { file, span }, "here");
            }
            self.diags.push(d.help("see https://toml.io for the syntax; dates are written without quotes, e.g. 2012-09-01"));
        }
        if !errors.is_empty() {
            if let Some(name) = region_file {
                self.unreadable.push(name);
            }
            return;
        }
        let diags = Diags::default();
        let span = doc.span();
        let mut top = Table::new(file, doc.get_ref(), span, path.to_string(), &diags);
        match &region_file {
            None => self.read_national(&mut top),
            Some(name) => self.read_region(&mut top, name),
        }
        top.finish();
        for d in diags.into_inner() {
            self.diags.push(d);
        }
    }

    fn read_national(&mut self, top: &mut Table<'_, '_>) {
        if let Some(mut w) = top.table_field("window", Some("add `[window]` with `from` and `to`: the dates `ansvarskollen check` proves the rules for")) {
            w.set_what("the [window] table");
            let from = w.date("from", Some("add `from = 1992-01-01`"));
            let to = w.date("to", Some("add `to = 2027-12-31`"));
            if let (Some((f, _)), Some((t, tl))) = (from, to) {
                if t < f {
                    w.error(Diagnostic::error("bad-date-range", "the check window ends before it starts").at(tl, "before `from`"));
                }
                self.rules.window = Window { from: f, to: t };
            }
            w.finish();
        }
        if let Some(mut c) = top.table_field("contact", Some("add `[contact]` with the general next-step texts `kommun`, `region` and `not_determined`")) {
            c.set_what("the [contact] table");
            let k = c.text("kommun", Some("add `kommun.sv` and `kommun.en`"));
            let r = c.text("region", Some("add `region.sv` and `region.en`"));
            let n = c.text("not_determined", Some("add `not_determined.sv` and `not_determined.en`"));
            self.rules.contacts = Contacts { kommun: k.unwrap_or_default(), region: r.unwrap_or_default(), not_determined: n.unwrap_or_default() };
            c.finish();
        }
        self.read_documents(top);
        for t in top.tables("rule", "rule") {
            self.read_rule(t, None);
        }
        for t in top.tables("note", "note") {
            self.read_note(t, None);
        }
    }

    fn read_region(&mut self, top: &mut Table<'_, '_>, file_name: &str) {
        let Some(mut r) = top.table_field("region", Some("a region file starts with `[region]`: `lan`, `name`, `confidence`, `summary`, `source`")) else {
            return;
        };
        r.set_what("the [region] table");
        let lan = r.string("lan", Some("add the two-digit länskod, e.g. `lan = \"19\"`"));
        let name = r.string("name", Some("add the region's current name, e.g. `name = \"Region Västmanland\"`"));
        let confidence = self.confidence(&mut r, true);
        let summary = r.text("summary", Some("add `summary.sv` and `summary.en`: one paragraph on the region's arrangement"));
        let mut open_questions = Vec::new();
        for mut q in r.tables("open_questions", "open question") {
            let sv = q.string("sv", Some("write the question in Swedish"));
            let en = q.string("en", Some("write the question in English"));
            q.finish();
            if let (Some(sv), Some(en)) = (sv, en) {
                open_questions.push(Text { sv: sv.0, en: en.0 });
            }
        }
        let covered_from = r.date("covered_from", None);
        let before_coverage = r.text("before_coverage", None);
        if covered_from.is_some() != before_coverage.is_some() {
            r.error(
                Diagnostic::error("missing-field", "`covered_from` and `before_coverage` go together")
                    .at(r.loc.clone(), "")
                    .help("say from which date the region's rules answer (`covered_from`) and why earlier dates are not determined (`before_coverage.sv`/`.en`)"),
            );
        }
        let kommun_is_region = r.bool("kommun_is_region").is_some_and(|b| b.0);
        let mut former_names = Vec::new();
        for mut n in r.tables("former_names", "former name") {
            let nm = n.string("name", Some("the earlier name, e.g. \"Landstinget Västmanland\""));
            let until = n.date("until", Some("the last day the name was used"));
            n.finish();
            if let (Some(nm), Some(until)) = (nm, until) {
                former_names.push(FormerName { name: nm.0, until: until.0 });
            }
        }
        let mut former_members = Vec::new();
        for mut m in r.tables("former_members", "former member") {
            let k = m.string("kommun", Some("the kommunkod of a kommun that belonged to this region earlier"));
            let until = m.date("until", Some("the last day the kommun belonged to this region"));
            m.finish();
            if let (Some(k), Some(until)) = (k, until) {
                if self.rules.kommun(&k.0).is_none() {
                    m_error(&r, &k, "not in the kommun register");
                }
                former_members.push(FormerMember { kommun: k.0, until: until.0 });
            }
        }
        let source = self.citations(&mut r, "the [region] table");
        r.finish();
        let (Some((lan, lan_loc)), Some((name, _)), Some(summary)) = (lan, name, summary) else {
            return;
        };
        if !self.rules.kommuner.iter().any(|k| k.lan == lan) {
            self.diags.push(
                Diagnostic::error("unknown-lan", format!("no kommun in the register belongs to län `{lan}`"))
                    .at(lan_loc.clone(), "not a länskod of the register")
                    .help("use the two-digit länskod of kommuner.csv, e.g. \"19\" for Västmanland"),
            );
        }
        if let Some(prev) = self.rules.regions.iter().position(|x| x.lan == lan) {
            self.diags.push(
                Diagnostic::error("duplicate-region", format!("län {lan} has two region files"))
                    .at(lan_loc.clone(), "second")
                    .also(self.map.regions[prev].clone(), "first"),
            );
            return;
        }
        if !file_name.starts_with(&format!("{lan}-")) {
            self.diags.push(
                Diagnostic::warning("file-name", format!("the file for län {lan} should be named `{lan}-<name>.toml`"))
                    .at(lan_loc.clone(), "länskod")
                    .help("name region files after their länskod so they sort in the order of the register"),
            );
        }
        // Relative to the rules folder, so the compiled rules do not depend on where they were built.
        let path = format!("regions/{file_name}");
        self.rules.regions.push(Region {
            lan: lan.clone(),
            name,
            former_names,
            confidence: confidence.unwrap_or(Confidence::Unverified),
            summary,
            open_questions,
            covered_from: covered_from.map(|c| c.0),
            before_coverage,
            kommun_is_region,
            former_members,
            source,
            file: path,
        });
        self.map.regions.push(lan_loc);

        for (code, loc, mut k) in top.named_tables("kommun", "kommun") {
            if let Some((org, _)) = k.string("organisation", Some("the kommun's name as an organisation, e.g. \"Falu kommun\"")) {
                match self.rules.kommuner.iter_mut().find(|x| x.code == code) {
                    Some(x) if x.lan == lan => x.organisation = Some(org),
                    Some(_) => k.error(Diagnostic::error("foreign-kommun", format!("kommun {code} is not in län {lan}")).at(loc, "")),
                    None => k.error(Diagnostic::error("unknown-kommun", format!("kommun {code} is not in the register")).at(loc, "")),
                }
            }
            k.finish();
        }
        self.read_documents(top);
        let region_idx = self.rules.regions.len() - 1;
        for t in top.tables("rule", "rule") {
            self.read_rule(t, Some(region_idx));
        }
        for t in top.tables("note", "note") {
            self.read_note(t, Some(region_idx));
        }
    }

    fn confidence(&mut self, t: &mut Table<'_, '_>, required: bool) -> Option<Confidence> {
        let hint = "say how well it is known: `confidence = \"verified\"` (a stored source states it), \"partly\" (some limits unknown) or \"unverified\"";
        if !t.has("confidence") {
            if required {
                t.string("confidence", Some(hint));
            }
            t.allow("confidence");
            return None;
        }
        let (set, loc) = t.words::<Confidence>("confidence")?;
        let mut it = set.iter();
        match (it.next(), it.next()) {
            (Some(c), None) => Some(c),
            _ => {
                t.error(Diagnostic::error("bad-value", "`confidence` takes one value").at(loc, "give one word"));
                None
            }
        }
    }

    fn read_documents(&mut self, top: &mut Table<'_, '_>) {
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
                && !(u.starts_with("https://") || u.starts_with("http://")) {
                    d.error(Diagnostic::error("bad-value", format!("the url of document `{id}` is not a web address")).at(ul.clone(), "must start with https:// or http://"));
                }
            d.finish();
            if !valid_id(&id) {
                self.diags.push(Diagnostic::error("bad-id", format!("`{id}` is not a valid document id")).at(loc.clone(), "").help(ID_HELP));
            }
            if let Some(prev) = self.rules.documents.iter().position(|x| x.id == id) {
                self.diags.push(
                    Diagnostic::error("duplicate-id", format!("document `{id}` is defined twice"))
                        .at(loc, "second definition")
                        .also(self.doc_locs[prev].clone(), "first definition")
                        .help("document ids are shared by all rule files; rename one of them"),
                );
                continue;
            }
            let Some((title, _)) = title else { continue };
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

    /// `source = { doc = "…", section = "…" }` or a list of such tables.
    fn citations(&mut self, t: &mut Table<'_, '_>, owner: &str) -> Vec<Citation> {
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
                && tt < f {
                    c.error(Diagnostic::error("bad-date-range", "this source's `to` is before its `from`").at(tl.clone(), "before `from`"));
                }
            c.finish();
            if let Some((doc, doc_loc)) = doc {
                self.cites.push(PendingCite { doc_loc, owner: owner.to_string() });
                out.push(Citation { doc, section: section.map(|s| s.0), from: from.map(|d| d.0), to: to.map(|d| d.0) });
            }
        }
        if out.is_empty() && t.has("source") {
            // Errors already reported for the entries.
        }
        out
    }

    fn applies(&mut self, t: &mut Table<'_, '_>, region: Option<usize>, rule_idx: Option<usize>) -> Option<Applies> {
        let valid_from = t.date("valid_from", Some("add the first day it applies, e.g. `valid_from = 2012-09-01`"));
        let valid_to = t.date("valid_to", None);
        if let (Some((f, _)), Some((to, tl))) = (&valid_from, &valid_to)
            && to < f {
                t.error(
                    Diagnostic::error("bad-date-range", format!("{} ends before it starts", t.what))
                        .at(tl.clone(), format!("`valid_to` {to} is before `valid_from` {f}"))
                        .help("`valid_to` is the last day the rule applies; it must be on or after `valid_from`"),
                );
            }
        let mut when = Conditions::default();
        let mut kommuner = Vec::new();
        if let Some(mut w) = t.table_field("when", None) {
            w.set_what(format!("`when` of {}", t.what));
            if let Some((s, _)) = w.words::<Need>("need") {
                when.need = s;
            }
            if let Some((s, _)) = w.words::<Housing>("housing") {
                when.housing = s;
            }
            if let Some((s, _)) = w.words::<Duration>("duration") {
                when.duration = s;
            }
            if let Some((b, _)) = w.bool("can_visit_clinic") {
                when.can_visit_clinic = Some(b);
            }
            if let Some(mut a) = w.table_field("age", None) {
                a.set_what(format!("`when.age` of {}", t.what));
                let min = a.int("min", 0..=AGE_MAX as i64);
                let max = a.int("max", 0..=AGE_MAX as i64);
                if min.is_none() && max.is_none() && a.table.is_empty() {
                    a.error(Diagnostic::error("empty-value", "`when.age` sets no limit").at(a.loc.clone(), "").help("write `age = { min = 18 }`, `age = { max = 17 }` or both"));
                }
                if let (Some((lo, _)), Some((hi, hl))) = (&min, &max)
                    && hi < lo {
                        a.error(Diagnostic::error("bad-value", "`when.age.max` is below `min`").at(hl.clone(), "no age is in this range"));
                    }
                when.age_min = min.map_or(0, |m| m.0 as u8);
                when.age_max = max.map_or(AGE_MAX, |m| m.0 as u8);
                a.finish();
            }
            if w.has("kommun") {
                match region {
                    None => {
                        let loc = w.key_loc("kommun").unwrap_or(w.loc.clone());
                        w.allow("kommun");
                        w.error(
                            Diagnostic::error("misplaced-field", "national law cannot be limited to kommuner")
                                .at(loc, "`when.kommun` is not allowed in national.toml")
                                .help("write kommun exceptions in the region's file, regions/NN-name.toml"),
                        );
                    }
                    Some(_) => {
                        let v = w.get("kommun");
                        let items: Vec<_> = match v.map(|v| v.get_ref()) {
                            Some(toml::de::DeValue::String(_)) => v.into_iter().collect(),
                            Some(toml::de::DeValue::Array(a)) => a.iter().collect(),
                            _ => Vec::new(),
                        };
                        for item in items {
                            let loc = w.loc(item.span());
                            match item.get_ref() {
                                toml::de::DeValue::String(s) => {
                                    kommuner.push(s.to_string());
                                    if let Some(ri) = rule_idx {
                                        self.kommun_refs.push((ri, s.to_string(), loc));
                                    }
                                }
                                _ => w.error(Diagnostic::error("wrong-type", "`when.kommun` lists kommun codes as strings").at(loc, "write e.g. \"1980\"")),
                            }
                        }
                        if kommuner.is_empty() {
                            w.error(Diagnostic::error("empty-value", "`when.kommun` names no kommun").at(w.loc.clone(), "").help("write `kommun = [\"1980\"]` (SCB kommunkoder)"));
                        }
                    }
                }
            }
            w.finish();
        }
        Some(Applies {
            region: region.map(|r| self.rules.regions[r].lan.clone()),
            kommuner,
            when,
            valid_from: valid_from?.0,
            valid_to: valid_to.map(|v| v.0),
        })
    }

    fn read_rule(&mut self, mut t: Table<'_, '_>, region: Option<usize>) {
        let id = t.string("id", Some("give the rule an id, e.g. `id = \"vastmanland.hemsjukvard\"`"));
        if let Some((id, _)) = &id {
            t.set_what(format!("rule `{id}`"));
        }
        let owner = t.what.clone();
        let standing = match region {
            None => {
                let s = t.string("standing", Some("national rules say whether they bind everyone (`standing = \"law\"`) or are a default agreements may change (`standing = \"default\"`)"));
                match s {
                    Some((w, _)) if w == "law" => Some(Standing::Law),
                    Some((w, _)) if w == "default" => Some(Standing::Default),
                    Some((w, loc)) => {
                        t.error(
                            Diagnostic::error("unknown-word", format!("unknown standing `{w}` in {owner}"))
                                .at(loc, "not a standing of national.toml")
                                .note("valid choices in national.toml: law, default (region files get `agreement`, kommun exceptions `local`)"),
                        );
                        None
                    }
                    None => None,
                }
            }
            Some(_) => {
                if let Some(loc) = t.key_loc("standing") {
                    t.allow("standing");
                    t.error(
                        Diagnostic::error("misplaced-field", format!("{owner} sets `standing` in a region file"))
                            .at(loc, "remove this")
                            .help("a region file's rules are regional agreements; one with `when.kommun` is a kommun exception (see rules/README.md, \"Which rule wins\")"),
                    );
                }
                Some(Standing::Agreement)
            }
        };
        let responsible = match t.words::<Outcome>("responsible") {
            Some((s, loc)) => {
                let mut it = s.iter();
                match (it.next(), it.next()) {
                    (Some(o), None) => Some(o),
                    _ => {
                        t.error(Diagnostic::error("bad-value", "`responsible` takes one value").at(loc, "give one of kommun, region, not_determined"));
                        None
                    }
                }
            }
            None => {
                if !t.has("responsible") {
                    t.string("responsible", Some("say who is responsible: `responsible = \"kommun\"`, \"region\" or \"not_determined\""));
                }
                None
            }
        };
        let region_conf = region.map(|r| self.rules.regions[r].confidence);
        let confidence = self.confidence(&mut t, region.is_none()).or(region_conf);
        let reason = t.text("reason", Some("explain the rule to the reader in `reason.sv` and `reason.en`"));
        let doubt = t.text("doubt", None);
        let next = t.text("next", None);
        if confidence.is_some_and(|c| c != Confidence::Verified) && doubt.is_none() {
            t.error(
                Diagnostic::error("missing-doubt", format!("{owner} is not verified but does not say what is unknown"))
                    .at(t.key_loc("id").unwrap_or(t.loc.clone()), "confidence is partly/unverified")
                    .help("add `doubt.sv`/`doubt.en`, shown to the reader, e.g. \"Uppgiften om åldersgräns är inte bekräftad; kontrollera med din kommun.\""),
            );
        }
        let source = self.citations(&mut t, &owner);
        let rule_idx = self.rules.rules.len();
        let applies = self.applies(&mut t, region, Some(rule_idx));
        let id_loc = t.key_loc("id").unwrap_or(t.loc.clone());
        let id_val_loc = id.as_ref().map(|i| i.1.clone()).unwrap_or(id_loc);
        t.finish();
        let (Some((id, _)), Some(mut standing), Some(responsible), Some(confidence), Some(reason), Some(applies)) =
            (id, standing, responsible, confidence, reason, applies)
        else {
            self.kommun_refs.retain(|(r, _, _)| *r != rule_idx);
            return;
        };
        if !applies.kommuner.is_empty() {
            standing = Standing::Local;
        }
        if !valid_id(&id) {
            self.diags.push(Diagnostic::error("bad-id", format!("`{id}` is not a valid rule id")).at(id_val_loc.clone(), "").help(ID_HELP));
        }
        if let Some(prev) = self.rules.rules.iter().position(|r| r.id == id) {
            self.diags.push(
                Diagnostic::error("duplicate-id", format!("rule id `{id}` is used twice"))
                    .at(id_val_loc.clone(), "second")
                    .also(self.map.rules[prev].clone(), "first")
                    .help("every rule needs its own id: answers and scenarios refer to rules by id"),
            );
        }
        self.rules.rules.push(Rule { id, standing, applies, responsible, confidence, reason, doubt, next, source });
        self.map.rules.push(id_val_loc);
    }

    fn read_note(&mut self, mut t: Table<'_, '_>, region: Option<usize>) {
        let id = t.string("id", Some("give the note an id"));
        if let Some((id, _)) = &id {
            t.set_what(format!("note `{id}`"));
        }
        let owner = t.what.clone();
        let text = t.text("text", Some("write the note in `text.sv` and `text.en`"));
        let source = self.citations(&mut t, &owner);
        let applies = self.applies(&mut t, region, None);
        let loc = id.as_ref().map(|i| i.1.clone()).unwrap_or(t.loc.clone());
        t.finish();
        let (Some((id, _)), Some(text), Some(applies)) = (id, text, applies) else { return };
        if let Some(prev) = self.rules.notes.iter().position(|n| n.id == id) {
            self.diags.push(Diagnostic::error("duplicate-id", format!("note id `{id}` is used twice")).at(loc.clone(), "second").also(self.map.notes[prev].clone(), "first"));
        }
        self.rules.notes.push(Note { id, applies, text, source });
        self.map.notes.push(loc);
    }

    /// Checks that need every file: document references, kommun exceptions, source coverage,
    /// and that every region of the register has a file.
    fn cross_checks(&mut self) {
        let ids: Vec<&str> = self.rules.documents.iter().map(|d| d.id.as_str()).collect();
        for c in &self.cites {
            let text = &self.sources.files[c.doc_loc.file].text[c.doc_loc.span.clone()];
            let id = text.trim_matches('"');
            if !ids.contains(&id) {
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
        // Every day a rule applies (within the window) must have a source.
        let (wf, wt) = (self.rules.window.from, self.rules.window.to);
        for (i, r) in self.rules.rules.iter().enumerate() {
            if r.source.is_empty() {
                continue;
            }
            let end = r.applies.valid_to.unwrap_or(wt).min(wt);
            let mut day = r.applies.valid_from.max(wf);
            while day <= end {
                if r.source.iter().any(|c| c.in_force(day)) {
                    // Jump to the next day no citation covers, if any.
                    let next = r.source.iter().filter(|c| c.in_force(day)).filter_map(|c| c.to).max();
                    match next {
                        Some(t) if t < end => day = t.succ(),
                        _ => break,
                    }
                } else {
                    let until = r.source.iter().filter_map(|c| c.from).filter(|f| *f > day).min().map_or(end, |f| f.pred().min(end));
                    self.diags.push(
                        Diagnostic::error("missing-source", format!("rule `{}` has no source for {day} to {until}", r.id))
                            .at(self.map.rules[i].clone(), "some days of this rule cite nothing")
                            .help("extend a source's `from`/`to`, add a source for these dates, or end the rule's validity"),
                    );
                    day = until.succ();
                    if until >= end {
                        break;
                    }
                }
            }
        }
        // A document nobody cites is usually a citation that was forgotten or misspelled.
        for (i, d) in self.rules.documents.iter().enumerate() {
            let cited = self.cites.iter().any(|c| {
                let text = &self.sources.files[c.doc_loc.file].text[c.doc_loc.span.clone()];
                text.trim_matches('"') == d.id
            });
            if !cited {
                self.diags.push(
                    Diagnostic::warning("unused-document", format!("document `{}` is not cited by any rule, note or region", d.id))
                        .at(self.doc_locs[i].clone(), "never cited")
                        .help("cite it where it is the basis of a rule (`source = { doc = \"…\" }`), or remove it"),
                );
            }
        }
        let mut lans: Vec<&str> = self.rules.kommuner.iter().map(|k| k.lan.as_str()).collect();
        lans.dedup();
        for lan in lans {
            let unreadable = self.unreadable.iter().any(|f| f.starts_with(&format!("{lan}-")));
            if self.rules.region(lan).is_none() && !unreadable {
                let region = self.rules.kommuner.iter().find(|k| k.lan == lan).map(|k| k.lan.clone()).unwrap_or_default();
                self.diags.push(
                    Diagnostic::error("missing-region", format!("län {region} has no region file: its kommuner get no answer"))
                        .help(format!("add regions/{lan}-<name>.toml with a [region] table (see rules/README.md); if nothing is known, a rule with `responsible = \"not_determined\"` and a reason")),
                );
            }
        }
    }
}

fn m_error(r: &Table<'_, '_>, k: &(String, Loc), what: &str) {
    r.error(Diagnostic::error("unknown-kommun", format!("kommun `{}` in `former_members` is {what}", k.0)).at(k.1.clone(), what.to_string()));
}
