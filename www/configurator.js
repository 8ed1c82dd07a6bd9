// The embed configurator (configurator.html): a web editor chooses a kommun or län (from
// kommuner.json, written at build time from the rules' register), the language, the view and
// the colours; the preview is the real widget (its attributes and custom properties change as
// they choose) or the real iframe; the snippet to paste is written from the same choices, for
// this server's files, and can be copied. The chosen colours are checked against WCAG 2.1 AA.
// No framework; nothing is stored or sent.

const $ = (id) => document.getElementById(id);
const here = new URL('./', location.href);
const widget = $('preview-widget');
const frame = $('preview-frame');
const DEFAULTS = { accent: '#1d5fa8', 'accent-text': '#ffffff', text: '#1b1b1b', background: '#ffffff' };
const FALLBACK = 'Läs om hemsjukvård och vem som ansvarar för vården på <a href="https://www.1177.se/">1177.se</a> eller ring 1177.';
let register = [];
let integrity = null;

// --- Contrast (WCAG 2.1: relative luminance, (L1 + 0.05) / (L2 + 0.05)) ------------------------

function luminance(hex) {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

function checks(c) {
  return [
    ['Text mot bakgrunden', contrast(c.text, c.background), 4.5, 'text'],
    ['Text på knapparna mot accentfärgen', contrast(c['accent-text'], c.accent), 4.5, 'text'],
    ['Länkar (accentfärgen) mot bakgrunden', contrast(c.accent, c.background), 4.5, 'text'],
    ['Knappar och ramar (accentfärgen) mot bakgrunden', contrast(c.accent, c.background), 3, 'grafiska delar'],
  ];
}

// --- The choices ---------------------------------------------------------------------------------

function choices() {
  const [kind, code] = ($('place').value || ':').split(':');
  const colours = Object.fromEntries(Object.keys(DEFAULTS).map((k) => [k, $(`colour-${k}`).value.toLowerCase()]));
  return {
    kommun: kind === 'kommun' ? code : '',
    lan: kind === 'lan' ? code : '',
    lang: document.querySelector('input[name=lang]:checked').value,
    view: document.querySelector('input[name=view]:checked').value,
    kind: document.querySelector('input[name=kind]:checked').value,
    pin: $('pin').checked,
    colours,
    changed: Object.fromEntries(Object.entries(colours).filter(([k, v]) => v !== DEFAULTS[k])),
  };
}

const attrs = (c) => [['kommun', c.kommun], ['lan', c.lan], ['lang', c.lang], ['view', c.view]].filter(([, v]) => v);
const escape = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The iframe's address: embed.html with the choices as query parameters. */
function embedUrl(c) {
  const u = new URL('embed.html', here);
  for (const [k, v] of attrs(c)) u.searchParams.set(k, v);
  for (const [k, v] of Object.entries(c.changed)) u.searchParams.set(k, v);
  return u.href;
}

/** The code to paste, for this server's files. */
export function snippet(c) {
  if (c.kind === 'iframe') {
    return `<iframe src="${escape(embedUrl(c))}" title="Ansvarskollen"\n        data-ansvarskollen width="100%" height="600" allow="clipboard-write"></iframe>\n`
      + `<script src="${new URL('ansvarskollen-iframe.js', here).href}" defer></script>\n`;
  }
  const pin = c.pin && integrity ? ` integrity="${integrity}" crossorigin="anonymous"` : '';
  const lines = [`<script type="module" src="${new URL('ansvarskollen.js', here).href}"${pin}></script>`];
  const props = Object.entries(c.changed);
  if (props.length) {
    lines.push('<style>', `  ansvarskollen-widget { ${props.map(([k, v]) => `--ak-${k}: ${v};`).join(' ')} }`, '</style>');
  }
  lines.push(`<ansvarskollen-widget${attrs(c).map(([k, v]) => ` ${k}="${escape(v)}"`).join('')}>`, `  <p>${FALLBACK}</p>`, '</ansvarskollen-widget>');
  return `${lines.join('\n')}\n`;
}

// --- The page ------------------------------------------------------------------------------------

function renderContrast(c) {
  $('contrast').replaceChildren(...checks(c.colours).map(([what, ratio, need, kind]) => {
    const li = document.createElement('li');
    const ok = ratio >= need;
    li.className = ok ? 'contrast-pass' : 'contrast-fail';
    li.textContent = `${what}: ${ratio.toFixed(2).replace('.', ',')}:1 – ${ok ? 'klarar' : 'klarar inte'} AA (minst ${String(need).replace('.', ',')}:1 för ${kind})`;
    return li;
  }));
}

let lastFrame = '';
function update() {
  const c = choices();
  // The preview: the real element, whose attributes change as chosen (it starts again with them).
  for (const name of ['kommun', 'lan', 'lang', 'view']) {
    if (c[name]) widget.setAttribute(name, c[name]);
    else widget.removeAttribute(name);
  }
  for (const [k, v] of Object.entries(c.colours)) widget.style.setProperty(`--ak-${k}`, v);
  const framed = c.kind === 'iframe';
  widget.hidden = framed;
  frame.hidden = !framed;
  const src = embedUrl(c);
  if (framed && src !== lastFrame) {
    frame.src = src;
    lastFrame = src;
  }
  $('snippet').textContent = snippet(c);
  $('copy-status').textContent = '';
  renderContrast(c);
}

/** Fills the list with the län and kommuner matching the search (name or code, any case and accents). */
function renderPlaces() {
  const fold = (s) => s.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
  const q = fold($('place-search').value.trim());
  const select = $('place');
  const chosen = select.value;
  const groups = [];
  let count = 0;
  for (const lan of register) {
    const lanMatch = !q || fold(lan.name).includes(q) || lan.code.startsWith(q);
    const kommuner = lan.kommuner.filter((k) => lanMatch || fold(k.name).includes(q) || k.code.startsWith(q));
    if (!lanMatch && !kommuner.length) continue;
    const group = document.createElement('optgroup');
    group.label = `${lan.code} ${lan.name}`;
    if (lanMatch) group.append(new Option(`${lan.code} ${lan.name}: hela länet (personen väljer bland länets kommuner)`, `lan:${lan.code}`));
    for (const k of kommuner) group.append(new Option(`${k.code} ${k.name}`, `kommun:${k.code}`));
    count += group.children.length;
    groups.push(group);
  }
  select.replaceChildren(new Option('Inget förval: personen väljer kommun', ''), ...groups);
  select.value = [...select.options].some((o) => o.value === chosen) ? chosen : '';
  $('place-count').textContent = q ? `${count} ${count === 1 ? 'träff' : 'träffar'}` : '';
}

async function copy() {
  const text = $('snippet').textContent;
  const status = $('copy-status');
  try {
    await navigator.clipboard.writeText(text);
    status.textContent = 'Koden är kopierad. Klistra in den på er sida.';
  } catch {
    const range = document.createRange();
    range.selectNodeContents($('snippet'));
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    status.textContent = 'Koden kunde inte kopieras automatiskt. Den är markerad: kopiera den med Ctrl+C (Cmd+C på Mac).';
  }
}

$('config').addEventListener('input', (e) => {
  if (e.target.id === 'place-search') renderPlaces();
  update();
});
$('config').addEventListener('change', update);
$('config').addEventListener('submit', (e) => e.preventDefault());
$('copy').addEventListener('click', copy);

const [places, assets] = await Promise.all([
  fetch(new URL('kommuner.json', here)).then((r) => r.json()),
  fetch(new URL('assets.json', here)).then((r) => (r.ok ? r.json() : null)).catch(() => null),
]);
register = places;
integrity = assets && assets.loader.integrity;
$('pin').disabled = !integrity;
renderPlaces();
update();
document.documentElement.dataset.ready = '';
