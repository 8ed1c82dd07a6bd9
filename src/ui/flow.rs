//! The widget's question flow, as plain data: which screen to show, what "Fortsätt", "Tillbaka"
//! and "Ändra" do, and how a case is written to and read from the URL hash.
//!
//! Pure (no DOM): the Yew components call it, and native tests drive it. It asks the engine which
//! inputs still matter; it never decides who is responsible itself.

use crate::engine::answer::Answer;
use crate::engine::case::{Case, parse_age};
use crate::engine::{Date, Input, Lang, Resolution, RuleSet, Vocab, resolve};

/// A question the widget can show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    /// One of the case's inputs.
    Input(Input),
    /// The date the rules apply to (only reached through "Ändra").
    Date,
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
    /// Kommuner the picker offers (a `lan` preset limits it); empty = all.
    pub lan: Option<String>,
}

impl Flow {
    pub fn new(date: Date) -> Flow {
        Flow { case: Case::on(date), order: Vec::new(), editing: None, fixed_kommun: false, lan: None }
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
        if let Some(region) = rules.region_of(k, self.case.date)
            && !rules.has_region(&region.lan) {
                return Screen::Load(region.lan.clone());
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

    /// The case as URL parameters in the case vocabulary: `kommun=1980&age=79&…&date=2024-05-02`.
    pub fn to_params(&self) -> String {
        let c = &self.case;
        let mut out = Vec::new();
        if let Some(k) = &c.kommun {
            out.push(format!("kommun={k}"));
        }
        if let Some(n) = c.need {
            out.push(format!("need={}", n.as_str()));
        }
        if let Some(h) = c.housing {
            out.push(format!("housing={}", h.as_str()));
        }
        if let Some(a) = c.age {
            out.push(format!("age={a}"));
        }
        if let Some(v) = c.can_visit_clinic {
            out.push(format!("can_visit_clinic={v}"));
        }
        if let Some(d) = c.duration {
            out.push(format!("duration={}", d.as_str()));
        }
        out.push(format!("date={}", c.date));
        out.join("&")
    }

    /// Applies URL parameters (`kommun=1980&age=79…`); anything invalid or unknown is ignored and
    /// reported. `lang` is accepted and left to the caller.
    pub fn apply_params(&mut self, query: &str, rules: &RuleSet) -> Vec<Ignored> {
        let mut ignored = Vec::new();
        for pair in query.trim_start_matches(['#', '?']).split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = decode_component(value);
            let key = decode_component(key);
            let mut ignore = |reason: String| ignored.push(Ignored { key: key.clone(), value: value.clone(), reason });
            match key.as_str() {
                "lang" => {}
                "date" => match Date::parse(&value) {
                    Ok(d) => self.case.date = d,
                    Err(e) => ignore(e.to_string()),
                },
                "kommun" => match rules.find_kommun(&value) {
                    Some(k) if self.lan.as_deref().is_none_or(|l| k.lan == l) => {
                        if !self.fixed_kommun {
                            self.case.kommun = Some(k.code.clone());
                            self.note(Input::Kommun);
                        }
                    }
                    Some(_) => ignore("not in the län this widget is for".into()),
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
