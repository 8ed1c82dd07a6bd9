//! The widget's words: one catalogue per language, every string the UI shows.
//!
//! Adding a language means adding one file like `sv.rs` (the compiler refuses a catalogue with a
//! missing string) and listing it in [`LANGUAGES`] and `CATALOGUES`. The browser's bundles carry
//! only the Swedish catalogue: the English words are fetched with the English rule texts
//! (`rules/en.bin`) when a reader chooses English ([`set_english`]; issue 15). Rule texts (reasons, doubts) come from the
//! rules, which are written in Swedish and English; `rules_lang` says which a catalogue uses.
//! (Longer than most: the `Catalogue` struct lists every string the widget shows, with a line of
//! documentation each; splitting it would only scatter the list a translator works through.)
//!
//! The command line (`ansvarskollen ask`, `matrix`, `coverage`) takes its words from here too: the
//! labels both faces show (outcomes, "Varför?", sources) from the widget's fields, its own words
//! from [`CliWords`], which exists only with the `cli` feature so the widget's bundle does not
//! carry it.

#[cfg(feature = "cli")]
mod en;
mod fetching;
#[cfg(feature = "cli")]
pub mod pages;
mod sv;
/// The staff views' own words (their bundle only).
pub mod staff;

use crate::engine::answer::When;
use crate::engine::ruleset::AGE_MAX;
use crate::engine::{Aid, Confidence, Duration, Housing, Input, Lang, Need, Outcome, Vocab};

/// The languages, the default (Swedish) first: each one's code and the switch to it, in itself.
/// The switch is shown before a language's catalogue is loaded, so it is not in the catalogue.
pub const LANGUAGES: &[(&str, &str)] = &[("sv", "På svenska"), ("en", "In English")];

/// Every catalogue, the default (Swedish) first. Only the tools have them all compiled in: the
/// browser's bundles carry the Swedish one and fetch the English with `rules/en.bin`
/// ([`set_english`]).
#[cfg(feature = "cli")]
pub const CATALOGUES: &[&Catalogue] = &[&sv::SV, &en::EN];

/// A language's code as [`LANGUAGES`] spells it, or the default's where `code` is none of them.
pub fn language(code: &str) -> &'static str {
    LANGUAGES.iter().find(|l| l.0 == code).unwrap_or(&LANGUAGES[0]).0
}

/// The catalogue for a language code: the Swedish one for any other code, and for English until
/// its words are here (see [`ready`]).
pub fn catalogue(code: &str) -> &'static Catalogue {
    match english() {
        Some(en) if code == en.code => en,
        _ => &sv::SV,
    }
}

/// Whether the catalogue of a language is here (the browser fetches English when it is chosen).
pub fn ready(code: &str) -> bool {
    code != "en" || english().is_some()
}

#[cfg(feature = "cli")]
fn english() -> Option<&'static Catalogue> {
    Some(&en::EN)
}

/// The English words in the order [`Catalogue::words_mut`] visits them: what `ansvarskollen
/// compile` writes into `rules/en.bin` for the browser.
#[cfg(feature = "cli")]
pub fn english_words() -> Vec<&'static str> {
    let mut words = Vec::new();
    let mut en = en::EN;
    en.words_mut(&mut |w| words.push(*w));
    words
}

#[cfg(not(feature = "cli"))]
thread_local! {
    /// The English catalogue once its words have been fetched (kept for the page's life).
    static ENGLISH: std::cell::Cell<Option<&'static Catalogue>> = const { std::cell::Cell::new(None) };
}

#[cfg(not(feature = "cli"))]
fn english() -> Option<&'static Catalogue> {
    ENGLISH.with(std::cell::Cell::get)
}

/// The English catalogue of `words` (in [`Catalogue::words_mut`]'s order, as `rules/en.bin`
/// carries them), if there is exactly one word for each of the catalogue's. The words are kept for
/// the page's life.
pub fn english_catalogue(words: Vec<String>) -> Option<Catalogue> {
    let mut c = sv::SV;
    let mut n = 0;
    c.words_mut(&mut |_| n += 1);
    if words.len() != n {
        return None;
    }
    let mut words = words.into_iter();
    c.words_mut(&mut |w| *w = words.next().map_or("", |s| Box::leak(s.into_boxed_str())));
    c.rules_lang = Lang::En;
    Some(c)
}

