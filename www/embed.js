// The iframe page: presets from the query string (?kommun=1980&lang=en&lan=19&date=2024-05-02),
// and the height protocol: posts {type: "ansvarskollen:height", height} to the parent whenever
// the page's height changes (see ansvarskollen-iframe.js for the parent's side).
const params = new URLSearchParams(location.search);
const widget = document.querySelector('ansvarskollen-widget');
for (const key of ['kommun', 'lan', 'lang', 'date']) {
  const value = params.get(key);
  if (value) widget.setAttribute(key, value);
}
if (params.get('lang')) document.documentElement.lang = params.get('lang');

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
