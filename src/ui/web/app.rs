//! The root component of one widget: starts its state (`ui::state`, plain Rust) with the host's
//! configuration, runs its effects (`hooks.rs`) and renders the current screen: a question, the
//! answer, or a problem.

use super::answer::AnswerView;
use super::hooks::{use_answer_event, use_document_lang, use_document_title, use_focus_follows_step, use_hash_sync, use_popstate, use_region_loader};
use super::kommun::KommunStep;
use super::steps::{ChoiceStep, TextStep};
use super::{Config, send, with_rules};
use crate::engine::{Aid, Date, Duration, Housing, Input, Vocab};
use crate::ui::flow::{Ignored, Screen, Step};
use crate::ui::i18n::{self, Catalogue, Choice, fill};
use crate::ui::state::{Action, LoadProblem, Start, State};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub config: Rc<Config>,
}

/// The Yew face of [`State::apply`], with the page's shared rules. (Widgets mount only after the
/// core rules are loaded; without them there is nothing an action could change.)
impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        with_rules(|rules| s.apply(action, rules));
        Rc::new(s)
    }
}

/// The state a widget starts in, from the host's configuration (and, on the standalone page, the
/// URL hash). One call whether or not the rules are loaded (`with_rules` would need two: 100 B).
fn start(config: &Config) -> State {
    let date = config.date.as_deref().and_then(|d| Date::parse(d).ok()).unwrap_or_else(super::today);
    let hash = config.standalone.then(super::location_hash);
    let start = Start {
        date,
        lang: &config.lang,
        kommun: config.kommun.as_deref(),
        lan: config.lan.as_deref(),
        hash: hash.as_deref(),
        kommun_text: &config.kommun_text,
        submitted: config.submitted,
    };
    super::RULES.with(|rules| State::new(&start, rules.borrow().as_ref()))
}

