//! The browser side: the exports the embed script calls, the shared rules, and small DOM helpers.
//!
//! `ansvarskollen.js` (hand-written, in `www/`) defines the `<ansvarskollen-widget>` element; it
//! fetches the compiled core rules once, calls [`init_rules`], then [`mount`] for each element with
//! a `<div>` inside the element's shadow root. Region rules are fetched on demand through the
//! `fetchBytes` function it passes in. Nothing about the person is stored or sent.
//! (Longer than most: the wasm exports and the few DOM, history and storage calls both bundles
//! share; each helper is small and used from more than one component.)
//!
//! Two bundles are built from this module: the person's (feature `ui`: [`mount`] shows the
//! questions and the answer, `app.rs`) and the staff views' (feature `staff`: [`mount`] shows the
//! matrix, compare and timeline views, `staff/`), which the loader fetches only for
//! `view=matrix|compare|timeline`. The staff bundle uses `answer.rs` for its HTML writer and the
//! way sources are cited, nothing else of the person's views.

// In the staff bundle only `Out` and `citation` of the answer are used (the linker drops the rest).
#[cfg_attr(feature = "staff", allow(dead_code))]
mod answer;
#[cfg(not(feature = "staff"))]
mod app;
#[cfg(not(feature = "staff"))]
mod hooks;
#[cfg(not(feature = "staff"))]
mod kommun;
#[cfg(feature = "staff")]
mod staff;
#[cfg(not(feature = "staff"))]
mod steps;

use crate::engine::compiled::{self, IntegrityError};
use crate::engine::{RuleSet, Vocab};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The allocator: talc's wasm mode is a few kilobytes smaller than the default dlmalloc.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };

thread_local! {
    /// The rules, shared by every widget on the page; region parts are added as they arrive.
    static RULES: RefCell<Option<RuleSet>> = const { RefCell::new(None) };
}

/// Runs `f` with the rules (panics never: callers mount only after `init_rules`).
pub(crate) fn with_rules<T>(f: impl FnOnce(&RuleSet) -> T) -> Option<T> {
    RULES.with(|r| r.borrow().as_ref().map(f))
}

/// Adds region `lan`'s compiled rules, fetched as `rules/regions/{lan}.bin`, if their bytes have
/// the digest the core records for that region (see `engine::compiled::integrity`).
pub(crate) fn add_region(lan: &str, bytes: &[u8]) -> Result<(), IntegrityError> {
    RULES.with(|r| match r.borrow_mut().as_mut() {
        Some(rules) => rules.add_region_bytes(lan, bytes),
        None => Err(IntegrityError::NoCore),
    })
}

/// Adds the English words and the core's English texts (`rules/en.bin`), if their bytes have the
/// digest the core records for them (see `engine::compiled::english`). Adding them twice changes
/// nothing.
pub(crate) fn add_english(bytes: &[u8]) -> Result<(), IntegrityError> {
    RULES.with(|r| match r.borrow_mut().as_mut() {
        Some(rules) if rules.has_english() => Ok(()),
        Some(rules) => {
            let part = rules.read_english(bytes)?;
            // Both are checked before either is used: one is not used without the other.
            let words = crate::ui::i18n::english_catalogue(part.words).ok_or(IntegrityError::Damaged)?;
            rules.add_english(part.texts)?;
            crate::ui::i18n::set_english(words);
            Ok(())
        }
        None => Err(IntegrityError::NoCore),
    })
}

/// Loads the compiled core rules (`rules/core.bin`), after checking the digest they end with.
/// Call once per page.
#[wasm_bindgen]
pub fn init_rules(core: &[u8]) -> Result<(), JsValue> {
    let rules = compiled::decode(core).map_err(|e| JsValue::from_str(&format!("rules/core.bin: {e}")))?;
    RULES.with(|r| *r.borrow_mut() = Some(rules));
    Ok(())
}

/// Adds a region's compiled rules (`rules/regions/NN.bin`) to the page's rules, if their bytes have
/// the digest the core records for one of the regions (anything else is refused). The widget does
/// this itself when it needs a region; integrators and tests may preload.
#[wasm_bindgen]
pub fn load_region(bytes: &[u8]) -> Result<(), JsValue> {
    RULES
        .with(|r| match r.borrow_mut().as_mut() {
            Some(rules) => rules.add_any_region_bytes(bytes).map(|_| ()),
            None => Err(IntegrityError::NoCore),
        })
        .map_err(|e| JsValue::from_str(&e.to_string()))
}

