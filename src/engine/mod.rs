//! The rules engine: pure, deterministic, without web, file or terminal dependencies.
//!
//! - A **case** ([`Case`]) is the question: a date, a kommun, and the person's need, housing, age,
//!   whether they can get to the vårdcentral, and how long the need lasts. Any input but the date
//!   may be unknown.
//! - A **rule** ([`Rule`]) says: under these conditions, on these dates, in this scope (national,
//!   a region, or some kommuner), this is who is responsible — `kommun`, `region`, or explicitly
//!   `not_determined` — because of these cited sources, known this well. Rules are data, loaded and
//!   checked from TOML by `crate::rules` (native) or decoded from their compiled form
//!   ([`compiled`]) in the browser. Each rule has a standing (law, local, agreement, default); the
//!   strongest standing that applies wins.
//! - An **answer** ([`Answer`]) names the responsible organisation as it was called on that date,
//!   what to do next, the deciding rule with its validity and confidence, and the ordered reasons,
//!   each citing its sources. Its JSON is documented in [`answer`].
//!
//! [`decide`] answers a complete case, [`resolve`] a partial one (or says which inputs still
//! matter), [`matrix`] gives a kommun's whole responsibility matrix, and [`check::run`] proves the
//! rules complete and consistent over every kommun, date segment and case.
//!
//! Words: *huvudman* = the body legally responsible; *hemsjukvård* = health care in the home;
//! *särskilt boende* (säbo) = residential care decided by the kommun; *vårdcentral* = primary care
//! clinic; *tröskelprincipen* = home care only for those who cannot get to the vårdcentral.

pub mod answer;
pub mod case;
pub mod check;
pub mod compiled;
pub mod coverage;
pub mod date;
pub mod domain;
pub mod eval;
pub mod json;
pub mod partial;
pub mod ruleset;
pub mod vocab;

pub use answer::Answer;
pub use case::{Case, CaseError, Facts};
pub use date::Date;
pub use eval::{Context, Verdict, decide};
pub use partial::{Matrix, Resolution, matrix, resolve};
pub use ruleset::{Rule, RuleSet};
pub use vocab::{Confidence, Duration, Housing, Input, Lang, Need, Outcome, Responsible, Standing, Vocab};
