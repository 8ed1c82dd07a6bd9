//! The compiled rules: what the engine evaluates, in plain data.
//!
//! People write rules as TOML in `rules/` (see `rules/README.md`); the loader (native only, in
//! `crate::rules`) checks them and produces a [`RuleSet`]. The browser receives a `RuleSet`
//! serialised by [`crate::engine::compiled`] and never sees TOML. Nothing here evaluates a case.
//! (Longer than most: the rule data types and their small lookups — a kommun's region and names on
//! a date — are one vocabulary that the loader, the compiler and the engine share.)

use super::contact::RegionContacts;
use super::date::Date;
use serde::{Deserialize, Serialize};
use super::vocab::{Aid, Confidence, Duration, Housing, Lang, Need, Outcome, Responsible, Set, Standing, Stay};

/// The oldest age a case may state.
pub const AGE_MAX: u8 = 130;

/// A text in every language the rules are written in.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    /// Swedish (always given).
    pub sv: String,
    /// English; empty where not written (Swedish is shown instead).
    pub en: String,
}

impl Text {
    /// The text in a language, Swedish where the English is missing.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Sv => &self.sv,
            Lang::En if !self.en.is_empty() => &self.en,
            Lang::En => &self.sv,
        }
    }
}

/// A document a rule cites: a law, an agreement, a web page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// The id rules cite it by.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Where to read it.
    pub url: Option<String>,
    /// SFS number of a Swedish statute, e.g. `2017:30`.
    pub sfs: Option<String>,
    /// Who published it (e.g. "Riksdagen", "Region Västmanland").
    pub publisher: Option<String>,
    /// The date the document carries (or of the version used); `None` where it shows none.
    pub date: Option<Date>,
}

/// One citation of a rule: which document, which part, and for which dates it is the basis.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    /// Id of a [`Document`].
    pub doc: String,
    /// Section, paragraph or heading, e.g. `12 kap 1 §`.
    pub section: Option<String>,
    /// First day this citation is the basis (default: the rule's whole validity).
    pub from: Option<Date>,
    /// Last day this citation is the basis.
    pub to: Option<Date>,
}

impl Citation {
    /// Whether the citation is the basis on a date.
    pub fn in_force(&self, date: Date) -> bool {
        self.from.is_none_or(|f| f <= date) && self.to.is_none_or(|t| date <= t)
    }
}

/// The conditions on a case's inputs under which a rule or note applies.
/// An input a rule does not mention is unconstrained (its set is "all"). (The rules format has
/// one exception, applied by its loader: a rule without `when.stay` is about people at home.)
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conditions {
    /// Needs it applies to: concrete needs (a loaded rule never holds the umbrella
    /// `rehabilitation`, which the loader expands).
    pub need: Set<Need>,
    /// Kinds of aid it applies to (constrained only in rules for `assistive_devices`).
    pub aid: Set<Aid>,
    /// Where the person is: at home, or visiting (by the outcome at home).
    pub stay: Set<Stay>,
    /// Housing it applies to.
    pub housing: Set<Housing>,
    /// Durations it applies to.
    pub duration: Set<Duration>,
    /// Whether the person can get to the vårdcentral; `None` = either.
    pub can_visit_clinic: Option<bool>,
    /// Inclusive age range.
    pub age_min: u8,
    /// Inclusive upper age.
    pub age_max: u8,
}

impl Default for Conditions {
    fn default() -> Self {
        Conditions {
            need: Set::all(),
            aid: Set::all(),
            stay: Set::all(),
            housing: Set::all(),
            duration: Set::all(),
            can_visit_clinic: None,
            age_min: 0,
            age_max: AGE_MAX,
        }
    }
}

/// Where and when a rule or note applies.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Applies {
    /// Länskod of the region whose file holds it; `None` for national law.
    pub region: Option<String>,
    /// Kommun codes it is limited to (a kommun exception); empty = the whole scope.
    pub kommuner: Vec<String>,
    /// Conditions on the case's inputs.
    pub when: Conditions,
    /// First day it applies.
    pub valid_from: Date,
    /// Last day it applies (inclusive); `None` = still in force.
    pub valid_to: Option<Date>,
}

impl Applies {
    /// Whether it applies on a date (both ends inclusive).
    pub fn in_force(&self, date: Date) -> bool {
        self.valid_from <= date && self.valid_to.is_none_or(|t| date <= t)
    }
}