/// Adds the English words and the core's English texts (`rules/en.bin`), if their bytes have the
/// digest the core records (anything else is refused). The widget does this itself when a reader
/// chooses English; the loader's `engine()` does it for integrators, so that `answer_json(…, "en")`
/// answers in English.
#[wasm_bindgen]
pub fn load_english(bytes: &[u8]) -> Result<(), JsValue> {
    add_english(bytes).map_err(|e| JsValue::from_str(&format!("rules/en.bin: {e}")))
}

/// One line on the console for the web editor: which file, and why it was not used.
pub(crate) fn console_error(message: &str) {
    web_sys::console::error_1(&JsValue::from_str(&format!("Ansvarskollen: {message}")));
}

/// The engine's answer for a case written as URL parameters in the case vocabulary
/// (`kommun=1980&age=79&housing=ordinary&can_visit_clinic=false&need=nursing&date=2024-05-02`), as
/// JSON: the answer, or `{"case": {…}, "determined": null, "needed": [...]}` (both documented in
/// `engine::answer`). The same engine and rules as the widget; for integrators and for the test
/// that the browser answers exactly as the CLI.
#[wasm_bindgen]
pub fn answer_json(query: &str, lang: &str) -> Result<String, JsValue> {
    let lang = crate::engine::Lang::parse(lang).map_err(|e| JsValue::from_str(&e.to_string()))?;
    with_rules(|rules| {
        // Never Swedish texts under an English label: the English comes with `rules/en.bin`.
        if lang == crate::engine::Lang::En && !rules.has_english() {
            return Err(JsValue::from_str("rules/en.bin is not loaded (load_english)"));
        }
        let mut flow = crate::ui::flow::Flow::new(today());
        let ignored = flow.apply_params(query, rules);
        if let Some(i) = ignored.first() {
            return Err(JsValue::from_str(&format!("{}={}: {}", i.key, i.value, i.reason)));
        }
        match crate::engine::resolve(rules, &flow.case, lang) {
            Ok(crate::engine::Resolution::Answer(a)) => Ok(a.to_json()),
            Ok(crate::engine::Resolution::Ask(needed)) => Ok(crate::engine::answer::needed_json(&flow.case, &needed, false)),
            Err(e) => Err(JsValue::from_str(&e.message)),
        }
    })
    .unwrap_or_else(|| Err(JsValue::from_str("the rules are not loaded")))
}

/// Engine speed inside wasm, for the performance report (feature `perf`, not shipped): decides a complete case (written as
/// for [`answer_json`]) `n` times, with its explanation, and returns microseconds per decision.
#[cfg(feature = "perf")]
#[wasm_bindgen]
pub fn time_decisions(query: &str, n: u32) -> Result<f64, JsValue> {
    with_rules(|rules| {
        let mut flow = crate::ui::flow::Flow::new(today());
        flow.apply_params(query, rules);
        let start = js_sys::Date::now();
        for _ in 0..n {
            crate::engine::decide(rules, &flow.case, crate::engine::Lang::Sv).map_err(|e| JsValue::from_str(&e.message))?;
        }
        Ok((js_sys::Date::now() - start) * 1000.0 / f64::from(n.max(1)))
    })
    .unwrap_or_else(|| Err(JsValue::from_str("the rules are not loaded")))
}

/// What the host configured, read from the element's attributes by the embed script.
#[derive(Clone, PartialEq)]
pub(crate) struct Config {
    pub lang: String,
    pub kommun: Option<String>,
    pub lan: Option<String>,
    pub date: Option<String>,
    /// The standalone page: the case lives in the URL hash.
    pub standalone: bool,
    /// The standalone page inside an iframe (`embed.html`): the hash changes without adding to the
    /// host's history, "Om uppgifterna" opens in a new tab, and "Kopiera länk" is shown only with
    /// a `share` link.
    pub framed: bool,
    /// The host page's link for "Kopiera länk" in an iframe (`embed.html?share=`); the case is
    /// added as its hash.
    pub share: Option<String>,
    /// `fetchBytes(path) -> Promise<Uint8Array>`, relative to the widget's files.
    pub fetch_bytes: js_sys::Function,
    /// The custom element: answer events are dispatched on it.
    pub host: web_sys::Element,
    /// The URL of the widget's files, ending in `/`.
    pub base: String,
    /// What was typed in the plain-HTML first question before the engine was ready.
    pub kommun_text: String,
    /// Whether "Fortsätt" was pressed there.
    pub submitted: bool,
    /// Whether its field had focus (the widget's own field then takes it).
    pub focused: bool,
    /// The staff view the host asked for (`view`: matrix, compare, timeline).
    #[cfg(feature = "staff")]
    pub view: Option<String>,
}

