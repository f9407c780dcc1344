// PolicyLens service worker: keeps the bundle so that the page works
// offline after the first visit. Relative URLs only, so it works under any
// sub-path (its scope is the folder it is served from).
//
// - install: fetch index.html, find the hashed bundle files it names
//   (./*.js, ./*.wasm, ./*.css) and cache them with the page;
// - pages: network first (a new release is picked up), the cached page
//   when offline;
// - other GETs of this scope: cache first (bundle names carry a content
//   hash, so a cached file never goes stale), stored when fetched.
// Nothing the user loads or types passes through here: tables are read
// from disk by the page, and share links live in the fragment, which is
// never part of a request.
const CACHE = 'policylens-v1';
const PAGE = './';

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const response = await fetch(PAGE, { cache: 'no-store' });
    const html = await response.clone().text();
    await cache.put(PAGE, response);
    const files = new Set();
    for (const m of html.matchAll(/["'](\.\/[^"'?#]+\.(?:js|wasm|css))["']/g)) files.add(m[1]);
    await cache.addAll([...files]);
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) if (key !== CACHE) await caches.delete(key);
    await self.clients.claim();
  })());
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || !request.url.startsWith(self.registration.scope)) return;
  if (request.mode === 'navigate') {
    event.respondWith((async () => {
      const cache = await caches.open(CACHE);
      try {
        const response = await fetch(request);
        if (response.ok) await cache.put(PAGE, response.clone());
        return response;
      } catch (e) {
        const cached = await cache.match(PAGE);
        if (cached) return cached;
        throw e;
      }
    })());
    return;
  }
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    const cached = await cache.match(request);
    if (cached) return cached;
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  })());
});