/// A rule: under these conditions, this is who is responsible, because of this source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rule {
    /// Unique id, `area.what` (`vastmanland.hemsjukvard`).
    pub id: String,
    /// How much weight it carries; the strongest that applies wins.
    pub standing: Standing,
    /// Where, when and to which cases it applies.
    pub applies: Applies,
    /// Who is responsible, or explicitly not determined.
    pub responsible: Outcome,
    /// How well it is known.
    pub confidence: Confidence,
    /// Why, in plain words: one reason of the answer's explanation.
    pub reason: Text,
    /// What is not known about this rule, for the reader ("kontrollera med din kommun").
    pub doubt: Option<Text>,
    /// What the person should do next, if this rule decides (overrides the general contact text).
    pub next: Option<Text>,
    /// Who performs the care when it is not the responsible party: the other huvudman, "med
    /// bibehållet huvudmannaskap" (HSL 15 kap 1 §). Never the responsible party itself.
    pub performed_by: Option<Responsible>,
    /// Its sources: together they cover every day it applies.
    pub source: Vec<Citation>,
}

/// A note: extra explanation attached to answers it applies to; it never decides.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Note {
    /// Unique id.
    pub id: String,
    /// Where, when and to which cases it applies.
    pub applies: Applies,
    /// The explanation.
    pub text: Text,
    /// Its sources.
    pub source: Vec<Citation>,
}

/// A name an organisation carried until a date (e.g. "Landstinget Västmanland").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormerName {
    /// The name.
    pub name: String,
    /// Last day the name was used.
    pub until: Date,
}

/// A kommun that belonged to this region until a date (Heby: Västmanland until 2006-12-31).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormerMember {
    /// SCB kommunkod.
    pub kommun: String,
    /// Last day it belonged to the region.
    pub until: Date,
}

/// A region (or, before 2019/2020, a landsting) and what is known about its rules.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Region {
    /// Länskod, two digits.
    pub lan: String,
    /// Current name.
    pub name: String,
    /// Former names, each with its last day.
    pub former_names: Vec<FormerName>,
    /// How well the region's rules are known, overall.
    pub confidence: Confidence,
    /// One-paragraph summary of the region's arrangement.
    pub summary: Text,
    /// Questions the sources leave open.
    pub open_questions: Vec<Text>,
    /// Before this date the rules do not answer for this region (e.g. before a region was formed).
    pub covered_from: Option<Date>,
    /// Why dates before `covered_from` are not covered.
    pub before_coverage: Option<Text>,
    /// One body is both kommun and region (Gotland, HSL 1 kap 2 §).
    pub kommun_is_region: bool,
    /// Kommuner that belonged to the region until a date and belong elsewhere now.
    pub former_members: Vec<FormerMember>,
    /// Sources of the region-level facts (names, members, coverage, summary).
    pub source: Vec<Citation>,
    /// The rule file, relative to the rules folder (`regions/19-vastmanland.toml`), for reports.
    pub file: String,
    /// The last day the region's rules were reviewed against their sources (`reviewed` in the
    /// region's file, required there); every answer carries it. `None` only in rule sets built in code.
    pub reviewed: Option<Date>,
}

impl Region {
    /// The region's name on a date.
    pub fn name_on(&self, date: Date) -> &str {
        self.former_names
            .iter()
            .filter(|n| date <= n.until)
            .min_by_key(|n| n.until)
            .map_or(&self.name, |n| &n.name)
    }
}

/// A kommun from the register (`rules/kommuner.csv`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kommun {
    /// SCB kommunkod, four digits.
    pub code: String,
    /// Its name ("Västerås").
    pub name: String,
    /// Länskod of the region it belongs to today.
    pub lan: String,
    /// The organisation's name where the usual form ("Köpings kommun") is wrong.
    pub organisation: Option<String>,
    /// One body carries both the kommun's and the region's role for this kommun, on some dates
    /// (Norrtälje: KSON, from 2006).
    pub one_body: Option<OneBody>,
}

