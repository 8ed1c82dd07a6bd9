//! Loading `rules/`: TOML files and the kommun register into a checked [`RuleSet`].
//!
//! Reads `kommuner.csv`, `national.toml`, `regions/*.toml` and `contacts/*.toml` — from a folder
//! ([`load`]) or, without contacts, from memory ([`load_files`]) — validates every field (schema, unknown fields, sources, date ranges,
//! references) and keeps where each rule came from, so the exhaustive check's findings can point at
//! the rule's text. It does not decide cases.
//!
//! - this file: the entry points, the loader's state, reading one TOML file, `national.toml`'s own
//!   tables (`[window]`, `[contact]`) and the fields several tables share (`confidence`, ids);
//! - `documents.rs`: `[document.…]` tables and `source = …` citations;
//! - `rules.rs`: `[[rule]]` and `[[note]]` tables and what they apply to (`valid_from`, `when`);
//! - `region.rs`: the register `kommuner.csv`, a region file's `[region]` and `[kommun.NNNN]` tables;
//! - `contacts.rs`: `contacts/NN-name.toml`, whom to call (links and numbers, each with its source);
//! - `cross.rs`: the checks that need every file (document references, kommun exceptions, sources
//!   for every day, unused documents, regions without a file).
//!
//! Values are kept as parsed, with their [`Loc`]; nothing is read back from the source text (a TOML
//! string may be written `"…"` or `'…'`, and only the parser knows where its value starts).

mod contacts;
mod cross;
mod documents;
mod region;
mod rules;

use super::diag::{Diagnostic, Loc, Sources};
use super::walk::{Diags, Table};
use crate::engine::compiled;
use crate::engine::date::Date;
use crate::engine::ruleset::{Contacts, RuleSet, Window};
use crate::engine::vocab::Confidence;
use documents::PendingCite;
use std::collections::HashMap;
use std::path::Path;

/// Where each rule, note and region came from, so findings can point at their text.
#[derive(Clone, Debug, Default)]
pub struct SourceMap {
    /// Location of each rule's `id` value, parallel to `RuleSet::rules`.
    pub rules: Vec<Loc>,
    /// Location of each note's `id` value, parallel to `RuleSet::notes`.
    pub notes: Vec<Loc>,
    /// Location of each region's `lan` value, parallel to `RuleSet::regions`.
    pub regions: Vec<Loc>,
    /// Location of each region's `reviewed` value (its `lan` where that is missing), parallel to
    /// `RuleSet::regions`.
    pub reviewed: Vec<Loc>,
}

/// The result of loading: the rules (possibly incomplete if there were errors), the text of every
/// file, where things are, and every problem found.
pub struct Loaded {
    /// The rules as loaded; complete and usable only if [`Loaded::has_errors`] is false.
    pub rules: RuleSet,
    /// The text of every file read, for rendering diagnostics.
    pub sources: Sources,
    /// Where each rule, note and region is written.
    pub map: SourceMap,
    /// Every problem found, errors and warnings, in the order the files were read.
    pub diags: Vec<Diagnostic>,
}

impl Loaded {
    /// Whether any diagnostic is an error (warnings do not count): the rules must not be used then.
    pub fn has_errors(&self) -> bool {
        self.diags.iter().any(|d| d.is_error())
    }
}

/// Loads and validates the rules folder. Problems are returned as diagnostics, never panics.
///
/// Diagnostics name the files as `dir` joined with their place in the folder (`rules/national.toml`).
pub fn load(dir: &Path) -> Loaded {
    let shown = |p: &Path| p.display().to_string();
    let read = |p: &Path| read_text(p);
    let register = dir.join("kommuner.csv");
    let national = dir.join("national.toml");
    let regions_dir = dir.join("regions");
    let toml_files = |folder: &Path| -> Result<Vec<RegionFile>, String> {
        let rd = std::fs::read_dir(folder).map_err(|e| e.to_string())?;
        let mut paths: Vec<_> = rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "toml")).collect();
        paths.sort();
        Ok(paths
            .iter()
            .map(|p| RegionFile { path: shown(p), name: p.file_name().map(|f| f.to_string_lossy().to_string()).unwrap_or_default(), text: read(p) })
            .collect())
    };
    // Contacts are optional: a rules folder without `contacts/` has none (every answer then gives
    // the general next step only).
    let contacts_dir = dir.join("contacts");
    let contacts = if contacts_dir.exists() { toml_files(&contacts_dir) } else { Ok(Vec::new()) };
    load_input(Input {
        register: (shown(&register), read(&register)),
        national: (shown(&national), read(&national)),
        regions_dir: shown(&regions_dir),
        regions: toml_files(&regions_dir),
        contacts_dir: shown(&contacts_dir),
        contacts,
    })
}

