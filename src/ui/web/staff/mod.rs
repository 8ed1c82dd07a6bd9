//! The staff views' root component (feature `staff`, a bundle of its own): the heading, the views'
//! navigation, the kommun and date fields (and a comparison's second kommun and date), loading the
//! regions' rules a view needs, the URL hash, then the view itself — `matrix.rs`, `compare.rs`,
//! `timeline.rs`, each written as escaped HTML (`answer::Out`), which costs far less than `html!`.
//! Their state is `ui::staff` (plain Rust); what they show is the engine's staff API. Renders;
//! decides nothing.

mod compare;
mod matrix;
mod timeline;

use super::{Config, send, with_rules};
use crate::engine::Date;
use crate::ui::i18n::{self, Catalogue, fill, staff::StaffWords};
use crate::ui::staff::{StaffAction, StaffScreen, StaffStart, StaffState, View, link_view};
use crate::ui::state::LoadProblem;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StaffProps {
    pub config: Rc<Config>,
}

/// The Yew face of [`StaffState::apply`], with the page's shared rules.
impl Reducible for StaffState {
    type Action = StaffAction;

    fn reduce(self: Rc<Self>, action: StaffAction) -> Rc<Self> {
        let mut s = (*self).clone();
        with_rules(|rules| s.apply(action, rules));
        Rc::new(s)
    }
}

fn start(config: &Config) -> StaffState {
    let hash = config.standalone.then(super::location_hash);
    // A standalone page opened with a person's link and a `view` attribute (embed.html?view=)
    // still shows the staff view the attribute names.
    let hash = hash.filter(|h| link_view(h).is_some());
    let start = StaffStart {
        today: super::today(),
        view: config.view.as_deref(),
        lang: &config.lang,
        kommun: config.kommun.as_deref(),
        date: config.date.as_deref(),
        hash: hash.as_deref(),
    };
    super::RULES.with(|rules| StaffState::new(&start, rules.borrow().as_ref()))
}

/// The value of the form field an event came from (a select or an input).
fn field_value(e: &Event) -> String {
    use wasm_bindgen::JsCast;
    e.target()
        .and_then(|t| js_sys::Reflect::get(&t, &wasm_bindgen::JsValue::from_str("value")).ok())
        .and_then(|v| v.as_string())
        .or_else(|| e.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()).map(|i| i.value()))
        .unwrap_or_default()
}

