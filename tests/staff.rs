//! The engine behind the staff views and the maintainers' reports (`engine::staff`): the matrix
//! view, compare, the timeline, the diff between two dates and one rule explained. Semantics on
//! tiny rule sets built here (`common::tiny`); then, where it is about the data, the project's
//! rules: every part of every cell is reproduced by its own case, Heby's move, Västmanland's
//! 2012 agreement, Örebro's doubt and its 2025 agreement.

mod common;

use ansvarskollen::engine::staff::{self, Scope, compare, diff, explain_rule, matrix_view, timeline};
use ansvarskollen::engine::ruleset::{AGE_MAX, RuleSet};
use ansvarskollen::engine::{Aid, Case, Confidence, Date, Duration, Housing, Input, Lang, Need, Outcome, Resolution, Responsible, Vocab, resolve};
use common::tiny::{RuleExt, Scoped, Tiny, d, former_member, former_name, rule};
use Outcome::{Kommun, Region};
use ansvarskollen::engine::Standing::{Agreement, Default, Law, Local};

/// Alfa and Beta in region 01, Gamma in region 02. National law: physicians are the region's;
/// by default everything else is the kommun's.
fn base() -> Tiny {
    Tiny::new()
        .region("01", "Region Ett")
        .region("02", "Region Två")
        .kommun("0101", "Alfa", "01")
        .kommun("0102", "Beta", "01")
        .kommun("0201", "Gamma", "02")
        .rule(rule("law.physician", None, Law, Region).need(&[Need::Physician]))
        .rule(rule("default.kommun", None, Default, Kommun))
}

/// Region 01: the region for those who can reach the vårdcentral and for children, partly known.
fn ett() -> RuleSet {
    base()
        .rule(rule("ett.clinic", Some("01"), Agreement, Region).visit(true))
        .rule(
            rule("ett.children", Some("01"), Agreement, Region)
                .visit(false)
                .age(0, Some(17))
                .known(Confidence::Partly, "Åldersgränsen är inte bekräftad.")
                .performed_by(Responsible::Kommun),
        )
        .build()
}

/// The answer of a case, resolved as the widget would (it must not ask).
fn answer_of(rules: &RuleSet, case: &Case) -> ansvarskollen::engine::Answer {
    match resolve(rules, case, Lang::Sv).unwrap() {
        Resolution::Answer(a) => *a,
        Resolution::Ask(inputs) => panic!("{} still needs {inputs:?}", staff::params(case)),
    }
}

/// Every part of every cell of a view: its case resolves to its party, confidence and rules.
fn every_part_is_reproduced(rules: &RuleSet, v: &staff::MatrixView) -> usize {
    let mut n = 0;
    for row in &v.rows {
        for cell in &row.cells {
            for p in &cell.parts {
                let a = answer_of(rules, &p.case);
                let link = staff::params(&p.case);
                assert_eq!(a.depends_on, None, "{link}");
                assert_eq!(a.responsible.map(|r| r.as_str()), p.outcome.responsible().map(|r| r.as_str()), "{link}");
                assert_eq!(a.confidence, p.confidence, "{link}");
                assert_eq!(a.organisation.map(|o| o.name), p.organisation, "{link}");
                if p.rules.len() == 1 {
                    assert_eq!(a.rule.map(|r| r.id).as_deref(), Some(p.rules[0].as_str()), "{link}");
                }
                n += 1;
            }
        }
    }
    n
}

