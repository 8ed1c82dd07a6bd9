//! The widget's question flow (`ui::flow`) and state (`ui::state`), natively: what is asked, what
//! "Fortsätt", "Tillbaka", "Ändra" and "Börja om" do, the case in the link, the host's presets, and
//! what each action does to the state. The browser tests drive the same through the DOM; these
//! pin the logic without a browser.
//!
//! They run on the frozen fixture rules (`tests/fixtures/rules`: national law, Stockholm and
//! Västmanland), so editing the project's `rules/` never changes them.

mod common;

use ansvarskollen::engine::compiled;
use ansvarskollen::engine::{Date, Input, Lang, Responsible, RuleSet, Vocab};
use ansvarskollen::ui::flow::{Flow, Ignored, Screen, Step, check_age, decode_component};
use ansvarskollen::ui::state::{Action, LoadProblem, MAX_NOTICES, Start, State};

fn rules() -> &'static RuleSet {
    common::fixture_rules()
}

const DAY: &str = "2024-05-02";
const VASTERAS: &str = "1980";
const KOPING: &str = "1983";
const STOCKHOLM: &str = "0180";

fn day() -> Date {
    Date::parse(DAY).unwrap()
}

fn flow() -> Flow {
    Flow::new(day())
}

fn screen(flow: &Flow) -> Screen {
    flow.screen(rules(), Lang::Sv)
}

/// The step the flow asks now; panics on any other screen.
fn asks(flow: &Flow) -> Step {
    match screen(flow) {
        Screen::Ask(step) => step,
        other => panic!("expected a question, got {other:?}"),
    }
}

/// Who the answer names; panics if the flow is not at an answer.
fn responsible(flow: &Flow) -> Option<Responsible> {
    match screen(flow) {
        Screen::Answer(a) => a.responsible,
        other => panic!("expected an answer, got {other:?}"),
    }
}

fn ask(input: Input) -> Step {
    Step::Input(input)
}

/// Answers every question the flow asks from `answers` until it answers; returns the inputs asked.
fn run(flow: &mut Flow, answers: &[(Input, &str)]) -> Vec<Input> {
    let mut asked = Vec::new();
    while let Screen::Ask(Step::Input(input)) = screen(flow) {
        let word = answers.iter().find(|(i, _)| *i == input).unwrap_or_else(|| panic!("asked {input:?}, which should not matter")).1;
        flow.answer(ask(input), word).unwrap();
        asked.push(input);
    }
    asked
}

const HOME_NURSE_ADULT: [(Input, &str); 5] = [
    (Input::Kommun, VASTERAS),
    (Input::Need, "nursing"),
    (Input::Housing, "ordinary"),
    (Input::Age, "79"),
    (Input::CanVisitClinic, "false"),
];

fn keys(ignored: &[Ignored]) -> Vec<&str> {
    ignored.iter().map(|i| i.key.as_str()).collect()
}

fn start<'a>(hash: Option<&'a str>) -> Start<'a> {
    Start { date: day(), lang: "sv", kommun: None, lan: None, hash, kommun_text: "", submitted: false }
}

// --- The flow -------------------------------------------------------------------------------

#[test]
fn asks_only_what_the_engine_still_needs_then_answers() {
    let mut f = flow();
    let asked = run(&mut f, &HOME_NURSE_ADULT);
    assert_eq!(asked, [Input::Kommun, Input::Need, Input::Housing, Input::Age, Input::CanVisitClinic]);
    assert_eq!(responsible(&f), Some(Responsible::Kommun));

    // A physician is the region's everywhere: nothing after the need is asked.
    let mut f = flow();
    assert_eq!(run(&mut f, &[(Input::Kommun, STOCKHOLM), (Input::Need, "physician")]), [Input::Kommun, Input::Need]);
    assert_eq!(responsible(&f), Some(Responsible::Region));

    // In Stockholm the region is responsible at home whatever the age: the age is never asked.
    let mut f = flow();
    let asked = run(&mut f, &[(Input::Kommun, STOCKHOLM), (Input::Need, "nursing"), (Input::Housing, "ordinary")]);
    assert_eq!(asked, [Input::Kommun, Input::Need, Input::Housing]);
    assert_eq!(responsible(&f), Some(Responsible::Region));
}

