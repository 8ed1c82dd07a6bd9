//! A large rules folder, for measuring `ansvarskollen check` (docs/performance.md, "Checking many
//! rules"). Not shipped: an example, built only when asked for.
//!
//! ```sh
//! cargo run --release --example big_rules -- rules 10000 target/big-10000
//! time target/release/ansvarskollen check target/big-10000
//! ```
//!
//! Copies a rules folder and appends N generated rules to its region files, each region file
//! getting its share: four in five are kommun exceptions (a kommun's own rule for nurse care at
//! home, from an age that varies), one in five region-wide agreements (nurse care in
//! korttidsboende). Each kommun's, and each region's, generated rules follow one another in time
//! without overlapping, so the folder stays free of conflicts, and every generated rule decides
//! some case: the check has all its work to do and little to report. With `wide` every generated
//! rule is region-wide: every kommun then has a date segment for each of them. With `one` they are
//! all in the first region file (one large file, most of them kommun exceptions); with `dead` too,
//! but each kommun exception is about physicians, which the law decides: every one is a finding.

use ansvarskollen::engine::Date;
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// `[from, to]` cut into `n` consecutive stretches; the `i`-th.
fn stretch(from: i64, to: i64, n: usize, i: usize) -> (String, String) {
    let len = (to - from + 1) as usize;
    let a = from + (len * i / n) as i64;
    let b = from + (len * (i + 1) / n) as i64 - 1;
    (Date::from_days(a).to_string(), Date::from_days(b).to_string())
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        let target = to.join(p.file_name().unwrap());
        if p.is_dir() {
            copy_dir(&p, &target);
        } else if p.extension().is_some_and(|x| x == "toml" || x == "csv") {
            fs::copy(&p, &target).unwrap();
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (src, n, out, shape) = match &args[..] {
        [src, n, out] => (src, n, out, "mixed"),
        [src, n, out, shape] if ["wide", "mixed", "one", "dead"].contains(&shape.as_str()) => (src, n, out, shape.as_str()),
        _ => {
            eprintln!("usage: big_rules RULES_DIR N OUT_DIR [mixed|wide|one|dead]");
            std::process::exit(2);
        }
    };
    let n: usize = n.parse().expect("N is a number");
    let (src, out) = (PathBuf::from(src), PathBuf::from(out));
    let _ = fs::remove_dir_all(&out);
    copy_dir(&src, &out);

    // Kommuner by län, from the register.
    let register = fs::read_to_string(out.join("kommuner.csv")).unwrap();
    let mut by_lan: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for row in register.lines().skip(1).filter(|r| !r.is_empty()) {
        let cols: Vec<&str> = row.split(',').collect();
        by_lan.entry(cols[2].to_string()).or_default().push(cols[0].to_string());
    }
    let mut files: Vec<PathBuf> = fs::read_dir(out.join("regions")).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let day = |text: &str| Date::parse(text).expect("a date").to_days();
    let (from, to) = (day("1992-01-01"), day("2027-12-31"));

    // Rule i goes to region file i % files; within it, every fifth is region-wide.
    // Per region file: its region-wide rules, and its kommun exceptions by kommun.
    type Plan = (Vec<usize>, BTreeMap<String, Vec<usize>>);
    let mut plan: Vec<Plan> = vec![(Vec::new(), BTreeMap::new()); files.len()];
    for i in 0..n {
        let one = shape == "one" || shape == "dead";
        let f = if one { 0 } else { i % files.len() };
        let lan = files[f].file_name().unwrap().to_string_lossy()[..2].to_string();
        let kommuner = &by_lan[&lan];
        let local = if one { i } else { i / files.len() };
        if shape == "wide" || local % 5 == 4 {
            plan[f].0.push(i);
        } else {
            plan[f].1.entry(kommuner[local % kommuner.len()].clone()).or_default().push(i);
        }
    }
    for (f, (wide, local)) in files.iter().zip(&plan) {
        let lan = f.file_name().unwrap().to_string_lossy()[..2].to_string();
        let mut t = format!("\n[document.generated-{lan}]\ntitle = \"Generated\"\nurl = \"https://example.org/{lan}\"\n");
        let rule = |t: &mut String, id: usize, when: &str, (a, b): (String, String), who: &str| {
            t.push_str(&format!(
                "\n[[rule]]\nid = \"generated.r{id}\"\n{when}responsible = \"{who}\"\nconfidence = \"verified\"\nvalid_from = {a}\nvalid_to = {b}\nreason.sv = \"Genererad regel {id}.\"\nreason.en = \"Generated rule {id}.\"\nsource = {{ doc = \"generated-{lan}\" }}\n"
            ));
        };
        for (j, &id) in wide.iter().enumerate() {
            let who = if j % 2 == 0 { "kommun" } else { "region" };
            rule(&mut t, id, "when.housing = \"short_term\"\nwhen.need = \"nursing\"\n", stretch(from, to, wide.len(), j), who);
        }
        for (kommun, ids) in local {
            for (j, &id) in ids.iter().enumerate() {
                let who = if j % 2 == 0 { "kommun" } else { "region" };
                let need = if shape == "dead" { "physician" } else { "nursing" };
                let when = format!(
                    "when.kommun = \"{kommun}\"\nwhen.housing = \"ordinary\"\nwhen.need = \"{need}\"\nwhen.can_visit_clinic = false\nwhen.age = {{ min = {} }}\n",
                    18 + (id % 50)
                );
                rule(&mut t, id, &when, stretch(from, to, ids.len(), j), who);
            }
        }
        let mut text = fs::read_to_string(f).unwrap();
        text.push_str(&t);
        fs::write(f, text).unwrap();
    }
    let bytes: u64 = files.iter().map(|f| fs::metadata(f).unwrap().len()).sum();
    println!("wrote {} with {n} generated rules ({} KB of region files)", out.display(), bytes / 1024);
}
