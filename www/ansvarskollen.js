// Ansvarskollen embed script: defines <ansvarskollen-widget>.
//
//   <script type="module" src="https://…/ansvarskollen.js"></script>
//   <ansvarskollen-widget kommun="1980" lang="sv"></ansvarskollen-widget>
//
// Attributes (read when the element is connected):
//   kommun     SCB kommunkod (or name): preset the kommun and skip that question
//   lan        länskod: offer only that län's kommuner
//   lang       sv (default) or en
//   date       YYYY-MM-DD: the date the rules apply to (default today)
//   standalone the case lives in the page's URL hash (the standalone page only)
//
// The wasm and the rules are fetched only when an element is on the page, once for all elements.
// The element renders into an open shadow root: the host page's CSS cannot break it, and it
// cannot break the host page. When an answer is shown it dispatches `ansvarskollen:answer`
// (bubbling, composed) with the answer JSON as `detail`. Without JavaScript or WebAssembly, the
// element's own content (a short text and a link) stays visible.

const base = new URL('./', import.meta.url);
const files = new Map();
let engine;

/** Fetches one of the widget's own files as bytes, once per page. */
function fetchBytes(path) {
  if (!files.has(path)) {
    const p = fetch(new URL(path, base)).then((r) => {
      if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
      return r.arrayBuffer();
    }).then((b) => new Uint8Array(b));
    p.catch(() => files.delete(path));
    files.set(path, p);
  }
  return files.get(path);
}

/** Loads the wasm engine and the core rules (once). */
function loadEngine() {
  if (!engine) {
    engine = (async () => {
      const [m, core] = await Promise.all([import(new URL('wasm/ansvarskollen.js', base)), fetchBytes('rules/core.bin')]);
      await m.default({ module_or_path: new URL('wasm/ansvarskollen_bg.wasm', base) });
      m.init_rules(core);
      return m;
    })();
    engine.catch(() => { engine = undefined; });
  }
  return engine;
}

/** Adds the widget's stylesheet to a shadow root and waits for it (no flash of unstyled text). */
function addStyles(root) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('ansvarskollen.css', base).href;
  const loaded = new Promise((resolve) => {
    link.addEventListener('load', resolve, { once: true });
    link.addEventListener('error', resolve, { once: true });
    setTimeout(resolve, 3000);
  });
  root.append(link);
  return loaded;
}

class AnsvarskollenWidget extends HTMLElement {
  async connectedCallback() {
    if (this.shadowRoot || this._starting) return;
    if (typeof WebAssembly !== 'object') return; // the fallback content stays
    this._starting = true;
    try {
      const m = await loadEngine();
      const root = this.attachShadow({ mode: 'open' });
      await addStyles(root);
      const mount = document.createElement('div');
      root.append(mount);
      m.mount(this, mount, {
        base: base.href,
        lang: this.getAttribute('lang') || document.documentElement.lang || 'sv',
        kommun: this.getAttribute('kommun'),
        lan: this.getAttribute('lan'),
        date: this.getAttribute('date'),
        standalone: this.hasAttribute('standalone'),
        fetchBytes,
      });
      this.dispatchEvent(new CustomEvent('ansvarskollen:ready', { bubbles: true, composed: true }));
    } catch (e) {
      console.error('Ansvarskollen could not start:', e); // the fallback content stays visible
    } finally {
      this._starting = false;
    }
  }
}

if (!customElements.get('ansvarskollen-widget')) {
  customElements.define('ansvarskollen-widget', AnsvarskollenWidget);
}
