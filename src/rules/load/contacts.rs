//! Whom to call: `contacts/NN-name.toml`, one file per region — the region's page on 1177.se and,
//! per kommun, its website, its page on hälso- och sjukvård and its switchboard number, each read
//! on a public page named in its `source`. Reviewed like rules: an unknown field, a value without
//! a `source`, a kommun of another län, a malformed link or number is an error. Numbers are
//! checked and formatted here ("0220-24000" → "0220-240 00"), so the browser only shows them.

use super::Loader;
use crate::engine::contact::{KommunContact, RegionContacts, Sourced};
use crate::engine::date::Date;
use crate::rules::diag::{Diagnostic, Loc};
use crate::rules::walk::{Table, shown};

impl Loader {
    /// One contacts file (`file_name` is e.g. `19-vastmanland.toml`).
    pub(super) fn read_contacts(&mut self, top: &mut Table<'_, '_>, file_name: &str) {
        // Known even when the file is not read past a broken `[region]`.
        top.allow("kommun");
        let reviewed = top.date("reviewed", Some("add the day the pages were read, e.g. `reviewed = 2026-12-01`"));
        let Some(mut r) = top.table_field("region", Some("a contacts file has a `[region]` table with its `lan`")) else {
            return;
        };
        r.set_what("the [region] table");
        let lan = r.string("lan", Some("add the two-digit länskod, e.g. `lan = \"19\"`"));
        let page_1177 = link(&mut r, "page_1177", reviewed.as_ref());
        let find_care = link(&mut r, "find_care", reviewed.as_ref());
        r.finish();
        let (Some((lan, lan_loc)), Some((reviewed, _))) = (lan, reviewed) else { return };
        if self.rules.region(&lan).is_none() {
            // A region file that is not valid TOML has its own errors: none follows from it here.
            if self.unreadable.iter().any(|f| f.starts_with(&format!("{lan}-"))) {
                return;
            }
            self.diags.push(
                Diagnostic::error("unknown-lan", format!("län `{lan}` has no region file"))
                    .at(lan_loc.clone(), "no regions/NN-name.toml for this länskod")
                    .help("use the länskod of a region file, e.g. \"19\" for Västmanland"),
            );
            return;
        }
        if self.rules.directory.iter().any(|d| d.lan == lan) {
            self.diags.push(Diagnostic::error("duplicate-region", format!("län {lan} has two contacts files")).at(lan_loc, "second"));
            return;
        }
        if !file_name.starts_with(&format!("{lan}-")) {
            self.diags.push(
                Diagnostic::warning("file-name", format!("the contacts file for län {lan} should be named `{lan}-<name>.toml`"))
                    .at(lan_loc.clone(), "länskod")
                    .help("name contacts files like the region files, after their länskod"),
            );
        }
        let mut kommuner = Vec::new();
        for (code, loc, mut k) in top.named_tables("kommun", "kommun") {
            k.set_what(format!("kommun {code}"));
            let website = link(&mut k, "website", Some(&(reviewed, loc.clone())));
            let care_page = link(&mut k, "care_page", Some(&(reviewed, loc.clone())));
            let phone = number(&mut k, Some(&(reviewed, loc.clone())));
            let any = ["website", "care_page", "phone"].iter().any(|f| k.has(f));
            k.finish();
            match self.rules.kommun(&code) {
                Some(x) if x.lan == lan => {}
                Some(x) => {
                    self.diags.push(
                        Diagnostic::error("foreign-kommun", format!("kommun {code} ({}) is not in län {lan}", x.name))
                            .at(loc, format!("{} belongs to län {}", x.name, x.lan))
                            .help("write each kommun in the contacts file of its own län"),
                    );
                    continue;
                }
                None => {
                    self.diags.push(Diagnostic::error("unknown-kommun", format!("kommun {code} is not in the register")).at(loc, "no such kommunkod"));
                    continue;
                }
            }
            if !any {
                self.diags.push(
                    Diagnostic::error("missing-field", format!("kommun {code} has no `website`, `care_page` or `phone`"))
                        .at(loc, "says nothing about the kommun")
                        .help("remove the table: a kommun without verified data has none"),
                );
                continue;
            }
            kommuner.push(KommunContact { code, website, care_page, phone });
        }
        kommuner.sort_by(|a, b| a.code.cmp(&b.code));
        let at = self.rules.directory.partition_point(|d| d.lan < lan);
        self.rules.directory.insert(at, RegionContacts { lan, reviewed, page_1177, find_care, kommuner });
    }
}

/// `key = { url = "https://…", source = "https://…", date = … }`: a link and where it was read.
fn link(t: &mut Table<'_, '_>, key: &'static str, reviewed: Option<&(Date, Loc)>) -> Option<Sourced> {
    let mut e = t.table_field(key, None)?;
    let url = e.string("url", Some("add the link, e.g. `url = \"https://www.vasteras.se/\"`"));
    let found = sourced(&mut e, reviewed);
    e.finish();
    let (url, loc) = url?;
    if let Err(why) = web_address(&url) {
        t.error(Diagnostic::error("bad-url", format!("`{key}` of {} is not a web address: {why}", t.what)).at(loc, "here"));
        return None;
    }
    let (source, date) = found?;
    Some(Sourced { value: url, source, date })
}

