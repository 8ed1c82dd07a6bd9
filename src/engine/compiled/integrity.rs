//! Integrity of the compiled rules: what makes damaged or mismatched bytes a refusal, never an
//! answer. The core records the SHA-256 digest of every region part ([`PartDigest`]) and ends
//! with the digest of its own bytes; a part is used only if its bytes have the digest the core
//! records for the region that was asked for ([`RuleSet::add_region_bytes`]). Why a part or a
//! core was refused is an [`IntegrityError`], so the widget can tell a damaged file from a network
//! failure. It checks bytes; it does not encode rules (`codec.rs`) or split them (`split.rs`).
//!
//! Why SHA-256 and not the rules' version hash (FNV-1a, `hash.rs`): a 64-bit FNV hash catches
//! random damage but not a change made on purpose; a single-bit flip of a region part once turned
//! "Kommunen ansvarar" into "Regionen ansvarar" with the file still well-formed. SHA-256 (the
//! `sha2` crate, its compact software backend in the browser) costs the bundle ~1 KB brotli
//! (measured: docs/performance.md).

use super::{PART, RegionPart, codec};
use crate::engine::ruleset::RuleSet;
use sha2::{Digest as _, Sha256};
use std::fmt;

/// A SHA-256 digest.
pub type Digest = [u8; 32];

/// The SHA-256 digest of bytes.
pub fn digest(bytes: &[u8]) -> Digest {
    Sha256::digest(bytes).into()
}

/// The digests of a core's region parts: SHA-256 of each part's whole file (`regions/NN.bin`),
/// 32 bytes each, in the order of `RuleSet::regions`; written as one run of bytes (a list of
/// digests, each with its länskod, cost the browser bundle ~1 KB more to read).
pub mod part_digests {
    use serde::de::{self, Deserializer, Visitor};
    use serde::ser::Serializer;
    use std::fmt;

    /// Writes the digests as one byte string.
    pub fn serialize<S: Serializer>(d: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_bytes(d)
    }

    /// Reads them back; anything but whole digests is an error.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        struct Bytes;
        impl Visitor<'_> for Bytes {
            type Value = Vec<u8>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("digests of 32 bytes")
            }
            fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Vec<u8>, E> {
                if v.len().is_multiple_of(32) { Ok(v.to_vec()) } else { Err(E::invalid_length(v.len(), &self)) }
            }
        }
        d.deserialize_bytes(Bytes)
    }
}

/// Why compiled rules were refused. Every case means: do not answer from these bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IntegrityError {
    /// Not compiled rules of the expected kind and format (an HTML error page, a file of an older
    /// format, a part where a core was expected).
    NotRules,
    /// The bytes do not have the digest they must have: changed after they were compiled.
    Damaged,
    /// A region's part where another region's was asked for (`01.bin` served as `19.bin`).
    WrongRegion {
        /// The länskod asked for.
        requested: String,
        /// The länskod the bytes belong to.
        found: String,
    },
    /// A part of another version of the rules (e.g. one cached before an update).
    WrongVersion,
    /// The core names no region with this länskod.
    UnknownRegion(String),
    /// No core rules are loaded to add a part to.
    NoCore,
}

impl fmt::Display for IntegrityError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            IntegrityError::NotRules => f.write_str("not compiled rules of the expected kind"),
            IntegrityError::Damaged => f.write_str("damaged: the bytes do not match their SHA-256 digest"),
            IntegrityError::WrongRegion { requested, found } => write!(f, "the rules of region {found}, not {requested}"),
            IntegrityError::WrongVersion => f.write_str("another version of the rules than the core"),
            IntegrityError::UnknownRegion(lan) => write!(f, "the core has no region {lan}"),
            IntegrityError::NoCore => f.write_str("the core rules are not loaded"),
        }
    }
}

impl std::error::Error for IntegrityError {}

/// Appends the digest of `bytes` to them: what a self-checking file ends with.
pub(super) fn seal(mut bytes: Vec<u8>) -> Vec<u8> {
    let d = digest(&bytes);
    bytes.extend_from_slice(&d);
    bytes
}

/// The bytes before their trailing digest, if the digest matches.
pub(super) fn unseal(bytes: &[u8]) -> Result<&[u8], IntegrityError> {
    let Some(split) = bytes.len().checked_sub(32) else {
        return Err(IntegrityError::NotRules);
    };
    let (body, d) = bytes.split_at(split);
    if digest(body)[..] == *d { Ok(body) } else { Err(IntegrityError::Damaged) }
}

