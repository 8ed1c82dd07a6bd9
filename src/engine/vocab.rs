//! The case vocabulary: the fixed words for housing, needs, durations, inputs and outcomes.
//!
//! These words are a contract: the CLI flags, scenario files, rule files, URL parameters and the
//! answer JSON all use exactly these spellings. This module only names things; it decides nothing.

use std::fmt;

/// A closed set of words with a stable order (the order in which choices are listed).
pub trait Vocab: Copy + Eq + 'static {
    /// Every value, in display order.
    const ALL: &'static [Self];
    /// What the value is called in this vocabulary (e.g. `"ordinary"`).
    const WHAT: &'static str;
    fn as_str(self) -> &'static str;
    fn index(self) -> usize;

    /// Parses a word, or says which words are valid.
    fn parse(word: &str) -> Result<Self, VocabError> {
        Self::ALL.iter().copied().find(|v| v.as_str() == word).ok_or_else(|| VocabError {
            what: Self::WHAT,
            got: word.to_string(),
            valid: Self::ALL.iter().map(|v| v.as_str()).collect(),
        })
    }
}

/// A word that is not in the vocabulary, with the valid choices.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VocabError {
    pub what: &'static str,
    pub got: String,
    pub valid: Vec<&'static str>,
}

impl fmt::Display for VocabError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown {} `{}`; valid choices: {}", self.what, self.got, self.valid.join(", "))
    }
}

macro_rules! vocab {
    ($(#[$m:meta])* $name:ident, $what:literal { $($(#[$vm:meta])* $var:ident = $word:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $name { $($(#[$vm])* $var),+ }

        impl Vocab for $name {
            const ALL: &'static [Self] = &[$($name::$var),+];
            const WHAT: &'static str = $what;
            fn as_str(self) -> &'static str {
                match self { $($name::$var => $word),+ }
            }
            fn index(self) -> usize { self as usize }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result { f.write_str(self.as_str()) }
        }

        impl std::str::FromStr for $name {
            type Err = VocabError;
            fn from_str(s: &str) -> Result<Self, VocabError> { <$name as Vocab>::parse(s) }
        }
    };
}

vocab!(
    /// What kind of care the person needs.
    Need, "need" {
        /// Sjuksköterskeinsatser: nursing, wound care, medication, injections (hemsjukvård).
        Nursing = "nursing",
        /// Arbetsterapi and fysioterapi (rehabilitering).
        Rehabilitation = "rehabilitation",
        /// Förskrivning av hjälpmedel: prescribing assistive devices.
        AssistiveDevices = "assistive_devices",
        /// Läkarinsatser: care given by a physician.
        Physician = "physician",
        /// Specialiserad/avancerad sjukvård i hemmet (ASIH, SAVH, specialiserad palliativ vård).
        SpecialisedHomeCare = "specialised_home_care",
        /// Tandvård, including uppsökande and nödvändig tandvård.
        Dental = "dental",
    }
);

vocab!(
    /// Where the person lives.
    Housing, "housing" {
        /// Ordinärt boende: the person's own home.
        Ordinary = "ordinary",
        /// Biståndsbedömt trygghetsboende (SoL), named in HSL 12 kap 2 § from 2019-04-02.
        Sheltered = "sheltered",
        /// Särskilt boende for older people (SoL), "säbo".
        Special = "special",
        /// Korttidsboende / korttidsvistelse decided by the kommun.
        ShortTerm = "short_term",
        /// Bostad med särskild service för vuxna (LSS 9 § 9).
        Lss = "lss",
    }
);

vocab!(
    /// How long the need lasts.
    Duration, "duration" {
        /// A temporary need, under two weeks.
        Short = "short",
        /// Planned care for two weeks or more.
        Long = "long",
    }
);

vocab!(
    /// Who carries the responsibility (huvudman) when it is determined.
    Responsible, "responsible" {
        Kommun = "kommun",
        Region = "region",
    }
);

