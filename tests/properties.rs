//! Invariants over random cases. The engine's own invariants — never panics, deterministic, a
//! determined answer comes from a deciding rule, partial evaluation agrees with full evaluation and
//! never asks for more once a question is answered, the check's counter-examples are true — are
//! checked on random tiny rule sets (`common::tiny`). One property is about the shipped data and so
//! runs on the project's rules: every case in the window is answered and cited. The hand-written
//! JSON writer is cross-checked against serde_json.

mod common;

use ansvarskollen::engine::check::{self, Finding};
use ansvarskollen::engine::json::Json;
use ansvarskollen::engine::ruleset::{Rule, RuleSet};
use ansvarskollen::engine::vocab::Set;
use ansvarskollen::engine::answer::Answer;
use ansvarskollen::engine::{
    Aid, Case, Date, Duration, Facts, Housing, Input, Lang, Need, Outcome, Resolution, Standing, Stay, Vocab, decide, resolve,
};
use common::tiny::{Scoped, Tiny, d, former_member, rule, text};
use proptest::prelude::*;

// --- Random tiny rule sets ---

const KOMMUNER: [&str; 3] = ["0101", "0102", "0201"];
const FROM: [&str; 4] = ["2000-01-01", "2005-01-01", "2010-06-15", "2020-01-01"];
const TO: [&str; 4] = ["2004-12-31", "2012-12-31", "2025-05-31", "2040-01-01"];

fn subset<T: Vocab>(mask: u16) -> Set<T> {
    let s = Set::of(&T::ALL.iter().copied().filter(|v| mask & (1 << v.index()) != 0).collect::<Vec<_>>());
    if s.is_empty() { Set::all() } else { s }
}

/// A rule: national, for region 01, for region 02, or for Alfa (0101) alone; any conditions.
fn arb_rule() -> impl Strategy<Value = Rule> {
    (
        (0..4usize, 0..4usize, 0..3usize),
        (any::<u16>(), any::<u16>(), any::<u16>()),
        (0u8..=130, 0u8..=130, proptest::option::of(any::<bool>())),
        (0..4usize, proptest::option::of(0..4usize)),
        (any::<u16>(), any::<u16>(), any::<bool>()),
    )
        .prop_map(|((scope, standing, outcome), (need, housing, duration), (a, b, visit), (from, to), (aid, stay, aids_only))| {
            let region = [None, Some("01"), Some("02"), Some("01")][scope];
            let mut r = rule("r", region, Standing::ALL[standing], Outcome::ALL[outcome]);
            if scope == 3 {
                r = r.kommuner(&["0101"]);
            }
            r.applies.when.need = subset::<Need>(need).expand_umbrella();
            // As the loader allows: kinds of aid only in a rule for assistive devices alone.
            if aids_only {
                r.applies.when.need = Set::of(&[Need::AssistiveDevices]);
                r.applies.when.aid = subset(aid);
            }
            r.applies.when.stay = subset(stay);
            r.applies.when.housing = subset(housing);
            r.applies.when.duration = subset(duration);
            r.applies.when.can_visit_clinic = visit;
            r = r.age(a.min(b), Some(a.max(b))).from(FROM[from]);
            if let Some(t) = to.filter(|&t| d(TO[t]) >= d(FROM[from])) {
                r = r.to(TO[t]);
            }
            r
        })
}

/// Two regions with up to eight rules; region 01 may be covered only from 2005, may have had
/// Gamma (0201) as a member until 2006, and region 02 may be one body in both roles.
fn arb_rules() -> impl Strategy<Value = RuleSet> {
    (proptest::collection::vec(arb_rule(), 0..8), any::<bool>(), any::<bool>(), any::<bool>()).prop_map(
        |(rules, covered, moved, one_body)| {
            let mut t = Tiny::new()
                .region_with("01", "Region Ett", |r| {
                    if covered {
                        r.covered_from = Some(d("2005-01-01"));
                        r.before_coverage = Some(text("Före {region}."));
                    }
                    if moved {
                        r.former_members = vec![former_member("0201", "2006-12-31")];
                    }
                })
                .region_with("02", "Region Två", |r| r.kommun_is_region = one_body)
                .kommun("0101", "Alfa", "01")
                .kommun("0102", "Beta", "01")
                .kommun("0201", "Gamma", "02");
            for (i, mut r) in rules.into_iter().enumerate() {
                r.id = format!("r{i}");
                t = t.rule(r);
            }
            t.build()
        },
    )
}

