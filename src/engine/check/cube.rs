//! Describing a set of cases compactly, for messages: "need = nursing, housing ∈ {ordinary,
//! sheltered}, age 0–17, any can_visit_clinic, any duration". Presentation only; decides nothing.

use crate::engine::case::Facts;
use crate::engine::domain::{Space, age_band};
use crate::engine::vocab::{Duration, Housing, Need, Set, Vocab};
use std::fmt;

/// The values each input takes in a set of cases; `exact` if the set is every combination of them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cube {
    pub need: Set<Need>,
    pub housing: Set<Housing>,
    /// Inclusive age ranges (merged bands).
    pub ages: Vec<(u8, u8)>,
    /// Values of can_visit_clinic present.
    pub visit: Vec<bool>,
    pub duration: Set<Duration>,
    /// Number of cases (one per age band, not per year of age).
    pub count: usize,
    /// Whether the cases are exactly the product of the sets above.
    pub exact: bool,
}

impl Cube {
    pub fn describe(cases: &[Facts], space: &Space, age_breaks: &[u8]) -> Cube {
        let mut need = Set::empty();
        let mut housing = Set::empty();
        let mut duration = Set::empty();
        let mut visit = Vec::new();
        let mut band_starts: Vec<u8> = Vec::new();
        for f in cases {
            need = need.with(f.need);
            housing = housing.with(f.housing);
            duration = duration.with(f.duration);
            if !visit.contains(&f.can_visit_clinic) {
                visit.push(f.can_visit_clinic);
            }
            if !band_starts.contains(&f.age) {
                band_starts.push(f.age);
            }
        }
        visit.sort();
        band_starts.sort();
        let mut ages: Vec<(u8, u8)> = Vec::new();
        for s in &band_starts {
            let (a, b) = age_band(age_breaks, *s);
            match ages.last_mut() {
                Some(last) if last.1 + 1 == a => last.1 = b,
                _ => ages.push((a, b)),
            }
        }
        let product = need.iter().count() * housing.iter().count() * band_starts.len() * visit.len() * duration.iter().count();
        let _ = space;
        Cube { need, housing, ages, visit, duration, count: cases.len(), exact: product == cases.len() }
    }
}

fn set<T: Vocab>(f: &mut fmt::Formatter<'_>, name: &str, s: Set<T>) -> fmt::Result {
    let words: Vec<&str> = s.iter().map(|v| v.as_str()).collect();
    match words.len() {
        _ if s.is_all() => write!(f, "any {name}"),
        1 => write!(f, "{name} = {}", words[0]),
        _ => write!(f, "{name} ∈ {{{}}}", words.join(", ")),
    }
}

impl fmt::Display for Cube {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        set(f, "need", self.need)?;
        f.write_str(", ")?;
        set(f, "housing", self.housing)?;
        f.write_str(", ")?;
        let ages: Vec<String> = self
            .ages
            .iter()
            .map(|(a, b)| match (a, b) {
                (a, b) if *b >= crate::engine::ruleset::AGE_MAX => format!("{a}+"),
                (a, b) if a == b => format!("{a}"),
                (a, b) => format!("{a}–{b}"),
            })
            .collect();
        if ages.len() == 1 && ages[0] == "0+" {
            f.write_str("any age")?;
        } else {
            write!(f, "age {}", ages.join(" or "))?;
        }
        f.write_str(", ")?;
        match self.visit.as_slice() {
            [v] => write!(f, "can_visit_clinic = {v}")?,
            _ => f.write_str("any can_visit_clinic")?,
        }
        f.write_str(", ")?;
        set(f, "duration", self.duration)?;
        if !self.exact {
            write!(f, " (not every combination: {} cases)", self.count)?;
        }
        Ok(())
    }
}
