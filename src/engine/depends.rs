//! An answer that depends: its branches, and the values of the input each branch is for. Where
//! the outcome depends only on inputs the person declared unknown ("Vet inte") or on the umbrella
//! need, `partial::resolve` answers with one branch per value, grouped (see `answer.rs` for the
//! JSON). This module only holds them; it decides nothing.

use super::answer::Answer;
use super::json::Json;
use super::vocab::{Input, Vocab};

/// One branch of an answer that depends: for these values of the input, this answer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Branch {
    /// The values of `depends_on` this branch is for.
    pub when: When,
    /// The answer of the case with one of those values filled in (its `case` has the first).
    pub answer: Answer,
}

/// The values of one input that a branch is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum When {
    /// Words of a vocabulary input — need (the umbrella's: `occupational_therapy`,
    /// `physiotherapy`), aid, housing or duration — in display order.
    Words(Input, Vec<&'static str>),
    /// Ages from, to (inclusive).
    Age(u8, u8),
    /// The answer to the vårdcentral question.
    CanVisitClinic(bool),
}

impl When {
    /// The input the branch is about.
    pub fn input(&self) -> Input {
        match self {
            When::Words(i, _) => *i,
            When::Age(..) => Input::Age,
            When::CanVisitClinic(_) => Input::CanVisitClinic,
        }
    }

    /// Adds the values of the next branch, if it is about the same input and (for ages) follows
    /// on; false if it cannot be merged.
    pub fn merge(&mut self, next: &When) -> bool {
        match (self, next) {
            (When::Words(i, a), When::Words(j, b)) if i == j => a.extend(b),
            (When::Age(_, to), When::Age(from, b)) if u16::from(*to) + 1 == u16::from(*from) => *to = *b,
            _ => return false,
        }
        true
    }

    pub(crate) fn write_json(&self, j: &mut Json) {
        j.begin_object();
        j.key(self.input().as_str());
        match self {
            When::Age(a, b) => {
                j.begin_object();
                j.key("min");
                j.uint(u64::from(*a));
                j.key("max");
                j.uint(u64::from(*b));
                j.end_object();
            }
            When::CanVisitClinic(v) => j.bool(*v),
            When::Words(_, words) => {
                j.begin_array();
                for word in words {
                    j.element();
                    j.str(word);
                }
                j.end_array();
            }
        }
        j.end_object();
    }
}