fn arb_facts() -> impl Strategy<Value = Facts> {
    (0..Need::CONCRETE.len(), 0..Aid::ALL.len(), 0..Housing::ALL.len(), 0u8..=130, any::<bool>(), 0..Duration::ALL.len()).prop_map(
        |(need, aid, housing, age, visit, dur)| Facts {
            need: Need::CONCRETE[need],
            aid: Aid::ALL[aid],
            housing: Housing::ALL[housing],
            age,
            can_visit_clinic: visit,
            duration: Duration::ALL[dur],
            stay: Stay::Home,
        },
    )
}

/// A complete case; in one of four, on a stay in one of the kommuner (perhaps its own).
fn arb_case() -> impl Strategy<Value = Case> {
    (0..3usize, d("1995-01-01").to_days()..=d("2035-12-31").to_days(), arb_facts(), 0..12usize).prop_map(|(k, day, f, stay)| {
        let mut c = Case::complete(Date::from_days(day), KOMMUNER[k], f);
        c.staying_in = KOMMUNER.get(stay).map(|s| s.to_string());
        c
    })
}

/// Follows an answer's branches with the values of a complete case, to its leaf.
fn leaf<'a>(a: &'a Answer, full: &Case) -> &'a Answer {
    let Some(on) = a.depends_on else { return a };
    let value = word(full, on);
    let b = a
        .branches
        .iter()
        .find(|b| match &b.when {
            ansvarskollen::engine::answer::When::Age(lo, hi) => (*lo..=*hi).contains(&full.age.unwrap()),
            ansvarskollen::engine::answer::When::Words(_, words) => words.contains(&value.as_str()),
            ansvarskollen::engine::answer::When::CanVisitClinic(v) => v.to_string() == value,
        })
        .unwrap_or_else(|| panic!("no branch for {on:?} = {value} in {:?}", a.branches.iter().map(|b| &b.when).collect::<Vec<_>>()));
    leaf(&b.answer, full)
}

