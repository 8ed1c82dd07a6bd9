//! "Where?": a searchable kommun picker following the ARIA 1.2 combobox pattern (editable input,
//! list autocomplete). Typing "väst" offers Västerås, Västervik, …; matching ignores case and
//! accents and also finds kommun codes. Arrow keys move, Enter chooses, Escape closes.

use super::steps::{back_link, error_summary, use_error_summary};
use crate::engine::ruleset::fold;
use crate::html::escape_html;
use crate::ui::i18n::{Catalogue, fill};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct KommunProps {
    pub cat: &'static Catalogue,
    /// The question (the home kommun, or the kommun of a temporary stay) and its hint.
    pub question: &'static str,
    pub hint: &'static str,
    /// (code, name, region name) for every kommun the picker offers.
    pub kommuner: Rc<Vec<(String, String, String)>>,
    pub selected: Option<String>,
    /// Text typed in the plain-HTML question before the engine was ready, and whether its field
    /// had focus.
    pub typed: Option<(String, bool)>,
    pub heading: NodeRef,
    pub on_answer: Callback<String>,
    pub on_back: Option<Callback<()>>,
}

/// Indices of the kommuner matching a query: names that start with it first, then names that
/// contain it, then codes that start with it.
pub fn matches(kommuner: &[(String, String, String)], query: &str) -> Vec<usize> {
    // "Göteborgs stad", "Region Gotland": the name without the organisation's words, and without
    // the genitive s if the name has none.
    let q = crate::engine::ruleset::name_key(query);
    let found = matches_key(kommuner, &q);
    match q.strip_suffix('s') {
        // Not while a short prefix is typed: "väs" must not offer every name with "va".
        Some(bare) if found.is_empty() && bare.len() >= 4 => matches_key(kommuner, bare),
        _ => found,
    }
}

fn matches_key(kommuner: &[(String, String, String)], q: &str) -> Vec<usize> {
    let q = q.to_string();
    if q.is_empty() {
        return Vec::new();
    }
    let mut starts = Vec::new();
    let mut contains = Vec::new();
    for (i, (code, name, _)) in kommuner.iter().enumerate() {
        let n = fold(name);
        if n.starts_with(&q) {
            starts.push(i);
        } else if n.contains(&q) || code.starts_with(&q) {
            contains.push(i);
        }
    }
    starts.extend(contains);
    starts
}

