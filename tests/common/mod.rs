//! Shared helpers for the integration tests.
#![allow(dead_code)]

pub mod tiny;

use ansvarskollen::rules::{self, Loaded};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The project's rules, loaded once per test binary; panics (fails the test) on any error.
pub fn rules() -> &'static Loaded {
    static LOADED: OnceLock<Loaded> = OnceLock::new();
    LOADED.get_or_init(|| {
        let loaded = rules::load(&root().join("rules"));
        let errors: Vec<_> = loaded.diags.iter().filter(|d| d.is_error()).cloned().collect();
        assert!(errors.is_empty(), "{}", rules::render(&errors, &loaded.sources, false));
        loaded
    })
}

/// The frozen fixture rules (tests/fixtures/rules), loaded once per test binary; panics (fails the
/// test) on any error.
pub fn fixture_rules() -> &'static ansvarskollen::engine::RuleSet {
    static RULES: OnceLock<ansvarskollen::engine::RuleSet> = OnceLock::new();
    RULES.get_or_init(|| {
        let loaded = rules::load(&root().join("tests/fixtures/rules"));
        assert!(!loaded.has_errors(), "the fixture rules load without errors");
        loaded.rules
    })
}

/// A fresh empty folder under the target directory.
pub fn scratch(name: &str) -> PathBuf {
    let dir = root().join("target").join("test-scratch").join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create scratch dir");
    dir
}

/// Copies the project's rules folder into `dir`.
pub fn copy_rules(dir: &Path) {
    copy_dir(&root().join("rules"), dir);
}

/// Copies the frozen fixture rules (tests/fixtures/rules) into `dir`.
pub fn copy_fixture(dir: &Path) {
    copy_dir(&root().join("tests/fixtures/rules"), dir);
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let p = e.path();
        if p.is_dir() {
            copy_dir(&p, &to.join(e.file_name()));
        } else {
            std::fs::copy(&p, to.join(e.file_name())).unwrap();
        }
    }
}
