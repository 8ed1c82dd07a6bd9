//! `ansvarskollen`: the rule maintainers' and integrators' command line.
//!
//! Exit codes: 0 ok, 1 a check or test failed, 2 bad input or usage (the message names the valid
//! choices). The commands only read files, call the engine and print; they decide nothing.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
