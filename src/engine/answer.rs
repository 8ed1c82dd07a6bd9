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
use super::vocab::{Confidence, Lang, Outcome, Responsible, Standing};
use serde::Serialize;

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
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
        serde_json::to_string(self).unwrap_or_else(|_| "{}".into())
    }

    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".into())
    }

    /// The reason that decides (the last one), if a rule decides.
    pub fn deciding(&self) -> Option<&Reason> {
        self.reasons.iter().find(|r| r.role == ReasonRole::Decides)
    }
}

/// The organisation that is responsible, named as on the case's date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Organisation {
    pub name: String,
    pub role: Responsible,
    /// One body carries both roles (Region Gotland).
    pub one_body: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RuleRef {
    pub id: String,
    pub standing: Standing,
    pub valid_from: Date,
    pub valid_to: Option<Date>,
    pub confidence: Confidence,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct KommunRef {
    pub code: String,
    pub name: String,
    pub organisation: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RegionRef {
    pub lan: String,
    pub name: String,
    pub confidence: Confidence,
}

/// What part a reason plays in the answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
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

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Reason {
    pub id: String,
    pub role: ReasonRole,
    pub responsible: Option<Outcome>,
    pub standing: Option<Standing>,
    pub confidence: Confidence,
    pub text: String,
    pub citations: Vec<CitationOut>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CitationOut {
    pub title: String,
    pub section: Option<String>,
    pub url: Option<String>,
    pub sfs: Option<String>,
    pub publisher: Option<String>,
    pub date: Option<Date>,
}
