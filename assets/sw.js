// PolicyLens service worker: keeps the bundle so that the page works
// offline after the first visit. Relative URLs only, so it works under any
// sub-path (its scope is the folder it is served from).
//
// - install: fetch index.html, find the hashed bundle files it names
//   (./*.js, ./*.wasm, ./*.css) and cache them with the page and the two
//   web workers' files (minimization; reading and writing workbooks);
// - pages and the workers' files (their names carry no content hash):
//   network first (a new release is picked up), the cached copy when
//   offline;
// - other GETs of this scope: cache first (bundle names carry a content
//   hash, so a cached file never goes stale), stored when fetched.
// Nothing the user loads or types passes through here: tables are read
// from disk by the page, and share links live in the fragment, which is
// never part of a request.
const CACHE = 'policylens-v2';
const PAGE = './';
const WORKER_FILES = [
  './worker_loader.js', './worker.js', './worker_bg.wasm',
  './files_loader.js', './files.js', './files_bg.wasm',
];
const UNHASHED = new Set(WORKER_FILES.map((f) => new URL(f, self.registration.scope).href));

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const response = await fetch(PAGE, { cache: 'no-store' });
    const html = await response.clone().text();
    await cache.put(PAGE, response);
    const files = new Set();
    for (const m of html.matchAll(/["'](\.\/[^"'?#]+\.(?:js|wasm|css))["']/g)) files.add(m[1]);
    for (const f of WORKER_FILES) files.add(f);
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
  const unhashed = UNHASHED.has(request.url.split(/[?#]/)[0]);
  if (request.mode === 'navigate' || unhashed) {
    const key = request.mode === 'navigate' ? PAGE : request;
    event.respondWith((async () => {
      const cache = await caches.open(CACHE);
      try {
        const response = await fetch(request);
        if (response.ok) await cache.put(key, response.clone());
        return response;
      } catch (e) {
        const cached = await cache.match(key);
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
