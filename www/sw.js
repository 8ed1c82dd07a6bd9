// Ansvarskollen's service worker: after one visit the standalone page loads and answers with the
// network off (staff tablets). It caches the bundle and every region's rules; the build writes the
// list and a version (a hash of the files' contents) in place of the two lines below, so a new
// build replaces the cache. Nothing about the person is cached: the case lives in the URL hash,
// which is never sent or stored.
const VERSION = 'dev';
const FILES = ['./', 'index.html'];
// The oldest review date of the rules cached (build-sw.mjs writes it): the offline line says it.
const REVIEWED = '';

const CACHE = `ansvarskollen-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith('ansvarskollen-') && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // Query strings (embed.html?kommun=…) and hashes do not change the file.
    const hit = await cache.match(request, { ignoreSearch: true });
    if (hit) return hit;
    try {
      return await fetch(request);
    } catch (e) {
      if (request.mode === 'navigate') {
        const page = await cache.match('index.html');
        if (page) return page;
      }
      throw e;
    }
  })());
});

// The page asks whether everything is cached (the loader's "Fungerar utan uppkoppling" line, issue
// 13): the answer goes back on the port the page sent — the line in each language, or null.
const OFFLINE = {
  sv: `Fungerar utan uppkoppling. Reglerna granskade ${REVIEWED}.`,
  en: `Works without a connection. Rules reviewed ${REVIEWED}.`,
};
self.addEventListener('message', (event) => {
  const port = event.ports && event.ports[0];
  if (event.data !== 'ak-status' || !port) return;
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const hits = await Promise.all(FILES.map((f) => cache.match(f, { ignoreSearch: true })));
    port.postMessage(VERSION !== 'dev' && REVIEWED && hits.every(Boolean) ? OFFLINE : null);
  })());
});
