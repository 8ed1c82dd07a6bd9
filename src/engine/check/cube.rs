//! Describing a set of cases compactly, for messages: "need = nursing, housing ∈ {ordinary,
//! sheltered}, age 0–17, any can_visit_clinic, any duration" — with the kind of aid where the
//! cases need `assistive_devices` and it is not any, and the stay where it is not only `home`.
//! Presentation only; decides nothing.

use crate::engine::case::Facts;
use crate::engine::domain::{Space, age_band};
use crate::engine::vocab::{Aid, Duration, Housing, Need, Set, Stay, Vocab};
use std::fmt;

/// The values each input takes in a set of cases; `exact` if the set is every combination of them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cube {
    /// Needs present.
    pub need: Set<Need>,
    /// Housing present.
    pub housing: Set<Housing>,
    /// Inclusive age ranges (merged bands).
    pub ages: Vec<(u8, u8)>,
    /// Values of can_visit_clinic present.
    pub visit: Vec<bool>,
    /// Durations present.
    pub duration: Set<Duration>,
    /// Kinds of aid present among the cases needing `assistive_devices`.
    pub aid: Set<Aid>,
    /// Stays present.
    pub stay: Set<Stay>,
    /// Number of cases (one per age band, not per year of age).
    pub count: usize,
    /// Whether the cases are exactly the product of the sets above.
    pub exact: bool,
}

impl Cube {
    /// Describes `cases` (facts of one `space`, whose age bands start at `age_breaks`).
    pub fn describe(cases: &[Facts], space: &Space, age_breaks: &[u8]) -> Cube {
        let mut need = Set::empty();
        let mut housing = Set::empty();
        let mut duration = Set::empty();
        let mut aid = Set::empty();
        let mut stay = Set::empty();
        let mut visit = Vec::new();
        let mut band_starts: Vec<u8> = Vec::new();
        for f in cases {
            need = need.with(f.need);
            housing = housing.with(f.housing);
            duration = duration.with(f.duration);
            stay = stay.with(f.stay);
            if f.need == Need::AssistiveDevices {
                aid = aid.with(f.aid);
            }
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
        let pairs = need.iter().filter(|n| *n != Need::AssistiveDevices).count() + aid.iter().count();
        let product = pairs * housing.iter().count() * band_starts.len() * visit.len() * duration.iter().count() * stay.iter().count();
        let _ = space;
        Cube { need, housing, ages, visit, duration, aid, stay, count: cases.len(), exact: product == cases.len() }
    }
}

fn set<T: Vocab>(f: &mut fmt::Formatter<'_>, name: &str, s: Set<T>, all: bool) -> fmt::Result {
    let words: Vec<&str> = s.iter().map(|v| v.as_str()).collect();
    match words.len() {
        _ if all => write!(f, "any {name}"),
        1 => write!(f, "{name} = {}", words[0]),
        _ => write!(f, "{name} ∈ {{{}}}", words.join(", ")),
    }
}

impl fmt::Display for Cube {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        set(f, "need", self.need, self.need.has_every_concrete())?;
        f.write_str(", ")?;
        set(f, "housing", self.housing, self.housing.is_all())?;
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
        set(f, "duration", self.duration, self.duration.is_all())?;
        if self.need.contains(Need::AssistiveDevices) && !self.aid.is_all() {
            f.write_str(", ")?;
            set(f, "aid", self.aid, false)?;
        }
        // Cases at home are the ordinary reading: the stay is named only where it is not that.
        if self.stay != Set::of(&[Stay::Home]) {
            f.write_str(", ")?;
            set(f, "stay", self.stay, self.stay.is_all())?;
        }
        if !self.exact {
            write!(f, " (not every combination: {} cases)", self.count)?;
        }
        Ok(())
    }
}