fn opt_string(options: &JsValue, key: &str) -> Option<String> {
    js_sys::Reflect::get(options, &JsValue::from_str(key)).ok().and_then(|v| v.as_string()).filter(|s| !s.trim().is_empty())
}

fn opt_bool(options: &JsValue, key: &str) -> bool {
    js_sys::Reflect::get(options, &JsValue::from_str(key)).ok().and_then(|v| v.as_bool()).unwrap_or(false)
}

/// The root component this bundle mounts: the person's questions, or the staff views.
#[cfg(not(feature = "staff"))]
type Root = app::App;
#[cfg(feature = "staff")]
type Root = staff::StaffApp;

thread_local! {
    /// The widgets mounted on the page, by their root, so that [`unmount`] can take one down.
    static MOUNTED: RefCell<Vec<(web_sys::Element, yew::AppHandle<Root>)>> = const { RefCell::new(Vec::new()) };
}

/// Mounts one widget on `root` (a `<div>` in the shadow root of `host`).
/// `options`: `{ lang, kommun, lan, date, standalone, framed, share, fetchBytes, base, kommunText,
/// submitted, focused }` (the last three hand over the plain-HTML first question); the staff
/// bundle also reads `view`.
#[wasm_bindgen]
pub fn mount(host: web_sys::Element, root: web_sys::Element, options: JsValue) -> Result<(), JsValue> {
    let fetch_bytes: js_sys::Function = js_sys::Reflect::get(&options, &JsValue::from_str("fetchBytes"))?
        .dyn_into()
        .map_err(|_| JsValue::from_str("mount: options.fetchBytes must be a function"))?;
    let config = Config {
        lang: opt_string(&options, "lang").unwrap_or_else(|| "sv".into()),
        kommun: opt_string(&options, "kommun"),
        lan: opt_string(&options, "lan"),
        date: opt_string(&options, "date"),
        standalone: opt_bool(&options, "standalone"),
        framed: opt_bool(&options, "framed"),
        share: opt_string(&options, "share"),
        fetch_bytes,
        host,
        base: opt_string(&options, "base").unwrap_or_default(),
        kommun_text: opt_string(&options, "kommunText").unwrap_or_default(),
        submitted: opt_bool(&options, "submitted"),
        focused: opt_bool(&options, "focused"),
        #[cfg(feature = "staff")]
        view: opt_string(&options, "view"),
    };
    #[cfg(not(feature = "staff"))]
    let props = app::AppProps { config: Rc::new(config) };
    #[cfg(feature = "staff")]
    let props = staff::StaffProps { config: Rc::new(config) };
    let handle = yew::Renderer::<Root>::with_root_and_props(root.clone(), props).render();
    MOUNTED.with(|m| m.borrow_mut().push((root, handle)));
    Ok(())
}

/// Takes down the widget mounted on `root` (its effects' listeners included), so the embed script
/// can mount it again with the host's new attributes.
#[wasm_bindgen]
pub fn unmount(root: web_sys::Element) {
    let handle = MOUNTED.with(|m| {
        let mut m = m.borrow_mut();
        m.iter().position(|(r, _)| *r == root).map(|i| m.swap_remove(i).1)
    });
    if let Some(h) = handle {
        h.destroy();
    }
}

/// Fetches one of the widget's files through the embed script.
pub(crate) async fn fetch_bytes(config: &Config, path: &str) -> Result<Vec<u8>, String> {
    let failed = || format!("{path}: could not be fetched (offline, a timeout or an HTTP error)");
    let promise = config.fetch_bytes.call1(&JsValue::NULL, &JsValue::from_str(path)).map_err(|_| failed())?;
    let promise: js_sys::Promise = promise.dyn_into().map_err(|_| failed())?;
    let value = wasm_bindgen_futures::JsFuture::from(promise).await.map_err(|e| match e.dyn_ref::<js_sys::Error>() {
        Some(e) => format!("{}: {}", failed(), String::from(e.message())),
        None => failed(),
    })?;
    let bytes: js_sys::Uint8Array = value.dyn_into().map_err(|_| failed())?;
    Ok(bytes.to_vec())
}

