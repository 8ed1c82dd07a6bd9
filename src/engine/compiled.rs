//! The compiled form of the rules: what `ansvarskollen compile` writes and the browser reads.
//!
//! A small binary format, written and read by hand so the browser bundle needs neither a TOML nor
//! a JSON parser (a TOML parser alone adds ~65 KB gzip; serde_json's generic readers most of the
//! rest). Layout: a 4-byte tag naming the content (`AKC1` core, `AKR1` region part, `AKV1`
//! coverage) followed by the values in declaration order; integers are LEB128 varints, strings
//! are a length and UTF-8, dates are days since 1970-01-01 (zig-zag), options and lists carry a
//! count. Rules are split so a browser downloads only what it needs: a *core* (national rules,
//! the kommun register, every region's names) and one *part* per region (its rules, notes and
//! documents), added with [`RuleSet::add_region`] when a kommun of that region is chosen.

use super::coverage::RegionCoverage;
use super::date::Date;
use super::ruleset::{
    Applies, Citation, Conditions, Contacts, Document, FormerMember, FormerName, Kommun, Note, Region, Rule, RuleSet,
    Text, Window,
};
use super::vocab::{Set, Vocab};

const CORE: &[u8; 4] = b"AKC1";
const PART: &[u8; 4] = b"AKR1";
const COVERAGE: &[u8; 4] = b"AKV1";

/// Writes values to bytes.
#[derive(Default)]
pub struct Writer(pub Vec<u8>);

/// Reads values from bytes; every read checks bounds.
pub struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

/// Why bytes are not compiled rules.
pub type Error = String;

impl Writer {
    pub fn uint(&mut self, mut v: u64) {
        loop {
            let byte = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.0.push(byte);
                return;
            }
            self.0.push(byte | 0x80);
        }
    }
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, pos: 0 }
    }

    pub fn uint(&mut self) -> Result<u64, Error> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = *self.bytes.get(self.pos).ok_or("the compiled rules end too early")?;
            self.pos += 1;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err("a number in the compiled rules is too long".into())
    }

    fn take(&mut self, n: usize) -> Result<&'a [u8], Error> {
        let end = self.pos.checked_add(n).filter(|e| *e <= self.bytes.len()).ok_or("the compiled rules end too early")?;
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    fn tag(&mut self, tag: &[u8; 4]) -> Result<(), Error> {
        if self.take(4)? == tag {
            Ok(())
        } else {
            Err(format!("not compiled rules of the expected kind ({})", String::from_utf8_lossy(tag)))
        }
    }
}