/// The largest rules file read: 2 MB. The largest file of the project's rules is ~10 KB and the
/// register ~15 KB; a file 200 times that is not a rules file, and reading it whole would only
/// make `check` slow or run out of memory (a link to `/dev/zero` never ends).
pub const MAX_FILE_BYTES: u64 = 2 * 1024 * 1024;

/// Reads a rules or scenario file as text: only a regular file (or a link to one), of at most
/// [`MAX_FILE_BYTES`]; a FIFO, a device or a folder is refused before it is opened for reading, so
/// nothing can make the reader wait or read without end.
pub fn read_text(path: &Path) -> Result<String, String> {
    use std::io::Read as _;
    let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
    let ft = meta.file_type();
    if !ft.is_file() {
        let what = if ft.is_dir() { "a folder" } else { "not a regular file (a FIFO, a socket or a device)" };
        return Err(format!("it is {what}; the rules folder holds plain text files only"));
    }
    let too_big = || format!("it is larger than {} MB, the most a rules file may be; is it the right file?", MAX_FILE_BYTES / (1024 * 1024));
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_big());
    }
    let mut bytes = Vec::new();
    // Bounded again while reading: the file may have grown since `metadata`.
    std::fs::File::open(path).and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes)).map_err(|e| e.to_string())?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_big());
    }
    String::from_utf8(bytes).map_err(|_| "it is not UTF-8 text".to_string())
}

/// Loads and validates a rules folder held in memory: the register `kommuner.csv`, `national.toml`
/// and each region file as (file name, text), e.g. `("19-vastmanland.toml", "…")`.
///
/// The same checks as [`load`]; diagnostics name the files `kommuner.csv`, `national.toml` and
/// `regions/<file name>`. Region files are read in file-name order, whatever the order given.
pub fn load_files(register: &str, national: &str, regions: &[(&str, &str)]) -> Loaded {
    let mut regions: Vec<(&str, &str)> = regions.to_vec();
    regions.sort_by(|a, b| a.0.cmp(b.0));
    load_input(Input {
        register: ("kommuner.csv".into(), Ok(register.into())),
        national: ("national.toml".into(), Ok(national.into())),
        regions_dir: "regions".into(),
        regions: Ok(regions
            .iter()
            .map(|(name, text)| RegionFile { path: format!("regions/{name}"), name: name.to_string(), text: Ok(text.to_string()) })
            .collect()),
        contacts_dir: "contacts".into(),
        contacts: Ok(Vec::new()),
    })
}

/// A file's text, or why it could not be read.
type Read = Result<String, String>;

/// One region file: the path diagnostics show, its file name (`19-vastmanland.toml`), its text.
struct RegionFile {
    path: String,
    name: String,
    text: Read,
}

/// Everything the loader reads, each file with the path diagnostics show for it.
struct Input {
    register: (String, Read),
    national: (String, Read),
    regions_dir: String,
    /// The region files in file-name order, or why the folder could not be listed.
    regions: Result<Vec<RegionFile>, String>,
    contacts_dir: String,
    /// The contacts files in file-name order (none without the folder), or why it could not be listed.
    contacts: Result<Vec<RegionFile>, String>,
}

/// What a TOML file of the rules folder is.
enum Kind {
    National,
    /// A region file, with its file name.
    Region(String),
    /// A contacts file, with its file name.
    Contacts(String),
}

