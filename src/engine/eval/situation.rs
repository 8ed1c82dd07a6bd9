//! A situation: where a case is answered. At home it is one [`Context`]; on a temporary stay in
//! another kommun (`staying_in`) it is the stay kommun's context — its region on that date, its
//! rules — plus the home kommun's, whose outcome for the same facts makes the stay dimension
//! ([`Stay`]) the stay kommun's rules see. The two kommuner may lie in different regions. It
//! derives the stay and picks the verdict; it does not explain.

use super::{Context, Verdict};
use crate::engine::case::{Case, CaseError, Facts};
use crate::engine::ruleset::RuleSet;
use crate::engine::vocab::{Outcome, Stay};

/// Where a case is answered.
pub struct Situation<'r> {
    /// The rules in force where the person is: the home kommun, or the kommun of the stay.
    pub at: Context<'r>,
    /// On a stay in another kommun: the rules in force in the home kommun.
    pub home: Option<Context<'r>>,
}

impl<'r> Situation<'r> {
    /// The situation of a case whose kommun is known: at home, or on a stay in `staying_in`.
    pub fn new(rules: &'r RuleSet, case: &Case) -> Result<Situation<'r>, CaseError> {
        let code = case.kommun.as_deref().ok_or_else(|| CaseError {
            input: "kommun".into(),
            message: "the kommun is not given".into(),
        })?;
        let home = Context::new(rules, code, case.date)?;
        match case.stay_kommun() {
            None => Ok(Situation { at: home, home: None }),
            Some(stay) => {
                let at = Context::new(rules, stay, case.date).map_err(|e| CaseError { input: "staying_in".into(), message: e.message })?;
                Ok(Situation { at, home: Some(home) })
            }
        }
    }

    /// The outcome of the same facts at home, on a stay (`None` at home).
    pub fn home_outcome(&self, f: &Facts) -> Option<Outcome> {
        self.home.as_ref().map(|h| h.outcome(h.verdict(&Facts { stay: Stay::Home, ..*f })))
    }

    /// Where the person is, for these facts: at home, or visiting by the outcome at home.
    pub fn stay(&self, f: &Facts) -> Stay {
        self.home_outcome(f).map_or(Stay::Home, Stay::visiting)
    }

    /// Which rule decides these facts where the person is (their `stay` is derived here).
    #[inline]
    pub fn verdict(&self, f: &Facts) -> Verdict {
        match &self.home {
            None => self.at.verdict(f),
            Some(_) => self.at.verdict(&Facts { stay: self.stay(f), ..*f }),
        }
    }
}
