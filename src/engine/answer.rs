//! The answer: who is responsible, what to do, and why — the contract of the CLI's `--json`, the
//! widget and the `ansvarskollen:answer` event. This module only shapes it; `eval/explain.rs` builds it.
//! (It is longer than most: the documented contract, the types it describes and the one writer of
//! it stay in one file, so that a change to the JSON is seen whole; branches live in `depends.rs`.)
//!
//! JSON shape (field by field; absent optional fields are `null`):
//!
//! ```text
//! {
//!   "case":        { "date": "2024-05-02", "kommun": "1980", "age": 79, "housing": "ordinary",
//!                    "can_visit_clinic": false, "need": "nursing" },   // known inputs only;
//!                  // also "aid", "staying_in" (a kommun code) when given, and "unknown" as the
//!                  // value of an input the person declared unknown ("housing": "unknown")
//!   "lang":        "sv" | "en",                 // language of every text below
//!   "determined":  true,                        // false: the rules deliberately do not answer,
//!                                               // or the answer depends (see depends_on)
//!   "responsible": "kommun" | "region" | null,
//!   "organisation": { "name": "Västerås kommun", "role": "kommun", "one_body": false } | null,
//!                  // one_body: one organisation in both roles (Region Gotland; KSON for
//!                  // Norrtälje on its dates), named the same in either role
//!   "performer":   { "role": "kommun", "name": "Kinda kommun" } | null,
//!                  // who performs the care for the responsible party ("med bibehållet
//!                  // huvudmannaskap", HSL 15 kap 1 §); null when the responsible party does
//!   "next_step":   "Ring Västerås kommun …",    // whom to contact (first), and how
//!   "contact": {   // whom to call: names always; numbers and links only where reviewed data
//!                  // (rules/contacts/) has them, each with the page it was read on — never a guess
//!     "first":  "kommun" | "region" | null,     // the party to contact first (null: not
//!                  // determined, or it depends: each branch has its own)
//!     "kommun": { "name": "Västerås kommun",
//!                 "phone":     { "number": "021-39 00 00", "tel": "+4621390000",
//!                                "source": "https://…", "date": "2024-01-19" | null } | null,
//!                 "website":   { "url": "https://www.vasteras.se/", "source": "https://…", "date": null } | null,
//!                 "care_page": { "url": "https://…", "source": "https://…", "date": null } | null },
//!                  // care_page: the kommun's page on hälso- och sjukvård / hemsjukvård
//!     "region": { "name": "Region Västmanland",
//!                 "page_1177": { "url": "https://www.1177.se/Vastmanland/", "source": "…", "date": null } | null,
//!                 "find_care": { "url": …, "source": …, "date": … } | null },  // 1177's "hitta vård"
//!     "reviewed": "2026-12-01" | null           // the day the contact data were read
//!   },             // on a temporary stay: the home kommun and region (whom to contact first)
//!   "confidence":  "verified" | "partly" | "unverified",
//!   "doubt":       "Uppgiften om … är inte bekräftad; …" | null,
//!   "rule":        { "id": "vastmanland.hemsjukvard", "standing": "agreement",
//!                    "valid_from": "2012-09-01", "valid_to": null, "confidence": "verified" } | null,
//!   "kommun":      { "code": "1980", "name": "Västerås", "organisation": "Västerås kommun" },
//!   "region":      { "lan": "19", "name": "Region Västmanland", "confidence": "verified" },
//!                  // kommun and region: where the answer applies — the kommun of a temporary
//!                  // stay when "stay" is not null
//!   "stay":        { "kommun": { "code": "1452", "name": "Tranemo", "organisation": "Tranemo kommun" },
//!                    "home":   { "code": "0180", "name": "Stockholm", "organisation": "Stockholms stad" },
//!                    "home_responsible": "kommun" | "region" | null } | null,
//!                  // a temporary stay (case.staying_in, another kommun): the answer is about
//!                  // care where the person stays; home_responsible is who would be responsible
//!                  // for the same case at home (null: not determined there, or it varies)
//!   "depends_on":  "need" | "aid" | "housing" | "age" | "can_visit_clinic" | "duration" | null,
//!                  // not null: the answer depends on this input (declared unknown, or the need
//!                  // "rehabilitation", which is arbetsterapi and fysioterapi); then
//!                  // determined is false, responsible, organisation, rule and doubt are null,
//!                  // and "branches" gives the answer for each of its values
//!   "branches": [  // empty unless depends_on; consecutive values that read alike are one branch
//!     { "when": { "need": ["occupational_therapy"] },   // the input's values: a list of words,
//!                  // or "can_visit_clinic": true | false, or "age": { "min": 18, "max": 130 }
//!       "responsible": "kommun" | "region" | null, "organisation": { … } | null,
//!       "performer": { … } | null, "confidence": "verified", "rule": "id" | null,
//!       "next_step": "…", "contact": { … }, "doubt": "…" | null,
//!       "depends_on": null, "branches": [] } ],   // a branch may depend in turn (nested)
//!   "reasons": [   // ordered: general first, the deciding reason last
//!     { "id": "…", "role": "overridden" | "agrees" | "conflicts" | "decides" | "not_covered"
//!                        | "outside_window" | "gap",     // outside_window: id "window", the date is
//!                        // outside the dates the rules are checked for; its text names them
//!       "responsible": "kommun" | "region" | "not_determined" | null,
//!       "standing": "law" | "local" | "agreement" | "default" | null,
//!       "confidence": "verified", "text": "…",
//!       "citations": [ { "title": "Hälso- och sjukvårdslag (2017:30)", "section": "12 kap 1 §",
//!                        "url": "https://…", "sfs": "2017:30", "publisher": "Riksdagen",
//!                        "date": "2025-12-15" } ] } ],
//!   "notes":       [ /* same shape as reasons, role "note" */ ],
//!   "rules_version": "3f2a…",                   // hash of the compiled rules (execution receipt)
//!   "rules_reviewed": "2026-12-01" | null       // the last day the region's rules were reviewed
//!                                               // against their sources (`reviewed` in its file)
//! }
//! ```
//!
//! A case that is not yet determined — some unknown input still changes the answer — has the
//! "still needed" shape instead, written by [`needed_json`] for `ansvarskollen ask --json` and the
//! wasm export `answer_json` alike:
//!
//! ```text
//! {
//!   "case":       { "date": "2024-05-02", "kommun": "1980", "need": "nursing" },  // known inputs only
//!   "determined": null,                         // neither true nor false: not decided yet
//!   "needed":     ["housing", "age", "can_visit_clinic"]   // inputs that still matter, asking order
//! }
//! ```

