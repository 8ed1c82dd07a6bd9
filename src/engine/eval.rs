//! Evaluation: which rule decides a case, and the answer with its explanation.
//!
//! A [`Context`] fixes place and date: it resolves the kommun's region on that date and keeps the
//! rules in force there, strongest standing first. [`Context::verdict`] is the hot path used by
//! the exhaustive check and by partial evaluation; [`decide`] builds the full [`Answer`].
//! Precedence (documented for maintainers in `rules/README.md`): the strongest standing among the
//! rules that apply wins (law > local > agreement > default); among equals the first in file order.

use super::answer::{Answer, CitationOut, KommunRef, Organisation, Reason, ReasonRole, RegionRef, RuleRef};
use super::case::{Case, CaseError, Facts};
use super::date::Date;
use super::ruleset::{Applies, Citation, Conditions, Kommun, Region, Rule, RuleSet};
use super::vocab::{Confidence, Input, Lang, Outcome, Responsible, Standing, Vocab};

/// Three-valued match of conditions against a partial case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tri {
    /// Holds whatever the unknown inputs turn out to be.
    Yes,
    /// Fails on a known input.
    No,
    /// Depends on an unknown input.
    Maybe,
}

impl Conditions {
    /// Whether the conditions hold for these facts.
    #[inline]
    pub fn matches(&self, f: &Facts) -> bool {
        self.need.contains(f.need)
            && self.housing.contains(f.housing)
            && self.duration.contains(f.duration)
            && self.age_min <= f.age
            && f.age <= self.age_max
            && self.can_visit_clinic.is_none_or(|v| v == f.can_visit_clinic)
    }

    /// Whether the conditions constrain an input at all.
    pub fn constrains(&self, input: Input) -> bool {
        match input {
            Input::Kommun => false,
            Input::Need => !self.need.is_all(),
            Input::Housing => !self.housing.is_all(),
            Input::Duration => !self.duration.is_all(),
            Input::CanVisitClinic => self.can_visit_clinic.is_some(),
            Input::Age => self.age_min > 0 || self.age_max < super::ruleset::AGE_MAX,
        }
    }

    /// Whether the conditions hold for a partial case.
    pub fn matches_case(&self, c: &Case) -> Tri {
        let checks = [
            (Input::Need, c.need.map(|v| self.need.contains(v))),
            (Input::Housing, c.housing.map(|v| self.housing.contains(v))),
            (Input::Duration, c.duration.map(|v| self.duration.contains(v))),
            (Input::Age, c.age.map(|a| self.age_min <= a && a <= self.age_max)),
            (Input::CanVisitClinic, c.can_visit_clinic.map(|v| self.can_visit_clinic.is_none_or(|w| w == v))),
        ];
        let mut result = Tri::Yes;
        for (input, known) in checks {
            match known {
                Some(false) => return Tri::No,
                Some(true) => {}
                None if self.constrains(input) => result = Tri::Maybe,
                None => {}
            }
        }
        result
    }
}

/// What decides a case in a context.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Verdict {
    /// This rule (index into [`RuleSet::rules`]) decides.
    Rule(usize),
    /// The date is before the region's rules begin (`covered_from`): explicitly not determined.
    NotCovered,
    /// No rule applies: a gap in the rules (the check reports these).
    Gap,
}

/// Place and date fixed: the rules in force for one kommun on one day.
pub struct Context<'r> {
    pub rules: &'r RuleSet,
    pub kommun: &'r Kommun,
    pub region: &'r Region,
    pub date: Date,
    /// Whether the date is inside the region's covered dates.
    pub covered: bool,
    /// Indices of the rules in force here, strongest standing first, then file order.
    pub active: Vec<usize>,
    /// Indices of the notes in force here.
    pub notes: Vec<usize>,
}

/// Equality of short codes (länskod, kommunkod) without a `memcmp` call: this runs for every
/// rule of every decision.
#[inline]
fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

fn in_scope(a: &Applies, region: &Region, kommun: &Kommun) -> bool {
    a.region.as_ref().is_none_or(|r| same(r, &region.lan))
        && (a.kommuner.is_empty() || a.kommuner.iter().any(|k| same(k, &kommun.code)))
}