/// A value with a binary form.
pub trait Bin: Sized {
    fn put(&self, w: &mut Writer);
    fn get(r: &mut Reader<'_>) -> Result<Self, Error>;
}

impl Bin for u64 {
    fn put(&self, w: &mut Writer) {
        w.uint(*self)
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, Error> {
        r.uint()
    }
}

impl Bin for u8 {
    fn put(&self, w: &mut Writer) {
        w.uint(u64::from(*self))
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, Error> {
        u8::try_from(r.uint()?).map_err(|_| "a small number is out of range".into())
    }
}

impl Bin for usize {
    fn put(&self, w: &mut Writer) {
        w.uint(*self as u64)
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, Error> {
        usize::try_from(r.uint()?).map_err(|_| "a count is out of range".into())
    }
}

impl Bin for bool {
    fn put(&self, w: &mut Writer) {
        w.uint(u64::from(*self))
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, Error> {
        Ok(r.uint()? != 0)
    }
}

impl Bin for String {
    fn put(&self, w: &mut Writer) {
        w.uint(self.len() as u64);
        w.0.extend_from_slice(self.as_bytes());
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, Error> {
        let n = usize::get(r)?;
        String::from_utf8(r.take(n)?.to_vec()).map_err(|_| "a text in the compiled rules is not UTF-8".into())
    }
}

impl Bin for Date {
    fn put(&self, w: &mut Writer) {
        let d = self.to_days();
        w.uint(((d << 1) ^ (d >> 63)) as u64);
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, Error> {
        let z = r.uint()?;
        Ok(Date::from_days(((z >> 1) as i64) ^ -((z & 1) as i64)))
    }
}

impl<T: Bin> Bin for Option<T> {
    fn put(&self, w: &mut Writer) {
        match self {
            None => w.uint(0),
            Some(v) => {
                w.uint(1);
                v.put(w)
            }
        }
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, Error> {
        Ok(if bool::get(r)? { Some(T::get(r)?) } else { None })
    }
}

impl<T: Bin> Bin for Vec<T> {
    fn put(&self, w: &mut Writer) {
        w.uint(self.len() as u64);
        for v in self {
            v.put(w);
        }
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, Error> {
        let n = usize::get(r)?;
        // Each value takes at least one byte: a count larger than what is left is corrupt.
        if n > r.bytes.len() - r.pos {
            return Err("a list in the compiled rules is longer than the file".into());
        }
        (0..n).map(|_| T::get(r)).collect()
    }
}

impl<T: Vocab> Bin for Set<T> {
    fn put(&self, w: &mut Writer) {
        w.uint(u64::from(self.bits()))
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, Error> {
        let bits = r.uint()?;
        Ok(T::ALL.iter().copied().filter(|v| bits & (1 << v.index()) != 0).fold(Set::empty(), |s, v| s.with(v)))
    }
}

/// Implements [`Bin`] for vocabulary words by their index.
macro_rules! bin_vocab {
    ($($t:ty),+) => {$(
        impl Bin for $t {
            fn put(&self, w: &mut Writer) {
                w.uint(self.index() as u64)
            }
            fn get(r: &mut Reader<'_>) -> Result<Self, Error> {
                let i = usize::get(r)?;
                <$t as Vocab>::ALL.get(i).copied().ok_or_else(|| format!("unknown {} in the compiled rules", <$t as Vocab>::WHAT))
            }
        }
    )+};
}

bin_vocab!(
    super::vocab::Outcome,
    super::vocab::Confidence,
    super::vocab::Standing
);

/// Implements [`Bin`] for a struct, field by field in the order given.
macro_rules! bin_struct {
    ($($t:ident { $($f:ident),+ $(,)? })+) => {$(
        impl Bin for $t {
            fn put(&self, w: &mut Writer) {
                $(self.$f.put(w);)+
            }
            fn get(r: &mut Reader<'_>) -> Result<Self, Error> {
                Ok($t { $($f: Bin::get(r)?),+ })
            }
        }
    )+};
}

bin_struct! {
    Text { sv, en }
    Document { id, title, url, sfs, publisher, date }
    Citation { doc, section, from, to }
    Conditions { need, housing, duration, can_visit_clinic, age_min, age_max }
    Applies { region, kommuner, when, valid_from, valid_to }
    Rule { id, standing, applies, responsible, confidence, reason, doubt, next, source }
    Note { id, applies, text, source }
    FormerName { name, until }
    FormerMember { kommun, until }
    Region { lan, name, former_names, confidence, summary, open_questions, covered_from, before_coverage, kommun_is_region, former_members, source, file }
    Kommun { code, name, lan, organisation }
    Contacts { kommun, region, not_determined }
    Window { from, to }
    RuleSet { version, window, contacts, documents, regions, kommuner, rules, notes, partial }
    RegionPart { lan, version, source, documents, rules, notes }
}

impl Bin for RegionCoverage {
    fn put(&self, w: &mut Writer) {
        self.lan.put(w);
        self.region.put(w);
        self.confidence.put(w);
        self.file.put(w);
        self.covered_from.put(w);
        self.covered_to.put(w);
        self.hemsjukvard_from.put(w);
        self.hemsjukvard_now.put(w);
        self.rules.put(w);
        self.notes.put(w);
        // Basis points: the browser never formats floats (that machinery costs ~15 KB of wasm).
        w.uint((self.determined_share * 10_000.0).round() as u64);
        self.open_questions.put(w);
    }
    fn get(r: &mut Reader<'_>) -> Result<Self, Error> {
        Ok(RegionCoverage {
            lan: Bin::get(r)?,
            region: Bin::get(r)?,
            confidence: Bin::get(r)?,
            file: Bin::get(r)?,
            covered_from: Bin::get(r)?,
            covered_to: Bin::get(r)?,
            hemsjukvard_from: Bin::get(r)?,
            hemsjukvard_now: Bin::get(r)?,
            rules: Bin::get(r)?,
            notes: Bin::get(r)?,
            determined_share: r.uint()? as f64 / 10_000.0,
            open_questions: Bin::get(r)?,
        })
    }
}

fn write<T: Bin>(tag: &[u8; 4], value: &T) -> Vec<u8> {
    let mut w = Writer(tag.to_vec());
    value.put(&mut w);
    w.0
}

fn read<T: Bin>(tag: &[u8; 4], bytes: &[u8]) -> Result<T, Error> {
    let mut r = Reader::new(bytes);
    r.tag(tag)?;
    let v = T::get(&mut r)?;
    if r.pos != bytes.len() {
        return Err("the compiled rules have bytes left over".into());
    }
    Ok(v)
}

/// One region's rules, notes and the documents only they cite.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RegionPart {
    pub lan: String,
    /// The version of the whole rule set this part belongs to.
    pub version: String,
    /// The region's own sources (names, members, coverage).
    pub source: Vec<Citation>,
    pub documents: Vec<Document>,
    pub rules: Vec<Rule>,
    pub notes: Vec<Note>,
}

/// Writes a whole rule set, or a core.
pub fn encode(rules: &RuleSet) -> Vec<u8> {
    write(CORE, rules)
}

/// Reads a whole rule set or a core.
pub fn decode(bytes: &[u8]) -> Result<RuleSet, Error> {
    read(CORE, bytes)
}

pub fn encode_part(part: &RegionPart) -> Vec<u8> {
    write(PART, part)
}

pub fn decode_part(bytes: &[u8]) -> Result<RegionPart, Error> {
    read(PART, bytes)
}

pub fn encode_coverage(rows: &Vec<RegionCoverage>) -> Vec<u8> {
    write(COVERAGE, rows)
}

pub fn decode_coverage(bytes: &[u8]) -> Result<Vec<RegionCoverage>, Error> {
    read(COVERAGE, bytes)
}

/// Splits a rule set into its core and one part per region. The core keeps what every page needs
/// (national rules and their documents, the register, region names); a region's own sources go
/// with its part, and summaries and open questions, which only the "Om uppgifterna" page shows,
/// travel in the coverage file.
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
            }
        })
        .collect();
    (core, parts)
}

impl RuleSet {
    /// Adds a region's part to a core. Adding the same region twice changes nothing.
    pub fn add_region(&mut self, part: RegionPart) -> Result<(), Error> {
        if part.version != self.version {
            return Err(format!("region {} belongs to rules version {}, not {}", part.lan, part.version, self.version));
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
        Ok(())
    }

    /// Whether the rules of a region are loaded.
    pub fn has_region(&self, lan: &str) -> bool {
        !self.partial.iter().any(|l| l == lan)
    }
}

/// A short, stable hash of bytes (FNV-1a, 64 bit), for the rules' version.
pub fn hash(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varints_and_dates_round_trip() {
        for v in [0u64, 1, 127, 128, 300, u32::MAX as u64, u64::MAX] {
            let mut w = Writer::default();
            w.uint(v);
            assert_eq!(Reader::new(&w.0).uint().unwrap(), v);
        }
        for d in ["0001-01-01", "1969-12-31", "1970-01-01", "2012-09-01", "9999-12-31"] {
            let d = Date::parse(d).unwrap();
            let mut w = Writer::default();
            d.put(&mut w);
            assert_eq!(Date::get(&mut Reader::new(&w.0)).unwrap(), d);
        }
    }

    #[test]
    fn corrupt_input_is_an_error_not_a_panic() {
        assert!(decode(b"").is_err());
        assert!(decode(b"AKR1").is_err());
        assert!(decode(b"AKC1\xff\xff\xff").is_err());
        assert!(decode_part(b"AKR1\x05ab").is_err());
        let mut long = b"AKC1".to_vec();
        long.extend([0x80; 20]);
        assert!(decode(&long).is_err());
    }
}
