//! Walking a parsed TOML table field by field, collecting every problem with its position.
//!
//! Like `serde(deny_unknown_fields)`, but it reports all errors, points at the offending text and
//! names the valid choices. It knows TOML shapes, not the meaning of rules (that is `load/`).
//! (Longer than most: one reader per TOML shape — tables, strings, dates, lists, inline tables —
//! each with its own errors; they share the position and suggestion helpers at the bottom.)

use super::diag::{Diagnostic, Loc};
use crate::engine::date::Date;
use crate::engine::ruleset::Text;
use crate::engine::vocab::{Set, Vocab};
use std::cell::RefCell;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

/// Where diagnostics are collected while walking.
#[derive(Default)]
pub struct Diags(pub RefCell<Vec<Diagnostic>>);

impl Diags {
    /// Adds a diagnostic (through a shared reference: every table being read holds one).
    pub fn push(&self, d: Diagnostic) {
        self.0.borrow_mut().push(d);
    }
    /// Every diagnostic collected, in order.
    pub fn into_inner(self) -> Vec<Diagnostic> {
        self.0.into_inner()
    }
}

/// A TOML table being read; call [`Table::finish`] to report fields nobody asked for.
pub struct Table<'a, 'i> {
    /// Index of the file in [`super::Sources`].
    pub file: usize,
    /// The parsed table.
    pub table: &'a DeTable<'i>,
    /// Where the table is written (its header or inline braces), for "missing field" messages.
    pub loc: Loc,
    /// What this table is, for messages: "rule `vastmanland.hemsjukvard`", "the `[region]` table".
    pub what: String,
    diags: &'a Diags,
    used: Vec<&'static str>,
}

fn type_name(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a number",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

/// The first character a text may not hold, with its position (in characters): any control
/// character (Unicode Cc: C0, DEL, C1) and the bidirectional embedding, override and isolate
/// controls; with `lines`, a line break (`\n`, or `\r\n` from a file saved with CRLF) is allowed.
pub fn forbidden_char(s: &str, lines: bool) -> Option<(usize, char)> {
    let mut chars = s.chars().enumerate().peekable();
    while let Some((n, c)) = chars.next() {
        let allowed = match c {
            '\n' => lines,
            '\r' => lines && chars.peek().is_some_and(|(_, next)| *next == '\n'),
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => false,
            c => !c.is_control(),
        };
        if !allowed {
            return Some((n, c));
        }
    }
    None
}

/// A text from a rule file as a message may quote it: control characters escaped, so that a
/// diagnostic never sends a terminal escape sequence.
pub fn shown(s: &str) -> String {
    if forbidden_char(s, false).is_some() { s.escape_debug().to_string() } else { s.to_string() }
}

/// Edit distance, for "did you mean".
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1];
        for (j, cb) in b.iter().enumerate() {
            cur.push((prev[j] + usize::from(ca != *cb)).min(prev[j + 1] + 1).min(cur[j] + 1));
        }
        prev = cur;
    }
    prev[b.len()]
}

