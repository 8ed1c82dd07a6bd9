//! One widget's state and what each action does to it, as plain data: the question flow, the
//! language, the notices about ignored link parameters, why a region's rules could not be used
//! (and the retry), and what the person has done so far.
//!
//! Pure (no DOM, no Yew): `web/app.rs` wraps [`State::apply`] in a Yew reducer that passes the
//! page's shared rules, and native tests (`tests/ui_state.rs`) drive it. Effects (fetching region
//! rules, the URL hash, focus, events) live in `web/hooks.rs`; this module only says what they
//! should do. Like [`Flow`], it never decides who is responsible.

use crate::engine::{Date, Input, RuleSet};
use crate::ui::flow::{Flow, Ignored, Step};
use crate::ui::i18n;

/// How a widget starts: what the host configured and what the page says.
#[derive(Clone, Copy, Debug)]
pub struct Start<'a> {
    /// The date the rules apply to (the host's `date`, else today).
    pub date: Date,
    /// The host's `lang` (falls back to Swedish).
    pub lang: &'a str,
    /// The host's `kommun` preset (code or name): never asked, never cleared.
    pub kommun: Option<&'a str>,
    /// The host's `lan` preset: only that län's kommuner are offered.
    pub lan: Option<&'a str>,
    /// The URL hash of the standalone page, whose link parameters set the case and the language;
    /// `None` for an embedded widget, which leaves the host page's URL alone.
    pub hash: Option<&'a str>,
    /// What was typed in the plain-HTML first question before the engine was ready.
    pub kommun_text: &'a str,
    /// Whether "Fortsätt" was pressed there.
    pub submitted: bool,
}

/// At most this many notices about ignored link parameters are shown, then "… och N till": a
/// link with half a million unknown parameters once froze the tab rendering one notice each.
pub const MAX_NOTICES: usize = 5;

/// Why a region's rules could not be used. Either way no answer is shown from them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoadProblem {
    /// The file could not be fetched: offline, a timeout, an HTTP error ("Reglerna kunde inte hämtas").
    Unreachable,
    /// The file was fetched but refused: damaged, another region's, another version's
    /// (`engine::compiled::IntegrityError`; "Reglerna som hämtades är skadade").
    Refused,
}

/// The state of one widget.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub flow: Flow,
    /// The catalogue's language code.
    pub lang: &'static str,
    /// Link parameters that were ignored (the first [`MAX_NOTICES`]), shown until the next answer.
    pub notices: Vec<Ignored>,
    /// How many more were ignored than `notices` holds.
    pub more_notices: usize,
    /// Bumped when region rules arrive, so the screen is recomputed.
    pub rules_rev: u32,
    /// Why the region's rules the screen needs could not be used, until "Försök igen".
    pub load_error: Option<LoadProblem>,
    /// Bumped by "Försök igen": the region's rules are fetched again, bypassing the failed attempt.
    pub load_attempt: u32,
    /// A polite status message (e.g. "Länken är kopierad"), cleared by the next action.
    pub status: Option<String>,
    /// The person has acted: from now on, focus follows each new step and the URL hash follows
    /// the case.
    pub interacted: bool,
}

/// What can happen to a widget.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// An answer to a step, as a word of the case vocabulary.
    Answer(Step, String),
    /// "Tillbaka".
    Back,
    /// "Ändra" on a row of the summary.
    Change(Step),
    /// "Börja om".
    Restart,
    /// The language switch, with the catalogue's code.
    Lang(&'static str),
    /// A region's rules arrived.
    RulesLoaded,
    /// A region's rules could not be used.
    LoadFailed(LoadProblem),
    /// "Försök igen" after a failed load.
    Retry,
    /// The URL hash changed (browser back/forward, or a pasted link).
    Hash(String),
    /// A polite status message.
    Status(String),
}

impl State {
    /// The state a widget starts in. `rules` is `None` only if the page mounted a widget before
    /// loading the core rules; the widget then shows its problem screen.
    pub fn new(start: &Start, rules: Option<&RuleSet>) -> State {
        let mut flow = Flow::new(start.date);
        let mut notices = Vec::new();
        if let Some(rules) = rules {
            flow.lan = start.lan.filter(|l| rules.region(l).is_some()).map(str::to_string);
            if let Some(k) = start.kommun.and_then(|k| rules.find_kommun(k)) {
                flow.case.kommun = Some(k.code.clone());
                flow.fixed_kommun = true;
            }
            if let Some(hash) = start.hash {
                notices = flow.apply_params(hash, rules);
            }
            // "Fortsätt" pressed in the plain-HTML question before the engine was ready: take the
            // kommun if the text names one.
            if start.submitted
                && flow.case.kommun.is_none()
                && let Some(k) = rules.find_kommun(start.kommun_text).filter(|k| flow.offers(k))
            {
                let _ = flow.answer(Step::Input(Input::Kommun), &k.code);
            }
        }
        let mut lang = i18n::language(start.lang);
        if let Some(l) = start.hash.and_then(|h| h.split('&').find_map(|p| p.strip_prefix("lang="))) {
            lang = i18n::language(l);
        }
        let interacted = start.submitted && flow.case.kommun.is_some();
        let mut state = State { flow, lang, notices: Vec::new(), more_notices: 0, rules_rev: 0, load_error: None, load_attempt: 0, status: None, interacted };
        state.set_notices(notices);
        state
    }

    /// Keeps the first [`MAX_NOTICES`] ignored parameters and counts the rest.
    fn set_notices(&mut self, mut all: Vec<Ignored>) {
        self.more_notices = all.len().saturating_sub(MAX_NOTICES);
        all.truncate(MAX_NOTICES);
        self.notices = all;
    }

    /// Applies an action. `rules` are the rules loaded so far (a link names kommuner by them).
    pub fn apply(&mut self, action: Action, rules: &RuleSet) {
        self.status = None;
        match action {
            Action::Answer(step, word) => {
                let _ = self.flow.answer(step, &word);
                self.interacted = true;
                self.set_notices(Vec::new());
            }
            Action::Back => {
                self.flow.back();
                self.interacted = true;
            }
            Action::Change(step) => {
                self.flow.change(step);
                self.interacted = true;
            }
            Action::Restart => {
                self.flow.restart();
                self.interacted = true;
            }
            Action::Lang(code) => {
                self.lang = code;
                // A failed fetch (of English, or of a region in the other language) is not this
                // language's: whatever the new screen waits for is fetched anew.
                self.load_error = None;
                self.interacted = true;
            }
            Action::RulesLoaded => self.rules_rev += 1,
            Action::LoadFailed(e) => self.load_error = Some(e),
            Action::Retry => {
                self.load_error = None;
                self.load_attempt += 1;
            }
            Action::Hash(hash) => {
                let ignored = self.flow.follow_link(&hash, rules);
                self.set_notices(ignored);
                self.interacted = true;
            }
            Action::Status(m) => self.status = Some(m),
        }
    }

    /// The link parameters of the standalone page's URL hash: the case, and the language unless
    /// it is the default.
    pub fn link(&self) -> String {
        if self.lang == i18n::LANGUAGES[0].0 {
            self.flow.to_params()
        } else {
            format!("{}&lang={}", self.flow.to_params(), self.lang)
        }
    }
}