/// `phone = { number = "021-39 00 00", source = "https://…", date = … }`, formatted.
fn number(t: &mut Table<'_, '_>, reviewed: Option<&(Date, Loc)>) -> Option<Sourced> {
    let mut e = t.table_field("phone", None)?;
    let number = e.string("number", Some("add the number as the page prints it, e.g. `number = \"021-39 00 00\"`"));
    let found = sourced(&mut e, reviewed);
    e.finish();
    let (number, loc) = number?;
    let display = match format_phone(&number) {
        Ok(d) => d,
        Err(why) => {
            t.error(
                Diagnostic::error("bad-phone", format!("`{}` of {} is not a Swedish phone number: {why}", shown(&number), t.what))
                    .at(loc, "here")
                    .help("write the area code, a dash and the number, as the kommun prints it: `021-39 00 00`, `+46 (0)571-281 00`"),
            );
            return None;
        }
    };
    let (source, date) = found?;
    Some(Sourced { value: display, source, date })
}

/// The `source` (required: the page the value was read on) and `date` (optional: the date that
/// page shows; not after `reviewed`) of an entry.
fn sourced(e: &mut Table<'_, '_>, reviewed: Option<&(Date, Loc)>) -> Option<(String, Option<Date>)> {
    let source = e.string("source", Some("add the page the value was read on: `source = \"https://…\"`; a value without a source is not shown"));
    let date = e.date("date", None);
    let (source, loc) = source?;
    if let Err(why) = web_address(&source) {
        e.error(Diagnostic::error("bad-url", format!("the `source` of {} is not a web address: {why}", e.what)).at(loc, "here"));
        return None;
    }
    if let (Some((d, dl)), Some((r, _))) = (&date, reviewed)
        && d > r
    {
        e.error(Diagnostic::error("bad-date-range", format!("the page's date in {} is after the day it was read ({r})", e.what)).at(dl.clone(), "after `reviewed`"));
    }
    Some((source, date.map(|d| d.0)))
}

/// Whether a text is a link a browser can open: `https://` or `http://`, a host with a dot, no
/// spaces, quotes or angle brackets.
pub fn web_address(url: &str) -> Result<(), &'static str> {
    let rest = url.strip_prefix("https://").or_else(|| url.strip_prefix("http://")).ok_or("it must start with https:// or http://")?;
    if url.chars().any(|c| c.is_whitespace() || matches!(c, '"' | '<' | '>' | '\\' | '`')) {
        return Err("it has a space, a quote or an angle bracket");
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let ok = host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && host.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':'));
    if ok { Ok(()) } else { Err("its host is not a domain name (e.g. www.vasteras.se)") }
}

/// A Swedish phone number as a kommun prints it, in the form the widget shows: the area code
/// with its 0, a dash, and the number in groups ("0220-24000" → "0220-240 00", "+46 (0)571-281
/// 00" → "0571-281 00"). The area code must be followed by a dash (that is how it is found);
/// area code and number together have 8 to 10 digits.
pub fn format_phone(written: &str) -> Result<String, String> {
    let t = written.trim();
    let allowed = |c: char| c.is_ascii_digit() || matches!(c, ' ' | '-' | '–' | '+' | '(' | ')');
    if let Some(c) = t.chars().find(|c| !allowed(*c)) {
        return Err(format!("`{c}` is not part of a number"));
    }
    let (area, number) = t.split_once(['-', '–']).ok_or("the area code must be followed by a dash")?;
    let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
    let mut area = area.trim().to_string();
    if let Some(rest) = area.strip_prefix("+46") {
        area = format!("0{}", digits(&rest.replace("(0)", "")));
    } else if area.contains(['+', '(', ')']) {
        return Err("only +46 may come before the area code".into());
    }
    let area = digits(&area);
    let number = digits(number);
    if !area.starts_with('0') || !(2..=4).contains(&area.len()) {
        return Err(format!("the area code `{area}` must be 0 and one to three digits"));
    }
    if number.contains(['+', '(']) || !(8..=10).contains(&(area.len() + number.len())) {
        return Err(format!("{} digits: a Swedish number has 8 to 10", area.len() + number.len()));
    }
    let groups: &[usize] = match number.len() {
        5 => &[3, 2],
        6 => &[2, 2, 2],
        7 => &[3, 2, 2],
        8 => &[3, 3, 2],
        _ => return Err(format!("{} digits after the area code: a Swedish number has 5 to 8", number.len())),
    };
    let mut out = format!("{area}-");
    let mut at = 0;
    for (i, g) in groups.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(&number[at..at + g]);
        at += g;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_as_kommuner_print_them() {
        for (written, shown) in [
            ("021-39 00 00", "021-39 00 00"),
            ("0220-24000", "0220-240 00"),
            ("0970- 818 000", "0970-81 80 00"),
            ("0942 - 140 00", "0942-140 00"),
            ("0563 -54 10 00", "0563-54 10 00"),
            ("0512–31 000", "0512-310 00"),
            ("0340-88 000", "0340-880 00"),
            ("0528-567000", "0528-56 70 00"),
            ("+46 (0)571-281 00", "0571-281 00"),
            ("+46 918-140 00", "0918-140 00"),
            ("08-580 285 00", "08-580 285 00"),
            ("040-626 80 00", "040-626 80 00"),
        ] {
            assert_eq!(format_phone(written).as_deref(), Ok(shown), "{written}");
        }
        for bad in ["021 39 00 00", "0771-SKURUP", "021-39 00 00 eller 021-1", "1177", "021-39", "0211-39 00 00 00 0", "(021)-390000", "21-390000"] {
            assert!(format_phone(bad).is_err(), "{bad} was accepted");
        }
    }

    #[test]
    fn web_addresses() {
        assert!(web_address("https://www.vasteras.se/").is_ok());
        assert!(web_address("http://xn--gullspng-f0a.se/a?b=c#d").is_ok());
        for bad in ["www.vasteras.se", "https://", "https://vasteras", "https://a b.se/", "javascript:alert(1)", "https://vasteras.se/\"x"] {
            assert!(web_address(bad).is_err(), "{bad} was accepted");
        }
    }
}
