//! Freshness of the rules: a region whose rules were last reviewed against their sources more than
//! twelve months before a given day gets a warning (`ansvarskollen check --today DATE`). It reads
//! no clock: the day is the caller's, so a test gives the same result every year.
//! Readability too: a rule text above LIX 50 gets a warning, naming the rule, field and language.

use super::diag::Diagnostic;
use super::load::SourceMap;
use crate::engine::date::Date;
use crate::engine::ruleset::RuleSet;

/// The same day one year later (29 February gives 28 February).
fn a_year_after(d: Date) -> Date {
    let next = d.year().saturating_add(1);
    Date::new(next, d.month(), d.day()).or_else(|| Date::new(next, d.month(), 28)).unwrap_or(Date::MAX)
}

/// A warning for each region last reviewed more than twelve months before `today`.
pub fn stale_reviews(rules: &RuleSet, map: &SourceMap, today: Date) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, r) in rules.regions.iter().enumerate() {
        let Some(reviewed) = r.reviewed else { continue };
        if today <= a_year_after(reviewed) {
            continue;
        }
        let mut d = Diagnostic::warning(
            "stale-review",
            format!("{}: the rules of {} were last reviewed on {reviewed}, more than 12 months before {today}", r.file, r.name),
        )
        .help("check the region's rules against their sources again, then set `reviewed` to the day you did");
        if let Some(loc) = map.reviewed.get(i) {
            d = d.at(loc.clone(), "last reviewed");
        }
        out.push(d);
    }
    out
}

/// A warning for each rule or note text (reason, next, doubt; a note's text; both languages) that
/// is hard to read: LIX above [`LIX_WARN`](crate::readability::LIX_WARN) (issue 12). It names the
/// rule or note, the field, the language and the LIX, and points at the rule's id.
pub fn hard_to_read(rules: &RuleSet, map: &SourceMap) -> Vec<Diagnostic> {
    use crate::engine::ruleset::Text;
    let mut out = Vec::new();
    let mut check = |what: String, field: &str, text: &Text, loc: Option<&super::diag::Loc>| {
        for (lang, t) in [("sv", &text.sv), ("en", &text.en)] {
            let lix = crate::readability::lix(t);
            if lix > crate::readability::LIX_WARN {
                let mut d = Diagnostic::warning("hard-to-read", format!("`{field}.{lang}` of {what} is hard to read: LIX {lix:.0} (the target is 40)"))
                    .help("write shorter sentences and everyday words (LIX = words per sentence + 100 × the share of words longer than six letters)");
                if let Some(loc) = loc {
                    d = d.at(loc.clone(), format!("LIX {lix:.0} in `{field}.{lang}`"));
                }
                out.push(d);
            }
        }
    };
    for (i, r) in rules.rules.iter().enumerate() {
        let loc = map.rules.get(i);
        check(format!("rule `{}`", r.id), "reason", &r.reason, loc);
        for (field, t) in [("next", &r.next), ("doubt", &r.doubt)] {
            if let Some(t) = t {
                check(format!("rule `{}`", r.id), field, t, loc);
            }
        }
    }
    for (i, n) in rules.notes.iter().enumerate() {
        check(format!("note `{}`", n.id), "text", &n.text, map.notes.get(i));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_year_later() {
        let d = |s: &str| Date::parse(s).unwrap();
        assert_eq!(a_year_after(d("2026-12-01")), d("2027-12-01"));
        assert_eq!(a_year_after(d("2024-02-29")), d("2025-02-28"));
    }
}