use super::case::{Case, UNKNOWN};
use super::contact::Contact;
pub use super::depends::{Branch, When};
use super::date::Date;
use super::json::Json;
use super::vocab::{Confidence, Input, Lang, Outcome, Responsible, Standing, Vocab};

#[derive(Clone, Debug, PartialEq, Eq)]
/// The answer to a case: who is responsible, what to do next, and why. Built by `eval::explain`; its JSON is the contract documented above.
pub struct Answer {
    /// The case as asked (its known inputs).
    pub case: Case,
    /// The language of every text in the answer.
    pub lang: Lang,
    /// Whether the rules answer the case; `false` when they deliberately do not (a reason says why).
    pub determined: bool,
    /// Who is responsible, when determined.
    pub responsible: Option<Responsible>,
    /// The responsible organisation, named as on the case's date, when determined.
    pub organisation: Option<Organisation>,
    /// Who performs the care for the responsible party, when the deciding rule says another
    /// party does (HSL 15 kap 1 §).
    pub performer: Option<Performer>,
    /// What the person should do next (whom to contact, and how).
    pub next_step: String,
    /// Whom to contact first, and how to reach the kommun and the region.
    pub contact: Contact,
    /// How well the answer is known: the weakest confidence of the deciding rules.
    pub confidence: Confidence,
    /// What is not known about the answer, for the reader; `None` when nothing is in doubt.
    pub doubt: Option<String>,
    /// The one rule that decides, when exactly one does.
    pub rule: Option<RuleRef>,
    /// The kommun of the case.
    pub kommun: KommunRef,
    /// The region the kommun belonged to on the case's date.
    pub region: RegionRef,
    /// On a temporary stay in another kommun: where, the home kommun, and who is responsible at
    /// home. `kommun` and `region` are then the stay's.
    pub stay: Option<StayRef>,
    /// The input the answer depends on (declared unknown, or the umbrella need), if it does.
    pub depends_on: Option<Input>,
    /// For an answer that depends: the answer for each value of `depends_on`.
    pub branches: Vec<Branch>,
    /// Why: the rules that apply, general first, the deciding reason last (or why nothing decides).
    pub reasons: Vec<Reason>,
    /// Extra explanation that applies to the case; notes never decide.
    pub notes: Vec<Reason>,
    /// The version (hash) of the compiled rules that answered: an execution receipt.
    pub rules_version: String,
    /// The last day the region's rules were reviewed against their sources.
    pub rules_reviewed: Option<Date>,
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
        self.write_organisation(j);
        self.write_performer(j);
        j.field_str("next_step", Some(&self.next_step));
        j.key("contact");
        self.contact.write_json(j);
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
        self.kommun.write_json(j);
        j.key("region");
        j.begin_object();
        j.field_str("lan", Some(&self.region.lan));
        j.field_str("name", Some(&self.region.name));
        j.field_str("confidence", Some(self.region.confidence.as_str()));
        j.end_object();
        j.key("stay");
        match &self.stay {
            None => j.null(),
            Some(s) => {
                j.begin_object();
                j.key("kommun");
                s.kommun.write_json(j);
                j.key("home");
                s.home.write_json(j);
                j.field_str("home_responsible", s.home_responsible.map(|r| r.as_str()));
                j.end_object();
            }
        }
        self.write_depends(j);
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
        j.field_str("rules_reviewed", self.rules_reviewed.map(|d| d.to_string()).as_deref());
        j.end_object();
    }

    fn write_organisation(&self, j: &mut Json) {
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
    }

    fn write_performer(&self, j: &mut Json) {
        j.key("performer");
        match &self.performer {
            None => j.null(),
            Some(p) => {
                j.begin_object();
                j.field_str("role", Some(p.role.as_str()));
                j.field_str("name", Some(&p.name));
                j.end_object();
            }
        }
    }

    fn write_depends(&self, j: &mut Json) {
        j.field_str("depends_on", self.depends_on.map(|i| i.as_str()));
        j.key("branches");
        j.begin_array();
        for b in &self.branches {
            j.element();
            j.begin_object();
            j.key("when");
            b.when.write_json(j);
            b.answer.write_branch_fields(j);
            j.end_object();
        }
        j.end_array();
    }

    /// What a branch shows of its answer (the documented branch shape, without `when`).
    fn write_branch_fields(&self, j: &mut Json) {
        j.field_str("responsible", self.responsible.map(|r| r.as_str()));
        self.write_organisation(j);
        self.write_performer(j);
        j.field_str("confidence", Some(self.confidence.as_str()));
        j.field_str("rule", self.rule.as_ref().map(|r| r.id.as_str()));
        j.field_str("next_step", Some(&self.next_step));
        j.key("contact");
        self.contact.write_json(j);
        j.field_str("doubt", self.doubt.as_deref());
        self.write_depends(j);
    }

    /// The answer as a branch shows it, as compact JSON: two branches that read alike merge.
    pub fn branch_json(&self) -> String {
        let mut j = Json::new(false);
        j.begin_object();
        self.write_branch_fields(&mut j);
        j.end_object();
        j.finish()
    }

    /// The reason that decides (the last one), if a rule decides.
    pub fn deciding(&self) -> Option<&Reason> {
        self.reasons.iter().find(|r| r.role == ReasonRole::Decides)
    }
}

