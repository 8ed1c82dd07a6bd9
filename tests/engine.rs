//! Facts the engine must get right on the project's rules: names on a date, regions on a date,
//! Gotland's one body, explanations and notes.

mod common;

use ansvarskollen::engine::answer::ReasonRole;
use ansvarskollen::engine::{Case, Date, Input, Lang, Resolution, Responsible, decide, resolve};

fn case(date: &str, kommun: &str, words: &[(Input, &str)]) -> Case {
    let mut c = Case::on(Date::parse(date).unwrap());
    c.kommun = Some(kommun.into());
    for (i, w) in words {
        c.set_word(*i, w).unwrap();
    }
    c
}

fn answer(c: &Case) -> ansvarskollen::engine::Answer {
    match resolve(&common::rules().rules, c, Lang::Sv).unwrap() {
        Resolution::Answer(a) => *a,
        Resolution::Ask(n) => panic!("not determined yet, needs {n:?}"),
    }
}

const HOME_NURSE_ADULT: [(Input, &str); 4] =
    [(Input::Need, "nursing"), (Input::Housing, "ordinary"), (Input::Age, "79"), (Input::CanVisitClinic, "false")];

#[test]
fn the_landsting_is_named_as_it_was_called_on_the_date() {
    let a = answer(&case("2011-05-02", "1980", &HOME_NURSE_ADULT));
    assert_eq!(a.organisation.unwrap().name, "Landstinget Västmanland");
    let a = answer(&case("2018-06-01", "0180", &HOME_NURSE_ADULT));
    assert_eq!(a.organisation.unwrap().name, "Stockholms läns landsting");
    let a = answer(&case("2019-01-01", "0180", &HOME_NURSE_ADULT));
    assert_eq!(a.organisation.unwrap().name, "Region Stockholm");
}

#[test]
fn heby_belonged_to_vastmanland_until_2007() {
    let a = answer(&case("2006-12-31", "0331", &HOME_NURSE_ADULT));
    assert_eq!(a.region.lan, "19");
    assert_eq!(a.region.name, "Landstinget Västmanland");
    let a = decide(&common::rules().rules, &case("2007-01-01", "0331", &[(Input::Need, "physician"), (Input::Housing, "ordinary"), (Input::Age, "79"), (Input::CanVisitClinic, "false"), (Input::Duration, "short")]), Lang::Sv).unwrap();
    assert_eq!(a.region.lan, "03");
}

#[test]
fn gotland_is_one_body_in_both_roles() {
    let a = answer(&case("2024-05-02", "0980", &[(Input::Need, "nursing"), (Input::Housing, "special")]));
    let org = a.organisation.unwrap();
    assert_eq!(org.role, Responsible::Kommun);
    assert_eq!(org.name, "Region Gotland");
    assert!(org.one_body);
    assert!(a.notes.iter().any(|n| n.id == "gotland.one-body" && n.text.contains("Region Gotland")));
    let a = answer(&case("2005-05-02", "0980", &[(Input::Need, "physician")]));
    assert_eq!(a.organisation.unwrap().name, "Gotlands kommun");
}

#[test]
fn the_cited_act_follows_the_date() {
    let before = answer(&case("2017-03-31", "2480", &[(Input::Need, "nursing"), (Input::Housing, "special")]));
    let after = answer(&case("2017-04-01", "2480", &[(Input::Need, "nursing"), (Input::Housing, "special")]));
    let titles = |a: &ansvarskollen::engine::Answer| a.deciding().unwrap().citations.iter().map(|c| c.title.clone()).collect::<Vec<_>>();
    assert!(titles(&before).iter().any(|t| t.contains("1982:763")));
    assert!(!titles(&before).iter().any(|t| t.contains("2017:30")));
    assert!(titles(&after).iter().any(|t| t.contains("2017:30")));
    let later = answer(&case("2025-07-01", "2480", &[(Input::Need, "nursing"), (Input::Housing, "special")]));
    assert!(titles(&later).iter().any(|t| t.contains("2025:446")));
}

#[test]
fn a_regional_rule_overrides_the_national_default_and_says_so() {
    let a = answer(&case("2010-05-02", "0180", &[(Input::Need, "nursing"), (Input::Housing, "lss")]));
    let roles: Vec<(String, ReasonRole)> = a.reasons.iter().map(|r| (r.id.clone(), r.role)).collect();
    assert_eq!(
        roles,
        vec![("default.lss".into(), ReasonRole::Overridden), ("stockholm.lss.landsting".into(), ReasonRole::Decides)]
    );
}

#[test]
fn when_several_rules_agree_the_answer_names_them_all() {
    // A ten-year-old in Västmanland: the region whether or not they can get to the vårdcentral.
    let a = answer(&case("2024-05-02", "1980", &[(Input::Need, "nursing"), (Input::Housing, "ordinary"), (Input::Age, "10")]));
    assert_eq!(a.rule.unwrap().id, "vastmanland.children");
    // Someone who can get to the vårdcentral, age unknown: the region either way, for two reasons.
    let a = answer(&case("2024-05-02", "1980", &[(Input::Need, "nursing"), (Input::Housing, "ordinary"), (Input::CanVisitClinic, "true")]));
    assert_eq!(a.responsible, Some(Responsible::Region));
    assert!(a.rule.is_none());
    let ids: Vec<&str> = a.reasons.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, vec!["vastmanland.children", "vastmanland.clinic"]);
}

#[test]
fn unverified_rules_carry_their_doubt() {
    // Kronoberg before 2018: the year the kommuner took over is not found.
    let a = answer(&case("2010-05-02", "0780", &[(Input::Need, "nursing"), (Input::Housing, "ordinary")]));
    assert!(!a.determined);
    assert!(a.doubt.is_some_and(|d| !d.is_empty()));
    assert_eq!(a.confidence, ansvarskollen::engine::Confidence::Unverified);
}

#[test]
fn english_answers_are_in_english() {
    let a = decide(&common::rules().rules, &case("2024-05-02", "1980", &[(Input::Need, "dental"), (Input::Housing, "special"), (Input::Age, "80"), (Input::CanVisitClinic, "false"), (Input::Duration, "long")]), Lang::En).unwrap();
    assert!(a.next_step.starts_with("Contact your dentist"), "{}", a.next_step);
    assert!(a.reasons[0].text.starts_with("Dental care"));
}
