//! The explanation: the [`Answer`] for the verdicts of a case, built in named steps —
//! the organisation and its names on the date, the reasons of the deciding rules, the reasons why
//! there is no answer (not covered, a gap), confidence and doubt, the notes, the next step and
//! whom to contact (sources ordered by their relevance to the reader's kommun).
//! It explains a decision already made (see `verdict.rs`); it does not decide.

use super::{Context, Situation, Tri, Verdict};
use crate::engine::answer::{Answer, CitationOut, KommunRef, Organisation, Performer, Reason, ReasonRole, RegionRef, RuleRef, StayRef};
use crate::engine::case::Case;
use crate::engine::contact::{Contact, Relevance};
use crate::engine::date::Date;
use crate::engine::ruleset::{Citation, Rule, RuleSet};
use crate::engine::text::fill;
use crate::engine::vocab::{Confidence, Lang, Outcome, Responsible, Standing, Stay, Vocab};

/// Builds the answer: organisation, performer, next step, reasons with citations, notes, and
/// the stay.
///
/// `verdicts` are the distinct verdicts of every completion of `case` where it is answered; for a
/// complete case there is exactly one. When they all give the same outcome, that is the answer;
/// when several rules decide different completions alike, each is given as a deciding reason.
/// When their outcomes differ the answer is not determined (`partial::resolve` then adds the
/// branches it depends on). `stay` is the stay shared by every completion (`None`: it differs).
pub fn explain(sit: &Situation<'_>, case: &Case, verdicts: &[Verdict], stay: Option<Stay>, lang: Lang) -> Answer {
    let ctx = &sit.at;
    let first = verdicts.first().map_or(Outcome::NotDetermined, |v| ctx.outcome(*v));
    let outcome = if verdicts.iter().all(|v| ctx.outcome(*v) == first) { first } else { Outcome::NotDetermined };
    let x = Explainer::new(sit, case, lang, outcome, stay);
    let deciders: Vec<usize> = verdicts
        .iter()
        .filter_map(|v| match v {
            Verdict::Rule(i) => Some(*i),
            _ => None,
        })
        .collect();
    let decider_rules: Vec<&Rule> = deciders.iter().map(|&i| &ctx.rules.rules[i]).collect();

    let mut reasons = x.rule_reasons(&deciders);
    reasons.extend(x.no_answer_reasons(verdicts));
    let (confidence, doubt) = x.confidence_and_doubt(&decider_rules, verdicts.len());

    let performer = x.performer(&decider_rules, outcome);
    let contact = x.contact(sit, outcome);
    let home = sit.home.as_ref().zip(x.home.as_ref()).map(|(h, (kommun, _))| KommunRef {
        code: h.kommun.code.clone(),
        name: h.kommun.name.clone(),
        organisation: kommun.clone(),
    });
    let kommun = KommunRef { code: ctx.kommun.code.clone(), name: ctx.kommun.name.clone(), organisation: x.names.kommun.clone() };
    Answer {
        case: case.clone(),
        lang,
        determined: outcome != Outcome::NotDetermined,
        responsible: outcome.responsible(),
        performer,
        next_step: x.next_step(&decider_rules, outcome, confidence),
        contact,
        confidence,
        doubt,
        rule: rule_ref(&decider_rules, verdicts),
        region: RegionRef {
            lan: ctx.region.lan.clone(),
            name: x.names.region_name.clone(),
            confidence: ctx.region.confidence,
        },
        stay: home.map(|home| StayRef {
            kommun: kommun.clone(),
            home,
            home_responsible: match stay {
                Some(Stay::VisitingHomeKommun) => Some(Responsible::Kommun),
                Some(Stay::VisitingHomeRegion) => Some(Responsible::Region),
                _ => None,
            },
        }),
        kommun,
        depends_on: None,
        branches: Vec::new(),
        reasons,
        notes: x.notes(),
        rules_version: ctx.rules.version.clone(),
        rules_reviewed: ctx.region.reviewed,
        organisation: x.organisation,
    }
}