fn load_input(input: Input) -> Loaded {
    let mut l = Loader::default();
    match input.register {
        (path, Ok(text)) => l.read_register(path, text),
        (path, Err(e)) => l.diags.push(
            Diagnostic::error("missing-file", format!("cannot read the kommun register {path}: {e}"))
                .help("copy the register of all 290 kommuner (kommunkod,kommun,lanskod,lan,region) to this path"),
        ),
    }
    match input.national {
        (path, Ok(text)) => l.read_file(path, text, Kind::National),
        (path, Err(e)) => l.diags.push(
            Diagnostic::error("missing-file", format!("cannot read {path}: {e}"))
                .help("the national law rules live in national.toml at the top of the rules folder"),
        ),
    }
    match input.regions {
        Ok(files) => {
            for f in files {
                match f.text {
                    Ok(text) => l.read_file(f.path, text, Kind::Region(f.name)),
                    Err(e) => l.diags.push(Diagnostic::error("missing-file", format!("cannot read {}: {e}", f.path))),
                }
            }
        }
        Err(e) => l.diags.push(
            Diagnostic::error("missing-file", format!("cannot read the folder {}: {e}", input.regions_dir))
                .help("each region's rules live in regions/NN-name.toml, NN being the länskod"),
        ),
    }
    match input.contacts {
        Ok(files) => {
            for f in files {
                match f.text {
                    Ok(text) => l.read_file(f.path, text, Kind::Contacts(f.name)),
                    Err(e) => l.diags.push(Diagnostic::error("missing-file", format!("cannot read {}: {e}", f.path))),
                }
            }
        }
        Err(e) => l.diags.push(Diagnostic::error("missing-file", format!("cannot read the folder {}: {e}", input.contacts_dir))),
    }
    l.cross_checks();

    let mut rules = l.rules;
    rules.documents.sort_by(|a, b| a.id.cmp(&b.id));
    rules.version = compiled::hash(&compiled::encode(&rules));
    Loaded { rules, sources: l.sources, map: l.map, diags: l.diags.into_inner() }
}

/// The loader's state while it reads the files one by one.
struct Loader {
    sources: Sources,
    diags: Diags,
    map: SourceMap,
    rules: RuleSet,
    /// Every citation read, checked against the documents once all files are read.
    cites: Vec<PendingCite>,
    /// Location of each document's id, parallel to `rules.documents`.
    doc_locs: Vec<Loc>,
    /// For each rule: location of its `when.kommun` codes, to check they are in its region.
    kommun_refs: Vec<(usize, String, Loc)>,
    /// File names of region files that are not valid TOML (their region is not "missing").
    unreadable: Vec<String>,
    /// Every date of a rule, note or citation, checked against the window once it is known.
    dated: Vec<Dated>,
    /// Whether `national.toml` set the check window.
    window_set: bool,
    /// Index of the first rule, note and document with each id (duplicates are errors): a map, not
    /// a scan, so a folder of many thousand rules loads in linear time.
    rule_ids: HashMap<String, usize>,
    note_ids: HashMap<String, usize>,
    doc_ids: HashMap<String, usize>,
}

/// A date written in a rule file (`valid_to`, a source's `from`, …), where, and what it is.
struct Dated {
    date: Date,
    loc: Loc,
    what: String,
}

impl Default for Loader {
    fn default() -> Self {
        Loader {
            sources: Sources::default(),
            diags: Diags::default(),
            map: SourceMap::default(),
            rules: RuleSet {
                version: String::new(),
                window: Window { from: Date::MIN, to: Date::MIN },
                contacts: Contacts::default(),
                directory: Vec::new(),
                documents: Vec::new(),
                regions: Vec::new(),
                kommuner: Vec::new(),
                rules: Vec::new(),
                notes: Vec::new(),
                partial: Vec::new(),
                part_digests: Vec::new(),
                english_digest: Vec::new(),
            },
            cites: Vec::new(),
            doc_locs: Vec::new(),
            kommun_refs: Vec::new(),
            unreadable: Vec::new(),
            dated: Vec::new(),
            window_set: false,
            rule_ids: HashMap::new(),
            note_ids: HashMap::new(),
            doc_ids: HashMap::new(),
        }
    }
}

const ID_HELP: &str = "ids use lower-case letters, digits, `.`, `-` and `_`, e.g. `vastmanland.hemsjukvard.adults`";

