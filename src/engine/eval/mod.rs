//! Evaluation: which rule decides a case, and the answer with its explanation.
//!
//! - [`context`]: a [`Context`] fixes place and date: it resolves the kommun's region on that date
//!   and keeps the rules in force there, strongest standing first; three-valued matching ([`Tri`])
//!   of conditions against partial cases; the age bands the rules create ([`age_breaks`]).
//! - [`situation`]: where a case is answered ([`Situation`]): at home, or on a temporary stay in
//!   another kommun, whose rules see the stay (derived from the home kommun's outcome).
//! - [`verdict`]: what decides a case in a context ([`Verdict`]); [`decide`] builds the full
//!   answer of a complete case.
//! - [`explain`](mod@explain): the answer built in named steps — organisation, reasons, reasons
//!   for no answer, confidence and doubt, notes, next step.
//!
//! [`Context::verdict`] is the hot path used by the exhaustive check and by partial evaluation.
//! Precedence (documented for maintainers in `rules/README.md`): the strongest standing among the
//! rules that apply wins (law > local > agreement > default); among equals the first in file order.
//! This module evaluates; it does not load rules, shape JSON or ask questions.

pub mod context;
pub mod explain;
pub mod situation;
pub mod verdict;

pub use context::{Context, Tri, age_breaks};
pub use explain::explain;
pub(crate) use explain::cited;
pub use situation::Situation;
pub use verdict::{Verdict, decide};