impl<'r> Context<'r> {
    /// The context for a kommun (by code) on a date.
    pub fn new(rules: &'r RuleSet, kommun: &str, date: Date) -> Result<Context<'r>, CaseError> {
        let k = rules.kommun(kommun).ok_or_else(|| CaseError {
            input: "kommun".into(),
            message: format!(
                "unknown kommun `{kommun}`: give one of the {} four-digit SCB kommunkoder (e.g. 1980 for Västerås) or, in the CLI, a kommun name",
                rules.kommuner.len()
            ),
        })?;
        Context::for_kommun(rules, k, date)
    }

    pub fn for_kommun(rules: &'r RuleSet, k: &'r Kommun, date: Date) -> Result<Context<'r>, CaseError> {
        let region = rules.region_of(k, date).ok_or_else(|| CaseError {
            input: "kommun".into(),
            message: format!("the rules hold no region for län {} (kommun {})", k.lan, k.code),
        })?;
        if !rules.has_region(&region.lan) {
            return Err(CaseError {
                input: "kommun".into(),
                message: format!("the rules of {} are not loaded", region.name),
            });
        }
        // Strongest standing first, file order within a standing (built in order: sorting would
        // cost the browser bundle a sort routine).
        let in_force: Vec<usize> = (0..rules.rules.len())
            .filter(|&i| {
                let a = &rules.rules[i].applies;
                a.in_force(date) && in_scope(a, region, k)
            })
            .collect();
        let active: Vec<usize> = Standing::ALL
            .iter()
            .flat_map(|s| in_force.iter().copied().filter(move |&i| rules.rules[i].standing == *s))
            .collect();
        let notes = (0..rules.notes.len())
            .filter(|&i| {
                let a = &rules.notes[i].applies;
                a.in_force(date) && in_scope(a, region, k)
            })
            .collect();
        let covered = region.covered_from.is_none_or(|f| f <= date);
        Ok(Context { rules, kommun: k, region, date, covered, active, notes })
    }

    /// Which rule decides these facts here. The engine's hot path.
    #[inline]
    pub fn verdict(&self, f: &Facts) -> Verdict {
        if !self.covered {
            return Verdict::NotCovered;
        }
        for &i in &self.active {
            if self.rules.rules[i].applies.when.matches(f) {
                return Verdict::Rule(i);
            }
        }
        Verdict::Gap
    }

    pub fn outcome(&self, v: Verdict) -> Outcome {
        match v {
            Verdict::Rule(i) => self.rules.rules[i].responsible,
            Verdict::NotCovered | Verdict::Gap => Outcome::NotDetermined,
        }
    }

    /// The ages at which some rule in force here starts or stops applying; each starts an age
    /// band in which every rule treats all ages alike. Always begins with 0.
    pub fn age_breaks(&self) -> Vec<u8> {
        age_breaks(self.active.iter().map(|&i| &self.rules.rules[i].applies.when))
    }
}

/// Age band starts created by a set of conditions' thresholds, ascending.
pub fn age_breaks<'a>(conds: impl Iterator<Item = &'a Conditions>) -> Vec<u8> {
    let mut breaks = vec![0u8];
    let mut add = |b: u8| {
        if let Err(pos) = breaks.binary_search(&b) {
            breaks.insert(pos, b);
        }
    };
    for c in conds {
        add(c.age_min);
        if c.age_max < super::ruleset::AGE_MAX {
            add(c.age_max + 1);
        }
    }
    breaks
}

/// Decides a complete case and explains the answer. For a case with unknown inputs use
/// `partial::resolve`, which answers when every completion agrees and otherwise says which inputs
/// still matter. Never panics; an unknown kommun or a missing input is an error that says what to give.
pub fn decide(rules: &RuleSet, case: &Case, lang: Lang) -> Result<Answer, CaseError> {
    let code = case.kommun.as_deref().ok_or_else(|| CaseError {
        input: "kommun".into(),
        message: "the kommun is not given".into(),
    })?;
    let ctx = Context::new(rules, code, case.date)?;
    let facts = case.facts().ok_or_else(|| CaseError {
        input: case.unknown().first().map_or("", |i| i.as_str()).into(),
        message: format!(
            "the case is partial (unknown: {}); resolve it to learn whether it is already determined",
            case.unknown().iter().map(|i| i.as_str()).collect::<Vec<_>>().join(", ")
        ),
    })?;
    Ok(explain(&ctx, case, &[ctx.verdict(&facts)], lang))
}

