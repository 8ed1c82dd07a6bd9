//! Issue 10, finding 2: a corrupted, swapped or stale part of the compiled rules never yields an
//! answer. Of 25,840 single-bit flips of `regions/19.bin`, 17 % were once rejected and 152 changed
//! who is responsible; now every flip, every swapped part and every part of another version is
//! refused (with the right `IntegrityError`), and the core checks its own digest.

mod common;

use ansvarskollen::engine::compiled::{self, Compiled, IntegrityError};
use ansvarskollen::engine::{Aid, Case, Date, Duration, Facts, Housing, Lang, Need, RuleSet, Stay, resolve};
use proptest::prelude::*;
use std::sync::OnceLock;

/// The project's rules compiled as `ansvarskollen compile` writes them.
fn compiled() -> &'static Compiled {
    static C: OnceLock<Compiled> = OnceLock::new();
    C.get_or_init(|| compiled::compile(&common::rules().rules, &[]))
}

/// The decoded core, before any part is added (decoded once, cloned for each test).
fn core() -> RuleSet {
    static CORE: OnceLock<RuleSet> = OnceLock::new();
    CORE.get_or_init(|| compiled::decode(&compiled().core).expect("the core decodes")).clone()
}

fn part(lan: &str) -> &'static [u8] {
    &compiled().parts.iter().find(|(l, _)| l == lan).expect("a part per region").1
}

/// Västerås, an adult at home who cannot get to the vårdcentral: "Kommunen ansvarar".
fn vasteras() -> Case {
    let f = Facts { need: Need::Nursing, aid: Aid::Everyday, housing: Housing::Ordinary, age: 79, can_visit_clinic: false, duration: Duration::Long, stay: Stay::Home };
    Case::complete(Date::parse("2024-05-02").unwrap(), "1980", f)
}

/// Adds `bytes` as region 19's part to a fresh core; asserts that it is refused and that the
/// core then still gives no answer for Västerås.
fn refused(bytes: &[u8]) -> IntegrityError {
    static CORE: OnceLock<RuleSet> = OnceLock::new();
    let before = CORE.get_or_init(core);
    let mut core = before.clone();
    let err = core.add_region_bytes("19", bytes).expect_err("damaged bytes must be refused");
    assert!(core == *before, "a refused part changed the rules");
    assert!(resolve(&core, &vasteras(), Lang::Sv).is_err(), "an answer from a refused part");
    err
}

/// A small deterministic generator (xorshift64*), for reproducible samples.
struct Rng(u64);

impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) % n as u64) as usize
    }
}

#[test]
fn the_intact_parts_load_and_answer() {
    let mut core = core();
    assert!(resolve(&core, &vasteras(), Lang::Sv).is_err(), "no answer before the part is loaded");
    for (lan, bytes) in &compiled().parts {
        core.add_region_bytes(lan, bytes).unwrap();
    }
    assert!(core.partial.is_empty());
    let whole = &common::rules().rules;
    assert_eq!(resolve(&core, &vasteras(), Lang::Sv).unwrap(), resolve(whole, &vasteras(), Lang::Sv).unwrap());
    // Loading a region twice changes nothing.
    let again = core.clone();
    core.add_region_bytes("19", part("19")).unwrap();
    assert!(core == again);
}

/// Why a flipped part is refused: damaged, as a rule; a flip in the 4-byte tag makes it "not
/// rules" and one in the version string "another version" — refused all the same.
fn flip_refusal(err: &IntegrityError, bit: usize) -> bool {
    match err {
        IntegrityError::NotRules => bit < 32,
        IntegrityError::Damaged | IntegrityError::WrongVersion => true,
        _ => false,
    }
}

/// Every single-bit flip of Västmanland's part (all of them, not a sample) is refused.
#[test]
fn every_single_bit_flip_of_a_part_is_refused() {
    let bytes = part("19");
    let mut flipped = bytes.to_vec();
    for bit in 0..bytes.len() * 8 {
        flipped[bit / 8] ^= 1 << (bit % 8);
        let err = refused(&flipped);
        assert!(flip_refusal(&err, bit), "bit {bit}: {err:?}");
        flipped[bit / 8] ^= 1 << (bit % 8);
    }
}

/// Every region's part, in every bit of its first 256 bytes (tag, länskod, version, the first
/// texts), and a seeded sample of 500 bits of the rest.
#[test]
fn bit_flips_of_every_part_are_refused() {
    let mut rng = Rng(0x5eed_1010);
    for (lan, bytes) in &compiled().parts {
        let mut core = core();
        let mut flipped = bytes.to_vec();
        let bits: Vec<usize> = (0..bytes.len().min(256) * 8).chain((0..500).map(|_| rng.below(bytes.len() * 8))).collect();
        for bit in bits {
            flipped[bit / 8] ^= 1 << (bit % 8);
            let err = core.add_region_bytes(lan, &flipped).expect_err("refused");
            assert!(flip_refusal(&err, bit), "{lan}.bin bit {bit}: {err:?}");
            flipped[bit / 8] ^= 1 << (bit % 8);
        }
        assert!(!core.has_region(lan));
    }
}

