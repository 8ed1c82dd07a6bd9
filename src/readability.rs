//! Readability: LIX (läsbarhetsindex, Björnsson 1968) of a text, for the widget's catalogues and
//! the rules' texts (`tests/readability.rs`; `ansvarskollen check` warns above
//! [`LIX_WARN`]). It measures; it does not judge what a text says.
//!
//! LIX = words / sentences + 100 × long words / words, where a *word* is a run of letters or
//! digits, a *long word* has more than six letters, and a *sentence* ends with `.`, `!`, `?` or
//! `:` followed by a space or the end (so `t.ex.` inside a sentence ends one, as in the usual
//! counters, and `2025/26:19` does not); a text has at least one sentence. A template's `{name}`
//! counts as one short word. Below 30 is very easy, 30–40 easy (everyday news), 40–50 middling,
//! over 50 hard (official texts). Ansvarskollen's target for every text a patient reads is 40.

/// The target for every text a patient or relative reads.
pub const LIX_TARGET: f64 = 40.0;
/// Above this `ansvarskollen check` warns the rule maintainer.
pub const LIX_WARN: f64 = 50.0;

/// What LIX is computed from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Words: runs of letters or digits (a `{name}` placeholder is one short word).
    pub words: usize,
    /// Words of more than six letters.
    pub long: usize,
    /// Sentences (at least one in a text with words).
    pub sentences: usize,
}

impl Counts {
    /// LIX from the counts; 0 for a text without words.
    pub fn lix(&self) -> f64 {
        if self.words == 0 {
            return 0.0;
        }
        self.words as f64 / self.sentences.max(1) as f64 + 100.0 * self.long as f64 / self.words as f64
    }
}

/// Counts the words, long words and sentences of a text.
pub fn counts(text: &str) -> Counts {
    let mut c = Counts::default();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    let mut open = false; // a sentence has started and not ended
    while i < chars.len() {
        let ch = chars[i];
        if ch == '{'
            && let Some(end) = chars[i..].iter().position(|c| *c == '}')
        {
            c.words += 1;
            open = true;
            i += end + 1;
            continue;
        }
        if ch.is_alphanumeric() {
            let start = i;
            while i < chars.len() && chars[i].is_alphanumeric() {
                i += 1;
            }
            c.words += 1;
            if chars[start..i].iter().filter(|c| c.is_alphabetic()).count() > 6 {
                c.long += 1;
            }
            open = true;
            continue;
        }
        if matches!(ch, '.' | '!' | '?' | ':' | '…') && open && chars.get(i + 1).is_none_or(|n| n.is_whitespace() || matches!(n, '"' | '”' | ')' | '»')) {
            c.sentences += 1;
            open = false;
        }
        i += 1;
    }
    if open || (c.words > 0 && c.sentences == 0) {
        c.sentences += 1;
    }
    c
}

/// The LIX of a text (0 for a text without words).
pub fn lix(text: &str) -> f64 {
    counts(text).lix()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    /// Each example counted by hand.
    #[test]
    fn hand_counted_examples() {
        // Kommunen(8) ansvarar(8) för vården(6) i hemmet(6): 6 words, 2 long, 1 sentence.
        let c = counts("Kommunen ansvarar för vården i hemmet.");
        assert_eq!(c, Counts { words: 6, long: 2, sentences: 1 });
        assert!(close(c.lix(), 6.0 + 200.0 / 6.0));
        // Two sentences of 8 and 6 words; "behöver" (7) is the one long word; numbers are words.
        let c = counts("Ring 1177 om du behöver råd om vård. Ring 112 om det är akut.");
        assert_eq!(c, Counts { words: 14, long: 1, sentences: 2 });
        assert!(close(c.lix(), 7.0 + 100.0 / 14.0));
        // Officialese: 7 words, 4 long (Biståndsbedömt, trygghetsboende, kommunen, beslutat): 64.
        assert!(close(lix("Biståndsbedömt trygghetsboende som kommunen har beslutat om."), 7.0 + 400.0 / 7.0));
        // A placeholder is one short word; a colon and "t.ex." end sentences as in the usual
        // counters: Kontakta {…} | fråga t ex | efter hemsjukvården → 7 words, 2 long, 3 sentences.
        let c = counts("Kontakta {organisation}: fråga t.ex. efter hemsjukvården.");
        assert_eq!(c, Counts { words: 7, long: 2, sentences: 3 });
        // A date is three short words; digits are not letters; no final stop is still a sentence.
        let c = counts("Från 2012-09-01 gäller avtalet");
        assert_eq!(c, Counts { words: 6, long: 1, sentences: 1 });
        assert!(close(c.lix(), 6.0 + 100.0 / 6.0));
        // A colon inside a number or a reference ends nothing.
        assert_eq!(counts("Prop. 2025/26:19 föreslår det.").sentences, 2);
        assert_eq!(lix(""), 0.0);
        assert_eq!(lix("— …"), 0.0);
    }
}