fn cite(rules: &RuleSet, cites: &[Citation], date: Date) -> Vec<CitationOut> {
    cites
        .iter()
        .filter(|c| c.in_force(date))
        .map(|c| {
            let doc = rules.document(&c.doc);
            CitationOut {
                title: doc.map_or_else(|| c.doc.clone(), |d| d.title.clone()),
                section: c.section.clone(),
                url: doc.and_then(|d| d.url.clone()),
                sfs: doc.and_then(|d| d.sfs.clone()),
                publisher: doc.and_then(|d| d.publisher.clone()),
                date: doc.and_then(|d| d.date),
            }
        })
        .collect()
}

/// Replaces `{organisation}`, `{kommun}` and `{region}` in one pass (it runs for every text of
/// every answer).
fn fill(template: &str, organisation: &str, kommun: &str, region: &str) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(at) = rest.find('{') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let (name, value) = [("{organisation}", organisation), ("{kommun}", kommun), ("{region}", region)]
            .into_iter()
            .find(|(n, _)| rest.starts_with(n))
            .unwrap_or(("{", "{"));
        out.push_str(value);
        rest = &rest[name.len()..];
    }
    out.push_str(rest);
    out
}

/// Builds the answer: organisation, next step, reasons with citations, notes.
///
/// `verdicts` are the distinct verdicts of every completion of `case`, which all give the same
/// outcome (see `partial::resolve`); for a complete case there is exactly one. When several rules
/// decide different completions alike, each is given as a deciding reason.
pub fn explain(ctx: &Context<'_>, case: &Case, verdicts: &[Verdict], lang: Lang) -> Answer {
    let rules = ctx.rules;
    let date = ctx.date;
    let region_name = ctx.region.name_on(date).to_string();
    // Gotland: one body carries both roles (HSL 1 kap 2 §).
    let kommun_org = if ctx.region.kommun_is_region { region_name.clone() } else { ctx.kommun.organisation_name() };
    let outcome = verdicts.first().map_or(Outcome::NotDetermined, |v| ctx.outcome(*v));
    let organisation = outcome.responsible().map(|role| Organisation {
        name: match role {
            Responsible::Kommun => kommun_org.clone(),
            Responsible::Region => region_name.clone(),
        },
        role,
        one_body: ctx.region.kommun_is_region,
    });
    let org_name = organisation.as_ref().map_or("", |o| o.name.as_str());
    let text = |t: &str| fill(t, org_name, &kommun_org, &region_name);

    let deciders: Vec<usize> = verdicts
        .iter()
        .filter_map(|v| match v {
            Verdict::Rule(i) => Some(*i),
            _ => None,
        })
        .collect();
    let mut reasons = Vec::new();
    if let [d] = deciders[..] {
        let decider = &rules.rules[d];
        // Every rule that surely applies, weakest standing first (file order within), the decider last.
        let mut applying: Vec<usize> = Standing::ALL
            .iter()
            .rev()
            .flat_map(|s| ctx.active.iter().copied().filter(move |&i| rules.rules[i].standing == *s))
            .filter(|&i| i != d && rules.rules[i].applies.when.matches_case(case) == Tri::Yes)
            .collect();
        applying.push(d);
        for i in applying {
            let r: &Rule = &rules.rules[i];
            let role = if i == d {
                ReasonRole::Decides
            } else if r.standing != decider.standing {
                ReasonRole::Overridden
            } else if r.responsible == decider.responsible {
                ReasonRole::Agrees
            } else {
                ReasonRole::Conflicts
            };
            reasons.push(rule_reason(rules, r, role, date, &text, lang));
        }
    } else {
        // In precedence order, which `active` already has.
        for i in ctx.active.iter().copied().filter(|i| deciders.contains(i)) {
            reasons.push(rule_reason(rules, &rules.rules[i], ReasonRole::Decides, date, &text, lang));
        }
    }
    if verdicts.contains(&Verdict::NotCovered) {
        let t = ctx.region.before_coverage.as_ref().map_or("", |t| t.get(lang));
        reasons.push(Reason {
            id: format!("region.{}.coverage", ctx.region.lan),
            role: ReasonRole::NotCovered,
            responsible: None,
            standing: None,
            confidence: Confidence::Unverified,
            text: text(t),
            citations: cite(rules, &ctx.region.source, date),
        });
    }
    if verdicts.contains(&Verdict::Gap) {
        let t = match lang {
            Lang::Sv => format!("Reglerna i Ansvarskollen svarar inte på just det här fallet i {} den {}.", ctx.kommun.name, date),
            Lang::En => format!("Ansvarskollen's rules do not answer this case in {} on {}.", ctx.kommun.name, date),
        };
        reasons.push(Reason {
            id: "gap".into(),
            role: ReasonRole::Gap,
            responsible: None,
            standing: None,
            confidence: Confidence::Unverified,
            text: t,
            citations: Vec::new(),
        });
    }

    let decider_rules: Vec<&Rule> = deciders.iter().map(|&i| &rules.rules[i]).collect();
    let rule_ref = match decider_rules[..] {
        [r] if verdicts.len() == 1 => Some(RuleRef {
            id: r.id.clone(),
            standing: r.standing,
            valid_from: r.applies.valid_from,
            valid_to: r.applies.valid_to,
            confidence: r.confidence,
        }),
        _ => None,
    };
    // The weakest confidence of any deciding rule; "unverified" where no rule decides.
    let confidence = if deciders.len() == verdicts.len() {
        decider_rules.iter().map(|r| r.confidence).max().unwrap_or(Confidence::Unverified)
    } else {
        Confidence::Unverified
    };
    let mut doubts: Vec<String> = Vec::new();
    for r in &decider_rules {
        if let Some(d) = &r.doubt {
            let d = text(d.get(lang));
            if !doubts.contains(&d) {
                doubts.push(d);
            }
        }
    }
    let doubt = (!doubts.is_empty()).then(|| doubts.join(" "));
    let next = match decider_rules.first() {
        Some(first) if decider_rules.iter().all(|r| r.next == first.next) => first.next.as_ref().map(|t| t.get(lang)),
        _ => None,
    };

    let notes = ctx
        .notes
        .iter()
        .map(|&i| &rules.notes[i])
        .filter(|n| n.applies.when.matches_case(case) == Tri::Yes)
        .map(|n| Reason {
            id: n.id.clone(),
            role: ReasonRole::Note,
            responsible: None,
            standing: None,
            confidence: Confidence::Verified,
            text: text(n.text.get(lang)),
            citations: cite(rules, &n.source, date),
        })
        .collect();

    let general = match outcome {
        Outcome::Kommun => &rules.contacts.kommun,
        Outcome::Region => &rules.contacts.region,
        Outcome::NotDetermined => &rules.contacts.not_determined,
    };
    let next_step = text(next.unwrap_or(general.get(lang)));

    Answer {
        case: case.clone(),
        lang,
        determined: outcome != Outcome::NotDetermined,
        responsible: outcome.responsible(),
        organisation,
        next_step,
        confidence,
        doubt,
        rule: rule_ref,
        kommun: KommunRef {
            code: ctx.kommun.code.clone(),
            name: ctx.kommun.name.clone(),
            organisation: kommun_org.clone(),
        },
        region: RegionRef {
            lan: ctx.region.lan.clone(),
            name: region_name.clone(),
            confidence: ctx.region.confidence,
        },
        reasons,
        notes,
        rules_version: rules.version.clone(),
    }
}

fn rule_reason(rules: &RuleSet, r: &Rule, role: ReasonRole, date: Date, text: &dyn Fn(&str) -> String, lang: Lang) -> Reason {
    Reason {
        id: r.id.clone(),
        role,
        responsible: Some(r.responsible),
        standing: Some(r.standing),
        confidence: r.confidence,
        text: text(r.reason.get(lang)),
        citations: cite(rules, &r.source, date),
    }
}
