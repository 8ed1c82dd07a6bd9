//! Splitting a rule set into a core and one part per region, and adding a part back: what lets a
//! browser download only the rules of the region it needs. It moves rules; it does not encode them.

use super::{Error, RegionPart};
use crate::engine::ruleset::{Citation, Note, Rule, RuleSet, Text};

/// Splits a rule set into its core and one part per region. The core keeps what every page needs
/// (national rules and their documents, the register, region names); a region's own sources and
/// its contact data go with its part. Summaries and open questions are left out: only the "Om uppgifterna" page shows
/// them, and `ansvarskollen coverage --html` writes that page ahead of time.
pub fn split(rules: &RuleSet) -> (RuleSet, Vec<RegionPart>) {
    let cited = |cites: &mut Vec<String>, list: &[Citation]| {
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
    core.documents.retain(|d| core_docs.contains(&d.id));
    core.partial = rules.regions.iter().map(|r| r.lan.clone()).collect();
    // Whom to call goes with each region's part: the first download does not carry it.
    core.directory.clear();
    // Filled in by `compile`, once the parts are encoded.
    core.part_digests.clear();
    for r in &mut core.regions {
        r.summary = Text::default();
        r.open_questions.clear();
        r.source.clear();
        r.file.clear();
    }

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
            cited(&mut docs, &region.source);
            let documents = rules.documents.iter().filter(|d| docs.contains(&d.id) && !core_docs.contains(&d.id)).cloned().collect();
            RegionPart {
                lan: region.lan.clone(),
                version: rules.version.clone(),
                source: region.source.clone(),
                documents,
                rules: rs,
                notes: ns,
                contacts: rules.region_contacts(&region.lan).cloned(),
            }
        })
        .collect();
    (core, parts)
}

impl RuleSet {
    /// Adds a region's part, built in this process, to a core. Adding the same region twice changes
    /// nothing. Bytes from anywhere else go through [`RuleSet::add_region_bytes`], which checks them.
    pub fn add_region(&mut self, part: RegionPart) -> Result<(), Error> {
        if part.version != self.version {
            return Err(Error::WrongVersion);
        }
        let Some(pos) = self.partial.iter().position(|l| *l == part.lan) else {
            return Ok(());
        };
        self.partial.remove(pos);
        if let Some(r) = self.regions.iter_mut().find(|r| r.lan == part.lan) {
            r.source = part.source;
        }
        for d in part.documents {
            if let Err(at) = self.documents.binary_search_by(|x| x.id.cmp(&d.id)) {
                self.documents.insert(at, d);
            }
        }
        self.rules.extend(part.rules);
        self.notes.extend(part.notes);
        if let Some(c) = part.contacts {
            let at = self.directory.partition_point(|d| d.lan < c.lan);
            self.directory.insert(at, c);
        }
        Ok(())
    }

    /// Whether the rules of a region are loaded.
    pub fn has_region(&self, lan: &str) -> bool {
        !self.partial.iter().any(|l| l == lan)
    }
}