/// The organisations of a context as named on its date.
struct Names {
    /// The region's name on the date.
    region_name: String,
    /// The kommun as an organisation: the body in both roles where there is one (Gotland's
    /// region, Norrtälje's KSON on its dates).
    kommun: String,
    /// The region as an organisation: the region's name, or the body in both roles.
    region: String,
    /// One body carries both roles.
    one_body: bool,
}

impl Names {
    fn of(ctx: &Context<'_>) -> Names {
        let region_name = ctx.region.name_on(ctx.date).to_string();
        // Gotland: one body carries both roles (HSL 1 kap 2 §); Norrtälje: KSON, on its dates.
        let body = if ctx.region.kommun_is_region { Some(region_name.as_str()) } else { ctx.kommun.one_body_on(ctx.date) };
        match body.map(str::to_string) {
            Some(b) => Names { region_name, kommun: b.clone(), region: b, one_body: true },
            None => Names { kommun: ctx.kommun.organisation_name(), region: region_name.clone(), region_name, one_body: false },
        }
    }

    fn of_role(&self, role: Responsible) -> &str {
        match role {
            Responsible::Kommun => &self.kommun,
            Responsible::Region => &self.region,
        }
    }
}

/// What every step needs: the situation, the case, the language, the stay and the names on the
/// date.
struct Explainer<'a, 'r> {
    ctx: &'a Context<'r>,
    case: &'a Case,
    lang: Lang,
    /// The stay every completion shares, if they share one.
    stay: Option<Stay>,
    /// The organisations where the answer applies.
    names: Names,
    /// On a stay: the home kommun and region as organisations (`{home_kommun}`, `{home_region}`).
    home: Option<(String, String)>,
    /// The responsible organisation, when the outcome names one.
    organisation: Option<Organisation>,
    /// How relevant each cited source is to a reader in the kommun.
    relevance: Relevance<'r>,
}

impl<'a, 'r> Explainer<'a, 'r> {
    /// Step 1, the organisation: who is responsible, named as on the case's date.
    fn new(sit: &'a Situation<'r>, case: &'a Case, lang: Lang, outcome: Outcome, stay: Option<Stay>) -> Self {
        let ctx = &sit.at;
        let names = Names::of(ctx);
        let organisation = outcome.responsible().map(|role| Organisation { name: names.of_role(role).to_string(), role, one_body: names.one_body });
        let home = sit.home.as_ref().map(|h| {
            let n = Names::of(h);
            (n.kommun, n.region_name)
        });
        let relevance = Relevance::new(ctx.rules, &ctx.region.lan, &ctx.kommun.code, names.kommun.clone());
        Explainer { ctx, case, lang, stay, names, home, organisation, relevance }
    }

    /// A rule text with `{organisation}`, `{kommun}`, `{region}`, `{home_kommun}` and
    /// `{home_region}` filled in (at home, the home names are the kommun's and region's own).
    fn text(&self, t: &str) -> String {
        let org = self.organisation.as_ref().map_or("", |o| o.name.as_str());
        let (home_kommun, home_region) = match &self.home {
            Some((k, r)) => (k.as_str(), r.as_str()),
            None => (self.names.kommun.as_str(), self.names.region_name.as_str()),
        };
        fill(
            t,
            &[
                ("organisation", org),
                ("kommun", &self.names.kommun),
                ("region", &self.names.region_name),
                ("home_kommun", home_kommun),
                ("home_region", home_region),
            ],
        )
    }

    /// Step 1b, who performs: the deciding rules' `performed_by`, when they all name the same
    /// party and the outcome is determined.
    fn performer(&self, decider_rules: &[&Rule], outcome: Outcome) -> Option<Performer> {
        outcome.responsible()?;
        let role = decider_rules.first()?.performed_by?;
        decider_rules
            .iter()
            .all(|r| r.performed_by == Some(role))
            .then(|| Performer { role, name: self.names.of_role(role).to_string() })
    }

