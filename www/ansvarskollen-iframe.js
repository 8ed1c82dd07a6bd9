// Ansvarskollen iframe resizer, for the host page. Include it next to the iframe:
//
//   <iframe src="https://…/embed.html?kommun=1980" title="Ansvarskollen" data-ansvarskollen
//           width="100%" height="600"></iframe>
//   <script src="https://…/ansvarskollen-iframe.js" defer></script>
//
// Protocol: the page in the iframe posts {type: "ansvarskollen:height", height: <CSS pixels>} to
// its parent whenever its height changes. This script accepts a message only if it comes from one
// of the page's [data-ansvarskollen] iframes (event.source) and from that iframe's origin
// (event.origin), and then sets that iframe's height, so it never shows an inner scrollbar.
//
// A link copied in the iframe (`embed.html?share=<this page's address>`) is this page's address
// with the case as its hash (#need=nursing&age=79…, the widget's words only): opened, this script
// hands the case on to the iframes, which then show the same answer (replacing the iframe's
// history entry: the host's Back button stays the host's). Any other hash is left alone.
(() => {
  if (/^#(?:(?:kommun|lan|date|need|housing|age|can_visit_clinic|duration|lang)=[\w%.-]*(?:&|$))+$/.test(location.hash)) {
    for (const frame of document.querySelectorAll('iframe[data-ansvarskollen]')) {
      if (!frame.src.includes('#')) frame.contentWindow.location.replace(frame.src + location.hash);
    }
  }
  window.addEventListener('message', (event) => {
    const data = event.data;
    if (!data || data.type !== 'ansvarskollen:height' || typeof data.height !== 'number') return;
    for (const frame of document.querySelectorAll('iframe[data-ansvarskollen]')) {
      if (frame.contentWindow !== event.source) continue;
      if (new URL(frame.src, location.href).origin !== event.origin) return;
      const height = Math.max(100, Math.min(20000, Math.ceil(data.height)));
      frame.style.height = `${height}px`;
      frame.setAttribute('scrolling', 'no');
      return;
    }
  });
})();
