//! Tiny rule sets built in Rust, for tests of the engine's semantics that no rule edit can break.
//!
//! ```ignore
//! let rules = Tiny::new()
//!     .region("01", "Region Ett")
//!     .kommun("0101", "Alfa", "01")
//!     .rule(rule("default.nursing", None, Default, Kommun).need(&[Need::Nursing]))
//!     .rule(rule("ett.nursing", Some("01"), Agreement, Region).need(&[Need::Nursing]).from("2010-01-01"))
//!     .build();
//! ```
//!
//! Defaults: the check window is 2000-01-01 to 2030-12-31; rules and notes apply from 2000-01-01,
//! to every case (at home and visiting: unlike the TOML format, whose loader reads a missing
//! `when.stay` as `home`), verified, citing the document `law` (SFS 1:1); texts are Swedish with
//! an English version prefixed `EN: `; the contact texts name `{organisation}`.

use ansvarskollen::engine::ruleset::{
    AGE_MAX, Applies, Citation, Conditions, Contacts, Document, FormerMember, FormerName, Kommun, Note, OneBody, Region, Rule,
    RuleSet, Text, Window,
};
use ansvarskollen::engine::vocab::Set;
use ansvarskollen::engine::{Aid, Confidence, Date, Duration, Housing, Need, Outcome, Responsible, Standing, Stay};

/// A date from `YYYY-MM-DD`.
pub fn d(s: &str) -> Date {
    Date::parse(s).unwrap()
}

/// A text in Swedish, with the English `EN: ` + the Swedish.
pub fn text(sv: &str) -> Text {
    Text { sv: sv.into(), en: format!("EN: {sv}") }
}

/// A rule set under construction.
pub struct Tiny(pub RuleSet);

impl Tiny {
    /// No region, no kommun, no rule; one document, `law`.
    pub fn new() -> Tiny {
        Tiny(RuleSet {
            version: "tiny".into(),
            window: Window { from: d("2000-01-01"), to: d("2030-12-31") },
            contacts: Contacts {
                kommun: text("Kontakta {organisation} (kommunen)."),
                region: text("Kontakta {organisation} (regionen)."),
                not_determined: text("Fråga din kommun eller region."),
                ..Contacts::default()
            },
            directory: Vec::new(),
            documents: Vec::new(),
            regions: Vec::new(),
            kommuner: Vec::new(),
            rules: Vec::new(),
            notes: Vec::new(),
            partial: Vec::new(),
            part_digests: Vec::new(),
            english_digest: Vec::new(),
        })
        .document("law", "Lag (1:1)")
    }

    /// Adds a document with an SFS number.
    pub fn document(mut self, id: &str, title: &str) -> Tiny {
        self.0.documents.push(Document {
            id: id.into(),
            title: title.into(),
            url: None,
            sfs: Some("1:1".into()),
            publisher: None,
            date: None,
        });
        self
    }

    /// Adds a region with nothing special about it.
    pub fn region(self, lan: &str, name: &str) -> Tiny {
        self.region_with(lan, name, |_| {})
    }

    /// Adds a region and lets `f` set what is special about it.
    pub fn region_with(mut self, lan: &str, name: &str, f: impl FnOnce(&mut Region)) -> Tiny {
        let mut r = Region {
            lan: lan.into(),
            name: name.into(),
            former_names: Vec::new(),
            confidence: Confidence::Verified,
            summary: text(""),
            open_questions: Vec::new(),
            covered_from: None,
            before_coverage: None,
            kommun_is_region: false,
            former_members: Vec::new(),
            source: vec![cite("law")],
            file: format!("regions/{lan}.toml"),
            reviewed: Some(d("2026-12-01")),
        };
        f(&mut r);
        self.0.regions.push(r);
        self
    }

    /// Changes a region already added.
    pub fn change_region(mut self, lan: &str, f: impl FnOnce(&mut Region)) -> Tiny {
        f(self.0.regions.iter_mut().find(|r| r.lan == lan).expect("the region is added first"));
        self
    }

    /// Adds a kommun to the register.
    pub fn kommun(mut self, code: &str, name: &str, lan: &str) -> Tiny {
        self.0.kommuner.push(Kommun { code: code.into(), name: name.into(), lan: lan.into(), organisation: None, one_body: None });
        self
    }

    /// One body carries both roles for a kommun already added, from `from` to `to` (inclusive).
    pub fn one_body(mut self, code: &str, name: &str, from: Option<&str>, to: Option<&str>) -> Tiny {
        let k = self.0.kommuner.iter_mut().find(|k| k.code == code).expect("the kommun is added first");
        k.one_body = Some(OneBody { name: name.into(), from: from.map(d), to: to.map(d) });
        self
    }

    /// Adds a rule, after the others (file order).
    pub fn rule(mut self, r: Rule) -> Tiny {
        self.0.rules.push(r);
        self
    }

    /// Adds a note, after the others.
    pub fn note(mut self, n: Note) -> Tiny {
        self.0.notes.push(n);
        self
    }

    /// The rule set, with the register and the documents sorted as the engine expects.
    pub fn build(mut self) -> RuleSet {
        self.0.kommuner.sort_by(|a, b| a.code.cmp(&b.code));
        self.0.documents.sort_by(|a, b| a.id.cmp(&b.id));
        self.0.regions.sort_by(|a, b| a.lan.cmp(&b.lan));
        self.0
    }
}

