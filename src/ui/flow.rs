//! The widget's question flow, as plain data: which screen to show, what "Fortsätt", "Tillbaka"
//! and "Ändra" do, and how a case is written to and read from the URL hash.
//!
//! Pure (no DOM): the Yew components call it, and native tests drive it. It asks the engine which
//! inputs still matter; it never decides who is responsible itself.

use crate::engine::answer::Answer;
use crate::engine::case::{Case, parse_age};
use crate::engine::ruleset::Kommun;
use crate::engine::{Date, Input, Lang, Need, Resolution, RuleSet, Vocab, resolve};

/// The needs the need question offers: "Rehabilitering" covers arbetsterapi and fysioterapi,
/// which the question does not list (a link may still name either, and the answer splits
/// rehabilitation where they differ).
pub fn offered_needs() -> impl Iterator<Item = Need> {
    [Need::Nursing, Need::Rehabilitation, Need::AssistiveDevices, Need::Physician, Need::PalliativeCare, Need::SpecialisedHomeCare, Need::Dental].into_iter()
}

/// A question the widget can show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// One of the case's inputs.
    Input(Input),
    /// The date the rules apply to (only reached through "Ändra").
    Date,
    /// A temporary stay in another kommun (`staying_in`): never asked, offered on the answer.
    Stay,
}

/// What the widget shows now.
#[derive(Clone, Debug, PartialEq)]
pub enum Screen {
    Ask(Step),
    /// The rules of this region (länskod) must be loaded first.
    Load(String),
    Answer(Box<Answer>),
    /// Something the person cannot fix by answering (e.g. a rules file failed to load).
    Problem(String),
}

/// The longest link (URL hash or query) read: 4 KB. The longest link the widget writes is ~130
/// characters (every input, the date and the language); a link of 30 times that is not one of
/// ours, and reading it whole once froze the tab (half a million parameters, one notice each).
pub const MAX_LINK: usize = 4096;

/// A link parameter that was ignored, and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ignored {
    pub key: String,
    pub value: String,
    pub reason: String,
}

/// The state of one widget's questions.
#[derive(Clone, Debug, PartialEq)]
pub struct Flow {
    pub case: Case,
    /// Inputs in the order they were answered: "Tillbaka" forgets the last one.
    pub order: Vec<Input>,
    /// A step reopened by "Ändra", shown until it is answered or cancelled.
    pub editing: Option<Step>,
    /// The kommun was set by the host page: never asked, never cleared.
    pub fixed_kommun: bool,
    /// The host's `lan` preset (a länskod): only that län's kommuner are offered. `None` = all.
    pub lan: Option<String>,
}

impl Flow {
    pub fn new(date: Date) -> Flow {
        Flow { case: Case::on(date), order: Vec::new(), editing: None, fixed_kommun: false, lan: None }
    }

    /// Whether this widget offers a kommun: every kommun, or only those of the `lan` preset. The
    /// picker, link parameters and the plain-HTML first question all ask this.
    pub fn offers(&self, kommun: &Kommun) -> bool {
        self.lan.as_deref().is_none_or(|l| kommun.lan == l)
    }

    /// What to show, given the rules loaded so far.
    pub fn screen(&self, rules: &RuleSet, lang: Lang) -> Screen {
        if let Some(step) = self.editing {
            return Screen::Ask(step);
        }
        let Some(code) = self.case.kommun.as_deref() else {
            return Screen::Ask(Step::Input(Input::Kommun));
        };
        let Some(k) = rules.kommun(code) else {
            return Screen::Ask(Step::Input(Input::Kommun));
        };
        // The home kommun's region, and on a stay the stay kommun's (often another region).
        let stay = self.case.stay_kommun().and_then(|s| rules.kommun(s));
        for k in std::iter::once(k).chain(stay) {
            if let Some(region) = rules.region_of(k, self.case.date)
                && !rules.has_region(&region.lan)
            {
                return Screen::Load(region.lan.clone());
            }
        }
        match resolve(rules, &self.case, lang) {
            Ok(Resolution::Answer(a)) => Screen::Answer(a),
            Ok(Resolution::Ask(needed)) => Screen::Ask(Step::Input(needed[0])),
            Err(e) => Screen::Problem(e.message),
        }
    }

    /// Records an answer to a step from its word in the case vocabulary.
    pub fn answer(&mut self, step: Step, word: &str) -> Result<(), String> {
        match step {
            Step::Date => self.case.date = Date::parse(word).map_err(|e| e.to_string())?,
            // The home kommun itself means at home.
            Step::Stay => self.case.staying_in = Some(word.to_string()).filter(|w| self.case.kommun.as_deref() != Some(w.as_str())),
            Step::Input(input) => {
                self.case.set_word(input, word).map_err(|e| e.message)?;
                self.order.retain(|i| *i != input);
                self.order.push(input);
            }
        }
        self.editing = None;
        Ok(())
    }

    /// "Tillbaka": cancel an open "Ändra", or forget the last answer. False if there is nothing to
    /// go back to.
    pub fn back(&mut self) -> bool {
        if self.editing.take().is_some() {
            return true;
        }
        while let Some(last) = self.order.pop() {
            if last == Input::Kommun && self.fixed_kommun {
                continue;
            }
            self.case.clear(last);
            return true;
        }
        false
    }