#[function_component(StaffApp)]
pub fn staff_app(props: &StaffProps) -> Html {
    let config = &props.config;
    let state = use_reducer({
        let config = config.clone();
        move || start(&config)
    });
    let dispatch = state.dispatcher();
    // Until the English words are here (`rules/en.bin`), the Swedish ones, and a screen that waits.
    let cat: &'static Catalogue = i18n::catalogue(state.lang);
    let w: &'static StaffWords = i18n::staff::words(cat.code);
    let heading = use_node_ref();
    let screen = match super::language_wait(state.lang) {
        Some(lang) => StaffScreen::Load(lang),
        None => with_rules(|r| state.screen(r)).unwrap_or(StaffScreen::Choose),
    };

    use_staff_regions(&screen, &state, config);
    use_staff_hash(&state, config);
    use_staff_popstate(&dispatch, config.standalone);
    {
        let (code, standalone) = (state.lang, config.standalone);
        use_effect_with(code, move |code| {
            if standalone {
                super::set_document_lang(code);
            }
        });
    }
    {
        // Focus follows a change of view the person made (not a kommun or a date: the field keeps it).
        let heading = heading.clone();
        use_effect_with((state.place.view, state.interacted), move |(_, interacted)| {
            if *interacted {
                super::focus(&heading);
            }
        });
    }

    let other_lang = super::other_language(state.lang);
    let on_lang = send(&dispatch, move |_| StaffAction::Lang(other_lang.0));
    let about_href = format!("{}{}", config.base, cat.about_page);
    let lang_param = if state.lang == i18n::LANGUAGES[0].0 { String::new() } else { format!("&lang={}", state.lang) };

    // The views' navigation: links (to open in a new tab, or copy), followed in place.
    let nav = View::ALL.iter().enumerate().map(|(i, &v)| {
        let mut place = state.place.clone();
        place.view = v;
        let href = super::page_link(config, &format!("{}{lang_param}", place.to_params()));
        let current = (v == state.place.view).then_some("page");
        let onclick = {
            let dispatch = dispatch.clone();
            Callback::from(move |e: MouseEvent| {
                e.prevent_default();
                dispatch.dispatch(StaffAction::Show(v));
            })
        };
        html! { <li><a class="ak-staff-tab" href={href} aria-current={current} {onclick}>{ w.views[i] }</a></li> }
    });
    // Back to the person's questions (the standalone page: its views live in the same hash).
    let to_questions = (config.standalone && config.view.is_none()).then(|| {
        let params = state.place.kommun.as_ref().map(|k| format!("kommun={k}{lang_param}")).unwrap_or_default();
        super::page_link(config, &params)
    });

    let today = state.today;
    let date = state.place.date_on(today);
    let body = match &screen {
        StaffScreen::Choose => html! { <p class="ak-hint">{ w.choose_first }</p> },
        // In the language chosen, even while its words are on their way (`i18n::fetching`).
        StaffScreen::Load(_) => {
            let words = i18n::fetching(state.lang);
            match state.load_error {
                Some(problem) => html! {
                    <div class="ak-step" lang={state.lang}>
                        <p role="alert">{ if problem == LoadProblem::Refused { words.load_damaged } else { words.load_failed } }</p>
                        <button type="button" class="ak-button" onclick={send(&dispatch, |_| StaffAction::Retry)}>{ words.retry }</button>
                    </div>
                },
                None => html! { <p class="ak-loading" role="status" lang={state.lang}>{ words.loading }</p> },
            }
        }
        StaffScreen::Show => {
            let links = Links { config: config.clone(), lang: lang_param.clone() };
            let place = state.place.clone();
            let html = with_rules(|r| match place.view {
                View::Matrix => matrix::html(r, place.kommun.as_deref().unwrap_or_default(), date, cat, w, &links),
                View::Compare => compare::html(r, &place, today, cat, w, &links),
                View::Timeline => timeline::html(r, place.kommun.as_deref().unwrap_or_default(), today, cat, w, &links),
            })
            .unwrap_or_default();
            Html::from_html_unchecked(AttrValue::from(html))
        }
    };
    let kommun_name = state.place.kommun.as_deref().and_then(|k| with_rules(|r| r.kommun(k).map(|k| k.name.clone())).flatten());
    let title = match (state.place.view, &kommun_name) {
        (_, None) => w.heading.to_string(),
        (View::Matrix, Some(k)) => fill(cat.matrix_title, &[("kommun", k), ("date", &date.to_string())]),
        (View::Compare, Some(_)) => w.views[1].to_string(),
        (View::Timeline, Some(k)) => fill(w.timeline_title, &[("kommun", k)]),
    };
    let status = match (&kommun_name, state.interacted) {
        (Some(k), true) => fill(w.showing, &[("kommun", k), ("date", &date.to_string())]),
        _ => String::new(),
    };

    html! {
        <div class="ak-widget ak-staff" lang={cat.code} data-view={state.place.view.as_str()}>
            <div class="ak-bar">
                <p class="ak-brand"><span class="ak-title">{ cat.title }</span>{ " " }<span class="ak-tagline">{ w.heading }</span></p>
                <div class="ak-tools">
                    if let Some(href) = to_questions {
                        <a class="ak-link" href={href}>{ w.to_questions }</a>
                    }
                    <button type="button" class="ak-link" lang={other_lang.0} onclick={on_lang}>{ other_lang.1 }</button>
                    <a class="ak-link" href={about_href} target={super::new_tab(config)}>{ cat.about }</a>
                </div>
            </div>
            <nav class="ak-staff-nav" aria-label={w.nav}><ul>{ for nav }</ul></nav>
            if !state.notices.is_empty() {
                <div class="ak-notice" role="status">
                    <ul>
                        { for state.notices.iter().map(|n| html! {
                            <li>{ fill(cat.ignored_param, &[("param", &format!("{}={}", n.key, n.value))]) }</li>
                        }) }
                    </ul>
                    if state.more_notices > 0 {
                        <p>{ fill(cat.more_notices, &[("n", &state.more_notices.to_string())]) }</p>
                    }
                </div>
            }
            <h2 class="ak-heading" tabindex="-1" ref={heading}>{ title }</h2>
            <Fields state={state.clone()} w={w} dispatch={dispatch.clone()} />
            { body }
            if screen == StaffScreen::Show && state.place.view != View::Timeline {
                <div class="ak-actions">
                    <button type="button" class="ak-button ak-button--secondary" onclick={Callback::from(|_| super::print())}>{ cat.print }</button>
                </div>
            }
            <p class="ak-status" role="status">{ status }</p>
        </div>
    }
}

