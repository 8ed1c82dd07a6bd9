//! `ansvarskollen check`, `test` and `compile`.

use super::{FAILED, USAGE, color};
use ansvarskollen::engine::{compiled, coverage};
use ansvarskollen::rules::{self, scenario};
use std::path::{Path, PathBuf};

pub fn check(dir: &Path) -> u8 {
    let (loaded, diags, report) = rules::check_dir(dir);
    eprint!("{}", rules::render(&diags, &loaded.sources, color()));
    let errors = diags.iter().filter(|d| d.is_error()).count();
    let warnings = diags.len() - errors;
    let r = &loaded.rules;
    match &report {
        Some(rep) => {
            let s = &rep.stats;
            let count = |code: &str| diags.iter().filter(|d| d.code == code).count();
            outln!(
                "checked {} rules and {} notes in {} files: {} kommuner ({} groups that every rule treats alike), {} date segments from {} to {}, {} cases",
                s.rules,
                s.notes,
                loaded.sources.files.len(),
                s.kommuner,
                s.kommun_groups,
                s.segments,
                rep.window_from,
                rep.window_to,
                s.cases
            );
            outln!(
                "{} gaps, {} conflicts, {} dead rules; {} cases answered \"not determined\" on purpose, with a reason",
                count("gap"),
                count("conflict"),
                count("dead-rule") + count("dead-note"),
                s.not_determined
            );
        }
        None => outln!(
            "the exhaustive check did not run: fix the {errors} error(s) above first ({} rules loaded from {})",
            r.rules.len(),
            dir.display()
        ),
    }
    outln!("{errors} error(s), {warnings} warning(s)");
    if errors > 0 { FAILED } else { 0 }
}

/// Writes the compiled rules (see `engine::compiled`): `rules.bin` (everything, for tools),
/// `core.bin` and `regions/NN.bin` (what the browser loads), and `coverage.bin` (the
/// "Om uppgifterna" table).
pub fn compile(dir: &Path, out: &Path) -> u8 {
    let (loaded, diags, _) = rules::check_dir(dir);
    let errors: Vec<_> = diags.iter().filter(|d| d.is_error()).cloned().collect();
    if !errors.is_empty() {
        eprint!("{}", rules::render(&errors, &loaded.sources, color()));
        eprintln!("error: not compiled: {} error(s) in the rules", errors.len());
        return FAILED;
    }
    let (core, parts) = compiled::split(&loaded.rules);
    let mut files = vec![
        (out.join("rules.bin"), compiled::encode(&loaded.rules)),
        (out.join("core.bin"), compiled::encode(&core)),
        (out.join("coverage.bin"), compiled::encode_coverage(&coverage::report(&loaded.rules))),
    ];
    for p in &parts {
        files.push((out.join("regions").join(format!("{}.bin", p.lan)), compiled::encode_part(p)));
    }
    for (path, text) in &files {
        let written = path.parent().map_or(Ok(()), std::fs::create_dir_all).and_then(|()| std::fs::write(path, text));
        if let Err(e) = written {
            eprintln!("error: cannot write {}: {e}", path.display());
            return USAGE;
        }
    }
    let size = |name: &str| files.iter().find(|(p, _)| p.ends_with(name)).map_or(0, |(_, t)| t.len());
    outln!(
        "wrote {} files to {}: core.bin {} bytes, {} region files, rules.bin {} bytes (rules version {})",
        files.len(),
        out.display(),
        size("core.bin"),
        parts.len(),
        size("rules.bin"),
        loaded.rules.version
    );
    0
}

pub fn test(dir: &Path, files: &[PathBuf]) -> u8 {
    let mut loaded = match super::load_for_use(dir) {
        Ok(l) => l,
        Err(c) => return c,
    };
    let mut all = Vec::new();
    let mut bad = Vec::new();
    for f in files {
        match std::fs::read_to_string(f) {
            Ok(text) => {
                let (s, d) = scenario::load_file(&f.display().to_string(), text, &loaded.rules, &mut loaded.sources);
                all.extend(s);
                bad.extend(d);
            }
            Err(e) => {
                eprintln!("error: cannot read {}: {e}", f.display());
                return USAGE;
            }
        }
    }
    if !bad.is_empty() {
        eprint!("{}", rules::render(&bad, &loaded.sources, color()));
        eprintln!("error: {} problem(s) in the scenario files; no scenario was run", bad.len());
        return USAGE;
    }
    let (mut passed, mut failed) = (0, 0);
    for s in &all {
        match scenario::run(s, &loaded.rules) {
            Ok(()) => passed += 1,
            Err(f) => {
                failed += 1;
                outln!("FAIL {} ({})", s.name, loaded.sources.position(&s.loc));
                outln!("  expected: {}", f.expected);
                outln!("  got:      {}", f.got);
                match &f.rule {
                    Some(r) => outln!("  deciding rule: {r}"),
                    None => outln!("  deciding rule: none"),
                }
            }
        }
    }
    outln!("{passed} passed, {failed} failed");
    if failed > 0 { FAILED } else { 0 }
}