/// Fetches a part of the rules and adds it once it passes the integrity check, for the person's
/// widget and the staff views alike: a region's (`part` is its länskod; `rules/regions/NN.bin`) or
/// a language's (`en`: `rules/en.bin`, the English words and texts). A retry (`attempt` > 0) asks
/// for another URL, so neither the embed script's promise of the failed attempt nor a cache hands
/// back the same bytes. A failed fetch and refused bytes are different problems, each named on the
/// console for the web editor.
pub(crate) async fn fetch_part(config: &Config, part: &str, attempt: u32) -> Result<(), crate::ui::state::LoadProblem> {
    use crate::ui::state::LoadProblem;
    let file = if part == "en" { "rules/en.bin".to_string() } else { format!("rules/regions/{part}.bin") };
    let url = if attempt == 0 { file.clone() } else { format!("{file}?retry={attempt}") };
    let problem = match fetch_bytes(config, &url).await {
        Err(e) => (LoadProblem::Unreachable, e),
        Ok(bytes) => match if part == "en" { add_english(&bytes) } else { add_region(part, &bytes) } {
            Ok(()) => return Ok(()),
            Err(e) => (LoadProblem::Refused, format!("{file}: not used: {e}")),
        },
    };
    console_error(&problem.1);
    Err(problem.0)
}

/// A callback that dispatches the action `f` makes of its value: the person's widget and the staff
/// views alike.
pub(crate) fn send<R: yew::Reducible + 'static, T: 'static>(dispatch: &yew::UseReducerDispatcher<R>, f: impl Fn(T) -> R::Action + 'static) -> yew::Callback<T> {
    let dispatch = dispatch.clone();
    yew::Callback::from(move |value| dispatch.dispatch(f(value)))
}

/// The language the switch offers (code and label): the first of the others.
pub(crate) fn other_language(lang: &str) -> (&'static str, &'static str) {
    let all = crate::ui::i18n::LANGUAGES;
    all.iter().copied().find(|l| l.0 != lang).unwrap_or(all[0])
}

/// What a screen waits for before anything else: the chosen language's words and texts, until
/// they are here (the part [`fetch_part`] fetches as `en`).
pub(crate) fn language_wait(lang: &str) -> Option<String> {
    (!crate::ui::i18n::ready(lang)).then(|| lang.to_string())
}

/// Fetches a part of the rules when a screen waits for it — `wanted` is the part (a region's
/// länskod, or `en`) and the attempt ("Försök igen" bumps it), `None` while nothing waits or after
/// a failure — and dispatches what `done` makes of the result. The person's widget and the staff
/// views both load parts this way.
#[yew::hook]
pub(crate) fn use_part_fetch<R, F>(wanted: Option<(String, u32)>, dispatch: yew::UseReducerDispatcher<R>, config: &Rc<Config>, done: F)
where
    R: yew::Reducible + 'static,
    F: Fn(Result<(), crate::ui::state::LoadProblem>) -> R::Action + 'static,
{
    let config = config.clone();
    yew::use_effect_with(wanted, move |wanted| {
        if let Some((part, attempt)) = wanted.clone() {
            wasm_bindgen_futures::spawn_local(async move {
                dispatch.dispatch(done(fetch_part(&config, &part, attempt).await));
            });
        }
    });
}

/// Today's date in the browser's time zone.
pub(crate) fn today() -> crate::engine::Date {
    let now = js_sys::Date::new_0();
    crate::engine::Date::new(now.get_full_year() as u16, now.get_month() as u8 + 1, now.get_date() as u8)
        .unwrap_or(crate::engine::Date::MIN)
}

pub(crate) fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// Dispatches `ansvarskollen:answer` on the host element, with the answer JSON as detail.
#[cfg(not(feature = "staff"))]
pub(crate) fn dispatch_answer(host: &web_sys::Element, json: &str) {
    let detail = js_sys::JSON::parse(json).unwrap_or(JsValue::NULL);
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict("ansvarskollen:answer", &init) {
        let _ = host.dispatch_event(&event);
    }
}

/// Moves focus to an element (a step's heading) so screen readers announce the new step.
pub(crate) fn focus(node: &yew::NodeRef) {
    if let Some(el) = node.cast::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}

/// The page's URL hash without `#`.
pub(crate) fn location_hash() -> String {
    window().and_then(|w| w.location().hash().ok()).map(|h| h.trim_start_matches('#').to_string()).unwrap_or_default()
}

/// The sessionStorage key of "Spara inte svaren i webbläsarens historik" (issue 12): set for the
/// tab's life only, so a staff device forgets it with the tab.
const NO_HISTORY: &str = "ansvarskollen-no-history";

/// Calls a method of the tab's sessionStorage (none in a sandbox, or with storage blocked).
fn session_call(method: &str, args: &[&str]) -> Option<JsValue> {
    let w = window()?;
    let store = js_sys::Reflect::get(&w, &JsValue::from_str("sessionStorage")).ok()?;
    let f = js_sys::Reflect::get(&store, &JsValue::from_str(method)).ok()?.dyn_into::<js_sys::Function>().ok()?;
    let args: js_sys::Array = args.iter().map(|a| JsValue::from_str(a)).collect();
    f.apply(&store, &args).ok()
}

