//! `ansvarskollen check`, `test` and `compile`.

use super::{Exit, Result, color, usage};
use ansvarskollen::engine::Date;
use ansvarskollen::engine::compiled;
use ansvarskollen::rules::{self, scenario};
use std::path::{Path, PathBuf};

/// `check`: every diagnostic on stderr, the summary on stdout; fails on any error. Review dates
/// more than 12 months before `today` are warnings.
pub fn check(dir: &Path, today: Date) -> Result {
    let (loaded, mut diags, report) = rules::check_dir(dir);
    diags.extend(rules::freshness::stale_reviews(&loaded.rules, &loaded.map, today));
    diags.extend(rules::freshness::hard_to_read(&loaded.rules, &loaded.map));
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
    if errors > 0 { Err(Exit::Failed(None)) } else { Ok(()) }
}

/// Writes the compiled rules (see `engine::compiled`): `rules.bin` (everything, for tools),
/// `core.bin`, `en.bin` and `regions/NN.bin` (what the browser loads; the core holds each part's
/// digest; `en.bin`, the English texts and words, only when a reader chooses English).
pub fn compile(dir: &Path, out: &Path) -> Result {
    let (loaded, diags, _) = rules::check_dir(dir);
    let errors: Vec<_> = diags.iter().filter(|d| d.is_error()).cloned().collect();
    if !errors.is_empty() {
        eprint!("{}", rules::render(&errors, &loaded.sources, color()));
        return Err(Exit::Failed(Some(format!("not compiled: {} error(s) in the rules", errors.len()))));
    }
    let compiled = compiled::compile(&loaded.rules, &ansvarskollen::ui::i18n::english_words());
    let parts = compiled.parts.len();
    let mut files = vec![(out.join("rules.bin"), compiled.whole), (out.join("core.bin"), compiled.core), (out.join("en.bin"), compiled.english)];
    for (lan, bytes) in compiled.parts {
        files.push((out.join("regions").join(format!("{lan}.bin")), bytes));
    }
    for (path, text) in &files {
        path.parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(path, text))
            .map_err(|e| usage(format!("cannot write {}: {e}", path.display())))?;
    }
    let size = |name: &str| files.iter().find(|(p, _)| p.ends_with(name)).map_or(0, |(_, t)| t.len());
    outln!(
        "wrote {} files to {}: core.bin {} bytes, en.bin {} bytes, {} region files, rules.bin {} bytes (rules version {})",
        files.len(),
        out.display(),
        size("core.bin"),
        size("en.bin"),
        parts,
        size("rules.bin"),
        loaded.rules.version
    );
    Ok(())
}

/// `test`: runs every scenario of the files; prints each failure and `N passed, N failed`.
pub fn test(dir: &Path, files: &[PathBuf]) -> Result {
    let mut loaded = super::load_for_use(dir)?;
    let mut all = Vec::new();
    let mut bad = Vec::new();
    for f in files {
        let text = rules::read_text(f).map_err(|e| usage(format!("cannot read {}: {e}", f.display())))?;
        let (s, d) = scenario::load_file(&f.display().to_string(), text, &loaded.rules, &mut loaded.sources);
        all.extend(s);
        bad.extend(d);
    }
    if !bad.is_empty() {
        eprint!("{}", rules::render(&bad, &loaded.sources, color()));
        return Err(usage(format!("{} problem(s) in the scenario files; no scenario was run", bad.len())));
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
    if failed > 0 { Err(Exit::Failed(None)) } else { Ok(()) }
}
