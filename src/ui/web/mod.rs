//! The browser side: the exports the embed script calls, the shared rules, and small DOM helpers.
//!
//! `ansvarskollen.js` (hand-written, in `www/`) defines the `<ansvarskollen-widget>` element; it
//! fetches the compiled core rules once, calls [`init_rules`], then [`mount`] for each element with
//! a `<div>` inside the element's shadow root. Region rules are fetched on demand through the
//! `fetchText` function it passes in. Nothing about the person is stored or sent.

mod answer;
mod app;
mod kommun;
mod steps;

use crate::engine::compiled;
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

/// Adds a region's compiled rules.
pub(crate) fn add_region(bytes: &[u8]) -> Result<(), String> {
    let part = compiled::decode_part(bytes)?;
    RULES.with(|r| match r.borrow_mut().as_mut() {
        Some(rules) => rules.add_region(part),
        None => Err("the core rules are not loaded".into()),
    })
}

/// Loads the compiled core rules (`rules/core.bin`). Call once per page.
#[wasm_bindgen]
pub fn init_rules(core: &[u8]) -> Result<(), JsValue> {
    let rules = compiled::decode(core).map_err(|e| JsValue::from_str(&e))?;
    RULES.with(|r| *r.borrow_mut() = Some(rules));
    Ok(())
}

/// Adds a region's compiled rules (`rules/regions/NN.bin`) to the page's rules. The widget does
/// this itself when it needs a region; integrators and tests may preload.
#[wasm_bindgen]
pub fn load_region(bytes: &[u8]) -> Result<(), JsValue> {
    add_region(bytes).map_err(|e| JsValue::from_str(&e))
}

/// The engine's answer for a case written as URL parameters in the case vocabulary
/// (`kommun=1980&age=79&housing=ordinary&can_visit_clinic=false&need=nursing&date=2024-05-02`), as
/// JSON: the answer (see `engine::answer`) or `{"needed": [...]}`. The same engine and rules as the
/// widget; for integrators and for the test that the browser answers exactly as the CLI.
#[wasm_bindgen]
pub fn answer_json(query: &str, lang: &str) -> Result<String, JsValue> {
    let lang = crate::engine::Lang::parse(lang).map_err(|e| JsValue::from_str(&e.to_string()))?;
    with_rules(|rules| {
        let mut flow = crate::ui::flow::Flow::new(today());
        let ignored = flow.apply_params(query, rules);
        if let Some(i) = ignored.first() {
            return Err(JsValue::from_str(&format!("{}={}: {}", i.key, i.value, i.reason)));
        }
        match crate::engine::resolve(rules, &flow.case, lang) {
            Ok(crate::engine::Resolution::Answer(a)) => Ok(a.to_json()),
            Ok(crate::engine::Resolution::Ask(needed)) => {
                let words: Vec<String> = needed.iter().map(|i| format!("\"{}\"", i.as_str())).collect();
                Ok(format!("{{\"needed\":[{}]}}", words.join(",")))
            }
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
}

fn opt_string(options: &JsValue, key: &str) -> Option<String> {
    js_sys::Reflect::get(options, &JsValue::from_str(key)).ok().and_then(|v| v.as_string()).filter(|s| !s.trim().is_empty())
}

fn opt_bool(options: &JsValue, key: &str) -> bool {
    js_sys::Reflect::get(options, &JsValue::from_str(key)).ok().and_then(|v| v.as_bool()).unwrap_or(false)
}

/// Mounts one widget on `root` (a `<div>` in the shadow root of `host`).
/// `options`: `{ lang, kommun, lan, date, standalone, fetchBytes, base, kommunText, submitted,
/// focused }` (the last three hand over the plain-HTML first question).
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
        fetch_bytes,
        host,
        base: opt_string(&options, "base").unwrap_or_default(),
        kommun_text: opt_string(&options, "kommunText").unwrap_or_default(),
        submitted: opt_bool(&options, "submitted"),
        focused: opt_bool(&options, "focused"),
    };
    yew::Renderer::<app::App>::with_root_and_props(root, app::AppProps { config: Rc::new(config) }).render();
    Ok(())
}

/// Fetches one of the widget's files through the embed script.
pub(crate) async fn fetch_bytes(config: &Config, path: &str) -> Result<Vec<u8>, String> {
    let failed = || format!("cannot fetch {path}");
    let promise = config.fetch_bytes.call1(&JsValue::NULL, &JsValue::from_str(path)).map_err(|_| failed())?;
    let promise: js_sys::Promise = promise.dyn_into().map_err(|_| failed())?;
    let value = wasm_bindgen_futures::JsFuture::from(promise).await.map_err(|_| failed())?;
    let bytes: js_sys::Uint8Array = value.dyn_into().map_err(|_| failed())?;
    Ok(bytes.to_vec())
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

/// Puts the case in the URL hash as a new history entry, so the browser's back button works.
pub(crate) fn push_hash(params: &str) {
    if let Some(w) = window()
        && location_hash() != params
            && let Ok(h) = w.history() {
                let _ = h.push_state_with_url(&JsValue::NULL, "", Some(&format!("#{params}")));
            }
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
