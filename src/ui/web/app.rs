//! The root component of one widget: its state (the flow), the current screen, and the effects
//! that load region rules, keep the URL hash in step, move focus and announce answers.

use super::answer::AnswerView;
use super::kommun::KommunStep;
use super::steps::{ChoiceStep, TextStep};
use super::{Config, add_region, fetch_bytes, with_rules};
use crate::engine::{Date, Duration, Housing, Input, Need, Vocab};
use crate::ui::flow::{Flow, Ignored, Screen, Step};
use crate::ui::i18n::{self, Catalogue, fill};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub config: Rc<Config>,
}

#[derive(Clone, PartialEq)]
pub struct State {
    pub flow: Flow,
    pub lang: &'static str,
    pub notices: Vec<Ignored>,
    /// Bumped when region rules arrive, so the screen is recomputed.
    pub rules_rev: u32,
    pub load_error: Option<String>,
    /// A polite status message (e.g. "Länken är kopierad").
    pub status: Option<String>,
    /// The person has acted: from now on, focus follows each new step.
    pub interacted: bool,
}

pub enum Action {
    Answer(Step, String),
    Back,
    Change(Step),
    Restart,
    Lang(&'static str),
    RulesLoaded,
    LoadFailed(String),
    /// The URL hash changed (browser back/forward, or a pasted link).
    Hash(String),
    Status(String),
}

impl State {
    fn init(config: &Config) -> State {
        let date = config.date.as_deref().and_then(|d| Date::parse(d).ok()).unwrap_or_else(super::today);
        let mut flow = Flow::new(date);
        let mut notices = Vec::new();
        with_rules(|rules| {
            flow.lan = config.lan.clone().filter(|l| rules.region(l).is_some());
            if let Some(k) = config.kommun.as_deref().and_then(|k| rules.find_kommun(k)) {
                flow.case.kommun = Some(k.code.clone());
                flow.fixed_kommun = true;
            }
            if config.standalone {
                notices = flow.apply_params(&super::location_hash(), rules);
            }
            // "Fortsätt" pressed in the plain-HTML question before the engine was ready: take the
            // kommun if the text names one.
            if config.submitted && flow.case.kommun.is_none()
                && let Some(k) = rules.find_kommun(&config.kommun_text).filter(|k| flow.lan.as_deref().is_none_or(|l| k.lan == l)) {
                    let _ = flow.answer(Step::Input(Input::Kommun), &k.code);
                }
        });
        let mut lang = i18n::catalogue(&config.lang).code;
        if config.standalone
            && let Some(l) = super::location_hash().split('&').find_map(|p| p.strip_prefix("lang=")) {
                lang = i18n::catalogue(l).code;
            }
        let interacted = config.submitted && flow.case.kommun.is_some();
        State { flow, lang, notices, rules_rev: 0, load_error: None, status: None, interacted }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        s.status = None;
        match action {
            Action::Answer(step, word) => {
                let _ = s.flow.answer(step, &word);
                s.interacted = true;
                s.notices.clear();
            }
            Action::Back => {
                s.flow.back();
                s.interacted = true;
            }
            Action::Change(step) => {
                s.flow.change(step);
                s.interacted = true;
            }
            Action::Restart => {
                s.flow.restart();
                s.interacted = true;
            }
            Action::Lang(code) => {
                s.lang = code;
                s.interacted = true;
            }
            Action::RulesLoaded => s.rules_rev += 1,
            Action::LoadFailed(e) => s.load_error = Some(e),
            Action::Hash(hash) => {
                let mut flow = Flow::new(s.flow.case.date);
                flow.fixed_kommun = s.flow.fixed_kommun;
                flow.lan = s.flow.lan.clone();
                if flow.fixed_kommun {
                    flow.case.kommun = s.flow.case.kommun.clone();
                    flow.order.push(Input::Kommun);
                }
                s.notices = with_rules(|r| flow.apply_params(&hash, r)).unwrap_or_default();
                s.flow = flow;
                s.interacted = true;
            }
            Action::Status(m) => s.status = Some(m),
        }
        Rc::new(s)
    }
}

/// A stable key for a screen, to know when the step changed (and focus must move).
fn screen_key(screen: &Screen) -> String {
    match screen {
        Screen::Ask(Step::Input(i)) => format!("ask-{}", i.as_str()),
        Screen::Ask(Step::Date) => "ask-date".into(),
        Screen::Load(l) => format!("load-{l}"),
        Screen::Answer(a) => format!("answer-{}", a.to_json().len()),
        Screen::Problem(_) => "problem".into(),
    }
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let config = props.config.clone();
    let state = use_reducer({
        let config = config.clone();
        move || State::init(&config)
    });
    let cat: &'static Catalogue = i18n::catalogue(state.lang);
    let heading = use_node_ref();

    let screen = with_rules(|r| state.flow.screen(r, cat.rules_lang)).unwrap_or(Screen::Problem(cat.load_failed.into()));

    // Load a region's rules when the screen asks for them.
    {
        let state = state.clone();
        let config = config.clone();
        let wanted = match &screen {
            Screen::Load(lan) if state.load_error.is_none() => Some(lan.clone()),
            _ => None,
        };
        use_effect_with(wanted, move |wanted| {
            if let Some(lan) = wanted.clone() {
                wasm_bindgen_futures::spawn_local(async move {
                    match fetch_bytes(&config, &format!("rules/regions/{lan}.bin")).await.and_then(|b| add_region(&b)) {
                        Ok(()) => state.dispatch(Action::RulesLoaded),
                        Err(e) => state.dispatch(Action::LoadFailed(e)),
                    }
                });
            }
        });
    }

    // The standalone page keeps the case in the URL hash and follows the browser's back button.
    {
        let params = if state.lang == i18n::CATALOGUES[0].code {
            state.flow.to_params()
        } else {
            format!("{}&lang={}", state.flow.to_params(), state.lang)
        };
        let standalone = config.standalone;
        let interacted = state.interacted;
        use_effect_with(params, move |params| {
            if standalone && interacted {
                super::push_hash(params);
            }
        });
    }
    {
        let state = state.clone();
        let standalone = config.standalone;
        use_effect_with((), move |_| {
            let listener = standalone.then(|| {
                let state = state.clone();
                let cb = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
                    state.dispatch(Action::Hash(super::location_hash()));
                });
                if let Some(w) = super::window() {
                    let _ = w.add_event_listener_with_callback("popstate", wasm_bindgen::JsCast::unchecked_ref(cb.as_ref()));
                }
                cb
            });
            move || {
                if let (Some(cb), Some(w)) = (listener, super::window()) {
                    let _ = w.remove_event_listener_with_callback("popstate", wasm_bindgen::JsCast::unchecked_ref(cb.as_ref()));
                }
            }
        });
    }
    {
        let code = state.lang;
        let standalone = config.standalone;
        use_effect_with(code, move |code| {
            if standalone {
                super::set_document_lang(code);
            }
        });
    }

    // Focus follows the step (once the person has acted: an embedded widget must not steal focus
    // on page load).
    {
        let heading = heading.clone();
        let key = (screen_key(&screen), state.interacted);
        use_effect_with(key, move |(_, interacted)| {
            if *interacted {
                super::focus(&heading);
            }
        });
    }

    // Announce each new answer to the host page.
    {
        let json = match &screen {
            Screen::Answer(a) => Some(a.to_json()),
            _ => None,
        };
        let host = config.host.clone();
        use_effect_with(json, move |json| {
            if let Some(j) = json {
                super::dispatch_answer(&host, j);
            }
        });
    }

    let on_back = {
        let state = state.clone();
        Callback::from(move |_| state.dispatch(Action::Back))
    };
    let other_lang = i18n::CATALOGUES.iter().copied().find(|c| c.code != state.lang).unwrap_or(i18n::CATALOGUES[0]);
    let on_lang = {
        let state = state.clone();
        let code = other_lang.code;
        Callback::from(move |_| state.dispatch(Action::Lang(code)))
    };
    // "Om uppgifterna" is a page of its own, built with the widget (`ansvarskollen coverage --html`):
    // the table depends only on the rules, so the browser need not compute or even load it.
    let about_href = format!("{}{}", config.base, cat.about_page);
    let can_back = state.flow.can_go_back();

    let body = {
        match &screen {
            Screen::Ask(step) => {
                let state2 = state.clone();
                let step = *step;
                let on_answer = Callback::from(move |word: String| state2.dispatch(Action::Answer(step, word)));
                let back = can_back.then(|| on_back.clone());
                render_step(step, &state, &config, cat, &heading, on_answer, back)
            }
            Screen::Load(_) => match &state.load_error {
                Some(_) => html! {
                    <div class="ak-step">
                        <h2 class="ak-heading" tabindex="-1" ref={heading.clone()}>{ cat.problem_title }</h2>
                        <p>{ cat.load_failed }</p>
                    </div>
                },
                None => html! { <p class="ak-loading" role="status">{ cat.loading }</p> },
            },
            Screen::Answer(a) => {
                let state2 = state.clone();
                let on_change = Callback::from(move |step: Step| state2.dispatch(Action::Change(step)));
                let state3 = state.clone();
                let on_restart = Callback::from(move |_| state3.dispatch(Action::Restart));
                let state4 = state.clone();
                let on_status = Callback::from(move |m: String| state4.dispatch(Action::Status(m)));
                html! {
                    <AnswerView
                        answer={Rc::new((**a).clone())}
                        flow={Rc::new(state.flow.clone())}
                        cat={cat}
                        heading={heading.clone()}
                        standalone={config.standalone}
                        {on_change} {on_restart} {on_status}
                    />
                }
            }
            Screen::Problem(message) => html! {
                <div class="ak-step">
                    <h2 class="ak-heading" tabindex="-1" ref={heading.clone()}>{ cat.problem_title }</h2>
                    <p>{ message.clone() }</p>
                </div>
            },
        }
    };

    html! {
        <div class="ak-widget" lang={cat.code}>
            <div class="ak-bar">
                <p class="ak-brand"><span class="ak-title">{ cat.title }</span>{ " " }<span class="ak-tagline">{ cat.tagline }</span></p>
                <div class="ak-tools">
                    <button type="button" class="ak-link" lang={other_lang.code} onclick={on_lang}>{ other_lang.switch_to }</button>
                    <a class="ak-link" href={about_href} target={if config.standalone { None } else { Some("_blank") }}>{ cat.about }</a>
                </div>
            </div>
            if !state.notices.is_empty() {
                <div class="ak-notice" role="status">
                    <ul>
                        { for state.notices.iter().map(|n| html! {
                            <li>{ fill(cat.ignored_param, &[("param", &format!("{}={}", n.key, n.value))]) }</li>
                        }) }
                    </ul>
                </div>
            }
            { body }
            <p class="ak-status" role="status">{ state.status.clone().unwrap_or_default() }</p>
            <p class="ak-privacy">{ cat.privacy }</p>
        </div>
    }
}