    /// Step 2, the reasons of the rules. With one deciding rule: every rule that surely applies,
    /// weakest standing first (file order within), each with its part, the decider last. With
    /// several (completions of a partial case decided alike by different rules): each decider, in
    /// precedence order.
    fn rule_reasons(&self, deciders: &[usize]) -> Vec<Reason> {
        let rules = &self.ctx.rules.rules;
        let [d] = deciders[..] else {
            // In precedence order, which `active` already has.
            return self.ctx.active.iter().filter(|i| deciders.contains(i)).map(|&i| self.rule_reason(i, ReasonRole::Decides)).collect();
        };
        let decider = &rules[d];
        let mut applying: Vec<usize> = Standing::ALL
            .iter()
            .rev()
            .flat_map(|s| self.ctx.active.iter().copied().filter(move |&i| rules[i].standing == *s))
            .filter(|&i| i != d && rules[i].applies.when.matches_case(self.case, self.stay) == Tri::Yes)
            .collect();
        applying.push(d);
        applying
            .into_iter()
            .map(|i| {
                let r = &rules[i];
                let role = if i == d {
                    ReasonRole::Decides
                } else if r.standing != decider.standing {
                    ReasonRole::Overridden
                } else if r.responsible == decider.responsible {
                    ReasonRole::Agrees
                } else {
                    ReasonRole::Conflicts
                };
                self.rule_reason(i, role)
            })
            .collect()
    }

    fn rule_reason(&self, i: usize, role: ReasonRole) -> Reason {
        let r = &self.ctx.rules.rules[i];
        Reason {
            id: r.id.clone(),
            role,
            responsible: Some(r.responsible),
            standing: Some(r.standing),
            confidence: r.confidence,
            text: self.text(r.reason.get(self.lang)),
            citations: self.cite(&r.source),
        }
    }