#[test]
fn the_matrix_view_has_every_need_housing_and_visit_with_its_parts() {
    let rules = ett();
    let v = matrix_view(&rules, "0101", d("2024-05-02"), Lang::Sv).unwrap();
    // Every need once (the umbrella's two needs agree: one row), every housing twice.
    let needs: Vec<Need> = v.rows.iter().map(|r| r.need).collect();
    assert_eq!(
        needs,
        vec![Need::Nursing, Need::Rehabilitation, Need::AssistiveDevices, Need::Physician, Need::PalliativeCare, Need::SpecialisedHomeCare, Need::Dental]
    );
    assert!(v.rows.iter().all(|r| r.cells.len() == Housing::ALL.len() * 2));
    assert_eq!(v.splits, vec![Input::Age, Input::CanVisitClinic]);
    assert_eq!((v.kommun.organisation.as_str(), v.region.name.as_str()), ("Alfa kommun", "Region Ett"));
    assert_eq!(v.rules_version, "tiny");

    let cell = v.cell(Need::Nursing, None, Housing::Ordinary, false).unwrap();
    assert_eq!(cell.parts.len(), 2, "split by age");
    let (child, adult) = (&cell.parts[0], &cell.parts[1]);
    assert_eq!((child.age, child.outcome, child.confidence), (Some((0, 17)), Region, Confidence::Partly));
    assert_eq!(child.doubt.as_deref(), Some("Åldersgränsen är inte bekräftad."));
    assert_eq!(child.rules, vec!["ett.children"]);
    assert_eq!(child.organisation.as_deref(), Some("Region Ett"));
    assert_eq!(child.performer.as_ref().map(|p| p.name.as_str()), Some("Alfa kommun"));
    assert_eq!((adult.age, adult.outcome, adult.confidence, adult.doubt.as_deref()), (Some((18, AGE_MAX)), Kommun, Confidence::Verified, None));
    // The cases link to the cell's full explanation: an age in the band (a child: 17, not 0).
    assert_eq!(staff::params(&child.case), "kommun=0101&need=nursing&housing=ordinary&age=17&can_visit_clinic=false&date=2024-05-02");
    assert_eq!(staff::params(&adult.case), "kommun=0101&need=nursing&housing=ordinary&age=18&can_visit_clinic=false&date=2024-05-02");
    assert_eq!(cell.part_at(5, Duration::Long), Some(child));
    let can = v.cell(Need::Nursing, None, Housing::Ordinary, true).unwrap();
    assert_eq!((can.parts.len(), can.parts[0].age, can.parts[0].rules.as_slice()), (1, None, &["ett.clinic".to_string()][..]));
    assert_eq!(staff::params(&can.parts[0].case), "kommun=0101&need=nursing&housing=ordinary&can_visit_clinic=true&date=2024-05-02");
    // The sources of the deciders, once each.
    assert_eq!(v.sources.len(), 1, "{:?}", v.sources);
    assert!(every_part_is_reproduced(&rules, &v) > 7 * 12);
}

#[test]
fn the_umbrella_splits_and_assistive_devices_split_by_kind_only_where_the_rules_do() {
    let rules = base()
        .rule(rule("ett.physio", Some("01"), Agreement, Region).need(&[Need::Physiotherapy]).housing(&[Housing::Ordinary]))
        .rule(rule("ett.sensory", Some("01"), Agreement, Region).need(&[Need::AssistiveDevices]).aid(&[Aid::Sensory]).duration(&[Duration::Short]))
        .build();
    let v = matrix_view(&rules, "0101", d("2024-05-02"), Lang::Sv).unwrap();
    let rows: Vec<(Need, Option<Aid>)> = v.rows.iter().map(|r| (r.need, r.aid)).collect();
    assert_eq!(&rows[..7], &[
        (Need::Nursing, None),
        (Need::OccupationalTherapy, None),
        (Need::Physiotherapy, None),
        (Need::AssistiveDevices, Some(Aid::Everyday)),
        (Need::AssistiveDevices, Some(Aid::Sensory)),
        (Need::AssistiveDevices, Some(Aid::Orthopaedic)),
        (Need::AssistiveDevices, Some(Aid::Incontinence)),
    ]);
    assert_eq!(v.splits, vec![Input::Need, Input::Aid, Input::Duration]);
    let sensory = v.cell(Need::AssistiveDevices, Some(Aid::Sensory), Housing::Special, true).unwrap();
    let parts: Vec<(Option<Duration>, Outcome)> = sensory.parts.iter().map(|p| (p.duration, p.outcome)).collect();
    assert_eq!(parts, vec![(Some(Duration::Short), Region), (Some(Duration::Long), Kommun)]);
    assert_eq!(staff::params(&sensory.parts[0].case), "kommun=0101&need=assistive_devices&aid=sensory&housing=special&can_visit_clinic=true&duration=short&date=2024-05-02");
    assert_eq!(v.cell(Need::Physiotherapy, None, Housing::Ordinary, true).unwrap().parts[0].outcome, Region);
    assert_eq!(v.cell(Need::OccupationalTherapy, None, Housing::Ordinary, true).unwrap().parts[0].outcome, Kommun);
    // Gamma (region 02) has none of it: one rehabilitation row, one assistive devices row.
    let g = matrix_view(&rules, "0201", d("2024-05-02"), Lang::Sv).unwrap();
    assert!(g.rows.iter().any(|r| r.need == Need::Rehabilitation) && !g.split_by_aid());
    assert!(g.splits.is_empty(), "{:?}", g.splits);
    every_part_is_reproduced(&rules, &v);
    every_part_is_reproduced(&rules, &g);
}

