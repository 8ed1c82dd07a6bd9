//! The engine on arbitrary cases over the project's rules: any kommun, any date from year 1 to
//! 9999, any inputs known or not — from byte 10 on also the kind of aid, a temporary stay in any
//! kommun and inputs declared unknown ("Vet inte"); `resolve`, the explanation and its JSON (an
//! answer depends exactly when it has branches), `decide` for complete cases, and now and then a
//! kommun's matrix. Nothing may panic, and the JSON must be valid.
#![no_main]

mod common;

use ansvarskollen::engine::{Aid, Case, Date, Duration, Housing, Input, Lang, Need, Resolution, Vocab, decide, matrix, resolve};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() < 10 {
        return;
    }
    let rules = common::rules();
    let k = &rules.kommuner[usize::from(u16::from_le_bytes([data[0], data[1]])) % rules.kommuner.len()];
    let days = i64::from(i32::from_le_bytes([data[2], data[3], data[4], data[5]])) % 3_000_000;
    let mut case = Case::on(Date::from_days(days));
    let known = data[6];
    let pick = |b: u8, n: usize| usize::from(b) % n;
    if known & 1 != 0 {
        case.kommun = Some(k.code.clone());
    }
    if known & 2 != 0 {
        case.need = Some(Need::ALL[pick(data[7], Need::ALL.len())]);
    }
    if known & 4 != 0 {
        case.housing = Some(Housing::ALL[pick(data[8], Housing::ALL.len())]);
    }
    if known & 8 != 0 {
        case.age = Some(data[9] % 131);
    }
    if known & 16 != 0 {
        case.can_visit_clinic = Some(data[7] & 0x80 != 0);
    }
    if known & 32 != 0 {
        case.duration = Some(Duration::ALL[pick(data[8] >> 4, Duration::ALL.len())]);
    }
    // The words of issue 11, from optional bytes (the first seeds are 10 bytes long).
    let more = |i: usize| data.get(i).copied().unwrap_or(0);
    let extra = more(10);
    if extra & 1 != 0 {
        case.aid = Some(Aid::ALL[pick(more(11), Aid::ALL.len())]);
    }
    if extra & 2 != 0 {
        let stay = usize::from(u16::from_le_bytes([more(12), more(13)])) % rules.kommuner.len();
        case.staying_in = Some(rules.kommuner[stay].code.clone());
    }
    for (bit, input) in [(4, Input::Aid), (8, Input::Housing), (16, Input::CanVisitClinic), (32, Input::Duration), (64, Input::Age)] {
        if extra & bit != 0 {
            // Refused for an input every answer needs (the age): the case is left as it was.
            let _ = case.declare_unknown(input);
        }
    }
    let lang = if known & 64 != 0 { Lang::En } else { Lang::Sv };
    if let Ok(Resolution::Answer(a)) = resolve(rules, &case, lang) {
        assert!(a.to_json().starts_with('{') && a.to_json_pretty().ends_with('}'));
        assert!(!a.determined || a.deciding().is_some_and(|d| !d.citations.is_empty()), "determined without a citation");
        assert_eq!(a.depends_on.is_some(), !a.branches.is_empty(), "an answer depends exactly when it has branches");
    }
    if case.facts().is_some() && case.kommun.is_some() {
        let _ = decide(rules, &case, lang);
    }
    if known & 128 != 0 && data[9] == 0 {
        let _ = matrix(rules, &k.code, case.date);
    }
});
