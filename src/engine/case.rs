//! A case: the question "who is responsible?" asked about one person, place and date.
//!
//! The date is always known (callers default it to today). Every other input may be unknown:
//! a case with unknown inputs is *partial*, and the engine answers it only when every way of
//! filling in the unknowns gives the same answer (see `partial.rs`). An input may also be
//! *declared* unknown ("Vet inte", the word `unknown`): it is then never asked, and where the
//! answer depends on it the engine says so, branch by branch. This module holds the inputs and
//! their parsing; it does not evaluate rules.

use super::date::Date;
use super::ruleset::AGE_MAX;
use super::vocab::{Aid, Duration, Housing, Input, Need, Set, Stay, Vocab};
use std::fmt;

/// The aid in the facts of a need other than `assistive_devices`: no rule can tell kinds of aid
/// apart there (the loader allows `when.aid` only with `when.need = "assistive_devices"`), so any
/// value stands for all.
pub const NO_AID: Aid = Aid::Everyday;

/// The word that declares an input unknown ("Vet inte") in URLs, scenario files and the CLI.
pub const UNKNOWN: &str = "unknown";

/// Every input but place and date, all known: what one rule is evaluated against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Facts {
    /// What kind of care the person needs; always a concrete need (never the umbrella).
    pub need: Need,
    /// Which kind of assistive device; [`NO_AID`] unless the need is `assistive_devices`.
    pub aid: Aid,
    /// Where the person lives.
    pub housing: Housing,
    /// Age in whole years.
    pub age: u8,
    /// Whether the person can get to the vårdcentral, on their own or with support.
    pub can_visit_clinic: bool,
    /// How long the need lasts.
    pub duration: Duration,
    /// At home, or visiting another kommun (derived from the case, never asked).
    pub stay: Stay,
}

/// A case, possibly partial. Field names are the case vocabulary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Case {
    /// The date the rules apply to.
    pub date: Date,
    /// SCB kommunkod, four digits.
    pub kommun: Option<String>,
    /// What kind of care the person needs (`rehabilitation` stands for its two concrete needs).
    pub need: Option<Need>,
    /// Which kind of assistive device, when the need is `assistive_devices`.
    pub aid: Option<Aid>,
    /// Where the person lives.
    pub housing: Option<Housing>,
    /// Age in whole years.
    pub age: Option<u8>,
    /// Whether the person can get to the vårdcentral, on their own or with support.
    pub can_visit_clinic: Option<bool>,
    /// How long the need lasts.
    pub duration: Option<Duration>,
    /// SCB kommunkod of a kommun the person stays in for a while (a summer house, a visit);
    /// `None`, or the home kommun itself, means at home. Never asked: an optional question.
    pub staying_in: Option<String>,
    /// Inputs the person said they do not know ("Vet inte"): never asked; where the answer
    /// depends on one, it is given branch by branch. Only inputs that
    /// [`Input::may_be_unknown`] allows.
    pub unknown: Set<Input>,
}

impl Input {
    /// Whether a person may answer "Vet inte" to the input: housing, the vårdcentral question,
    /// duration and the kind of aid. Not the kommun, the need or the age, which every answer
    /// needs and a relative knows.
    pub fn may_be_unknown(self) -> bool {
        matches!(self, Input::Aid | Input::Housing | Input::CanVisitClinic | Input::Duration)
    }
}

