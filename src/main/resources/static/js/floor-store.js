// The shop floor's memory on the device and its synchronisation, shared by the page (/js/floor.js) and the service
// worker (/floor-sw.js): no DOM here. One IndexedDB database per business and user ("comptoir-floor-<tenant>-<user>")
// keeps the catalog copy (variants, levels, locations), the queue of actions recorded on the device, the last actions
// sent, and small facts (cursor, last synchronisation, open purchase orders, the count in progress).
// Every action gets a UUIDv7 id made here and the time it happened; it is sent with that id as Idempotency-Key (and
// as the body's id), so that sending it twice (a lost answer, the page and the worker at once) records it once.
(function (global) {
  "use strict";

  const VERSION = 1;
  const REGISTRY = "comptoir-floor";
  const SENT_KEPT = 100;
  const ORDER_STATUSES = ["SENT", "CONFIRMED", "SHIPPED"];
  /** How often the open purchase orders are read again (each is one request): not at every round. */
  const ORDERS_EVERY_MS = 10 * 60 * 1000;

  const request = (r) => new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
  const finished = (tx) => new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = tx.onerror = () => reject(tx.error);
  });

  // ------------------------------------------------------------------ ids

  let lastMs = 0;
  let counter = 0;
  /** A UUIDv7: time-ordered, so the queue's key order is the order the actions were recorded in. */
  function uuidv7() {
    let ms = Date.now();
    if (ms <= lastMs) {
      counter++;
      if (counter > 0xfff) {
        lastMs++;
        counter = 0;
      }
      ms = lastMs;
    } else {
      lastMs = ms;
      counter = 0;
    }
    const b = new Uint8Array(16);
    crypto.getRandomValues(b);
    let t = ms;
    for (let i = 5; i >= 0; i--) {
      b[i] = t % 256;
      t = Math.floor(t / 256);
    }
    b[6] = 0x70 | (counter >> 8);
    b[7] = counter & 0xff;
    b[8] = 0x80 | (b[8] & 0x3f);
    const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" + hex.slice(16, 20) + "-"
      + hex.slice(20);
  }

  // ------------------------------------------------------------------ databases

  function openDatabase(name, upgrade) {
    return new Promise((resolve, reject) => {
      const r = indexedDB.open(name, VERSION);
      r.onupgradeneeded = () => upgrade(r.result);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
      r.onblocked = () => reject(new Error("database blocked"));
    });
  }

  /** The databases of this device, so that the worker knows what to send (it has no page to ask). */
  function registry() {
    return openDatabase(REGISTRY, (db) => db.createObjectStore("stores", { keyPath: "name" }));
  }

  async function registered() {
    const db = await registry();
    try {
      return await request(db.transaction("stores").objectStore("stores").getAll());
    } finally {
      db.close();
    }
  }

  class Store {
    constructor(db, name, tenant, user) {
      this.db = db;
      this.name = name;
      this.tenant = tenant;
      this.user = user;
    }

    static async open(tenant, user) {
      const name = "comptoir-floor-" + tenant + "-" + user;
      const db = await openDatabase(name, (d) => {
        d.createObjectStore("variants", { keyPath: "id" });
        d.createObjectStore("levels", { keyPath: ["variantId", "locationId"] });
        d.createObjectStore("locations", { keyPath: "id" });
        d.createObjectStore("queue", { keyPath: "id" });
        d.createObjectStore("sent", { keyPath: "id" });
        d.createObjectStore("meta");
      });
      const reg = await registry();
      try {
        const tx = reg.transaction("stores", "readwrite");
        tx.objectStore("stores").put({ name, tenant, user });
        await finished(tx);
      } finally {
        reg.close();
      }
      return new Store(db, name, tenant, user);
    }

    close() {
      this.db.close();
    }

    async all(storeName) {
      return request(this.db.transaction(storeName).objectStore(storeName).getAll());
    }

    async get(storeName, key) {
      return request(this.db.transaction(storeName).objectStore(storeName).get(key));
    }

    async meta(key) {
      return this.get("meta", key);
    }

    async setMeta(key, value) {
      const tx = this.db.transaction("meta", "readwrite");
      tx.objectStore("meta").put(value, key);
      return finished(tx);
    }

    /** The actions not yet recorded by the server, oldest first (waiting ones and conflicts). */
    async queue() {
      return this.all("queue");
    }

    /** The last actions the server recorded, newest first. */
    async sent() {
      return (await this.all("sent")).sort((a, b) => (a.sentAt < b.sentAt ? 1 : -1));
    }

    /**
     * Queues an action: {@code kind} entry, exit, transfer, count or receipt; {@code body} what the API takes (its id
     * and occurredAt are set here); {@code summary} what the journal shows; {@code extra} more facts kept with it
     * (a receipt's orderId). Returns the queued item.
     */
    async enqueue(kind, body, summary, occurredAt, extra) {
      const id = uuidv7();
      const at = occurredAt || new Date().toISOString();
      const item = { id, kind, body: Object.assign({}, body, { id, occurredAt: at }), summary, occurredAt: at,
        state: "pending", recordedAt: new Date().toISOString() };
      Object.assign(item, extra || {});
      const tx = this.db.transaction("queue", "readwrite");
      tx.objectStore("queue").put(item);
      await finished(tx);
      return item;
    }

    async putQueued(item) {
      const tx = this.db.transaction("queue", "readwrite");
      tx.objectStore("queue").put(item);
      return finished(tx);
    }

    /** Gives up an action for good (the user confirmed it). */
    async drop(id) {
      const tx = this.db.transaction("queue", "readwrite");
      tx.objectStore("queue").delete(id);
      return finished(tx);
    }

    async markSent(item, status) {
      const tx = this.db.transaction(["queue", "sent"], "readwrite");
      tx.objectStore("queue").delete(item.id);
      tx.objectStore("sent").put(Object.assign({}, item, { state: "sent", status, sentAt: new Date().toISOString() }));
      await finished(tx);
      const sent = await this.sent();
      if (sent.length > SENT_KEPT) {
        const prune = this.db.transaction("sent", "readwrite");
        sent.slice(SENT_KEPT).forEach((s) => prune.objectStore("sent").delete(s.id));
        await finished(prune);
      }
    }

    /** Takes a page of the catalog feed into the copy: archived variants leave it. */
    async apply(page) {
      const tx = this.db.transaction(["variants", "levels", "locations", "meta"], "readwrite");
      const variants = tx.objectStore("variants");
      const levels = tx.objectStore("levels");
      const locations = tx.objectStore("locations");
      if (page.full && page.first) {
        variants.clear();
        levels.clear();
      }
      page.variants.forEach((v) => (v.archived ? variants.delete(v.id) : variants.put(v)));
      page.levels.forEach((l) => levels.put(l));
      locations.clear();
      page.locations.forEach((l) => locations.put(l));
      tx.objectStore("meta").put(page.cursor, "cursor");
      return finished(tx);
    }
  }

  // ------------------------------------------------------------------ what the queue changes locally

  /** Adds the effect of the waiting actions to the server's levels, per variant and location: {onHand, available}. */
  function pendingEffects(queue, orders) {
    const effects = new Map();
    const add = (variantId, locationId, delta) => {
      if (!variantId || !locationId) {
        return;
      }
      const key = variantId + "|" + locationId;
      effects.set(key, (effects.get(key) || 0) + delta);
    };
    queue.forEach((item) => {
      const b = item.body;
      if (item.kind === "entry") {
        add(b.variantId, b.locationId, b.quantity);
      } else if (item.kind === "exit") {
        add(b.variantId, b.locationId, -b.quantity);
      } else if (item.kind === "transfer") {
        add(b.variantId, b.locationId, -b.quantity);
        add(b.variantId, b.toLocationId, b.quantity);
      } else if (item.kind === "receipt") {
        const order = (orders || []).find((o) => o.id === item.orderId);
        (b.lines || []).forEach((l) => {
          const line = order && order.lines.find((x) => x.id === l.lineId);
          if (line) {
            add(line.variantId, b.locationId, l.quantity);
          }
        });
      }
    });
    return effects;
  }

  // ------------------------------------------------------------------ synchronisation

  class SignInNeeded extends Error {}
  class Offline extends Error {}

  async function session(options) {
    let response;
    try {
      response = await fetch(options.sessionUrl, { credentials: "same-origin", cache: "no-store",
        headers: { "Accept": "application/json" } });
    } catch (e) {
      throw new Offline(String(e));
    }
    const type = response.headers.get("Content-Type") || "";
    // Signed out, the session chain answers with the login page (after a redirect), not JSON.
    if (!response.ok || response.redirected || !type.includes("json")) {
      if (response.status >= 500) {
        throw new Offline("server " + response.status);
      }
      throw new SignInNeeded();
    }
    return response.json();
  }

  function endpoint(item) {
    switch (item.kind) {
      case "entry": return "/api/v1/stocks/entry";
      case "exit": return "/api/v1/stocks/exit";
      case "transfer": return "/api/v1/stocks/movements";
      case "count": return "/api/v1/stocks/count";
      case "receipt": return "/api/v1/purchase-orders/" + encodeURIComponent(item.orderId) + "/receipts";
      default: throw new Error("unknown action " + item.kind);
    }
  }

  async function api(token, method, url, body, key) {
    const headers = { "Authorization": "Bearer " + token, "Accept": "application/json, application/problem+json" };
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
    }
    if (key) {
      headers["Idempotency-Key"] = key;
    }
    try {
      return await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body),
        cache: "no-store", credentials: "omit" });
    } catch (e) {
      throw new Offline(String(e));
    }
  }

  async function problem(response) {
    try {
      return await response.json();
    } catch (e) {
      return { status: response.status, detail: response.statusText };
    }
  }

  /**
   * Sends the waiting actions in the order they were recorded, then refreshes the catalog copy and the open purchase
   * orders (every ten minutes, after something was sent, or when {@code options.forceOrders}). Answers {state: "ok" | "offline" | "signin" | "busy", sent, conflicts}. A refusal by the server (stock
   * would go negative, an item archived meanwhile, a bad value) puts the action aside as a conflict for the user to
   * settle; nothing is dropped here.
   */
  async function synchronise(store, options) {
    const run = () => synchroniseNow(store, options);
    if (global.navigator && navigator.locks) {
      // The page waits for a round of the worker to end, then runs its own (the user may have queued or settled
      // something the worker's round did not see); the worker skips a round while the page runs one.
      return navigator.locks.request("comptoir-floor-sync-" + store.name, options.wait ? {} : { ifAvailable: true },
        (lock) => (lock ? run() : { state: "busy", sent: 0, conflicts: 0 }));
    }
    return run();
  }

  async function synchroniseNow(store, options) {
    let sent = 0;
    let conflicts = 0;
    try {
      let me = await session(options);
      if (me.userId !== store.user || me.tenantId !== store.tenant) {
        // Another person is signed in on this device now: this queue waits for its author.
        throw new SignInNeeded();
      }
      const fresh = async () => {
        me = await session(options);
        return me.accessToken;
      };
      let token = me.accessToken;
      for (const item of await store.queue()) {
        if (item.state !== "pending") {
          conflicts += item.state === "conflict" ? 1 : 0;
          continue;
        }
        let response = await api(token, "POST", endpoint(item), item.body, item.id);
        if (response.status === 401) {
          token = await fresh();
          response = await api(token, "POST", endpoint(item), item.body, item.id);
        }
        if (response.ok) {
          await store.markSent(item, response.status);
          sent++;
        } else if (response.status === 401) {
          throw new SignInNeeded();
        } else if (response.status >= 500 || response.status === 429 || response.status === 408) {
          throw new Offline("server " + response.status);
        } else {
          item.state = "conflict";
          item.problem = await problem(response);
          item.problem.status = response.status;
          await store.putQueued(item);
          conflicts++;
        }
      }
      await refreshCatalog(store, token);
      const ordersAt = await store.meta("ordersAt");
      if (options.orders && (options.forceOrders || !ordersAt
        || Date.now() - Date.parse(ordersAt) > ORDERS_EVERY_MS || sent > 0)) {
        await refreshOrders(store, token);
        await store.setMeta("ordersAt", new Date().toISOString());
      }
      await store.setMeta("lastSync", new Date().toISOString());
      return { state: "ok", sent, conflicts };
    } catch (e) {
      if (e instanceof SignInNeeded) {
        return { state: "signin", sent, conflicts };
      }
      if (e instanceof Offline || (e && e.name === "TypeError")) {
        return { state: "offline", sent, conflicts };
      }
      throw e;
    }
  }

  async function refreshCatalog(store, token) {
    let cursor = await store.meta("cursor");
    let first = true;
    for (let pages = 0; pages < 1000; pages++) {
      const url = "/api/v1/stocks/floor-catalog?size=1000" + (cursor ? "&cursor=" + encodeURIComponent(cursor) : "");
      const response = await api(token, "GET", url);
      if (response.status === 400 && cursor) {
        // A cursor this server no longer understands: read everything again.
        cursor = null;
        continue;
      }
      if (!response.ok) {
        throw response.status === 401 ? new SignInNeeded() : new Offline("feed " + response.status);
      }
      const page = await response.json();
      page.first = first;
      first = false;
      await store.apply(page);
      cursor = page.cursor;
      if (page.complete) {
        return;
      }
    }
  }

  async function refreshOrders(store, token) {
    const summaries = [];
    for (const status of ORDER_STATUSES) {
      const response = await api(token, "GET", "/api/v1/purchase-orders?size=50&status=" + status);
      if (response.status === 403 || response.status === 404) {
        return;
      }
      if (!response.ok) {
        throw new Offline("orders " + response.status);
      }
      summaries.push(...(await response.json()).items);
    }
    const orders = [];
    for (const summary of summaries.slice(0, 60)) {
      const response = await api(token, "GET", "/api/v1/purchase-orders/" + summary.id);
      if (!response.ok) {
        continue;
      }
      const o = await response.json();
      if (!o.receivable) {
        continue;
      }
      orders.push({ id: o.id, number: o.number, supplierName: o.supplierName, expectedOn: o.expectedOn,
        lines: o.lines.filter((l) => l.variantId).map((l) => ({ id: l.id, variantId: l.variantId, sku: l.sku,
          label: l.label, quantity: l.quantity, remaining: l.remaining })) });
    }
    await store.setMeta("orders", orders);
  }

  global.FloorStore = { Store, uuidv7, synchronise, pendingEffects, registered };
})(typeof self !== "undefined" ? self : this);
