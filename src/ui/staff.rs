//! The staff views' place and state, as plain data: which view (a kommun's whole responsibility
//! matrix, a comparison of two, a kommun's timeline), for which kommun and date (and the second
//! kommun or date of a comparison), how that is written in the URL hash
//! (`#view=matrix&kommun=1980&date=2024-05-02`) and read back, which regions' rules it needs, and
//! what each action of the staff views does.
//!
//! Pure (no DOM, no Yew), tested natively (`tests/ui_staff.rs`); the staff bundle's components
//! (`web/staff/`) render it. Like `flow` and `state`, it never decides who is responsible: the
//! engine's staff API does, and the views show what it says.

use crate::engine::{Date, RuleSet};
use crate::ui::flow::{Ignored, link_pairs};
use crate::ui::i18n;
use crate::ui::state::{LoadProblem, MAX_NOTICES};

/// A staff view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// The kommun's whole responsibility matrix on a date.
    Matrix,
    /// Two matrices cell by cell: two kommuner, or two dates.
    Compare,
    /// The agreements and laws that applied in the kommun over time.
    Timeline,
}

impl View {
    /// Every view, in the order the views' navigation lists them.
    pub const ALL: &'static [View] = &[View::Matrix, View::Compare, View::Timeline];

    /// The word in the link (`view=matrix`) and in the element's `view` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            View::Matrix => "matrix",
            View::Compare => "compare",
            View::Timeline => "timeline",
        }
    }

    /// A view by its word.
    pub fn parse(word: &str) -> Option<View> {
        View::ALL.iter().copied().find(|v| v.as_str() == word)
    }
}

/// The staff view a link names (`view=matrix`), if any. A link without one (or with a word that
/// is not a view) is the person's: the person's widget leaves a staff link alone (the loader
/// mounts the staff bundle for it), and the staff views leave a person's link alone.
pub fn link_view(query: &str) -> Option<View> {
    query.trim_start_matches(['#', '?']).split('&').find_map(|p| p.strip_prefix("view=")).and_then(View::parse)
}

/// Where the staff views are: the view, the kommun and the date, and for a comparison the second
/// kommun and/or date. A date left out is today's (a bookmark of a matrix without a date always
/// shows the rules of the day it is opened).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub view: View,
    /// The kommun (SCB kommunkod); `None` until one is chosen.
    pub kommun: Option<String>,
    /// The date the rules apply to; `None` is today.
    pub date: Option<Date>,
    /// Compare: the second kommun (`None`: the same kommun, on `date2`).
    pub kommun2: Option<String>,
    /// Compare: the second date (`None`: the same date, for `kommun2`).
    pub date2: Option<Date>,
}

impl Place {
    pub fn new(view: View) -> Place {
        Place { view, kommun: None, date: None, kommun2: None, date2: None }
    }

    /// The date the view shows.
    pub fn date_on(&self, today: Date) -> Date {
        self.date.unwrap_or(today)
    }

    /// The two sides of a comparison, (kommun, date) each: the second is the first with
    /// `kommun2` and/or `date2` in place. `None` until the first kommun is chosen.
    pub fn sides(&self, today: Date) -> Option<[(String, Date); 2]> {
        let k = self.kommun.clone()?;
        let d = self.date_on(today);
        let k2 = self.kommun2.clone().unwrap_or_else(|| k.clone());
        Some([(k, d), (k2, self.date2.unwrap_or(d))])
    }

    /// Whether a comparison has a second side that differs from the first.
    pub fn has_second(&self, today: Date) -> bool {
        self.sides(today).is_some_and(|[a, b]| a != b)
    }

    /// The place as link parameters: `view=matrix&kommun=1980&date=2024-05-02` (a date only when
    /// one was chosen; the second kommun and date only in a comparison).
    pub fn to_params(&self) -> String {
        let mut out = vec![format!("view={}", self.view.as_str())];
        if let Some(k) = &self.kommun {
            out.push(format!("kommun={k}"));
        }
        if let Some(d) = self.date {
            out.push(format!("date={d}"));
        }
        if self.view == View::Compare {
            if let Some(k) = &self.kommun2 {
                out.push(format!("kommun2={k}"));
            }
            if let Some(d) = self.date2 {
                out.push(format!("date2={d}"));
            }
        }
        out.join("&")
    }

