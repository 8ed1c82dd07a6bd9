//! The answer: who is responsible, what to do, and why — the contract of the CLI's `--json`, the
//! widget and the `ansvarskollen:answer` event. This module only shapes it; `eval.rs` builds it.
//!
//! JSON shape (field by field; absent optional fields are `null`):
//!
//! ```text
//! {
//!   "case":        { "date": "2024-05-02", "kommun": "1980", "age": 79, "housing": "ordinary",
//!                    "can_visit_clinic": false, "need": "nursing" },   // known inputs only
//!   "lang":        "sv" | "en",                 // language of every text below
//!   "determined":  true,                        // false: the rules deliberately do not answer
//!   "responsible": "kommun" | "region" | null,
//!   "organisation": { "name": "Västerås kommun", "role": "kommun", "one_body": false } | null,
//!   "next_step":   "Kontakta …",                // whom to contact
//!   "confidence":  "verified" | "partly" | "unverified",
//!   "doubt":       "Uppgiften om … är inte bekräftad; …" | null,
//!   "rule":        { "id": "vastmanland.hemsjukvard", "standing": "agreement",
//!                    "valid_from": "2012-09-01", "valid_to": null, "confidence": "verified" } | null,
//!   "kommun":      { "code": "1980", "name": "Västerås", "organisation": "Västerås kommun" },
//!   "region":      { "lan": "19", "name": "Region Västmanland", "confidence": "verified" },
//!   "reasons": [   // ordered: general first, the deciding reason last
//!     { "id": "…", "role": "overridden" | "agrees" | "conflicts" | "decides" | "not_covered" | "gap",
//!       "responsible": "kommun" | "region" | "not_determined" | null,
//!       "standing": "law" | "local" | "agreement" | "default" | null,
//!       "confidence": "verified", "text": "…",
//!       "citations": [ { "title": "Hälso- och sjukvårdslag (2017:30)", "section": "12 kap 1 §",
//!                        "url": "https://…", "sfs": "2017:30", "publisher": "Riksdagen",
//!                        "date": "2025-12-15" } ] } ],
//!   "notes":       [ /* same shape as reasons, role "note" */ ],
//!   "rules_version": "3f2a…"                    // hash of the compiled rules (execution receipt)
//! }
//! ```

use super::case::Case;
use super::date::Date;
use super::json::Json;
use super::vocab::{Confidence, Lang, Outcome, Responsible, Standing, Vocab};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    pub case: Case,
    pub lang: Lang,
    pub determined: bool,
    pub responsible: Option<Responsible>,
    pub organisation: Option<Organisation>,
    pub next_step: String,
    pub confidence: Confidence,
    pub doubt: Option<String>,
    pub rule: Option<RuleRef>,
    pub kommun: KommunRef,
    pub region: RegionRef,
    pub reasons: Vec<Reason>,
    pub notes: Vec<Reason>,
    pub rules_version: String,
}

impl Answer {
    /// The answer as JSON (the documented contract above).
    pub fn to_json(&self) -> String {
        let mut j = Json::new(false);
        self.write_json(&mut j);
        j.finish()
    }

    /// The same JSON, indented.
    pub fn to_json_pretty(&self) -> String {
        let mut j = Json::new(true);
        self.write_json(&mut j);
        j.finish()
    }

    fn write_json(&self, j: &mut Json) {
        j.begin_object();
        j.key("case");
        self.case.write_json(j);
        j.field_str("lang", Some(self.lang.as_str()));
        j.key("determined");
        j.bool(self.determined);
        j.field_str("responsible", self.responsible.map(|r| r.as_str()));
        j.key("organisation");
        match &self.organisation {
            None => j.null(),
            Some(o) => {
                j.begin_object();
                j.field_str("name", Some(&o.name));
                j.field_str("role", Some(o.role.as_str()));
                j.key("one_body");
                j.bool(o.one_body);
                j.end_object();
            }
        }
        j.field_str("next_step", Some(&self.next_step));
        j.field_str("confidence", Some(self.confidence.as_str()));
        j.field_str("doubt", self.doubt.as_deref());
        j.key("rule");
        match &self.rule {
            None => j.null(),
            Some(r) => {
                j.begin_object();
                j.field_str("id", Some(&r.id));
                j.field_str("standing", Some(r.standing.as_str()));
                j.field_str("valid_from", Some(&r.valid_from.to_string()));
                j.field_str("valid_to", r.valid_to.map(|d| d.to_string()).as_deref());
                j.field_str("confidence", Some(r.confidence.as_str()));
                j.end_object();
            }
        }
        j.key("kommun");
        j.begin_object();
        j.field_str("code", Some(&self.kommun.code));
        j.field_str("name", Some(&self.kommun.name));
        j.field_str("organisation", Some(&self.kommun.organisation));
        j.end_object();
        j.key("region");
        j.begin_object();
        j.field_str("lan", Some(&self.region.lan));
        j.field_str("name", Some(&self.region.name));
        j.field_str("confidence", Some(self.region.confidence.as_str()));
        j.end_object();
        for (key, list) in [("reasons", &self.reasons), ("notes", &self.notes)] {
            j.key(key);
            j.begin_array();
            for r in list {
                j.element();
                r.write_json(j);
            }
            j.end_array();
        }
        j.field_str("rules_version", Some(&self.rules_version));
        j.end_object();
    }