#[function_component(KommunStep)]
pub fn kommun_step(p: &KommunProps) -> Html {
    let initial = p
        .selected
        .as_ref()
        .and_then(|c| p.kommuner.iter().find(|k| &k.0 == c))
        .map(|k| k.1.clone())
        .or_else(|| p.typed.as_ref().map(|t| t.0.clone()))
        .unwrap_or_default();
    let text = use_state(|| initial);
    let open = use_state(|| false);
    let active = use_state(|| None::<usize>);
    let error = use_state(|| false);
    let input = use_node_ref();
    let summary = use_error_summary(*error, p.cat.error_prefix);
    {
        // Keep the focus where the person was typing when the plain-HTML question was replaced.
        let input = input.clone();
        let refocus = p.typed.as_ref().is_some_and(|t| t.1);
        use_effect_with((), move |_| {
            if refocus {
                super::focus(&input);
            }
        });
    }
    let found = matches(&p.kommuner, &text);
    let shown: Vec<usize> = found.iter().copied().take(12).collect();

    // The kommun the text names exactly (a finished choice), if any.
    let exact = {
        let t = fold(text.trim());
        p.kommuner.iter().find(|k| fold(&k.1) == t || k.0 == t).map(|k| k.0.clone())
    };

    let choose = {
        let on_answer = p.on_answer.clone();
        Callback::from(move |code: String| on_answer.emit(code))
    };
    let oninput = {
        let text = text.clone();
        let open = open.clone();
        let active = active.clone();
        let error = error.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(el) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                text.set(el.value());
                open.set(true);
                active.set(None);
                error.set(false);
            }
        })
    };
    let onkeydown = {
        let open = open.clone();
        let active = active.clone();
        let shown = shown.clone();
        let kommuner = p.kommuner.clone();
        let choose = choose.clone();
        let text = text.clone();
        Callback::from(move |e: KeyboardEvent| {
            let n = shown.len();
            match e.key().as_str() {
                "ArrowDown" if n > 0 => {
                    e.prevent_default();
                    open.set(true);
                    active.set(Some(active.map_or(0, |a| (a + 1) % n)));
                }
                "ArrowUp" if n > 0 => {
                    e.prevent_default();
                    open.set(true);
                    active.set(Some(active.map_or(n - 1, |a| (a + n - 1) % n)));
                }
                "Enter" => {
                    if let (true, Some(a)) = (*open, *active) {
                        e.prevent_default();
                        let k = &kommuner[shown[a]];
                        text.set(k.1.clone());
                        open.set(false);
                        choose.emit(k.0.clone());
                    }
                }
                "Escape" => {
                    if *open {
                        open.set(false);
                        active.set(None);
                    } else {
                        text.set(String::new());
                    }
                }
                _ => {}
            }
        })
    };
    let onsubmit = {
        let exact = exact.clone();
        let found = found.clone();
        let kommuner = p.kommuner.clone();
        let choose = choose.clone();
        let error = error.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match (&exact, found.as_slice()) {
                (Some(code), _) => choose.emit(code.clone()),
                (None, [only]) => choose.emit(kommuner[*only].0.clone()),
                _ => error.set(true),
            }
        })
    };
    let onblur = {
        let open = open.clone();
        Callback::from(move |_: FocusEvent| open.set(false))
    };
    let onfocus = {
        let open = open.clone();
        Callback::from(move |_: FocusEvent| open.set(true))
    };

    // Nothing left to choose when the text names the only kommun offered.
    let settled = exact.is_some() && shown.len() == 1;
    let expanded = *open && !shown.is_empty() && !settled;
    let count_text = match found.len() {
        _ if text.trim().is_empty() || exact.is_some() => String::new(),
        0 => p.cat.kommun_none.to_string(),
        1 => p.cat.kommun_one.to_string(),
        n => fill(p.cat.kommun_count, &[("n", &n.to_string())]),
    };
    // Nothing typed; a text that names no kommun (with a hint, never "välj i listan" when no list
    // shows); several kommuner that match (the list shows them).
    let error_text = if text.trim().is_empty() {
        p.cat.kommun_error
    } else if found.is_empty() {
        p.cat.kommun_no_match
    } else {
        p.cat.kommun_several
    };
    let described = if *error { "ak-kommun-hint ak-kommun-error" } else { "ak-kommun-hint" };
    // The options as escaped HTML (cheaper for the bundle than `html!`), each naming its kommun
    // in `data-code` for the one mousedown handler of the list.
    let mut options = String::new();
    for (pos, &i) in shown.iter().enumerate() {
        let (code, name, region) = &p.kommuner[i];
        let active = if *active == Some(pos) { " ak-option--active\" aria-selected=\"true" } else { "\" aria-selected=\"false" };
        options.push_str(&format!(
            "<li id=\"ak-kommun-opt-{pos}\" role=\"option\" class=\"ak-option{active}\" data-code=\"{}\"><span class=\"ak-option-name\">{}</span><span class=\"ak-option-region\">{}</span></li>",
            escape_html(code),
            escape_html(name),
            escape_html(region)
        ));
    }
    // mousedown, not click: it comes before the input's blur closes the list.
    let onmousedown = {
        let choose = choose.clone();
        let text = text.clone();
        let open = open.clone();
        let kommuner = p.kommuner.clone();
        Callback::from(move |e: MouseEvent| {
            use wasm_bindgen::JsCast;
            let hit = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|el| el.closest("[data-code]").ok().flatten());
            if let Some(code) = hit.and_then(|el| el.get_attribute("data-code")) {
                e.prevent_default();
                if let Some(k) = kommuner.iter().find(|k| k.0 == code) {
                    text.set(k.1.clone());
                }
                open.set(false);
                choose.emit(code);
            }
        })
    };
    html! {
        <form class="ak-step" novalidate=true {onsubmit}>
            { back_link(p.cat, &p.on_back) }
            if *error {
                { error_summary(p.cat, error_text, &input, &summary) }
            }
            <div class={classes!("ak-group", error.then_some("ak-group--error"))}>
                <h2 class="ak-heading" tabindex="-1" ref={p.heading.clone()}>
                    <label for="ak-kommun">{ p.question }</label>
                </h2>
                <p class="ak-hint" id="ak-kommun-hint">{ p.hint }</p>
                if *error {
                    <p class="ak-error-message" id="ak-kommun-error">{ error_text }</p>
                }
                <div class="ak-combobox">
                    <input class="ak-input" type="text" id="ak-kommun" name="kommun" ref={input}
                        role="combobox" aria-autocomplete="list" aria-controls="ak-kommun-list"
                        aria-expanded={expanded.to_string()}
                        aria-activedescendant={if expanded { active.map(|a| format!("ak-kommun-opt-{a}")) } else { None }}
                        aria-describedby={described} aria-invalid={error.to_string()}
                        autocomplete="off" autocapitalize="off" spellcheck="false"
                        value={(*text).clone()} {oninput} {onkeydown} {onblur} {onfocus} />
                    <ul class="ak-listbox" id="ak-kommun-list" role="listbox" aria-label={p.cat.kommun_label} hidden={!expanded} {onmousedown}>
                        { Html::from_html_unchecked(AttrValue::from(options)) }
                    </ul>
                </div>
                <p class="ak-visually-hidden" role="status" aria-live="polite">{ count_text }</p>
            </div>
            <button type="submit" class="ak-button">{ p.cat.continue_ }</button>
        </form>
    }
}
