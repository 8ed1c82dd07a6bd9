//! The rules' version: a short, stable hash of their compiled bytes, carried by every answer as
//! an execution receipt. Hashing only; what is hashed is the caller's choice.

/// A short, stable hash of bytes (FNV-1a, 64 bit), for the rules' version.
pub fn hash(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}