#[test]
fn a_matrix_of_an_unknown_kommun_is_an_error_that_says_what_to_give() {
    let e = matrix_view(&ett(), "9999", d("2024-05-02"), Lang::Sv).unwrap_err();
    assert!(e.message.contains("four-digit SCB kommunkod"), "{e}");
}

#[test]
fn compare_lists_the_differences_merged_where_they_read_alike() {
    let rules = base()
        .rule(rule("ett.clinic", Some("01"), Agreement, Region).visit(true))
        .rule(rule("ett.devices", Some("01"), Agreement, Region).need(&[Need::AssistiveDevices]).housing(&[Housing::Ordinary]))
        .rule(rule("ett.rehab", Some("01"), Agreement, Region).need(&[Need::Rehabilitation]).housing(&[Housing::Sheltered]).age(0, Some(17)))
        .build();
    let a = matrix_view(&rules, "0101", d("2024-05-02"), Lang::Sv).unwrap();
    let b = matrix_view(&rules, "0201", d("2024-05-02"), Lang::Sv).unwrap();
    let diffs = compare(&a, &b);
    let read: Vec<String> = diffs
        .iter()
        .map(|x| format!("{} {:?} {} {:?} {:?}: {} → {}", x.need, x.aid, x.housing, x.can_visit_clinic, x.age, x.before.outcome, x.after.outcome))
        .collect();
    // Hjälpmedel, eget boende: regionen → kommunen, whatever the vårdcentral answer and the kind.
    assert!(read.contains(&"assistive_devices None ordinary None None: region → kommun".to_string()), "{read:#?}");
    // Both needs of the umbrella differ alike: one line, for the ages that differ.
    assert!(read.contains(&"rehabilitation None sheltered Some(false) Some((0, 17)): region → kommun".to_string()), "{read:#?}");
    assert!(diffs.iter().all(|x| x.party_changes()));
    assert!(compare(&a, &a).is_empty());
    // One kommun on two dates: the same machinery.
    let later = base().rule(rule("ett.devices", Some("01"), Agreement, Region).need(&[Need::AssistiveDevices]).from("2025-01-01")).build();
    let x = matrix_view(&later, "0101", d("2024-12-31"), Lang::Sv).unwrap();
    let y = matrix_view(&later, "0101", d("2025-01-01"), Lang::Sv).unwrap();
    let diffs = compare(&x, &y);
    assert_eq!(diffs.len(), Housing::ALL.len(), "one line per housing: {diffs:#?}");
    assert!(diffs.iter().all(|x| x.need == Need::AssistiveDevices && x.can_visit_clinic.is_none() && x.before.rules == ["default.kommun"]));
}

#[test]
fn compare_tells_a_change_of_confidence_from_a_change_of_party() {
    let rules = base().rule(rule("ett.devices", Some("01"), Agreement, Kommun).need(&[Need::AssistiveDevices]).known(Confidence::Partly, "Osäkert.")).build();
    let a = matrix_view(&rules, "0101", d("2024-05-02"), Lang::Sv).unwrap();
    let b = matrix_view(&rules, "0201", d("2024-05-02"), Lang::Sv).unwrap();
    let diffs = compare(&a, &b);
    assert_eq!(diffs.len(), Housing::ALL.len());
    assert!(diffs.iter().all(|x| !x.party_changes() && x.before.confidence == Confidence::Partly && x.after.confidence == Confidence::Verified));
}

