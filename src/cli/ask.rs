//! `ansvarskollen ask`: one answer, or what is still needed.

use super::{Result, labels};
use ansvarskollen::engine::answer::{Answer, Branch, CitationOut, ReasonRole, needed_json};
use ansvarskollen::engine::{Case, Input, Outcome, Resolution, Responsible, RuleSet, Vocab, resolve};
use ansvarskollen::ui::i18n::{Catalogue, fill};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct AskArgs {
    /// Kommun: four-digit SCB kommunkod (e.g. 1980) or name (e.g. Västerås).
    #[arg(long)]
    kommun: Option<String>,
    /// Age in whole years.
    #[arg(long)]
    age: Option<String>,
    /// ordinary, sheltered, special, short_term, lss or lss_short_stay; or unknown ("Vet inte").
    #[arg(long)]
    housing: Option<String>,
    /// true or false: can the person get to the vårdcentral on their own or with support? Or unknown.
    #[arg(long)]
    can_visit_clinic: Option<String>,
    /// nursing, rehabilitation, occupational_therapy, physiotherapy, assistive_devices, physician,
    /// palliative_care, specialised_home_care or dental.
    #[arg(long)]
    need: Option<String>,
    /// For assistive_devices: everyday, sensory, orthopaedic or incontinence; or unknown.
    #[arg(long)]
    aid: Option<String>,
    /// short (under two weeks) or long (planned, two weeks or more); or unknown.
    #[arg(long)]
    duration: Option<String>,
    /// A kommun the person stays in for a while (code or name): the answer is about care there.
    #[arg(long)]
    staying_in: Option<String>,
    /// The date the rules apply to (YYYY-MM-DD; default today).
    #[arg(long)]
    date: Option<String>,
    /// Print the full answer as JSON.
    #[arg(long)]
    json: bool,
    /// Language of the answer: sv or en.
    #[arg(long, default_value = "sv")]
    lang: String,
    /// The rules folder (default: ./rules).
    #[arg(long)]
    rules: Option<PathBuf>,
}

/// Builds the case from the flags; a bad value is a one-line error with the valid choices.
fn build_case(args: &AskArgs, rules: &RuleSet) -> Result<Case> {
    let mut case = Case::on(super::parse_date(args.date.as_deref())?);
    if let Some(k) = &args.kommun {
        case.kommun = Some(super::find_kommun(rules, k)?.code.clone());
    }
    if let Some(k) = &args.staying_in {
        case.staying_in = Some(super::find_kommun(rules, k)?.code.clone());
    }
    let flags = [
        (Input::Age, &args.age),
        (Input::Housing, &args.housing),
        (Input::CanVisitClinic, &args.can_visit_clinic),
        (Input::Need, &args.need),
        (Input::Aid, &args.aid),
        (Input::Duration, &args.duration),
    ];
    for (input, value) in flags {
        if let Some(v) = value {
            case.set_word(input, v).map_err(super::usage)?;
        }
    }
    Ok(case)
}

/// `ask`: the answer (text or JSON), or the inputs still needed, in asking order.
pub fn ask(args: AskArgs) -> Result {
    let lang = super::parse_lang(&args.lang)?;
    let dir = super::rules_dir_or_default(args.rules.clone());
    let loaded = super::load_for_use(&dir)?;
    let case = build_case(&args, &loaded.rules)?;
    match resolve(&loaded.rules, &case, lang).map_err(super::usage)? {
        Resolution::Answer(a) => {
            if args.json {
                outln!("{}", a.to_json_pretty());
            } else {
                out!("{}", render_answer(&a));
            }
        }
        Resolution::Ask(needed) => {
            if args.json {
                outln!("{}", needed_json(&case, &needed, true));
            } else {
                let w = &labels::catalogue(lang).cli;
                outln!("{}", w.not_decided);
                outln!("{}", w.ask_in_order);
                for (n, i) in needed.iter().enumerate() {
                    outln!("  {}. {} (--{})", n + 1, w.input(*i), i.as_str().replace('_', "-"));
                }
            }
        }
    }
    Ok(())
}

