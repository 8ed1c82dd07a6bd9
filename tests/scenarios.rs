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
