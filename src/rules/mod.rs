//! The rule maintainers' side (native only): loading and checking the TOML rules, running
//! scenario files, and rendering findings as compiler-style diagnostics.

#![warn(missing_docs)]

pub mod diag;
pub mod findings;
pub mod freshness;
pub mod load;
pub mod scenario;
pub mod walk;

pub use diag::{Diagnostic, Severity, Sources, render};
pub use load::{Loaded, MAX_FILE_BYTES, SourceMap, load, load_files, read_text};

use crate::engine::check as exhaustive;

/// Everything `ansvarskollen check` does: load and validate the rules folder, then, if that found
/// no errors, run the exhaustive check. Returns the loaded rules, every diagnostic (load problems
/// first, then findings), and the check's report if it ran.
pub fn check_dir(dir: &std::path::Path) -> (Loaded, Vec<Diagnostic>, Option<exhaustive::Report>) {
    let loaded = load(dir);
    let mut diags = loaded.diags.clone();
    let mut report = None;
    if !loaded.has_errors() {
        let r = exhaustive::run(&loaded.rules);
        diags.extend(findings::to_diagnostics(&r, &loaded.rules, &loaded.map));
        report = Some(r);
    }
    (loaded, diags, report)
}