fn citation(c: &CitationOut) -> String {
    let mut s = c.title.clone();
    if let Some(sec) = &c.section {
        s.push_str(", ");
        s.push_str(sec);
    }
    if let Some(d) = &c.date {
        s.push_str(&format!(" ({d})"));
    }
    if let Some(u) = &c.url {
        s.push_str(" — ");
        s.push_str(u);
    }
    s
}

/// Who is responsible, in a line: "Kommunen — Västerås kommun", or "Det beror på …".
fn who(a: &Answer, cat: &Catalogue) -> String {
    if let Some(on) = a.depends_on {
        return cat.depends_on(on).to_string();
    }
    let outcome = match a.responsible {
        Some(Responsible::Kommun) => Outcome::Kommun,
        Some(Responsible::Region) => Outcome::Region,
        None => Outcome::NotDetermined,
    };
    match &a.organisation {
        Some(o) => format!("{} — {}", cat.outcome(outcome), o.name),
        None => cat.outcome(outcome).to_string(),
    }
}

/// "Personal från Kinda kommun utför vården på regionens uppdrag."
pub fn performer_line(a: &Answer, cat: &Catalogue) -> Option<String> {
    a.performer.as_ref().map(|p| {
        let t = if p.role == Responsible::Kommun { cat.performer_kommun } else { cat.performer_region };
        fill(t, &[("name", &p.name)])
    })
}

/// The branches of an answer that depends, one line each, nested branches indented below theirs.
fn branches(out: &mut String, list: &[Branch], cat: &Catalogue, indent: usize) {
    for b in list {
        let line = fill(cat.branch, &[("when", &cat.when(&b.when)), ("who", &who(&b.answer, cat))]);
        out.push_str(&format!("{:indent$}- {line}\n", ""));
        if let Some(p) = performer_line(&b.answer, cat) {
            out.push_str(&format!("{:indent$}  {p}\n", ""));
        }
        branches(out, &b.answer.branches, cat, indent + 2);
    }
}

/// The answer as text for a terminal.
pub fn render_answer(a: &Answer) -> String {
    let cat = labels::catalogue(a.lang);
    let w = &cat.cli;
    let mut out = String::new();
    out.push_str(&format!("{}: {}\n", w.responsible, who(a, cat)));
    branches(&mut out, &a.branches, cat, 2);
    if let Some(p) = performer_line(a, cat) {
        out.push_str(&format!("{}: {p}\n", w.performed_by));
    }
    out.push_str(&format!("  {} · {} ({}), {}\n", a.case.date, a.kommun.name, a.kommun.code, a.region.name));
    if let Some(s) = &a.stay {
        out.push_str(&format!("{}: {}\n", w.stay, fill(cat.stay_line, &[("kommun", &s.kommun.name), ("home", &s.home.name)])));
    }
    out.push_str(&format!("{}: {}\n", w.next_step, a.next_step));
    out.push_str(&format!("{}: {}\n", w.confidence_heading, w.confidence(a.confidence)));
    if let Some(d) = &a.doubt {
        out.push_str(&format!("  {d}\n"));
    }
    out.push_str(&format!("{}\n", cat.why));
    for (n, r) in a.reasons.iter().enumerate() {
        let tag = match r.role {
            ReasonRole::Decides => format!(" [{}]", w.decides),
            ReasonRole::Overridden => format!(" {}", labels::set_aside(cat)),
            _ => String::new(),
        };
        out.push_str(&format!("  {}. {}{tag}\n", n + 1, r.text));
        for c in &r.citations {
            out.push_str(&format!("     {}: {}\n", cat.source, citation(c)));
        }
    }
    if !a.notes.is_empty() {
        out.push_str(&format!("{}\n", cat.good_to_know));
        for n in &a.notes {
            out.push_str(&format!("  - {}\n", n.text));
            for c in &n.citations {
                out.push_str(&format!("    {}: {}\n", cat.source, citation(c)));
            }
        }
    }
    if let Some(r) = &a.rule {
        let to = r.valid_to.map_or(String::new(), |t| t.to_string());
        out.push_str(&format!("{}: {} ({} {}–{to})\n", cat.deciding_rule, r.id, w.valid, r.valid_from));
    }
    out.push_str(&format!("{} [rules {}]\n", w.guidance, a.rules_version));
    out
}