#[test]
fn a_wrong_word_is_refused_and_changes_nothing() {
    let mut f = flow();
    f.answer(ask(Input::Kommun), VASTERAS).unwrap();
    let before = f.clone();
    let e = f.answer(ask(Input::Need), "surgery").unwrap_err();
    assert!(e.contains("nursing"), "the message names the valid choices: {e}");
    assert!(f.answer(ask(Input::Age), "abc").is_err());
    assert!(f.answer(Step::Date, "2024-02-30").is_err());
    assert_eq!(f, before);
}

#[test]
fn back_forgets_the_last_answer_first() {
    let mut f = flow();
    for (input, word) in &HOME_NURSE_ADULT[..3] {
        f.answer(ask(*input), word).unwrap();
    }
    assert_eq!(asks(&f), ask(Input::Age));
    assert!(f.back());
    assert_eq!(f.case.housing, None);
    assert_eq!(f.case.need.map(|n| n.as_str()), Some("nursing"), "earlier answers are kept");
    assert_eq!(asks(&f), ask(Input::Housing));
    assert!(f.back() && f.back());
    assert_eq!(f.case.kommun, None);
    assert_eq!(asks(&f), ask(Input::Kommun));
    assert!(!f.can_go_back());
    assert!(!f.back(), "nothing to go back to");
}

#[test]
fn back_after_a_changed_answer_forgets_that_answer() {
    let mut f = flow();
    run(&mut f, &HOME_NURSE_ADULT);
    f.change(ask(Input::Need));
    f.answer(ask(Input::Need), "rehabilitation").unwrap();
    assert_eq!(f.order.last(), Some(&Input::Need), "a changed answer is the latest");
    assert!(f.back());
    assert_eq!(f.case.need, None);
    assert_eq!(f.case.age, Some(79));
}

#[test]
fn change_reopens_a_step_and_keeps_every_other_answer() {
    let mut f = flow();
    run(&mut f, &HOME_NURSE_ADULT);
    f.change(ask(Input::Age));
    assert_eq!(asks(&f), ask(Input::Age), "an answered step is shown again");
    f.answer(ask(Input::Age), "15").unwrap();
    assert_eq!(responsible(&f), Some(Responsible::Region), "under 18: the region");
    assert_eq!(f.case.housing.map(|h| h.as_str()), Some("ordinary"));

    // "Tillbaka" from "Ändra" returns to the answer, changing nothing.
    let before = f.case.clone();
    f.change(ask(Input::Housing));
    assert!(f.can_go_back());
    assert!(f.back());
    assert_eq!(f.case, before);
    assert!(matches!(screen(&f), Screen::Answer(_)));

    // The date is reached only through "Ändra".
    f.answer(ask(Input::Age), "79").unwrap();
    assert_eq!(responsible(&f), Some(Responsible::Kommun));
    f.change(Step::Date);
    assert_eq!(asks(&f), Step::Date);
    f.answer(Step::Date, "2011-06-01").unwrap();
    assert_eq!(f.case.date.to_string(), "2011-06-01");
    assert_eq!(responsible(&f), Some(Responsible::Region), "before 2012 the landsting was responsible");
}

#[test]
fn restart_forgets_the_answers_but_not_the_date() {
    let mut f = flow();
    run(&mut f, &HOME_NURSE_ADULT);
    f.case.date = Date::parse("2020-01-01").unwrap();
    f.restart();
    assert_eq!(f.case, ansvarskollen::engine::Case::on(Date::parse("2020-01-01").unwrap()));
    assert!(f.order.is_empty());
    assert_eq!(asks(&f), ask(Input::Kommun));
}

#[test]
fn a_fixed_kommun_is_never_asked_never_cleared() {
    let mut f = flow();
    f.case.kommun = Some(VASTERAS.into());
    f.fixed_kommun = true;
    assert_eq!(asks(&f), ask(Input::Need), "the kommun is not asked");
    assert!(!f.can_go_back());
    f.answer(ask(Input::Need), "nursing").unwrap();
    assert!(f.back());
    assert!(!f.back(), "back stops before the host's kommun");
    assert_eq!(f.case.kommun.as_deref(), Some(VASTERAS));

    // A link cannot move it either (silently: the host chose it).
    let ignored = f.apply_params(&format!("kommun={STOCKHOLM}&need=physician"), rules());
    assert!(ignored.is_empty(), "{ignored:?}");
    assert_eq!(f.case.kommun.as_deref(), Some(VASTERAS));

    run(&mut f, &HOME_NURSE_ADULT);
    f.restart();
    assert_eq!(f.case.kommun.as_deref(), Some(VASTERAS), "restart keeps it");
    assert_eq!(f.case.need, None);
    assert!(!f.can_go_back());
}

