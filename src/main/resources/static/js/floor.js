// The shop floor page (/app/floor): looks products up in the device's copy of the catalog, records stock work into
// the device's queue (/js/floor-store.js) and sends it when the network is there. Works offline once the page, its
// scripts and the catalog have been loaded one time (the service worker /floor-sw.js keeps the files).
(function () {
  "use strict";

  const root = document.getElementById("floor");
  if (!root || !window.FloorStore) {
    return;
  }
  const T = JSON.parse(document.getElementById("floor-texts").textContent || "{}");
  const text = (key, values) => String(T[key] || key).replace(/\{(\w+)\}/g, (m, name) =>
    (values && values[name] !== undefined ? values[name] : m));
  const $ = (selector, scope) => (scope || root).querySelector(selector);
  const $$ = (selector, scope) => Array.from((scope || root).querySelectorAll(selector));
  const canMove = root.dataset.canMove === "true";
  const canReceive = root.dataset.canReceive === "true";
  const locale = root.dataset.locale || "fr";
  const sessionUrl = root.dataset.session;

  let store = null;
  let variants = [];
  let byId = new Map();
  let levels = [];
  let locations = [];
  let queue = [];
  let orders = [];
  let selected = null;
  let action = "entry";
  let syncing = false;
  let syncAgain = false;
  let signinNeeded = false;

  const el = (tag, attrs, children) => {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v === undefined || v === null || v === false) {
        return;
      }
      if (k === "text") {
        node.textContent = v;
      } else if (k.startsWith("on")) {
        node.addEventListener(k.slice(2), v);
      } else {
        node.setAttribute(k, v === true ? "" : v);
      }
    });
    (children || []).forEach((c) => node.append(c));
    return node;
  };
  const time = (iso) => new Date(iso).toLocaleTimeString(locale, { hour: "2-digit", minute: "2-digit" });
  const dateTime = (iso) => new Date(iso).toLocaleString(locale, { day: "numeric", month: "short",
    hour: "2-digit", minute: "2-digit" });
  const locationName = (id) => (locations.find((l) => l.id === id) || { name: "?" }).name;
  const defaultLocation = () => (locations.find((l) => l.isDefault) || locations[0] || {}).id;

  // ---------------------------------------------------------------- search (typo-tolerant, local)

  const normalise = (s) => String(s || "").toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, " ").trim();

  /** Damerau-Levenshtein distance (optimal string alignment), stopped early above {@code max}. */
  function distance(a, b, max) {
    if (Math.abs(a.length - b.length) > max) {
      return max + 1;
    }
    const d = [];
    for (let i = 0; i <= a.length; i++) {
      d.push([i]);
    }
    for (let j = 1; j <= b.length; j++) {
      d[0][j] = j;
    }
    for (let i = 1; i <= a.length; i++) {
      let rowMin = Infinity;
      for (let j = 1; j <= b.length; j++) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1;
        d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
        rowMin = Math.min(rowMin, d[i][j]);
      }
      if (rowMin > max) {
        return max + 1;
      }
    }
    return d[a.length][b.length];
  }

  function tokenScore(token, words) {
    const allowed = token.length >= 8 ? 2 : token.length >= 4 ? 1 : 0;
    let best = 0;
    for (const word of words) {
      if (word === token) {
        return 4;
      }
      if (word.startsWith(token)) {
        best = Math.max(best, 3);
      } else if (allowed > 0 && distance(token, word, allowed) <= allowed) {
        best = Math.max(best, 2);
      } else if (allowed > 0 && word.length > token.length
        && distance(token, word.slice(0, token.length), allowed) <= allowed) {
        best = Math.max(best, 1);
      }
    }
    return best;
  }

  function index(v) {
    v.words = normalise(v.label + " " + v.sku + " " + (v.barcode || "")).split(" ");
    return v;
  }

  /** The variants matching the query: an exact barcode or SKU first, else every word found (typos forgiven). */
  function search(query) {
    const q = String(query || "").trim();
    if (!q) {
      return [];
    }
    const exact = variants.filter((v) => v.barcode === q || v.sku.toLowerCase() === q.toLowerCase());
    if (exact.length) {
      return exact;
    }
    const tokens = normalise(q).split(" ").filter(Boolean);
    const scored = [];
    for (const v of variants) {
      let total = 0;
      for (const token of tokens) {
        const s = tokenScore(token, v.words);
        if (s === 0) {
          total = 0;
          break;
        }
        total += s;
      }
      if (total > 0) {
        scored.push([total, v]);
      }
    }
    scored.sort((a, b) => b[0] - a[0] || a[1].label.localeCompare(b[1].label, locale));
    return scored.slice(0, 30).map((x) => x[1]);
  }

  // ---------------------------------------------------------------- stock as the device sees it

  function stockOf(variantId) {
    const effects = FloorStore.pendingEffects(queue.filter((q) => q.state === "pending"), orders);
    return locations.map((loc) => {
      const level = levels.find((l) => l.variantId === variantId && l.locationId === loc.id)
        || { onHand: 0, reserved: 0, available: 0 };
      let pending = effects.get(variantId + "|" + loc.id) || 0;
      queue.filter((q) => q.state === "pending" && q.kind === "count" && q.body.variantId === variantId
        && q.body.locationId === loc.id).forEach((q) => {
        pending += q.body.countedQuantity - (level.onHand + pending);
      });
      return { location: loc, onHand: level.onHand + pending, available: level.available + pending, pending };
    });
  }

  // ---------------------------------------------------------------- status bar

  function renderStatus() {
    const online = navigator.onLine;
    const network = $("[data-floor-network]");
    network.textContent = online ? text("online") : text("offline.short");
    network.className = "badge rounded-pill " + (online ? "text-bg-success" : "text-bg-secondary");
    $("[data-floor-offline]").classList.toggle("d-none", online);
    $("[data-floor-signin]").classList.toggle("d-none", !signinNeeded);
    const waiting = queue.filter((q) => q.state === "pending").length;
    const queueLabel = $("[data-floor-queue]");
    queueLabel.textContent = syncing ? text("syncing") : waiting === 0 ? text("pending.zero")
      : waiting === 1 ? text("pending.one") : text("pending.many", { count: waiting });
    queueLabel.parentElement.dataset.count = String(waiting);
    store.meta("lastSync").then((last) => {
      $("[data-floor-synced]").textContent = last ? text("synced.at", { time: time(last) }) : text("synced.never");
      if (last) {
        $("[data-floor-synced]").setAttribute("data-last-sync", last);
      }
    });
    $("[data-floor-catalog]").textContent = variants.length === 1 ? text("catalog.one")
      : variants.length ? text("catalog.count", { count: variants.length })
      : (online ? text("catalog.loading") : text("catalog.empty"));
    renderConflicts();
  }

  function flash(message) {
    const box = $("[data-floor-flash]");
    box.textContent = message;
    box.classList.remove("d-none");
  }

  // ---------------------------------------------------------------- conflicts

  function conflictMessage(item) {
    const p = item.problem || {};
    const detail = p.detail || p.title || String(p.status || "");
    if (p.status === 409 && String(p.type || "").includes("insufficient")) {
      const line = (p.lines || [])[0] || {};
      return text("conflict.insufficient", { requested: line.requested ?? "?", available: line.available ?? "?" });
    }
    if (p.status === 404 || (p.errors || []).some((e) => e.field === "variantId")) {
      return text("conflict.archived");
    }
    return text("conflict.refused", { detail });
  }

  function renderConflicts() {
    const conflicts = queue.filter((q) => q.state === "conflict");
    const box = $("[data-floor-conflicts]");
    box.classList.toggle("d-none", conflicts.length === 0);
    const list = $("[data-floor-conflict-list]");
    // Rebuilt only when the conflicts changed: a quantity being corrected is not wiped by a round that ends.
    const keyOf = (item) => item.id + "|" + JSON.stringify(item.body) + "|" + JSON.stringify(item.problem || {});
    const keys = conflicts.map(keyOf).join("\n");
    if (list.dataset.keys === keys) {
      return;
    }
    list.dataset.keys = keys;
    list.replaceChildren(...conflicts.map((item) => {
      const li = el("li", { class: "border-top pt-2 mt-2", "data-floor-conflict": item.id });
      li.append(el("div", { class: "fw-semibold", text: describe(item) }),
        el("div", { class: "small mb-2", text: conflictMessage(item) }));
      const buttons = el("div", { class: "d-flex flex-wrap gap-2" });
      buttons.append(el("button", { type: "button", class: "btn btn-sm btn-outline-primary", text: text("conflict.retry"),
        "data-floor-retry": item.id, onclick: () => settle(item, "retry") }));
      if (["entry", "exit", "transfer", "count"].includes(item.kind)) {
        const field = item.kind === "count" ? "countedQuantity" : "quantity";
        const input = el("input", { type: "number", min: item.kind === "count" ? "0" : "1", step: "1",
          class: "form-control form-control-sm", style: "width: 7rem", value: String(item.body[field]),
          "aria-label": text("conflict.edit"), "data-floor-edit-quantity": item.id });
        buttons.append(input, el("button", { type: "button", class: "btn btn-sm btn-outline-secondary",
          text: text("conflict.edit"), "data-floor-edit": item.id, onclick: () => {
            const value = Number(input.value);
            if (!Number.isInteger(value) || value < (item.kind === "count" ? 0 : 1)) {
              input.classList.add("is-invalid");
              return;
            }
            item.body[field] = value;
            item.summary.quantity = value;
            settle(item, "retry");
          } }));
      }
      buttons.append(el("button", { type: "button", class: "btn btn-sm btn-outline-danger", text: text("conflict.drop"),
        "data-floor-drop": item.id, onclick: () => settle(item, "drop") }));
      li.append(buttons);
      return li;
    }));
  }

  async function settle(item, choice) {
    if (choice === "drop") {
      if (!window.confirm(text("conflict.drop.confirm"))) {
        return;
      }
      await store.drop(item.id);
    } else {
      item.state = "pending";
      delete item.problem;
      await store.putQueued(item);
    }
    await reload();
    synchronise();
  }

  // ---------------------------------------------------------------- recording

  function describe(item) {
    const s = item.summary || {};
    const where = s.to ? locationName(item.body.locationId) + " → " + locationName(s.to) : locationName(item.body.locationId);
    const qty = item.kind === "count" ? "= " + s.quantity : (item.kind === "exit" ? "−" : "+") + s.quantity;
    return text("kind." + item.kind) + " · " + (s.label || "") + " · " + qty + " · " + where;
  }

  async function record(kind, body, summary, occurredAt, extra) {
    const item = await store.enqueue(kind, body, summary, occurredAt, extra);
    await reload();
    flash(text("recorded", { what: describe(item), when: navigator.onLine ? text("recorded.now") : text("recorded.later") }));
    if (navigator.onLine) {
      synchronise();
    } else {
      askBackgroundSync();
    }
    return item;
  }

  async function askBackgroundSync() {
    try {
      const registration = await navigator.serviceWorker.getRegistration(root.dataset.scope);
      if (registration && registration.sync) {
        await registration.sync.register("comptoir-floor");
      }
    } catch (e) {
      // No Background Sync here: the page sends the queue when the network returns.
    }
  }

  // ---------------------------------------------------------------- the search tab

  function renderResults(query) {
    const list = $("[data-floor-results]");
    const found = search(query);
    if (!String(query || "").trim()) {
      list.replaceChildren();
      return found;
    }
    if (!found.length) {
      list.replaceChildren(el("div", { class: "list-group-item text-body-secondary", "data-floor-no-result": true,
        text: text("search.none", { query }) }));
      return found;
    }
    list.replaceChildren(...found.map((v) => {
      const total = stockOf(v.id).reduce((sum, s) => sum + s.available, 0);
      const thumb = v.thumbnail ? el("img", { src: v.thumbnail, alt: "", width: "48", height: "48", loading: "lazy",
        class: "rounded object-fit-cover flex-shrink-0" }) : el("span", { class: "floor-thumb-empty flex-shrink-0" });
      return el("button", { type: "button", class: "list-group-item list-group-item-action d-flex gap-3 align-items-center",
        "data-floor-result": v.id, onclick: () => select(v.id) }, [thumb,
        el("span", { class: "flex-grow-1" }, [el("span", { class: "d-block fw-semibold", text: v.label }),
          el("span", { class: "small text-body-secondary", text: v.sku + (v.barcode ? " · " + v.barcode : "") })]),
        el("span", { class: "badge text-bg-light border", text: String(total) })]);
    }));
    return found;
  }

  function select(variantId) {
    selected = byId.get(variantId) || null;
    renderItem();
    const card = $("[data-floor-item]");
    if (selected) {
      card.focus();
    }
  }

  function options(select, chosen) {
    select.replaceChildren(...locations.map((l) => el("option", { value: l.id, text: l.name,
      selected: l.id === chosen })));
    return select;
  }

  function renderItem() {
    const card = $("[data-floor-item]");
    if (!selected) {
      card.classList.add("d-none");
      card.replaceChildren();
      delete card.dataset.variant;
      return;
    }
    card.classList.remove("d-none");
    card.dataset.variant = selected.id;
    const body = el("div", { class: "card-body" });
    const head = el("div", { class: "d-flex gap-3 align-items-start mb-3" });
    if (selected.thumbnail) {
      head.append(el("img", { src: selected.thumbnail, alt: "", width: "72", height: "72", class: "rounded object-fit-cover" }));
    }
    head.append(el("div", { class: "flex-grow-1" }, [el("h2", { class: "h5 mb-1", text: selected.label }),
      el("div", { class: "small text-body-secondary", text: selected.sku + (selected.barcode ? " · " + selected.barcode : "") })]),
    el("button", { type: "button", class: "btn-close", "aria-label": text("item.close"),
      onclick: () => { selected = null; renderItem(); $("#floor-q").focus(); } }));
    body.append(head);
    body.append(itemStock());
    if (canMove) {
      body.append(actionForm());
    }
    card.replaceChildren(body);
  }

  /** The selected item's stock per location, with what the device still has to send. */
  function itemStock() {
    const stock = el("ul", { class: "list-group mb-3", "aria-label": text("item.stock"), "data-floor-item-stock": true });
    stockOf(selected.id).forEach((s) => {
      stock.append(el("li", { class: "list-group-item d-flex justify-content-between", "data-floor-level": s.location.id }, [
        el("span", { text: s.location.name }),
        el("span", {}, [el("strong", { "data-floor-available": true, text: String(s.available) }),
          el("span", { class: "text-body-secondary", text: " " + text("item.available") + " · " + s.onHand + " "
            + text("item.onhand") + (s.pending ? " (" + text("item.pending", { count: (s.pending > 0 ? "+" : "") + s.pending }) + ")" : "") })])]));
    });
    return stock;
  }

  function actionForm() {
    const form = el("form", { novalidate: true, "data-floor-action-form": true });
    const group = el("div", { class: "btn-group w-100 mb-3", role: "group" });
    ["entry", "exit", "transfer", "count"].forEach((kind) => {
      const id = "floor-action-" + kind;
      group.append(el("input", { type: "radio", class: "btn-check", name: "action", id, value: kind,
        checked: action === kind, onchange: () => { action = kind; renderItem(); $("#floor-quantity").focus(); } }),
      el("label", { class: "btn btn-outline-primary", for: id, text: text("action." + kind) }));
    });
    form.append(group);
    const row = el("div", { class: "row g-2" });
    const qtyLabel = action === "count" ? text("field.counted") : text("field.quantity");
    row.append(el("div", { class: "col-6" }, [el("label", { class: "form-label", for: "floor-quantity", text: qtyLabel }),
      el("input", { type: "number", inputmode: "numeric", class: "form-control form-control-lg", id: "floor-quantity",
        min: action === "count" ? "0" : "1", step: "1", required: true, "aria-describedby": "floor-quantity-error" }),
      el("div", { class: "invalid-feedback", id: "floor-quantity-error" })]));
    row.append(el("div", { class: "col-6" }, [el("label", { class: "form-label", for: "floor-location",
      text: action === "transfer" ? text("field.from") : text("field.location") }),
    options(el("select", { class: "form-select form-select-lg", id: "floor-location" }), defaultLocation())]));
    if (action === "transfer") {
      const other = (locations.find((l) => l.id !== defaultLocation()) || {}).id;
      row.append(el("div", { class: "col-6 offset-6" }, [el("label", { class: "form-label", for: "floor-to", text: text("field.to") }),
        options(el("select", { class: "form-select form-select-lg", id: "floor-to", "aria-describedby": "floor-to-error" }), other),
        el("div", { class: "invalid-feedback", id: "floor-to-error" })]));
    }
    if (action === "exit") {
      const reasons = ["damaged", "lost", "internal", "sample", "expired", "other"];
      row.append(el("div", { class: "col-12 col-sm-6" }, [el("label", { class: "form-label", for: "floor-reason", text: text("field.reason") }),
        el("select", { class: "form-select", id: "floor-reason", required: true, "aria-describedby": "floor-reason-error" },
          [el("option", { value: "", text: "—" }), ...reasons.map((r) => el("option", { value: text("reason." + r), text: text("reason." + r) }))]),
        el("div", { class: "invalid-feedback", id: "floor-reason-error" })]),
      el("div", { class: "col-12 col-sm-6" }, [el("label", { class: "form-label", for: "floor-note", text: text("field.note") }),
        el("input", { type: "text", class: "form-control", id: "floor-note", maxlength: "120" })]));
    }
    row.append(el("div", { class: "col-12" }, [el("button", { type: "submit", class: "btn btn-primary btn-lg w-100",
      text: text("record") })]));
    form.append(row);
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      submitAction(form);
    });
    return form;
  }

  function invalid(input, errorId, message) {
    input.classList.add("is-invalid");
    document.getElementById(errorId).textContent = message;
    input.focus();
  }

  async function submitAction(form) {
    $$(".is-invalid", form).forEach((i) => i.classList.remove("is-invalid"));
    const qtyInput = $("#floor-quantity", form);
    const quantity = Number(qtyInput.value);
    const min = action === "count" ? 0 : 1;
    if (qtyInput.value === "" || !Number.isInteger(quantity) || quantity < min || quantity > 1000000) {
      invalid(qtyInput, "floor-quantity-error", action === "count" ? text("error.counted") : text("error.quantity"));
      return;
    }
    const locationId = $("#floor-location", form).value;
    const summary = { label: selected.label, sku: selected.sku, quantity };
    const variantId = selected.id;
    if (action === "entry") {
      await record("entry", { variantId, quantity, locationId }, summary);
    } else if (action === "exit") {
      const reason = $("#floor-reason", form);
      if (!reason.value) {
        invalid(reason, "floor-reason-error", text("error.reason"));
        return;
      }
      const note = $("#floor-note", form).value.trim();
      await record("exit", { variantId, quantity, locationId, reason: note ? reason.value + " : " + note : reason.value }, summary);
    } else if (action === "transfer") {
      const to = $("#floor-to", form);
      if (to.value === locationId) {
        invalid(to, "floor-to-error", text("error.same"));
        return;
      }
      summary.to = to.value;
      await record("transfer", { variantId, type: "TRANSFER", quantity, locationId, toLocationId: to.value }, summary);
    } else {
      await record("count", { variantId, locationId, countedQuantity: quantity }, summary);
    }
    renderItem();
    const next = $("#floor-q");
    next.value = "";
    renderResults("");
    next.focus();
  }

  // ---------------------------------------------------------------- the count session

  async function countSession() {
    return (await store.meta("count")) || { locationId: defaultLocation(), lines: [] };
  }

  async function renderCount() {
    if (!canMove) {
      return;
    }
    const session = await countSession();
    const select = $("[data-floor-count-location]");
    options(select, session.locationId);
    $("[data-floor-counted-title]").textContent = text("count.counted", { count: session.lines.length });
    const counted = $("[data-floor-counted]");
    if (!session.lines.length) {
      counted.replaceChildren(el("li", { class: "list-group-item text-body-secondary", text: text("count.none") }));
    } else {
      counted.replaceChildren(...session.lines.map((line) => {
        const v = byId.get(line.variantId) || { label: line.label, sku: "" };
        return el("li", { class: "list-group-item d-flex justify-content-between align-items-center gap-2",
          "data-floor-counted-line": line.variantId }, [
          el("span", {}, [el("span", { class: "d-block", text: v.label }),
            el("span", { class: "small text-body-secondary", text: v.sku + " · " + time(line.at) })]),
          el("strong", { text: String(line.counted) }),
          el("button", { type: "button", class: "btn btn-sm btn-outline-secondary", text: text("count.remove"),
            onclick: async () => {
              session.lines = session.lines.filter((l) => l.variantId !== line.variantId);
              await store.setMeta("count", session);
              renderCount();
            } })]);
      }));
    }
    $("[data-floor-count-validate]").disabled = session.lines.length === 0;
    const countedIds = new Set(session.lines.map((l) => l.variantId));
    const left = levels.filter((l) => l.locationId === session.locationId && l.onHand > 0 && !countedIds.has(l.variantId)
      && byId.has(l.variantId));
    $("[data-floor-left-title]").textContent = text("count.left", { count: left.length });
    const leftList = $("[data-floor-left]");
    leftList.replaceChildren(...(left.length ? left.slice(0, 200).map((l) => {
      const v = byId.get(l.variantId);
      return el("li", { class: "list-group-item d-flex justify-content-between", "data-floor-left-item": l.variantId }, [
        el("span", { text: v.label + " · " + v.sku }), el("span", { class: "text-body-secondary",
          text: text("count.expected", { count: l.onHand }) })]);
    }) : [el("li", { class: "list-group-item text-body-secondary", text: text("count.left.none") })]));
  }

  async function addCount(event) {
    event.preventDefault();
    const code = $("[data-floor-count-code]");
    const qty = $("[data-floor-count-qty]");
    const error = $("[data-floor-count-error]");
    error.textContent = "";
    [code, qty].forEach((i) => i.classList.remove("is-invalid"));
    const found = search(code.value);
    if (found.length !== 1 && !(found.length > 1 && (found[0].sku.toLowerCase() === code.value.trim().toLowerCase()
      || found[0].label === code.value.trim()))) {
      code.classList.add("is-invalid");
      error.textContent = found.length ? found.slice(0, 5).map((v) => v.sku + " " + v.label).join(" · ")
        : text("search.none", { query: code.value });
      code.focus();
      return;
    }
    const counted = Number(qty.value);
    if (qty.value === "" || !Number.isInteger(counted) || counted < 0) {
      qty.classList.add("is-invalid");
      error.textContent = text("error.counted");
      qty.focus();
      return;
    }
    const session = await countSession();
    session.locationId = $("[data-floor-count-location]").value;
    session.lines = session.lines.filter((l) => l.variantId !== found[0].id);
    session.lines.unshift({ variantId: found[0].id, label: found[0].label, counted, at: new Date().toISOString() });
    await store.setMeta("count", session);
    code.value = "";
    qty.value = "";
    await renderCount();
    code.focus();
  }

  async function validateCount() {
    const session = await countSession();
    if (!session.lines.length) {
      return;
    }
    if (!window.confirm(text("count.confirm", { count: session.lines.length, location: locationName(session.locationId) }))) {
      return;
    }
    // Oldest first: each count is sent with the time it was made.
    for (const line of session.lines.slice().reverse()) {
      await store.enqueue("count", { variantId: line.variantId, locationId: session.locationId, countedQuantity: line.counted },
        { label: line.label, quantity: line.counted }, line.at);
    }
    const n = session.lines.length;
    await store.setMeta("count", { locationId: session.locationId, lines: [] });
    await reload();
    flash(text("count.validated", { count: n }));
    if (navigator.onLine) {
      synchronise();
    } else {
      askBackgroundSync();
    }
  }

  // ---------------------------------------------------------------- purchase order receipts

  function remainingOf(order, line) {
    const queued = queue.filter((q) => q.kind === "receipt" && q.orderId === order.id)
      .flatMap((q) => q.body.lines).filter((l) => l.lineId === line.id).reduce((s, l) => s + l.quantity, 0);
    return Math.max(line.remaining - queued, 0);
  }

  function renderOrders() {
    if (!canMove) {
      return;
    }
    const list = $("[data-floor-orders]");
    if (!canReceive) {
      list.replaceChildren(el("div", { class: "list-group-item text-body-secondary", text: text("receipt.unavailable") }));
      return;
    }
    const open = orders.filter((o) => o.lines.some((l) => remainingOf(o, l) > 0));
    if (!open.length) {
      list.replaceChildren(el("div", { class: "list-group-item text-body-secondary", text: text("receipt.none") }));
      return;
    }
    list.replaceChildren(...open.map((o) => el("button", { type: "button", class: "list-group-item list-group-item-action",
      "data-floor-order": o.id, onclick: () => receiptForm(o) }, [el("span", { class: "fw-semibold", text: o.number }),
      el("span", { class: "text-body-secondary", text: " · " + o.supplierName + (o.expectedOn ? " · " + o.expectedOn : "") })])));
  }

  function receiptForm(order) {
    const form = $("[data-floor-receipt-form]");
    form.classList.remove("d-none");
    form.dataset.order = order.id;
    const body = el("div", { class: "card-body" });
    body.append(el("h2", { class: "h5", text: order.number + " · " + order.supplierName }));
    body.append(el("div", { class: "mb-3" }, [el("label", { class: "form-label", for: "floor-receipt-location", text: text("field.location") }),
      options(el("select", { class: "form-select", id: "floor-receipt-location" }), defaultLocation())]));
    order.lines.forEach((line) => {
      const left = remainingOf(order, line);
      if (left <= 0) {
        return;
      }
      const id = "floor-receipt-" + line.id;
      body.append(el("div", { class: "row g-2 align-items-center mb-2", "data-floor-receipt-line": line.id }, [
        el("label", { class: "col-8 col-form-label", for: id }, [el("span", { class: "d-block", text: line.label }),
          el("span", { class: "small text-body-secondary", text: line.sku + " · " + text("receipt.remaining", { count: left }) })]),
        el("div", { class: "col-4" }, [el("input", { type: "number", inputmode: "numeric", min: "0", max: String(left), step: "1",
          class: "form-control", id, value: String(left), "data-line": line.id, "data-left": String(left),
          "aria-describedby": id + "-error" }), el("div", { class: "invalid-feedback", id: id + "-error" })])]));
    });
    body.append(el("div", { class: "invalid-feedback d-block mb-2", "data-floor-receipt-error": true }));
    body.append(el("button", { type: "submit", class: "btn btn-primary", text: text("receipt.submit") }));
    form.replaceChildren(body);
    form.onsubmit = async (event) => {
      event.preventDefault();
      const lines = [];
      let ok = true;
      $$("input[data-line]", form).forEach((input) => {
        input.classList.remove("is-invalid");
        const value = Number(input.value || "0");
        const left = Number(input.dataset.left);
        if (!Number.isInteger(value) || value < 0 || value > left) {
          ok = false;
          input.classList.add("is-invalid");
          document.getElementById(input.id + "-error").textContent = text("receipt.too.much", { count: left });
        } else if (value > 0) {
          lines.push({ lineId: input.dataset.line, quantity: value });
        }
      });
      const error = $("[data-floor-receipt-error]", form);
      error.textContent = "";
      if (!ok) {
        return;
      }
      if (!lines.length) {
        error.textContent = text("receipt.empty");
        return;
      }
      const locationId = $("#floor-receipt-location", form).value;
      const total = lines.reduce((s, l) => s + l.quantity, 0);
      await record("receipt", { locationId, lines }, { label: order.number, quantity: total }, null, { orderId: order.id });
      form.classList.add("d-none");
      flash(text("receipt.done", { number: order.number }));
      renderOrders();
    };
    $("input[data-line]", form) && $("input[data-line]", form).focus();
  }

  // ---------------------------------------------------------------- journal

  async function renderJournal() {
    const pending = $("[data-floor-journal-pending]");
    const items = queue;
    pending.replaceChildren(...(items.length ? items.map((item) => el("li", { class: "list-group-item",
      "data-floor-queued": item.id, "data-state": item.state }, [el("span", { class: "d-block", text: describe(item) }),
      el("span", { class: "small " + (item.state === "conflict" ? "text-danger" : "text-body-secondary"),
        text: text("journal.at", { time: dateTime(item.occurredAt) })
          + (item.state === "conflict" ? " · " + text("journal.conflicts") : "") })]))
      : [el("li", { class: "list-group-item text-body-secondary", text: text("journal.empty") })]));
    const sent = (await store.sent()).slice(0, 50);
    $("[data-floor-journal-sent]").replaceChildren(...(sent.length ? sent.map((item) => el("li", { class: "list-group-item",
      "data-floor-sent": item.id }, [el("span", { class: "d-block", text: describe(item) }),
      el("span", { class: "small text-body-secondary", text: text("journal.at", { time: dateTime(item.occurredAt) }) })]))
      : [el("li", { class: "list-group-item text-body-secondary", text: text("journal.empty") })]));
  }

  // ---------------------------------------------------------------- loading and synchronising

  async function reload() {
    const [v, l, loc, q, o] = await Promise.all([store.all("variants"), store.all("levels"), store.all("locations"),
      store.queue(), store.meta("orders")]);
    variants = v.map(index).sort((a, b) => a.label.localeCompare(b.label, locale));
    byId = new Map(variants.map((x) => [x.id, x]));
    levels = l;
    locations = loc.sort((a, b) => (b.isDefault - a.isDefault) || a.name.localeCompare(b.name, locale));
    queue = q;
    orders = o || [];
    if (selected) {
      selected = byId.get(selected.id) || null;
    }
    renderStatus();
    renderResults($("#floor-q").value);
    // The item shown stays as it is (what is being typed in its form too): only its stock is brought up to date.
    const card = $("[data-floor-item]");
    const shownStock = $("[data-floor-item-stock]", card);
    if (selected && card.dataset.variant === selected.id && shownStock) {
      shownStock.replaceWith(itemStock());
    } else {
      renderItem();
    }
    renderCount();
    renderOrders();
    renderJournal();
  }

  async function synchronise(forceOrders) {
    if (syncing) {
      // Something was queued or settled during this round: one more round once it ends.
      syncAgain = true;
      return;
    }
    syncing = true;
    syncAgain = false;
    renderStatus();
    try {
      const result = await FloorStore.synchronise(store, { sessionUrl, orders: canReceive,
        forceOrders: forceOrders === true, wait: true });
      signinNeeded = result.state === "signin";
      if (result.state === "ok" && navigator.serviceWorker && navigator.serviceWorker.controller) {
        const thumbnails = (await store.all("variants")).map((v) => v.thumbnail).filter(Boolean);
        navigator.serviceWorker.controller.postMessage({ type: "floor-thumbnails", urls: thumbnails });
      }
      if (result.sent > 0) {
        // "Sent when the network returns" is no longer true.
        $("[data-floor-flash]").classList.add("d-none");
      }
      root.dataset.syncState = result.state;
    } catch (e) {
      root.dataset.syncState = "error";
      console.error("floor synchronisation", e);
    } finally {
      syncing = false;
      await reload();
      root.dataset.syncDone = String(Number(root.dataset.syncDone || "0") + 1);
    }
    if (syncAgain && navigator.onLine) {
      await synchronise();
    }
  }

  function showTab(name) {
    $$("[data-floor-tab]").forEach((b) => {
      const active = b.dataset.floorTab === name;
      b.classList.toggle("active", active);
      b.setAttribute("aria-selected", String(active));
    });
    $$("[data-floor-panel]").forEach((p) => p.classList.toggle("d-none", p.dataset.floorPanel !== name));
  }

  async function start() {
    store = await FloorStore.Store.open(root.dataset.tenant, root.dataset.user);
    await store.setMeta("receives", canReceive);
    const lookup = document.getElementById("floor-lookup");
    lookup.addEventListener("submit", (event) => {
      event.preventDefault();
      const found = renderResults($("#floor-q").value);
      if (found.length === 1) {
        select(found[0].id);
      }
    });
    $("#floor-q").addEventListener("input", (event) => renderResults(event.target.value));
    // A code read by the camera is looked up here, in the device's copy: no page to submit to offline.
    lookup.addEventListener("code-scanner:read", (event) => {
      event.preventDefault();
      $("#floor-q").value = event.detail.code;
      const found = renderResults(event.detail.code);
      if (found.length === 1) {
        select(found[0].id);
      }
    });
    const countForm = $("[data-floor-count-form]");
    if (countForm) {
      countForm.addEventListener("submit", addCount);
      countForm.addEventListener("code-scanner:read", (event) => {
        event.preventDefault();
        $("[data-floor-count-code]").value = event.detail.code;
        $("[data-floor-count-qty]").focus();
      });
      $("[data-floor-count-location]").addEventListener("change", async (event) => {
        const session = await countSession();
        session.locationId = event.target.value;
        await store.setMeta("count", session);
        renderCount();
      });
      $("[data-floor-count-validate]").addEventListener("click", validateCount);
    }
    $$("[data-floor-tab]").forEach((b) => b.addEventListener("click", () => {
      showTab(b.dataset.floorTab);
      if (b.dataset.floorTab === "receipt" && navigator.onLine && canReceive) {
        synchronise(true);
      }
    }));
    // Asked by hand, or opening the receipts: the supplier orders are read again too.
    $("[data-floor-sync]").addEventListener("click", () => synchronise(true));
    window.addEventListener("online", () => synchronise());
    window.addEventListener("offline", renderStatus);
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible" && navigator.onLine) {
        synchronise();
      }
    });
    setInterval(() => {
      if (navigator.onLine && document.visibilityState === "visible") {
        synchronise();
      }
    }, 60000);
    if ("serviceWorker" in navigator) {
      navigator.serviceWorker.addEventListener("message", (event) => {
        if (event.data && event.data.type === "floor-synchronised") {
          reload();
        }
      });
      navigator.serviceWorker.register(root.dataset.worker, { scope: root.dataset.scope }).catch((e) =>
        console.warn("shop floor service worker", e));
    }
    await reload();
    root.dataset.ready = "true";
    if (navigator.onLine) {
      await synchronise();
    }
  }

  start().catch((e) => {
    console.error("shop floor", e);
    root.dataset.ready = "error";
  });
})();
