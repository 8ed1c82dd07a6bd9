// Ansvarskollen embed script: defines <ansvarskollen-widget>.
//
//   <script type="module" src="https://…/ansvarskollen.js"></script>
//   <ansvarskollen-widget kommun="1980" lang="sv"></ansvarskollen-widget>
//
// Attributes (read when the element is connected):
//   kommun          SCB kommunkod (or name): preset the kommun and skip that question
//   lan             länskod: offer only that län's kommuner
//   lang            sv (default) or en
//   date            YYYY-MM-DD: the date the rules apply to (default today)
//   standalone      the case lives in the page's URL hash (the standalone page only); registers
//                   the service worker that makes the page work offline
//   service-worker  an embedding page opts in to that service worker (the widget's files must
//                   then be served from the page's own origin)
//
// The first question is plain HTML, shown at once; the wasm engine and the rules are fetched
// only when an element is on the page, once for all elements, and take over when ready, keeping
// what was typed. The element renders into an open shadow root: the host page's CSS cannot break
// it, and it cannot break the host page. When an answer is shown it dispatches
// `ansvarskollen:answer` (bubbling, composed) with the answer JSON as `detail`. Without
// JavaScript or WebAssembly the element's own content (a short text and a link) stays visible.

const base = new URL('./', import.meta.url);
const files = new Map();
let engine;

// The plain-HTML first question, until the engine is ready (the same words as the widget's
// catalogues in src/ui/i18n; a browser test checks they match).
const TEXT = {
  sv: {
    title: 'Ansvarskollen', tagline: 'Vem ansvarar för vården – kommunen eller regionen?',
    question: 'I vilken kommun bor den som behöver vård?', hint: 'Skriv kommunens namn.',
    go: 'Fortsätt', loading: 'Hämtar reglerna …',
    failed: 'Ansvarskollen kunde inte starta. Läs om hemsjukvård och vem som ansvarar på 1177.se, eller ring 1177.',
  },
  en: {
    title: 'Ansvarskollen', tagline: 'Who is responsible for the care: the kommun or the region?',
    question: 'In which kommun does the person who needs care live?', hint: "Type the kommun's name.",
    go: 'Continue', loading: 'Fetching the rules …',
    failed: 'Ansvarskollen could not start. Read about home health care and who is responsible on 1177.se, or call 1177.',
  },
};

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

/** Adds the widget's stylesheet to a shadow root; resolves when it has loaded (or failed). */
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

/** An element from a tag, attributes and children (text or elements). */
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

/** The plain-HTML first question (or a loading line when the kommun is already known). */
function preview(t, askKommun) {
  const bar = el('div', { class: 'ak-bar' }, el('p', { class: 'ak-brand' },
    el('span', { class: 'ak-title' }, t.title), ' ', el('span', { class: 'ak-tagline' }, t.tagline)));
  if (!askKommun) return el('div', { class: 'ak-widget' }, bar, el('p', { class: 'ak-loading', role: 'status' }, t.loading));
  const input = el('input', { class: 'ak-input', type: 'text', id: 'ak-pre-kommun', name: 'kommun', autocomplete: 'off', 'aria-describedby': 'ak-pre-hint' });
  const form = el('form', { class: 'ak-step' },
    el('div', { class: 'ak-group' },
      el('h2', { class: 'ak-heading', tabindex: '-1' }, el('label', { for: 'ak-pre-kommun' }, t.question)),
      el('p', { class: 'ak-hint', id: 'ak-pre-hint' }, t.hint),
      input),
    el('button', { type: 'submit', class: 'ak-button' }, t.go),
    el('p', { class: 'ak-status', role: 'status' }));
  return el('div', { class: 'ak-widget' }, bar, form);
}

/** Registers the offline service worker (standalone page, or a host that opted in). */
function registerServiceWorker() {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register(new URL('sw.js', base), { scope: base.pathname }).catch((e) => {
    console.warn('Ansvarskollen: no offline mode:', e.message);
  });
}

class AnsvarskollenWidget extends HTMLElement {
  async connectedCallback() {
    if (this.shadowRoot || this._starting) return;
    if (typeof WebAssembly !== 'object') return; // the fallback content stays
    this._starting = true;
    const lang = this.getAttribute('lang') || (location.hash.match(/(?:^#|&)lang=(\w+)/) || [])[1] || 'sv';
    const t = TEXT[lang] || TEXT.sv;
    const standalone = this.hasAttribute('standalone');
    if (standalone || this.hasAttribute('service-worker')) registerServiceWorker();
    const askKommun = !this.getAttribute('kommun') && !(standalone && /(?:^#|&)kommun=/.test(location.hash));
    const root = this.attachShadow({ mode: 'open' });
    const styled = addStyles(root);
    const pre = preview(t, askKommun);
    root.append(pre);
    let submitted = false;
    const form = pre.querySelector('form');
    if (form) {
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        submitted = true;
        form.querySelector('.ak-status').textContent = t.loading;
      });
    }
    try {
      const [m] = await Promise.all([loadEngine(), styled]);
      const input = pre.querySelector('input');
      const mount = document.createElement('div');
      const options = {
        base: base.href,
        lang,
        kommun: this.getAttribute('kommun'),
        lan: this.getAttribute('lan'),
        date: this.getAttribute('date'),
        standalone,
        fetchBytes,
        kommunText: input ? input.value : '',
        submitted,
        focused: !!input && root.activeElement === input,
      };
      pre.replaceWith(mount);
      m.mount(this, mount, options);
      this.dispatchEvent(new CustomEvent('ansvarskollen:ready', { bubbles: true, composed: true }));
    } catch (e) {
      console.error('Ansvarskollen could not start:', e);
      pre.replaceWith(el('div', { class: 'ak-widget' }, el('p', { class: 'ak-notice', role: 'alert' },
        t.failed, ' ', el('a', { href: 'https://www.1177.se/' }, '1177.se'))));
    } finally {
      this._starting = false;
    }
  }
}

if (!customElements.get('ansvarskollen-widget')) {
  customElements.define('ansvarskollen-widget', AnsvarskollenWidget);
}