    /// Step 3, why some completion has no rule's answer: outside the checked window, before the
    /// region's coverage, or a gap.
    fn no_answer_reasons(&self, verdicts: &[Verdict]) -> Vec<Reason> {
        let (ctx, lang) = (self.ctx, self.lang);
        let mut reasons = Vec::new();
        if verdicts.contains(&Verdict::OutsideWindow) {
            let w = ctx.rules.window;
            let (from, to) = (w.from.to_string(), w.to.to_string());
            let t = match lang {
                Lang::Sv => format!("Den {} ligger utanför den period som reglerna i Ansvarskollen är kontrollerade för ({from} till {to}). Därför kan vi inte säga vem som ansvarar.", ctx.date),
                Lang::En => format!("{} is outside the period Ansvarskollen's rules are checked for ({from} to {to}). So we cannot say who is responsible.", ctx.date),
            };
            reasons.push(Reason {
                id: "window".into(),
                role: ReasonRole::OutsideWindow,
                responsible: None,
                standing: None,
                confidence: Confidence::Unverified,
                text: t,
                citations: Vec::new(),
            });
        }
        if verdicts.contains(&Verdict::NotCovered) {
            let t = ctx.region.before_coverage.as_ref().map_or("", |t| t.get(lang));
            reasons.push(Reason {
                id: format!("region.{}.coverage", ctx.region.lan),
                role: ReasonRole::NotCovered,
                responsible: None,
                standing: None,
                confidence: Confidence::Unverified,
                text: self.text(t),
                citations: self.cite(&ctx.region.source),
            });
        }
        if verdicts.contains(&Verdict::Gap) {
            let t = match lang {
                Lang::Sv => format!("Reglerna i Ansvarskollen svarar inte på just det här fallet i {} den {}.", ctx.kommun.name, ctx.date),
                Lang::En => format!("Ansvarskollen's rules do not answer this case in {} on {}.", ctx.kommun.name, ctx.date),
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
        reasons
    }

    /// Step 4, how well the answer is known: the weakest confidence of any deciding rule
    /// ("unverified" where some completion has no deciding rule), and every decider's doubt once.
    fn confidence_and_doubt(&self, decider_rules: &[&Rule], verdicts: usize) -> (Confidence, Option<String>) {
        let confidence = if decider_rules.len() == verdicts {
            decider_rules.iter().map(|r| r.confidence).max().unwrap_or(Confidence::Unverified)
        } else {
            Confidence::Unverified
        };
        let mut doubts: Vec<String> = Vec::new();
        for d in decider_rules.iter().filter_map(|r| r.doubt.as_ref()) {
            let d = self.text(d.get(self.lang));
            if !doubts.contains(&d) {
                doubts.push(d);
            }
        }
        (confidence, (!doubts.is_empty()).then(|| doubts.join(" ")))
    }

    /// Step 5, the notes in force here that surely apply to the case.
    fn notes(&self) -> Vec<Reason> {
        let rules = self.ctx.rules;
        self.ctx
            .notes
            .iter()
            .map(|&i| &rules.notes[i])
            .filter(|n| n.applies.when.matches_case(self.case, self.stay) == Tri::Yes)
            .map(|n| Reason {
                id: n.id.clone(),
                role: ReasonRole::Note,
                responsible: None,
                standing: None,
                confidence: Confidence::Verified,
                text: self.text(n.text.get(self.lang)),
                citations: self.cite(&n.source),
            })
            .collect()
    }

    /// The citations in force on the date, the most relevant to the reader first (see
    /// [`Relevance`]), in the rule's order among equals.
    fn cite(&self, cites: &[Citation]) -> Vec<CitationOut> {
        self.relevance.order(cite(self.ctx.rules, cites, self.ctx.date))
    }

    /// Step 6, what to do next: the deciding rules' own text when they all give the same, else
    /// the general contact text for the outcome — for an answer that is not verified, the text
    /// that starts with the responsible party and says where to turn if it declines, so that the
    /// next step agrees with the doubt shown beside it.
    fn next_step(&self, decider_rules: &[&Rule], outcome: Outcome, confidence: Confidence) -> String {
        let next = match decider_rules.first() {
            Some(first) if decider_rules.iter().all(|r| r.next == first.next) => first.next.as_ref().map(|t| t.get(self.lang)),
            _ => None,
        };
        let contacts = &self.ctx.rules.contacts;
        let doubt = |t: &'r crate::engine::ruleset::Text| (confidence != Confidence::Verified && !t.sv.is_empty()).then_some(t);
        let general = match outcome {
            Outcome::Kommun => doubt(&contacts.kommun_doubt).unwrap_or(&contacts.kommun),
            Outcome::Region => doubt(&contacts.region_doubt).unwrap_or(&contacts.region),
            Outcome::NotDetermined => &contacts.not_determined,
        };
        self.text(next.unwrap_or(general.get(self.lang)))
    }
}

impl Explainer<'_, '_> {
    /// Step 7, whom to contact: the responsible party first, and the contact data of the kommun
    /// and the region — on a temporary stay the home kommun's and region's, whom the person
    /// contacts first.
    fn contact(&self, sit: &Situation<'_>, outcome: Outcome) -> Contact {
        let (ctx, kommun, region) = match (&sit.home, &self.home) {
            (Some(h), Some((kommun, region))) => (h, kommun, region),
            _ => (&sit.at, &self.names.kommun, &self.names.region_name),
        };
        Contact::of(ctx.rules, &ctx.region.lan, &ctx.kommun.code, kommun.clone(), region.clone(), outcome.responsible())
    }
}

/// The deciding rule, when exactly one rule decides every completion.
fn rule_ref(decider_rules: &[&Rule], verdicts: &[Verdict]) -> Option<RuleRef> {
    match decider_rules {
        [r] if verdicts.len() == 1 => Some(RuleRef {
            id: r.id.clone(),
            standing: r.standing,
            valid_from: r.applies.valid_from,
            valid_to: r.applies.valid_to,
            confidence: r.confidence,
        }),
        _ => None,
    }
}

/// The citations in force on the date, with their documents' titles and links.
pub(crate) fn cite(rules: &RuleSet, cites: &[Citation], date: Date) -> Vec<CitationOut> {
    cites.iter().filter(|c| c.in_force(date)).map(|c| cited(rules, c)).collect()
}

/// A citation as the reader sees it: the document's title and links, the part cited.
pub(crate) fn cited(rules: &RuleSet, c: &Citation) -> CitationOut {
    let doc = rules.document(&c.doc);
    CitationOut {
        title: doc.map_or_else(|| c.doc.clone(), |d| d.title.clone()),
        section: c.section.clone(),
        url: doc.and_then(|d| d.url.clone()),
        sfs: doc.and_then(|d| d.sfs.clone()),
        publisher: doc.and_then(|d| d.publisher.clone()),
        date: doc.and_then(|d| d.date),
    }
}