/// How the views link to a person's answer: [`super::page_link`] with the language.
pub(super) struct Links {
    config: Rc<Config>,
    /// `&lang=en`, or empty for the default language.
    lang: String,
}

impl Links {
    /// The person view's deep link for a case (its full explanation), and its `target`.
    pub(super) fn answer(&self, case: &crate::engine::Case) -> (String, Option<&'static str>) {
        (super::page_link(&self.config, &format!("{}{}", crate::engine::staff::params(case), self.lang)), super::new_tab(&self.config))
    }
}

#[derive(Properties)]
struct FieldsProps {
    state: UseReducerHandle<StaffState>,
    w: &'static StaffWords,
    dispatch: UseReducerDispatcher<StaffState>,
}

impl PartialEq for FieldsProps {
    fn eq(&self, other: &Self) -> bool {
        self.state.place == other.state.place && self.state.rules_rev == other.state.rules_rev && std::ptr::eq(self.w, other.w)
    }
}

/// The kommun and date fields (a comparison's second pair too). A kommun applies when chosen; a
/// date when the browser's date field holds a whole date inside the rules' window (typing a year
/// passes through 0002, 0020, 0202), or with "Visa".
#[function_component(Fields)]
fn fields(p: &FieldsProps) -> Html {
    let (state, w, dispatch) = (&p.state, p.w, &p.dispatch);
    let place = &state.place;
    let (kommuner, window) = with_rules(|r| (kommun_options(r), (r.window.from, r.window.to))).unwrap_or((Vec::new(), (Date::MIN, Date::MIN)));
    let in_window = move |t: &str| Date::parse(t).is_ok_and(|d| window.0 <= d && d <= window.1);
    let select = |id: &'static str, label: &'static str, empty: &'static str, chosen: Option<&str>, f: fn(String) -> StaffAction| {
        let onchange = send(dispatch, move |e: Event| f(field_value(&e)));
        html! {
            <div class="ak-field">
                <label class="ak-label" for={id}>{ label }</label>
                <select class="ak-input ak-select" id={id} name={id} {onchange}>
                    <option value="" selected={chosen.is_none()}>{ empty }</option>
                    { for kommuner.iter().map(|(region, ks)| html! {
                        <optgroup label={region.clone()}>
                            { for ks.iter().map(|(code, name)| html! {
                                <option value={code.clone()} selected={chosen == Some(code.as_str())}>{ name }</option>
                            }) }
                        </optgroup>
                    }) }
                </select>
            </div>
        }
    };
    let date_field = |id: &'static str, label: &'static str, hint: &'static str, value: Option<Date>, f: fn(String) -> StaffAction| {
        let onchange = {
            let dispatch = dispatch.clone();
            Callback::from(move |e: Event| {
                let v = field_value(&e);
                if v.is_empty() || in_window(&v) {
                    dispatch.dispatch(f(v));
                }
            })
        };
        let hint_id = format!("{id}-hint");
        html! {
            <div class="ak-field">
                <label class="ak-label" for={id}>{ label }</label>
                <p class="ak-hint" id={hint_id.clone()}>{ hint }</p>
                <input class="ak-input ak-input--date" type="date" id={id} name={id} aria-describedby={hint_id}
                    min={window.0.to_string()} max={window.1.to_string()}
                    value={value.map(|d| d.to_string()).unwrap_or_default()} {onchange} />
            </div>
        }
    };
    let onsubmit = {
        let dispatch = dispatch.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            use wasm_bindgen::JsCast;
            let Some(form) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
            for (id, f) in [("ak-staff-date", StaffAction::Date as fn(String) -> StaffAction), ("ak-staff-date2", StaffAction::Date2)] {
                if let Ok(Some(input)) = form.query_selector(&format!("#{id}"))
                    && let Ok(input) = input.dyn_into::<web_sys::HtmlInputElement>()
                {
                    dispatch.dispatch(f(input.value()));
                }
            }
        })
    };
    let compare = place.view == View::Compare;
    html! {
        <form class="ak-staff-fields" {onsubmit}>
            { select("ak-staff-kommun", w.kommun, w.choose_kommun, place.kommun.as_deref(), StaffAction::Kommun) }
            // A timeline shows every date: no date field.
            if place.view != View::Timeline {
                { date_field("ak-staff-date", w.date, w.date_hint, place.date, StaffAction::Date) }
            }
            if compare {
                { select("ak-staff-kommun2", w.kommun2, w.same_kommun, place.kommun2.as_deref(), StaffAction::Kommun2) }
                { date_field("ak-staff-date2", w.date2, w.date2_hint, place.date2, StaffAction::Date2) }
            }
            <button type="submit" class="ak-button ak-button--secondary ak-staff-show">{ w.show }</button>
        </form>
    }
}

