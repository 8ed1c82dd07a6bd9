//! The compiled rules behind their integrity check: arbitrary bytes as a core (`decode`), as each
//! region's part (`add_region_bytes`) and as the English part (`read_english`). Bytes that are not
//! exactly a real part must be refused; nothing may panic.
#![no_main]

mod common;

use ansvarskollen::engine::RuleSet;
use ansvarskollen::engine::compiled::{self, Compiled};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;

fn compiled() -> &'static (Compiled, RuleSet) {
    static C: OnceLock<(Compiled, RuleSet)> = OnceLock::new();
    C.get_or_init(|| {
        let c = compiled::compile(common::rules(), &["a word"]);
        let core = compiled::decode(&c.core).expect("the core decodes");
        (c, core)
    })
}

fuzz_target!(|data: &[u8]| {
    let (c, core) = compiled();
    if let Ok(rules) = compiled::decode(data) {
        assert!(data == c.core || data == c.whole, "a core that is not ours was accepted");
        let _ = rules.version;
    }
    let lan = &c.parts[usize::from(data.first().copied().unwrap_or(0)) % c.parts.len()].0;
    let mut rules = core.clone();
    if rules.add_region_bytes(lan, data).is_ok() {
        let real = &c.parts.iter().find(|(l, _)| l == lan).unwrap().1;
        assert!(data == &real[..], "a part that is not region {lan}'s was accepted");
    }
    if let Ok(part) = core.read_english(data) {
        assert!(data == c.english, "an English part that is not ours was accepted");
        rules.add_english(part.texts).expect("our English part fits our core");
    }
});