#[function_component(App)]
pub fn app(props: &AppProps) -> Html {
    let config = &props.config;
    let state = use_reducer({
        let config = config.clone();
        move || start(&config)
    });
    let dispatch = state.dispatcher();
    // Until the English words are here (`rules/en.bin`), the Swedish ones, and a screen that waits.
    let cat: &'static Catalogue = i18n::catalogue(state.lang);
    let heading = use_node_ref();
    let screen = match super::language_wait(state.lang) {
        Some(lang) => Screen::Load(lang),
        None => with_rules(|r| state.flow.screen(r, cat.rules_lang)).unwrap_or(Screen::Problem(i18n::fetching(cat.code).load_failed.into())),
    };

    use_region_loader(&screen, &state, config);
    use_hash_sync(&state, config.standalone, config.framed);
    use_popstate(&dispatch, config.standalone);
    use_document_lang(state.lang, config.standalone);
    use_document_title(&heading, config.standalone && !config.framed, cat.error_prefix);
    use_focus_follows_step(&heading, &screen, state.interacted);
    use_answer_event(&screen, &config.host);

    let own_page = config.standalone && !config.framed;
    let no_history = use_state(|| own_page && super::no_history());
    let on_no_history = {
        let no_history = no_history.clone();
        Callback::from(move |e: Event| {
            let on = e.target_dyn_into::<web_sys::HtmlInputElement>().is_some_and(|i| i.checked());
            super::set_no_history(on);
            no_history.set(on);
        })
    };
    let other_lang = super::other_language(state.lang);
    let on_lang = send(&dispatch, move |_| Action::Lang(other_lang.0));
    // "Om uppgifterna" is a page of its own, built with the widget (`ansvarskollen coverage --html`):
    // the table depends only on the rules, so the browser need not compute or even load it.
    let about_href = format!("{}{}", config.base, cat.about_page);
    // The staff views, one tap from every screen: the kommun's matrix once a kommun is chosen (on
    // the case's date, when it is not today's).
    let matrix_href = |kommun: Option<&str>, date: Option<Date>| {
        let mut params = String::from("view=matrix");
        for (key, value) in [("kommun", kommun.map(str::to_string)), ("date", date.map(|d| d.to_string()))] {
            if let Some(v) = value {
                params.push_str(&format!("&{key}={v}"));
            }
        }
        super::page_link(config, &params)
    };
    let case = &state.flow.case;
    let staff_href = matrix_href(case.kommun.as_deref(), (case.date != super::today()).then_some(case.date));

    let body = match screen {
        Screen::Ask(step) => {
            let on_answer = send(&dispatch, move |word| Action::Answer(step, word));
            let on_back = state.flow.can_go_back().then(|| send(&dispatch, |_| Action::Back));
            // The chosen kommun stays in sight during the later questions, with "Ändra" (issue 12).
            let kommun = (step != Step::Input(Input::Kommun))
                .then(|| case.kommun.as_deref().and_then(|code| with_rules(|r| r.kommun(code).map(|k| k.name.clone())).flatten()))
                .flatten();
            let question = render_step(step, &state, config, cat, &heading, on_answer, on_back);
            match kommun {
                Some(name) => html! {
                    <>
                        <p class="ak-context">
                            { cat.summary_kommun }{ ": " }<strong>{ name }</strong>{ " " }
                            <button type="button" class="ak-link" onclick={send(&dispatch, |_| Action::Change(Step::Input(Input::Kommun)))}>
                                { cat.change }<span class="ak-visually-hidden">{ " " }{ cat.summary_kommun }</span>
                            </button>
                        </p>
                        { question }
                    </>
                },
                None => question,
            }
        }
        // In the language chosen, even while its words are on their way (`i18n::fetching`).
        Screen::Load(_) => {
            let words = i18n::fetching(state.lang);
            match state.load_error {
                Some(problem) => {
                    let message = match problem {
                        LoadProblem::Unreachable => words.load_failed,
                        LoadProblem::Refused => words.load_damaged,
                    };
                    html! {
                        <div class="ak-step" lang={state.lang}>
                            <h2 class="ak-heading" tabindex="-1" ref={heading.clone()}>{ words.problem_title }</h2>
                            <p role="alert">{ message }</p>
                            <button type="button" class="ak-button" onclick={send(&dispatch, |_| Action::Retry)}>{ words.retry }</button>
                            <p class="ak-fallback">{ Html::from_html_unchecked(AttrValue::Static(words.fallback_html)) }</p>
                        </div>
                    }
                }
                None => html! { <p class="ak-loading" role="status" lang={state.lang}>{ words.loading }</p> },
            }
        }
        Screen::Answer(a) => html! {
            <AnswerView
                answer={Rc::from(a)}
                flow={Rc::new(state.flow.clone())}
                cat={cat}
                heading={heading.clone()}
                copy={(config.standalone && (!config.framed || config.share.is_some())).then(|| config.share.clone())}
                matrix_href={matrix_href(case.kommun.as_deref(), Some(case.date))}
                new_tab={super::new_tab(config).is_some()}
                on_change={send(&dispatch, Action::Change)}
                on_restart={send(&dispatch, |_| Action::Restart)}
                on_status={send(&dispatch, Action::Status)}
            />
        },
        Screen::Problem(message) => html! {
            <div class="ak-step">
                <h2 class="ak-heading" tabindex="-1" ref={heading.clone()}>{ i18n::fetching(cat.code).problem_title }</h2>
                <p>{ message }</p>
            </div>
        },
    };

    html! {
        <div class="ak-widget" lang={cat.code}>
            <div class="ak-bar">
                <p class="ak-brand"><span class="ak-title">{ cat.title }</span>{ " " }<span class="ak-tagline">{ cat.tagline }</span></p>
                <div class="ak-tools">
                    <button type="button" class="ak-link" lang={other_lang.0} onclick={on_lang}>{ other_lang.1 }</button>
                    // In a host's page or iframe, a new tab: an iframe does not grow with this page.
                    <a class="ak-link" href={staff_href} target={super::new_tab(config)}>{ cat.staff_link }</a>
                    <a class="ak-link" href={about_href} target={super::new_tab(config)}>{ cat.about }</a>
                </div>
            </div>
            if !state.notices.is_empty() {
                <div class="ak-notice" role="status">
                    <ul>
                        { for state.notices.iter().map(|n| html! {
                            <li>{ fill(cat.ignored_param, &[("param", &shown_param(n))]) }</li>
                        }) }
                    </ul>
                    if state.more_notices > 0 {
                        <p>{ fill(cat.more_notices, &[("n", &state.more_notices.to_string())]) }</p>
                    }
                </div>
            }
            { body }
            <p class="ak-status" role="status">{ state.status.clone().unwrap_or_default() }</p>
            // On its own page the answers are in the address, and so in the browser's history,
            // unless the switch under it keeps them out (for the tab's life: sessionStorage).
            if own_page {
                <p class="ak-privacy">{ if *no_history { cat.privacy } else { cat.privacy_history } }</p>
                <div class="ak-no-history">
                    <input type="checkbox" id="ak-no-history" class="ak-checkbox" checked={*no_history} onchange={on_no_history}
                        aria-describedby="ak-no-history-hint" />
                    <label for="ak-no-history">{ cat.no_history }</label>
                    <p class="ak-radio-hint" id="ak-no-history-hint">{ cat.no_history_hint }</p>
                </div>
            } else {
                <p class="ak-privacy">{ cat.privacy }</p>
            }
        </div>
    }
}

