//! The engine behind the staff views and the rule maintainers' reports: what staff and maintainers
//! ask of the rules as a whole, not of one person's case. Pure data, no DOM, no words of its own
//! (every text comes from the rules; the faces label the rest from their catalogues).
//!
//! - [`matrix`](mod@matrix): a kommun's whole responsibility matrix on a date as a view
//!   ([`MatrixView`]): every need × housing × vårdcentral answer, split where the rules split it,
//!   each cell with its party, organisation, confidence, doubt, deciding rules, performer and the
//!   case that reproduces it ([`link`] writes that case as the widget's deep link).
//! - [`compare`](mod@compare): two matrices cell by cell ([`Difference`]).
//! - [`timeline`](mod@timeline): the periods of a kommun with the rules in force, the region it
//!   belonged to and the key answer ([`Timeline`]).
//! - [`diff`](mod@diff): every answer that changes between two dates ([`Change`]).
//! - [`rule`]: where one rule decides, what it sets aside, its sources ([`RuleReport`]).
//! - [`reach`]: where and when a set of cases holds ([`Reach`]), shared by `diff` and `rule`.
//!
//! The CLI (`matrix`, `diff`, `explain`, `site`) and the widget's staff entry use it; the person's
//! widget does not, so none of it is in the person's bundle (the linker drops what is unused).

pub mod compare;
pub mod diff;
pub mod link;
pub mod matrix;
pub mod reach;
pub mod rule;
pub mod timeline;

pub use compare::{Difference, Side, compare};
pub use diff::{Change, Decided, Scope, diff};
pub use link::params;
pub use matrix::{Cell, CellPart, MatrixView, ViewRow, matrix_view};
pub use reach::Reach;
pub use rule::{RuleReport, SetAside, explain_rule};
pub use timeline::{KeyAnswer, Period, RuleInForce, Timeline, timeline};
