//! Question pages in the GOV.UK pattern: the question is the heading, a hint under it, a back
//! link, one thing to answer, a Continue button, and an error summary when nothing was given.

use crate::ui::i18n::{Catalogue, Choice};
use yew::prelude::*;

// Plain functions, not components: they keep no state, and every component type costs the
// browser bundle its own copy of Yew's component machinery.

/// "Tillbaka", when there is somewhere to go back to.
pub fn back_link(cat: &Catalogue, on_back: &Option<Callback<()>>) -> Html {
    match on_back {
        Some(cb) => {
            let cb = cb.clone();
            html! { <button type="button" class="ak-back" onclick={move |_| cb.emit(())}>{ cat.back }</button> }
        }
        None => html! {},
    }
}

/// The error summary's node, focused whenever the summary appears (GOV.UK: the person is taken
/// to the problem).
#[hook]
pub fn use_error_summary(shown: bool, prefix: &'static str) -> NodeRef {
    let summary = use_node_ref();
    {
        let summary = summary.clone();
        use_effect_with(shown, move |shown| {
            if *shown {
                super::focus(&summary);
                // "Fel: " before the standalone page's title (set by `use_document_title`, which
                // ends it with " – Ansvarskollen"; a host page's own title is left alone).
                if let Some(d) = web_sys::window().and_then(|w| w.document()) {
                    let t = d.title();
                    if t.ends_with(" – Ansvarskollen") && !t.starts_with(prefix) {
                        d.set_title(&format!("{prefix}{t}"));
                    }
                }
            }
        });
    }
    summary
}

