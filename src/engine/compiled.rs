//! The compiled form of the rules: what `ansvarskollen compile` writes and the browser reads.
//!
//! JSON of already checked rules, split so that a browser downloads only what it needs: a *core*
//! (national rules, the kommun register, every region's name and summary) and one *part* per
//! region (its rules, notes and documents), added with [`RuleSet::add_region`] when a kommun of that
//! region is chosen. The browser never parses TOML (a TOML parser alone would add ~65 KB gzip).

use super::ruleset::{Document, Note, Rule, RuleSet};
use serde::{Deserialize, Serialize};

/// One region's rules, notes and the documents only they cite.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegionPart {
    pub lan: String,
    /// The version of the whole rule set this part belongs to.
    pub version: String,
    pub documents: Vec<Document>,
    pub rules: Vec<Rule>,
    pub notes: Vec<Note>,
}

/// Serialises a whole rule set.
pub fn encode(rules: &RuleSet) -> String {
    serde_json::to_string(rules).unwrap_or_default()
}

/// Reads a whole rule set or a core.
pub fn decode(bytes: &[u8]) -> Result<RuleSet, String> {
    serde_json::from_slice(bytes).map_err(|e| format!("the compiled rules cannot be read: {e}"))
}

pub fn encode_part(part: &RegionPart) -> String {
    serde_json::to_string(part).unwrap_or_default()
}

pub fn decode_part(bytes: &[u8]) -> Result<RegionPart, String> {
    serde_json::from_slice(bytes).map_err(|e| format!("the compiled region rules cannot be read: {e}"))
}

/// Splits a rule set into its core and one part per region.
pub fn split(rules: &RuleSet) -> (RuleSet, Vec<RegionPart>) {
    let cited = |cites: &mut Vec<String>, list: &[super::ruleset::Citation]| {
        for c in list {
            if !cites.contains(&c.doc) {
                cites.push(c.doc.clone());
            }
        }
    };
    let mut core = rules.clone();
    core.rules.retain(|r| r.applies.region.is_none());
    core.notes.retain(|n| n.applies.region.is_none());
    let mut core_docs = Vec::new();
    for r in &core.rules {
        cited(&mut core_docs, &r.source);
    }
    for n in &core.notes {
        cited(&mut core_docs, &n.source);
    }
    for r in &core.regions {
        cited(&mut core_docs, &r.source);
    }
    core.documents.retain(|d| core_docs.contains(&d.id));
    core.partial = rules.regions.iter().map(|r| r.lan.clone()).collect();

    let parts = rules
        .regions
        .iter()
        .map(|region| {
            let lan = Some(region.lan.clone());
            let rs: Vec<Rule> = rules.rules.iter().filter(|r| r.applies.region == lan).cloned().collect();
            let ns: Vec<Note> = rules.notes.iter().filter(|n| n.applies.region == lan).cloned().collect();
            let mut docs = Vec::new();
            for r in &rs {
                cited(&mut docs, &r.source);
            }
            for n in &ns {
                cited(&mut docs, &n.source);
            }
            let documents = rules.documents.iter().filter(|d| docs.contains(&d.id) && !core_docs.contains(&d.id)).cloned().collect();
            RegionPart { lan: region.lan.clone(), version: rules.version.clone(), documents, rules: rs, notes: ns }
        })
        .collect();
    (core, parts)
}

impl RuleSet {
    /// Adds a region's part to a core. Adding the same region twice changes nothing.
    pub fn add_region(&mut self, part: RegionPart) -> Result<(), String> {
        if part.version != self.version {
            return Err(format!("region {} belongs to rules version {}, not {}", part.lan, part.version, self.version));
        }
        let Some(pos) = self.partial.iter().position(|l| *l == part.lan) else {
            return Ok(());
        };
        self.partial.remove(pos);
        for d in part.documents {
            if self.document(&d.id).is_none() {
                self.documents.push(d);
            }
        }
        self.rules.extend(part.rules);
        self.notes.extend(part.notes);
        Ok(())
    }

    /// Whether the rules of a region are loaded.
    pub fn has_region(&self, lan: &str) -> bool {
        !self.partial.iter().any(|l| l == lan)
    }
}

/// A short, stable hash of a text (FNV-1a, 64 bit), for the rules' version.
pub fn hash(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}
