// The extension's background (a service worker in Chrome, an event page in Firefox). It is the one place
// that sends the Vinted session to Comptoir: automatically when a Vinted page loads and the session
// changed, and on the popup's "Actualiser".

import { describeFailure } from './lib/messages.js';
import { sendVintedSession } from './lib/sync.js';
import { vintedHostOf } from './lib/vinted.js';

const ext = globalThis.browser ?? globalThis.chrome;

function browserApis() {
  return {
    storage: ext.storage.local,
    cookies: ext.cookies,
    fetch: globalThis.fetch.bind(globalThis),
    subtle: globalThis.crypto.subtle,
  };
}

/** Asks the tab's content script what the page knows; injects it first if the tab predates the extension. */
async function readVintedTab(tabId) {
  const ask = () => ext.tabs.sendMessage(tabId, { type: 'comptoir:read-vinted-page' });
  try {
    const page = await ask();
    if (page) return page;
  } catch {
    // no content script in this tab yet
  }
  await ext.scripting.executeScript({ target: { tabId }, files: ['content.js'] });
  return ask();
}

async function refresh(tabId) {
  const tab = await ext.tabs.get(tabId);
  const host = vintedHostOf(tab.url);
  if (!host) throw Object.assign(new Error('not on Vinted'), { kind: 'not-vinted' });
  let page;
  try {
    page = await readVintedTab(tabId);
  } catch {
    page = null;
  }
  if (!page) throw Object.assign(new Error('Vinted page unreadable'), { kind: 'vinted-unreachable' });
  return sendVintedSession({ ...browserApis(), host, page, force: true });
}

ext.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (sender.id !== ext.runtime.id) return false;
  if (message?.type === 'comptoir:paired?') {
    ext.storage.local.get(['token']).then(({ token }) => sendResponse(Boolean(token)), () => sendResponse(false));
    return true;
  }
  if (message?.type === 'comptoir:vinted-page' && sender.tab) {
    const host = vintedHostOf(sender.url ?? sender.tab.url);
    if (!host) return false;
    ext.storage.local.get(['token']).then(({ token }) => {
      if (!token) return undefined; // not paired: nothing to send, nothing to complain about
      return sendVintedSession({ ...browserApis(), host, page: message.page });
    }).catch(() => {
      // kept as lastError by sendVintedSession; the popup shows it
    });
    return false;
  }
  if (message?.type === 'comptoir:refresh' && Number.isInteger(message.tabId)) {
    refresh(message.tabId).then(
      (result) => sendResponse({ ok: true, sent: result.sent, account: result.account ?? null }),
      (error) => sendResponse({ ok: false, failure: describeFailure(error) }),
    );
    return true;
  }
  return false;
});
