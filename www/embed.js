// The iframe page: presets from the query string (?kommun=1980&lang=en&lan=19&date=2024-05-02&view=…),
// colours,
// the host's link for "Kopiera länk" (&share=https://host.example/page: without it the button is
// not shown in an iframe, where the page's own address is no link to share), the offline service
// worker only when the host asks for it (&offline=1), and the height protocol: posts
// {type: "ansvarskollen:height", height} to the parent whenever the page's height changes (see
// ansvarskollen-iframe.js for the parent's side).
const params = new URLSearchParams(location.search);
const widget = document.querySelector('ansvarskollen-widget');
for (const key of ['kommun', 'lan', 'lang', 'date', 'view', 'share']) {
  const value = params.get(key);
  if (value) widget.setAttribute(key, value);
}
// Colours (&accent=%2300584a&accent-text=…&text=…&background=…: the --ak-* properties), for a
// host that cannot style the page inside the iframe; only #rrggbb.
for (const key of ['accent', 'accent-text', 'text', 'background']) {
  const value = params.get(key);
  if (/^#[0-9a-f]{6}$/i.test(value || '')) {
    widget.style.setProperty(`--ak-${key}`, value);
    if (key === 'background') document.body.style.background = value;
  } else if (value) {
    console.warn(`Ansvarskollen: ignoring ${key}=${JSON.stringify(value.slice(0, 80))}: use a colour as #rrggbb`);
  }
}
if (params.get('offline') === '1') widget.setAttribute('service-worker', '');
// The page's own language follows a valid lang only (the widget warns about an invalid one).
if (/^(sv|en)$/.test(params.get('lang'))) document.documentElement.lang = params.get('lang');

let last = 0;
function post() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height !== last && window.parent !== window) {
    last = height;
    window.parent.postMessage({ type: 'ansvarskollen:height', height }, '*');
  }
}
new ResizeObserver(post).observe(document.documentElement);
window.addEventListener('load', post);
