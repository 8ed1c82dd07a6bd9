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
    check_edits(name, &[(file, find, replace)])
}

/// As [`check_edited`], with several edits (file, find, replace), each applied once in turn.
fn check_edits(name: &str, edits: &[(&str, &str, &str)]) -> (Vec<&'static str>, String) {
    let dir = common::scratch(name);
    common::copy_fixture(&dir);
    for (file, find, replace) in edits {
        let path = dir.join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(find), "fixture `{name}`: `{find}` not found in {file}");
        std::fs::write(&path, text.replacen(find, replace, 1)).unwrap();
    }
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
    "[[rule]]\nid = \"vastmanland.future\"\nwhen.need = \"nursing\"\nresponsible = \"region\"\nvalid_from = 1985-01-01\nvalid_to = 1991-12-31\nreason.sv = \"x\"\nreason.en = \"x\"\nsource = { doc = \"sala-hemsjukvard\" }\n\n[[rule]]\nid = \"vastmanland.children\"",
    ["dead-rule"]
);

// Issue 10, finding 1: `source = []` passed the check and shipped an answer citing nothing.
broken!(empty_source_list, VM, "source = { doc = \"vastmanland-hemsjukvard\", section = \"\\\"personer 18 år och uppåt\\\"\" }", "source = []", ["missing-source"]);

/// An empty source list is an error on a note and on a region too (issue 10, finding 1).
#[test]
fn empty_source_lists_on_a_note_and_a_region() {
    let (codes, out) = check_edits(
        "empty-source-note-region",
        &[
            ("regions/01-stockholm.toml", "source = [\n  { doc = \"norrtalje-kson\" },\n  { doc = \"regionstockholm-kson\" },\n]", "source = []"),
            (VM, "source = [\n  { doc = \"vastmanland-hemsjukvard\" },\n  { doc = \"vastmanland-namn\"", "source = []\nx = [\n  { doc = \"vastmanland-hemsjukvard\" },\n  { doc = \"vastmanland-namn\""),
        ],
    );
    assert_eq!(codes.iter().filter(|c| **c == "missing-source").count(), 2, "{out}");
    assert!(out.contains("note `stockholm.norrtalje` cites no source: `source` is an empty list"), "{out}");
    assert!(out.contains("the [region] table cites no source: `source` is an empty list"), "{out}");
    let errors: String = out.split("\n\n").filter(|d| d.contains("empty list")).collect::<Vec<_>>().join("\n\n");
    insta::assert_snapshot!("empty_source_lists_on_a_note_and_a_region", errors);
}

/// Control characters in texts are refused with the field and the place (issue 10, finding 8):
/// `\u001b` (a terminal escape) in a reason, a tab in a title; a line break in a reason is allowed.
#[test]
fn control_characters_in_texts() {
    let (codes, out) = check_edits(
        "control-characters",
        &[
            (VM, "reason.sv = \"Kommunernas hemsjukvård", "reason.sv = \"\\u001b[31mKommunernas hemsjukvård"),
            (VM, "title = \"Hemsjukvård\"", "title = \"Hem\\tsjukvård\""),
            (VM, "reason.en = \"The kommuner's home", "reason.en = \"Line one.\\nThe kommuner's home"),
        ],
    );
    assert_eq!(codes, ["control-character", "control-character"], "{out}");
    assert!(!out.contains('\u{1b}'), "a diagnostic must not print the escape itself");
    insta::assert_snapshot!("control_characters_in_texts", out);
}

/// Dates past the check window are errors (issue 10, finding 4): a rule's `valid_to`, a source's
/// `to`, a rule starting after the window.
#[test]
fn dates_past_the_window() {
    let (codes, out) = check_edits(
        "past-window",
        &[
            (VM, "valid_to = 2012-08-31", "valid_to = 2028-06-30"),
            (VM, "{ doc = \"sala-hemsjukvard\", from = 2023-01-19 }", "{ doc = \"sala-hemsjukvard\", from = 2023-01-19, to = 2030-01-01 }"),
        ],
    );
    assert_eq!(codes, ["past-window", "past-window"], "{out}");
    insta::assert_snapshot!("dates_past_the_window", out);
}

// Issue 11 §3: every region records when its rules were last reviewed.
broken!(region_without_review_date, VM, "reviewed = 2026-12-01\n", "", ["missing-field"]);

