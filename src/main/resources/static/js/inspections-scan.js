// The registration-document scan on a vehicle form: a file input marked data-scan-input (accept
// "image/*,application/pdf", capture "environment" for the phone's camera) posts the chosen photo or PDF to
// the address in its data-scan-url (a page's own endpoint, with the session and its CSRF token; default
// /app/inspections/scans, which answers as POST /api/v1/inspections/scans does), then fills each input [name=<field>] of the form with the proposed value and
// shows its confidence in [data-confidence-for=<field>] (class text-warning below 0.8, the problem beside it).
// Nothing is saved: the inspector checks, corrects and submits the form. Field names: plate, firstRegisteredOn
// (yyyy-mm-dd, for an input type=date), brand, model, vin, category, fuel, ownerName.
// The texts shown in [data-scan-status] come from the input's attributes, so that the page gives them in its
// language: data-scan-reading, data-scan-done ("{n}" = fields found), data-scan-none, data-scan-unavailable
// (the 503: "OCR unavailable: type the fields"), data-scan-refused (other problems; the server's detail follows).
// Works for inputs added later by htmx too (listens on the document).
"use strict";
(() => {
  const WARN_BELOW = 0.8;

  function csrfHeaders() {
    const token = document.querySelector("meta[name='_csrf']");
    const header = document.querySelector("meta[name='_csrf_header']");
    return token && header ? { [header.content]: token.content } : {};
  }

  function text(input, key, fallback) {
    return input.getAttribute("data-scan-" + key) || fallback;
  }

  function status(form, message, tone) {
    const box = form.querySelector("[data-scan-status]");
    if (box) {
      box.textContent = message || "";
      box.classList.remove("text-danger", "text-warning", "text-success");
      if (tone) {
        box.classList.add(tone);
      }
    }
  }

  function show(form, field) {
    const input = form.querySelector("[name='" + field.name + "']");
    if (input && field.value != null) {
      if (input.tagName === "SELECT" && !Array.from(input.options).some(o => o.value === field.value)) {
        // a value the list does not offer: leave the choice to the inspector
      } else {
        input.value = field.value;
        input.dispatchEvent(new Event("input", { bubbles: true }));
        input.dispatchEvent(new Event("change", { bubbles: true }));
      }
      input.classList.toggle("is-invalid", field.valid === false);
      input.setAttribute("aria-invalid", field.valid === false ? "true" : "false");
    }
    const confidence = form.querySelector("[data-confidence-for='" + field.name + "']");
    if (confidence) {
      const percent = Math.round((field.confidence || 0) * 100) + " %";
      confidence.textContent = field.problem ? percent + " · " + field.problem : percent;
      confidence.classList.toggle("text-warning", (field.confidence || 0) < WARN_BELOW || field.valid === false);
      confidence.title = field.raw || "";
    }
  }

  async function scan(input) {
    const form = input.form || input.closest("form") || document;
    const file = input.files && input.files[0];
    if (!file) {
      return;
    }
    const body = new FormData();
    body.append("file", file);
    status(form, text(input, "reading", "Lecture du document…"));
    input.disabled = true;
    try {
      const response = await fetch(input.getAttribute("data-scan-url") || "/app/inspections/scans", {
        method: "POST", credentials: "same-origin", body,
        headers: { "Accept": "application/json, application/problem+json", ...csrfHeaders() } });
      const answer = await response.json().catch(() => ({}));
      if (response.status === 503) {
        status(form, text(input, "unavailable", "Lecture automatique indisponible : saisissez les champs."),
          "text-warning");
        return;
      }
      if (!response.ok) {
        status(form, text(input, "refused", "Document refusé :") + " " + (answer.detail || response.status),
          "text-danger");
        return;
      }
      const fields = answer.fields || [];
      fields.forEach(field => show(form, field));
      status(form, fields.length === 0 ? text(input, "none", "Aucun champ lu : saisissez-les.")
        : text(input, "done", "{n} champs lus : vérifiez-les.").replace("{n}", fields.length),
        fields.length === 0 ? "text-warning" : "text-success");
    } catch (e) {
      status(form, text(input, "unavailable", "Lecture automatique indisponible : saisissez les champs."),
        "text-warning");
    } finally {
      input.disabled = false;
    }
  }

  document.addEventListener("change", event => {
    const input = event.target;
    if (input instanceof HTMLInputElement && input.matches("[data-scan-input]")) {
      scan(input);
    }
  });
})();