    /// The reason that decides (the last one), if a rule decides.
    pub fn deciding(&self) -> Option<&Reason> {
        self.reasons.iter().find(|r| r.role == ReasonRole::Decides)
    }
}

impl Case {
    /// The case's known inputs as a JSON object, in the case vocabulary.
    pub fn write_json(&self, j: &mut Json) {
        j.begin_object();
        j.field_str("date", Some(&self.date.to_string()));
        if let Some(k) = &self.kommun {
            j.field_str("kommun", Some(k));
        }
        if let Some(n) = self.need {
            j.field_str("need", Some(n.as_str()));
        }
        if let Some(h) = self.housing {
            j.field_str("housing", Some(h.as_str()));
        }
        if let Some(a) = self.age {
            j.key("age");
            j.uint(u64::from(a));
        }
        if let Some(v) = self.can_visit_clinic {
            j.key("can_visit_clinic");
            j.bool(v);
        }
        if let Some(d) = self.duration {
            j.field_str("duration", Some(d.as_str()));
        }
        j.end_object();
    }
}

impl Reason {
    fn write_json(&self, j: &mut Json) {
        j.begin_object();
        j.field_str("id", Some(&self.id));
        j.field_str("role", Some(self.role.as_str()));
        j.field_str("responsible", self.responsible.map(|r| r.as_str()));
        j.field_str("standing", self.standing.map(|s| s.as_str()));
        j.field_str("confidence", Some(self.confidence.as_str()));
        j.field_str("text", Some(&self.text));
        j.key("citations");
        j.begin_array();
        for c in &self.citations {
            j.element();
            j.begin_object();
            j.field_str("title", Some(&c.title));
            j.field_str("section", c.section.as_deref());
            j.field_str("url", c.url.as_deref());
            j.field_str("sfs", c.sfs.as_deref());
            j.field_str("publisher", c.publisher.as_deref());
            j.field_str("date", c.date.map(|d| d.to_string()).as_deref());
            j.end_object();
        }
        j.end_array();
        j.end_object();
    }
}

/// The organisation that is responsible, named as on the case's date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Organisation {
    pub name: String,
    pub role: Responsible,
    /// One body carries both roles (Region Gotland).
    pub one_body: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuleRef {
    pub id: String,
    pub standing: Standing,
    pub valid_from: Date,
    pub valid_to: Option<Date>,
    pub confidence: Confidence,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KommunRef {
    pub code: String,
    pub name: String,
    pub organisation: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegionRef {
    pub lan: String,
    pub name: String,
    pub confidence: Confidence,
}

/// What part a reason plays in the answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReasonRole {
    /// This rule decides the answer.
    Decides,
    /// Applies, but a rule of stronger standing decides.
    Overridden,
    /// Applies with equal standing and the same answer.
    Agrees,
    /// Applies with equal standing and another answer (the check reports this as an error).
    Conflicts,
    /// The date is before the region's rules begin.
    NotCovered,
    /// No rule applies.
    Gap,
    /// Extra explanation.
    Note,
}

impl ReasonRole {
    pub fn as_str(self) -> &'static str {
        match self {
            ReasonRole::Decides => "decides",
            ReasonRole::Overridden => "overridden",
            ReasonRole::Agrees => "agrees",
            ReasonRole::Conflicts => "conflicts",
            ReasonRole::NotCovered => "not_covered",
            ReasonRole::Gap => "gap",
            ReasonRole::Note => "note",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reason {
    pub id: String,
    pub role: ReasonRole,
    pub responsible: Option<Outcome>,
    pub standing: Option<Standing>,
    pub confidence: Confidence,
    pub text: String,
    pub citations: Vec<CitationOut>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CitationOut {
    pub title: String,
    pub section: Option<String>,
    pub url: Option<String>,
    pub sfs: Option<String>,
    pub publisher: Option<String>,
    pub date: Option<Date>,
}