/// A value that cannot be an input: says what was wrong and what is valid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CaseError {
    /// The input that was wrong, in the case vocabulary (`"age"`, `"kommun"`).
    pub input: String,
    /// What was wrong and what is valid, in one sentence.
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
            aid: None,
            housing: None,
            age: None,
            can_visit_clinic: None,
            duration: None,
            staying_in: None,
            unknown: Set::empty(),
        }
    }

    /// A complete case from place, date and facts (their `stay` is the engine's to derive: the
    /// case is at home; the aid is kept only for `assistive_devices`).
    pub fn complete(date: Date, kommun: &str, f: Facts) -> Case {
        Case {
            kommun: Some(kommun.to_string()),
            need: Some(f.need),
            aid: (f.need == Need::AssistiveDevices).then_some(f.aid),
            housing: Some(f.housing),
            age: Some(f.age),
            can_visit_clinic: Some(f.can_visit_clinic),
            duration: Some(f.duration),
            ..Case::on(date)
        }
    }

    /// Whether an input is known (has a value).
    pub fn is_known(&self, input: Input) -> bool {
        match input {
            Input::Kommun => self.kommun.is_some(),
            Input::Need => self.need.is_some(),
            Input::Aid => self.aid.is_some(),
            Input::Housing => self.housing.is_some(),
            Input::Age => self.age.is_some(),
            Input::CanVisitClinic => self.can_visit_clinic.is_some(),
            Input::Duration => self.duration.is_some(),
        }
    }

    /// The inputs with no value that the person has not declared unknown, in asking order: the
    /// questions still open. The aid counts only where the need may be `assistive_devices`.
    pub fn missing(&self) -> Vec<Input> {
        let aid_matters = self.need.is_none_or(|n| n == Need::AssistiveDevices);
        Input::ALL
            .iter()
            .copied()
            .filter(|i| !self.is_known(*i) && !self.unknown.contains(*i) && (*i != Input::Aid || aid_matters))
            .collect()
    }

    /// The kommun of a temporary stay, when it is not the home kommun.
    pub fn stay_kommun(&self) -> Option<&str> {
        self.staying_in.as_deref().filter(|s| self.kommun.as_deref() != Some(*s))
    }

    /// Forgets one input, and that it was declared unknown (used by "Ändra": change an answer
    /// without losing the others).
    pub fn clear(&mut self, input: Input) {
        match input {
            Input::Kommun => self.kommun = None,
            Input::Need => self.need = None,
            Input::Aid => self.aid = None,
            Input::Housing => self.housing = None,
            Input::Age => self.age = None,
            Input::CanVisitClinic => self.can_visit_clinic = None,
            Input::Duration => self.duration = None,
        }
        self.unknown = self.unknown.without(input);
    }

    /// Declares an input unknown ("Vet inte"): its value is forgotten and it is never asked.
    /// An error for the inputs every answer needs (kommun, need, age).
    pub fn declare_unknown(&mut self, input: Input) -> Result<(), CaseError> {
        if !input.may_be_unknown() {
            return Err(CaseError {
                input: input.as_str().to_string(),
                message: format!("{input} cannot be `unknown`: every answer needs it (only aid, housing, can_visit_clinic, duration may be `unknown`)"),
            });
        }
        self.clear(input);
        self.unknown = self.unknown.with(input);
        Ok(())
    }

    /// Sets one input from its word in the case vocabulary (`"ordinary"`, `"79"`, `"false"`), or
    /// declares it unknown with the word `unknown` (see [`Case::declare_unknown`]). Kommun codes
    /// are checked for shape here and against the register when evaluated.
    pub fn set_word(&mut self, input: Input, word: &str) -> Result<(), CaseError> {
        if word == UNKNOWN {
            return self.declare_unknown(input);
        }
        // Where "Vet inte" is allowed, the choices listed say so.
        let or_unknown = if input.may_be_unknown() && input != Input::CanVisitClinic { ", unknown" } else { "" };
        let err = |mut message: String| {
            message.push_str(or_unknown);
            CaseError { input: input.as_str().to_string(), message }
        };
        self.unknown = self.unknown.without(input);
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
            Input::Aid => self.aid = Some(Aid::parse(word).map_err(|e| err(e.to_string()))?),
            Input::Housing => self.housing = Some(Housing::parse(word).map_err(|e| err(e.to_string()))?),
            Input::Duration => self.duration = Some(Duration::parse(word).map_err(|e| err(e.to_string()))?),
            Input::Age => self.age = Some(parse_age(word).map_err(err)?),
            Input::CanVisitClinic => {
                self.can_visit_clinic = Some(match word {
                    "true" | "yes" | "ja" => true,
                    "false" | "no" | "nej" => false,
                    _ => return Err(err(format!("`{word}` is not a can_visit_clinic value; valid choices: true, false, unknown"))),
                })
            }
        }
        Ok(())
    }

    /// The facts, if every input but the kommun is known, the need is a concrete one, and the
    /// aid is known where the need is `assistive_devices`. The stay is `home`: whether the
    /// person is visiting is the engine's to derive.
    pub fn facts(&self) -> Option<Facts> {
        let need = self.need.filter(|n| !n.is_umbrella())?;
        Some(Facts {
            need,
            aid: if need == Need::AssistiveDevices { self.aid? } else { NO_AID },
            housing: self.housing?,
            age: self.age?,
            can_visit_clinic: self.can_visit_clinic?,
            duration: self.duration?,
            stay: Stay::Home,
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
        assert!(e.message.contains("ordinary, sheltered, special, short_term, lss, lss_short_stay"), "{e}");
        assert_eq!(c.missing(), vec![Input::Kommun, Input::Need, Input::Aid, Input::Duration]);
        c.set_word(Input::Need, "nursing").unwrap();
        assert_eq!(c.missing(), vec![Input::Kommun, Input::Duration], "the aid matters only for assistive_devices");
    }

    #[test]
    fn the_inputs_that_may_be_unknown_are_the_ones_the_messages_name() {
        let named: Vec<&str> = Input::ALL.iter().filter(|i| i.may_be_unknown()).map(|i| i.as_str()).collect();
        let e = Case::on(Date::MIN).declare_unknown(Input::Age).unwrap_err();
        assert!(e.message.contains(&named.join(", ")), "{e}");
    }

    #[test]
    fn unknown_is_declared_for_the_inputs_a_person_may_not_know() {
        let mut c = Case::on(Date::parse("2024-05-02").unwrap());
        c.set_word(Input::Housing, "special").unwrap();
        c.set_word(Input::Housing, "unknown").unwrap();
        assert_eq!((c.housing, c.unknown.contains(Input::Housing)), (None, true));
        assert!(!c.missing().contains(&Input::Housing), "a declared unknown is not asked");
        c.set_word(Input::Housing, "ordinary").unwrap();
        assert!(!c.unknown.contains(Input::Housing), "a value replaces the declaration");
        for i in [Input::Kommun, Input::Need, Input::Age] {
            let e = c.set_word(i, "unknown").unwrap_err();
            assert!(e.message.contains("aid, housing, can_visit_clinic, duration"), "{e}");
        }
        c.set_word(Input::Duration, "unknown").unwrap();
        c.clear(Input::Duration);
        assert!(c.unknown.is_empty(), "\"Ändra\" forgets the declaration too");
    }
}