/// Serving one region's part as another's (01.bin at regions/19.bin once merged Stockholm's rules
/// in) is refused, naming both.
#[test]
fn a_swapped_part_is_refused() {
    for (lan, bytes) in &compiled().parts {
        if lan != "19" {
            assert_eq!(refused(bytes), IntegrityError::WrongRegion { requested: "19".into(), found: lan.clone() });
        }
    }
    assert_eq!(core().add_region_bytes("99", part("19")), Err(IntegrityError::UnknownRegion("99".into())));
    // Preloading without naming the region (the wasm export `load_region(bytes)`): the digest names it.
    let mut c = core();
    assert_eq!(c.add_any_region_bytes(part("19")), Ok("19".to_string()));
    assert!(c.has_region("19"));
    let mut damaged = part("01").to_vec();
    damaged[100] ^= 4;
    assert_eq!(core().add_any_region_bytes(&damaged), Err(IntegrityError::Damaged));
    assert_eq!(refused(&compiled().core), IntegrityError::NotRules, "a core is not a part");
    assert_eq!(refused(b"<!doctype html><title>404</title>"), IntegrityError::NotRules);
    assert_eq!(refused(b""), IntegrityError::NotRules);
}

/// A part of another version of the rules (a cache from before an update) is refused as such.
#[test]
fn a_part_of_another_version_is_refused() {
    let mut other = common::rules().rules.clone();
    let rule = other.rules.iter_mut().find(|r| r.id == "vastmanland.hemsjukvard").unwrap();
    rule.reason.sv.push_str(" Ändrad.");
    other.version = compiled::hash(&compiled::encode(&other));
    let stale = compiled::compile(&other, &[]);
    let bytes = &stale.parts.iter().find(|(l, _)| l == "19").unwrap().1;
    assert_eq!(refused(bytes), IntegrityError::WrongVersion);
}

/// The core carries its own digest: any flip, a cut or an extra byte is refused.
#[test]
fn the_core_checks_its_own_digest() {
    let bytes = &compiled().core;
    let mut rng = Rng(0xc0de_0010);
    let mut flipped = bytes.clone();
    let bits: Vec<usize> = (0..2000 * 8).chain((0..3000).map(|_| rng.below(bytes.len() * 8))).collect();
    for bit in bits {
        flipped[bit / 8] ^= 1 << (bit % 8);
        let err = compiled::decode(&flipped).expect_err("refused");
        assert!(err == IntegrityError::Damaged || (bit < 32 && err == IntegrityError::NotRules), "core bit {bit}: {err:?}");
        flipped[bit / 8] ^= 1 << (bit % 8);
    }
    assert_eq!(compiled::decode(&bytes[..bytes.len() - 1]), Err(IntegrityError::Damaged));
    let mut longer = bytes.clone();
    longer.push(0);
    assert_eq!(compiled::decode(&longer), Err(IntegrityError::Damaged));
    assert_eq!(compiled::decode(part("19")), Err(IntegrityError::NotRules), "a part is not a core");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// A corrupted part never yields an answer: any set of byte changes, a cut, or bytes added.
    #[test]
    fn a_corrupted_part_never_yields_an_answer(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), 1u8..=255), 1..8),
        cut in proptest::option::of(any::<prop::sample::Index>()),
        extra in proptest::collection::vec(any::<u8>(), 0..3),
        lan in 0..21usize,
    ) {
        let (lan, bytes) = &compiled().parts[lan];
        let mut b = bytes.clone();
        for (i, x) in &edits {
            let at = i.index(b.len());
            b[at] ^= x;
        }
        if let Some(c) = cut {
            b.truncate(c.index(b.len()));
        }
        b.extend(&extra);
        prop_assume!(b != *bytes);
        let mut core = core();
        prop_assert!(core.add_region_bytes(lan, &b).is_err());
        prop_assert!(!core.has_region(lan));
    }
}

