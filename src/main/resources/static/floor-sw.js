// The shop floor's service worker (scope /app/floor): keeps the page and what it needs to run without network, and
// sends the waiting actions in the background where the browser has Background Sync. Public file: a browser fetches a
// service worker without the session's cookie. The API is never cached: it always goes to the network.
importScripts("/js/floor-store.js");

const CACHE = "comptoir-floor-v1";
const THUMBS = "comptoir-floor-thumbs-v1";
const SHELL = [
  "/app/floor",
  "/css/app.css",
  "/js/theme.js",
  "/js/code-scanner.js",
  "/js/floor-store.js",
  "/js/floor.js",
  "/webjars/bootstrap/css/bootstrap.min.css",
  "/webjars/bootstrap/js/bootstrap.bundle.min.js",
  "/webjars/html5-qrcode/html5-qrcode.min.js",
  "/img/favicon.svg",
  "/img/floor-192.png",
  "/img/floor-512.png"
];
const NETWORK_WAIT_MS = 6000;

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // With the cookie: the page itself needs the session.
    const keep = async (url) => {
      const response = await fetch(url, { credentials: "same-origin", cache: "no-store" });
      if (response.ok && !response.redirected) {
        await cache.put(url, response.clone());
      }
      return response;
    };
    await Promise.all(SHELL.slice(1).map(keep));
    // The page names its style sheets and scripts with the addresses the server rewrote (webjars with their
    // version): keep those too, so that the page finds them offline.
    const page = await keep(SHELL[0]);
    if (page.ok && !page.redirected) {
      const html = await page.text();
      const assets = Array.from(html.matchAll(/(?:href|src)="(\/(?:webjars|css|js|img)\/[^"]+)"/g), (m) => m[1]);
      await Promise.all(Array.from(new Set(assets)).filter((url) => !SHELL.includes(url)).map(keep));
    }
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith("comptoir-floor") && name !== CACHE && name !== THUMBS) {
        await caches.delete(name);
      }
    }
    await self.clients.claim();
  })());
});

/** The page's files: the shell, and any static file (a webjar's address carries its version). */
function isShell(url) {
  return SHELL.includes(url.pathname) || url.pathname === "/floor.webmanifest"
    || /^\/(webjars|css|js|img)\//.test(url.pathname);
}

function isThumbnail(url) {
  return url.pathname.startsWith("/app/catalog/products/") && url.searchParams.get("thumb") === "true";
}

/** The network first (so that a new version shows at once), the copy when the network fails or takes too long. */
async function networkFirst(request, key) {
  const cache = await caches.open(CACHE);
  try {
    const response = await Promise.race([
      fetch(request),
      new Promise((_, reject) => setTimeout(() => reject(new Error("timeout")), NETWORK_WAIT_MS))
    ]);
    // The page answered by the login form (signed out) is not the page: keep the last good copy.
    if (response.ok && !response.redirected) {
      await cache.put(key, response.clone());
    }
    return response;
  } catch (e) {
    const copy = await cache.match(key);
    if (copy) {
      return copy;
    }
    throw e;
  }
}

async function thumbnail(request) {
  const cache = await caches.open(THUMBS);
  const copy = await cache.match(request);
  if (copy) {
    return copy;
  }
  const response = await fetch(request);
  if (response.ok && !response.redirected) {
    await cache.put(request, response.clone());
  }
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") {
    return;
  }
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  if (url.pathname === "/app/floor") {
    // Whatever the query (?lang=), one copy of the page.
    event.respondWith(networkFirst(request, "/app/floor"));
  } else if (isShell(url)) {
    event.respondWith(networkFirst(request, url.pathname + url.search));
  } else if (isThumbnail(url)) {
    event.respondWith(thumbnail(request));
  }
});

async function backgroundSync() {
  for (const entry of await FloorStore.registered()) {
    const store = await FloorStore.Store.open(entry.tenant, entry.user);
    try {
      const queue = await store.queue();
      if (queue.some((item) => item.state === "pending")) {
        const result = await FloorStore.synchronise(store, { sessionUrl: "/app/floor/session",
          orders: Boolean(await store.meta("receives")) });
        if (result.state === "offline") {
          // Background Sync tries again later when the promise fails.
          throw new Error("still offline");
        }
      }
    } finally {
      store.close();
    }
  }
  for (const client of await self.clients.matchAll({ type: "window" })) {
    client.postMessage({ type: "floor-synchronised" });
  }
}

/** Keeps the thumbnails of the catalog copy, a few at a time, so that they show offline too. */
async function keepThumbnails(urls) {
  const cache = await caches.open(THUMBS);
  const missing = [];
  for (const url of urls) {
    if (!(await cache.match(url))) {
      missing.push(url);
    }
  }
  const worker = async () => {
    for (let url = missing.shift(); url; url = missing.shift()) {
      try {
        const response = await fetch(url);
        if (response.ok && !response.redirected) {
          await cache.put(url, response);
        }
      } catch (e) {
        return;
      }
    }
  };
  await Promise.all([worker(), worker(), worker()]);
}

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "floor-thumbnails" && Array.isArray(event.data.urls)) {
    event.waitUntil(keepThumbnails(event.data.urls.filter((url) => typeof url === "string"
      && isThumbnail(new URL(url, self.location.origin)))));
  }
});

self.addEventListener("sync", (event) => {
  if (event.tag === "comptoir-floor") {
    event.waitUntil(backgroundSync());
  }
});
