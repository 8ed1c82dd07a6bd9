// Ansvarskollen embed script: defines <ansvarskollen-widget>.
//
//   <script type="module" src="https://…/ansvarskollen.js"></script>
//   <ansvarskollen-widget kommun="1980" lang="sv"></ansvarskollen-widget>
//
// Attributes (read when the element is connected; a change of kommun, lan, lang, date or view
// afterwards, as a CMS preview or a single-page app makes, starts the widget again with it):
//   kommun          SCB kommunkod (or name): preset the kommun and skip that question
//   lan             länskod: offer only that län's kommuner
//   lang            sv (default) or en
//   date            YYYY-MM-DD: the date the rules apply to (default today)
//   view            matrix, compare or timeline: a staff view (its own bundle; see the staff
//                   section below) instead of the person's questions
//   standalone      the case lives in the page's URL hash (the standalone page and embed.html);
//                   registers the service worker that makes the page work offline, unless the
//                   page is in an iframe (embed.html): there the hash replaces its history entry
//                   instead of adding one to the host's Back button
//   share           in an iframe: the host page's link, which "Kopiera länk" copies with the case
//   service-worker  an embedding page opts in to that service worker (the widget's files must
//                   then be served from the page's own origin)
//
// The first question is plain HTML, shown at once; the wasm engine and the rules are fetched
// only when an element is on the page, once for all elements, and take over when ready, keeping
// what was typed. The element renders into an open shadow root: the host page's CSS cannot break
// it, and it cannot break the host page. When an answer is shown it dispatches
// `ansvarskollen:answer` (bubbling, composed) with the answer JSON as `detail`. Without
// JavaScript or WebAssembly the element's own content (a short text and a link) stays visible.
//
// An invalid attribute is ignored, with one console warning naming it, its value and the valid
// form; `options.warn(message)` lets the widget add warnings only the rules can give (a kommun
// code that is not in the register). Every file has a deadline (TIMEOUT). If the engine cannot
// start, the widget says why: its files could not be fetched, or they are damaged. It offers a
// retry and the way to 1177, and logs one console error naming the file and the cause.
// `fetchBytes(path)` (exported, and handed to the widget for the region rules) rejects with an
// Error whose `name` is TimeoutError, NetworkError or HttpError and whose message names the file.
// When a file of another origin cannot be fetched because its server does not send
// Access-Control-Allow-Origin, the console says so, and the element shows its own content.
//
// Every file is fetched by its content-hashed name (`wasm/ansvarskollen_bg.1a2b3c4d.wasm`) from
// ASSETS, which the build writes into this file: a release never pairs this loader with another
// release's files, whatever a cache keeps. This file is the one stable name (served with a short
// cache); `engine()` (exported) is the loaded wasm module, for integrators.

const base = new URL('./', import.meta.url);
// { "wasm/ansvarskollen_bg.wasm": "1a2b3c4d", … }: written by the build (www/build-assets.mjs) in
// place of this string. Unbuilt, the string has no such keys and every file keeps its plain name.
const ASSETS = '@@AK_ASSETS@@';
const files = new Map();
const engines = {};
let attempts = 0;
// A file that never arrives must not leave the widget waiting forever. 20 s: the largest file, the
// wasm (~100 KB brotli), arrives in about that time at 40 kbit/s, a weak mobile signal; a person
// waiting longer than that has given up anyway, and is better served by a retry button.
const TIMEOUT = 20000;
const CORE = 'rules/core.bin';
// The English words and the core's English texts: fetched only when English is chosen (issue 15).
const ENGLISH = 'rules/en.bin';

// The plain-HTML first question, until the engine is ready (the same words as the widget's
// catalogues in src/ui/i18n; a browser test checks they match), and why the engine did not start.
const TEXT = {
  sv: {
    title: 'Ansvarskollen', tagline: 'Kommunen eller regionen: vem har ansvar för vården?',
    question: 'I vilken kommun bor den som behöver vård?', hint: 'Skriv kommunens namn.',
    go: 'Fortsätt', loading: 'Hämtar reglerna …', problem: 'Något gick fel',
    fetch: 'Ansvarskollen kunde inte hämtas. Kontrollera din uppkoppling och försök igen.',
    damaged: 'Ansvarskollen kunde inte starta: filerna är skadade. Försök igen senare.',
    read: 'Läs om hemsjukvård och vem som ansvarar på ', call: ', eller ring 1177.', retry: 'Försök igen',
  },
  en: {
    title: 'Ansvarskollen', tagline: 'Who is responsible for the care: the kommun or the region?',
    question: 'In which kommun does the person who needs care live?', hint: "Type the kommun's name.",
    go: 'Continue', loading: 'Fetching the rules …', problem: 'Something went wrong',
    fetch: 'Ansvarskollen could not be fetched. Check your connection and try again.',
    damaged: 'Ansvarskollen could not start: its files are damaged. Try again later.',
    read: 'Read about home health care and who is responsible on ', call: ', or call 1177.', retry: 'Try again',
  },
};