/// The compiled form carries the finer model's fields (issue 11: a rule's kinds of aid, stays and
/// performer, a kommun's one body), and the digests (issue 10) cover them: a part re-encoded with
/// only one of them changed — same region, same version — is refused as damaged.
#[test]
fn the_digests_cover_the_finer_models_fields() {
    use ansvarskollen::engine::{Aid, Outcome, Responsible, Standing::*, Stay};
    use common::tiny::{RuleExt, Scoped, Tiny, rule};
    let rules = Tiny::new()
        .region("01", "Region Ett")
        .kommun("0101", "Alfa", "01")
        .one_body("0101", "Förbundet", Some("2006-01-01"), None)
        .rule(rule("default", None, Default, Outcome::Region))
        .rule(
            rule("ett.aid", Some("01"), Agreement, Outcome::Kommun)
                .need(&[Need::AssistiveDevices])
                .aid(&[Aid::Everyday])
                .stay(&[Stay::Home])
                .performed_by(Responsible::Region),
        )
        .build();
    let c = compiled::compile(&rules, &[]);
    let mut core = compiled::decode(&c.core).unwrap();
    assert_eq!(core.kommun("0101").unwrap().one_body, rules.kommun("0101").unwrap().one_body);
    core.add_region_bytes("01", &c.parts[0].1).unwrap();
    assert_eq!(core.rules.iter().find(|r| r.id == "ett.aid"), rules.rules.iter().find(|r| r.id == "ett.aid"));
    let (_, parts) = compiled::split(&rules);
    let edits: [fn(&mut ansvarskollen::engine::Rule); 3] = [
        |r| r.applies.when.aid = r.applies.when.aid.with(Aid::Sensory),
        |r| r.applies.when.stay = r.applies.when.stay.with(Stay::VisitingHomeKommun),
        |r| r.performed_by = None,
    ];
    for (i, edit) in edits.iter().enumerate() {
        let mut part = parts[0].clone();
        edit(part.rules.iter_mut().find(|r| r.id == "ett.aid").unwrap());
        let bytes = compiled::encode_part(&part);
        assert_ne!(bytes, c.parts[0].1, "edit {i} changes the bytes");
        let mut core = compiled::decode(&c.core).unwrap();
        assert_eq!(core.add_region_bytes("01", &bytes), Err(IntegrityError::Damaged), "edit {i}");
    }
    // The core seals the register: a flip anywhere in the one body's name is refused.
    let name = "Förbundet".as_bytes();
    let at = c.core.windows(name.len()).position(|w| w == name).expect("the name is in the core");
    let mut flipped = c.core.clone();
    flipped[at + 1] ^= 1;
    assert_eq!(compiled::decode(&flipped), Err(IntegrityError::Damaged));
}

/// Issue 15, English on demand: the core carries no English; its English part (`en.bin`) is added
/// only with the digest the core records, whether before or after region parts, and then the
/// answers in English are the whole rule set's.
#[test]
fn the_english_part_is_checked_and_completes_the_core() {
    let english = &compiled().english;
    let mut core = core();
    assert!(!core.has_english());
    assert!(core.rules.iter().all(|r| r.reason.en.is_empty()), "the core carries no English");
    // A region first, then English, then the other regions: the order does not matter.
    core.add_region_bytes("19", part("19")).unwrap();
    let part_en = core.read_english(english).unwrap();
    core.add_english(part_en.texts).unwrap();
    assert!(core.has_english());
    for (lan, bytes) in &compiled().parts {
        core.add_region_bytes(lan, bytes).unwrap();
    }
    let whole = &common::rules().rules;
    assert_eq!(resolve(&core, &vasteras(), Lang::En).unwrap(), resolve(whole, &vasteras(), Lang::En).unwrap());
    for r in &whole.rules {
        let mine = core.rules.iter().find(|m| m.id == r.id).unwrap();
        assert_eq!((&mine.reason, &mine.doubt, &mine.next), (&r.reason, &r.doubt, &r.next), "{}", r.id);
    }
    assert_eq!(core.contacts, whole.contacts);
    for n in &whole.notes {
        assert_eq!(core.notes.iter().find(|m| m.id == n.id).unwrap().text, n.text, "{}", n.id);
    }
    // Adding it again changes nothing.
    let again = core.clone();
    core.add_english(core.read_english(english).map(|p| p.texts).unwrap_or_default()).unwrap();
    assert!(core == again);
}

#[test]
fn a_damaged_or_stale_english_part_is_refused() {
    let english = &compiled().english;
    let core = core();
    let mut rng = Rng(0xe5_0015);
    for _ in 0..2000 {
        let bit = rng.below(english.len() * 8);
        let mut b = english.clone();
        b[bit / 8] ^= 1 << (bit % 8);
        let err = core.read_english(&b).expect_err("a flipped English part is refused");
        // As with a region part: a flip in the tag is "not rules", one in the version "another version".
        let version_end = (4 + 1 + core.version.len()) * 8;
        let expected = if bit < 32 { IntegrityError::NotRules } else if bit < version_end { IntegrityError::WrongVersion } else { IntegrityError::Damaged };
        assert!(err == expected || err == IntegrityError::Damaged, "bit {bit}: {err:?}");
    }
    assert_eq!(core.read_english(&english[..english.len() - 1]).unwrap_err(), IntegrityError::Damaged);
    assert_eq!(core.read_english(part("19")).unwrap_err(), IntegrityError::NotRules, "a region part is not English");
    assert_eq!(core.read_english(&compiled().core).unwrap_err(), IntegrityError::NotRules);
    // Another version's English.
    let mut other = common::rules().rules.clone();
    other.rules[0].reason.en.push_str(" Changed.");
    other.version = compiled::hash(&compiled::encode(&other));
    assert_eq!(core.read_english(&compiled::compile(&other, &[]).english).unwrap_err(), IntegrityError::WrongVersion);
    // The right bytes with one text too few or too many (a compiler out of step) change nothing.
    let texts = core.read_english(english).unwrap().texts;
    for wrong in [texts[1..].to_vec(), [texts.clone(), vec![String::new()]].concat()] {
        let mut c = core.clone();
        assert_eq!(c.add_english(wrong), Err(IntegrityError::Damaged));
        assert!(c == core);
    }
}
