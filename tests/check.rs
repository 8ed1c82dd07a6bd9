//! The static checks, on the project's rules (must be clean) and on broken copies of them (each
//! must produce its diagnostic, pointing at the right text). Rendered output is snapshotted.

mod common;

use ansvarskollen::rules::{self, render};
use std::path::Path;

#[test]
fn the_project_rules_pass_every_check() {
    let (loaded, diags, report) = rules::check_dir(&common::root().join("rules"));
    assert!(diags.is_empty(), "{}", render(&diags, &loaded.sources, false));
    let report = report.expect("the exhaustive check ran");
    assert_eq!(report.stats.kommuner, 290);
    assert_eq!(report.window_from.to_string(), "1992-01-01");
    assert_eq!(report.window_to.to_string(), "2027-12-31");
    assert!(report.stats.cases > 10_000, "{:?}", report.stats);
    assert_eq!(loaded.rules.regions.len(), 21, "every region has a file");
}

#[test]
fn the_fixture_rules_are_clean() {
    let (loaded, diags, report) = rules::check_dir(&common::root().join("tests/fixtures/rules"));
    assert!(diags.is_empty(), "{}", render(&diags, &loaded.sources, false));
    assert!(report.is_some());
}

#[test]
fn an_empty_rules_folder_fails() {
    let dir = common::scratch("empty-rules");
    let (_, diags, report) = rules::check_dir(&dir);
    assert!(report.is_none());
    let codes: Vec<&str> = diags.iter().map(|d| d.code).collect();
    assert!(codes.iter().filter(|c| **c == "missing-file").count() >= 3, "{codes:?}");
}

/// Copies the frozen fixture rules (tests/fixtures/rules), applies one textual edit, checks, and renders every diagnostic with the
/// scratch folder's path replaced by `rules`.
fn check_edited(name: &str, file: &str, find: &str, replace: &str) -> (Vec<&'static str>, String) {
    let dir = common::scratch(name);
    common::copy_fixture(&dir);
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains(find), "fixture `{name}`: `{find}` not found in {file}");
    std::fs::write(&path, text.replacen(find, replace, 1)).unwrap();
    let (loaded, diags, _) = rules::check_dir(&dir);
    let out = render(&diags, &loaded.sources, false).replace(&dir.display().to_string(), "rules");
    let _ = std::fs::remove_dir_all(&dir);
    (diags.iter().map(|d| d.code).collect(), out)
}

fn removing(name: &str, file: &str) -> (Vec<&'static str>, String) {
    let dir = common::scratch(name);
    common::copy_fixture(&dir);
    std::fs::remove_file(dir.join(file)).unwrap();
    let (loaded, diags, _) = rules::check_dir(&dir);
    let out = render(&diags, &loaded.sources, false).replace(&dir.display().to_string(), "rules");
    let _ = std::fs::remove_dir_all(&dir);
    (diags.iter().map(|d| d.code).collect(), out)
}

const VM: &str = "regions/19-vastmanland.toml";

macro_rules! broken {
    ($test:ident, $file:expr, $find:expr, $replace:expr, [$($code:literal),+]) => {
        #[test]
        fn $test() {
            let (codes, out) = check_edited(stringify!($test), $file, $find, $replace);
            let want: Vec<&str> = vec![$($code),+];
            assert_eq!(codes, want, "{out}");
            insta::assert_snapshot!(stringify!($test), out);
        }
    };
}

