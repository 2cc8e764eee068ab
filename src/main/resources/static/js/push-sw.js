// The web push service worker: shows each notification the server sent (decrypted by the browser) and
// opens its link on click. Registered by push.js with the scope /js/push/, so it controls no page: it is
// only here for push events and never intercepts requests.
"use strict";

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", event => event.waitUntil(self.clients.claim()));

self.addEventListener("push", event => {
  let message = {};
  try {
    message = event.data ? event.data.json() : {};
  } catch (e) {
    message = { body: event.data ? event.data.text() : "" };
  }
  const title = message.title || "Comptoir";
  event.waitUntil(self.registration.showNotification(title, {
    body: message.body || "",
    icon: "/img/favicon.svg",
    data: { link: message.link || "/app" }
  }));
});

self.addEventListener("notificationclick", event => {
  event.notification.close();
  // Only a page of this site: a link is a path such as /app/sales/orders/…
  const target = new URL((event.notification.data && event.notification.data.link) || "/app", self.location.origin);
  const url = target.origin === self.location.origin ? target.href : new URL("/app", self.location.origin).href;
  event.waitUntil((async () => {
    const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
    for (const client of windows) {
      if (client.url === url && "focus" in client) {
        return client.focus();
      }
    }
    return self.clients.openWindow(url);
  })());
});