// Issue 12 §1: whom to call is data reviewed like rules: every value names the page it was read
// on, and `check` rejects one without it, a malformed number or link, a kommun of another län and
// an unknown field.
const VC: &str = "contacts/19-vastmanland.toml";
const VASTERAS_PHONE: &str = "phone = { number = \"021-39 00 00\", source = \"https://www.vasteras.se/kommun-och-politik/servicedeklarationer.html\" }";
broken!(contact_without_source, VC, VASTERAS_PHONE, "phone = { number = \"021-39 00 00\" }", ["missing-field"]);
broken!(contact_kommun_of_another_region, VC, "[kommun.1981]", "[kommun.0180]", ["foreign-kommun"]);
broken!(contact_unknown_field_with_suggestion, VC, "care_page = {", "care_pgae = {", ["unknown-field"]);
broken!(contact_page_dated_after_it_was_read, VC, "date = 2023-01-19", "date = 2027-01-19", ["bad-date-range"]);

#[test]
fn contact_numbers_and_links_that_do_not_work() {
    let (codes, out) = check_edits(
        "contact-malformed",
        &[
            (VC, "\"021-39 00 00\"", "\"021 39 00 00 eller 0771-VASTERAS\""),
            (VC, "url = \"https://www.sala.se/\"", "url = \"www.sala.se\""),
            (VC, "source = \"https://www.sala.se/info/4656/\" }", "source = \"sala kommun\" }"),
        ],
    );
    assert_eq!(codes, ["bad-phone", "bad-url", "bad-url"], "{out}");
    insta::assert_snapshot!("contact_numbers_and_links_that_do_not_work", out);
}

/// Issue 12 §3: `check` warns a maintainer of a rule text above LIX 50, naming the rule, the field,
/// the language and the LIX, and pointing at the rule (the frozen fixtures keep old, harder texts).
#[test]
fn hard_to_read_rule_texts_are_named() {
    let loaded = rules::load(&common::root().join("tests/fixtures/rules"));
    let warnings = rules::freshness::hard_to_read(&loaded.rules, &loaded.map);
    let out = render(&warnings, &loaded.sources, false);
    assert!(warnings.iter().all(|d| d.code == "hard-to-read" && !d.is_error()), "{out}");
    assert!(out.contains("warning[hard-to-read]: `reason.sv` of rule `stockholm.lss.landsting` is hard to read: LIX 64 (the target is 40)"), "{out}");
    assert!(out.contains("--> regions/01-stockholm.toml:") || out.contains("01-stockholm.toml:"), "{out}");
}

/// The contacts load, each number formatted for display, and go with the region's rules.
#[test]
fn contacts_load_with_their_sources() {
    let loaded = rules::load(&common::root().join("tests/fixtures/rules"));
    let d = &loaded.rules.directory;
    assert_eq!(d.iter().map(|r| r.lan.as_str()).collect::<Vec<_>>(), ["19"]);
    let v = loaded.rules.kommun_contact("19", "1980").unwrap();
    let phone = v.phone.as_ref().unwrap();
    assert_eq!((phone.value.as_str(), phone.source.as_str()), ("021-39 00 00", "https://www.vasteras.se/kommun-och-politik/servicedeklarationer.html"));
    let sala = loaded.rules.kommun_contact("19", "1981").unwrap();
    assert_eq!(sala.care_page.as_ref().unwrap().date.map(|d| d.to_string()).as_deref(), Some("2023-01-19"));
    assert!(sala.phone.is_none(), "no number was read for Sala: none is given");
    // Every value of the project's contacts names the page it was read on.
    let project = &common::rules().rules.directory;
    assert_eq!(project.len(), 21, "a contacts file per region");
    for r in project {
        for k in &r.kommuner {
            for s in [&k.website, &k.care_page, &k.phone].into_iter().flatten() {
                assert!(s.source.starts_with("http"), "{} {}: {:?}", r.lan, k.code, s);
            }
        }
    }
}

