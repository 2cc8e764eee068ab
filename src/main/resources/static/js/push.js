// Web push on the account page: the "receive notifications on this device" switch asks the browser's
// permission, subscribes with the server's VAPID key through the service worker (push-sw.js) and tells the
// server; switched off, it unsubscribes. The card is loaded by htmx, so everything is wired on htmx:load.
"use strict";
(() => {
  function csrfHeaders() {
    const token = document.querySelector("meta[name='_csrf']");
    const header = document.querySelector("meta[name='_csrf_header']");
    return token && header ? { [header.content]: token.content } : {};
  }

  function post(url, body) {
    return fetch(url, { method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json, application/problem+json",
        ...csrfHeaders() },
      body: JSON.stringify(body) });
  }

  // The VAPID key is base64url; PushManager wants its bytes.
  function bytes(base64Url) {
    const text = window.atob(base64Url.replace(/-/g, "+").replace(/_/g, "/")
      + "=".repeat((4 - base64Url.length % 4) % 4));
    return Uint8Array.from(text, c => c.charCodeAt(0));
  }

  const supported = () => "serviceWorker" in navigator && "PushManager" in window && "Notification" in window;

  function say(box, text) {
    const status = box.parentElement.querySelector("[data-push-status]");
    if (status) {
      status.textContent = text || "";
    }
  }

  function refresh(box) {
    const card = box.closest("[hx-get]");
    if (card && window.htmx) {
      window.htmx.trigger(card, "push-changed");
    }
  }

  async function registration(box) {
    await navigator.serviceWorker.register(box.dataset.worker, { scope: box.dataset.scope });
    // ready resolves with the active registration of this page's scope only; ask for ours by its scope.
    for (let i = 0; i < 50; i++) {
      const reg = await navigator.serviceWorker.getRegistration(box.dataset.scope);
      if (reg && reg.active) {
        return reg;
      }
      await new Promise(resolve => setTimeout(resolve, 100));
    }
    return navigator.serviceWorker.getRegistration(box.dataset.scope);
  }

  async function subscribe(box, toggle) {
    const permission = await Notification.requestPermission();
    if (permission !== "granted") {
      toggle.checked = false;
      say(box, box.dataset.errorDenied);
      return;
    }
    const reg = await registration(box);
    const subscription = await reg.pushManager.subscribe({ userVisibleOnly: true,
      applicationServerKey: bytes(box.dataset.vapidKey) });
    const answer = await post(box.dataset.subscribe, subscription.toJSON());
    if (!answer.ok) {
      throw new Error("subscribe " + answer.status);
    }
    refresh(box);
  }

  async function unsubscribe(box) {
    const reg = await navigator.serviceWorker.getRegistration(box.dataset.scope);
    const subscription = reg ? await reg.pushManager.getSubscription() : null;
    if (subscription) {
      const endpoint = subscription.endpoint;
      await subscription.unsubscribe();
      const answer = await post(box.dataset.unsubscribe, { endpoint });
      if (!answer.ok) {
        throw new Error("unsubscribe " + answer.status);
      }
    }
    refresh(box);
  }

  async function wire(box) {
    if (box.dataset.pushWired) {
      return;
    }
    box.dataset.pushWired = "true";
    const toggle = box.querySelector("[data-push-switch]");
    if (!supported()) {
      say(box, box.dataset.errorUnsupported);
      return;
    }
    let current = null;
    try {
      const reg = await registration(box);
      current = reg ? await reg.pushManager.getSubscription() : null;
    } catch (e) {
      current = null;
    }
    box.dataset.pushReady = "true";
    const list = document.querySelectorAll("[data-push-device]");
    let known = false;
    list.forEach(row => {
      const mine = current !== null && row.dataset.endpoint === current.endpoint;
      known = known || mine;
      const badge = row.querySelector("[data-push-current]");
      if (badge) {
        badge.hidden = !mine;
      }
    });
    toggle.checked = known && Notification.permission === "granted";
    toggle.disabled = Notification.permission === "denied" && !toggle.checked;
    if (Notification.permission === "denied") {
      say(box, box.dataset.errorDenied);
    }
    toggle.addEventListener("change", async () => {
      toggle.disabled = true;
      say(box, "");
      try {
        if (toggle.checked) {
          await subscribe(box, toggle);
        } else {
          await unsubscribe(box);
        }
      } catch (e) {
        toggle.checked = !toggle.checked;
        say(box, box.dataset.errorFailed);
      } finally {
        toggle.disabled = false;
      }
    });
  }

  // htmx:load fires on each element it swapped in: the card's [data-push] itself is one of them.
  function wireAll(root) {
    if (root instanceof Element && root.matches("[data-push]")) {
      wire(root);
    }
    (root || document).querySelectorAll("[data-push]").forEach(wire);
  }

  document.addEventListener("htmx:load", event => wireAll(event.target));
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", () => wireAll(document));
  } else {
    wireAll(document);
  }
})();
