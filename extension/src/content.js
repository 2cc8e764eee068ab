// Runs in Vinted's pages (never in Comptoir's). Reads what only the page knows: the CSRF token of its
// <meta name="csrf-token"> and the signed-in user (GET /api/v2/users/current, same origin, with the
// site's cookies). Tells the background on each page load once paired, and answers it on "Actualiser".
// A classic script, not a module: content scripts cannot be ES modules.
(() => {
  const ext = globalThis.browser ?? globalThis.chrome;
  if (globalThis.__comptoirVintedReader) return; // injected again by "Actualiser": one listener is enough
  globalThis.__comptoirVintedReader = true;

  // In Firefox, a content script's own fetch carries the extension's origin; content.fetch is the page's.
  const pageFetch = globalThis.content?.fetch ? globalThis.content.fetch.bind(globalThis.content) : globalThis.fetch.bind(globalThis);

  async function readPage() {
    const meta = document.querySelector('meta[name="csrf-token"]');
    const csrfToken = meta?.getAttribute('content') || null;
    let currentUser = null;
    let userStatus = 0;
    try {
      const headers = { Accept: 'application/json' };
      if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
      const response = await pageFetch('/api/v2/users/current', { credentials: 'include', headers });
      userStatus = response.status;
      if (response.ok) currentUser = await response.json();
    } catch {
      userStatus = 0;
    }
    if (userStatus === 200 && (!currentUser || typeof currentUser !== 'object')) userStatus = 0;
    return { host: location.hostname, csrfToken, currentUser, userStatus };
  }

  ext.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    if (message?.type !== 'comptoir:read-vinted-page') return false;
    readPage().then(sendResponse, () => sendResponse(null));
    return true;
  });

  // On each page load, only once paired: an extension that is not paired reads nothing and asks Vinted nothing.
  ext.runtime.sendMessage({ type: 'comptoir:paired?' })
    .then((paired) => (paired === true ? readPage() : null))
    .then((page) => (page ? ext.runtime.sendMessage({ type: 'comptoir:vinted-page', page }) : null))
    .catch(() => {});
})();