    /// Applies link parameters (`view`, `kommun`, `date`, `kommun2`, `date2`; `lang` is the
    /// caller's); anything invalid or unknown is ignored and reported, as the person's link is
    /// (`Flow::apply_params`). A kommun may be named by code or name.
    pub fn apply_params(&mut self, query: &str, rules: &RuleSet) -> Vec<Ignored> {
        let pairs = match link_pairs(query) {
            Ok(pairs) => pairs,
            Err(whole) => return vec![whole],
        };
        let mut ignored = Vec::new();
        for (key, value) in pairs {
            let mut ignore = |reason: &str| ignored.push(Ignored { key: key.clone(), value: value.clone(), reason: reason.to_string() });
            match key.as_str() {
                "lang" => {}
                "view" => match View::parse(&value) {
                    Some(v) => self.view = v,
                    None => ignore("use matrix, compare or timeline"),
                },
                "kommun" | "kommun2" => match rules.find_kommun(&value) {
                    Some(k) if key == "kommun" => self.kommun = Some(k.code.clone()),
                    Some(k) => self.kommun2 = Some(k.code.clone()),
                    None => ignore("no such kommun"),
                },
                "date" | "date2" => match Date::parse(&value) {
                    Ok(d) if key == "date" => self.date = Some(d),
                    Ok(d) => self.date2 = Some(d),
                    Err(_) => ignore("use YYYY-MM-DD"),
                },
                _ => ignore("not a parameter of the staff views"),
            }
        }
        ignored
    }

    /// The regions (länskoder) whose rules the view needs, each once: the region of each kommun
    /// shown on its date; for a timeline, every region the kommun ever belonged to (Heby:
    /// Västmanland until 2006, then Uppsala).
    pub fn regions(&self, rules: &RuleSet, today: Date) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let mut add = |lan: &str| {
            if !out.iter().any(|l| l == lan) {
                out.push(lan.to_string());
            }
        };
        let Some(sides) = self.sides(today) else { return out };
        let sides: &[(String, Date)] = if self.view == View::Compare { &sides } else { &sides[..1] };
        for (code, date) in sides {
            let Some(k) = rules.kommun(code) else { continue };
            if self.view == View::Timeline {
                for r in rules.regions.iter().filter(|r| r.former_members.iter().any(|m| m.kommun == k.code)) {
                    add(&r.lan);
                }
                add(&k.lan);
            } else if let Some(r) = rules.region_of(k, *date) {
                add(&r.lan);
            }
        }
        out
    }
}

/// How the staff views start: what the host configured and what the page says.
#[derive(Clone, Copy, Debug)]
pub struct StaffStart<'a> {
    /// Today, in the browser's time zone.
    pub today: Date,
    /// The host's `view` attribute (the standalone page: the hash's).
    pub view: Option<&'a str>,
    /// The host's `lang`.
    pub lang: &'a str,
    /// The host's `kommun` (code or name).
    pub kommun: Option<&'a str>,
    /// The host's `date`.
    pub date: Option<&'a str>,
    /// The URL hash of the standalone page (`None` for an embedded element).
    pub hash: Option<&'a str>,
}

/// The state of the staff views.
#[derive(Clone, Debug, PartialEq)]
pub struct StaffState {
    pub place: Place,
    /// Today, for a place without a date.
    pub today: Date,
    /// The catalogue's language code.
    pub lang: &'static str,
    /// Link parameters that were ignored (the first [`MAX_NOTICES`]).
    pub notices: Vec<Ignored>,
    /// How many more were ignored than `notices` holds.
    pub more_notices: usize,
    /// Bumped when region rules arrive, so the view is computed again.
    pub rules_rev: u32,
    /// Why the rules the view needs could not be used, until "Försök igen".
    pub load_error: Option<LoadProblem>,
    /// Bumped by "Försök igen".
    pub load_attempt: u32,
    /// The person has acted: from now on the URL hash follows the place.
    pub interacted: bool,
}

