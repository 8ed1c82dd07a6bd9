use ansvarskollen::engine::{Aid, Case, Date, Duration, Facts, Housing, Lang, Need, Stay, decide};
fn main() {
    let n: usize = std::env::args().nth(1).unwrap().parse().unwrap();
    let rules = ansvarskollen::rules::load(std::path::Path::new("rules")).rules;
    let date = Date::parse("2024-05-02").unwrap();
    let facts = Facts { need: Need::Nursing, aid: Aid::Everyday, housing: Housing::Ordinary, age: 79, can_visit_clinic: false, duration: Duration::Long, stay: Stay::Home };
    let case = Case::complete(date, "1980", facts);
    let mut k = 0;
    for _ in 0..n { k += decide(&rules, std::hint::black_box(&case), Lang::Sv).unwrap().reasons.len(); }
    println!("{k}");
}