#[test]
fn the_timeline_has_the_periods_a_reader_can_tell_apart() {
    let rules = base()
        .change_region("01", |r| r.former_names = vec![former_name("Landstinget Ett", "2018-12-31")])
        .change_region("02", |r| r.former_members = vec![former_member("0101", "2009-12-31")])
        .rule(rule("ett.hemsjukvard", Some("01"), Agreement, Region).need(&[Need::Nursing]).to("2014-12-31"))
        // A new source from 2012 changes no answer and no rule: no new period.
        .rule(rule("ett.dental", Some("01"), Agreement, Region).need(&[Need::Dental]).cites(vec![
            ansvarskollen::engine::ruleset::Citation { doc: "law".into(), section: Some("1 §".into()), from: None, to: Some(d("2011-12-31")) },
            ansvarskollen::engine::ruleset::Citation { doc: "law".into(), section: Some("2 §".into()), from: Some(d("2012-01-01")), to: None },
        ]))
        .build();
    let t = timeline(&rules, "0101", Lang::Sv).unwrap();
    let seen: Vec<(String, String, &str, &str, Outcome)> =
        t.periods.iter().map(|p| (p.from.to_string(), p.to.to_string(), p.region.lan.as_str(), p.region.name.as_str(), p.key.outcome)).collect();
    assert_eq!(
        seen,
        vec![
            ("2000-01-01".into(), "2009-12-31".into(), "02", "Region Två", Kommun),
            ("2010-01-01".into(), "2014-12-31".into(), "01", "Landstinget Ett", Region),
            ("2015-01-01".into(), "2018-12-31".into(), "01", "Landstinget Ett", Kommun),
            ("2019-01-01".into(), "2030-12-31".into(), "01", "Region Ett", Kommun),
        ]
    );
    let p = &t.periods[1];
    assert_eq!(p.entered, vec!["ett.hemsjukvard", "ett.dental"]);
    assert_eq!(p.key.rules, vec!["ett.hemsjukvard"]);
    assert_eq!(p.key.organisation.as_deref(), Some("Landstinget Ett"));
    let dental = p.rules.iter().find(|r| r.id == "ett.dental").unwrap();
    let sections: Vec<&str> = dental.sources.iter().map(|s| s.0.section.as_deref().unwrap_or("")).collect();
    assert_eq!(sections, vec!["1 §", "2 §"], "both sources of the period, each with its dates");
    assert_eq!(t.periods[2].left, vec!["ett.hemsjukvard"]);
    assert!(timeline(&rules, "9999", Lang::Sv).is_err());
}

#[test]
fn diff_lists_every_answer_that_changes_between_two_dates() {
    let rules = base()
        .rule(rule("ett.old", Some("01"), Agreement, Region).need(&[Need::Nursing]).to("2024-12-31"))
        .rule(rule("ett.new", Some("01"), Agreement, Region).need(&[Need::Nursing]).from("2025-01-01").age(0, Some(17)))
        .rule(rule("alfa.devices", Some("01"), Local, Region).need(&[Need::AssistiveDevices]).kommuner(&["0101"]).from("2025-01-01"))
        .build();
    let (from, to) = (d("2024-12-31"), d("2025-01-01"));
    let all = diff(&rules, from, to, &Scope::All).unwrap();
    let read: Vec<String> =
        all.iter().map(|c| format!("{:?} {} | {} {} → {} {}", c.kommuner, c.cases, c.before.outcome, c.before.by, c.after.outcome, c.after.by)).collect();
    assert_eq!(
        read,
        vec![
            "[\"0101\", \"0102\"] need = nursing, any housing, age 18+, any can_visit_clinic, any duration, any stay | region ett.old → kommun default.kommun",
            "[\"0101\"] need = assistive_devices, any housing, any age, any can_visit_clinic, any duration, any stay | kommun default.kommun → region alfa.devices",
            "[\"0101\", \"0102\"] need = nursing, any housing, age 0–17, any can_visit_clinic, any duration, any stay | region ett.old → region ett.new",
        ],
        "changes of party first, then changes of the deciding rule; groups that change alike merged"
    );
    assert!(all[0].party_changes() && !all[2].party_changes());
    assert_eq!(all[0].example.facts.need, Need::Nursing);
    // Stays are cases too: the tiny rules apply at home and visiting alike ("any stay").
    assert_eq!(diff(&rules, from, to, &Scope::Kommun("0102".into())).unwrap().len(), 2);
    assert!(diff(&rules, from, to, &Scope::Lan("02".into())).unwrap().is_empty());
    assert!(diff(&rules, from, from, &Scope::All).unwrap().is_empty());
    assert!(diff(&rules, from, to, &Scope::Lan("99".into())).unwrap_err().message.contains("valid choices: 01, 02"));
    assert!(diff(&rules, from, to, &Scope::Kommun("9999".into())).is_err());
}

#[test]
fn a_rule_explained_where_it_decides_what_it_sets_aside_and_what_sets_it_aside() {
    let rules = base()
        .rule(rule("ett.hemsjukvard", Some("01"), Agreement, Region).need(&[Need::Nursing, Need::Physician]).from("2010-01-01").to("2019-12-31"))
        .build();
    let r = explain_rule(&rules, "ett.hemsjukvard").unwrap();
    assert_eq!((r.standing, r.responsible, r.region.as_deref()), (Agreement, Region, Some("01")));
    assert_eq!(r.decides.len(), 1);
    let reach = &r.decides[0];
    assert_eq!((reach.kommuner.clone(), reach.from, reach.to), (vec!["0101".to_string(), "0102".to_string()], d("2010-01-01"), d("2019-12-31")));
    assert_eq!(reach.cases.to_string(), "need = nursing, any housing, any age, any can_visit_clinic, any duration, any stay");
    assert_eq!(r.sets_aside.len(), 1);
    assert_eq!((r.sets_aside[0].rule.as_str(), r.sets_aside[0].standing), ("default.kommun", Default));
    assert_eq!(r.set_aside_by.len(), 1);
    assert_eq!(r.set_aside_by[0].rule, "law.physician");
    assert!(r.set_aside_by[0].reach[0].cases.to_string().starts_with("need = physician"));
    assert_eq!(r.sources.len(), 1);
    assert_eq!(r.sources[0].0.title, "Lag (1:1)");
    assert!(explain_rule(&rules, "ett.nothing").is_none());
}