fn word(case: &Case, input: Input) -> String {
    match input {
        Input::Need => case.need.unwrap().as_str().to_string(),
        Input::Aid => case.aid.map_or("everyday", |a| a.as_str()).to_string(),
        Input::Housing => case.housing.unwrap().as_str().to_string(),
        Input::Age => case.age.unwrap().to_string(),
        Input::CanVisitClinic => case.can_visit_clinic.unwrap().to_string(),
        Input::Duration => case.duration.unwrap().as_str().to_string(),
        Input::Kommun => case.kommun.clone().unwrap(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    #[test]
    fn deciding_never_panics_is_deterministic_and_follows_the_decider(rules in arb_rules(), case in arb_case(), en in any::<bool>()) {
        let lang = if en { Lang::En } else { Lang::Sv };
        let a = decide(&rules, &case, lang).expect("a complete case with a registered kommun decides");
        prop_assert_eq!(&a, &decide(&rules, &case, lang).unwrap());
        prop_assert!(!a.reasons.is_empty() && !a.next_step.is_empty());
        prop_assert!(serde_json::from_str::<serde_json::Value>(&a.to_json()).is_ok());
        match &a.rule {
            Some(r) => {
                let rule = rules.rules.iter().find(|x| x.id == r.id).unwrap();
                prop_assert_eq!(a.determined, rule.responsible != Outcome::NotDetermined);
                prop_assert_eq!(a.responsible, rule.responsible.responsible());
                prop_assert_eq!(a.deciding().map(|x| x.id.as_str()), Some(r.id.as_str()));
                prop_assert!(!a.deciding().unwrap().citations.is_empty());
            }
            None => prop_assert!(!a.determined, "determined without a deciding rule: {:?}", a.reasons),
        }
    }

    #[test]
    fn partial_evaluation_agrees_with_full_and_never_asks_for_more(rules in arb_rules(), case in arb_case(), mask in 0u8..128) {
        let full = decide(&rules, &case, Lang::Sv).unwrap();
        let mut partial = case.clone();
        for (bit, input) in Input::ALL.iter().enumerate() {
            if mask & (1 << bit) != 0 {
                partial.clear(*input);
            }
        }
        match resolve(&rules, &partial, Lang::Sv).unwrap() {
            Resolution::Answer(a) => {
                prop_assert_eq!(a.responsible, full.responsible);
                prop_assert_eq!(a.determined, full.determined);
            }
            Resolution::Ask(needed) => {
                prop_assert!(!needed.is_empty());
                prop_assert!(needed.iter().all(|i| !partial.is_known(*i)), "asks for a known input: {:?}", needed);
                prop_assert!(needed.windows(2).all(|w| w[0] < w[1]), "not in asking order: {:?}", needed);
                // Answering any question never makes a new input relevant.
                for &i in &needed {
                    let mut next = partial.clone();
                    if i == Input::Kommun {
                        next.kommun = case.kommun.clone();
                    } else {
                        next.set_word(i, &word(&case, i)).unwrap();
                    }
                    if let Resolution::Ask(after) = resolve(&rules, &next, Lang::Sv).unwrap() {
                        prop_assert!(after.iter().all(|a| needed.contains(a)), "{:?} then {:?}", needed, after);
                    }
                }
            }
        }
    }

    #[test]
    fn inputs_declared_unknown_are_never_asked_and_their_branches_agree_with_full(rules in arb_rules(), case in arb_case(), mask in 0u8..16, umbrella in any::<bool>()) {
        let full = decide(&rules, &case, Lang::Sv).unwrap();
        let mut partial = case.clone();
        for (bit, input) in [Input::Aid, Input::Housing, Input::CanVisitClinic, Input::Duration].iter().enumerate() {
            if mask & (1 << bit) != 0 {
                partial.declare_unknown(*input).unwrap();
            }
        }
        let rehab = umbrella && matches!(case.need, Some(Need::OccupationalTherapy | Need::Physiotherapy));
        if rehab {
            partial.need = Some(Need::Rehabilitation);
        }
        match resolve(&rules, &partial, Lang::Sv).unwrap() {
            Resolution::Ask(needed) => prop_assert!(false, "asked {:?} of a case with every input given or declared unknown", needed),
            Resolution::Answer(a) => {
                prop_assert!(serde_json::from_str::<serde_json::Value>(&a.to_json()).is_ok());
                prop_assert_eq!(a.depends_on.is_some(), !a.branches.is_empty());
                if let Some(on) = a.depends_on {
                    prop_assert!(partial.unknown.contains(on) || (rehab && on == Input::Need), "depends on {:?}, not declared unknown", on);
                    prop_assert!(!a.determined && a.responsible.is_none());
                }
                let l = leaf(&a, &case);
                prop_assert_eq!(l.responsible, full.responsible);
                prop_assert_eq!(l.determined, full.determined);
            }
        }
    }

    #[test]
    fn the_checks_counter_examples_are_true(rules in arb_rules()) {
        let report = check::run(&rules);
        prop_assert!(report.stats.cases > 0);
        for f in &report.findings {
            // A visit no home kommun gives on that date cannot be asked (its command says so).
            let unreproducible = |e: &check::Example| !e.reproducible();
            match f {
                Finding::Gap(g) if unreproducible(&g.example) => {}
                Finding::Conflict(c) if unreproducible(&c.example) => {}
                Finding::Gap(g) => {
                    let a = decide(&rules, &g.example.case(), Lang::Sv).unwrap();
                    prop_assert_eq!(a.reasons[0].id.as_str(), "gap", "{:?}", g);
                    prop_assert!(g.kommuner.contains(&g.example.kommun));
                }
                Finding::Conflict(c) => {
                    let a = decide(&rules, &c.example.case(), Lang::Sv).unwrap();
                    prop_assert_eq!(a.rule.map(|r| r.id), Some(rules.rules[c.first].id.clone()));
                    prop_assert_ne!(rules.rules[c.first].responsible, rules.rules[c.second].responsible);
                }
                Finding::DeadRule { .. } | Finding::DeadNote { .. } => {}
            }
        }
    }

    #[test]
    fn the_json_writer_writes_what_serde_json_reads(s in any::<String>(), n in any::<u64>(), b in any::<bool>()) {
        let mut j = Json::new(b);
        j.begin_object();
        j.field_str("s", Some(&s));
        j.key("n");
        j.uint(n);
        j.end_object();
        let v: serde_json::Value = serde_json::from_str(&j.finish()).unwrap();
        prop_assert_eq!(v["s"].as_str(), Some(s.as_str()));
        prop_assert_eq!(v["n"].as_u64(), Some(n));
    }
}

// --- The shipped data ---

/// Random complete cases on the project's rules, 1990–2030.
fn shipped_case() -> impl Strategy<Value = Case> {
    let n = common::rules().rules.kommuner.len();
    (0..n, d("1990-01-01").to_days()..=d("2030-12-31").to_days(), arb_facts())
        .prop_map(|(k, day, f)| Case::complete(Date::from_days(day), &common::rules().rules.kommuner[k].code, f))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// About the project's rules, not the engine: every determined answer cites a document with a
    /// URL or an SFS number, every text is filled in, and inside the check window no case falls in
    /// a gap.
    #[test]
    fn every_shipped_answer_is_cited_and_the_window_has_no_gap(case in shipped_case(), en in any::<bool>()) {
        let rules = &common::rules().rules;
        let lang = if en { Lang::En } else { Lang::Sv };
        let a = decide(rules, &case, lang).expect("a complete case with a registered kommun decides");
        if a.determined {
            let decider = a.deciding().expect("a determined answer has a deciding reason");
            prop_assert!(!decider.citations.is_empty(), "{} cites nothing on {}", decider.id, case.date);
            prop_assert!(decider.citations.iter().all(|c| c.url.is_some() || c.sfs.is_some()));
        }
        for r in a.reasons.iter().chain(&a.notes) {
            prop_assert!(!r.text.contains('{'), "unfilled placeholder in {}: {}", r.id, r.text);
        }
        prop_assert!(!a.next_step.contains('{'), "unfilled placeholder: {}", a.next_step);
        let w = rules.window;
        if w.from <= case.date && case.date <= w.to {
            prop_assert!(a.reasons.iter().all(|r| r.id != "gap"), "gap on {:?}", case);
        }
    }
}

// --- The segment walk ---

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// The walk keeps the rules in force as the dates advance (a sweep, for speed); each segment's
    /// context must be exactly the one built from scratch for its first day, and "same as the
    /// previous segment" must be true only when it is.
    #[test]
    fn the_walk_gives_each_segment_the_context_of_its_first_day(rules in arb_rules()) {
        use ansvarskollen::engine::Context;
        let groups = ansvarskollen::engine::domain::kommun_groups(&rules);
        let key = |c: &Option<Context<'_>>| c.as_ref().map(|c| (c.region.lan.clone(), c.covered, c.in_window, c.active.clone(), c.notes.clone()));
        let mut previous = None;
        for seg in ansvarskollen::engine::segments::segments(&rules, &groups, rules.window.from, rules.window.to) {
            let fresh = Context::for_kommun(&rules, &rules.kommuner[seg.kommuner[0]], seg.start).ok();
            prop_assert_eq!(key(&seg.ctx), key(&fresh), "{}", seg.start);
            let now = (seg.group, key(&seg.ctx));
            if seg.same_as_previous {
                prop_assert_eq!(previous.as_ref(), Some(&now));
            }
            previous = Some(now);
        }
    }
}

// --- Rule sets the loader accepts ---

/// A random `source = …` line: missing, empty, whole, or limited by dates (maybe leaving days out).
fn arb_source() -> impl Strategy<Value = String> {
    prop_oneof![
        1 => Just(String::new()),
        2 => Just("source = []\n".to_string()),
        12 => Just("source = { doc = \"law\" }\n".to_string()),
        1 => (0..3usize).prop_map(|i| format!("source = {{ doc = \"law\", from = {} }}\n", ["2000-01-01", "2005-06-01", "2020-01-01"][i])),
        2 => (0..3usize).prop_map(|i| format!("source = [{{ doc = \"law\", to = {} }}, {{ doc = \"law\", from = 2010-01-01 }}]\n", ["2009-12-31", "2004-12-31", "2015-01-01"][i])),
    ]
}

/// A random rule table for national.toml (`national`) or a region file.
fn arb_rule_toml(national: bool) -> impl Strategy<Value = String> {
    (0..3usize, 0..3usize, 0..4usize, proptest::option::of(0..4usize), arb_source(), any::<bool>()).prop_map(
        move |(standing, outcome, from, to, source, nursing)| {
            let mut t = String::from("\n[[rule]]\nid = \"ID\"\n");
            if national {
                t.push_str(["standing = \"law\"\n", "standing = \"default\"\n", "standing = \"default\"\n"][standing]);
            }
            if nursing {
                t.push_str("when.need = \"nursing\"\n");
            }
            t.push_str(&format!("responsible = \"{}\"\n", ["kommun", "region", "not_determined"][outcome]));
            t.push_str(&format!("confidence = \"verified\"\nvalid_from = {}\n", ["2000-01-01", "2003-03-03", "2010-01-01", "2026-01-01"][from]));
            if let Some(to) = to.filter(|&to| to >= from) {
                t.push_str(&format!("valid_to = {}\n", ["2004-12-31", "2009-12-31", "2020-06-30", "2030-12-31"][to]));
            }
            t.push_str("reason.sv = \"Skäl.\"\nreason.en = \"Reason.\"\n");
            t.push_str(&source);
            t
        },
    )
}

/// A tiny rules folder as text: a register of three kommuner in two län, national.toml and two
/// region files, each with random rules; some the loader must refuse.
fn arb_folder() -> impl Strategy<Value = (String, String, Vec<(String, String)>)> {
    (
        proptest::collection::vec(arb_rule_toml(true), 1..4),
        proptest::collection::vec(arb_rule_toml(false), 0..3),
        proptest::collection::vec(arb_rule_toml(false), 0..3),
        arb_source(),
    )
        .prop_map(|(national, ett, tva, note_source)| {
            let register = "kommunkod,kommun,lanskod,lan,region\n0101,Alfa,01,Ett län,Region Ett\n0102,Beta,01,Ett län,Region Ett\n0201,Gamma,02,Två län,Region Två\n".to_string();
            let mut n = String::from("[window]\nfrom = 2000-01-01\nto = 2030-12-31\n\n[contact]\nkommun.sv = \"K\"\nkommun.en = \"K\"\nregion.sv = \"R\"\nregion.en = \"R\"\nnot_determined.sv = \"N\"\nnot_determined.en = \"N\"\n\n[document.law]\ntitle = \"Lag\"\nsfs = \"1:1\"\n");
            let mut id = 0;
            let mut rules = |list: &[String], out: &mut String| {
                for r in list {
                    id += 1;
                    out.push_str(&r.replace("\"ID\"", &format!("\"r{id}\"")));
                }
            };
            rules(&national, &mut n);
            n.push_str(&format!("\n[[note]]\nid = \"note\"\nvalid_from = 2000-01-01\ntext.sv = \"Not.\"\ntext.en = \"Note.\"\n{note_source}"));
            let region = |lan: &str, name: &str| format!("[region]\nlan = \"{lan}\"\nname = \"{name}\"\nconfidence = \"verified\"\nreviewed = 2026-12-01\nsummary.sv = \"S\"\nsummary.en = \"S\"\nsource = {{ doc = \"law\" }}\n");
            let (mut a, mut b) = (region("01", "Region Ett"), region("02", "Region Två"));
            rules(&ett, &mut a);
            rules(&tva, &mut b);
            (register, n, vec![("01-ett.toml".to_string(), a), ("02-tva.toml".to_string(), b)])
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, max_global_rejects: 100_000, ..ProptestConfig::default() })]

    /// Issue 10, finding 1: for any rule set the loader accepts, every answer cites at least one
    /// document for each rule and note it shows (a determined answer always has one), on every day
    /// of the window. `source = []` and sources that leave days out must be refused for this to
    /// hold; before the fix an empty list was accepted and answered "verified" citing nothing.
    #[test]
    fn every_answer_from_accepted_rules_cites_a_document((register, national, regions) in arb_folder(), case in arb_case()) {
        let regions: Vec<(&str, &str)> = regions.iter().map(|(n, t)| (n.as_str(), t.as_str())).collect();
        let loaded = ansvarskollen::rules::load_files(&register, &national, &regions);
        prop_assume!(!loaded.has_errors());
        let a = decide(&loaded.rules, &case, Lang::Sv).expect("a complete case decides");
        if a.determined {
            prop_assert!(a.deciding().is_some_and(|d| !d.citations.is_empty()), "determined, citing nothing: {:?}", a.reasons);
        }
        for r in a.reasons.iter().chain(&a.notes) {
            if r.responsible.is_some() || r.id == "note" {
                prop_assert!(!r.citations.is_empty(), "{} cites nothing on {}", r.id, case.date);
            }
        }
    }
}
