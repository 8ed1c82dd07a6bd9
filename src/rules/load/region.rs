//! The kommun register (`kommuner.csv`) and a region file: its `[region]` table (names, confidence,
//! summary, coverage, former members), its `[kommun.NNNN]` tables (a kommun's name as an
//! organisation, one body in both roles), then its documents, rules and notes. What the register says about kommuner and län is the reference every other file is
//! checked against.

use super::Loader;
use crate::engine::ruleset::{FormerMember, FormerName, Kommun, OneBody, Region, Text};
use crate::engine::vocab::Confidence;
use crate::rules::diag::{Diagnostic, Loc};
use crate::rules::walk::{Table, forbidden_char};

impl Loader {
    /// `kommuner.csv`: a header line, then `kommunkod,kommun,lanskod,lan,region` per kommun.
    pub(super) fn read_register(&mut self, path: String, text: String) {
        let file = self.sources.add(path, text.clone());
        let mut seen = std::collections::HashSet::new();
        let mut offset = 0;
        for (n, line) in text.split_inclusive('\n').enumerate() {
            let span = offset..offset + line.trim_end().len();
            offset += line.len();
            let row = line.trim_end();
            if n == 0 || row.is_empty() {
                continue;
            }
            if let Some((n, c)) = forbidden_char(row, false) {
                self.diags.push(
                    Diagnostic::error("control-character", format!("this row of the kommun register contains the control character U+{:04X}", c as u32))
                        .at(Loc { file, span }, format!("character {} of this row", n + 1))
                        .help("remove it: the register is plain text, and its names are shown in answers"),
                );
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
            if !seen.insert(cols[0].to_string()) {
                self.diags.push(Diagnostic::error("duplicate-kommun", format!("kommun {} is listed twice", cols[0])).at(Loc { file, span }, ""));
                continue;
            }
            self.rules.kommuner.push(Kommun {
                code: cols[0].to_string(),
                name: cols[1].to_string(),
                lan: cols[2].to_string(),
                organisation: None,
                one_body: None,
            });
        }
        if self.rules.kommuner.is_empty() {
            self.diags.push(Diagnostic::error("empty-register", "the kommun register lists no kommuner"));
        }
        self.rules.kommuner.sort_by(|a, b| a.code.cmp(&b.code));
    }

    /// A region file (`file_name` is e.g. `19-vastmanland.toml`). Without a usable `[region]`
    /// table the rest of the file is not read.
    pub(super) fn read_region(&mut self, top: &mut Table<'_, '_>, file_name: &str) {
        let Some(lan) = self.region_table(top, file_name) else { return };
        self.kommun_tables(top, &lan);
        self.read_documents(top);
        let region_idx = self.rules.regions.len() - 1;
        for t in top.tables("rule", "rule") {
            self.read_rule(t, Some(region_idx));
        }
        for t in top.tables("note", "note") {
            self.read_note(t, Some(region_idx));
        }
    }

    /// The `[region]` table: adds the region and returns its länskod, or `None` if the table is
    /// missing, incomplete, or a second file for the same län.
    fn region_table(&mut self, top: &mut Table<'_, '_>, file_name: &str) -> Option<String> {
        let mut r = top.table_field("region", Some("a region file starts with `[region]`: `lan`, `name`, `confidence`, `summary`, `source`"))?;
        r.set_what("the [region] table");
        let lan = r.string("lan", Some("add the two-digit länskod, e.g. `lan = \"19\"`"));
        let name = r.string("name", Some("add the region's current name, e.g. `name = \"Region Västmanland\"`"));
        let confidence = self.confidence(&mut r, true);
        let summary = r.text("summary", Some("add `summary.sv` and `summary.en`: one paragraph on the region's arrangement"));
        let open_questions = open_questions(&mut r);
        let covered_from = r.date("covered_from", None);
        let before_coverage = r.text("before_coverage", None);
        if covered_from.is_some() != before_coverage.is_some() {
            r.error(
                Diagnostic::error("missing-field", "`covered_from` and `before_coverage` go together")
                    .at(r.loc.clone(), "")
                    .help("say from which date the region's rules answer (`covered_from`) and why earlier dates are not determined (`before_coverage.sv`/`.en`)"),
            );
        }
        let reviewed = r.date(
            "reviewed",
            Some("add the last day the region's rules were checked against their sources, e.g. `reviewed = 2026-12-01`; answers show it, and `ansvarskollen check` warns when it is over a year old"),
        );
        let kommun_is_region = r.bool("kommun_is_region").is_some_and(|b| b.0);
        let former_names = former_names(&mut r);
        let former_members = self.former_members(&mut r);
        let source = self.citations(&mut r, "the [region] table");
        r.finish();
        let (Some((lan, lan_loc)), Some((name, _)), Some(summary)) = (lan, name, summary) else {
            return None;
        };
        if !self.check_lan(&lan, &lan_loc, file_name) {
            return None;
        }
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
            // Relative to the rules folder, so the compiled rules do not depend on where they were built.
            file: format!("regions/{file_name}"),
            reviewed: reviewed.as_ref().map(|d| d.0),
        });
        self.map.reviewed.push(reviewed.map_or_else(|| lan_loc.clone(), |d| d.1));
        self.map.regions.push(lan_loc);
        Some(lan)
    }

    /// The region's länskod against the register and the other region files; false if this is a
    /// second file for the län (it is then not read further). Warns if the file name does not
    /// start with the länskod.
    fn check_lan(&mut self, lan: &str, lan_loc: &Loc, file_name: &str) -> bool {
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
            return false;
        }
        if !file_name.starts_with(&format!("{lan}-")) {
            self.diags.push(
                Diagnostic::warning("file-name", format!("the file for län {lan} should be named `{lan}-<name>.toml`"))
                    .at(lan_loc.clone(), "länskod")
                    .help("name region files after their länskod so they sort in the order of the register"),
            );
        }
        true
    }

    /// `former_members = [{ kommun = "0331", until = 2006-12-31 }]`: kommuner that belonged to
    /// this region earlier; each must be in the register.
    fn former_members(&mut self, r: &mut Table<'_, '_>) -> Vec<FormerMember> {
        let mut former_members = Vec::new();
        for mut m in r.tables("former_members", "former member") {
            let k = m.string("kommun", Some("the kommunkod of a kommun that belonged to this region earlier"));
            let until = m.date("until", Some("the last day the kommun belonged to this region"));
            m.finish();
            if let (Some((kommun, loc)), Some(until)) = (k, until) {
                if self.rules.kommun(&kommun).is_none() {
                    let what = "not in the kommun register";
                    r.error(Diagnostic::error("unknown-kommun", format!("kommun `{kommun}` in `former_members` is {what}")).at(loc, what));
                }
                former_members.push(FormerMember { kommun, until: until.0 });
            }
        }
        former_members
    }

    /// `[kommun.NNNN]` tables, for kommuner of this län only: the kommun's name as an
    /// organisation (`organisation = "Falu kommun"`), and one body in both roles
    /// (`one_body = { name = "…", from = 2006-01-01 }`, `to` optional). At least one of them.
    fn kommun_tables(&mut self, top: &mut Table<'_, '_>, lan: &str) {
        for (code, loc, mut k) in top.named_tables("kommun", "kommun") {
            let organisation = k.string("organisation", None).map(|o| o.0);
            let one_body = k.table_field("one_body", None).and_then(one_body);
            if organisation.is_none() && one_body.is_none() && !k.has("organisation") && !k.has("one_body") {
                k.error(
                    Diagnostic::error("missing-field", format!("kommun {code} has no `organisation` or `one_body`"))
                        .at(loc.clone(), "says nothing about the kommun")
                        .help("write the kommun's name as an organisation, e.g. `organisation = \"Falu kommun\"`, or one body in both roles, e.g. `one_body = { name = \"…\", from = 2006-01-01 }`"),
                );
            }
            match self.rules.kommuner.iter_mut().find(|x| x.code == code) {
                Some(x) if x.lan == lan => {
                    x.organisation = organisation.or(x.organisation.take());
                    x.one_body = one_body.or(x.one_body.take());
                }
                Some(_) => k.error(Diagnostic::error("foreign-kommun", format!("kommun {code} is not in län {lan}")).at(loc, "")),
                None => k.error(Diagnostic::error("unknown-kommun", format!("kommun {code} is not in the register")).at(loc, "")),
            }
            k.finish();
        }
    }
}

