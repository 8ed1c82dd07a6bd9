//! Argument parsing and dispatch for the `ansvarskollen` binary, and what its commands share:
//! [`Exit`] (why a command failed), loading the rules for use, parsing dates, languages and kommuner.

/// Like `println!`, but a closed pipe (`ansvarskollen matrix … | head`) is not an error.
macro_rules! outln {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($t)*);
    }};
}

/// Like `print!`, but a closed pipe is not an error.
macro_rules! out {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stdout(), $($t)*);
    }};
}

mod ask;
mod check;
mod coverage;
mod diff;
mod explain;
mod labels;
mod matrix;
mod report;
mod site;

use ansvarskollen::engine::ruleset::Kommun;
use ansvarskollen::engine::{Date, Lang, RuleSet, Vocab};
use ansvarskollen::rules::{self, Loaded};
use clap::{Parser, Subcommand};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};

/// Who is responsible for this care need, here, on this date: the region or the kommun?
#[derive(Parser)]
#[command(name = "ansvarskollen", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run every static check of the rules: schema, sources, dates, and the exhaustive check
    /// (no gaps, no conflicts, no dead rules). Exit 1 on any error.
    Check {
        /// The rules folder (default: ./rules).
        rules_dir: Option<PathBuf>,
        /// The day to judge the rules' review dates by (YYYY-MM-DD; default today): a region last
        /// reviewed more than 12 months before it gets a warning.
        #[arg(long)]
        today: Option<String>,
    },
    /// Run scenario files; print each failure and close with `N passed, N failed`.
    Test {
        /// Scenario files (TOML with [[scenario]] tables).
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long)]
        rules: Option<PathBuf>,
    },
    /// Answer one case; with inputs left out, say what is still needed.
    Ask(ask::AskArgs),
    /// The responsibility matrix of a kommun: needs × housing, for a person who can and who
    /// cannot get to the vårdcentral, split by age, duration, kind of aid and the two
    /// rehabilitation needs where the rules split them; with confidence and doubt marks.
    Matrix {
        /// Kommun code (e.g. 1980) or name (e.g. Västerås).
        #[arg(long)]
        kommun: String,
        /// The date the rules apply to (YYYY-MM-DD; default today).
        #[arg(long)]
        date: Option<String>,
        /// Language of the labels and the rules' texts: sv or en.
        #[arg(long, default_value = "sv")]
        lang: String,
        /// Print JSON: every row, cell and part, each with the link to its full explanation.
        #[arg(long)]
        json: bool,
        #[arg(long)]
        rules: Option<PathBuf>,
    },
    /// Every answer that changes between two dates: run it before a new agreement takes effect.
    Diff {
        /// The first date (YYYY-MM-DD).
        #[arg(long)]
        from: String,
        /// The second date (YYYY-MM-DD).
        #[arg(long)]
        to: String,
        /// Only the kommuner of this län (two digits, e.g. 19) on either date.
        #[arg(long, conflicts_with = "kommun")]
        lan: Option<String>,
        /// Only this kommun (code or name).
        #[arg(long)]
        kommun: Option<String>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// Language of the words: sv or en.
        #[arg(long, default_value = "sv")]
        lang: String,
        #[arg(long)]
        rules: Option<PathBuf>,
    },
    /// One rule: where it decides (kommuner, dates, cases), what it sets aside, its sources.
    Explain {
        /// The rule's id (e.g. vastmanland.hemsjukvard).
        rule_id: String,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// Language of the words: sv or en.
        #[arg(long, default_value = "sv")]
        lang: String,
        #[arg(long)]
        rules: Option<PathBuf>,
    },
    /// Write static, accessible HTML pages without JavaScript: one per kommun with its matrix,
    /// sources and doubts, and an index by län (Swedish in OUT_DIR, English in OUT_DIR/en).
    Site {
        /// The folder to write into (created if missing).
        out_dir: PathBuf,
        /// The date the pages show (YYYY-MM-DD; default today).
        #[arg(long)]
        date: Option<String>,
        /// Only this language, in OUT_DIR: sv or en (default: both).
        #[arg(long)]
        lang: Option<String>,
        #[arg(long)]
        rules: Option<PathBuf>,
    },
    /// Per region: confidence, dates covered, number of rules and scenarios, open questions.
    Coverage {
        /// Print JSON: a list with one object per region.
        #[arg(long)]
        json: bool,
        /// Print a Markdown table (as in README.md).
        #[arg(long, conflicts_with = "json")]
        markdown: bool,
        /// Print the widget's "Om uppgifterna" page (HTML).
        #[arg(long, conflicts_with_all = ["json", "markdown"])]
        html: bool,
        /// Language of the table: sv or en.
        #[arg(long, default_value = "sv")]
        lang: String,
        /// Where the scenario files are (default: tests/scenarios).
        #[arg(long, default_value = "tests/scenarios")]
        scenarios: PathBuf,
        #[arg(long)]
        rules: Option<PathBuf>,
    },
    /// Check the rules and write their compiled form (what the browser reads) to a folder.
    Compile {
        /// The rules folder (default: ./rules).
        rules_dir: Option<PathBuf>,
        /// Where to write the compiled rules.
        #[arg(long)]
        out: PathBuf,
    },
}

