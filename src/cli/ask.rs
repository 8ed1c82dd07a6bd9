//! `ansvarskollen ask`: one answer, or what is still needed.

use super::labels;
use ansvarskollen::engine::answer::{Answer, CitationOut, ReasonRole};
use ansvarskollen::engine::{Case, Input, Lang, Outcome, Resolution, RuleSet, Vocab, resolve};
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct AskArgs {
    /// Kommun: four-digit SCB kommunkod (e.g. 1980) or name (e.g. Västerås).
    #[arg(long)]
    kommun: Option<String>,
    /// Age in whole years.
    #[arg(long)]
    age: Option<String>,
    /// ordinary, sheltered, special, short_term or lss.
    #[arg(long)]
    housing: Option<String>,
    /// true or false: can the person get to the vårdcentral on their own or with support?
    #[arg(long)]
    can_visit_clinic: Option<String>,
    /// nursing, rehabilitation, assistive_devices, physician, specialised_home_care or dental.
    #[arg(long)]
    need: Option<String>,
    /// short (under two weeks) or long (planned, two weeks or more).
    #[arg(long)]
    duration: Option<String>,
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
fn build_case(args: &AskArgs, rules: &RuleSet) -> Result<Case, u8> {
    let mut case = Case::on(super::parse_date(args.date.as_deref())?);
    if let Some(k) = &args.kommun {
        case.kommun = Some(super::find_kommun(rules, k)?.code.clone());
    }
    let flags = [
        (Input::Age, &args.age),
        (Input::Housing, &args.housing),
        (Input::CanVisitClinic, &args.can_visit_clinic),
        (Input::Need, &args.need),
        (Input::Duration, &args.duration),
    ];
    for (input, value) in flags {
        if let Some(v) = value {
            case.set_word(input, v).map_err(super::usage)?;
        }
    }
    Ok(case)
}

pub fn ask(args: AskArgs) -> u8 {
    let lang = match super::parse_lang(&args.lang) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let dir = super::rules_dir_or_default(args.rules.clone());
    let loaded = match super::load_for_use(&dir) {
        Ok(l) => l,
        Err(code) => return code,
    };
    let case = match build_case(&args, &loaded.rules) {
        Ok(c) => c,
        Err(code) => return code,
    };
    match resolve(&loaded.rules, &case, lang) {
        Err(e) => super::usage(e),
        Ok(Resolution::Answer(a)) => {
            if args.json {
                outln!("{}", a.to_json_pretty());
            } else {
                out!("{}", render_answer(&a));
            }
            0
        }
        Ok(Resolution::Ask(needed)) => {
            if args.json {
                let mut j = ansvarskollen::engine::json::Json::new(true);
                j.begin_object();
                j.key("case");
                case.write_json(&mut j);
                j.key("determined");
                j.null();
                j.key("needed");
                j.begin_array();
                for i in &needed {
                    j.element();
                    j.str(i.as_str());
                }
                j.end_array();
                j.end_object();
                outln!("{}", j.finish());
            } else {
                let w = labels::words(lang);
                outln!("{}.", w.not_yet);
                outln!("{}:", w.needed);
                for (n, i) in needed.iter().enumerate() {
                    outln!("  {}. {} (--{})", n + 1, labels::input(*i, lang), i.as_str().replace('_', "-"));
                }
            }
            0
        }
    }
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

/// The answer as text for a terminal.
pub fn render_answer(a: &Answer) -> String {
    let lang = a.lang;
    let w = labels::words(lang);
    let outcome = match a.responsible {
        Some(r) => Outcome::parse(r.as_str()).unwrap_or(Outcome::NotDetermined),
        None => Outcome::NotDetermined,
    };
    let mut out = String::new();
    let who = match &a.organisation {
        Some(o) => format!("{} — {}", capitalise(labels::outcome(outcome, lang)), o.name),
        None => capitalise(labels::outcome(outcome, lang)),
    };
    out.push_str(&format!("{}: {who}\n", w.responsible));
    out.push_str(&format!("  {} · {} ({}), {}\n", a.case.date, a.kommun.name, a.kommun.code, a.region.name));
    out.push_str(&format!("{}: {}\n", w.next, a.next_step));
    out.push_str(&format!("{}: {}\n", w.confidence, labels::confidence(a.confidence, lang)));
    if let Some(d) = &a.doubt {
        out.push_str(&format!("  {d}\n"));
    }
    out.push_str(&format!("{}\n", w.why));
    for (n, r) in a.reasons.iter().enumerate() {
        let tag = match (r.role, lang) {
            (ReasonRole::Decides, Lang::Sv) => " [avgör]",
            (ReasonRole::Decides, Lang::En) => " [decides]",
            (ReasonRole::Overridden, Lang::Sv) => " [gäller inte här: en starkare regel avgör]",
            (ReasonRole::Overridden, Lang::En) => " [set aside: a stronger rule decides]",
            _ => "",
        };
        out.push_str(&format!("  {}. {}{tag}\n", n + 1, r.text));
        for c in &r.citations {
            out.push_str(&format!("     {}: {}\n", w.source, citation(c)));
        }
    }
    if !a.notes.is_empty() {
        out.push_str(&format!("{}\n", w.notes));
        for n in &a.notes {
            out.push_str(&format!("  - {}\n", n.text));
            for c in &n.citations {
                out.push_str(&format!("    {}: {}\n", w.source, citation(c)));
            }
        }
    }
    if let Some(r) = &a.rule {
        let to = r.valid_to.map_or(String::new(), |t| t.to_string());
        out.push_str(&format!("{}: {} ({} {}–{to})\n", w.rule, r.id, w.valid, r.valid_from));
    }
    out.push_str(&format!("{} [rules {}]\n", w.guidance, a.rules_version));
    out
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| f.to_uppercase().collect::<String>() + c.as_str())
}
