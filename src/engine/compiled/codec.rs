//! The codec: serde derive on the compiled types (`ruleset.rs`, [`RegionPart`](super::RegionPart))
//! and postcard's compact format — LEB128 varints, length-prefixed UTF-8 strings, options and
//! lists with a count, structs field by field in declaration order. The few types that are not
//! plain data are written here by hand: dates as days since 1970-01-01 (a zig-zag varint),
//! vocabulary words by their index, sets of words as a bit mask. Corrupt bytes are an error,
//! never a panic. It encodes values; what is in a file (the tags, core and parts) is `mod.rs`'s.

use super::Error;
use crate::engine::date::Date;
use crate::engine::vocab::{Confidence, Outcome, Responsible, Set, Standing, Vocab};
use serde::de::{self, Deserialize, Deserializer};
use serde::ser::{Serialize, Serializer};

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i64(self.to_days())
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        i64::deserialize(d).map(Date::from_days)
    }
}

impl<T: Vocab> Serialize for Set<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u16(self.bits())
    }
}

impl<'de, T: Vocab> Deserialize<'de> for Set<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let bits = u16::deserialize(d)?;
        Ok(T::ALL.iter().copied().filter(|v| bits & (1 << v.index()) != 0).fold(Set::empty(), |s, v| s.with(v)))
    }
}

/// Vocabulary words by their index (smaller than serde's derive, which also reads their names).
macro_rules! serde_vocab {
    ($($t:ty),+) => {$(
        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_u8(self.index() as u8)
            }
        }

        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let i = u8::deserialize(d)?;
                <$t as Vocab>::ALL.get(usize::from(i)).copied().ok_or_else(|| de::Error::custom(<$t as Vocab>::WHAT))
            }
        }
    )+};
}

serde_vocab!(Outcome, Confidence, Standing, Responsible);

/// The tag, then the value.
pub(super) fn write<T: Serialize>(tag: &[u8; 4], value: &T) -> Vec<u8> {
    // Serialising plain data into a Vec cannot fail.
    postcard::to_extend(value, tag.to_vec()).unwrap_or_default()
}

/// Checks the tag, reads the value and requires that nothing is left over.
pub(super) fn read<T: for<'de> Deserialize<'de>>(tag: &[u8; 4], bytes: &[u8]) -> Result<T, Error> {
    let body = bytes.strip_prefix(tag).ok_or(Error::NotRules)?;
    match postcard::take_from_bytes(body) {
        Ok((value, [])) => Ok(value),
        _ => Err(Error::Damaged),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_sets_round_trip() {
        for d in ["0001-01-01", "1969-12-31", "1970-01-01", "2012-09-01", "9999-12-31"] {
            let d = Date::parse(d).unwrap();
            let bytes = postcard::to_allocvec(&d).unwrap();
            assert_eq!(postcard::from_bytes::<Date>(&bytes).unwrap(), d);
        }
        let s = Set::of(&[crate::engine::vocab::Need::Nursing, crate::engine::vocab::Need::Dental]);
        let bytes = postcard::to_allocvec(&s).unwrap();
        assert_eq!(postcard::from_bytes::<Set<crate::engine::vocab::Need>>(&bytes).unwrap(), s);
        for o in Outcome::ALL {
            assert_eq!(postcard::from_bytes::<Outcome>(&postcard::to_allocvec(o).unwrap()).unwrap(), *o);
        }
        assert!(postcard::from_bytes::<Outcome>(&[3]).is_err());
        for r in Responsible::ALL {
            assert_eq!(postcard::from_bytes::<Responsible>(&postcard::to_allocvec(r).unwrap()).unwrap(), *r);
        }
        let s = Set::of(&[crate::engine::vocab::Stay::Home, crate::engine::vocab::Stay::VisitingHomeUnknown]);
        assert_eq!(postcard::from_bytes::<Set<crate::engine::vocab::Stay>>(&postcard::to_allocvec(&s).unwrap()).unwrap(), s);
    }
}
