//! What the targets share: the project's rules, loaded once.

use ansvarskollen::engine::RuleSet;
use std::path::Path;
use std::sync::OnceLock;

/// The project's rules (`rules/`), loaded and checked once per fuzzing process.
pub fn rules() -> &'static RuleSet {
    static RULES: OnceLock<RuleSet> = OnceLock::new();
    RULES.get_or_init(|| {
        let loaded = ansvarskollen::rules::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../rules"));
        assert!(!loaded.has_errors(), "the project's rules load without errors");
        loaded.rules
    })
}