/// The kommuner for a picker: grouped by the region their län has today, by länskod; by name
/// within (in Swedish alphabetical order: å, ä, ö last).
fn kommun_options(rules: &crate::engine::RuleSet) -> Vec<(String, Vec<(String, String)>)> {
    let mut out: Vec<(String, Vec<(String, String)>)> = Vec::new();
    for region in &rules.regions {
        let mut ks: Vec<(String, String)> =
            rules.kommuner.iter().filter(|k| k.lan == region.lan).map(|k| (k.code.clone(), k.name.clone())).collect();
        ks.sort_by_key(|(_, name)| crate::ui::i18n::swedish_sort_key(name));
        out.push((region.name.clone(), ks));
    }
    out
}

/// Fetches the rules of a region the view needs, or the English words and texts (again after
/// "Försök igen"), as the person's widget does (`hooks::use_region_loader`).
#[hook]
fn use_staff_regions(screen: &StaffScreen, state: &UseReducerHandle<StaffState>, config: &Rc<Config>) {
    let wanted = match screen {
        StaffScreen::Load(lan) if state.load_error.is_none() => Some((lan.clone(), state.load_attempt)),
        _ => None,
    };
    super::use_part_fetch(wanted, state.dispatcher(), config, |result| match result {
        Ok(()) => StaffAction::RulesLoaded,
        Err(p) => StaffAction::LoadFailed(p),
    });
}

/// The standalone page keeps the place in the URL hash once the person has acted: a new history
/// entry for another view, the same entry for another kommun or date (Back leaves the view rather
/// than stepping through every date tried); in an iframe always the same entry.
#[hook]
fn use_staff_hash(state: &StaffState, config: &Config) {
    let (standalone, framed, interacted, view) = (config.standalone, config.framed, state.interacted, state.place.view);
    let last_view = use_mut_ref(|| view);
    use_effect_with(state.link(), move |link| {
        if standalone && interacted {
            // Back or forward to a staff place: its own entry, written as the place reads.
            let replace = framed || *last_view.borrow() == view || link_view(&super::location_hash()) == Some(view);
            super::push_hash(link, replace);
        }
        *last_view.borrow_mut() = view;
    });
}

/// The standalone page follows the browser's back and forward buttons between staff places (a
/// person's link is the loader's: it mounts the person's bundle).
#[hook]
fn use_staff_popstate(dispatch: &UseReducerDispatcher<StaffState>, standalone: bool) {
    let dispatch = dispatch.clone();
    use_effect_with((), move |_| {
        let listener = standalone.then(|| {
            let cb = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
                dispatch.dispatch(StaffAction::Hash(super::location_hash()));
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