/// Makes `c` (from [`english_catalogue`]) the catalogue [`catalogue`] gives for English.
#[cfg(not(feature = "cli"))]
pub fn set_english(c: Catalogue) {
    ENGLISH.with(|e| e.set(Some(Box::leak(Box::new(c)))));
}

/// A name's sort key in Swedish alphabetical order: å, ä, ö after z, é as e. For the kommun
/// pickers of the staff views and the index of the pages without JavaScript.
pub fn swedish_sort_key(name: &str) -> String {
    name.to_lowercase()
        .chars()
        .map(|c| match c {
            'å' => '{',
            'ä' => '|',
            'ö' => '}',
            'é' => 'e',
            c => c,
        })
        .collect()
}

/// A label with its first letter lower-cased, to stand inside a sentence ("I eget hem" → "i eget
/// hem").
pub fn lower_first(label: &str) -> String {
    let mut c = label.chars();
    c.next().map_or_else(String::new, |f| f.to_lowercase().chain(c).collect())
}


/// A label and a hint for a choice.
pub type Choice = (&'static str, &'static str);

/// Defines [`Catalogue`] from its list of fields, and [`Catalogue::words_mut`], which visits every
/// word in that order: how the English catalogue travels as data (`rules/en.bin`) instead of code
/// in the browser's bundle (issue 15), with no list of the fields to keep in step by hand.
macro_rules! catalogue {
    ($($(#[$attr:meta])* pub $field:ident: $ty:ty,)*) => {
        /// All UI strings of one language. `{x}` marks a value filled in at run time.
        pub struct Catalogue {
            $($(#[$attr])* pub $field: $ty,)*
            /// The command line's own words (not in the browser's bundles, not in `words_mut`).
            #[cfg(feature = "cli")]
            pub cli: CliWords,
        }

        impl Catalogue {
            /// Visits every word of the catalogue, field by field in the order they are declared.
            pub fn words_mut(&mut self, f: &mut dyn FnMut(&mut &'static str)) {
                $(Words::each(&mut self.$field, f);)*
            }
        }
    };
}

catalogue! {
    /// BCP 47 code, set as the `lang` attribute.
    pub code: &'static str,
    /// The language the rule texts are shown in.
    pub rules_lang: Lang,

    pub title: &'static str,
    pub tagline: &'static str,
    /// An embedded widget: nothing is saved or sent.
    pub privacy: &'static str,
    /// The standalone page: nothing is sent, but the answers are in the page's address and so in
    /// the browser's history, one entry per step.
    pub privacy_history: &'static str,
    /// The switch that keeps the answers out of the history (staff devices), and its hint.
    pub no_history: &'static str,
    pub no_history_hint: &'static str,

    pub continue_: &'static str,
    pub back: &'static str,
    pub change: &'static str,
    pub restart: &'static str,
    pub copy_link: &'static str,
    /// The button that opens the device's share sheet (`navigator.share`), where there is one.
    pub share_link: &'static str,
    pub link_copied: &'static str,
    pub link_copy_failed: &'static str,
    /// The copy failed in an iframe, where the address bar shows the host's page: "{link}" is the link.
    pub link_copy_failed_here: &'static str,
    pub print: &'static str,
    /// The link from an answer to the kommun's whole matrix (the staff views).
    pub show_matrix: &'static str,
    /// The link to the staff views on every screen ("Ansvarsfördelning för personal").
    pub staff_link: &'static str,
    pub about: &'static str,
    /// The "Om uppgifterna" page built with the widget, relative to the widget's files.
    pub about_page: &'static str,

    pub error_title: &'static str,
    /// "Fel: " before the page title while an error is shown.
    pub error_prefix: &'static str,
    pub choose_one: &'static str,

    pub kommun_question: &'static str,
    pub kommun_hint: &'static str,
    pub kommun_label: &'static str,
    /// Continue with nothing typed.
    pub kommun_error: &'static str,
    /// Continue with a text that names no kommun ("Skriv bara kommunens namn, …").
    pub kommun_no_match: &'static str,
    /// Continue with a text that several kommuner match (the list is then shown).
    pub kommun_several: &'static str,
    /// Shown while typing a text that matches no kommun.
    pub kommun_none: &'static str,
    /// "{n} kommuner matchar"
    pub kommun_count: &'static str,
    pub kommun_one: &'static str,

    pub need_question: &'static str,
    pub need_hint: &'static str,
    /// Indexed like `Need::ALL`. The need question offers all but arbetsterapi and fysioterapi
    /// (which "Rehabilitering" covers): their labels show in "Dina svar" and in the answer, and
    /// their hints are empty (never shown).
    pub needs: [Choice; 9],

    /// The question about the kind of assistive device, asked only where the rules care.
    pub aid_question: &'static str,
    pub aid_hint: &'static str,
    /// Indexed like `Aid::ALL`.
    pub aids: [Choice; 4],

    pub housing_question: &'static str,
    pub housing_hint: &'static str,
    /// Indexed like `Housing::ALL`.
    pub housings: [Choice; 6],

    pub age_question: &'static str,
    pub age_hint: &'static str,
    pub age_label: &'static str,
    pub age_error: &'static str,
    /// "{n} år"
    pub age_value: &'static str,

    pub visit_question: &'static str,
    pub visit_hint: &'static str,
    pub visit_yes: Choice,
    pub visit_no: Choice,

    pub duration_question: &'static str,
    pub duration_hint: &'static str,
    /// Indexed like `Duration::ALL`.
    pub durations: [Choice; 2],

    /// The optional question about a temporary stay in another kommun.
    pub stay_question: &'static str,
    pub stay_hint: &'static str,
    /// The link on the answer page that opens it.
    pub stay_offer: &'static str,

    /// "Vet inte": the value of an input the person said they do not know, and the choice that
    /// says so (offered for the inputs a relative may not know).
    pub dont_know: &'static str,
    /// The hint of that choice.
    pub dont_know_hint: &'static str,
    /// "Så tar du reda på det", before how to find out what the answer depends on.
    pub find_out_title: &'static str,
    /// How to find out each input (indexed like `Input::ALL`; empty for those never unknown).
    pub find_out: [&'static str; 7],

    pub date_question: &'static str,
    pub date_hint: &'static str,
    pub date_label: &'static str,
    pub date_error: &'static str,

    pub kommun_responsible: &'static str,
    pub region_responsible: &'static str,
    pub not_determined: &'static str,
    /// "{organisation} i rollen som kommun" — Gotland, one body in both roles.
    pub one_body_as_kommun: &'static str,
    pub one_body_as_region: &'static str,
    pub next_step: &'static str,
    /// "Det beror på …", by the input the answer depends on (indexed like `Input::ALL`).
    pub depends: [&'static str; 7],
    /// A branch: "{when} → {who}" ("Arbetsterapi → kommunen (Örebro kommun)").
    pub branch: &'static str,
    /// Who, inside a branch's line: the kommun, the region, not determined (indexed like
    /// `Responsible::ALL`, then not determined).
    pub branch_outcomes: [&'static str; 3],
    /// "{name} utför vården på regionens uppdrag": the kommun performs for the region.
    pub performer_kommun: &'static str,
    /// "{name} utför vården på kommunens uppdrag": the region performs for the kommun.
    pub performer_region: &'static str,
    /// "Svaret gäller vård under en tillfällig vistelse i {kommun}. Personen bor i {home}."
    pub stay_line: &'static str,
    pub why: &'static str,
    pub set_aside: &'static str,
    pub source: &'static str,
    pub good_to_know: &'static str,
    pub deciding_rule: &'static str,
    /// "Om regeln": the disclosure that holds the deciding rule's id and dates.
    pub rule_details: &'static str,
    /// "gäller sedan {from}": a rule in force with no end.
    pub valid_since: &'static str,
    /// "gäller {from} till {to}": a rule in force that has an end.
    pub valid_until: &'static str,
    /// "gällde {from} till {to}": a rule that has ended.
    pub valid_ended: &'static str,
    /// "Svaret gäller den {date}."
    pub rules_date: &'static str,
    /// "Reglerna granskades {date}." — the region's review date.
    pub rules_reviewed: &'static str,
    /// " Reglernas version: {version}." — after the review date, shown in print only, so a printed
    /// answer can be traced (the leading space separates it from the date).
    pub rules_version: &'static str,
    pub guidance: &'static str,
    /// Indexed like `Confidence::ALL`.
    pub confidence: [&'static str; 3],
    /// One line beside the badge saying what it means (indexed like `Confidence::ALL`).
    pub confidence_note: [&'static str; 3],
    pub doubt_title: &'static str,

    /// "Ring {name}": the kommun's switchboard (the number follows as the link's text).
    pub call_kommun: &'static str,
    /// A link to the kommun's page on hälso- och sjukvård.
    pub care_page_link: &'static str,
    /// A link to the kommun's website (where no care page is known).
    pub website_link: &'static str,
    /// A link to the region's page on 1177.se: "{region} på 1177.se".
    pub page_1177_link: &'static str,
    /// A link to 1177.se, where no page of the region is known.
    pub site_1177_link: &'static str,
    /// "Ring 1177 …" and "Ring 112 …", as `tel:` links.
    pub call_1177: &'static str,
    pub call_112: &'static str,
    /// "Numret och länkarna kommer från {sources}. De lästes {date}."
    pub contact_source: &'static str,

    pub summary_title: &'static str,
    pub summary_kommun: &'static str,
    pub summary_need: &'static str,
    pub summary_aid: &'static str,
    pub summary_stay: &'static str,
    pub summary_housing: &'static str,
    pub summary_age: &'static str,
    pub summary_visit: &'static str,
    pub summary_duration: &'static str,
    pub summary_date: &'static str,
    pub not_asked: &'static str,

    /// "Vi kunde inte använda {param} i länken. Vi frågar efter det i stället."
    pub ignored_param: &'static str,
    /// "… och {n} till." after the notices shown.
    pub more_notices: &'static str,

    /// "Ansvarsfördelningen i {kommun} den {date}"
    pub matrix_title: &'static str,
    pub matrix_intro: &'static str,
    pub matrix_can: &'static str,
    pub matrix_cannot: &'static str,
    pub matrix_need: &'static str,
    pub matrix_kommun: &'static str,
    pub matrix_region: &'static str,
    pub matrix_unknown: &'static str,
    /// "{n} år och äldre"
    pub matrix_age_from: &'static str,
    /// "{a}–{b} år"
    pub matrix_age_range: &'static str,

}

/// The words of a screen that waits for a part of the rules (a region's, or the English words)
/// and of its failure. Not in [`Catalogue`]: they are in the browser's bundles for every language
/// ([`fetching`]), so they do not travel in `rules/en.bin`.
pub struct Fetching {
    pub loading: &'static str,
    /// A part could not be fetched (network, timeout).
    pub load_failed: &'static str,
    /// A part was fetched but refused (damaged, wrong region or version).
    pub load_damaged: &'static str,
    /// The button that fetches it again.
    pub retry: &'static str,
    /// "Läs om vem som ansvarar på 1177.se eller ring 1177.", as HTML with a plain link to
    /// 1177.se (no `tel:`): a fixed string, inserted as it is (cheaper in the bundle than building
    /// the link node by node).
    pub fallback_html: &'static str,
    pub problem_title: &'static str,
}

/// The words of the screen that waits for a part of the rules, in a language whether or not its
/// catalogue is here yet (Swedish for any other code).
pub fn fetching(code: &str) -> &'static Fetching {
    if code == "en" { &fetching::EN } else { &fetching::SV }
}

/// What a catalogue's fields are made of, for [`Catalogue::words_mut`].
trait Words {
    fn each(&mut self, f: &mut dyn FnMut(&mut &'static str));
}

impl Words for &'static str {
    fn each(&mut self, f: &mut dyn FnMut(&mut &'static str)) {
        f(self);
    }
}

/// The rules' language is not a word: it follows from the code.
impl Words for Lang {
    fn each(&mut self, _: &mut dyn FnMut(&mut &'static str)) {}
}

impl<A: Words, B: Words> Words for (A, B) {
    fn each(&mut self, f: &mut dyn FnMut(&mut &'static str)) {
        self.0.each(f);
        self.1.each(f);
    }
}

impl<T: Words, const N: usize> Words for [T; N] {
    fn each(&mut self, f: &mut dyn FnMut(&mut &'static str)) {
        for w in self {
            w.each(f);
        }
    }
}

/// The words only the command line shows: `ask`'s answer and "still needed" list, `matrix`,
/// `coverage` and the "Om uppgifterna" page it writes. Labels the widget shows too (outcomes,
/// "Varför?", "Källa", "Avgörande regel", "Bra att veta", the matrix's captions) are not repeated
/// here: the CLI uses the [`Catalogue`]'s own.
#[cfg(feature = "cli")]
pub struct CliWords {
    /// "Ansvarig", before the responsible party.
    pub responsible: &'static str,
    /// "Gör så här", before the next step.
    pub next_step: &'static str,
    /// "Säkerhet", before a confidence word and as a column heading.
    pub confidence_heading: &'static str,
    /// The maintainers' confidence words ("bekräftad", "verified"), indexed like `Confidence::ALL`.
    pub confidence: [&'static str; 3],
    /// "avgör", the tag of the deciding reason.
    pub decides: &'static str,
    /// "gäller", before the deciding rule's dates.
    pub valid: &'static str,
    /// The last line of an answer.
    pub guidance: &'static str,
    /// "Inte avgjort ännu.": the case needs more inputs.
    pub not_decided: &'static str,
    /// "… Fråga i den här ordningen:", before the inputs still needed.
    pub ask_in_order: &'static str,
    /// The inputs as questions to ask ("vilken vård som behövs"), indexed like `Input::ALL`.
    pub inputs: [&'static str; 7],
    /// "Utförs av", before the performer.
    pub performed_by: &'static str,
    /// "Vistelse", before the kommun of a temporary stay.
    pub stay: &'static str,
    /// The heading of the matrix's first column (its rows are the `--need` words).
    pub need_column: &'static str,
    /// The columns of `coverage` as a text or Markdown table, for maintainers.
    pub coverage_columns: [&'static str; 10],
    /// The "Om uppgifterna" page: the link back to the widget.
    pub about_back: &'static str,
    /// The page's first paragraph: what the answers are built on.
    pub about_intro: &'static str,
    /// "Reglerna är kontrollerade för varje datum från {from} till {to}. Reglernas version: {version}."
    pub about_checked: &'static str,
    /// The caption of the page's table.
    pub about_caption: &'static str,
    /// The columns of the page's table, for the public.
    pub about_columns: [&'static str; 10],
    /// "Regionerna", the heading of the per-region sections.
    pub about_regions: &'static str,
    /// "Öppna frågor", before a region's open questions.
    pub about_questions: &'static str,
    /// "Inga öppna frågor."
    pub about_no_questions: &'static str,
}

#[cfg(feature = "cli")]
impl CliWords {
    pub fn confidence(&self, c: Confidence) -> &'static str {
        self.confidence[c.index()]
    }
    pub fn input(&self, i: Input) -> &'static str {
        self.inputs[i.index()]
    }
}

/// Two catalogues are the same language.
impl PartialEq for Catalogue {
    fn eq(&self, other: &Self) -> bool {
        self.code == other.code
    }
}

impl Catalogue {
    pub fn need(&self, n: Need) -> Choice {
        self.needs[n.index()]
    }
    pub fn housing(&self, h: Housing) -> Choice {
        self.housings[h.index()]
    }
    pub fn aid(&self, a: Aid) -> Choice {
        self.aids[a.index()]
    }
    /// "Det beror på …" for an input.
    pub fn depends_on(&self, i: Input) -> &'static str {
        self.depends[i.index()]
    }
    /// The values a branch is for, as a reader sees them ("Arbetsterapi", "18 år och äldre").
    pub fn when(&self, w: &When) -> String {
        match w {
            When::CanVisitClinic(v) => (if *v { self.visit_yes.0 } else { self.visit_no.0 }).to_string(),
            When::Age(a, b) if *b >= AGE_MAX => fill(self.matrix_age_from, &[("n", &a.to_string())]),
            When::Age(a, b) => fill(self.matrix_age_range, &[("a", &a.to_string()), ("b", &b.to_string())]),
            When::Words(input, words) => {
                let (all, labels): (&[&str], &[Choice]) = match input {
                    Input::Need => (Need::WORDS, &self.needs),
                    Input::Aid => (Aid::WORDS, &self.aids),
                    Input::Housing => (Housing::WORDS, &self.housings),
                    _ => (Duration::WORDS, &self.durations),
                };
                let mut out = String::new();
                for word in words {
                    if !out.is_empty() {
                        out.push_str(", ");
                    }
                    out.push_str(all.iter().position(|w| w == word).map_or(word, |i| labels[i].0));
                }
                out
            }
        }
    }
    /// How to find out an input the answer depends on.
    pub fn find_out(&self, i: Input) -> &'static str {
        self.find_out[i.index()]
    }
    pub fn duration(&self, d: Duration) -> Choice {
        self.durations[d.index()]
    }
    pub fn confidence(&self, c: Confidence) -> &'static str {
        self.confidence[c.index()]
    }
    /// An outcome as one word or two ("Kommunen", "Regionen", "Inte fastställt"), as the matrix
    /// shows it.
    pub fn outcome(&self, o: Outcome) -> &'static str {
        match o {
            Outcome::Kommun => self.matrix_kommun,
            Outcome::Region => self.matrix_region,
            Outcome::NotDetermined => self.matrix_unknown,
        }
    }
}

/// Fills `{name}` placeholders: the engine's one template filler.
pub use crate::engine::text::fill;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogues_are_distinct_and_filled() {
        let codes: Vec<&str> = CATALOGUES.iter().map(|c| c.code).collect();
        assert_eq!(codes, vec!["sv", "en"]);
        for c in CATALOGUES {
            assert!(!c.title.is_empty() && !c.kommun_question.is_empty());
            for (label, hint) in c.needs.iter().chain(c.housings.iter()).chain(c.durations.iter()).chain(c.aids.iter()) {
                assert!(!label.is_empty(), "{}: empty choice", c.code);
                // Arbetsterapi and fysioterapi are never offered as choices ("Rehabilitering"
                // covers them), so they have labels only.
                let offered = !["Arbetsterapi", "Occupational therapy", "Fysioterapi (sjukgymnastik)", "Physiotherapy"].contains(label);
                assert_eq!(hint.is_empty(), !offered, "{}: the hint of {label}", c.code);
            }
            assert!(c.kommun_count.contains("{n}"));
            assert!(c.ignored_param.contains("{param}"));
            let f = fetching(c.code);
            assert!(f.fallback_html.contains("<a href=\"https://www.1177.se/\">1177.se</a>") && !f.fallback_html.contains("tel:"));
            assert!(c.more_notices.contains("{n}"));
            assert!(c.rules_reviewed.contains("{date}") && c.rules_version.contains("{version}"));
            assert!(c.depends.iter().all(|d| !d.is_empty()));
            assert!(c.branch.contains("{when}") && c.branch.contains("{who}"));
            for i in Input::ALL {
                assert_eq!(c.find_out(*i).is_empty(), !i.may_be_unknown() && *i != Input::Need, "{}: how to find out {i}", c.code);
            }
            assert!(c.call_kommun.contains("{name}") && c.page_1177_link.contains("{region}"));
            assert!(c.contact_source.contains("{sources}") && c.contact_source.contains("{date}"));
            assert!(["{from}"].iter().all(|k| c.valid_since.contains(k) && c.valid_until.contains(k) && c.valid_ended.contains(k)));
            assert!(c.performer_kommun.contains("{name}") && c.performer_region.contains("{name}"));
            assert!(c.stay_line.contains("{kommun}") && c.stay_line.contains("{home}"));
            #[cfg(feature = "cli")]
            {
                let w = &c.cli;
                let words = w.confidence.iter().chain(&w.inputs).chain(&w.coverage_columns).chain(&w.about_columns);
                assert!(words.chain([&w.responsible, &w.next_step, &w.about_intro]).all(|s| !s.is_empty()), "{}: empty CLI word", c.code);
                assert!(["{from}", "{to}", "{version}"].iter().all(|k| w.about_checked.contains(k)));
            }
        }
        assert_eq!(catalogue("xx").code, "sv");
    }

    /// The English words travel as a list (`rules/en.bin`) and come back as the same catalogue;
    /// a list one word short or long is refused.
    #[test]
    fn english_words_round_trip() {
        let words: Vec<String> = english_words().into_iter().map(String::from).collect();
        let mut back = english_catalogue(words.clone()).expect("one word for each");
        let mut en = en::EN;
        let (mut a, mut b) = (Vec::new(), Vec::new());
        back.words_mut(&mut |w| a.push(*w));
        en.words_mut(&mut |w| b.push(*w));
        assert_eq!(a, b);
        assert_eq!((back.code, back.rules_lang), ("en", Lang::En));
        assert!(words.len() > 150 && words.contains(&"In which kommun does the person who needs care live?".to_string()));
        assert!(english_catalogue(words[1..].to_vec()).is_none());
        assert!(english_catalogue([words.clone(), vec![String::new()]].concat()).is_none());
        assert_eq!(language("en"), "en");
        assert_eq!(language("xx"), "sv");
    }
}