/// The "still needed" JSON (the documented shape above): the case's known inputs, `determined`
/// null, and the inputs that still matter in asking order. Compact, or indented by two spaces.
pub fn needed_json(case: &Case, needed: &[Input], pretty: bool) -> String {
    let mut j = Json::new(pretty);
    j.begin_object();
    j.key("case");
    case.write_json(&mut j);
    j.key("determined");
    j.null();
    j.key("needed");
    j.begin_array();
    for i in needed {
        j.element();
        j.str(i.as_str());
    }
    j.end_array();
    j.end_object();
    j.finish()
}

impl Case {
    /// The case's known inputs as a JSON object, in the case vocabulary; an input declared
    /// unknown has the value `"unknown"`.
    pub fn write_json(&self, j: &mut Json) {
        j.begin_object();
        j.field_str("date", Some(&self.date.to_string()));
        if let Some(k) = &self.kommun {
            j.field_str("kommun", Some(k));
        }
        if let Some(s) = &self.staying_in {
            j.field_str("staying_in", Some(s));
        }
        for input in &Input::ALL[1..] {
            let word = match input {
                Input::Need => self.need.map(|v| v.as_str()),
                Input::Aid => self.aid.map(|v| v.as_str()),
                Input::Housing => self.housing.map(|v| v.as_str()),
                Input::Duration => self.duration.map(|v| v.as_str()),
                Input::Age => {
                    if let Some(a) = self.age {
                        j.key("age");
                        j.uint(u64::from(a));
                    }
                    None
                }
                Input::CanVisitClinic => {
                    if let Some(v) = self.can_visit_clinic {
                        j.key("can_visit_clinic");
                        j.bool(v);
                    }
                    None
                }
                Input::Kommun => None,
            };
            match word {
                Some(w) => j.field_str(input.as_str(), Some(w)),
                None if self.unknown.contains(*input) => j.field_str(input.as_str(), Some(UNKNOWN)),
                None => {}
            }
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

/// Who performs the care for the responsible party (HSL 15 kap 1 §), named as on the case's date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Performer {
    /// Which of the two huvudmän performs (never the responsible one).
    pub role: Responsible,
    /// Its name on the case's date ("Kinda kommun").
    pub name: String,
}

/// A temporary stay in another kommun: the answer is about care where the person stays.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StayRef {
    /// The kommun of the stay (the answer's `kommun`).
    pub kommun: KommunRef,
    /// The person's home kommun.
    pub home: KommunRef,
    /// Who would be responsible for the same case at home; `None` where the rules do not
    /// determine it there, or it differs between the completions of a partial case.
    pub home_responsible: Option<Responsible>,
}

/// The organisation that is responsible, named as on the case's date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Organisation {
    /// Its name on the case's date ("Landstinget Västmanland", "Köpings kommun").
    pub name: String,
    /// Which of the two huvudmän it is here.
    pub role: Responsible,
    /// One body carries both roles (Region Gotland).
    pub one_body: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
/// The rule that decides an answer.
pub struct RuleRef {
    /// The rule's id (`vastmanland.hemsjukvard`).
    pub id: String,
    /// How much weight the rule carries.
    pub standing: Standing,
    /// First day the rule applies.
    pub valid_from: Date,
    /// Last day the rule applies (inclusive); `None` while in force.
    pub valid_to: Option<Date>,
    /// How well the rule is known.
    pub confidence: Confidence,
}

impl KommunRef {
    fn write_json(&self, j: &mut Json) {
        j.begin_object();
        j.field_str("code", Some(&self.code));
        j.field_str("name", Some(&self.name));
        j.field_str("organisation", Some(&self.organisation));
        j.end_object();
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
/// The kommun of a case.
pub struct KommunRef {
    /// SCB kommunkod, four digits.
    pub code: String,
    /// The kommun's name ("Västerås").
    pub name: String,
    /// The kommun as an organisation ("Västerås kommun"; "Region Gotland" where one body is both).
    pub organisation: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
/// The region a case's kommun belonged to on the case's date.
pub struct RegionRef {
    /// Länskod, two digits.
    pub lan: String,
    /// The region's name on the case's date.
    pub name: String,
    /// How well the region's rules are known, overall.
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
    /// The date is outside the dates the rules are checked for (`window` in `national.toml`).
    OutsideWindow,
    /// No rule applies.
    Gap,
    /// Extra explanation.
    Note,
}

impl ReasonRole {
    /// The role's word in the answer's JSON (`"decides"`, `"note"`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            ReasonRole::Decides => "decides",
            ReasonRole::Overridden => "overridden",
            ReasonRole::Agrees => "agrees",
            ReasonRole::Conflicts => "conflicts",
            ReasonRole::NotCovered => "not_covered",
            ReasonRole::OutsideWindow => "outside_window",
            ReasonRole::Gap => "gap",
            ReasonRole::Note => "note",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
/// One reason of an answer (or a note): a rule's or note's text with its part and its sources.
pub struct Reason {
    /// Id of the rule or note (`"gap"` or `region.NN.coverage` where no rule decides).
    pub id: String,
    /// The part it plays in the answer.
    pub role: ReasonRole,
    /// What the rule concludes; `None` for notes and reasons that are not rules.
    pub responsible: Option<Outcome>,
    /// The rule's standing; `None` for notes and reasons that are not rules.
    pub standing: Option<Standing>,
    /// How well this reason is known.
    pub confidence: Confidence,
    /// The reason in plain words, in the answer's language.
    pub text: String,
    /// The sources in force on the case's date.
    pub citations: Vec<CitationOut>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
/// A cited source as the reader sees it: the document's title and links, the part cited.
pub struct CitationOut {
    /// The document's title.
    pub title: String,
    /// The section, paragraph or heading cited (`12 kap 1 §`).
    pub section: Option<String>,
    /// Where to read it.
    pub url: Option<String>,
    /// SFS number of a Swedish statute (`2017:30`).
    pub sfs: Option<String>,
    /// Who published it.
    pub publisher: Option<String>,
    /// The date the document carries.
    pub date: Option<Date>,
}
