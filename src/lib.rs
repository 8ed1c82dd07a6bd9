//! Ansvarskollen: who is responsible for this care need, here, on this date — the region or the
//! kommun?
//!
//! - [`engine`]: the pure rules engine (cases, rules, answers, partial evaluation, the check).
//! - [`html`]: escaping text for the static HTML both faces write.
//! - [`readability`]: LIX, the readability of the texts people read (tests and `check`).
//! - `rules` (feature `cli`): loads and checks the TOML rules in `rules/`, with diagnostics.
//! - The CLI (`src/main.rs`, feature `cli`) and the Yew widget (`ui`, feature `ui`) are faces:
//!   they ask, call the engine, and render its answer.

pub mod engine;
pub mod html;
pub mod readability;
pub mod ui;

#[cfg(feature = "cli")]
pub mod rules;
