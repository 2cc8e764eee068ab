// Passkeys (WebAuthn) through Spring Security's endpoints, adapted from its spring-security-webauthn.js to run
// as a same-origin script (the CSP has no inline JavaScript) and to speak French or English from the page.
"use strict";
(() => {
  const b64 = {
    encode(buffer) {
      return window.btoa(String.fromCharCode(...new Uint8Array(buffer)))
        .replace(/=/g, "").replace(/\+/g, "-").replace(/\//g, "_");
    },
    decode(text) {
      const bin = window.atob(text.replace(/-/g, "+").replace(/_/g, "/"));
      const bytes = new Uint8Array(bin.length);
      for (let i = 0; i < bin.length; i++) {
        bytes[i] = bin.charCodeAt(i);
      }
      return bytes.buffer;
    }
  };

  function csrfHeaders() {
    const token = document.querySelector("meta[name='_csrf']");
    const header = document.querySelector("meta[name='_csrf_header']");
    return token && header ? { [header.content]: token.content } : {};
  }

  async function post(url, body) {
    const options = { method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", ...csrfHeaders() } };
    if (body) {
      options.body = JSON.stringify(body);
    }
    return fetch(url, options);
  }

  const supported = () => !!(window.PublicKeyCredential && navigator.credentials);

  function show(element, text) {
    if (element) {
      element.textContent = text;
      element.hidden = false;
    }
  }

  async function signIn(button) {
    const base = button.dataset.passkeyBase;
    const error = document.querySelector("[data-passkey-error]");
    if (error) {
      error.hidden = true;
    }
    if (!supported()) {
      show(error, button.dataset.errorUnsupported);
      return;
    }
    button.disabled = true;
    try {
      const optionsResponse = await post(base + "webauthn/authenticate/options");
      if (!optionsResponse.ok) {
        throw new Error("options " + optionsResponse.status);
      }
      const options = await optionsResponse.json();
      const credential = await navigator.credentials.get({ publicKey: {
        ...options,
        challenge: b64.decode(options.challenge),
        allowCredentials: (options.allowCredentials || []).map(c => ({ ...c, id: b64.decode(c.id) }))
      } });
      const r = credential.response;
      const answer = await post(base + "login/webauthn", {
        id: credential.id,
        rawId: b64.encode(credential.rawId),
        response: {
          authenticatorData: b64.encode(r.authenticatorData),
          clientDataJSON: b64.encode(r.clientDataJSON),
          signature: b64.encode(r.signature),
          userHandle: r.userHandle ? b64.encode(r.userHandle) : undefined
        },
        credType: credential.type,
        clientExtensionResults: credential.getClientExtensionResults(),
        authenticatorAttachment: credential.authenticatorAttachment
      });
      const result = await answer.json().catch(() => ({}));
      if (answer.ok && result.authenticated && result.redirectUrl) {
        window.location.href = result.redirectUrl;
        return;
      }
      show(error, result.reason === "disabled" ? button.dataset.errorDisabled : button.dataset.errorRefused);
    } catch (e) {
      console.error(e);
      show(error, button.dataset.errorRefused);
    } finally {
      button.disabled = false;
    }
  }

  async function register(form) {
    const base = form.dataset.passkeyBase;
    const error = form.querySelector("[data-passkey-register-error]");
    const label = form.querySelector("input[name='label']");
    const button = form.querySelector("button[type='submit']");
    if (error) {
      error.hidden = true;
    }
    label.classList.remove("is-invalid");
    if (!supported()) {
      show(error, form.dataset.errorUnsupported);
      return;
    }
    if (!label.value.trim()) {
      label.classList.add("is-invalid");
      show(error, form.dataset.errorLabel);
      label.focus();
      return;
    }
    button.disabled = true;
    try {
      const optionsResponse = await post(base + "webauthn/register/options");
      if (!optionsResponse.ok) {
        throw new Error("options " + optionsResponse.status);
      }
      const options = await optionsResponse.json();
      const created = await navigator.credentials.create({ publicKey: {
        ...options,
        user: { ...options.user, id: b64.decode(options.user.id) },
        challenge: b64.decode(options.challenge),
        excludeCredentials: (options.excludeCredentials || []).map(c => ({ ...c, id: b64.decode(c.id) }))
      } });
      const r = created.response;
      const answer = await post(base + "webauthn/register", { publicKey: { label: label.value.trim(), credential: {
        id: created.id,
        rawId: b64.encode(created.rawId),
        response: {
          attestationObject: b64.encode(r.attestationObject),
          clientDataJSON: b64.encode(r.clientDataJSON),
          transports: r.getTransports ? r.getTransports() : []
        },
        type: created.type,
        clientExtensionResults: created.getClientExtensionResults(),
        authenticatorAttachment: created.authenticatorAttachment
      } } });
      const result = await answer.json().catch(() => ({}));
      if (!answer.ok || !result.success) {
        throw new Error("register " + answer.status);
      }
      window.location.href = base + "app/account/password?passkey=added#passkeys";
    } catch (e) {
      console.error(e);
      show(error, form.dataset.errorRefused);
      button.disabled = false;
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll("[data-passkey-login]").forEach(button =>
      button.addEventListener("click", () => signIn(button)));
    document.querySelectorAll("form[data-passkey-register]").forEach(form =>
      form.addEventListener("submit", event => {
        event.preventDefault();
        register(form);
      }));
  });
})();
