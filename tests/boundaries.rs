//! The engine is the ground floor (ARCHITECTURE.md, "Architecture invariants"): nothing under
//! `src/engine/` may name the faces or the machinery above it — `crate::rules`, `crate::cli`,
//! `crate::ui` or any other module of the crate outside `crate::engine` — nor the standard
//! library's file, I/O, process, environment or network modules (`std::fs`, `std::io`,
//! `std::process`, `std::env`, `std::net`), nor print to a terminal (`println!` and friends).
//!
//! The check reads the source text: comments, strings and character literals are blanked out, `use`
//! trees are expanded (`use std::{fmt, io::Write}` names `std::io`), and `self::`/`super::`
//! paths are resolved from the file's place in the module tree, so `super::super::ui` from
//! `src/engine/check/gaps.rs` is `crate::engine::ui` (allowed) while three `super`s is `crate::ui`.
//! The scanner's own tests below show that it fails on each kind of breach.

use std::path::{Path, PathBuf};

/// Modules of the standard library the engine must not use.
const FORBIDDEN_STD: &[&str] = &["fs", "io", "process", "env", "net"];
/// Macros that write to a terminal.
const FORBIDDEN_MACROS: &[&str] = &["println", "eprintln", "print", "eprint", "dbg"];

#[test]
fn the_engine_names_no_face_and_no_io() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src/engine"), &mut files);
    assert!(files.len() >= 20, "only {} engine files found: is the walk broken?", files.len());
    let mut breaches = Vec::new();
    for f in &files {
        let rel = f.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
        let text = std::fs::read_to_string(f).unwrap();
        breaches.extend(breaches_in(&rel, &text).into_iter().map(|b| format!("{rel}: {b}")));
    }
    assert!(breaches.is_empty(), "the engine must stay the ground floor:\n{}", breaches.join("\n"));
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The module path of a file under `src/`: `src/engine/check/gaps.rs` → `engine::check::gaps`.
fn module_of(rel: &str) -> Vec<String> {
    let path = rel.strip_prefix("src/").unwrap_or(rel).trim_end_matches(".rs");
    let mut m: Vec<String> = path.split('/').map(String::from).collect();
    if m.last().is_some_and(|l| l == "mod" || l == "lib") {
        m.pop();
    }
    m
}

/// Every breach in one file's text, described.
fn breaches_in(rel: &str, text: &str) -> Vec<String> {
    let module = module_of(rel);
    let tokens = tokens(&blank(text));
    let mut out = Vec::new();
    for path in paths(&tokens) {
        if let Some(why) = judge(&module, &path) {
            out.push(format!("`{}` {why}", path.join("::")));
        }
    }
    for w in tokens.windows(2) {
        if w[1] == "!" && FORBIDDEN_MACROS.contains(&w[0].as_str()) {
            out.push(format!("`{}!` prints to a terminal", w[0]));
        }
    }
    out
}

/// Why a path is a breach, if it is one.
fn judge(module: &[String], path: &[String]) -> Option<String> {
    let first = path.first()?.as_str();
    let absolute: Vec<&str> = match first {
        "crate" => path[1..].iter().map(String::as_str).collect(),
        "self" | "super" => {
            let ups = path.iter().take_while(|s| *s == "super").count();
            let skip = if first == "self" { 1 } else { ups };
            if ups > module.len() {
                return Some("climbs out of the crate".into());
            }
            module[..module.len() - ups].iter().chain(&path[skip..]).map(String::as_str).collect()
        }
        "std" | "core" | "alloc" => {
            return path
                .get(1)
                .filter(|m| FORBIDDEN_STD.contains(&m.as_str()))
                .map(|m| format!("uses std::{m}: the engine does no file, I/O, process or network work"));
        }
        _ => return None,
    };
    match absolute.first() {
        Some(&"engine") | None => None,
        Some(top) => Some(format!("names crate::{top}: the engine depends on nothing above it")),
    }
}

/// Blanks out comments, string literals and character literals (keeping line breaks), so that a
/// path mentioned in prose is not taken for a use of it.
fn blank(text: &str) -> String {
    let c: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let keep_lines = |s: &[char]| s.iter().map(|&ch| if ch == '\n' { '\n' } else { ' ' }).collect::<String>();
    while i < c.len() {
        let rest = &c[i..];
        let end = if rest.starts_with(&['/', '/']) {
            i + rest.iter().position(|&ch| ch == '\n').unwrap_or(rest.len())
        } else if rest.starts_with(&['/', '*']) {
            let mut depth = 0;
            let mut j = i;
            loop {
                if j + 1 >= c.len() {
                    break c.len();
                }
                if c[j] == '/' && c[j + 1] == '*' {
                    depth += 1;
                    j += 2;
                } else if c[j] == '*' && c[j + 1] == '/' {
                    depth -= 1;
                    j += 2;
                    if depth == 0 {
                        break j;
                    }
                } else {
                    j += 1;
                }
            }
        } else if rest[0] == 'r' && (rest.get(1) == Some(&'"') || rest.get(1) == Some(&'#')) && (i == 0 || !is_ident(c[i - 1])) {
            let hashes = rest[1..].iter().take_while(|&&ch| ch == '#').count();
            if rest.get(1 + hashes) != Some(&'"') {
                out.push(c[i]);
                i += 1;
                continue;
            }
            let close: Vec<char> = std::iter::once('"').chain(std::iter::repeat_n('#', hashes)).collect();
            let body = i + 2 + hashes;
            (body..c.len()).find(|&j| c[j..].starts_with(&close)).map_or(c.len(), |j| j + close.len())
        } else if rest[0] == '"' {
            let mut j = i + 1;
            while j < c.len() && c[j] != '"' {
                j += if c[j] == '\\' { 2 } else { 1 };
            }
            j + 1
        } else if rest[0] == '\'' && rest.get(1) == Some(&'\\') {
            // An escaped character literal: '\n', '\'', '\u{1F600}'.
            (i + 3..c.len()).find(|&j| c[j] == '\'').map_or(c.len(), |j| j + 1)
        } else if rest[0] == '\'' && rest.get(2) == Some(&'\'') {
            i + 3
        } else {
            out.push(c[i]);
            i += 1;
            continue;
        };
        let end = end.min(c.len());
        out.push_str(&keep_lines(&c[i..end]));
        i = end;
    }
    out
}