#[test]
fn the_case_round_trips_through_link_parameters() {
    let mut f = flow();
    run(&mut f, &HOME_NURSE_ADULT);
    f.answer(ask(Input::Duration), "long").unwrap();
    let params = f.to_params();
    assert_eq!(params, "kommun=1980&need=nursing&housing=ordinary&age=79&can_visit_clinic=false&duration=long&date=2024-05-02");

    let mut g = Flow::new(Date::parse("2000-01-01").unwrap());
    assert!(g.apply_params(&format!("#{params}"), rules()).is_empty());
    assert_eq!(g.case, f.case);
    assert_eq!(responsible(&g), Some(Responsible::Kommun));
    // Every input read from the link counts as answered: "Tillbaka" can forget it.
    assert_eq!(g.order.len(), 6);

    // Names, percent-encoded or not, and a `?` prefix work too; `lang` is the caller's.
    let mut h = flow();
    assert!(h.apply_params("?kommun=V%C3%A4ster%C3%A5s&need=physician&lang=en", rules()).is_empty());
    assert_eq!(h.case.kommun.as_deref(), Some(VASTERAS));
    let mut h = flow();
    assert!(h.apply_params("kommun=koping", rules()).is_empty());
    assert_eq!(h.case.kommun.as_deref(), Some(KOPING));
}

#[test]
fn invalid_and_unknown_parameters_are_ignored_and_reported() {
    let mut f = flow();
    let ignored = f.apply_params("kommun=1980&age=abc&colour=blue&need=surgery&housing=ordinary&date=2024-02-30&kommun=9999", rules());
    assert_eq!(keys(&ignored), ["age", "colour", "need", "date", "kommun"]);
    let reason = |key: &str| ignored.iter().find(|i| i.key == key).unwrap().reason.clone();
    assert_eq!(reason("colour"), "not a question Ansvarskollen asks");
    assert!(reason("need").contains("nursing"), "names the valid choices: {}", reason("need"));
    assert_eq!(ignored[4].value, "9999");
    assert_eq!(reason("kommun"), "no such kommun");
    // What was valid is kept.
    assert_eq!(f.case.kommun.as_deref(), Some(VASTERAS));
    assert_eq!(f.case.housing.map(|h| h.as_str()), Some("ordinary"));
    assert_eq!(f.case.age, None);
    assert_eq!(f.case.date, day());
    assert_eq!(asks(&f), ask(Input::Need));
}

#[test]
fn the_lan_preset_limits_the_kommuner_offered() {
    let rules = rules();
    let mut f = flow();
    let vasteras = rules.kommun(VASTERAS).unwrap();
    let stockholm = rules.kommun(STOCKHOLM).unwrap();
    assert!(f.offers(vasteras) && f.offers(stockholm), "without a preset, every kommun");
    f.lan = Some("19".into());
    assert!(f.offers(vasteras));
    assert!(!f.offers(stockholm));
    assert_eq!(rules.kommuner.iter().filter(|k| f.offers(k)).count(), 10, "Västmanland's ten kommuner");

    let ignored = f.apply_params(&format!("kommun={STOCKHOLM}"), rules);
    assert_eq!(ignored, [Ignored { key: "kommun".into(), value: STOCKHOLM.into(), reason: "not in the län this widget is for".into() }]);
    assert_eq!(f.case.kommun, None);
    assert!(f.apply_params(&format!("kommun={KOPING}"), rules).is_empty());
    assert_eq!(f.case.kommun.as_deref(), Some(KOPING));
}

#[test]
fn a_region_s_rules_are_loaded_before_its_questions() {
    let (mut core, parts) = compiled::split(rules());
    let mut f = flow();
    f.answer(ask(Input::Kommun), VASTERAS).unwrap();
    assert_eq!(f.screen(&core, Lang::Sv), Screen::Load("19".into()));
    core.add_region(parts.into_iter().find(|p| p.lan == "19").unwrap()).unwrap();
    assert_eq!(f.screen(&core, Lang::Sv), Screen::Ask(ask(Input::Need)));
}

