//! `ansvarskollen`: the rule maintainers' and integrators' command line.
//!
//! Exit codes: 0 ok, 1 a check or test failed, 2 bad input or usage (the message names the valid
//! choices). The commands only read files, call the engine and print; they decide nothing.

mod cli;

use std::process::ExitCode;

/// The one place that prints a command's error and picks the exit code: commands return
/// [`cli::Exit`] as a value and never exit themselves.
fn main() -> ExitCode {
    match cli::run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(exit) => {
            if let Some(message) = exit.message() {
                eprintln!("error: {message}");
            }
            ExitCode::from(exit.code())
        }
    }
}
