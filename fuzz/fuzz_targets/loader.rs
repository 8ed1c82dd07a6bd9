//! The TOML rules loader (`rules::load_files`, in memory), without the exhaustive check: the input
//! is `national.toml`, then, after a line `%%`, one region file, with a small fixed register.
//! Every input must give diagnostics or rules, never a panic; accepted rules must compile and
//! decode back to themselves.
#![no_main]

use ansvarskollen::engine::compiled;
use libfuzzer_sys::fuzz_target;

const REGISTER: &str = "kommunkod,kommun,lanskod,lan,region\n0101,Alfa,01,Ett län,Region Ett\n0102,Beta,01,Ett län,Region Ett\n";

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let (national, region) = text.split_once("\n%%\n").unwrap_or((text, ""));
    let loaded = ansvarskollen::rules::load_files(REGISTER, national, &[("01-ett.toml", region)]);
    let _ = ansvarskollen::rules::render(&loaded.diags, &loaded.sources, false);
    if !loaded.has_errors() {
        let bytes = compiled::encode(&loaded.rules);
        assert!(compiled::decode(&bytes).expect("accepted rules compile") == loaded.rules);
    }
});
