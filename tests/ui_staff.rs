//! The staff views' state (`ui::staff`), natively: the place in the link (view, kommun, dates,
//! a comparison's second side), what is ignored and said, which regions' rules a view needs, and
//! what each action does. The browser tests (tests/browser/staff.mjs) drive the same through the
//! DOM; these pin the logic without a browser. On the frozen fixture rules (national law,
//! Stockholm and Västmanland).

mod common;

use ansvarskollen::engine::{Date, RuleSet};
use ansvarskollen::ui::staff::{StaffAction, StaffScreen, StaffStart, StaffState, View, link_view};

fn rules() -> &'static RuleSet {
    common::fixture_rules()
}

fn today() -> Date {
    Date::parse("2024-05-02").unwrap()
}

fn start<'a>(view: Option<&'a str>, kommun: Option<&'a str>, hash: Option<&'a str>) -> StaffStart<'a> {
    StaffStart { today: today(), view, lang: "sv", kommun, date: None, hash }
}

#[test]
fn a_link_names_its_view_only_with_a_known_view() {
    assert_eq!(link_view("view=matrix&kommun=1980"), Some(View::Matrix));
    assert_eq!(link_view("#kommun=1980&view=timeline"), Some(View::Timeline));
    assert_eq!(link_view("kommun=1980&view=compare&date2=2011-06-01"), Some(View::Compare));
    assert_eq!(link_view("kommun=1980&need=nursing"), None, "a person's link");
    assert_eq!(link_view("view=everything"), None);
}

#[test]
fn the_place_round_trips_through_the_link() {
    let s = StaffState::new(&start(None, None, Some("view=compare&kommun=Västerås&date=2011-06-01&kommun2=0180&date2=2024-05-02")), Some(rules()));
    assert!(s.notices.is_empty(), "{:?}", s.notices);
    assert_eq!(s.place.view, View::Compare);
    assert_eq!(s.place.kommun.as_deref(), Some("1980"), "a kommun by name becomes its code");
    assert_eq!(s.link(), "view=compare&kommun=1980&date=2011-06-01&kommun2=0180&date2=2024-05-02");
    let again = StaffState::new(&start(None, None, Some(&s.link())), Some(rules()));
    assert_eq!(again.place, s.place);
}

#[test]
fn a_matrix_link_leaves_out_the_second_side_and_keeps_the_language() {
    let s = StaffState::new(&start(None, None, Some("view=matrix&kommun=1980&kommun2=0180&lang=en")), Some(rules()));
    assert_eq!(s.lang, "en");
    assert_eq!(s.link(), "view=matrix&kommun=1980&lang=en", "the second kommun belongs to a comparison only");
}

#[test]
fn bad_parameters_are_ignored_and_said() {
    let s = StaffState::new(&start(None, None, Some("view=matrix&kommun=Atlantis&date=2024-02-30&need=nursing")), Some(rules()));
    let keys: Vec<&str> = s.notices.iter().map(|n| n.key.as_str()).collect();
    assert_eq!(keys, ["kommun", "date", "need"]);
    assert_eq!(s.place.kommun, None);
    assert_eq!(s.screen(rules()), StaffScreen::Choose, "no kommun: the picker");
}

#[test]
fn the_host_attributes_start_the_view() {
    let s = StaffState::new(&start(Some("timeline"), Some("0180"), None), Some(rules()));
    assert_eq!(s.place.view, View::Timeline);
    assert_eq!(s.place.kommun.as_deref(), Some("0180"));
    assert!(!s.interacted, "the hash is not written before the person acts");
}

#[test]
fn a_view_waits_for_the_rules_of_its_regions() {
    let mut s = StaffState::new(&start(Some("compare"), Some("1980"), None), Some(rules()));
    s.apply(StaffAction::Kommun2("0180".into()), rules());
    assert_eq!(s.place.regions(rules(), today()), ["19", "01"]);
    // The fixture rules hold both regions.
    assert_eq!(s.screen(rules()), StaffScreen::Show);
}

#[test]
fn actions_move_the_place_and_keep_what_they_do_not_touch() {
    let mut s = StaffState::new(&start(Some("matrix"), Some("1980"), None), Some(rules()));
    s.apply(StaffAction::Date("2011-06-01".into()), rules());
    assert_eq!(s.place.date, Date::parse("2011-06-01").ok());
    assert!(s.interacted);
    s.apply(StaffAction::Date("2011-06".into()), rules());
    assert_eq!(s.place.date, Date::parse("2011-06-01").ok(), "a date half typed keeps the last whole one");
    s.apply(StaffAction::Show(View::Timeline), rules());
    assert_eq!((s.place.view, s.place.kommun.as_deref()), (View::Timeline, Some("1980")), "another view keeps the kommun");
    s.apply(StaffAction::Kommun("no such".into()), rules());
    assert_eq!(s.place.kommun.as_deref(), Some("1980"), "an unknown kommun keeps the chosen one");
    s.apply(StaffAction::Date(String::new()), rules());
    assert_eq!(s.place.date, None, "an empty date is today");
    assert_eq!(s.place.date_on(today()), today());
    // A person's link in the hash is the loader's: the staff place stays.
    let before = s.place.clone();
    s.apply(StaffAction::Hash("kommun=0180&need=nursing".into()), rules());
    assert_eq!(s.place, before);
    s.apply(StaffAction::Hash("view=matrix&kommun=0180".into()), rules());
    assert_eq!((s.place.view, s.place.kommun.as_deref(), s.place.date), (View::Matrix, Some("0180"), None), "another staff place replaces this one whole");
}
