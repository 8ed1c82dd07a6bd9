//! Scenario files (`tests/scenarios/*.toml`): cases with their expected answers.
//!
//! The format is fixed (other tools write it). An input left out is unknown: the engine must reach
//! the expected answer without it, which is how partial evaluation is tested.
//!
//! ```toml
//! [[scenario]]
//! name = "Västmanland: adult who cannot get to the vårdcentral, nurse care"
//! date = 2024-05-02
//! kommun = "1980"
//! age = 79
//! housing = "ordinary"
//! can_visit_clinic = false
//! need = "nursing"
//! expect.responsible = "kommun"     # kommun | region
//! ```
//! Optional: `duration`, `aid` (for `assistive_devices`), `staying_in` (a kommun the person stays
//! in for a while, code or name), `expect.rule` (id of the deciding rule), `expect.determined =
//! false` (also what an answer that depends on something gets). The value `"unknown"` declares
//! `housing`, `can_visit_clinic`, `duration` or `aid` unknown ("Vet inte").
//! For a partial case that several rules decide alike (each for some of its completions, e.g.
//! one rule for long and one for short needs), `expect.rule` passes when the named rule is one
//! of them: it does decide the case, for some of the unknown inputs' values. (Not for an answer
//! that depends: its rules disagree, so none of them decides the case.)

use super::diag::{Diagnostic, Loc, Sources};
use super::walk::{Diags, Table};
use crate::engine::case::{Case, UNKNOWN};
use crate::engine::partial::{Resolution, resolve};
use crate::engine::ruleset::{AGE_MAX, RuleSet};
use crate::engine::vocab::{Aid, Duration, Housing, Input, Lang, Need, Responsible, Vocab};
use toml::de::DeValue;

/// What a scenario expects.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Expect {
    /// `expect.responsible`: who must be responsible.
    pub responsible: Option<Responsible>,
    /// `expect.rule`: the id of the rule that must decide (for a partial case decided alike by
    /// several rules, one of them).
    pub rule: Option<String>,
    /// `expect.determined`: whether the answer must be determined (`false`: "not determined").
    pub determined: Option<bool>,
}

/// One `[[scenario]]`: a case, possibly partial, and what its answer must be.
#[derive(Clone, Debug)]
pub struct Scenario {
    /// What it tests, shown when it fails.
    pub name: String,
    /// The case; inputs left out are unknown.
    pub case: Case,
    /// What the answer must be.
    pub expect: Expect,
    /// Where the scenario's `name` is written.
    pub loc: Loc,
}

/// Why a scenario failed: what was expected, what the engine answered.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// What the scenario expects, e.g. "responsible = kommun".
    pub expected: String,
    /// What the engine answered, e.g. "responsible = region" or "no answer yet: still needs age".
    pub got: String,
    /// The deciding rule, if any.
    pub rule: Option<String>,
}

fn one<T: Vocab>(t: &mut Table<'_, '_>, key: &'static str) -> Option<T> {
    let (set, loc) = t.words::<T>(key)?;
    let mut it = set.iter();
    match (it.next(), it.next()) {
        (Some(v), None) => Some(v),
        _ => {
            t.error(Diagnostic::error("bad-value", format!("`{key}` takes one value in a scenario")).at(loc, "one word"));
            None
        }
    }
}

/// Whether `key` is written as `"unknown"`: then it is declared unknown in the case (an error for
/// an input that cannot be unknown) and not read further.
fn declared_unknown(t: &mut Table<'_, '_>, key: &'static str, input: Input, case: &mut Case) -> bool {
    let Some(v) = t.table.get(key) else { return false };
    if !matches!(v.get_ref(), DeValue::String(s) if s.as_ref() == UNKNOWN) {
        return false;
    }
    t.allow(key);
    if let Err(e) = case.declare_unknown(input) {
        t.error(Diagnostic::error("bad-value", format!("`{key}` cannot be \"{UNKNOWN}\" in {}", t.what)).at(t.loc(v.span()), e.message));
    }
    true
}