vocab!(
    /// What a rule concludes: one of the two huvudmän, or an explicit "not determined".
    Outcome, "responsible" {
        Kommun = "kommun",
        Region = "region",
        /// The rules deliberately do not answer (e.g. an unverified agreement); a reason is given.
        NotDetermined = "not_determined",
    }
);

impl Outcome {
    pub fn responsible(self) -> Option<Responsible> {
        match self {
            Outcome::Kommun => Some(Responsible::Kommun),
            Outcome::Region => Some(Responsible::Region),
            Outcome::NotDetermined => None,
        }
    }
}

vocab!(
    /// How well a rule is known (see `shared/domain.md`, which marks each fact).
    Confidence, "confidence" {
        /// A stored source states it.
        Verified = "verified",
        /// Some limits (age, date, level of care) are not known.
        Partly = "partly",
        /// Not confirmed by any stored source.
        Unverified = "unverified",
    }
);

vocab!(
    /// How much weight a rule carries; see `rules/README.md` ("Which rule wins").
    /// Declared from strongest to weakest.
    Standing, "standing" {
        /// Binding national law no agreement can change (e.g. physicians are always the region's).
        Law = "law",
        /// A kommun-level exception inside a regional agreement.
        Local = "local",
        /// A regional agreement between the region and its kommuner.
        Agreement = "agreement",
        /// The national default, which agreements may change (HSL 8 kap 1 §, 14 kap 1 §).
        Default = "default",
    }
);

vocab!(
    /// The questions a case can leave open, in the order a person is asked them.
    Input, "input" {
        Kommun = "kommun",
        Need = "need",
        Housing = "housing",
        Age = "age",
        CanVisitClinic = "can_visit_clinic",
        Duration = "duration",
    }
);

vocab!(
    /// Languages the rule texts are written in.
    Lang, "language" {
        Sv = "sv",
        En = "en",
    }
);

/// A set of vocabulary values, as a bit mask.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Set<T: Vocab> {
    bits: u16,
    _t: std::marker::PhantomData<T>,
}

impl<T: Vocab> Set<T> {
    pub fn empty() -> Self {
        Set { bits: 0, _t: std::marker::PhantomData }
    }
    pub fn all() -> Self {
        Set { bits: (1u16 << T::ALL.len()) - 1, _t: std::marker::PhantomData }
    }
    pub fn of(values: &[T]) -> Self {
        values.iter().fold(Self::empty(), |s, v| s.with(*v))
    }
    pub fn with(mut self, v: T) -> Self {
        self.bits |= 1 << v.index();
        self
    }
    pub fn contains(self, v: T) -> bool {
        self.bits & (1 << v.index()) != 0
    }
    pub fn is_all(self) -> bool {
        self == Self::all()
    }
    pub fn is_empty(self) -> bool {
        self.bits == 0
    }
    pub fn bits(self) -> u16 {
        self.bits
    }
    pub fn iter(self) -> impl Iterator<Item = T> {
        T::ALL.iter().copied().filter(move |v| self.contains(*v))
    }
}

impl<T: Vocab> Default for Set<T> {
    fn default() -> Self {
        Self::all()
    }
}

impl<T: Vocab + fmt::Display> fmt::Debug for Set<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter().map(|v| v.as_str())).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_round_trip_and_errors_list_choices() {
        for h in Housing::ALL {
            assert_eq!(Housing::parse(h.as_str()), Ok(*h));
        }
        let err = Need::parse("surgery").unwrap_err().to_string();
        assert_eq!(
            err,
            "unknown need `surgery`; valid choices: nursing, rehabilitation, assistive_devices, physician, specialised_home_care, dental"
        );
    }

    #[test]
    fn sets() {
        let s = Set::of(&[Need::Nursing, Need::Dental]);
        assert!(s.contains(Need::Dental) && !s.contains(Need::Physician));
        assert_eq!(s.iter().collect::<Vec<_>>(), vec![Need::Nursing, Need::Dental]);
        assert!(Set::<Duration>::all().is_all());
        assert!(Standing::Law < Standing::Default);
    }
}
