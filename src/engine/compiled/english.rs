//! English on demand: the core's English texts, and the widget's English words, in a file of
//! their own (`rules/en.bin`), so that a Swedish reader's first answer does not download them
//! (issue 15; the cut is measured in docs/performance.md). The region parts keep their English.
//!
//! [`compile`](super::compile) takes the English out of the core ([`take`]) and writes it, with
//! the words it is given, as a [`LanguagePart`]; the core records the part's SHA-256 digest. The
//! browser adds the part only if its bytes have that digest ([`RuleSet::read_english`]), exactly as
//! it adds a region's part. Until then every English text of the core is empty, which
//! [`Text::get`] shows as the Swedish: the widget waits for the part before it shows English.

use super::{Digest, Error, codec, digest};
use crate::engine::ruleset::{RuleSet, Text};
use serde::{Deserialize, Serialize};

/// The tag of a language part (see `mod.rs` for the tags of the others).
pub(super) const LANGUAGE: &[u8; 4] = b"AKL1";

/// A core's texts in English, and the words of the widget in English.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LanguagePart {
    /// The version of the whole rule set this part belongs to.
    pub version: String,
    /// The core's English texts, in the order [`RuleSet::core_texts_mut`] visits them (empty
    /// where a text has no English).
    pub texts: Vec<String>,
    /// The widget's words in English, in the order of its catalogue (`ui::i18n`); the engine only
    /// carries them.
    pub words: Vec<String>,
}

impl RuleSet {
    /// Visits every text the core of this rule set holds, in one fixed order: the general
    /// next-step texts, each region's texts, the national rules' and notes' texts. Region parts
    /// added later (their rules and notes have a region) are not visited, so the order is the same
    /// whether or not any are loaded.
    pub fn core_texts_mut(&mut self, f: &mut dyn FnMut(&mut Text)) {
        let c = &mut self.contacts;
        for t in [&mut c.kommun, &mut c.region, &mut c.not_determined, &mut c.kommun_doubt, &mut c.region_doubt] {
            f(t);
        }
        for r in &mut self.regions {
            f(&mut r.summary);
            r.open_questions.iter_mut().for_each(&mut *f);
            r.before_coverage.iter_mut().for_each(&mut *f);
        }
        for r in self.rules.iter_mut().filter(|r| r.applies.region.is_none()) {
            f(&mut r.reason);
            r.doubt.iter_mut().chain(r.next.iter_mut()).for_each(&mut *f);
        }
        for n in self.notes.iter_mut().filter(|n| n.applies.region.is_none()) {
            f(&mut n.text);
        }
    }

    /// Whether the core's English texts are here: always in a whole rule set; in a browser's core
    /// once its English part has been added.
    pub fn has_english(&self) -> bool {
        self.english_digest.is_empty()
    }

    /// Reads English part `bytes` for this core, after checking them: they must have the digest
    /// the core records and belong to its version. Changes nothing; [`RuleSet::add_english`] adds
    /// the texts.
    pub fn read_english(&self, bytes: &[u8]) -> Result<LanguagePart, Error> {
        if digest(bytes)[..] != self.english_digest[..] {
            return Err(super::integrity::refusal(LANGUAGE, bytes, &self.version, |p: &LanguagePart| &p.version));
        }
        let part: LanguagePart = codec::read(LANGUAGE, bytes)?;
        if part.version != self.version {
            return Err(Error::WrongVersion);
        }
        Ok(part)
    }

    /// Puts a part's English texts (read by [`RuleSet::read_english`]) in place, if there is one
    /// for each of the core's texts (anything else is refused and changes nothing). Adding them
    /// when they are already here changes nothing.
    pub fn add_english(&mut self, texts: Vec<String>) -> Result<(), Error> {
        if self.has_english() {
            return Ok(());
        }
        let mut n = 0;
        self.core_texts_mut(&mut |_| n += 1);
        if texts.len() != n {
            return Err(Error::Damaged);
        }
        let mut texts = texts.into_iter();
        self.core_texts_mut(&mut |t| t.en = texts.next().unwrap_or_default());
        self.english_digest.clear();
        Ok(())
    }
}

/// Takes the English texts out of a core, in the order [`RuleSet::core_texts_mut`] visits them.
pub(super) fn take(core: &mut RuleSet) -> Vec<String> {
    let mut texts = Vec::new();
    core.core_texts_mut(&mut |t| texts.push(std::mem::take(&mut t.en)));
    texts
}

/// Writes a language part.
pub(super) fn encode(part: &LanguagePart) -> Vec<u8> {
    codec::write(LANGUAGE, part)
}

/// The digest a core records for its language part.
pub(super) fn record(core: &mut RuleSet, bytes: &[u8]) {
    let d: Digest = digest(bytes);
    core.english_digest = d.to_vec();
}