#[test]
fn link_words_are_percent_decoded() {
    assert_eq!(decode_component("V%C3%A4ster%C3%A5s"), "Västerås");
    assert_eq!(decode_component("Upplands+V%C3%A4sby"), "Upplands Väsby");
    assert_eq!(decode_component("100%zz"), "100%zz", "an invalid escape stays as typed");
    assert_eq!(decode_component("50%"), "50%");
}

#[test]
fn a_typed_age_is_checked() {
    assert_eq!(check_age(" 79 "), Ok(79));
    assert!(check_age("abc").is_err());
    assert!(check_age("-1").is_err());
    assert!(check_age("131").unwrap_err().contains("130"), "says the valid range");
}

// --- The state ------------------------------------------------------------------------------

#[test]
fn a_widget_starts_from_the_host_s_configuration() {
    let rules = Some(rules());
    let s = State::new(&start(None), rules);
    assert_eq!((s.lang, s.interacted, s.rules_rev), ("sv", false, 0));
    assert_eq!(s.flow, flow());
    assert!(s.notices.is_empty() && s.status.is_none() && s.load_error.is_none());

    let s = State::new(&Start { lang: "en", kommun: Some("västerås"), lan: Some("19"), ..start(None) }, rules);
    assert_eq!(s.lang, "en");
    assert_eq!(s.flow.case.kommun.as_deref(), Some(VASTERAS), "the kommun preset, by name");
    assert!(s.flow.fixed_kommun);
    assert_eq!(s.flow.lan.as_deref(), Some("19"));

    let s = State::new(&Start { lang: "xx", kommun: Some("Atlantis"), lan: Some("99"), ..start(None) }, rules);
    assert_eq!(s.lang, "sv", "an unknown language falls back to Swedish");
    assert!(!s.flow.fixed_kommun && s.flow.case.kommun.is_none(), "an unknown kommun is no preset");
    assert_eq!(s.flow.lan, None, "an unknown län is no preset");

    // No rules yet (the page mounted too early): an empty flow on the date.
    let s = State::new(&Start { kommun: Some(VASTERAS), ..start(Some("need=physician")) }, None);
    assert_eq!(s.flow, flow());
}

#[test]
fn the_standalone_page_starts_from_its_link() {
    let rules = Some(rules());
    let s = State::new(&start(Some("kommun=1980&need=physician&colour=blue&lang=en")), rules);
    assert_eq!(s.flow.case.kommun.as_deref(), Some(VASTERAS));
    assert_eq!(s.lang, "en", "the link's language wins over the host's");
    assert_eq!(keys(&s.notices), ["colour"]);
    assert!(!s.interacted, "opening a link is not acting");

    // An embedded widget leaves the page's URL alone.
    let s = State::new(&start(None), rules);
    assert_eq!(s.flow.case.kommun, None);
}

#[test]
fn a_kommun_typed_before_the_engine_was_ready_is_taken_over() {
    let rules = Some(rules());
    let typed = |text, submitted, lan| State::new(&Start { kommun_text: text, submitted, lan, ..start(None) }, rules);
    let s = typed("köping", true, None);
    assert_eq!(s.flow.case.kommun.as_deref(), Some(KOPING));
    assert_eq!(s.flow.order, [Input::Kommun], "an answer: Tillbaka can forget it");
    assert!(s.interacted, "the person pressed Fortsätt: focus follows");
    assert!(typed("köping", false, None).flow.case.kommun.is_none(), "only when Fortsätt was pressed");
    let s = typed("köp", true, None);
    assert!(s.flow.case.kommun.is_none() && !s.interacted, "a text naming no kommun is left to the picker");
    assert!(typed("Stockholm", true, Some("19")).flow.case.kommun.is_none(), "outside the län preset");
}