/// The closest valid choice, if it is close enough to be a likely typo.
pub fn did_you_mean<'c>(got: &str, choices: &[&'c str]) -> Option<&'c str> {
    choices
        .iter()
        .map(|c| (distance(got, c), *c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

impl<'a, 'i> Table<'a, 'i> {
    /// Starts reading a table of `file` written at `span`; `what` names it in messages.
    pub fn new(file: usize, table: &'a DeTable<'i>, span: std::ops::Range<usize>, what: impl Into<String>, diags: &'a Diags) -> Self {
        Table { file, table, loc: Loc { file, span }, what: what.into(), diags, used: Vec::new() }
    }

    /// A place in this table's file.
    pub fn loc(&self, span: std::ops::Range<usize>) -> Loc {
        Loc { file: self.file, span }
    }

    /// Reports a problem found in this table.
    pub fn error(&self, d: Diagnostic) {
        self.diags.push(d);
    }

    /// Renames the table for messages, e.g. once its `id` is known.
    pub fn set_what(&mut self, what: impl Into<String>) {
        self.what = what.into();
    }

    /// The raw value of a field, marking it as known.
    pub fn get(&mut self, key: &'static str) -> Option<&'a Spanned<DeValue<'i>>> {
        self.used.push(key);
        self.table.get(key)
    }

    /// Marks a field as known without reading it.
    pub fn allow(&mut self, key: &'static str) {
        self.used.push(key);
    }

    /// Whether the field is written (does not mark it as known).
    pub fn has(&self, key: &str) -> bool {
        self.table.get(key).is_some()
    }

    /// Location of a field's key (for "remove this field" messages).
    pub fn key_loc(&self, key: &str) -> Option<Loc> {
        self.table.iter().find(|(k, _)| k.get_ref().as_ref() == key).map(|(k, _)| self.loc(k.span()))
    }

    fn missing(&self, key: &str, hint: &str) {
        self.error(
            Diagnostic::error("missing-field", format!("{} has no `{key}`", self.what))
                .at(self.loc.clone(), format!("`{key}` is required here"))
                .help(hint.to_string()),
        );
    }

    fn wrong_type(&self, key: &str, v: &Spanned<DeValue<'_>>, expected: &str) {
        self.error(
            Diagnostic::error("wrong-type", format!("`{key}` in {} must be {expected}", self.what))
                .at(self.loc(v.span()), format!("this is {}", type_name(v.get_ref()))),
        );
    }

    /// A required or optional string field: one line, no control characters.
    pub fn string(&mut self, key: &'static str, required: Option<&str>) -> Option<(String, Loc)> {
        self.string_of(key, required, false)
    }

    /// A string that is text for people (a reason, a doubt, an open question): like
    /// [`Table::string`], but it may hold line breaks.
    pub fn prose(&mut self, key: &'static str, required: Option<&str>) -> Option<(String, Loc)> {
        self.string_of(key, required, true)
    }

    fn string_of(&mut self, key: &'static str, required: Option<&str>, lines: bool) -> Option<(String, Loc)> {
        let Some(v) = self.get(key) else {
            if let Some(hint) = required {
                self.missing(key, hint);
            }
            return None;
        };
        match v.get_ref() {
            DeValue::String(s) if !s.trim().is_empty() => {
                if let Some((n, c)) = forbidden_char(s, lines) {
                    let mut d = Diagnostic::error("control-character", format!("`{key}` in {} contains the control character U+{:04X}", self.what, c as u32))
                        .at(self.loc(v.span()), format!("character {} of this text", n + 1))
                        .help("remove it: texts are plain text, and a control character (an escape sequence, a tab, a carriage return, a direction override) can change how a terminal or a page shows them");
                    if lines {
                        d = d.note("a line break is allowed in texts");
                    }
                    // Kept, so that what refers to it (a document by its id) is not reported too.
                    self.error(d);
                }
                Some((s.to_string(), self.loc(v.span())))
            }
            DeValue::String(_) => {
                self.error(
                    Diagnostic::error("empty-value", format!("`{key}` in {} is empty", self.what))
                        .at(self.loc(v.span()), "write something here or remove the field"),
                );
                None
            }
            _ => {
                self.wrong_type(key, v, "a string");
                None
            }
        }
    }

    /// An optional `true`/`false` field.
    pub fn bool(&mut self, key: &'static str) -> Option<(bool, Loc)> {
        let v = self.get(key)?;
        match v.get_ref() {
            DeValue::Boolean(b) => Some((*b, self.loc(v.span()))),
            _ => {
                self.wrong_type(key, v, "true or false");
                None
            }
        }
    }

    /// An optional whole number in `range`.
    pub fn int(&mut self, key: &'static str, range: std::ops::RangeInclusive<i64>) -> Option<(i64, Loc)> {
        let v = self.get(key)?;
        let DeValue::Integer(i) = v.get_ref() else {
            self.wrong_type(key, v, "a whole number");
            return None;
        };
        let parsed = i64::from_str_radix(i.as_str(), i.radix()).ok().filter(|n| range.contains(n));
        if parsed.is_none() {
            self.error(
                Diagnostic::error("bad-value", format!("`{key}` in {} is out of range", self.what))
                    .at(self.loc(v.span()), format!("must be from {} to {}", range.start(), range.end())),
            );
        }
        parsed.map(|n| (n, self.loc(v.span())))
    }

    /// A date field: a TOML date without quotes (`valid_from = 2012-09-01`).
    pub fn date(&mut self, key: &'static str, required: Option<&str>) -> Option<(Date, Loc)> {
        let Some(v) = self.get(key) else {
            if let Some(hint) = required {
                self.missing(key, hint);
            }
            return None;
        };
        let loc = self.loc(v.span());
        match v.get_ref() {
            DeValue::Datetime(dt) => match (dt.date, dt.time) {
                (Some(d), None) if dt.offset.is_none() => {
                    let parsed = Date::new(d.year, d.month, d.day);
                    if parsed.is_none() {
                        self.error(Diagnostic::error("bad-date", format!("`{key}` is not a calendar day")).at(loc.clone(), ""));
                    }
                    parsed.map(|p| (p, loc))
                }
                _ => {
                    self.error(
                        Diagnostic::error("bad-date", format!("`{key}` in {} must be a date without a time", self.what))
                            .at(loc, "remove the time of day")
                            .help("write a plain date, e.g. 2012-09-01"),
                    );
                    None
                }
            },
            DeValue::String(s) if Date::parse(s).is_ok() => {
                self.error(
                    Diagnostic::error("quoted-date", format!("`{key}` in {} is a string, not a date", self.what))
                        .at(loc, "remove the quotes")
                        .help(format!("write `{key} = {s}`: TOML dates have no quotes")),
                );
                None
            }
            _ => {
                self.wrong_type(key, v, "a date like 2012-09-01 (no quotes)");
                None
            }
        }
    }

    /// A word or a list of words from a vocabulary (`need = "nursing"` or `need = ["nursing", "dental"]`).
    pub fn words<T: Vocab>(&mut self, key: &'static str) -> Option<(Set<T>, Loc)> {
        self.words_or_aliases(key, &[])
    }

    /// Like [`Table::words`], where some extra words stand for several values (`"visiting"` for
    /// the three visiting stays).
    pub fn words_or_aliases<T: Vocab>(&mut self, key: &'static str, aliases: &[(&'static str, &'static [T])]) -> Option<(Set<T>, Loc)> {
        let v = self.get(key)?;
        let mut items: Vec<&Spanned<DeValue<'_>>> = Vec::new();
        match v.get_ref() {
            DeValue::String(_) => items.push(v),
            DeValue::Array(a) => items.extend(a.iter()),
            _ => {
                self.wrong_type(key, v, &format!("a {} or a list of them", T::WHAT));
                return None;
            }
        }
        let mut set = Set::empty();
        let mut ok = true;
        for item in items {
            let DeValue::String(s) = item.get_ref() else {
                self.wrong_type(key, item, &format!("a {} (a string)", T::WHAT));
                ok = false;
                continue;
            };
            if let Some((_, values)) = aliases.iter().find(|(a, _)| *a == s.as_ref()) {
                set = values.iter().fold(set, |set, v| set.with(*v));
                continue;
            }
            match T::parse(s) {
                Ok(w) => set = set.with(w),
                Err(e) => {
                    ok = false;
                    let mut valid = e.valid.clone();
                    valid.extend(aliases.iter().map(|(a, _)| *a));
                    let mut d = Diagnostic::error("unknown-word", format!("unknown {} `{}` in {}", T::WHAT, shown(s), self.what))
                        .at(self.loc(item.span()), format!("not a {}", T::WHAT))
                        .note(format!("valid choices: {}", valid.join(", ")));
                    if let Some(m) = did_you_mean(s, &valid) {
                        d = d.help(format!("did you mean `{m}`?"));
                    }
                    self.error(d);
                }
            }
        }
        if ok && set.is_empty() {
            self.error(
                Diagnostic::error("empty-value", format!("`{key}` in {} lists nothing", self.what))
                    .at(self.loc(v.span()), "an empty list matches no case")
                    .help(format!("list at least one {}, or remove the field to match any", T::WHAT)),
            );
            return None;
        }
        ok.then(|| (set, self.loc(v.span())))
    }

    /// A text in Swedish and English: `reason.sv = "…"` and `reason.en = "…"`.
    pub fn text(&mut self, key: &'static str, required: Option<&str>) -> Option<Text> {
        let mut t = self.table_field(key, required)?;
        let what = format!("`{key}` of {}", self.what);
        t.set_what(what);
        let sv = t.prose("sv", Some("write the Swedish text as `sv = \"…\"` (plain Swedish: short sentences, \"du\")"));
        let en = t.prose("en", Some("write the English text as `en = \"…\"`: the widget is complete in English too"));
        t.finish();
        Some(Text { sv: sv?.0, en: en?.0 })
    }

    /// A sub-table field.
    pub fn table_field(&mut self, key: &'static str, required: Option<&str>) -> Option<Table<'a, 'i>> {
        let Some(v) = self.get(key) else {
            if let Some(hint) = required {
                self.missing(key, hint);
            }
            return None;
        };
        match v.get_ref() {
            DeValue::Table(t) => Some(Table::new(self.file, t, v.span(), format!("`{key}` of {}", self.what), self.diags)),
            _ => {
                self.wrong_type(key, v, "a table");
                None
            }
        }
    }

    /// A list of tables (`[[rule]]` or an array of inline tables); a single inline table counts
    /// as a list of one.
    pub fn tables(&mut self, key: &'static str, what: &str) -> Vec<Table<'a, 'i>> {
        let Some(v) = self.get(key) else {
            return Vec::new();
        };
        let items: Vec<&'a Spanned<DeValue<'i>>> = match v.get_ref() {
            DeValue::Array(a) => a.iter().collect(),
            DeValue::Table(_) => vec![v],
            _ => {
                self.wrong_type(key, v, &format!("a table or a list of tables ({what})"));
                return Vec::new();
            }
        };
        let mut out = Vec::new();
        for (n, item) in items.into_iter().enumerate() {
            match item.get_ref() {
                DeValue::Table(t) => out.push(Table::new(self.file, t, item.span(), format!("{what} #{}", n + 1), self.diags)),
                _ => self.wrong_type(key, item, &format!("a table ({what})")),
            }
        }
        out
    }

    /// The entries of a table whose keys are names chosen by the author (`[document.hsl2017]`).
    pub fn named_tables(&mut self, key: &'static str, what: &str) -> Vec<(String, Loc, Table<'a, 'i>)> {
        let Some(v) = self.get(key) else {
            return Vec::new();
        };
        let DeValue::Table(t) = v.get_ref() else {
            self.wrong_type(key, v, "a table of named tables");
            return Vec::new();
        };
        let mut out = Vec::new();
        for (k, item) in t.iter() {
            let name = k.get_ref().to_string();
            match item.get_ref() {
                DeValue::Table(inner) => out.push((
                    name.clone(),
                    self.loc(k.span()),
                    Table::new(self.file, inner, k.span(), format!("{what} `{name}`"), self.diags),
                )),
                _ => self.wrong_type(key, item, &format!("a table ({what} `{name}`)")),
            }
        }
        out
    }

    /// Reports every field nobody asked for, with the valid fields and a "did you mean".
    pub fn finish(self) {
        for (k, _) in self.table.iter() {
            let name = k.get_ref();
            if self.used.iter().any(|u| *u == name.as_ref()) {
                continue;
            }
            let mut valid: Vec<&str> = self.used.clone();
            valid.sort();
            valid.dedup();
            let mut d = Diagnostic::error("unknown-field", format!("unknown field `{}` in {}", shown(name), self.what))
                .at(self.loc(k.span()), "not a field here")
                .note(format!("valid fields here: {}", valid.join(", ")));
            if let Some(m) = did_you_mean(name, &valid) {
                d = d.help(format!("did you mean `{m}`?"));
            } else {
                d = d.help("remove it, or check rules/README.md for the fields a rule file can have");
            }
            self.diags.push(d);
        }
    }
}
