//! The widget's words: one catalogue per language, every string the UI shows.
//!
//! Adding a language means adding one file like `sv.rs` (the compiler refuses a catalogue with a
//! missing string) and listing it in [`CATALOGUES`]. Rule texts (reasons, doubts) come from the
//! rules, which are written in Swedish and English; `rules_lang` says which a catalogue uses.

mod en;
mod sv;

use crate::engine::{Confidence, Duration, Housing, Lang, Need, Vocab};

/// Every catalogue, the default (Swedish) first.
pub const CATALOGUES: &[&Catalogue] = &[&sv::SV, &en::EN];

/// The catalogue for a language code, falling back to Swedish.
pub fn catalogue(code: &str) -> &'static Catalogue {
    CATALOGUES.iter().copied().find(|c| c.code == code).unwrap_or(CATALOGUES[0])
}

/// A label and a hint for a choice.
pub type Choice = (&'static str, &'static str);

/// All UI strings of one language. `{x}` marks a value filled in at run time.
pub struct Catalogue {
    /// BCP 47 code, set as the `lang` attribute.
    pub code: &'static str,
    /// The language the rule texts are shown in.
    pub rules_lang: Lang,
    /// The name of this language in itself, for the switch ("Svenska", "English").
    pub name: &'static str,
    /// The switch to this language, in this language ("På svenska", "In English").
    pub switch_to: &'static str,

    pub title: &'static str,
    pub tagline: &'static str,
    pub privacy: &'static str,
    pub loading: &'static str,
    pub load_failed: &'static str,
    pub problem_title: &'static str,

    pub continue_: &'static str,
    pub back: &'static str,
    pub change: &'static str,
    pub restart: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub link_copy_failed: &'static str,
    pub print: &'static str,
    pub show_matrix: &'static str,
    pub hide_matrix: &'static str,
    pub about: &'static str,
    /// The "Om uppgifterna" page built with the widget, relative to the widget's files.
    pub about_page: &'static str,

    pub error_title: &'static str,
    pub choose_one: &'static str,

    pub kommun_question: &'static str,
    pub kommun_hint: &'static str,
    pub kommun_label: &'static str,
    pub kommun_error: &'static str,
    pub kommun_none: &'static str,
    /// "{n} kommuner matchar"
    pub kommun_count: &'static str,
    pub kommun_one: &'static str,

    pub need_question: &'static str,
    pub need_hint: &'static str,
    /// Indexed like `Need::ALL`.
    pub needs: [Choice; 6],

    pub housing_question: &'static str,
    pub housing_hint: &'static str,
    /// Indexed like `Housing::ALL`.
    pub housings: [Choice; 5],

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
    pub why: &'static str,
    pub set_aside: &'static str,
    pub source: &'static str,
    pub good_to_know: &'static str,
    pub deciding_rule: &'static str,
    /// "gäller från {from}"
    pub valid_from: &'static str,
    /// "gäller {from}–{to}"
    pub valid_between: &'static str,
    /// "Svaret gäller den {date}."
    pub rules_date: &'static str,
    pub guidance: &'static str,
    /// Indexed like `Confidence::ALL`.
    pub confidence: [&'static str; 3],
    pub doubt_title: &'static str,

    pub summary_title: &'static str,
    pub summary_kommun: &'static str,
    pub summary_need: &'static str,
    pub summary_housing: &'static str,
    pub summary_age: &'static str,
    pub summary_visit: &'static str,
    pub summary_duration: &'static str,
    pub summary_date: &'static str,
    pub not_asked: &'static str,

    /// "Vi kunde inte använda {param} i länken. Vi frågar efter det i stället."
    pub ignored_param: &'static str,

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
    pub fn duration(&self, d: Duration) -> Choice {
        self.durations[d.index()]
    }
    pub fn confidence(&self, c: Confidence) -> &'static str {
        self.confidence[c.index()]
    }
}

/// Fills `{name}` placeholders.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_string();
    for (k, v) in values {
        out = out.replace(&format!("{{{k}}}"), v);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn catalogues_are_distinct_and_filled() {
        let codes: Vec<&str> = CATALOGUES.iter().map(|c| c.code).collect();
        assert_eq!(codes, vec!["sv", "en"]);
        for c in CATALOGUES {
            assert!(!c.title.is_empty() && !c.kommun_question.is_empty());
            for (label, hint) in c.needs.iter().chain(c.housings.iter()).chain(c.durations.iter()) {
                assert!(!label.is_empty() && !hint.is_empty(), "{}: empty choice", c.code);
            }
            assert!(c.kommun_count.contains("{n}"));
            assert!(c.ignored_param.contains("{param}"));
        }
        assert_eq!(catalogue("xx").code, "sv");
    }
}
