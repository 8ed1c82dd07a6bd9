//! The root component's effects, one named hook each: loading a region's rules (or the English
//! words) when the screen asks for them, keeping the URL hash in step with the case, following the browser's back and
//! forward buttons, the page's `lang`, moving focus to each new step, and announcing answers to
//! the host page. They carry out what the state (`ui::state`) says; they decide nothing.

use super::Config;
use crate::engine::Vocab;
use crate::ui::flow::{Screen, Step};
use crate::ui::state::{Action, State};
use std::rc::Rc;
use yew::prelude::*;

/// Fetches what the screen waits for — a region's rules, or the chosen language's words and texts —
/// (again after "Försök igen"), checks it, and reports how it went: a fetch that failed and bytes
/// that were refused are different problems, each named on the console for the web editor
/// (`super::fetch_part`).
#[hook]
pub fn use_region_loader(screen: &Screen, state: &UseReducerHandle<State>, config: &Rc<Config>) {
    let wanted = match screen {
        Screen::Load(lan) if state.load_error.is_none() => Some((lan.clone(), state.load_attempt)),
        _ => None,
    };
    super::use_part_fetch(wanted, state.dispatcher(), config, |result| match result {
        Ok(()) => Action::RulesLoaded,
        Err(p) => Action::LoadFailed(p),
    });
}

/// The standalone page keeps the case in the URL hash, one history entry per change, once the
/// person has acted (a link opened is not a change); in an iframe (`framed`) the entry is
/// replaced, so the host page's Back button is not filled with the widget's questions.
#[hook]
pub fn use_hash_sync(state: &State, standalone: bool, framed: bool) {
    let interacted = state.interacted;
    // A link with parameters the widget ignored (up to a megabyte of them: issue 10) is replaced
    // at once by the widget's own link. The browser keeps every history entry's address, and with
    // a persistent profile the first step after such a link took ~0.8 s (the entry written again).
    let ignored = standalone && (!state.notices.is_empty() || state.more_notices > 0);
    let first = ignored.then(|| state.link());
    use_effect_with((), move |_| {
        if let Some(link) = first {
            super::push_hash(&link, true);
        }
    });
    use_effect_with(state.link(), move |link| {
        if standalone && interacted {
            super::push_hash(link, framed);
        }
    });
}

/// The standalone page follows the browser's back and forward buttons (and pasted links); a link
/// to a staff view (`view=matrix`) is the loader's, which mounts the staff bundle for it.
#[hook]
pub fn use_popstate(dispatch: &UseReducerDispatcher<State>, standalone: bool) {
    let dispatch = dispatch.clone();
    use_effect_with((), move |_| {
        let listener = standalone.then(|| {
            let cb = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
                let hash = super::location_hash();
                if crate::ui::staff::link_view(&hash).is_none() {
                    dispatch.dispatch(Action::Hash(hash));
                }
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

/// The standalone page's `lang` follows the widget's (an embedded widget sets it on its own root).
#[hook]
pub fn use_document_lang(code: &'static str, standalone: bool) {
    use_effect_with(code, move |code| {
        if standalone {
            super::set_document_lang(code);
        }
    });
}

/// Focus moves to the heading of each new step, once the person has acted: an embedded widget
/// must not steal focus on page load.
#[hook]
pub fn use_focus_follows_step(heading: &NodeRef, screen: &Screen, interacted: bool) {
    let heading = heading.clone();
    use_effect_with((screen_key(screen), interacted), move |(_, interacted)| {
        if *interacted {
            super::focus(&heading);
        }
    });
}

/// Dispatches `ansvarskollen:answer` on the host element for each new answer.
#[hook]
pub fn use_answer_event(screen: &Screen, host: &web_sys::Element) {
    let json = match screen {
        Screen::Answer(a) => Some(a.to_json()),
        _ => None,
    };
    let host = host.clone();
    use_effect_with(json, move |json| {
        if let Some(j) = json {
            super::dispatch_answer(&host, j);
        }
    });
}

/// A stable key for a screen, to know when the step changed (and focus must move).
fn screen_key(screen: &Screen) -> String {
    match screen {
        Screen::Ask(Step::Input(i)) => format!("ask-{}", i.as_str()),
        Screen::Ask(Step::Date) => "ask-date".into(),
        Screen::Ask(Step::Stay) => "ask-stay".into(),
        Screen::Load(l) => format!("load-{l}"),
        Screen::Answer(a) => format!("answer-{}", a.to_json().len()),
        Screen::Problem(_) => "problem".into(),
    }
}

/// The standalone page's title names the step (issue 12): the question, "Fel: " before it while an
/// error is shown, or the answer's heading — read from the heading after each render, so that it
/// always says what the page shows. An embedded widget leaves its host's title alone.
#[hook]
pub fn use_document_title(heading: &NodeRef, own_page: bool, error_prefix: &'static str) {
    let heading = heading.clone();
    use_effect(move || {
        if own_page && let Some(h) = heading.cast::<web_sys::Element>() {
            let text = h.text_content().unwrap_or_default();
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            let error = h.closest(".ak-widget").ok().flatten().and_then(|w| w.query_selector(".ak-error-summary").ok().flatten()).is_some();
            if let Some(d) = web_sys::window().and_then(|w| w.document()) {
                d.set_title(&format!("{}{text} – Ansvarskollen", if error { error_prefix } else { "" }));
            }
        }
    });
}
