//! Invariants over random cases on the project's rules: never panics, deterministic, always cites
//! a source when it answers, and partial evaluation agrees with full evaluation.

mod common;

use ansvarskollen::engine::{Case, Date, Duration, Facts, Housing, Input, Lang, Need, Resolution, Vocab, decide, resolve};
use proptest::prelude::*;

fn full_case() -> impl Strategy<Value = Case> {
    let rules = &common::rules().rules;
    let n = rules.kommuner.len();
    let (from, to) = (Date::parse("1990-01-01").unwrap().to_days(), Date::parse("2030-12-31").unwrap().to_days());
    (0..n, from..=to, 0..Need::ALL.len(), 0..Housing::ALL.len(), 0u8..=130, any::<bool>(), 0..Duration::ALL.len()).prop_map(
        move |(k, d, need, housing, age, visit, dur)| {
            let facts = Facts {
                need: Need::ALL[need],
                housing: Housing::ALL[housing],
                age,
                can_visit_clinic: visit,
                duration: Duration::ALL[dur],
            };
            Case::complete(Date::from_days(d), &common::rules().rules.kommuner[k].code, facts)
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn every_complete_case_gets_a_cited_deterministic_answer(case in full_case(), en in any::<bool>()) {
        let rules = &common::rules().rules;
        let lang = if en { Lang::En } else { Lang::Sv };
        let a = decide(rules, &case, lang).expect("a complete case with a registered kommun decides");
        let b = decide(rules, &case, lang).unwrap();
        prop_assert_eq!(&a, &b);
        prop_assert!(!a.reasons.is_empty());
        prop_assert!(!a.next_step.is_empty());
        if a.determined {
            prop_assert!(a.organisation.is_some());
            let decider = a.deciding().expect("a determined answer has a deciding reason");
            prop_assert!(!decider.citations.is_empty(), "{} cites nothing on {}", decider.id, case.date);
            prop_assert!(decider.citations.iter().all(|c| c.url.is_some() || c.sfs.is_some()));
            prop_assert!(!decider.text.contains('{'), "unfilled placeholder in {}", decider.text);
        }
        // Inside the check window every case is answered by a rule or an explicit coverage limit.
        let w = rules.window;
        if w.from <= case.date && case.date <= w.to {
            prop_assert!(a.reasons.iter().all(|r| r.id != "gap"), "gap on {:?}", case);
        }
        prop_assert!(serde_json::from_str::<serde_json::Value>(&a.to_json()).is_ok());
    }

    #[test]
    fn partial_evaluation_agrees_with_full_evaluation(case in full_case(), mask in 0u8..32) {
        let rules = &common::rules().rules;
        let full = decide(rules, &case, Lang::Sv).unwrap();
        let inputs = [Input::Need, Input::Housing, Input::Age, Input::CanVisitClinic, Input::Duration];
        let mut partial = case.clone();
        for (bit, input) in inputs.iter().enumerate() {
            if mask & (1 << bit) != 0 {
                partial.clear(*input);
            }
        }
        match resolve(rules, &partial, Lang::Sv).unwrap() {
            Resolution::Answer(a) => {
                prop_assert_eq!(a.responsible, full.responsible);
                prop_assert_eq!(a.determined, full.determined);
            }
            Resolution::Ask(needed) => {
                prop_assert!(!needed.is_empty());
                prop_assert!(needed.iter().all(|i| !partial.is_known(*i)), "asks for a known input: {:?}", needed);
                // Answering the first question never makes a new input relevant.
                let mut next = partial.clone();
                let word = match needed[0] {
                    Input::Need => case.need.unwrap().as_str().to_string(),
                    Input::Housing => case.housing.unwrap().as_str().to_string(),
                    Input::Age => case.age.unwrap().to_string(),
                    Input::CanVisitClinic => case.can_visit_clinic.unwrap().to_string(),
                    Input::Duration => case.duration.unwrap().as_str().to_string(),
                    Input::Kommun => unreachable!("the kommun is known"),
                };
                next.set_word(needed[0], &word).unwrap();
                if let Resolution::Ask(after) = resolve(rules, &next, Lang::Sv).unwrap() {
                    prop_assert!(after.iter().all(|i| needed.contains(i)), "{:?} then {:?}", needed, after);
                }
            }
        }
    }
}

#[test]
fn without_a_kommun_the_kommun_is_asked_first() {
    let rules = &common::rules().rules;
    let case = Case::on(Date::parse("2024-05-02").unwrap());
    match resolve(rules, &case, Lang::Sv).unwrap() {
        Resolution::Ask(needed) => assert_eq!(needed[0], Input::Kommun),
        Resolution::Answer(_) => panic!("answered without a kommun"),
    }
}

#[test]
fn unknown_kommun_is_an_error_not_a_panic() {
    let rules = &common::rules().rules;
    let mut case = Case::on(Date::parse("2024-05-02").unwrap());
    case.kommun = Some("9999".into());
    let e = resolve(rules, &case, Lang::Sv).unwrap_err();
    assert!(e.message.contains("unknown kommun"));
}