// What the host may set, each with its valid form: a value that does not fit is ignored (the
// widget's default applies) and the console says so. Whether a well-formed kommun code or länskod
// exists only the rules know: the widget reports those through `options.warn`.
// The staff views (see the staff section below).
const VIEWS = ['matrix', 'compare', 'timeline'];
const VALID = {
  lang: [(v) => Object.hasOwn(TEXT, v), 'use sv or en'],
  kommun: [(v) => /^(\d{4}|\p{L}[\p{L} .'-]*)$/u.test(v), 'use a kommunkod (4 digits) or a name'],
  lan: [(v) => /^\d\d$/.test(v), 'use a länskod (2 digits)'],
  // A day of the calendar (2024-02-30 is not), from year 1 (as the engine's dates).
  date: [(v) => /^\d{4}-\d\d-\d\d$/.test(v) && v >= '0001' && new Date(v).toJSON()?.startsWith(v), 'use YYYY-MM-DD'],
  share: [(v) => /^https?:\/\/[^\s#]+$/.test(v), 'use the http(s) address of the host page'],
  view: [(v) => VIEWS.includes(v), `use ${VIEWS}`],
};

const warn = (message) => console.warn(`Ansvarskollen: ${message}`);

/** The value `v` of `name`, or undefined (with a warning) when it is not in its valid form. */
function valid(name, v) {
  if (v == null || v === '') return undefined;
  if (VALID[name][0](v)) return v;
  warn(`ignoring ${name}=${JSON.stringify(v.slice(0, 80))}: ${VALID[name][1]}`);
}

/** The URL of one of the widget's files (a query after `?` is kept), by its content-hashed name. */
function url(path) {
  const [file, query] = path.split('?');
  const hash = Object.hasOwn(ASSETS, file) && ASSETS[file];
  return new URL((hash ? file.replace(/\.\w+$/, `.${hash}$&`) : file) + (query ? `?${query}` : ''), base);
}

/** An Error for `path` whose name says why it failed (see the top of this file). */
function failure(name, path, why) {
  return Object.assign(new Error(`${path}: ${why}`), { name, path });
}

/** `run(signal)` for `path`, or a TimeoutError after TIMEOUT ms (which also aborts `signal`). */
function deadline(path, run) {
  const abort = new AbortController();
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => {
      reject(failure('TimeoutError', path, `no answer in ${TIMEOUT / 1000} s`));
      abort.abort();
    }, TIMEOUT);
  });
  return Promise.race([run(abort.signal), late]).finally(() => clearTimeout(timer));
}

/** The response for one of the widget's own files; rejects with NetworkError or HttpError. */
async function get(path, signal) {
  const r = await fetch(url(path), { signal }).catch((e) => { throw failure('NetworkError', path, e.message); });
  if (!r.ok) throw failure('HttpError', path, `HTTP ${r.status}`);
  return r;
}

/** Fetches one of the widget's own files as bytes, once per page (a failure is not kept). */
export function fetchBytes(path) {
  if (!files.has(path)) {
    const p = deadline(path, async (signal) => {
      const r = await get(path, signal);
      return new Uint8Array(await r.arrayBuffer().catch((e) => { throw failure('NetworkError', path, e.message); }));
    });
    p.catch(() => files.delete(path));
    files.set(path, p);
  }
  return files.get(path);
}

/** Loads a wasm bundle — the person's (`ansvarskollen`) unless another is named (the staff views'
 *  `ansvarskollen-staff`) — and gives it the core rules (once; a failure is not kept, so a retry
 *  retries). A file that cannot be fetched rejects as fetchBytes does; damaged files reject with
 *  DamagedError. */
function loadEngine(bundle = 'ansvarskollen') {
  const GLUE = `wasm/${bundle}.js`;
  const WASM = `wasm/${bundle}_bg.wasm`;
  if (!engines[bundle]) {
    // A retry asks for new URLs: a browser may remember a failed import (Firefox does), and a
    // cache may keep damaged bytes under a content-hashed name (kept a year).
    const retry = attempts++ ? `?${attempts}` : '';
    const engine = engines[bundle] = (async () => {
      const both = Promise.all([
        deadline(GLUE, () => import(url(GLUE + retry)).catch((e) => {
          throw failure(e instanceof SyntaxError ? 'DamagedError' : 'NetworkError', GLUE, e.message);
        })),
        fetchBytes(CORE + retry),
      ]);
      // The wasm is requested at once, beside the glue and the core rules, not after the glue has
      // arrived: one round trip less before the first answer (the glue compiles it when it comes).
      const m = await deadline(WASM, async (signal) => {
        const wasm = get(WASM + retry, signal);
        wasm.catch(() => {}); // if the glue or the core fails first, that is the error to show
        const [m] = await both;
        await m.default({ module_or_path: wasm }).catch((e) => {
          // CompileError, LinkError, RuntimeError: bytes that are not this engine's wasm.
          if (e.name in WebAssembly) throw failure('DamagedError', WASM, e.message);
          throw /^(Network|Http)Error$/.test(e.name) ? e : failure('NetworkError', WASM, e.message);
        });
        return m;
      });
      const [, core] = await both;
      try {
        m.init_rules(core);
      } catch (e) {
        files.delete(CORE + retry);
        throw failure('DamagedError', CORE, e.message || e);
      }
      return m;
    })();
    engine.catch(() => { delete engines[bundle]; });
  }
  return engines[bundle];
}

/** Adds one of the widget's stylesheets to a shadow root; resolves when it has loaded (or failed). */
function addStyles(root, file = 'ansvarskollen.css') {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = url(file).href;
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

/** Why the engine did not start, a retry, and the way to 1177 (the element's own fallback). */
function problem(t, e, retry) {
  const button = el('button', { type: 'button', class: 'ak-button' }, t.retry);
  button.addEventListener('click', retry, { once: true });
  return el('div', { class: 'ak-widget' }, el('div', { class: 'ak-step', role: 'alert' },
    el('h2', { class: 'ak-heading' }, t.problem),
    el('p', {}, e.name === 'DamagedError' ? t.damaged : t.fetch),
    el('p', {}, t.read, el('a', { href: 'https://www.1177.se/' }, '1177.se'), t.call),
    button));
}

/** After a file of another origin could not be fetched: when a request without CORS reaches its
 *  server and one with CORS does not, the server does not send Access-Control-Allow-Origin. Says so
 *  on the console (the browser's own message is easy to miss) and returns true. */
async function missingCors(path) {
  if (!path || base.origin === location.origin) return false;
  const probe = (mode) => fetch(url(path), { mode, cache: 'no-store' }).then(() => true, () => false);
  if (!(await probe('no-cors')) || (await probe('cors'))) return false;
  console.error(`Ansvarskollen: the server at ${base.origin} must send Access-Control-Allow-Origin (for ${path}; see docs/embedding.md)`);
  return true;
}

class AnsvarskollenWidget extends HTMLElement {
  // A change of these after the start (a CMS preview, a single-page app) starts the widget again.
  static observedAttributes = ['kommun', 'lan', 'lang', 'date', 'view'];

  attributeChangedCallback(name, old, value) {
    if (old !== value) this.restart?.();
  }

  connectedCallback() {
    if (this.shadowRoot || typeof WebAssembly !== 'object') return; // the fallback content stays
    const standalone = this.hasAttribute('standalone');
    // The standalone page in an iframe: embed.html.
    const framed = standalone && window.parent !== window;
    if ((standalone && !framed) || this.hasAttribute('service-worker')) registerServiceWorker();
    const root = this.attachShadow({ mode: 'open' });
    const styled = addStyles(root);
    const staff = staffViews(this, root, standalone, framed);
    let shown; // the preview, the problem screen, the host's own content, or the widget's root
    let mounted; // [module, root] of the widget mounted there
    const show = (node) => {
      mounted?.[0].unmount?.(mounted[1]);
      mounted = undefined;
      if (shown) shown.replaceWith(node);
      else root.append(node);
      shown = node;
    };
    let submitted;
    // Starts the widget with the host's attributes as they are now; a retry shows its preview
    // (`again`) once more, with what was typed in it.
    const start = async (again) => {
      const attr = (name) => valid(name, this.getAttribute(name)?.trim());
      // The standalone page's link may set the language (the widget reads it the same way).
      const hashLang = standalone && (location.hash.match(/(?:^#|&)lang=([^&]*)/) || [])[1];
      const lang = (hashLang ? valid('lang', hashLang) : attr('lang')) || 'sv';
      const t = TEXT[lang];
      const view = staff.view(attr('view'), lang);
      // English from the start: its words are fetched beside the engine, not after it (the widget
      // asks for the same promise when it mounts).
      if (lang === 'en') fetchBytes(ENGLISH).catch(() => {});
      const options = { base: base.href, lang, kommun: attr('kommun'), lan: attr('lan'), date: attr('date'), view, standalone, framed, share: framed ? attr('share') : undefined, fetchBytes, warn };
      let pre = again;
      if (!pre) {
        pre = preview(t, !view && !options.kommun && !(standalone && /(?:^#|&)kommun=/.test(location.hash)));
        submitted = false;
        const form = pre.querySelector('form');
        form?.addEventListener('submit', (e) => {
          e.preventDefault();
          submitted = true;
          form.querySelector('.ak-status').textContent = t.loading;
        });
      }
      show(pre);
      try {
        const [m] = await Promise.all([loadEngine(view ? 'ansvarskollen-staff' : undefined), styled, view && staff.styled()]);
        if (shown !== pre) return; // started again meanwhile
        const input = pre.querySelector('input');
        const mount = document.createElement('div');
        Object.assign(options, { kommunText: input ? input.value : '', submitted, focused: !!input && root.activeElement === input });
        show(mount);
        m.mount(this, mount, options);
        mounted = [m, mount];
        this.dispatchEvent(new CustomEvent('ansvarskollen:ready', { bubbles: true, composed: true }));
      } catch (e) {
        if (shown !== pre) return;
        console.error(`Ansvarskollen could not start: ${e.message || e} (${e.name})`);
        const cors = e.name === 'NetworkError' && (await missingCors(e.path));
        if (shown !== pre) return;
        // A server that refuses other origins: a retry cannot help; the host's own content (a
        // sentence and a link) says what to do instead, if the host gave some.
        show(cors && this.children.length ? el('slot') : problem(t, e, () => start(pre)));
      }
    };
    let queued;
    this.restart = () => {
      queued ||= Promise.resolve().then(() => { queued = undefined; start(); });
    };
    staff.follow(this.restart);
    start();
  }
}

// ---------------------------------------------------------------------------------------------
// The staff views (issue 13). `view="matrix|compare|timeline"` on the element, or on the standalone
// page `#view=…` in the hash, mounts the staff views' own bundle (wasm/ansvarskollen-staff*, with
// its own stylesheet) instead of the person's questions: a person's first answer never fetches
// them. A hash that moves between the two (a cell's "Förklaring", "Fråga om en person", Back)
// starts the widget again with the other bundle; moves between staff views are the bundle's own.
// Meanwhile the host element carries `data-ak-staff` (the standalone page widens its column and
// prints the view on an A4 page of its own: page.css). On the standalone page, once the service
// worker holds every file, a line says that the widget works offline and when the rules were
// reviewed (sw.js answers the question, with the line's words in both languages).
// ---------------------------------------------------------------------------------------------
/** The staff views' side of one element: `view(attribute, lang)` is the view to show ('' for the
 *  person's questions; on the standalone page a hash without a view is a person's link) and marks
 *  the host; `styled()` adds the staff stylesheet (once); `follow(restart)` restarts when the hash
 *  moves to the other bundle. */
function staffViews(host, root, standalone, framed) {
  const fromHash = () => standalone && VIEWS.find((v) => new RegExp(`(?:^#|&)view=${v}(?:&|$)`).test(location.hash));
  let shown;
  let styles;
  let lang = 'sv';
  if (standalone && !framed && navigator.serviceWorker) {
    navigator.serviceWorker.ready.then((reg) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = ({ data }) => data && root.append(el('p', { class: 'ak-privacy ak-offline', role: 'status' }, data[lang]));
      reg.active.postMessage('ak-status', [channel.port2]);
    });
  }
  return {
    view(attribute, l) {
      lang = l;
      shown = fromHash() || (standalone && location.hash.length > 1 ? '' : attribute) || '';
      host.toggleAttribute('data-ak-staff', !!shown);
      return shown;
    },
    styled: () => (styles ||= addStyles(root, 'ansvarskollen-staff.css')),
    follow(restart) {
      if (standalone) addEventListener('hashchange', () => { if (!fromHash() !== !shown) restart(); });
    },
  };
}

if (!customElements.get('ansvarskollen-widget')) {
  customElements.define('ansvarskollen-widget', AnsvarskollenWidget);
}

/** For integrators: the wasm module — the person's unless another bundle is named — with the
 *  core rules and, if it can be had, the English (so that `answer_json(query, 'en')` answers in
 *  English; without it that call is an error and the console says why). Region rules are theirs to
 *  add (`load_region`), as docs/embedding.md shows. */
export async function engine(bundle) {
  const english = fetchBytes(ENGLISH).catch((e) => e);
  const m = await loadEngine(bundle);
  const bytes = await english;
  try {
    if (bytes instanceof Error) throw bytes;
    m.load_english(bytes);
  } catch (e) {
    files.delete(ENGLISH);
    warn(`no English for answer_json: ${e.message || e}`);
  }
  return m;
}
