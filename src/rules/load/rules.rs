//! `[[rule]]` and `[[note]]` tables, and what they apply to: `valid_from`/`valid_to` and the
//! `when` conditions (need, aid, housing, duration, the vårdcentral question, age, stay, kommun
//! exceptions), and who performs the care (`performed_by`).
//!
//! Two readings of `when` belong to the format: `need = "rehabilitation"` stands for
//! `occupational_therapy` and `physiotherapy`; a rule or note without `when.stay` is about people
//! at home (`stay = "home"`), so what applies to visitors is always said explicitly.
//!
//! A rule's standing follows from where it is written: `law` or `default` in `national.toml` (it
//! says which), `agreement` in a region file, `local` for a region file's rule with `when.kommun`.

use super::{Dated, ID_HELP, Loader, valid_id};
use crate::engine::ruleset::{AGE_MAX, Applies, Conditions, Note, Rule};
use crate::engine::vocab::{Aid, Confidence, Duration, Housing, Need, Outcome, Responsible, Set, Standing, Stay};
use crate::rules::diag::Diagnostic;
use crate::rules::walk::Table;
use toml::de::DeValue;

impl Loader {
    /// One `[[rule]]`; `region` is the index of the file's region, `None` in `national.toml`.
    pub(super) fn read_rule(&mut self, mut t: Table<'_, '_>, region: Option<usize>) {
        let id = t.string("id", Some("give the rule an id, e.g. `id = \"vastmanland.hemsjukvard\"`"));
        if let Some((id, _)) = &id {
            t.set_what(format!("rule `{id}`"));
        }
        let owner = t.what.clone();
        let standing = standing(&mut t, region.is_none(), &owner);
        let responsible = responsible(&mut t);
        let performed_by = performed_by(&mut t, responsible, &owner);
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
        if let Some(&prev) = self.rule_ids.get(&id) {
            self.diags.push(
                Diagnostic::error("duplicate-id", format!("rule id `{id}` is used twice"))
                    .at(id_val_loc.clone(), "second")
                    .also(self.map.rules[prev].clone(), "first")
                    .help("every rule needs its own id: answers and scenarios refer to rules by id"),
            );
        }
        self.rule_ids.entry(id.clone()).or_insert(self.rules.rules.len());
        self.rules.rules.push(Rule { id, standing, applies, responsible, confidence, reason, doubt, next, performed_by, source });
        self.map.rules.push(id_val_loc);
    }

    /// One `[[note]]`: a text shown beside the answer where it applies; it decides nothing.
    pub(super) fn read_note(&mut self, mut t: Table<'_, '_>, region: Option<usize>) {
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
        if let Some(&prev) = self.note_ids.get(&id) {
            self.diags.push(Diagnostic::error("duplicate-id", format!("note id `{id}` is used twice")).at(loc.clone(), "second").also(self.map.notes[prev].clone(), "first"));
        }
        self.note_ids.entry(id.clone()).or_insert(self.rules.notes.len());
        self.rules.notes.push(Note { id, applies, text, source });
        self.map.notes.push(loc);
    }

    /// Where and when a rule or note applies: its dates and its `when` table. `rule_idx` is the
    /// index the rule will have, to check its kommun exceptions later (`None` for notes).
    fn applies(&mut self, t: &mut Table<'_, '_>, region: Option<usize>, rule_idx: Option<usize>) -> Option<Applies> {
        let valid_from = t.date("valid_from", Some("add the first day it applies, e.g. `valid_from = 2012-09-01`"));
        let valid_to = t.date("valid_to", None);
        if let (Some((f, _)), Some((to, tl))) = (&valid_from, &valid_to)
            && to < f
        {
            t.error(
                Diagnostic::error("bad-date-range", format!("{} ends before it starts", t.what))
                    .at(tl.clone(), format!("`valid_to` {to} is before `valid_from` {f}"))
                    .help("`valid_to` is the last day the rule applies; it must be on or after `valid_from`"),
            );
        }
        for (field, d) in [("valid_from", &valid_from), ("valid_to", &valid_to)] {
            if let Some((date, loc)) = d {
                self.dated.push(Dated { date: *date, loc: loc.clone(), what: format!("`{field}` of {}", t.what) });
            }
        }
        let (when, kommuner) = match t.table_field("when", None) {
            Some(w) => self.when(w, &t.what, region, rule_idx),
            None => (Conditions { stay: Set::of(&[Stay::Home]), ..Conditions::default() }, Vec::new()),
        };
        Some(Applies {
            region: region.map(|r| self.rules.regions[r].lan.clone()),
            kommuner,
            when,
            valid_from: valid_from?.0,
            valid_to: valid_to.map(|v| v.0),
        })
    }