#[test]
fn each_action_changes_what_it_says() {
    let rules = rules();
    let base = State::new(&start(Some("kommun=1980&colour=blue")), Some(rules));
    let applied = |s: &State, action: Action| {
        let mut s = s.clone();
        s.apply(action, rules);
        s
    };

    let s = applied(&base, Action::Answer(ask(Input::Need), "nursing".into()));
    assert_eq!(s.flow.case.need.map(|n| n.as_str()), Some("nursing"));
    assert!(s.interacted);
    assert!(s.notices.is_empty(), "an answer clears the notices");
    let refused = applied(&base, Action::Answer(ask(Input::Need), "surgery".into()));
    assert_eq!(refused.flow, base.flow, "a wrong word changes no answer");

    let s = applied(&s, Action::Back);
    assert_eq!(s.flow.case.need, None);
    assert!(s.interacted);

    let s = applied(&base, Action::Change(ask(Input::Kommun)));
    assert_eq!(s.flow.editing, Some(ask(Input::Kommun)));
    assert!(s.interacted);

    let s = applied(&base, Action::Restart);
    assert_eq!(s.flow.case.kommun, None);
    assert!(s.interacted);

    let s = applied(&base, Action::Lang("en"));
    assert_eq!(s.lang, "en");
    assert!(s.interacted);

    let s = applied(&base, Action::RulesLoaded);
    assert_eq!(s.rules_rev, base.rules_rev + 1);
    assert!(!s.interacted, "rules arriving is not the person acting");

    let s = applied(&base, Action::LoadFailed(LoadProblem::Refused));
    assert_eq!(s.load_error, Some(LoadProblem::Refused));
    assert!(!s.interacted);
    let s = applied(&s, Action::Retry);
    assert_eq!(s.load_error, None, "Försök igen clears the problem");
    assert_eq!(s.load_attempt, base.load_attempt + 1, "and asks for a fresh fetch");

    let s = applied(&base, Action::Status("Länken är kopierad".into()));
    assert_eq!(s.status.as_deref(), Some("Länken är kopierad"));
    assert!(!s.interacted);
    let s = applied(&s, Action::RulesLoaded);
    assert_eq!(s.status, None, "any next action clears the status");
}

#[test]
fn a_new_link_replaces_the_case_but_keeps_the_presets() {
    let rules = rules();
    let mut s = State::new(&Start { kommun: Some(VASTERAS), lan: Some("19"), ..start(None) }, Some(rules));
    s.apply(Action::Answer(ask(Input::Need), "nursing".into()), rules);
    s.apply(Action::Answer(ask(Input::Housing), "ordinary".into()), rules);
    s.flow.case.date = Date::parse("2020-01-01").unwrap();

    s.apply(Action::Hash("need=physician&colour=blue".into()), rules);
    assert_eq!(s.flow.case.kommun.as_deref(), Some(VASTERAS), "the host's kommun stays");
    assert!(s.flow.fixed_kommun);
    assert_eq!(s.flow.lan.as_deref(), Some("19"), "the län preset stays");
    assert_eq!(s.flow.case.need.map(|n| n.as_str()), Some("physician"));
    assert_eq!(s.flow.case.housing, None, "answers not in the link are gone");
    assert_eq!(s.flow.case.date.to_string(), "2020-01-01", "the date stays unless the link has one");
    assert_eq!(keys(&s.notices), ["colour"]);
    assert!(s.interacted);

    s.apply(Action::Hash(String::new()), rules);
    assert_eq!(s.flow.case.need, None, "back to the first page: no answers");
    assert!(s.notices.is_empty());
    assert!(!s.flow.can_go_back());
}

#[test]
fn the_link_carries_the_case_and_a_language_other_than_swedish() {
    let rules = rules();
    let mut s = State::new(&start(Some("kommun=1980&need=physician")), Some(rules));
    assert_eq!(s.link(), "kommun=1980&need=physician&date=2024-05-02");
    s.apply(Action::Lang("en"), rules);
    assert_eq!(s.link(), "kommun=1980&need=physician&date=2024-05-02&lang=en");
    // What the link says, a new widget reads back.
    let t = State::new(&start(Some(&s.link())), Some(rules));
    assert_eq!((t.flow.case, t.lang), (s.flow.case, "en"));
}