impl Default for Tiny {
    fn default() -> Self {
        Tiny::new()
    }
}

/// A citation of a whole document, on every day.
pub fn cite(doc: &str) -> Citation {
    Citation { doc: doc.into(), section: Some("1 §".into()), from: None, to: None }
}

fn applies(region: Option<&str>) -> Applies {
    Applies { region: region.map(String::from), kommuner: Vec::new(), when: Conditions::default(), valid_from: d("2000-01-01"), valid_to: None }
}

/// A rule for every case from 2000-01-01, national when `region` is `None`; its reason is
/// "Regel ID." and it cites `law`.
pub fn rule(id: &str, region: Option<&str>, standing: Standing, responsible: Outcome) -> Rule {
    Rule {
        id: id.into(),
        standing,
        applies: applies(region),
        responsible,
        confidence: Confidence::Verified,
        reason: text(&format!("Regel {id}.")),
        doubt: None,
        next: None,
        performed_by: None,
        source: vec![cite("law")],
    }
}

/// A note for every case from 2000-01-01.
pub fn note(id: &str, region: Option<&str>, words: &str) -> Note {
    Note { id: id.into(), applies: applies(region), text: text(words), source: vec![cite("law")] }
}

/// A former name of a region, used until `until`.
pub fn former_name(name: &str, until: &str) -> FormerName {
    FormerName { name: name.into(), until: d(until) }
}

/// A kommun that belonged to a region until `until`.
pub fn former_member(kommun: &str, until: &str) -> FormerMember {
    FormerMember { kommun: kommun.into(), until: d(until) }
}

/// Something with a scope and conditions: a rule or a note.
pub trait Scoped: Sized {
    /// Where, when and to which cases it applies.
    fn applies_mut(&mut self) -> &mut Applies;

    /// Only for these needs (`rehabilitation` stands for its two needs, as in rule files).
    fn need(mut self, v: &[Need]) -> Self {
        self.applies_mut().when.need = Set::of(v).expand_umbrella();
        self
    }
    /// Only for these kinds of aid (with `need(&[AssistiveDevices])`, as the loader requires).
    fn aid(mut self, v: &[Aid]) -> Self {
        self.applies_mut().when.aid = Set::of(v);
        self
    }
    /// Only for these stays.
    fn stay(mut self, v: &[Stay]) -> Self {
        self.applies_mut().when.stay = Set::of(v);
        self
    }
    /// Only for these kinds of housing.
    fn housing(mut self, v: &[Housing]) -> Self {
        self.applies_mut().when.housing = Set::of(v);
        self
    }
    /// Only for these durations.
    fn duration(mut self, v: &[Duration]) -> Self {
        self.applies_mut().when.duration = Set::of(v);
        self
    }
    /// Only for ages `min..=max` (`None` for no upper limit).
    fn age(mut self, min: u8, max: Option<u8>) -> Self {
        self.applies_mut().when.age_min = min;
        self.applies_mut().when.age_max = max.unwrap_or(AGE_MAX);
        self
    }
    /// Only for those who can (or cannot) get to the vårdcentral.
    fn visit(mut self, can: bool) -> Self {
        self.applies_mut().when.can_visit_clinic = Some(can);
        self
    }
    /// From this day.
    fn from(mut self, date: &str) -> Self {
        self.applies_mut().valid_from = d(date);
        self
    }
    /// Until this day, inclusive.
    fn to(mut self, date: &str) -> Self {
        self.applies_mut().valid_to = Some(d(date));
        self
    }
    /// Only in these kommuner (a kommun exception).
    fn kommuner(mut self, codes: &[&str]) -> Self {
        self.applies_mut().kommuner = codes.iter().map(|c| c.to_string()).collect();
        self
    }
}

impl Scoped for Rule {
    fn applies_mut(&mut self) -> &mut Applies {
        &mut self.applies
    }
}

impl Scoped for Note {
    fn applies_mut(&mut self) -> &mut Applies {
        &mut self.applies
    }
}

/// What only a rule has.
pub trait RuleExt {
    /// Known this well, with this doubt.
    fn known(self, confidence: Confidence, doubt: &str) -> Self;
    /// This reason text (Swedish; English is `EN: ` + it).
    fn reason(self, sv: &str) -> Self;
    /// This next step.
    fn next(self, sv: &str) -> Self;
    /// These citations instead of `law`.
    fn cites(self, c: Vec<Citation>) -> Self;
    /// Performed by the other party.
    fn performed_by(self, p: Responsible) -> Self;
}

impl RuleExt for Rule {
    fn known(mut self, confidence: Confidence, doubt: &str) -> Self {
        self.confidence = confidence;
        self.doubt = Some(text(doubt));
        self
    }
    fn reason(mut self, sv: &str) -> Self {
        self.reason = text(sv);
        self
    }
    fn next(mut self, sv: &str) -> Self {
        self.next = Some(text(sv));
        self
    }
    fn cites(mut self, c: Vec<Citation>) -> Self {
        self.source = c;
        self
    }
    fn performed_by(mut self, p: Responsible) -> Self {
        self.performed_by = Some(p);
        self
    }
}
