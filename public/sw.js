// Rekindle's service worker: keeps one build's files so the app opens
// offline, and moves to a new build only when the page asks (after the
// person taps "Reload"), so nothing being typed is lost.

// Replaced at build time by tools/post_build.mjs with this build's file list
// and a hash of their contents: every release gets a new cache.
const BUILD = { version: 'dev', files: [] };

const CACHE = `rekindle-${BUILD.version}`;
const scoped = (path) => new URL(path, self.registration.scope).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      // Revalidated, not reloaded: fresh from the server, but a file the page
      // has just downloaded (the 550 KB wasm on a first visit) comes back as
      // a bodiless "not modified" instead of a second download.
      .then((cache) => cache.addAll(BUILD.files.map((file) => new Request(scoped(file), { cache: 'no-cache' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key.startsWith('rekindle-') && key !== CACHE) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      // Every page of the app is the same index.html (routes live in the fragment).
      const key = request.mode === 'navigate' ? scoped('./index.html') : request;
      const hit = await cache.match(key, { ignoreSearch: request.mode === 'navigate' });
      return hit ?? fetch(request);
    })(),
  );
});