    /// The `when` table of `owner`: its conditions, and the kommun codes of `when.kommun`.
    fn when(&mut self, mut w: Table<'_, '_>, owner: &str, region: Option<usize>, rule_idx: Option<usize>) -> (Conditions, Vec<String>) {
        w.set_what(format!("`when` of {owner}"));
        let mut when = Conditions { stay: Set::of(&[Stay::Home]), ..Conditions::default() };
        let mut need_loc = None;
        if let Some((s, loc)) = w.words::<Need>("need") {
            when.need = s.expand_umbrella();
            need_loc = Some((s, loc));
        }
        if let Some((s, loc)) = w.words::<Aid>("aid") {
            let only_aids = need_loc.as_ref().is_some_and(|(n, _)| *n == Set::of(&[Need::AssistiveDevices]));
            if only_aids {
                when.aid = s;
            } else if need_loc.is_some() || !w.has("need") {
                let mut d = Diagnostic::error("misplaced-field", format!("{owner} sets `when.aid`, but its `when.need` is not `assistive_devices` alone"))
                    .at(loc, "the kind of aid means something only for assistive devices")
                    .help("add `when.need = \"assistive_devices\"` (that need alone), or remove `when.aid`");
                if let Some((_, nl)) = need_loc {
                    d = d.also(nl, "the rule's needs");
                }
                w.error(d);
            }
        }
        if let Some((s, _)) = w.words_or_aliases::<Stay>("stay", &[("visiting", Stay::VISITING)]) {
            when.stay = s;
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
        if let Some(a) = w.table_field("age", None) {
            (when.age_min, when.age_max) = age(a, owner);
        }
        let mut kommuner = Vec::new();
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
                Some(_) => kommuner = self.when_kommun(&mut w, rule_idx),
            }
        }
        w.finish();
        (when, kommuner)
    }

    /// `when.kommun = "1980"` or a list of codes (a region file's kommun exception). Whether each
    /// code is a kommun of the region is checked once every file is read.
    fn when_kommun(&mut self, w: &mut Table<'_, '_>, rule_idx: Option<usize>) -> Vec<String> {
        let mut kommuner = Vec::new();
        let v = w.get("kommun");
        let items: Vec<_> = match v.map(|v| v.get_ref()) {
            Some(DeValue::String(_)) => v.into_iter().collect(),
            Some(DeValue::Array(a)) => a.iter().collect(),
            _ => Vec::new(),
        };
        for item in items {
            let loc = w.loc(item.span());
            match item.get_ref() {
                DeValue::String(s) => {
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
        kommuner
    }
}

/// A rule's standing: in `national.toml` its `standing` field (`law` or `default`); in a region
/// file always `agreement` (a `standing` field there is an error). `None` if it is missing or wrong.
fn standing(t: &mut Table<'_, '_>, national: bool, owner: &str) -> Option<Standing> {
    if national {
        let s = t.string("standing", Some("national rules say whether they bind everyone (`standing = \"law\"`) or are a default agreements may change (`standing = \"default\"`)"));
        return match s {
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
        };
    }
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

/// `responsible = "kommun"`, `"region"` or `"not_determined"`: exactly one word, required.
fn responsible(t: &mut Table<'_, '_>) -> Option<Outcome> {
    match t.words::<Outcome>("responsible") {
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
    }
}

/// `performed_by = "kommun"` or `"region"`: the other party performs the care for the responsible
/// one (HSL 15 kap 1 §). Never the responsible party itself, and only where one is responsible.
fn performed_by(t: &mut Table<'_, '_>, responsible: Option<Outcome>, owner: &str) -> Option<Responsible> {
    let (set, loc) = t.words::<Responsible>("performed_by")?;
    let mut it = set.iter();
    let (Some(p), None) = (it.next(), it.next()) else {
        t.error(Diagnostic::error("bad-value", "`performed_by` takes one value").at(loc, "give kommun or region"));
        return None;
    };
    match responsible {
        Some(r) if r.responsible() == Some(p) => {
            t.error(
                Diagnostic::error("bad-value", format!("{owner} is performed by the party responsible for it"))
                    .at(loc, format!("`responsible` is {p} too"))
                    .help("`performed_by` names the other party, who performs the care on the responsible party's behalf (HSL 15 kap 1 §); remove it where the responsible party performs the care itself"),
            );
            None
        }
        Some(Outcome::NotDetermined) => {
            t.error(
                Diagnostic::error("bad-value", format!("{owner} names who performs the care but not who is responsible"))
                    .at(loc, "`responsible` is not_determined")
                    .help("a performer is shown under the responsible party; remove `performed_by`, or say who is responsible"),
            );
            None
        }
        _ => Some(p),
    }
}

/// `when.age = { min = 18 }`, `{ max = 17 }` or both: the inclusive range (0 and `AGE_MAX` if open).
fn age(mut a: Table<'_, '_>, owner: &str) -> (u8, u8) {
    a.set_what(format!("`when.age` of {owner}"));
    let min = a.int("min", 0..=AGE_MAX as i64);
    let max = a.int("max", 0..=AGE_MAX as i64);
    if min.is_none() && max.is_none() && a.table.is_empty() {
        a.error(Diagnostic::error("empty-value", "`when.age` sets no limit").at(a.loc.clone(), "").help("write `age = { min = 18 }`, `age = { max = 17 }` or both"));
    }
    if let (Some((lo, _)), Some((hi, hl))) = (&min, &max)
        && hi < lo
    {
        a.error(Diagnostic::error("bad-value", "`when.age.max` is below `min`").at(hl.clone(), "no age is in this range"));
    }
    let range = (min.map_or(0, |m| m.0 as u8), max.map_or(AGE_MAX, |m| m.0 as u8));
    a.finish();
    range
}
