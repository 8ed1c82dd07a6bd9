//! Runs every scenario file in tests/scenarios/ through the engine, as `ansvarskollen test` does.

mod common;

use ansvarskollen::rules::{render, scenario};

#[test]
fn every_scenario_passes() {
    let loaded = common::rules();
    let mut sources = loaded.sources.clone();
    let mut files: Vec<_> = std::fs::read_dir(common::root().join("tests/scenarios"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no scenario files found");
    let mut all = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        let (s, diags) = scenario::load_file(&f.display().to_string(), text, &loaded.rules, &mut sources);
        assert!(diags.is_empty(), "{}", render(&diags, &sources, false));
        all.extend(s);
    }
    let failures: Vec<String> = all
        .iter()
        .filter_map(|s| {
            scenario::run(s, &loaded.rules).err().map(|f| {
                format!("{} ({}): expected {}, got {} (rule {:?})", s.name, sources.position(&s.loc), f.expected, f.got, f.rule)
            })
        })
        .collect();
    assert!(failures.is_empty(), "{} of {} scenarios failed:\n{}", failures.len(), all.len(), failures.join("\n"));
    assert!(all.len() >= 60, "only {} scenarios", all.len());
}

#[test]
fn a_wrong_expectation_fails() {
    // The runner must be able to fail: the same case with the opposite expectation.
    let loaded = common::rules();
    let mut sources = loaded.sources.clone();
    let text = r#"
[[scenario]]
name = "deliberately wrong"
date = 2024-05-02
kommun = "1980"
age = 79
housing = "ordinary"
can_visit_clinic = false
need = "nursing"
expect.responsible = "region"
"#;
    let (s, d) = scenario::load_file("inline.toml", text.into(), &loaded.rules, &mut sources);
    assert!(d.is_empty());
    let f = scenario::run(&s[0], &loaded.rules).unwrap_err();
    assert_eq!(f.got, "responsible = kommun");
    assert_eq!(f.rule.as_deref(), Some("vastmanland.hemsjukvard"));
}

/// Scenario files accept the words of issue 11 (additive): `aid`, `staying_in` and the value
/// `"unknown"` — an answer that depends is not determined — and refuse `"unknown"` where every
/// answer needs the input.
#[test]
fn scenarios_take_aid_a_stay_and_unknown() {
    let loaded = common::rules();
    let mut sources = loaded.sources.clone();
    let text = r#"
[[scenario]]
name = "Västerås, the vårdcentral question not known: it depends"
date = 2024-05-02
kommun = "1980"
age = 79
housing = "ordinary"
can_visit_clinic = "unknown"
need = "nursing"
expect.determined = false

[[scenario]]
name = "Västerås, a physician: the vårdcentral question does not matter"
date = 2024-05-02
kommun = "Västerås"
staying_in = "Västerås"
can_visit_clinic = "unknown"
housing = "unknown"
need = "physician"
expect.responsible = "region"

[[scenario]]
name = "an aid of a kind"
date = 2024-05-02
kommun = "1980"
need = "assistive_devices"
aid = "everyday"
housing = "special"
expect.responsible = "kommun"
"#;
    let (s, d) = scenario::load_file("inline.toml", text.into(), &loaded.rules, &mut sources);
    assert!(d.is_empty(), "{}", render(&d, &sources, false));
    assert_eq!(s.len(), 3);
    assert_eq!(s[1].case.staying_in.as_deref(), Some("1980"));
    for sc in &s {
        assert!(scenario::run(sc, &loaded.rules).is_ok(), "{}", sc.name);
    }
    let bad = "[[scenario]]\nname = \"x\"\ndate = 2024-05-02\nkommun = \"1980\"\nage = \"unknown\"\nexpect.determined = false\n";
    let (_, d) = scenario::load_file("bad.toml", bad.into(), &loaded.rules, &mut sources);
    assert_eq!(d.iter().map(|d| d.code).collect::<Vec<_>>(), ["bad-value"], "{}", render(&d, &sources, false));
}

/// `expect.rule` names one of several rules that decide a partial case alike (issue 11, data
/// phase 1) — but not one branch of an answer that depends (the finer model): its rules disagree,
/// so none of them decides the case.
#[test]
fn expect_rule_matches_a_rule_deciding_alike_but_not_a_branch() {
    let loaded = common::rules();
    let mut sources = loaded.sources.clone();
    let text = r#"
[[scenario]]
name = "Göteborg, rehabilitation, the duration left out: the kommun by two rules"
date = 2024-05-02
kommun = "1480"
housing = "ordinary"
can_visit_clinic = false
need = "rehabilitation"
expect.rule = "vgr.hemsjukvard"

[[scenario]]
name = "Västerås, the vårdcentral question not known: no rule decides the case"
date = 2024-05-02
kommun = "1980"
age = 79
housing = "ordinary"
can_visit_clinic = "unknown"
need = "nursing"
expect.rule = "vastmanland.hemsjukvard"
"#;
    let (s, d) = scenario::load_file("inline.toml", text.into(), &loaded.rules, &mut sources);
    assert!(d.is_empty(), "{}", render(&d, &sources, false));
    assert!(scenario::run(&s[0], &loaded.rules).is_ok());
    let f = scenario::run(&s[1], &loaded.rules).unwrap_err();
    assert_eq!((f.got.as_str(), f.rule), ("not determined", None));
}