fn is_ident(ch: char) -> bool {
    ch.is_alphanumeric() || ch == '_'
}

/// Identifiers, `::`, and single punctuation characters.
fn tokens(code: &str) -> Vec<String> {
    let c: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        if c[i].is_whitespace() {
            i += 1;
        } else if is_ident(c[i]) {
            let start = i;
            while i < c.len() && is_ident(c[i]) {
                i += 1;
            }
            out.push(c[start..i].iter().collect());
        } else if c[i] == ':' && c.get(i + 1) == Some(&':') {
            out.push("::".into());
            i += 2;
        } else {
            out.push(c[i].to_string());
            i += 1;
        }
    }
    out
}

/// Every path of two or more segments: those in `use` trees expanded, and those in code.
fn paths(t: &[String]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.len() {
        if t[i] == "use" {
            let (trees, next) = use_tree(t, i + 1, Vec::new());
            out.extend(trees);
            i = next;
            continue;
        }
        // A path starts at an identifier not itself after `a::` (a leading `::std` counts).
        let continues = i >= 2 && t[i - 1] == "::" && (is_ident_token(&t[i - 2]) || t[i - 2] == ">");
        if is_ident_token(&t[i]) && t.get(i + 1).is_some_and(|s| s == "::") && !continues {
            let mut path = vec![t[i].clone()];
            let mut j = i + 1;
            while j + 1 < t.len() && t[j] == "::" && is_ident_token(&t[j + 1]) {
                path.push(t[j + 1].clone());
                j += 2;
            }
            if path.len() > 1 {
                out.push(path);
            }
            i = j;
            continue;
        }
        i += 1;
    }
    out
}

fn is_ident_token(s: &str) -> bool {
    s.chars().next().is_some_and(|c| c.is_alphabetic() || c == '_')
}

/// Expands one `use` tree starting at `i` under `prefix`; returns the paths and the index after it.
fn use_tree(t: &[String], mut i: usize, mut prefix: Vec<String>) -> (Vec<Vec<String>>, usize) {
    while i < t.len() {
        match t[i].as_str() {
            "::" => i += 1,
            "{" => {
                let mut all = Vec::new();
                i += 1;
                while i < t.len() && t[i] != "}" {
                    let (trees, next) = use_tree(t, i, prefix.clone());
                    all.extend(trees);
                    i = next;
                    if t.get(i).is_some_and(|s| s == ",") {
                        i += 1;
                    }
                }
                return (all, i + 1);
            }
            "*" => return (vec![prefix], i + 1),
            "as" => i += 2,
            "," | "}" | ";" => return (vec![prefix], if t[i] == ";" { i + 1 } else { i }),
            s if is_ident_token(s) => {
                prefix.push(s.to_string());
                i += 1;
            }
            _ => i += 1,
        }
    }
    (vec![prefix], i)
}

#[cfg(test)]
mod scanner {
    use super::breaches_in;

    fn found(file: &str, code: &str) -> usize {
        breaches_in(file, code).len()
    }

    #[test]
    fn it_finds_every_kind_of_breach() {
        assert_eq!(found("src/engine/eval/context.rs", "use crate::ui;"), 1);
        assert_eq!(found("src/engine/eval/context.rs", "use crate::{engine::date::Date, rules::load};"), 1);
        assert_eq!(found("src/engine/mod.rs", "use super::cli::Args;"), 1);
        assert_eq!(found("src/engine/check/gaps.rs", "use super::super::super::ui::web;"), 1);
        assert_eq!(found("src/engine/date.rs", "use std::{fmt, io::Write};"), 1);
        assert_eq!(found("src/engine/date.rs", "fn f() { let _ = std::fs::read(\"x\"); }"), 1);
        assert_eq!(found("src/engine/date.rs", "fn f() { ::std::process::exit(1) }"), 1);
        assert_eq!(found("src/engine/date.rs", "fn f() { println!(\"x\") }"), 1);
        assert_eq!(found("src/engine/date.rs", "fn f() -> crate::cli::Exit { todo!() }"), 1);
    }

    #[test]
    fn it_allows_the_engine_itself_and_ignores_prose() {
        assert_eq!(found("src/engine/check/gaps.rs", "use super::super::eval::Context; use crate::engine::date::Date;"), 0);
        assert_eq!(found("src/engine/check/gaps.rs", "use super::{Cube, Example};"), 0);
        assert_eq!(found("src/engine/date.rs", "use std::fmt; impl std::error::Error for X {}"), 0);
        assert_eq!(found("src/engine/date.rs", "// use crate::ui;\n/* std::fs /* nested */ crate::cli */ fn f() {}"), 0);
        assert_eq!(found("src/engine/date.rs", "const S: &str = \"crate::ui and std::io\"; const R: &str = r#\"std::fs\"#;"), 0);
        assert_eq!(found("src/engine/json.rs", "match c { '\"' => out.push_str(\"\\\\\\\"\"), '{' => {} _ => {} } fn g<'a>(x: &'a str) {}"), 0);
        assert_eq!(found("src/engine/json.rs", "let q = '\\''; let s = \"std::io\";"), 0);
    }
}