/// What can happen in the staff views.
#[derive(Clone, Debug, PartialEq)]
pub enum StaffAction {
    /// Another view, keeping the kommun and the dates.
    Show(View),
    /// The kommun picker (a kommunkod).
    Kommun(String),
    /// The date field (`YYYY-MM-DD`; empty: today).
    Date(String),
    /// The second kommun of a comparison (empty: none).
    Kommun2(String),
    /// The second date of a comparison (empty: none).
    Date2(String),
    /// The language switch.
    Lang(&'static str),
    RulesLoaded,
    LoadFailed(LoadProblem),
    Retry,
    /// The URL hash changed (back, forward, a pasted link) to another staff place.
    Hash(String),
}

/// What the staff views show now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StaffScreen {
    /// No kommun is chosen yet: the kommun picker, and nothing else.
    Choose,
    /// The rules of this region (länskod) must be loaded first.
    Load(String),
    /// Everything needed is here.
    Show,
}

impl StaffState {
    /// The state the staff views start in; without rules (never: the loader mounts after the
    /// core) they start without a kommun.
    pub fn new(start: &StaffStart, rules: Option<&RuleSet>) -> StaffState {
        let mut place = Place::new(start.view.and_then(View::parse).unwrap_or(View::Matrix));
        let mut notices = Vec::new();
        if let Some(rules) = rules {
            place.kommun = start.kommun.and_then(|k| rules.find_kommun(k)).map(|k| k.code.clone());
            place.date = start.date.and_then(|d| Date::parse(d).ok());
            if let Some(hash) = start.hash {
                notices = place.apply_params(hash, rules);
            }
        }
        let mut lang = i18n::language(start.lang);
        if let Some(l) = start.hash.and_then(|h| h.split('&').find_map(|p| p.strip_prefix("lang="))) {
            lang = i18n::language(l);
        }
        let mut s = StaffState {
            place,
            today: start.today,
            lang,
            notices: Vec::new(),
            more_notices: 0,
            rules_rev: 0,
            load_error: None,
            load_attempt: 0,
            interacted: false,
        };
        s.set_notices(notices);
        s
    }

    fn set_notices(&mut self, mut all: Vec<Ignored>) {
        self.more_notices = all.len().saturating_sub(MAX_NOTICES);
        all.truncate(MAX_NOTICES);
        self.notices = all;
    }

    /// What to show, given the rules loaded so far.
    pub fn screen(&self, rules: &RuleSet) -> StaffScreen {
        if self.place.kommun.as_deref().and_then(|k| rules.kommun(k)).is_none() {
            return StaffScreen::Choose;
        }
        match self.place.regions(rules, self.today).into_iter().find(|lan| !rules.has_region(lan)) {
            Some(lan) => StaffScreen::Load(lan),
            None => StaffScreen::Show,
        }
    }

    /// Applies an action. `rules` are the rules loaded so far (a link names kommuner by them).
    pub fn apply(&mut self, action: StaffAction, rules: &RuleSet) {
        let date = |t: &str| Date::parse(t.trim()).ok();
        let kommun = |t: &str| rules.find_kommun(t).map(|k| k.code.clone());
        let p = &mut self.place;
        match action {
            StaffAction::Show(v) => p.view = v,
            StaffAction::Kommun(k) => p.kommun = kommun(&k).or(p.kommun.take()),
            StaffAction::Date(d) if d.trim().is_empty() => p.date = None,
            StaffAction::Date(d) => p.date = date(&d).or(p.date),
            StaffAction::Kommun2(k) => p.kommun2 = kommun(&k),
            StaffAction::Date2(d) => p.date2 = date(&d),
            StaffAction::Lang(code) => {
                self.lang = code;
                self.load_error = None;
            }
            StaffAction::RulesLoaded => {
                self.rules_rev += 1;
                return;
            }
            StaffAction::LoadFailed(e) => {
                self.load_error = Some(e);
                return;
            }
            StaffAction::Retry => {
                self.load_error = None;
                self.load_attempt += 1;
                return;
            }
            StaffAction::Hash(hash) => {
                // Another staff place replaces this one whole (its view included); a person's
                // link is the loader's to follow.
                if link_view(&hash).is_none() {
                    return;
                }
                let mut place = Place::new(View::Matrix);
                let ignored = place.apply_params(&hash, rules);
                self.place = place;
                self.set_notices(ignored);
            }
        }
        self.interacted = true;
    }

    /// The link parameters of the standalone page's URL hash: the place, and the language unless
    /// it is the default.
    pub fn link(&self) -> String {
        if self.lang == i18n::LANGUAGES[0].0 {
            self.place.to_params()
        } else {
            format!("{}&lang={}", self.place.to_params(), self.lang)
        }
    }
}