/// Whether the answers are kept out of the browser's history in this tab.
pub(crate) fn no_history() -> bool {
    session_call("getItem", &[NO_HISTORY]).and_then(|v| v.as_string()).is_some_and(|v| v == "1")
}

/// Keeps the answers out of the browser's history in this tab from now on (or not): the address
/// then carries no case, and the current entry loses it at once.
#[cfg_attr(feature = "staff", allow(dead_code))] // the widget's switch; the staff views have none
pub(crate) fn set_no_history(on: bool) {
    if on {
        session_call("setItem", &[NO_HISTORY, "1"]);
        if let Some(h) = window().and_then(|w| w.history().ok()) {
            let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&page_url()));
        }
    } else {
        session_call("removeItem", &[NO_HISTORY]);
    }
}

/// The page's address without its hash.
fn page_url() -> String {
    let href = window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

/// Puts the case in the URL hash as a new history entry, so the browser's back button works; in an
/// iframe (`replace`) in place of the current one: a frame's entries would be the host page's Back.
/// With "Spara inte svaren i webbläsarens historik" on, the address carries no case at all.
pub(crate) fn push_hash(params: &str, replace: bool) {
    if no_history() {
        if !location_hash().is_empty()
            && let Some(h) = window().and_then(|w| w.history().ok())
        {
            let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(&page_url()));
        }
        return;
    }
    if let Some(w) = window()
        && location_hash() != params
            && let Ok(h) = w.history() {
                let url = format!("#{params}");
                let _ = if replace {
                    h.replace_state_with_url(&JsValue::NULL, "", Some(&url))
                } else {
                    h.push_state_with_url(&JsValue::NULL, "", Some(&url))
                };
            }
}

/// The link "Kopiera länk" copies: the page's own, or in an iframe the host's `share` link with
/// the case as its hash.
/// `params` is the case's, for a page whose address does not carry it (no history).
pub(crate) fn link_to_share(share: Option<&str>, params: &str) -> String {
    match share {
        Some(s) => format!("{}#{}", s.split('#').next().unwrap_or(s), location_hash()),
        None if no_history() => format!("{}#{params}", page_url()),
        None => window().and_then(|w| w.location().href().ok()).unwrap_or_default(),
    }
}

/// A link to another place of the widget, as link parameters (`view=matrix&kommun=1980`, or a
/// person's case): on the standalone page its own hash (the loader mounts the bundle the link
/// needs), elsewhere — an embedding page, an iframe — the standalone page, in a new tab
/// ([`new_tab`]): the host page's address is not the widget's.
pub(crate) fn page_link(config: &Config, params: &str) -> String {
    if new_tab(config).is_some() { format!("{}index.html#{params}", config.base) } else { format!("#{params}") }
}

/// The `target` of a link to another place of the widget or to "Om uppgifterna" (see [`page_link`]).
pub(crate) fn new_tab(config: &Config) -> Option<&'static str> {
    (!config.standalone || config.framed).then_some("_blank")
}

/// Copies a text; reports success through the callback.
pub(crate) fn copy_text(text: String, done: yew::Callback<bool>) {
    let Some(w) = window() else {
        done.emit(false);
        return;
    };
    let promise = w.navigator().clipboard().write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        done.emit(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}

/// Opens the device's share sheet with a link (`navigator.share`), where the browser has one;
/// `false` if it has none (then the caller copies). Cancelling the sheet is not an error.
pub(crate) fn share_url(url: &str) -> bool {
    let Some(nav) = window().map(|w| w.navigator()) else { return false };
    let Ok(f) = js_sys::Reflect::get(&nav, &JsValue::from_str("share")).and_then(|f| f.dyn_into::<js_sys::Function>()) else { return false };
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &JsValue::from_str("url"), &JsValue::from_str(url));
    match f.call1(&nav, &data).map(js_sys::Promise::from) {
        Ok(p) => {
            wasm_bindgen_futures::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(p).await;
            });
            true
        }
        Err(_) => false,
    }
}

/// Whether the browser can share a link through the device's share sheet.
pub(crate) fn can_share() -> bool {
    window().is_some_and(|w| js_sys::Reflect::get(&w.navigator(), &JsValue::from_str("share")).is_ok_and(|f| f.is_function()))
}

pub(crate) fn print() {
    if let Some(w) = window() {
        let _ = w.print();
    }
}

/// Sets the page's `lang` (standalone page only: an embedded widget sets it on its own root).
pub(crate) fn set_document_lang(code: &str) {
    if let Some(el) = window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = el.set_attribute("lang", code);
    }
}