/// One body in both roles for one kommun (`[kommun.0188] one_body = { name, from, to }`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OneBody {
    /// The body's name ("Kommunalförbundet Sjukvård och omsorg i Norrtälje (KSON)").
    pub name: String,
    /// First day it carries both roles; `None` = always before `to`.
    pub from: Option<Date>,
    /// Last day it carries both roles; `None` = still.
    pub to: Option<Date>,
}

impl Kommun {
    /// The body that carries both roles for this kommun on a date, if any.
    pub fn one_body_on(&self, date: Date) -> Option<&str> {
        self.one_body
            .as_ref()
            .filter(|b| b.from.is_none_or(|f| f <= date) && b.to.is_none_or(|t| date <= t))
            .map(|b| b.name.as_str())
    }

    /// The kommun as an organisation: "Köpings kommun", "Västerås kommun", "Falu kommun".
    pub fn organisation_name(&self) -> String {
        if let Some(o) = &self.organisation {
            return o.clone();
        }
        let n = &self.name;
        let last = n.chars().last().unwrap_or(' ');
        // Swedish: a genitive -s after a consonant, none after a vowel or an s/x/z.
        let genitive = if "aeiouyåäöAEIOUYÅÄÖsxz".contains(last) { " kommun" } else { "s kommun" };
        let mut o = String::with_capacity(n.len() + genitive.len());
        o.push_str(n);
        o.push_str(genitive);
        o
    }
}

/// The general "what to do next" texts, by outcome; `{organisation}` is replaced.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contacts {
    /// When the kommun is responsible.
    pub kommun: Text,
    /// When the region is responsible.
    pub region: Text,
    /// When the rules do not determine it.
    pub not_determined: Text,
    /// When the kommun is responsible but the answer is not verified: start with the kommun, and
    /// where to turn if it says the care is not its (empty: the plain `kommun` text).
    pub kommun_doubt: Text,
    /// The same when the region is responsible.
    pub region_doubt: Text,
}

/// The dates the static check covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Window {
    /// First day.
    pub from: Date,
    /// Last day (inclusive).
    pub to: Date,
}

/// Everything the engine needs to answer: the register, the regions, the rules and their sources.
///
/// Rules are kept in file order: national law first, then the regions by länskod. Among rules of
/// the same standing the first that applies decides (the check reports any that disagree).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleSet {
    /// Short hash of the rules as compiled; every answer carries it (an "execution receipt").
    pub version: String,
    /// The dates the exhaustive check covers.
    pub window: Window,
    /// The general "what to do next" texts.
    pub contacts: Contacts,
    /// Whom to call: each region's and its kommuners' contact data, by länskod (`rules/contacts/`).
    /// Empty in a core: each region's comes with its part.
    pub directory: Vec<RegionContacts>,
    /// Sorted by id.
    pub documents: Vec<Document>,
    /// Every region, by länskod.
    pub regions: Vec<Region>,
    /// Sorted by code.
    pub kommuner: Vec<Kommun>,
    /// The rules in file order: national law first, then the regions by länskod.
    pub rules: Vec<Rule>,
    /// The notes in file order.
    pub notes: Vec<Note>,
    /// Länskoder of regions whose rules are not loaded (a browser's core before it fetches them);
    /// empty when every rule is here. The engine refuses to answer for such a region.
    pub partial: Vec<String>,
    /// A core's record of every region part's SHA-256 digest, 32 bytes each in the order of
    /// `regions` (see `compiled::integrity`): a part is added only if its bytes match. Empty in a
    /// whole rule set.
    #[serde(with = "super::compiled::part_digests")]
    pub part_digests: Vec<u8>,
    /// A core's record of its English part's SHA-256 digest (`compiled::english`); empty when the
    /// English texts are here (a whole rule set, or a core the part was added to).
    #[serde(with = "super::compiled::part_digests")]
    pub english_digest: Vec<u8>,
}

impl RuleSet {
    /// A kommun by code. `kommuner` is sorted by code (the loader sorts the register), so this
    /// is a binary search: it runs for every decision.
    pub fn kommun(&self, code: &str) -> Option<&Kommun> {
        self.kommuner.binary_search_by(|k| k.code.as_str().cmp(code)).ok().map(|i| &self.kommuner[i])
    }

    /// A region by länskod.
    pub fn region(&self, lan: &str) -> Option<&Region> {
        self.regions.iter().find(|r| r.lan == lan)
    }