// ---------------------------------------------------------------------------------------------
// The project's rules: what is about the data.

fn real() -> &'static RuleSet {
    &common::rules().rules
}

#[test]
fn every_part_of_real_matrices_is_reproduced_by_its_case() {
    // Three kommuner in three regions, on two dates.
    for kommun in ["1980", "1880", "0180"] {
        for date in ["2012-05-02", "2025-03-01"] {
            let v = matrix_view(real(), kommun, d(date), Lang::Sv).unwrap();
            assert_eq!(v.rows.iter().filter(|r| r.need == Need::Dental).count(), 1);
            every_part_is_reproduced(real(), &v);
        }
    }
}

#[test]
fn orebro_assistive_devices_keep_their_doubt_in_the_matrix() {
    let v = matrix_view(real(), "1880", d("2024-05-02"), Lang::Sv).unwrap();
    // A rollator is an everyday aid: since the phase-2 data, Örebro's aids are split by kind.
    let p = &v.cell(Need::AssistiveDevices, Some(Aid::Everyday), Housing::Ordinary, false).unwrap().parts[0];
    assert_eq!((p.outcome, p.confidence), (Kommun, Confidence::Partly));
    assert!(p.doubt.is_some(), "the single answer shows a doubt; the matrix must too");
}

#[test]
fn heby_belonged_to_vastmanland_until_2006_and_vasteras_changed_in_2012() {
    let heby = timeline(real(), "0331", Lang::Sv).unwrap();
    let moved = heby.periods.iter().position(|p| p.region.lan == "03").unwrap();
    assert_eq!(heby.periods[moved - 1].region.lan, "19");
    assert_eq!((heby.periods[moved - 1].to, heby.periods[moved].from), (d("2006-12-31"), d("2007-01-01")));
    let vasteras = timeline(real(), "1980", Lang::Sv).unwrap();
    let p = vasteras.periods.iter().find(|p| p.from == d("2012-09-01")).expect("a period from 2012-09-01");
    assert_eq!((p.key.outcome, p.key.rules.as_slice()), (Kommun, &["vastmanland.hemsjukvard".to_string()][..]));
    assert_eq!(vasteras.periods[vasteras.periods.iter().position(|x| x.from == p.from).unwrap() - 1].key.outcome, Region);
    // Periods tile the window.
    for t in [&heby, &vasteras] {
        assert_eq!((t.periods[0].from, t.periods.last().unwrap().to), (real().window.from, real().window.to));
        assert!(t.periods.windows(2).all(|w| w[0].to.succ() == w[1].from));
    }
}

#[test]
fn the_2025_agreements_show_in_the_diff() {
    let changes = diff(real(), d("2024-12-31"), d("2025-01-01"), &Scope::Lan("18".into())).unwrap();
    assert!(changes.iter().any(|c| c.before.by == "orebro.hemsjukvard" && c.after.by == "orebro.hemsjukvard.2025"), "{changes:#?}");
    assert!(changes.iter().all(|c| c.kommuner.iter().all(|k| k.starts_with("18"))));
    let r = explain_rule(real(), "orebro.hemsjukvard.2025").unwrap();
    assert_eq!(r.decides.first().map(|x| x.from), Some(d("2025-01-01")));
    assert!(!r.sources.is_empty());
}

#[test]
fn every_rule_that_is_not_dead_decides_somewhere() {
    // The check proves no rule dead; so each rule's report finds where it decides.
    for rule in &real().rules {
        let r = explain_rule(real(), &rule.id).unwrap();
        assert!(!r.decides.is_empty(), "{} decides nowhere", rule.id);
        assert!(r.decides.iter().all(|x| x.from >= rule.applies.valid_from && rule.applies.valid_to.is_none_or(|t| x.to <= t)), "{}", rule.id);
    }
    let _ = Date::MIN;
}