/// A rule or document id: starts with a lower-case letter; lower-case letters, digits, `.-_`.
fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b))
        && id.as_bytes()[0].is_ascii_lowercase()
}

impl Loader {
    /// Reads one TOML file of the rules folder.
    fn read_file(&mut self, path: String, text: String, kind: Kind) {
        let file = self.sources.add(path.clone(), text);
        let text = self.sources.files[file].text.clone();
        let (doc, errors) = toml::de::DeTable::parse_recoverable(&text);
        for e in &errors {
            let mut d = Diagnostic::error("toml-syntax", format!("{path} is not valid TOML: {}", e.message().trim()));
            if let Some(span) = e.span() {
                d = d.at(Loc { file, span }, "here");
            }
            self.diags.push(d.help("see https://toml.io for the syntax; dates are written without quotes, e.g. 2012-09-01"));
        }
        if !errors.is_empty() {
            if let Kind::Region(name) = kind {
                self.unreadable.push(name);
            }
            return;
        }
        let diags = Diags::default();
        let span = doc.span();
        let mut top = Table::new(file, doc.get_ref(), span, path.to_string(), &diags);
        match &kind {
            Kind::National => self.read_national(&mut top),
            Kind::Region(name) => self.read_region(&mut top, name),
            Kind::Contacts(name) => self.read_contacts(&mut top, name),
        }
        top.finish();
        for d in diags.into_inner() {
            self.diags.push(d);
        }
    }

    fn read_national(&mut self, top: &mut Table<'_, '_>) {
        if let Some(mut w) = top.table_field("window", Some("add `[window]` with `from` and `to`: the dates `ansvarskollen check` proves the rules for")) {
            w.set_what("the [window] table");
            let from = w.date("from", Some("add `from = 1992-01-01`"));
            let to = w.date("to", Some("add `to = 2027-12-31`"));
            if let (Some((f, _)), Some((t, tl))) = (from, to) {
                if t < f {
                    w.error(Diagnostic::error("bad-date-range", "the check window ends before it starts").at(tl, "before `from`"));
                }
                self.rules.window = Window { from: f, to: t };
                self.window_set = true;
            }
            w.finish();
        }
        if let Some(mut c) = top.table_field("contact", Some("add `[contact]` with the general next-step texts `kommun`, `region` and `not_determined`")) {
            c.set_what("the [contact] table");
            let k = c.text("kommun", Some("add `kommun.sv` and `kommun.en`"));
            let r = c.text("region", Some("add `region.sv` and `region.en`"));
            let n = c.text("not_determined", Some("add `not_determined.sv` and `not_determined.en`"));
            // Optional: the next step of an answer that is not verified (see rules/README.md).
            let kd = c.text("kommun_doubt", None);
            let rd = c.text("region_doubt", None);
            self.rules.contacts = Contacts {
                kommun: k.unwrap_or_default(),
                region: r.unwrap_or_default(),
                not_determined: n.unwrap_or_default(),
                kommun_doubt: kd.unwrap_or_default(),
                region_doubt: rd.unwrap_or_default(),
            };
            c.finish();
        }
        self.read_documents(top);
        for t in top.tables("rule", "rule") {
            self.read_rule(t, None);
        }
        for t in top.tables("note", "note") {
            self.read_note(t, None);
        }
    }

    /// `confidence = "verified"`, `"partly"` or `"unverified"`: one word, required or optional.
    fn confidence(&mut self, t: &mut Table<'_, '_>, required: bool) -> Option<Confidence> {
        let hint = "say how well it is known: `confidence = \"verified\"` (a stored source states it), \"partly\" (some limits unknown) or \"unverified\"";
        if !t.has("confidence") {
            if required {
                t.string("confidence", Some(hint));
            }
            t.allow("confidence");
            return None;
        }
        let (set, loc) = t.words::<Confidence>("confidence")?;
        let mut it = set.iter();
        match (it.next(), it.next()) {
            (Some(c), None) => Some(c),
            _ => {
                t.error(Diagnostic::error("bad-value", "`confidence` takes one value").at(loc, "give one word"));
                None
            }
        }
    }
}