/// Why a command ended without success. A command prints its own report (diagnostics, failed
/// scenarios) and returns this; `main` alone prints its message and turns it into the exit code
/// (as ripgrep does: 0 success, 1 "no", 2 an error of use).
#[derive(Debug, PartialEq, Eq)]
pub enum Exit {
    /// Exit 1: a check or test failed, or the rules have errors. The report is already printed;
    /// the message, if any, closes it (`error: …`).
    Failed(Option<String>),
    /// Exit 2: bad input or usage. One `error: …` line saying what to give instead.
    Usage(String),
}

impl Exit {
    /// The process exit code.
    pub fn code(&self) -> u8 {
        match self {
            Exit::Failed(_) => 1,
            Exit::Usage(_) => 2,
        }
    }

    /// What `main` prints after `error: `, if anything.
    pub fn message(&self) -> Option<&str> {
        match self {
            Exit::Failed(m) => m.as_deref(),
            Exit::Usage(m) => Some(m),
        }
    }
}

/// What every command returns: `Ok(())` is exit 0.
pub type Result<T = (), E = Exit> = std::result::Result<T, E>;

/// Parses the command line and runs the command. Argument errors, `--help` and `--version` are
/// clap's (exit 2 or 0); everything else is returned for `main` to print.
pub fn run() -> Result {
    match Cli::parse().command {
        Command::Check { rules_dir, today } => check::check(&rules_dir_or_default(rules_dir), parse_date(today.as_deref())?),
        Command::Test { files, rules } => check::test(&rules_dir_or_default(rules), &files),
        Command::Ask(args) => ask::ask(args),
        Command::Matrix { kommun, date, lang, json, rules } => matrix::matrix(&rules_dir_or_default(rules), &kommun, date.as_deref(), &lang, json),
        Command::Diff { from, to, lan, kommun, json, lang, rules } => diff::diff(diff::DiffArgs {
            dir: &rules_dir_or_default(rules),
            from: &from,
            to: &to,
            lan: lan.as_deref(),
            kommun: kommun.as_deref(),
            json,
            lang: &lang,
        }),
        Command::Explain { rule_id, json, lang, rules } => explain::explain(&rules_dir_or_default(rules), &rule_id, json, &lang),
        Command::Site { out_dir, date, lang, rules } => site::site(&rules_dir_or_default(rules), &out_dir, date.as_deref(), lang.as_deref()),
        Command::Coverage { json, markdown, html, lang, scenarios, rules } => {
            let format = match (json, markdown, html) {
                (true, _, _) => coverage::Format::Json,
                (_, true, _) => coverage::Format::Markdown,
                (_, _, true) => coverage::Format::Html,
                _ => coverage::Format::Text,
            };
            coverage::coverage(&rules_dir_or_default(rules), &scenarios, format, &lang)
        }
        Command::Compile { rules_dir, out } => check::compile(&rules_dir_or_default(rules_dir), &out),
    }
}

/// `./rules` if it exists, else the rules folder of the source tree the binary was built from.
pub fn rules_dir_or_default(given: Option<PathBuf>) -> PathBuf {
    given.unwrap_or_else(|| {
        let here = PathBuf::from("rules");
        if here.join("national.toml").exists() { here } else { Path::new(env!("CARGO_MANIFEST_DIR")).join("rules") }
    })
}

/// Whether diagnostics on stderr get colours: a terminal, and `NO_COLOR` not set.
pub fn color() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// Loads the rules for answering; on errors prints them and fails (exit 1).
pub fn load_for_use(dir: &Path) -> Result<Loaded> {
    let loaded = rules::load(dir);
    if loaded.has_errors() {
        let errors: Vec<_> = loaded.diags.iter().filter(|d| d.is_error()).cloned().collect();
        eprint!("{}", rules::render(&errors, &loaded.sources, color()));
        return Err(Exit::Failed(Some(format!(
            "the rules in {} have errors; fix them (see `ansvarskollen check`) before asking",
            dir.display()
        ))));
    }
    Ok(loaded)
}

/// A kommun by code or name, or a usage error naming what to give (exit 2).
pub fn find_kommun<'r>(rules: &'r RuleSet, text: &str) -> Result<&'r Kommun> {
    rules.find_kommun(text).ok_or_else(|| {
        usage(format!(
            "unknown kommun `{text}`: give a four-digit SCB kommunkod (e.g. 1980) or a kommun name (e.g. Västerås); all {} are listed in rules/kommuner.csv",
            rules.kommuner.len()
        ))
    })
}

/// A usage error (exit 2) with this message.
pub fn usage(message: impl std::fmt::Display) -> Exit {
    Exit::Usage(message.to_string())
}

/// Today's date (UTC).
pub fn today() -> Date {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    Date::from_days((secs / 86_400) as i64)
}

/// `--date`, or today if it is not given.
pub fn parse_date(text: Option<&str>) -> Result<Date> {
    match text {
        None => Ok(today()),
        Some(t) => Date::parse(t).map_err(usage),
    }
}

/// `--lang`: `sv` or `en`.
pub fn parse_lang(text: &str) -> Result<Lang> {
    Lang::parse(text).map_err(usage)
}