    /// Whether "Tillbaka" has somewhere to go.
    pub fn can_go_back(&self) -> bool {
        self.editing.is_some() || self.order.iter().any(|i| !(self.fixed_kommun && *i == Input::Kommun))
    }

    /// "Ändra": reopen a step, keeping every other answer.
    pub fn change(&mut self, step: Step) {
        self.editing = Some(step);
    }

    /// "Börja om": forget every answer but the host's presets and the date.
    pub fn restart(&mut self) {
        let kommun = if self.fixed_kommun { self.case.kommun.clone() } else { None };
        let date = self.case.date;
        self.case = Case::on(date);
        self.case.kommun = kommun;
        self.order.retain(|i| *i == Input::Kommun && self.fixed_kommun);
        self.editing = None;
    }

    /// The case as URL parameters in the case vocabulary: `kommun=1980&age=79&…&date=2024-05-02`;
    /// an input declared unknown as `housing=unknown`, a stay as `staying_in=1452`.
    pub fn to_params(&self) -> String {
        crate::engine::staff::params(&self.case)
    }

    /// Applies URL parameters (`kommun=1980&age=79…`); anything invalid or unknown is ignored and
    /// reported. `lang` is accepted and left to the caller. A link longer than [`MAX_LINK`] is
    /// ignored whole, as one notice.
    pub fn apply_params(&mut self, query: &str, rules: &RuleSet) -> Vec<Ignored> {
        let pairs = match link_pairs(query) {
            Ok(pairs) => pairs,
            Err(whole) => return vec![whole],
        };
        let mut ignored = Vec::new();
        for (key, value) in pairs {
            let mut ignore = |reason: String| ignored.push(Ignored { key: key.clone(), value: value.clone(), reason });
            match key.as_str() {
                "lang" => {}
                "date" => match Date::parse(&value) {
                    Ok(d) => self.case.date = d,
                    Err(e) => ignore(e.to_string()),
                },
                "kommun" => match rules.find_kommun(&value) {
                    Some(k) if self.offers(k) => {
                        if !self.fixed_kommun {
                            self.case.kommun = Some(k.code.clone());
                            self.note(Input::Kommun);
                        }
                    }
                    Some(_) => ignore("not in the län this widget is for".into()),
                    None => ignore("no such kommun".into()),
                },
                // A stay may be anywhere, also outside the widget's län.
                "staying_in" => match rules.find_kommun(&value) {
                    Some(k) => self.case.staying_in = Some(k.code.clone()),
                    None => ignore("no such kommun".into()),
                },
                word => match Input::parse(word) {
                    Ok(input) => match self.case.set_word(input, &value) {
                        Ok(()) => self.note(input),
                        Err(e) => ignore(e.message),
                    },
                    Err(_) => ignore("not a question Ansvarskollen asks".into()),
                },
            }
        }
        ignored
    }

    /// The browser moved to another link (back, forward, a pasted link): the case becomes the
    /// link's. The host's presets stay, and so does the date unless the link has one. Returns the
    /// parameters that were ignored, as [`Flow::apply_params`].
    pub fn follow_link(&mut self, query: &str, rules: &RuleSet) -> Vec<Ignored> {
        let mut flow = Flow::new(self.case.date);
        flow.fixed_kommun = self.fixed_kommun;
        flow.lan = self.lan.take();
        if flow.fixed_kommun {
            flow.case.kommun = self.case.kommun.take();
            flow.order.push(Input::Kommun);
        }
        let ignored = flow.apply_params(query, rules);
        *self = flow;
        ignored
    }

    fn note(&mut self, input: Input) {
        if !self.order.contains(&input) {
            self.order.push(input);
        }
    }
}

/// Validates an age typed by a person ("79", " 79 ").
pub fn check_age(text: &str) -> Result<u8, String> {
    parse_age(text)
}

/// A link's `key=value` pairs, percent-decoded, in order (a leading `#` or `?` and empty pairs
/// skipped) — for the person's link and the staff views' alike. A link longer than [`MAX_LINK`]
/// is refused whole, as the one notice to show.
pub fn link_pairs(query: &str) -> Result<impl Iterator<Item = (String, String)> + '_, Ignored> {
    if query.len() > MAX_LINK {
        let start = &query[..query.floor_char_boundary(24)];
        return Err(Ignored { key: format!("{start}…"), value: String::new(), reason: format!("the link is longer than {MAX_LINK} characters") });
    }
    Ok(query.trim_start_matches(['#', '?']).split('&').filter(|p| !p.is_empty()).map(|pair| {
        let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
        (decode_component(key), decode_component(value))
    }))
}

/// Percent-decoding of a URL component (`%C3%A4` → `ä`, `+` → space); invalid escapes stay as typed.
pub fn decode_component(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => {
                match u8::from_str_radix(std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("zz"), 16) {
                    Ok(b) => {
                        out.push(b);
                        i += 3;
                        continue;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            b'+' => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
