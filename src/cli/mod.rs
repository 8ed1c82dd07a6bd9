//! Argument parsing and dispatch for the `ansvarskollen` binary.

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
mod labels;
mod matrix;

use ansvarskollen::engine::{Date, Lang, Vocab};
use ansvarskollen::rules::{self, Loaded};
use clap::{Parser, Subcommand};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

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
    /// cannot get to the vårdcentral.
    Matrix {
        /// Kommun code (e.g. 1980) or name (e.g. Västerås).
        #[arg(long)]
        kommun: String,
        /// The date the rules apply to (YYYY-MM-DD; default today).
        #[arg(long)]
        date: Option<String>,
        /// Language of the labels: sv or en.
        #[arg(long, default_value = "sv")]
        lang: String,
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

/// Exit codes, as ripgrep: 0 success, 1 "no" (a check or test failed), 2 an error of use.
pub const FAILED: u8 = 1;
pub const USAGE: u8 = 2;

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let code = match cli.command {
        Command::Check { rules_dir } => check::check(&rules_dir_or_default(rules_dir)),
        Command::Test { files, rules } => check::test(&rules_dir_or_default(rules), &files),
        Command::Ask(args) => ask::ask(args),
        Command::Matrix { kommun, date, lang, rules } => matrix::matrix(&rules_dir_or_default(rules), &kommun, date.as_deref(), &lang),
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
    };
    ExitCode::from(code)
}

/// `./rules` if it exists, else the rules folder of the source tree the binary was built from.
pub fn rules_dir_or_default(given: Option<PathBuf>) -> PathBuf {
    given.unwrap_or_else(|| {
        let here = PathBuf::from("rules");
        if here.join("national.toml").exists() { here } else { Path::new(env!("CARGO_MANIFEST_DIR")).join("rules") }
    })
}

pub fn color() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none()
}

/// Loads the rules for answering; on errors prints them and returns the exit code.
pub fn load_for_use(dir: &Path) -> Result<Loaded, u8> {
    let loaded = rules::load(dir);
    if loaded.has_errors() {
        let errors: Vec<_> = loaded.diags.iter().filter(|d| d.is_error()).cloned().collect();
        eprint!("{}", rules::render(&errors, &loaded.sources, color()));
        eprintln!("error: the rules in {} have errors; fix them (see `ansvarskollen check`) before asking", dir.display());
        return Err(FAILED);
    }
    Ok(loaded)
}

/// A kommun by code or name, or a one-line usage error naming what to give (exit code 2).
pub fn find_kommun<'r>(rules: &'r ansvarskollen::engine::RuleSet, text: &str) -> Result<&'r ansvarskollen::engine::ruleset::Kommun, u8> {
    rules.find_kommun(text).ok_or_else(|| {
        usage(format!(
            "unknown kommun `{text}`: give a four-digit SCB kommunkod (e.g. 1980) or a kommun name (e.g. Västerås); all {} are listed in rules/kommuner.csv",
            rules.kommuner.len()
        ))
    })
}

/// Prints a one-line usage error (exit code 2).
pub fn usage(message: impl std::fmt::Display) -> u8 {
    eprintln!("error: {message}");
    USAGE
}

/// Today's date (UTC).
pub fn today() -> Date {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    Date::from_days((secs / 86_400) as i64)
}

pub fn parse_date(text: Option<&str>) -> Result<Date, u8> {
    match text {
        None => Ok(today()),
        Some(t) => Date::parse(t).map_err(usage),
    }
}

pub fn parse_lang(text: &str) -> Result<Lang, u8> {
    Lang::parse(text).map_err(usage)
}