/// A link with half a million unknown parameters once froze the tab for 30 s, rendering one notice
/// each: the state keeps at most [`MAX_NOTICES`] and counts the rest, and a link over 4 KB is not
/// read at all.
#[test]
fn a_link_with_very_many_parameters_gives_a_few_notices() {
    let rules = rules();
    // 4 KB of unknown parameters: every one is read, a few are shown, the rest counted.
    let many: String = (0..500).map(|i| format!("x{i}=1&")).collect();
    assert!(many.len() < ansvarskollen::ui::flow::MAX_LINK);
    let s = State::new(&start(Some(&format!("kommun=1980&{many}"))), Some(rules));
    assert_eq!(s.flow.case.kommun.as_deref(), Some(VASTERAS));
    assert_eq!(s.notices.len(), MAX_NOTICES);
    assert_eq!(s.more_notices, 500 - MAX_NOTICES);
    assert_eq!(s.notices[0].key, "x0");

    // Half a million: the link is refused whole, quickly, with one notice.
    let huge: String = "kommun=1980&".to_string() + &"a=1&".repeat(500_000);
    let t = std::time::Instant::now();
    let mut s = State::new(&start(Some(&huge)), Some(rules));
    assert!(t.elapsed().as_secs() < 1, "took {:?}", t.elapsed());
    assert_eq!(s.notices.len(), 1);
    assert_eq!(s.more_notices, 0);
    assert!(s.notices[0].reason.contains("longer than 4096"), "{:?}", s.notices);
    assert_eq!(s.flow.case.kommun, None, "nothing of an over-long link is used");
    s.apply(Action::Hash(huge), rules);
    assert_eq!(s.notices.len(), 1);
    // The same through the flow alone.
    let mut f = flow();
    assert_eq!(f.apply_params(&"b&".repeat(300_000), rules).len(), 1);
}

/// A region part whose bytes were damaged or swapped is refused: the flow stays on "load" (never
/// an answer from them), and the state says which problem it was.
#[test]
fn damaged_region_rules_never_give_an_answer() {
    let c = compiled::compile(rules(), &[]);
    let mut core = compiled::decode(&c.core).unwrap();
    let part = |lan: &str| c.parts.iter().find(|(l, _)| l == lan).unwrap().1.clone();
    let mut f = flow();
    for (input, word) in HOME_NURSE_ADULT {
        let _ = f.answer(ask(input), word);
    }
    assert_eq!(f.screen(&core, Lang::Sv), Screen::Load("19".into()));
    let mut damaged = part("19");
    let last = damaged.len() - 1;
    damaged[last] ^= 1;
    assert_eq!(core.add_region_bytes("19", &damaged), Err(compiled::IntegrityError::Damaged));
    assert_eq!(
        core.add_region_bytes("19", &part("01")),
        Err(compiled::IntegrityError::WrongRegion { requested: "19".into(), found: "01".into() })
    );
    assert_eq!(f.screen(&core, Lang::Sv), Screen::Load("19".into()), "still no answer");
    core.add_region_bytes("19", &part("19")).unwrap();
    assert!(matches!(f.screen(&core, Lang::Sv), Screen::Answer(_)));
}

// --- The words of issue 11: aid, staying_in, "unknown" --------------------------------------

#[test]
fn the_new_link_parameters_round_trip() {
    let link = "kommun=1980&need=assistive_devices&aid=everyday&housing=unknown&age=79&can_visit_clinic=unknown&staying_in=0180&date=2024-05-02";
    let mut f = flow();
    assert!(f.apply_params(link, rules()).is_empty());
    assert_eq!(f.case.aid.map(|a| a.as_str()), Some("everyday"));
    assert!(f.case.unknown.contains(Input::Housing) && f.case.unknown.contains(Input::CanVisitClinic));
    assert_eq!(f.case.staying_in.as_deref(), Some(STOCKHOLM));
    assert_eq!(f.to_params(), link);
    // A stay may be named by name, and outside the widget's län.
    let mut g = flow();
    g.lan = Some("19".into());
    assert!(g.apply_params("kommun=1980&staying_in=Stockholm", rules()).is_empty());
    assert_eq!(g.case.staying_in.as_deref(), Some(STOCKHOLM));
    // "unknown" is refused where every answer needs the input, and for a stay no kommun has.
    let ignored = flow().apply_params("kommun=1980&need=unknown&age=unknown&staying_in=Atlantis", rules());
    assert_eq!(keys(&ignored), ["need", "age", "staying_in"]);
    // A link naming a sub-need of rehabilitation works, and its label is the catalogue's.
    let mut h = flow();
    assert!(h.apply_params("kommun=1980&need=occupational_therapy", rules()).is_empty());
    let cat = ansvarskollen::ui::i18n::catalogue("sv");
    assert_eq!(cat.need(h.case.need.unwrap()).0, "Arbetsterapi");
}

#[test]
fn the_need_question_offers_rehabilitation_and_palliative_care_but_not_the_sub_needs() {
    use ansvarskollen::engine::Need;
    let offered: Vec<Need> = ansvarskollen::ui::flow::offered_needs().collect();
    assert!(offered.contains(&Need::Rehabilitation) && offered.contains(&Need::PalliativeCare));
    assert!(!offered.contains(&Need::OccupationalTherapy) && !offered.contains(&Need::Physiotherapy));
}

