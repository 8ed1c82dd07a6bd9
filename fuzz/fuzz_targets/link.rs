//! The URL hash and the case words: `Flow::apply_params`, `Flow::follow_link`, `State::new` with a
//! link, and `Case::set_word` for every input (with `unknown`, the aid and a stay, `staying_in`,
//! resolved). Nothing a link says may panic or hang.
#![no_main]

mod common;

use ansvarskollen::engine::{Case, Date, Input, Vocab};
use ansvarskollen::ui::flow::{Flow, decode_component};
use ansvarskollen::ui::state::{Start, State};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let rules = common::rules();
    let text = String::from_utf8_lossy(data);
    let date = Date::parse("2024-05-02").unwrap();
    let mut flow = Flow::new(date);
    let _ = flow.apply_params(&text, rules);
    let _ = flow.screen(rules, ansvarskollen::engine::Lang::Sv);
    let _ = flow.to_params();
    let _ = flow.follow_link(&text, rules);
    let _ = decode_component(&text);
    let start = Start { date, lang: "sv", kommun: None, lan: Some("19"), hash: Some(&text), kommun_text: &text, submitted: true };
    let _ = State::new(&start, Some(rules));
    let mut case = Case::on(date);
    let mut words = text.split('&');
    for (input, word) in Input::ALL.iter().zip(words.by_ref()) {
        let _ = case.set_word(*input, word);
    }
    // A stay named in the link, and whatever the case words made of it.
    case.staying_in = words.next().map(str::to_string);
    let _ = ansvarskollen::engine::resolve(rules, &case, ansvarskollen::engine::Lang::Sv);
});