broken!(unknown_field_with_suggestion, VM, "responsible = \"kommun\"", "resposible = \"kommun\"", ["missing-field", "unknown-field"]);
broken!(missing_source, VM, "source = { doc = \"vastmanland-hemsjukvard\", section = \"\\\"personer 18 år och uppåt\\\"\" }\n", "", ["missing-source"]);
broken!(valid_to_before_valid_from, VM, "valid_to = 2012-08-31", "valid_to = 1991-08-31", ["bad-date-range"]);
broken!(quoted_date, VM, "valid_from = 2012-09-01", "valid_from = \"2012-09-01\"", ["quoted-date"]);
broken!(unknown_housing_word, "national.toml", "when.housing = \"special\"", "when.housing = \"specail\"", ["unknown-word"]);
broken!(unknown_document, VM, "doc = \"sala-hemsjukvard\"", "doc = \"sala-hemsjukvrd\"", ["unknown-document", "unused-document"]);
broken!(document_without_url_or_sfs, VM, "url = \"https://www.sala.se/info/4656/\"\n", "", ["missing-source"]);
broken!(not_verified_without_doubt, VM, "id = \"vastmanland.children\"", "id = \"vastmanland.children\"\nconfidence = \"partly\"", ["missing-doubt"]);
broken!(toml_syntax, VM, "[[rule]]\nid = \"vastmanland.children\"", "[[rule]\nid = \"vastmanland.children\"", ["toml-syntax"]);
broken!(kommun_of_another_region, VM, "id = \"vastmanland.children\"", "id = \"vastmanland.children\"\nwhen.kommun = \"0180\"", ["foreign-kommun"]);
broken!(duplicate_rule_id, VM, "id = \"vastmanland.children\"", "id = \"vastmanland.clinic\"", ["duplicate-id"]);
broken!(standing_in_a_region_file, VM, "id = \"vastmanland.children\"", "id = \"vastmanland.children\"\nstanding = \"law\"", ["misplaced-field"]);
broken!(source_does_not_cover_every_day, VM, "source = { doc = \"vastmanland-hemsjukvard\", section = \"\\\"personer 18 år och uppåt\\\"\" }", "source = { doc = \"vastmanland-hemsjukvard\", section = \"x\", from = 2020-01-01 }", ["missing-source"]);
broken!(gap_at_age_17, VM, "when.age = { max = 17 }", "when.age = { max = 16 }", ["gap", "gap"]);
broken!(gap_of_one_day, VM, "valid_to = 2012-08-31", "valid_to = 2012-08-30", ["gap"]);
broken!(
    conflict_between_agreements,
    VM,
    "[[rule]]\nid = \"vastmanland.children\"",
    "[[rule]]\nid = \"vastmanland.oops\"\nwhen.housing = \"ordinary\"\nwhen.need = \"nursing\"\nwhen.can_visit_clinic = false\nwhen.age = { min = 60 }\nresponsible = \"region\"\nvalid_from = 2015-01-01\nreason.sv = \"x\"\nreason.en = \"x\"\nsource = { doc = \"sala-hemsjukvard\" }\n\n[[rule]]\nid = \"vastmanland.children\"",
    ["conflict"]
);
broken!(
    dead_rule_shadowed_by_law,
    VM,
    "[[rule]]\nid = \"vastmanland.children\"",
    "[[rule]]\nid = \"vastmanland.doctor\"\nwhen.need = \"physician\"\nresponsible = \"region\"\nvalid_from = 2015-01-01\nreason.sv = \"x\"\nreason.en = \"x\"\nsource = { doc = \"sala-hemsjukvard\" }\n\n[[rule]]\nid = \"vastmanland.children\"",
    ["dead-rule"]
);
broken!(
    dead_rule_that_never_applies,
    VM,
    "[[rule]]\nid = \"vastmanland.children\"",
    "[[rule]]\nid = \"vastmanland.future\"\nwhen.need = \"nursing\"\nresponsible = \"region\"\nvalid_from = 2031-01-01\nreason.sv = \"x\"\nreason.en = \"x\"\nsource = { doc = \"sala-hemsjukvard\" }\n\n[[rule]]\nid = \"vastmanland.children\"",
    ["dead-rule"]
);

#[test]
fn a_missing_region_file_is_an_error() {
    let (codes, out) = removing("missing-region", "regions/01-stockholm.toml");
    // Documents only Stockholm cited are now unused: warnings, besides the error.
    assert!(codes.iter().all(|c| *c == "missing-region" || *c == "unused-document"), "{out}");
    assert_eq!(codes.iter().filter(|c| **c == "missing-region").count(), 1, "{out}");
    assert!(out.contains("län 01 has no region file"), "{out}");
}

#[test]
fn diagnostics_name_file_line_and_column() {
    let (_, out) = check_edited("position", VM, "valid_from = 2012-09-01", "valid_from = \"2012-09-01\"");
    assert!(out.contains("--> rules/regions/19-vastmanland.toml:"), "{out}");
    assert!(Path::new(VM).to_str().is_some());
}