/// The error summary at the top of a step (focused when shown); its link moves focus to `target`.
pub fn error_summary(cat: &Catalogue, message: &'static str, target: &NodeRef, node: &NodeRef) -> Html {
    let target = target.clone();
    html! {
        <div class="ak-error-summary" role="alert" tabindex="-1" ref={node.clone()}>
            <h2 class="ak-error-title">{ cat.error_title }</h2>
            <ul>
                <li><button type="button" class="ak-link" onclick={move |_| super::focus(&target)}>{ message }</button></li>
            </ul>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ChoiceProps {
    /// The input's name in the case vocabulary, used for ids.
    pub name: &'static str,
    pub question: &'static str,
    pub hint: &'static str,
    /// (word, (label, hint)) for each choice.
    pub options: Vec<(&'static str, Choice)>,
    pub selected: Option<&'static str>,
    pub cat: &'static Catalogue,
    pub heading: NodeRef,
    pub on_answer: Callback<String>,
    pub on_back: Option<Callback<()>>,
}

/// One question answered by choosing one of several options (radio buttons).
///
/// One component serves every choice question: Yew then turns one question into the next by
/// changing the page in place instead of rebuilding it (measured: faster re-renders on slow
/// phones). Its state is therefore tied to the question's `name`, so nothing carries over.
#[function_component(ChoiceStep)]
pub fn choice_step(p: &ChoiceProps) -> Html {
    let name = p.name;
    // (question, chosen word) and the question with an error shown.
    let chosen_state = use_state(|| None::<(&'static str, String)>);
    // The latest choice, also between renders: a change and a submit can come in one task.
    let latest = use_mut_ref(|| None::<(&'static str, String)>);
    let error_state = use_state(|| None::<&'static str>);
    let chosen: Option<String> = match &*chosen_state {
        Some((n, w)) if *n == name => Some(w.clone()),
        _ => p.selected.map(str::to_string),
    };
    let error = *error_state == Some(name);
    let summary = use_error_summary(error, p.cat.error_prefix);
    let first = use_node_ref();
    let onsubmit = {
        let chosen = chosen.clone();
        let latest = latest.clone();
        let error_state = error_state.clone();
        let on_answer = p.on_answer.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let fresh = latest.borrow().as_ref().filter(|(n, _)| *n == name).map(|(_, w)| w.clone());
            match fresh.or_else(|| chosen.clone()) {
                Some(w) => on_answer.emit(w),
                None => error_state.set(Some(name)),
            }
        })
    };
    let hint_id = format!("ak-{name}-hint");
    let error_id = format!("ak-{name}-error");
    let described = if error { format!("{hint_id} {error_id}") } else { hint_id.clone() };
    html! {
        <form class="ak-step" novalidate=true {onsubmit}>
            { back_link(p.cat, &p.on_back) }
            if error {
                { error_summary(p.cat, p.cat.choose_one, &first, &summary) }
            }
            <div class={classes!("ak-group", error.then_some("ak-group--error"))}>
                <fieldset class="ak-fieldset" aria-describedby={described}>
                    <legend class="ak-legend">
                        <h2 class="ak-heading" tabindex="-1" ref={p.heading.clone()}>{ p.question }</h2>
                    </legend>
                    <p class="ak-hint" id={hint_id}>{ p.hint }</p>
                    if error {
                        <p class="ak-error-message" id={error_id}>{ p.cat.choose_one }</p>
                    }
                    <div class="ak-radios">
                        { for p.options.iter().enumerate().map(|(i, (word, (label, hint)))| {
                            let id = format!("ak-{name}-{i}");
                            let hid = format!("{id}-hint");
                            let checked = chosen.as_deref() == Some(*word);
                            let onchange = {
                                let chosen_state = chosen_state.clone();
                                let latest = latest.clone();
                                let word = word.to_string();
                                Callback::from(move |_: Event| {
                                    *latest.borrow_mut() = Some((name, word.clone()));
                                    chosen_state.set(Some((name, word.clone())));
                                })
                            };
                            html! {
                                <div class="ak-radio">
                                    <input class="ak-radio-input" type="radio" id={id.clone()} name={name} value={*word}
                                        {checked} {onchange} aria-describedby={hid.clone()}
                                        ref={if i == 0 { first.clone() } else { NodeRef::default() }} />
                                    <label class="ak-radio-label" for={id}>{ *label }</label>
                                    <p class="ak-radio-hint" id={hid}>{ *hint }</p>
                                </div>
                            }
                        }) }
                    </div>
                </fieldset>
            </div>
            <button type="submit" class="ak-button">{ p.cat.continue_ }</button>
        </form>
    }
}

#[derive(Properties, PartialEq)]
pub struct TextProps {
    pub name: &'static str,
    pub question: &'static str,
    pub hint: &'static str,
    pub label: &'static str,
    pub error_text: &'static str,
    pub numeric: bool,
    pub value: String,
    /// Returns the answer's word, or `None` if the text is not valid.
    pub validate: Callback<String, Option<String>>,
    pub cat: &'static Catalogue,
    pub heading: NodeRef,
    pub on_answer: Callback<String>,
    pub on_back: Option<Callback<()>>,
}

/// One question answered by typing (age, date). The question, as heading, labels the field.
#[function_component(TextStep)]
pub fn text_step(p: &TextProps) -> Html {
    let text = use_state(|| p.value.clone());
    let error = use_state(|| false);
    let summary = use_error_summary(*error, p.cat.error_prefix);
    let input = use_node_ref();
    let oninput = {
        let text = text.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(el) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                text.set(el.value());
            }
        })
    };
    let onsubmit = {
        let text = text.clone();
        let error = error.clone();
        let validate = p.validate.clone();
        let on_answer = p.on_answer.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match validate.emit((*text).clone()) {
                Some(word) => on_answer.emit(word),
                None => error.set(true),
            }
        })
    };
    let name = p.name;
    let id = format!("ak-{name}");
    let hint_id = format!("ak-{name}-hint");
    let error_id = format!("ak-{name}-error");
    let described = if *error { format!("{hint_id} {error_id}") } else { hint_id.clone() };
    html! {
        <form class="ak-step" novalidate=true {onsubmit}>
            { back_link(p.cat, &p.on_back) }
            if *error {
                { error_summary(p.cat, p.error_text, &input, &summary) }
            }
            <div class={classes!("ak-group", error.then_some("ak-group--error"))}>
                <h2 class="ak-heading" tabindex="-1" ref={p.heading.clone()}>
                    <label for={id.clone()}>{ p.question }</label>
                </h2>
                <p class="ak-hint" id={hint_id}>{ p.hint }</p>
                if *error {
                    <p class="ak-error-message" id={error_id}>{ p.error_text }</p>
                }
                <input class={classes!("ak-input", p.numeric.then_some("ak-input--short"))} type="text" id={id} name={name}
                    value={(*text).clone()} {oninput} ref={input}
                    inputmode={if p.numeric { "numeric" } else { "text" }} autocomplete="off" spellcheck="false"
                    aria-describedby={described} aria-invalid={error.to_string()} />
            </div>
            <button type="submit" class="ak-button">{ p.cat.continue_ }</button>
        </form>
    }
}