/// Renders the question for a step.
fn render_step(
    step: Step,
    state: &UseReducerHandle<State>,
    config: &Config,
    cat: &'static Catalogue,
    heading: &NodeRef,
    on_answer: Callback<String>,
    on_back: Option<Callback<()>>,
) -> Html {
    let case = &state.flow.case;
    match step {
        Step::Input(Input::Kommun) => {
            // What was typed before the engine was ready, until the person has acted here.
            let typed = (!state.interacted && !config.kommun_text.is_empty()).then(|| (config.kommun_text.clone(), config.focused));
            let kommuner = with_rules(|r| {
                r.kommuner
                    .iter()
                    .filter(|k| state.flow.lan.as_deref().is_none_or(|l| k.lan == l))
                    .map(|k| (k.code.clone(), k.name.clone(), r.region(&k.lan).map_or(String::new(), |x| x.name.clone())))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
            html! {
                <KommunStep cat={cat} kommuner={Rc::new(kommuner)} selected={case.kommun.clone()}
                    typed={typed} heading={heading.clone()} {on_answer} {on_back} />
            }
        }
        Step::Input(Input::Need) => {
            let options = Need::ALL.iter().map(|n| (n.as_str(), cat.need(*n))).collect::<Vec<_>>();
            html! { <ChoiceStep name="need" question={cat.need_question} hint={cat.need_hint} options={options}
                selected={case.need.map(|n| n.as_str())} cat={cat} heading={heading.clone()} {on_answer} {on_back} /> }
        }
        Step::Input(Input::Housing) => {
            let options = Housing::ALL.iter().map(|h| (h.as_str(), cat.housing(*h))).collect::<Vec<_>>();
            html! { <ChoiceStep name="housing" question={cat.housing_question} hint={cat.housing_hint} options={options}
                selected={case.housing.map(|h| h.as_str())} cat={cat} heading={heading.clone()} {on_answer} {on_back} /> }
        }
        Step::Input(Input::CanVisitClinic) => {
            let options = vec![("true", cat.visit_yes), ("false", cat.visit_no)];
            let selected = case.can_visit_clinic.map(|v| if v { "true" } else { "false" });
            html! { <ChoiceStep name="can_visit_clinic" question={cat.visit_question} hint={cat.visit_hint} options={options}
                {selected} cat={cat} heading={heading.clone()} {on_answer} {on_back} /> }
        }
        Step::Input(Input::Duration) => {
            let options = Duration::ALL.iter().map(|d| (d.as_str(), cat.duration(*d))).collect::<Vec<_>>();
            html! { <ChoiceStep name="duration" question={cat.duration_question} hint={cat.duration_hint} options={options}
                selected={case.duration.map(|d| d.as_str())} cat={cat} heading={heading.clone()} {on_answer} {on_back} /> }
        }
        Step::Input(Input::Age) => html! {
            <TextStep key="age" name="age" question={cat.age_question} hint={cat.age_hint} label={cat.age_label}
                error_text={cat.age_error} numeric={true} value={case.age.map(|a| a.to_string()).unwrap_or_default()}
                validate={Callback::from(|t: String| crate::ui::flow::check_age(&t).map(|a| a.to_string()).ok())}
                cat={cat} heading={heading.clone()} {on_answer} {on_back} />
        },
        Step::Date => html! {
            <TextStep key="date" name="date" question={cat.date_question} hint={cat.date_hint} label={cat.date_label}
                error_text={cat.date_error} numeric={false} value={case.date.to_string()}
                validate={Callback::from(|t: String| Date::parse(t.trim()).ok().map(|d| d.to_string()))}
                cat={cat} heading={heading.clone()} {on_answer} {on_back} />
        },
    }
}
