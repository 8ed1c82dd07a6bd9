//! The answer's JSON is the integrators' contract (`ansvarskollen ask --json`, the wasm export
//! `answer_json`, the widget's `ansvarskollen:answer` event; documented in `src/engine/answer.rs`).
//! These snapshots pin the full JSON of a handful of answers on the project's rules — what
//! integrators actually see — one of each kind: determined and verified, not determined by a rule,
//! not covered, a partial case already determined, a partial case still needing inputs, and a
//! determined answer of each weaker confidence. The cases are historical or long-settled, so a
//! rule edit rarely touches them; when one does, the snapshot diff shows exactly what integrators
//! would see change. The rules' version (a hash of all rules) is redacted.
//!
//! The shapes issue 11 added — an answer that depends (with branches), a temporary stay, a
//! performer — are pinned on a tiny rule set (`common::tiny`) until the data phase encodes them
//! in the project's rules.

mod common;

use ansvarskollen::engine::answer::needed_json;
use ansvarskollen::engine::ruleset::RuleSet;
use ansvarskollen::engine::{Case, Date, Input, Lang, Need, Outcome, Resolution, Responsible, Standing, Stay, resolve};
use common::tiny::{RuleExt, Scoped, Tiny, rule};

/// A case from its date, kommun and words in the case vocabulary.
fn case(date: &str, kommun: &str, words: &[(Input, &str)]) -> Case {
    let mut c = Case::on(Date::parse(date).unwrap());
    c.kommun = Some(kommun.into());
    for (i, w) in words {
        c.set_word(*i, w).unwrap();
    }
    c
}

/// The JSON an integrator gets for the case (pretty, as `ask --json` prints it), version redacted.
fn json(c: &Case, lang: Lang) -> String {
    json_with(&common::rules().rules, c, lang)
}

fn json_with(rules: &RuleSet, c: &Case, lang: Lang) -> String {
    let text = match resolve(rules, c, lang).unwrap() {
        Resolution::Answer(a) => a.to_json_pretty(),
        Resolution::Ask(needed) => needed_json(c, &needed, true),
    };
    assert!(serde_json::from_str::<serde_json::Value>(&text).is_ok(), "not JSON: {text}");
    text.replace(&rules.version, "[rules_version]")
}

const FULL_80: [(Input, &str); 5] = [
    (Input::Need, "nursing"),
    (Input::Housing, "ordinary"),
    (Input::Age, "80"),
    (Input::CanVisitClinic, "false"),
    (Input::Duration, "long"),
];

#[test]
fn determined_and_verified() {
    // Västerås, an adult at home who cannot get to the vårdcentral: the kommun since 2012.
    insta::assert_snapshot!(json(&case("2024-05-02", "1980", &FULL_80), Lang::Sv));
}

#[test]
fn not_determined_by_a_rule() {
    // Kronoberg before 2018: the rules say on purpose that they do not know (unverified).
    insta::assert_snapshot!(json(&case("2010-05-02", "0780", &FULL_80), Lang::Sv));
}

#[test]
fn not_covered_before_the_regions_rules_begin() {
    // Skåne's rules begin in 1999 (Region Skåne was formed then).
    insta::assert_snapshot!(json(&case("1995-06-01", "1280", &FULL_80), Lang::Sv));
}

#[test]
fn partial_case_already_determined() {
    // Someone who can get to the vårdcentral, age and duration unknown: the region either way.
    let c = case("2024-05-02", "1980", &[(Input::Need, "nursing"), (Input::Housing, "ordinary"), (Input::CanVisitClinic, "true")]);
    insta::assert_snapshot!(json(&c, Lang::Sv));
}

#[test]
fn partial_case_still_needing_inputs() {
    // The "still needed" shape: the known inputs, determined null, the inputs in asking order.
    insta::assert_snapshot!(json(&case("2024-05-02", "1980", &[(Input::Need, "nursing")]), Lang::Sv));
}

#[test]
fn determined_with_confidence_partly_in_english() {
    // Kalmar län, a child at home: the kommun, but the age limit is not confirmed for the whole län.
    let c = case("2024-05-02", "0880", &[(Input::Need, "nursing"), (Input::Housing, "ordinary"), (Input::Age, "10"), (Input::CanVisitClinic, "false"), (Input::Duration, "long")]);
    insta::assert_snapshot!(json(&c, Lang::En));
}

#[test]
fn determined_but_unverified() {
    // Örebro from 2025: the kommun, from a source not yet confirmed. When a source confirms it,
    // this snapshot changes with it (confidence and doubt), as integrators would see.
    insta::assert_snapshot!(json(&case("2025-06-02", "1880", &FULL_80), Lang::Sv));
}

/// Örebro-like: the kommun has arbetsterapeuter, the region fysioterapeuter; a specialised team
/// of the region whose visits the kommun performs (Kinda-like); visitors by the outcome at home.
fn tiny() -> RuleSet {
    use Outcome::{Kommun, NotDetermined, Region};
    use Standing::{Agreement, Default};
    Tiny::new()
        .region("18", "Region Örebro län")
        .region("05", "Region Östergötland")
        .kommun("1880", "Örebro", "18")
        .kommun("0513", "Kinda", "05")
        .rule(rule("default", None, Default, Region).stay(&[Stay::Home]))
        .rule(rule("visiting", None, Default, NotDetermined).stay(Stay::VISITING).known(ansvarskollen::engine::Confidence::Unverified, "Reglerna för besökare är inte inlagda.").next("Fråga {home_kommun} först."))
        .rule(rule("orebro.ot", Some("18"), Agreement, Kommun).need(&[Need::OccupationalTherapy]).visit(false).stay(&[Stay::Home]))
        .rule(rule("kinda.asih", Some("05"), Agreement, Region).need(&[Need::SpecialisedHomeCare]).performed_by(Responsible::Kommun).stay(&[Stay::Home]))
        .build()
}

const AT_HOME: [(Input, &str); 4] = [(Input::Housing, "ordinary"), (Input::Age, "80"), (Input::CanVisitClinic, "false"), (Input::Duration, "long")];

#[test]
fn depends_the_rehabilitation_split() {
    // need = rehabilitation where arbetsterapi and fysioterapi differ: branches, not a guess.
    let c = case("2024-05-02", "1880", &[&[(Input::Need, "rehabilitation")], &AT_HOME[..]].concat());
    insta::assert_snapshot!(json_with(&tiny(), &c, Lang::Sv));
}

#[test]
fn depends_on_inputs_declared_unknown() {
    // "Vet inte" to the vårdcentral question and to the duration: only what matters branches.
    let c = case("2024-05-02", "1880", &[(Input::Need, "occupational_therapy"), (Input::Housing, "ordinary"), (Input::Age, "80"), (Input::CanVisitClinic, "unknown"), (Input::Duration, "unknown")]);
    insta::assert_snapshot!(json_with(&tiny(), &c, Lang::En));
}

#[test]
fn a_temporary_stay_in_another_region() {
    // An Örebro resident (the kommun at home) staying in Kinda, Östergötland.
    let mut c = case("2024-05-02", "1880", &[&[(Input::Need, "occupational_therapy")], &AT_HOME[..]].concat());
    c.staying_in = Some("0513".into());
    insta::assert_snapshot!(json_with(&tiny(), &c, Lang::Sv));
}

#[test]
fn a_performer_under_the_responsible_party() {
    // The region is responsible; the kommun's staff perform the care.
    let c = case("2024-05-02", "0513", &[&[(Input::Need, "specialised_home_care")], &AT_HOME[..]].concat());
    insta::assert_snapshot!(json_with(&tiny(), &c, Lang::Sv));
}
