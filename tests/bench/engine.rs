//! Engine speed, native (criterion): deciding one case (the hot path, and with the full explained
//! answer), resolving a partial case, and the exhaustive check of every rule of every region.
//! `make perf` reads the medians from target/criterion into the performance report.

use ansvarskollen::engine::{Aid, Case, Context, Date, Duration, Facts, Housing, Input, Lang, Need, Stay, check, decide, resolve};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::path::Path;

fn rules() -> ansvarskollen::engine::RuleSet {
    let loaded = ansvarskollen::rules::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("rules"));
    assert!(!loaded.has_errors(), "the rules have errors");
    loaded.rules
}

fn benches(c: &mut Criterion) {
    let rules = rules();
    let date = Date::parse("2024-05-02").unwrap();
    let facts = Facts {
        need: Need::Nursing,
        aid: Aid::Everyday,
        housing: Housing::Ordinary,
        age: 79,
        can_visit_clinic: false,
        duration: Duration::Long,
        stay: Stay::Home,
    };
    let case = Case::complete(date, "1980", facts);

    let ctx = Context::new(&rules, "1980", date).unwrap();
    c.bench_function("verdict (kommun and date fixed)", |b| b.iter(|| ctx.verdict(black_box(&facts))));
    c.bench_function("decide one case (answer with explanation)", |b| b.iter(|| decide(&rules, black_box(&case), Lang::Sv).unwrap()));

    let mut partial = Case::on(date);
    partial.set_word(Input::Kommun, "1980").unwrap();
    partial.set_word(Input::Need, "nursing").unwrap();
    partial.set_word(Input::Housing, "ordinary").unwrap();
    c.bench_function("resolve a partial case (what is still needed)", |b| b.iter(|| resolve(&rules, black_box(&partial), Lang::Sv).unwrap()));

    let mut group = c.benchmark_group("check");
    group.sample_size(10);
    group.bench_function("exhaustive check of all rules of all regions", |b| b.iter(|| check::run(black_box(&rules))));
    group.finish();
}

criterion_group!(engine, benches);
criterion_main!(engine);