/// A rules file that is not a regular file, or is too large, is refused with its name, at once
/// (issue 10, finding 7): a FIFO once hung `check`, a link to /dev/zero read until memory ran out.
#[test]
fn files_that_are_not_plain_text_are_refused() {
    let dir = common::scratch("non-regular");
    common::copy_fixture(&dir);
    let vm = dir.join(VM);
    std::fs::remove_file(&vm).unwrap();
    std::os::unix::fs::symlink("/dev/zero", &vm).unwrap();
    let fifo = dir.join("regions/20-fifo.toml");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().expect("mkfifo");
    assert!(made.success());
    let big = dir.join("regions/21-big.toml");
    std::fs::write(&big, vec![b'#'; rules::MAX_FILE_BYTES as usize + 1]).unwrap();
    let t = std::time::Instant::now();
    let (loaded, diags, report) = rules::check_dir(&dir);
    assert!(t.elapsed().as_secs() < 10, "took {:?}", t.elapsed());
    let out = render(&diags, &loaded.sources, false).replace(&dir.display().to_string(), "rules");
    assert!(report.is_none());
    for (file, why) in [
        ("regions/19-vastmanland.toml", "not a regular file"),
        ("regions/20-fifo.toml", "not a regular file"),
        ("regions/21-big.toml", "larger than 2 MB"),
    ] {
        assert!(out.contains(&format!("cannot read rules/{file}: it is {why}")), "{file}: {out}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

// The words and fields of issue 11.
const CHILDREN: &str = "id = \"vastmanland.children\"\nwhen.housing = [\"ordinary\", \"sheltered\"]\nwhen.need = [\"nursing\", \"rehabilitation\", \"assistive_devices\"]";
broken!(unknown_need_word_with_suggestion, VM, CHILDREN, "id = \"vastmanland.children\"\nwhen.housing = [\"ordinary\", \"sheltered\"]\nwhen.need = [\"nursing\", \"occupational_therapie\", \"physiotherapy\", \"assistive_devices\"]", ["unknown-word"]);
broken!(aid_without_assistive_devices, VM, CHILDREN, "id = \"vastmanland.children\"\nwhen.housing = [\"ordinary\", \"sheltered\"]\nwhen.need = [\"nursing\", \"rehabilitation\", \"assistive_devices\"]\nwhen.aid = \"everyday\"", ["misplaced-field"]);
broken!(unknown_stay_word_with_suggestion, VM, "id = \"vastmanland.children\"", "id = \"vastmanland.children\"\nwhen.stay = \"visting\"", ["unknown-word"]);
broken!(performed_by_the_responsible_party, VM, "id = \"vastmanland.children\"", "id = \"vastmanland.children\"\nperformed_by = \"region\"", ["bad-value"]);
broken!(
    one_body_that_ends_before_it_starts,
    "regions/01-stockholm.toml",
    "[document.storsthlm-2018]",
    "[kommun.0188]\none_body = { name = \"KSON\", from = 2006-01-01, to = 2005-12-31 }\n\n[document.storsthlm-2018]",
    ["bad-date-range"]
);

/// The new fields, written right, load and keep the check clean: the umbrella need expands, a
/// rule for visitors says so with `when.stay`, a performer and one body for one kommun are read.
#[test]
fn the_new_fields_written_right_load_clean() {
    let dir = common::scratch("new-fields");
    common::copy_fixture(&dir);
    let vm = dir.join(VM);
    let text = std::fs::read_to_string(&vm).unwrap().replacen(
        "id = \"vastmanland.children\"",
        "id = \"vastmanland.children\"\nperformed_by = \"kommun\"",
        1,
    );
    std::fs::write(&vm, text).unwrap();
    let sthlm = dir.join("regions/01-stockholm.toml");
    let text = std::fs::read_to_string(&sthlm).unwrap().replacen(
        "[document.storsthlm-2018]",
        "[kommun.0188]\none_body = { name = \"KSON\", from = 2006-01-01 }\n\n[document.storsthlm-2018]",
        1,
    );
    std::fs::write(&sthlm, text).unwrap();
    let (loaded, diags, report) = rules::check_dir(&dir);
    assert!(diags.is_empty(), "{}", render(&diags, &loaded.sources, false));
    assert!(report.is_some_and(|r| r.is_clean()));
    let rules = &loaded.rules;
    let children = rules.rules.iter().find(|r| r.id == "vastmanland.children").unwrap();
    use ansvarskollen::engine::{Need, Responsible, Stay};
    assert_eq!(children.performed_by, Some(Responsible::Kommun));
    let w = &children.applies.when;
    assert!(w.need.contains(Need::OccupationalTherapy) && w.need.contains(Need::Physiotherapy) && !w.need.contains(Need::Rehabilitation));
    assert_eq!(w.stay.iter().collect::<Vec<_>>(), vec![Stay::Home], "a rule without when.stay is about people at home");
    let visiting = rules.rules.iter().find(|r| r.id == "default.visiting-pending").unwrap();
    assert_eq!(visiting.applies.when.stay.iter().collect::<Vec<_>>(), Stay::VISITING.to_vec());
    let kson = rules.kommun("0188").unwrap().one_body.as_ref().unwrap();
    assert_eq!((kson.name.as_str(), kson.from.map(|d| d.to_string()), kson.to), ("KSON", Some("2006-01-01".into()), None));
    let _ = std::fs::remove_dir_all(&dir);
}

/// A TOML literal string (`'…'`) is a string like any other: the loader compares the parsed id, not
/// the text between the quotes. (It once trimmed `"` off the raw text and so rejected
/// `doc = 'sala-hemsjukvard'` with "did you mean `sala-hemsjukvard`?".)
#[test]
fn literal_string_doc_id() {
    let (accepted, out) = check_edited("literal-doc-ok", VM, "doc = \"sala-hemsjukvard\"", "doc = 'sala-hemsjukvard'");
    assert!(accepted.is_empty(), "{out}");
    let (codes, misspelt) = check_edited("literal-doc-typo", VM, "doc = \"sala-hemsjukvard\"", "doc = 'sala-hemsjukvrd'");
    assert_eq!(codes, ["unknown-document", "unused-document"], "{misspelt}");
    let shown = format!("doc = 'sala-hemsjukvard': {} diagnostic(s)\n\ndoc = 'sala-hemsjukvrd':\n{misspelt}", accepted.len());
    insta::assert_snapshot!("literal_string_doc_id", shown);
}

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

/// The fixture folder's files, read into memory for `rules::load_files`: (register, national,
/// [(region file name, text)]).
fn fixture_in_memory() -> (String, String, Vec<(String, String)>) {
    let dir = common::root().join("tests/fixtures/rules");
    let read = |p: &Path| std::fs::read_to_string(p).unwrap();
    let mut regions: Vec<(String, String)> = std::fs::read_dir(dir.join("regions"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| (p.file_name().unwrap().to_string_lossy().into_owned(), read(&p)))
        .collect();
    // Reversed on purpose: the loader reads region files in name order, whatever the order given.
    regions.sort();
    regions.reverse();
    (read(&dir.join("kommuner.csv")), read(&dir.join("national.toml")), regions)
}

#[test]
fn rules_in_memory_load_like_the_folder() {
    let (register, national, regions) = fixture_in_memory();
    let regions: Vec<(&str, &str)> = regions.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
    let in_memory = rules::load_files(&register, &national, &regions);
    assert!(in_memory.diags.is_empty(), "{}", render(&in_memory.diags, &in_memory.sources, false));
    let mut from_disk = rules::load(&common::root().join("tests/fixtures/rules"));
    // Contacts are read from a folder only (`contacts/`): the rest must be the same.
    assert!(!from_disk.rules.directory.is_empty());
    from_disk.rules.directory.clear();
    from_disk.rules.version = in_memory.rules.version.clone();
    assert!(in_memory.rules == from_disk.rules, "the rules loaded from memory differ from the folder's");
    let names: Vec<&str> = in_memory.sources.files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(names, ["kommuner.csv", "national.toml", "regions/01-stockholm.toml", "regions/19-vastmanland.toml"]);
}

#[test]
fn rules_in_memory_get_the_folders_diagnostics_under_their_own_names() {
    let (register, national, mut regions) = fixture_in_memory();
    let vm = regions.iter_mut().find(|(n, _)| n == "19-vastmanland.toml").unwrap();
    vm.1 = vm.1.replacen("doc = \"sala-hemsjukvard\"", "doc = \"sala-hemsjukvrd\"", 1);
    let regions: Vec<(&str, &str)> = regions.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
    let loaded = rules::load_files(&register, &national, &regions);
    let out = render(&loaded.diags, &loaded.sources, false);
    let (_, from_folder) = check_edited("in-memory-twin", VM, "doc = \"sala-hemsjukvard\"", "doc = \"sala-hemsjukvrd\"");
    assert!(out.contains("--> regions/19-vastmanland.toml:67:11"), "{out}");
    assert_eq!(out, from_folder.replace("rules/regions/", "regions/"));
}

#[test]
fn rules_in_memory_that_are_empty_fail() {
    let loaded = rules::load_files("", "", &[]);
    let codes: Vec<&str> = loaded.diags.iter().map(|d| d.code).collect();
    assert!(loaded.has_errors());
    assert!(codes.contains(&"empty-register") && codes.contains(&"missing-field"), "{codes:?}");
}