/// `one_body = { name = "…", from = 2006-01-01, to = … }`: one body in both roles for a kommun, on
/// these dates (both optional).
fn one_body(mut b: Table<'_, '_>) -> Option<OneBody> {
    let name = b.string("name", Some("the body's name, e.g. \"Kommunalförbundet Sjukvård och omsorg i Norrtälje (KSON)\""));
    let from = b.date("from", None);
    let to = b.date("to", None);
    if let (Some((f, _)), Some((t, tl))) = (&from, &to)
        && t < f
    {
        b.error(
            Diagnostic::error("bad-date-range", format!("{} ends before it starts", b.what))
                .at(tl.clone(), format!("`to` {t} is before `from` {f}"))
                .help("`to` is the last day the body carries both roles; it must be on or after `from`"),
        );
        b.finish();
        return None;
    }
    b.finish();
    Some(OneBody { name: name?.0, from: from.map(|f| f.0), to: to.map(|t| t.0) })
}

/// `open_questions = [{ sv = "…", en = "…" }]`: what is not known about the region.
fn open_questions(r: &mut Table<'_, '_>) -> Vec<Text> {
    let mut out = Vec::new();
    for mut q in r.tables("open_questions", "open question") {
        let sv = q.prose("sv", Some("write the question in Swedish"));
        let en = q.prose("en", Some("write the question in English"));
        q.finish();
        if let (Some(sv), Some(en)) = (sv, en) {
            out.push(Text { sv: sv.0, en: en.0 });
        }
    }
    out
}

/// `former_names = [{ name = "Landstinget Västmanland", until = 2016-12-31 }]`.
fn former_names(r: &mut Table<'_, '_>) -> Vec<FormerName> {
    let mut out = Vec::new();
    for mut n in r.tables("former_names", "former name") {
        let name = n.string("name", Some("the earlier name, e.g. \"Landstinget Västmanland\""));
        let until = n.date("until", Some("the last day the name was used"));
        n.finish();
        if let (Some(name), Some(until)) = (name, until) {
            out.push(FormerName { name: name.0, until: until.0 });
        }
    }
    out
}
