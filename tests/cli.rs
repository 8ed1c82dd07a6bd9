//! The `ansvarskollen` binary as a user runs it: output, JSON and exit codes (0, 1, 2).

mod common;

use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ansvarskollen"))
        .args(args)
        .current_dir(common::root())
        .env("NO_COLOR", "1")
        .output()
        .expect("run ansvarskollen")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn ask_answers_in_plain_swedish() {
    let o = run(&["ask", "--kommun", "1980", "--age", "79", "--housing", "ordinary", "--can-visit-clinic", "false", "--need", "nursing", "--date", "2024-05-02"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    let text = text.split(" [rules ").next().unwrap_or_default();
    insta::assert_snapshot!("ask_vasteras_nursing", text);
}

#[test]
fn ask_json_is_the_documented_contract() {
    let o = run(&["ask", "--kommun", "Köping", "--age", "79", "--housing", "ordinary", "--can-visit-clinic", "false", "--need", "nursing", "--date", "2012-05-02", "--json"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).expect("valid JSON");
    assert_eq!(v["determined"], true);
    assert_eq!(v["responsible"], "region");
    // 2012 is before Västmanland's 2017 renaming.
    assert_eq!(v["organisation"]["name"], "Landstinget Västmanland");
    assert_eq!(v["rule"]["id"], "vastmanland.before-2012");
    assert_eq!(v["rule"]["valid_to"], "2012-08-31");
    assert_eq!(v["confidence"], "verified");
    assert_eq!(v["kommun"]["organisation"], "Köpings kommun");
    assert_eq!(v["case"]["kommun"], "1983");
    let reasons = v["reasons"].as_array().unwrap();
    assert_eq!(reasons.last().unwrap()["role"], "decides");
    assert!(reasons.iter().all(|r| !r["citations"].as_array().unwrap().is_empty()));
    for key in ["lang", "next_step", "doubt", "region", "notes", "rules_version"] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
}

#[test]
fn ask_with_inputs_left_out_says_what_is_needed() {
    let o = run(&["ask", "--kommun", "1980", "--date", "2024-05-02", "--need", "nursing", "--json"]);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["needed"], serde_json::json!(["housing", "age", "can_visit_clinic"]));
    let o = run(&["ask", "--kommun", "1980", "--date", "2024-05-02", "--housing", "special", "--need", "nursing"]);
    assert!(stdout(&o).contains("Kommunen — Västerås kommun"), "{}", stdout(&o));
}

#[test]
fn bad_input_is_exit_2_with_the_valid_choices() {
    let o = run(&["ask", "--kommun", "1980", "--need", "surgery"]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr(&o);
    assert_eq!(e.lines().count(), 1, "{e}");
    assert!(e.contains("nursing, rehabilitation, assistive_devices, physician, specialised_home_care, dental"), "{e}");

    let o = run(&["ask", "--kommun", "Atlantis"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("four-digit SCB kommunkod"));

    let o = run(&["ask", "--kommun", "1980", "--date", "2024-02-30"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("2024-02-30"));

    let o = run(&["ask", "--kommun", "1980", "--housing", "castle"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("ordinary, sheltered, special, short_term, lss"));

    let o = run(&["matrix", "--kommun", "0000"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn matrix_shows_the_age_split() {
    let o = run(&["matrix", "--kommun", "Västerås", "--date", "2024-05-02", "--lang", "en"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    insta::assert_snapshot!("matrix_vasteras", stdout(&o));
}

#[test]
fn check_passes_on_the_project_rules() {
    let o = run(&["check", "rules"]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stdout(&o).contains("0 gaps, 0 conflicts, 0 dead rules"), "{}", stdout(&o));
}

#[test]
fn check_fails_with_exit_1_on_broken_rules() {
    let dir = common::scratch("cli-broken");
    common::copy_rules(&dir);
    let f = dir.join("regions/19-vastmanland.toml");
    let text = std::fs::read_to_string(&f).unwrap().replace("when.age = { max = 17 }", "when.age = { max = 16 }");
    std::fs::write(&f, text).unwrap();
    let o = run(&["check", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("error[gap]"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn test_command_reports_and_exits() {
    let o = run(&["test", "tests/scenarios/vastmanland.toml", "tests/scenarios/stockholm.toml"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).trim_end().ends_with("32 passed, 0 failed"), "{}", stdout(&o));

    let dir = common::scratch("cli-scenarios");
    let f = dir.join("wrong.toml");
    std::fs::write(
        &f,
        "[[scenario]]\nname = \"wrong\"\ndate = 2024-05-02\nkommun = \"1980\"\nneed = \"physician\"\nexpect.responsible = \"kommun\"\n",
    )
    .unwrap();
    let o = run(&["test", f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("FAIL wrong"), "{out}");
    assert!(out.contains("expected: responsible = kommun"), "{out}");
    assert!(out.contains("got:      responsible = region"), "{out}");
    assert!(out.contains("deciding rule: law.physician"), "{out}");
    assert!(out.trim_end().ends_with("0 passed, 1 failed"), "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn compile_writes_what_the_browser_reads() {
    let dir = common::scratch("cli-compile");
    let o = run(&["compile", "rules", "--out", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let bytes = std::fs::read(dir.join("rules.bin")).unwrap();
    let decoded = ansvarskollen::engine::compiled::decode(&bytes).unwrap();
    assert!(decoded == common::rules().rules, "the compiled rules differ from the loaded ones");
    assert_eq!(decoded.version, common::rules().rules.version);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_core_and_region_parts_answer_like_the_whole() {
    use ansvarskollen::engine::{Case, Date, Facts, Housing, Lang, Need, decide, Duration};
    let dir = common::scratch("cli-split");
    let o = run(&["compile", "rules", "--out", dir.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let whole = &common::rules().rules;
    let mut core = ansvarskollen::engine::compiled::decode(&std::fs::read(dir.join("core.bin")).unwrap()).unwrap();
    let facts = Facts { need: Need::Nursing, housing: Housing::Ordinary, age: 80, can_visit_clinic: false, duration: Duration::Long };
    let case = Case::complete(Date::parse("2024-05-02").unwrap(), "1980", facts);
    // Without Västmanland's part the engine refuses rather than answers wrongly.
    let err = decide(&core, &case, Lang::Sv).unwrap_err();
    assert!(err.message.contains("not loaded"), "{err}");
    for r in &whole.regions {
        let part = ansvarskollen::engine::compiled::decode_part(&std::fs::read(dir.join(format!("regions/{}.bin", r.lan))).unwrap()).unwrap();
        core.add_region(part).unwrap();
    }
    for k in &whole.kommuner {
        for date in ["2005-01-01", "2012-09-01", "2024-05-02"] {
            let case = Case::complete(Date::parse(date).unwrap(), &k.code, facts);
            assert_eq!(decide(&core, &case, Lang::Sv).unwrap(), decide(whole, &case, Lang::Sv).unwrap());
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