/// Reads a scenario file. Kommuner may be given by code or by name.
pub fn load_file(path: &str, text: String, rules: &RuleSet, sources: &mut Sources) -> (Vec<Scenario>, Vec<Diagnostic>) {
    let file = sources.add(path.to_string(), text);
    let text = sources.files[file].text.clone();
    let (doc, errors) = toml::de::DeTable::parse_recoverable(&text);
    if !errors.is_empty() {
        let diags = errors
            .iter()
            .map(|e| {
                let d = Diagnostic::error("toml-syntax", format!("{path} is not valid TOML: {}", e.message().trim()));
                match e.span() {
                    Some(span) => d.at(Loc { file, span }, "here"),
                    None => d,
                }
            })
            .collect();
        return (Vec::new(), diags);
    }
    let diags = Diags::default();
    let mut top = Table::new(file, doc.get_ref(), doc.span(), path.to_string(), &diags);
    let mut out = Vec::new();
    let tables = top.tables("scenario", "scenario");
    if tables.is_empty() {
        top.error(Diagnostic::error("empty-file", format!("{path} has no [[scenario]]")).at(top.loc.clone(), "").help("add scenarios as [[scenario]] tables"));
    }
    for mut t in tables {
        let name = t.string("name", Some("give the scenario a `name` that says what it tests"));
        if let Some((n, _)) = &name {
            t.set_what(format!("scenario `{n}`"));
        }
        let date = t.date("date", Some("add `date = 2024-05-02`: the day the case is asked about"));
        let mut case = Case::on(date.as_ref().map_or(crate::engine::Date::MIN, |d| d.0));
        let mut ok = date.is_some();
        if let Some((k, loc)) = t.string("kommun", None) {
            match rules.find_kommun(&k) {
                Some(found) => case.kommun = Some(found.code.clone()),
                None => {
                    ok = false;
                    t.error(
                        Diagnostic::error("unknown-kommun", format!("unknown kommun `{k}` in {}", t.what))
                            .at(loc, "not a kommun code or name of the register")
                            .help("use the four-digit SCB kommunkod, e.g. \"1980\" for Västerås"),
                    );
                }
            }
        }
        if let Some((k, loc)) = t.string("staying_in", None) {
            match rules.find_kommun(&k) {
                Some(found) => case.staying_in = Some(found.code.clone()),
                None => {
                    ok = false;
                    t.error(
                        Diagnostic::error("unknown-kommun", format!("unknown kommun `{k}` in `staying_in` of {}", t.what))
                            .at(loc, "not a kommun code or name of the register")
                            .help("use the four-digit SCB kommunkod of the kommun the person stays in, e.g. \"1452\" for Tranemo"),
                    );
                }
            }
        }
        if !declared_unknown(&mut t, "age", Input::Age, &mut case) {
            case.age = t.int("age", 0..=AGE_MAX as i64).map(|a| a.0 as u8);
        }
        if !declared_unknown(&mut t, "housing", Input::Housing, &mut case) {
            case.housing = one::<Housing>(&mut t, "housing");
        }
        if !declared_unknown(&mut t, "need", Input::Need, &mut case) {
            case.need = one::<Need>(&mut t, "need");
        }
        if !declared_unknown(&mut t, "aid", Input::Aid, &mut case) {
            case.aid = one::<Aid>(&mut t, "aid");
        }
        if !declared_unknown(&mut t, "duration", Input::Duration, &mut case) {
            case.duration = one::<Duration>(&mut t, "duration");
        }
        if !declared_unknown(&mut t, "can_visit_clinic", Input::CanVisitClinic, &mut case) {
            case.can_visit_clinic = t.bool("can_visit_clinic").map(|b| b.0);
        }
        let mut expect = Expect::default();
        match t.table_field("expect", Some("say what the answer must be: `expect.responsible = \"kommun\"` (or \"region\"), `expect.rule`, or `expect.determined = false`")) {
            Some(mut e) => {
                e.set_what(format!("`expect` of {}", t.what));
                expect.responsible = one::<Responsible>(&mut e, "responsible");
                expect.rule = e.string("rule", None).map(|r| r.0);
                expect.determined = e.bool("determined").map(|b| b.0);
                if expect.responsible.is_some() && expect.determined == Some(false) {
                    e.error(Diagnostic::error("bad-value", "a scenario cannot expect a responsible party and `determined = false`").at(e.loc.clone(), ""));
                    ok = false;
                }
                if expect == Expect::default() {
                    e.error(Diagnostic::error("empty-value", format!("{} expects nothing", t.what)).at(e.loc.clone(), "").help("add `responsible`, `rule` or `determined`"));
                    ok = false;
                }
                e.finish();
            }
            None => ok = false,
        }
        let loc = name.as_ref().map_or(t.loc.clone(), |n| n.1.clone());
        t.finish();
        if let (Some((name, _)), true) = (name, ok) {
            out.push(Scenario { name, case, expect, loc });
        }
    }
    top.finish();
    (out, diags.into_inner())
}

/// Runs one scenario: resolves its case and compares with what it expects.
pub fn run(s: &Scenario, rules: &RuleSet) -> Result<(), Failure> {
    let expected = describe_expect(&s.expect);
    let answer = match resolve(rules, &s.case, Lang::En) {
        Err(e) => return Err(Failure { expected, got: format!("an error: {e}"), rule: None }),
        Ok(Resolution::Ask(needed)) => {
            let list: Vec<&str> = needed.iter().map(|i| i.as_str()).collect();
            return Err(Failure { expected, got: format!("no answer yet: still needs {}", list.join(", ")), rule: None });
        }
        Ok(Resolution::Answer(a)) => a,
    };
    let rule = answer.rule.as_ref().map(|r| r.id.clone());
    // Every rule that decides some completion of the case alike (one, for a complete case). An
    // answer that depends has deciding reasons that disagree: none of them decides the case.
    let deciders: Vec<&str> = if answer.depends_on.is_some() {
        Vec::new()
    } else {
        answer.reasons.iter().filter(|r| r.role == crate::engine::answer::ReasonRole::Decides).map(|r| r.id.as_str()).collect()
    };
    let got = match answer.responsible {
        Some(r) => format!("responsible = {r}"),
        None => "not determined".to_string(),
    };
    let mut ok = true;
    if let Some(want) = s.expect.responsible {
        ok &= answer.responsible == Some(want);
    }
    if let Some(want) = s.expect.determined {
        ok &= answer.determined == want;
    }
    if let Some(want) = &s.expect.rule {
        ok &= rule.as_deref() == Some(want.as_str()) || (rule.is_none() && deciders.contains(&want.as_str()));
    }
    let rule = rule.or_else(|| (!deciders.is_empty()).then(|| deciders.join(" / ")));
    if ok { Ok(()) } else { Err(Failure { expected, got, rule }) }
}

fn describe_expect(e: &Expect) -> String {
    let mut parts = Vec::new();
    if let Some(r) = e.responsible {
        parts.push(format!("responsible = {r}"));
    }
    if let Some(d) = e.determined {
        parts.push(if d { "determined".to_string() } else { "not determined".to_string() });
    }
    if let Some(r) = &e.rule {
        parts.push(format!("rule `{r}`"));
    }
    parts.join(", ")
}