#[test]
fn an_input_declared_unknown_is_not_asked_again_and_the_answer_depends() {
    let mut f = flow();
    for (input, word) in [(Input::Kommun, VASTERAS), (Input::Need, "nursing"), (Input::Housing, "ordinary"), (Input::Age, "79")] {
        f.answer(ask(input), word).unwrap();
    }
    assert_eq!(asks(&f), ask(Input::CanVisitClinic));
    f.answer(ask(Input::CanVisitClinic), "unknown").unwrap();
    let Screen::Answer(a) = screen(&f) else { panic!("{:?}", screen(&f)) };
    assert_eq!(a.depends_on, Some(Input::CanVisitClinic));
    let who: Vec<_> = a.branches.iter().map(|b| b.answer.responsible).collect();
    assert_eq!(who, [Some(Responsible::Region), Some(Responsible::Kommun)]);
    assert!(f.to_params().contains("can_visit_clinic=unknown"));
    // "Tillbaka" forgets the "Vet inte" like any answer: the question comes back.
    assert!(f.back());
    assert_eq!(asks(&f), ask(Input::CanVisitClinic));
}

#[test]
fn a_stay_is_offered_on_the_answer_and_loads_the_stay_region_too() {
    let (mut core, parts) = compiled::split(rules());
    let mut f = flow();
    run(&mut f, &HOME_NURSE_ADULT);
    f.change(Step::Stay);
    assert_eq!(asks(&f), Step::Stay);
    f.answer(Step::Stay, STOCKHOLM).unwrap();
    assert_eq!(f.case.staying_in.as_deref(), Some(STOCKHOLM));
    // Both regions' rules, the home's and the stay's, before the answer.
    let part = |lan: &str| parts.iter().find(|p| p.lan == lan).unwrap().clone();
    assert_eq!(f.screen(&core, Lang::Sv), Screen::Load("19".into()));
    core.add_region(part("19")).unwrap();
    assert_eq!(f.screen(&core, Lang::Sv), Screen::Load("01".into()));
    core.add_region(part("01")).unwrap();
    let Screen::Answer(a) = f.screen(&core, Lang::Sv) else { panic!() };
    let s = a.stay.as_ref().unwrap();
    assert_eq!((s.kommun.code.as_str(), s.home.code.as_str(), s.home_responsible), (STOCKHOLM, VASTERAS, Some(Responsible::Kommun)));
    assert_eq!(a.kommun.code, STOCKHOLM);
    // Choosing the home kommun again means at home.
    f.change(Step::Stay);
    f.answer(Step::Stay, VASTERAS).unwrap();
    assert_eq!(f.case.staying_in, None);
    assert_eq!(responsible(&f), Some(Responsible::Kommun));
}

#[test]
fn the_aid_question_comes_right_after_the_need_only_where_rules_tell_kinds_apart() {
    use ansvarskollen::engine::{Aid, Need, Outcome::*, Standing::*};
    use common::tiny::{Scoped, Tiny, rule};
    let rules = Tiny::new()
        .region("01", "Region Ett")
        .region("02", "Region Två")
        .kommun("0101", "Alfa", "01")
        .kommun("0201", "Gamma", "02")
        .rule(rule("default", None, Default, Region))
        .rule(rule("vardag", Some("01"), Agreement, Kommun).need(&[Need::AssistiveDevices]).aid(&[Aid::Everyday]).age(21, None))
        .build();
    let asked = |kommun: &str, need: &str| {
        let mut f = flow();
        let answers = [(Input::Kommun, kommun), (Input::Need, need), (Input::Aid, "everyday"), (Input::Age, "80")];
        let mut asked = Vec::new();
        while let Screen::Ask(Step::Input(i)) = f.screen(&rules, Lang::Sv) {
            f.answer(ask(i), answers.iter().find(|(x, _)| *x == i).unwrap().1).unwrap();
            asked.push(i);
        }
        asked
    };
    assert_eq!(asked("0101", "assistive_devices"), [Input::Kommun, Input::Need, Input::Aid, Input::Age]);
    assert_eq!(asked("0101", "nursing"), [Input::Kommun, Input::Need]);
    assert_eq!(asked("0201", "assistive_devices"), [Input::Kommun], "region 02: nothing matters");
}
