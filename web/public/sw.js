// Service worker: keeps the app shell available offline so the PWA installs and opens without a network.
// API answers are the network's business: they carry the session cookie and buyer data, so they are
// never stored unless the request went out without credentials.
const SHELL_CACHE = 'shipdesk-shell-v1';
const API_CACHE = 'shipdesk-api-public-v1';
const SHELL = ['/', '/manifest.webmanifest', '/icons/icon.svg', '/icons/icon-192.png', '/icons/icon-512.png'];

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => cache.addAll(SHELL))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  const keep = new Set([SHELL_CACHE, API_CACHE]);
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => !keep.has(n)).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || request.method !== 'GET') return;
  if (url.pathname.startsWith('/api/')) {
    event.respondWith(apiNetworkFirst(request));
  } else if (request.mode === 'navigate') {
    event.respondWith(shellNetworkFirst(request));
  } else if (url.pathname.startsWith('/assets/')) {
    // Vite puts a content hash in every asset name: a cached copy is never stale.
    event.respondWith(cacheFirst(request));
  }
});

async function apiNetworkFirst(request) {
  const isCacheable = request.credentials === 'omit';
  try {
    const response = await fetch(request);
    const cacheControl = response.headers.get('cache-control') ?? '';
    if (isCacheable && response.ok && !/no-store|private/.test(cacheControl)) {
      const cache = await caches.open(API_CACHE);
      await cache.put(request, response.clone());
    }
    return response;
  } catch {
    const cached = isCacheable ? await caches.match(request, { cacheName: API_CACHE }) : undefined;
    return cached ?? offlineProblem();
  }
}

async function shellNetworkFirst(request) {
  try {
    const response = await fetch(request);
    if (response.ok && response.headers.get('content-type')?.includes('text/html')) {
      // Every client route answers with the same shell, so one copy under '/' serves them all offline.
      const cache = await caches.open(SHELL_CACHE);
      await cache.put('/', response.clone());
    }
    return response;
  } catch {
    return (await caches.match('/', { cacheName: SHELL_CACHE })) ?? offlineProblem();
  }
}

async function cacheFirst(request) {
  const cached = await caches.match(request, { cacheName: SHELL_CACHE });
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) {
    const cache = await caches.open(SHELL_CACHE);
    await cache.put(request, response.clone());
  }
  return response;
}

function offlineProblem() {
  const body = {
    type: 'https://docs.shipdesk.dev/problems/offline',
    title: 'offline',
    status: 503,
    code: 'offline',
    detail: 'No network: this needs the server.',
    requestId: '',
  };
  return new Response(JSON.stringify(body), {
    status: 503,
    headers: { 'content-type': 'application/problem+json' },
  });
}
