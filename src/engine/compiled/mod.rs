//! The compiled form of the rules: what `ansvarskollen compile` writes and the browser reads.
//!
//! A small binary format, so the browser bundle needs neither a TOML nor a JSON parser (a TOML
//! parser alone adds ~65 KB gzip; serde_json's generic readers most of the rest). A file is a
//! 4-byte tag naming its content and format (`AKC5` a whole rule set or a core, `AKR4` a region
//! part, `AKL1` a language part; older tags were earlier formats — `3` was issue 10's digests and,
//! separately, issue 11's vocabulary (needs, housing and aid as bits, performers, one body per
//! kommun), `4` is both, `AKC5` adds the English part's digest — so an old file is refused, not
//! misread) followed by the
//! value in postcard's format (`codec.rs`; the choice is measured in docs/performance.md). A core
//! (or whole rule set) ends with the SHA-256 digest of everything before it. Rules are split
//! (`split.rs`) so a browser downloads only what it needs: a *core* (national rules, the kommun
//! register, every region's names, and the digest of every region's part) and one *part* per
//! region (its rules, notes and documents), added with [`RuleSet::add_region_bytes`] when a kommun
//! of that region is chosen — only if its bytes have the digest the core records
//! (`integrity.rs`). The core's English texts are a part of their own too (`english.rs`), fetched
//! only when a reader chooses English. `hash.rs` names a rule set's version. This module reads and writes the rules;
//! it evaluates nothing.

mod codec;
mod english;
mod hash;
mod integrity;
mod split;

pub use english::LanguagePart;
pub use hash::hash;
pub use integrity::{Digest, IntegrityError, digest, part_digests};
pub use split::split;

use crate::engine::contact::RegionContacts;
use crate::engine::ruleset::{Citation, Document, Note, Rule, RuleSet};

const CORE: &[u8; 4] = b"AKC5";
const PART: &[u8; 4] = b"AKR4";

/// Why bytes are not usable compiled rules.
pub type Error = IntegrityError;

/// One region's rules, notes and the documents only they cite.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RegionPart {
    /// Länskod of the region, two digits.
    pub lan: String,
    /// The version of the whole rule set this part belongs to.
    pub version: String,
    /// The region's own sources (names, members, coverage).
    pub source: Vec<Citation>,
    /// Documents cited only by this region (the core has the national ones).
    pub documents: Vec<Document>,
    /// The region's rules, in file order.
    pub rules: Vec<Rule>,
    /// The region's notes, in file order.
    pub notes: Vec<Note>,
    /// Whom to call in the region (`rules/contacts/NN-name.toml`), if its file exists.
    pub contacts: Option<RegionContacts>,
}

/// Writes a whole rule set, or a core, ending with the digest of its own bytes.
pub fn encode(rules: &RuleSet) -> Vec<u8> {
    integrity::seal(codec::write(CORE, rules))
}

/// Reads a whole rule set or a core, after checking its own digest.
pub fn decode(bytes: &[u8]) -> Result<RuleSet, Error> {
    if !bytes.starts_with(CORE) {
        return Err(Error::NotRules);
    }
    codec::read(CORE, integrity::unseal(bytes)?)
}

/// Writes one region's part. Its digest goes in the core ([`compile`] does both).
pub fn encode_part(part: &RegionPart) -> Vec<u8> {
    codec::write(PART, part)
}

/// What `ansvarskollen compile` writes: the whole rule set (for tools), the core, its English
/// part, and each region's part with its länskod. The core records every part's digest.
pub struct Compiled {
    /// The whole rule set (`rules.bin`).
    pub whole: Vec<u8>,
    /// The core (`core.bin`), without its English texts.
    pub core: Vec<u8>,
    /// The core's English texts and the widget's English words (`en.bin`).
    pub english: Vec<u8>,
    /// Each region's part (`regions/NN.bin`), by länskod.
    pub parts: Vec<(String, Vec<u8>)>,
}

/// Compiles a checked rule set into its files (see [`Compiled`]). `words` are the widget's
/// English words, carried in the English part (the engine does not read them).
pub fn compile(rules: &RuleSet, words: &[&str]) -> Compiled {
    let (mut core, parts) = split(rules);
    // One part per region, in the order of `regions`: the core's digests follow that order.
    let parts: Vec<(String, Vec<u8>)> = parts.iter().map(|p| (p.lan.clone(), encode_part(p))).collect();
    core.part_digests = parts.iter().flat_map(|(_, bytes)| digest(bytes)).collect();
    let texts = english::take(&mut core);
    let english = english::encode(&LanguagePart { version: rules.version.clone(), texts, words: words.iter().map(|w| w.to_string()).collect() });
    english::record(&mut core, &english);
    Compiled { whole: encode(rules), core: encode(&core), english, parts }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Bytes that pass the digest (sealed here) but are not well-formed are still refused.
    #[test]
    fn corrupt_input_is_an_error_not_a_panic() {
        let sealed = |b: &[u8]| integrity::seal(b.to_vec());
        assert_eq!(decode(b""), Err(IntegrityError::NotRules));
        assert_eq!(decode(&sealed(b"AKR4")), Err(IntegrityError::NotRules));
        assert_eq!(decode(&sealed(b"AKC5\xff\xff\xff")), Err(IntegrityError::Damaged));
        assert_eq!(decode(b"AKC5"), Err(IntegrityError::NotRules), "too short to hold a digest");
        assert!(codec::read::<RegionPart>(PART, b"AKR4\x05ab").is_err());
        let mut long = b"AKC5".to_vec();
        long.extend([0x80; 20]);
        assert!(decode(&sealed(&long)).is_err());
        // A file of a former format is refused by its tag, sealed or not.
        assert_eq!(decode(&sealed(b"AKC2\x00")), Err(IntegrityError::NotRules));
        assert_eq!(decode(b"AKC2\x00"), Err(IntegrityError::NotRules));
        assert_eq!(decode(&sealed(b"AKC3\x00")), Err(IntegrityError::NotRules));
        assert_eq!(decode(b"AKC3\x00"), Err(IntegrityError::NotRules));
        assert_eq!(decode(&sealed(b"AKC4\x00")), Err(IntegrityError::NotRules));
        assert!(codec::read::<RegionPart>(PART, b"AKR3\x00").is_err());
        // A text, and a list, claiming more than there is (no huge allocation, no panic).
        assert!(codec::read::<RegionPart>(PART, b"AKR4\x02\x31\x39\xff\xff\xff\xff\x0f").is_err());
        assert!(codec::read::<RegionPart>(PART, b"AKR4\x02\x31\x39\x00\xff\xff\xff\xff\x0f").is_err());
    }
}