    /// A document by id. `documents` is kept sorted by id (the loader sorts it, the compiled form
    /// keeps the order, `add_region` inserts in order), so this is a binary search.
    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.binary_search_by(|d| d.id.as_str().cmp(id)).ok().map(|i| &self.documents[i])
    }

    /// The region a kommun belonged to on a date (kommuner have moved: Heby left Västmanland
    /// for Uppsala on 2007-01-01).
    pub fn region_of(&self, kommun: &Kommun, date: Date) -> Option<&Region> {
        let former = self
            .regions
            .iter()
            .flat_map(|r| r.former_members.iter().map(move |m| (r, m)))
            .filter(|(_, m)| m.kommun == kommun.code && date <= m.until)
            .min_by_key(|(_, m)| m.until);
        match former {
            Some((r, _)) => Some(r),
            None => self.region(&kommun.lan),
        }
    }

    /// Finds a kommun by code or by name, ignoring case and diacritics ("koping" finds Köping).
    pub fn find_kommun(&self, query: &str) -> Option<&Kommun> {
        let q = query.trim();
        if let Some(k) = self.kommun(q) {
            return Some(k);
        }
        let key = name_key(q);
        let find = |key: &str| self.kommuner.iter().find(|k| fold(&k.name) == key);
        // "Göteborgs stad", "Gotlands kommun": the genitive s, when the name itself has none.
        find(&key).or_else(|| key.strip_suffix('s').and_then(find))
    }
}

/// A kommun's name as people write it, folded (see [`fold`]), without the organisation's words:
/// "Göteborgs stad", "Malmö kommun", "Region Gotland" → "goteborgs", "malmo", "gotland". The
/// genitive s stays: a name may end in s ("Västerås"); [`RuleSet::find_kommun`] tries without it.
pub fn name_key(query: &str) -> String {
    let mut q = fold(query.trim());
    for word in [" kommun", " stad", " municipality"] {
        if let Some(rest) = q.strip_suffix(word) {
            q = rest.trim_end().to_string();
        }
    }
    match q.strip_prefix("region ") {
        Some(rest) => rest.to_string(),
        None => q,
    }
}

/// Lower-cases and strips Swedish diacritics and punctuation, for forgiving name matching
/// ("Västerås" and "vasteras" fold alike). Knows the letters of Swedish place names, not all of
/// Unicode: Unicode's case tables would cost the browser bundle several kilobytes.
pub fn fold(text: &str) -> String {
    text.chars()
        .filter_map(|c| match c {
            'å' | 'ä' | 'á' | 'à' | 'â' | 'Å' | 'Ä' | 'Á' | 'À' | 'Â' => Some('a'),
            'ö' | 'ó' | 'ò' | 'ô' | 'ø' | 'Ö' | 'Ó' | 'Ò' | 'Ô' | 'Ø' => Some('o'),
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => Some('e'),
            'ü' | 'ú' | 'Ü' | 'Ú' => Some('u'),
            '-' | ' ' => Some(' '),
            c if c.is_ascii_alphanumeric() => Some(c.to_ascii_lowercase()),
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kommun_names_as_people_write_them() {
        for (q, key) in [("Göteborgs stad", "goteborgs"), ("Malmö kommun", "malmo"), ("Region Gotland", "gotland"), ("Västerås", "vasteras"), ("  stockholms  STAD ", "stockholms")] {
            assert_eq!(name_key(q), key, "{q}");
        }
    }

    fn k(name: &str) -> Kommun {
        Kommun { code: "0000".into(), name: name.into(), lan: "00".into(), organisation: None, one_body: None }
    }

    #[test]
    fn organisation_names() {
        assert_eq!(k("Köping").organisation_name(), "Köpings kommun");
        assert_eq!(k("Västerås").organisation_name(), "Västerås kommun");
        assert_eq!(k("Sala").organisation_name(), "Sala kommun");
        assert_eq!(k("Upplands Väsby").organisation_name(), "Upplands Väsby kommun");
        let mut falun = k("Falun");
        falun.organisation = Some("Falu kommun".into());
        assert_eq!(falun.organisation_name(), "Falu kommun");
    }

    #[test]
    fn folding() {
        assert_eq!(fold("Västerås"), "vasteras");
        assert_eq!(fold("Malung-Sälen"), "malung salen");
    }
}
