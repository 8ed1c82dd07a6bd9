//! The Yew counter anchor (`make perf`): one counter component, mounted by `counter.js` into a
//! `<div>` in the shadow root of a `<yew-counter>` element, as the widget is mounted. It is the
//! floor Yew sets for the widget's size and start-up time; it is not a test and not shipped.

use wasm_bindgen::prelude::*;
use yew::prelude::*;

/// The allocator, as the widget's.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::TalckWasm = unsafe { talc::TalckWasm::new_global() };

#[function_component(Counter)]
fn counter() -> Html {
    let count = use_state(|| 0u32);
    let onclick = {
        let count = count.clone();
        Callback::from(move |_| count.set(*count + 1))
    };
    html! {
        <div class="counter">
            <p id="count" aria-live="polite">{ *count }</p>
            <button id="inc" type="button" {onclick}>{ "+1" }</button>
        </div>
    }
}

/// Renders a counter into `root` (a `<div>` in the shadow root of the element).
#[wasm_bindgen]
pub fn mount(root: web_sys::Element) {
    yew::Renderer::<Counter>::with_root(root).render();
}