impl RuleSet {
    /// The digest the core records for region `lan`'s part.
    fn part_digest(&self, lan: &str) -> Option<&[u8]> {
        let i = self.regions.iter().position(|r| r.lan == lan)?;
        self.part_digests.get(i * 32..i * 32 + 32)
    }

    /// The region whose part has digest `d`, if any.
    fn region_with_digest(&self, d: &Digest) -> Option<&str> {
        let i = self.part_digests.chunks(32).position(|c| c == d)?;
        self.regions.get(i).map(|r| r.lan.as_str())
    }

    /// Adds the region part `bytes`, fetched as the rules of region `lan`, after checking them: the
    /// bytes must have the digest the core records for `lan`. A part of another region, of another
    /// version of the rules, or damaged in any way is refused and changes nothing. Adding a region
    /// that is already loaded changes nothing.
    pub fn add_region_bytes(&mut self, lan: &str, bytes: &[u8]) -> Result<(), IntegrityError> {
        let expected = self.part_digest(lan).ok_or_else(|| IntegrityError::UnknownRegion(lan.to_string()))?;
        let got = digest(bytes);
        if got[..] != *expected {
            return Err(self.why_not(lan, bytes, &got));
        }
        let part: RegionPart = codec::read(PART, bytes)?;
        // The digest already vouches for both; checked again so that a compiler bug cannot merge
        // one region's rules into another's.
        if part.lan != lan {
            return Err(IntegrityError::WrongRegion { requested: lan.to_string(), found: part.lan });
        }
        self.add_region(part)
    }

    /// Adds the region part `bytes`, whichever region's it is, if they have the digest the core
    /// records for one of them (`load_region(bytes)` in the browser, for integrators who preload).
    /// Returns the region's länskod. Refused as [`RuleSet::add_region_bytes`] refuses.
    pub fn add_any_region_bytes(&mut self, bytes: &[u8]) -> Result<String, IntegrityError> {
        let got = digest(bytes);
        match self.region_with_digest(&got).map(str::to_string) {
            Some(lan) => self.add_region_bytes(&lan, bytes).map(|()| lan),
            None => Err(self.why_not("", bytes, &got)),
        }
    }

    /// Why bytes with digest `got` are not region `lan`'s part: another region's, another version's,
    /// or damaged. Only explains a refusal; nothing here is trusted.
    fn why_not(&self, lan: &str, bytes: &[u8], got: &Digest) -> IntegrityError {
        if let Some(other) = self.region_with_digest(got) {
            return IntegrityError::WrongRegion { requested: lan.to_string(), found: other.to_string() };
        }
        refusal(PART, bytes, &self.version, |p: &RegionPart| &p.version)
    }
}

/// Why bytes without the digest they must have are refused: not a part of this kind at all (by
/// its tag), a part of another version of the rules, or damaged. For region parts and the English
/// part alike; it only explains a refusal, nothing read here is used.
pub(super) fn refusal<T: for<'de> serde::Deserialize<'de>>(tag: &[u8; 4], bytes: &[u8], version: &str, version_of: impl Fn(&T) -> &str) -> IntegrityError {
    match codec::read::<T>(tag, bytes) {
        Err(IntegrityError::NotRules) => IntegrityError::NotRules,
        Ok(p) if version_of(&p) != version => IntegrityError::WrongVersion,
        _ => IntegrityError::Damaged,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_of_known_inputs() {
        let hex = |d: Digest| d.iter().map(|b| format!("{b:02x}")).collect::<String>();
        assert_eq!(hex(digest(b"")), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assert_eq!(hex(digest(b"hello world")), "b94d27b9934d3e08a52e52d7da7dabfac484efe37a5380ee9088f7ace2efcde9");
    }

    #[test]
    fn sealed_bytes_refuse_any_change() {
        let sealed = seal(b"AKC4 some rules".to_vec());
        assert_eq!(unseal(&sealed), Ok(&b"AKC4 some rules"[..]));
        for i in 0..sealed.len() * 8 {
            let mut b = sealed.clone();
            b[i / 8] ^= 1 << (i % 8);
            assert_eq!(unseal(&b), Err(IntegrityError::Damaged), "bit {i}");
        }
        assert_eq!(unseal(&sealed[..31]), Err(IntegrityError::NotRules));
        assert_eq!(unseal(&sealed[..sealed.len() - 1]), Err(IntegrityError::Damaged));
    }
}
