#![warn(missing_docs)]

//! The rules engine: pure, deterministic, without web, file or terminal dependencies
//! (`tests/boundaries.rs` fails if a file here names a face of the crate or the standard library's
//! file, I/O or process modules).
//!
//! - A **case** ([`Case`]) is the question: a date, a kommun, and the person's need (for assistive
//!   devices, which kind: `aid`), housing, age, whether they can get to the vårdcentral, and how long
//!   the need lasts; optionally a kommun they stay in for a while (`staying_in`). Any input but the
//!   date may be unknown; some may be *declared* unknown ("Vet inte").
//! - A **rule** ([`Rule`]) says: under these conditions, on these dates, in this scope (national,
//!   a region, or some kommuner), this is who is responsible — `kommun`, `region`, or explicitly
//!   `not_determined` — because of these cited sources, known this well. Rules are data, loaded and
//!   checked from TOML by `crate::rules` (native) or decoded from their compiled form
//!   ([`compiled`]) in the browser. Each rule has a standing (law, local, agreement, default); the
//!   strongest standing that applies wins.
//! - An **answer** ([`Answer`]) names the responsible organisation as it was called on that date
//!   (and who performs the care, where another party does), what to do next, the deciding rule with
//!   its validity and confidence, and the ordered reasons, each citing its sources. Its JSON is
//!   documented in [`answer`].
//!
//! [`decide`] answers a complete case, [`resolve`] a partial one (or says which inputs still
//! matter), [`matrix`] gives a kommun's whole responsibility matrix, and [`check::run`] proves the
//! rules complete and consistent over every kommun, date segment and case. [`staff`] serves the
//! staff views and the maintainers' reports: the matrix as a view with every cell's answer and
//! case, compare, a kommun's timeline, the diff between two dates, one rule explained.
//!
//! Words: *huvudman* = the body legally responsible; *hemsjukvård* = health care in the home;
//! *särskilt boende* (säbo) = residential care decided by the kommun; *vårdcentral* = primary care
//! clinic; *tröskelprincipen* = home care only for those who cannot get to the vårdcentral;
//! *performer* (utförare) = who gives the care for the huvudman "med bibehållet huvudmannaskap"
//! (HSL 15 kap 1 §); *one body* = one organisation in both roles (Region Gotland; KSON for
//! Norrtälje).
//!
//! The engine's own words: *umbrella need* = `rehabilitation`, which stands for arbetsterapi and
//! fysioterapi (rules and cases may name either; the engine evaluates the two); *stay* = where
//! the person is for the rules of the kommun giving the care: at home, or visiting from a kommun
//! where the kommun, the region or nobody determined is responsible ([`Stay`], derived in
//! [`eval::Situation`]); *declared unknown* = an input the person said "Vet inte" to, never asked
//! again; *depends* / *branches* = an answer that depends on a declared-unknown input or on the
//! umbrella need: `depends_on` names the input and each *branch* is the answer for some of its
//! values (a branch may depend in turn); *completion* = the partial case with every unknown input
//! filled in, one way.

pub mod answer;
pub mod case;
pub mod check;
pub mod compiled;
pub mod contact;
pub mod coverage;
pub mod date;
pub mod depends;
pub mod domain;
pub mod eval;
pub mod json;
pub mod partial;
pub mod ruleset;
pub mod segments;
pub mod staff;
pub mod text;
pub mod vocab;

pub use answer::Answer;
pub use case::{Case, CaseError, Facts};
pub use date::Date;
pub use eval::{Context, Verdict, decide};
pub use partial::{Matrix, Resolution, matrix, resolve};
pub use ruleset::{Rule, RuleSet};
pub use vocab::{Aid, Confidence, Duration, Housing, Input, Lang, Need, Outcome, Responsible, Standing, Stay, Vocab};
