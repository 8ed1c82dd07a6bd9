// The counter anchor's page script (`make perf`): the usual way to start a Yew app (the page's
// module script imports the wasm-bindgen glue, which instantiates the wasm, streaming), then
// <yew-counter> mounted as the widget's element is: Yew rendered into a <div> in an open shadow
// root. No plain-HTML stand-in, no rules, no styles: the least a Yew app does before it is usable.
import init, { mount } from './wasm/yew_counter.js';

const ready = init({ module_or_path: new URL('wasm/yew_counter_bg.wasm', import.meta.url) });

class YewCounter extends HTMLElement {
  async connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    await ready;
    const div = document.createElement('div');
    root.append(div);
    mount(div);
  }
}

if (!customElements.get('yew-counter')) customElements.define('yew-counter', YewCounter);
