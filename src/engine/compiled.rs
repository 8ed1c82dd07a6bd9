//! The compiled form of the rules: what `ansvarskollen compile` writes and the browser reads.
//!
//! JSON of [`RuleSet`]: the rules already checked, sources resolved, no TOML. The browser never
//! parses TOML (a TOML parser alone would add ~65 KB gzip to the bundle).

use super::ruleset::RuleSet;

/// Serialises a rule set to its compiled form.
pub fn encode(rules: &RuleSet) -> String {
    serde_json::to_string(rules).unwrap_or_default()
}

/// Reads a compiled rule set.
pub fn decode(bytes: &[u8]) -> Result<RuleSet, String> {
    serde_json::from_slice(bytes).map_err(|e| format!("the compiled rules cannot be read: {e}"))
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