/// An ignored link parameter as the notice quotes it: `key=value` (or the key alone), at most 60
/// characters.
fn shown_param(n: &Ignored) -> String {
    let p = if n.value.is_empty() { n.key.clone() } else { format!("{}={}", n.key, n.value) };
    match p.char_indices().nth(60) {
        Some((at, _)) => format!("{}…", &p[..at]),
        None => p,
    }
}

/// A choice question: its name, question, hint, options (word, label and hint) and the word chosen.
type ChoiceQuestion = (&'static str, &'static str, &'static str, Vec<(&'static str, Choice)>, Option<&'static str>);

/// Renders the question for a step. Each kind of question is written once (one `html!` per
/// component): every instantiation costs the browser bundle its own copy.
fn render_step(
    step: Step,
    state: &State,
    config: &Config,
    cat: &'static Catalogue,
    heading: &NodeRef,
    on_answer: Callback<String>,
    on_back: Option<Callback<()>>,
) -> Html {
    let case = &state.flow.case;
    let (name, question, hint, mut options, mut selected): ChoiceQuestion = match step {
        Step::Input(Input::Kommun) | Step::Stay => {
            // The home kommun (only those the widget offers), or a stay's (anywhere).
            let home = step == Step::Input(Input::Kommun);
            // What was typed before the engine was ready, until the person has acted here.
            let typed = (home && !state.interacted && !config.kommun_text.is_empty()).then(|| (config.kommun_text.clone(), config.focused));
            let kommuner = with_rules(|r| {
                r.kommuner
                    .iter()
                    .filter(|k| !home || state.flow.offers(k))
                    .map(|k| (k.code.clone(), k.name.clone(), r.region(&k.lan).map_or(String::new(), |x| x.name.clone())))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
            let (question, hint, selected) =
                if home { (cat.kommun_question, cat.kommun_hint, case.kommun.clone()) } else { (cat.stay_question, cat.stay_hint, case.staying_in.clone()) };
            return html! {
                <KommunStep cat={cat} question={question} hint={hint} kommuner={Rc::new(kommuner)}
                    selected={selected} typed={typed} heading={heading.clone()} {on_answer} {on_back} />
            };
        }
        Step::Input(Input::Age) | Step::Date => {
            let age = step != Step::Date;
            let (key, question, hint, label, error_text, value) = if age {
                ("age", cat.age_question, cat.age_hint, cat.age_label, cat.age_error, case.age.map(|a| a.to_string()).unwrap_or_default())
            } else {
                ("date", cat.date_question, cat.date_hint, cat.date_label, cat.date_error, case.date.to_string())
            };
            let validate = Callback::from(move |t: String| {
                if age { crate::ui::flow::check_age(&t).map(|a| a.to_string()).ok() } else { Date::parse(t.trim()).ok().map(|d| d.to_string()) }
            });
            return html! {
                <TextStep key={key} name={key} question={question} hint={hint} label={label}
                    error_text={error_text} numeric={age} value={value} validate={validate}
                    cat={cat} heading={heading.clone()} {on_answer} {on_back} />
            };
        }
        Step::Input(Input::Need) => (
            "need",
            cat.need_question,
            cat.need_hint,
            crate::ui::flow::offered_needs().map(|n| (n.as_str(), cat.need(n))).collect(),
            case.need.map(|n| n.as_str()),
        ),
        Step::Input(Input::Aid) => ("aid", cat.aid_question, cat.aid_hint, Aid::ALL.iter().map(|a| (a.as_str(), cat.aid(*a))).collect(), case.aid.map(|a| a.as_str())),
        Step::Input(Input::Housing) => (
            "housing",
            cat.housing_question,
            cat.housing_hint,
            Housing::ALL.iter().map(|h| (h.as_str(), cat.housing(*h))).collect(),
            case.housing.map(|h| h.as_str()),
        ),
        Step::Input(Input::CanVisitClinic) => (
            "can_visit_clinic",
            cat.visit_question,
            cat.visit_hint,
            vec![("true", cat.visit_yes), ("false", cat.visit_no)],
            case.can_visit_clinic.map(|v| if v { "true" } else { "false" }),
        ),
        Step::Input(Input::Duration) => (
            "duration",
            cat.duration_question,
            cat.duration_hint,
            Duration::ALL.iter().map(|d| (d.as_str(), cat.duration(*d))).collect(),
            case.duration.map(|d| d.as_str()),
        ),
    };
    // "Vet inte" for what a relative may not know: the answer then says what it depends on.
    if let Step::Input(i) = step
        && i.may_be_unknown()
    {
        options.push((crate::engine::case::UNKNOWN, (cat.dont_know, cat.dont_know_hint)));
        if case.unknown.contains(i) {
            selected = Some(crate::engine::case::UNKNOWN);
        }
    }
    html! { <ChoiceStep {name} {question} {hint} {options} {selected} cat={cat} heading={heading.clone()} {on_answer} {on_back} /> }
}
