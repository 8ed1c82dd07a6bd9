//! A case: the question "who is responsible?" asked about one person, place and date.
//!
//! The date is always known (callers default it to today). Every other input may be unknown:
//! a case with unknown inputs is *partial*, and the engine answers it only when every way of
//! filling in the unknowns gives the same answer (see `partial.rs`). This module holds the
//! inputs and their parsing; it does not evaluate rules.

use super::date::Date;
use super::ruleset::AGE_MAX;
use super::vocab::{Duration, Housing, Input, Need, Vocab};
use std::fmt;

/// Every input but place and date, all known: what one rule is evaluated against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Facts {
    pub need: Need,
    pub housing: Housing,
    pub age: u8,
    pub can_visit_clinic: bool,
    pub duration: Duration,
}

/// A case, possibly partial. Field names are the case vocabulary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Case {
    pub date: Date,
    pub kommun: Option<String>,
    pub need: Option<Need>,
    pub housing: Option<Housing>,
    pub age: Option<u8>,
    pub can_visit_clinic: Option<bool>,
    pub duration: Option<Duration>,
}

/// A value that cannot be an input: says what was wrong and what is valid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseError {
    pub input: String,
    pub message: String,
}

impl fmt::Display for CaseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for CaseError {}

impl Case {
    /// A case on `date` with every other input unknown.
    pub fn on(date: Date) -> Case {
        Case {
            date,
            kommun: None,
            need: None,
            housing: None,
            age: None,
            can_visit_clinic: None,
            duration: None,
        }
    }

    /// A complete case from place, date and facts.
    pub fn complete(date: Date, kommun: &str, f: Facts) -> Case {
        Case {
            date,
            kommun: Some(kommun.to_string()),
            need: Some(f.need),
            housing: Some(f.housing),
            age: Some(f.age),
            can_visit_clinic: Some(f.can_visit_clinic),
            duration: Some(f.duration),
        }
    }

    pub fn is_known(&self, input: Input) -> bool {
        match input {
            Input::Kommun => self.kommun.is_some(),
            Input::Need => self.need.is_some(),
            Input::Housing => self.housing.is_some(),
            Input::Age => self.age.is_some(),
            Input::CanVisitClinic => self.can_visit_clinic.is_some(),
            Input::Duration => self.duration.is_some(),
        }
    }

    /// The inputs still unknown, in asking order.
    pub fn unknown(&self) -> Vec<Input> {
        Input::ALL.iter().copied().filter(|i| !self.is_known(*i)).collect()
    }

    /// Forgets one input (used by "Ändra": change an answer without losing the others).
    pub fn clear(&mut self, input: Input) {
        match input {
            Input::Kommun => self.kommun = None,
            Input::Need => self.need = None,
            Input::Housing => self.housing = None,
            Input::Age => self.age = None,
            Input::CanVisitClinic => self.can_visit_clinic = None,
            Input::Duration => self.duration = None,
        }
    }

    /// Sets one input from its word in the case vocabulary (`"ordinary"`, `"79"`, `"false"`).
    /// Kommun codes are checked for shape here and against the register when evaluated.
    pub fn set_word(&mut self, input: Input, word: &str) -> Result<(), CaseError> {
        let err = |message: String| CaseError { input: input.as_str().to_string(), message };
        match input {
            Input::Kommun => {
                if word.len() != 4 || !word.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(err(format!(
                        "`{word}` is not a kommun code: use the four-digit SCB kommunkod, e.g. 1980 for Västerås"
                    )));
                }
                self.kommun = Some(word.to_string());
            }
            Input::Need => self.need = Some(Need::parse(word).map_err(|e| err(e.to_string()))?),
            Input::Housing => self.housing = Some(Housing::parse(word).map_err(|e| err(e.to_string()))?),
            Input::Duration => self.duration = Some(Duration::parse(word).map_err(|e| err(e.to_string()))?),
            Input::Age => self.age = Some(parse_age(word).map_err(err)?),
            Input::CanVisitClinic => {
                self.can_visit_clinic = Some(match word {
                    "true" | "yes" | "ja" => true,
                    "false" | "no" | "nej" => false,
                    _ => return Err(err(format!("`{word}` is not a can_visit_clinic value; valid choices: true, false"))),
                })
            }
        }
        Ok(())
    }

    /// The facts, if every input but the kommun is known.
    pub fn facts(&self) -> Option<Facts> {
        Some(Facts {
            need: self.need?,
            housing: self.housing?,
            age: self.age?,
            can_visit_clinic: self.can_visit_clinic?,
            duration: self.duration?,
        })
    }
}

/// Parses an age in whole years, 0 to [`AGE_MAX`].
pub fn parse_age(word: &str) -> Result<u8, String> {
    match word.trim().parse::<u16>() {
        Ok(a) if a <= AGE_MAX as u16 => Ok(a as u8),
        _ => Err(format!("`{word}` is not an age: give whole years from 0 to {AGE_MAX}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn set_word_validates_and_names_choices() {
        let mut c = Case::on(Date::parse("2024-05-02").unwrap());
        c.set_word(Input::Age, "79").unwrap();
        c.set_word(Input::Housing, "ordinary").unwrap();
        c.set_word(Input::CanVisitClinic, "false").unwrap();
        assert_eq!(c.age, Some(79));
        assert!(c.set_word(Input::Age, "-1").is_err());
        assert!(c.set_word(Input::Age, "131").is_err());
        assert!(c.set_word(Input::Kommun, "198").is_err());
        let e = c.set_word(Input::Housing, "castle").unwrap_err();
        assert!(e.message.contains("ordinary, sheltered, special, short_term, lss"), "{e}");
        assert_eq!(c.unknown(), vec![Input::Kommun, Input::Need, Input::Duration]);
    }
}
