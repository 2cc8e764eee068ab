import assert from 'node:assert/strict';
import { webcrypto } from 'node:crypto';
import { beforeEach, test } from 'node:test';
import { cookieJar, fakeComptoir, memoryStorage } from './fakes.js';

// The browser around background.js: one fake, reset before each test (the module is loaded once).
const EXTENSION_ID = 'comptoir-extension-id';
const tabs = new Map();
let listener = null;
const browser = {
  runtime: { id: EXTENSION_ID, onMessage: { addListener(fn) { listener = fn; } } },
  storage: { local: memoryStorage() },
  cookies: cookieJar([]),
  tabs: {
    async get(id) { return tabs.get(id); },
    async sendMessage(id, message) { return tabs.get(id).answer(message); },
  },
  scripting: { injected: [], async executeScript(details) { browser.scripting.injected.push(details); tabs.get(details.target.tabId).injected = true; } },
};
globalThis.chrome = browser;
if (!globalThis.crypto) globalThis.crypto = webcrypto; // Node 18
await import('../src/background.js');

const origin = 'https://comptoir.example.fr';
const token = 'd'.repeat(43);
const page = { host: 'www.vinted.fr', csrfToken: 'csrf-1', currentUser: { user: { id: 7, login: 'marie.l' } }, userStatus: 200 };
let comptoir;
let sessionArrived;

beforeEach(() => {
  browser.storage.local = memoryStorage({ comptoirOrigin: origin, token });
  browser.cookies = cookieJar([
    { name: '_vinted_fr_session', value: 'session-1', domain: '.vinted.fr' },
    { name: 'access_token_web', value: 'access-1', domain: '.vinted.fr' },
  ]);
  browser.scripting.injected = [];
  tabs.clear();
  tabs.set(1, { id: 1, url: 'https://www.vinted.fr/items/new', answer: async () => page });
  tabs.set(2, { id: 2, url: 'https://www.example.fr/', answer: async () => null });
  let arrived;
  sessionArrived = new Promise((resolve) => { arrived = resolve; });
  comptoir = fakeComptoir({
    'PUT /api/v1/channels/vinted/session': (request) => {
      arrived(request);
      return { body: { accountId: 'acc-1', username: 'marie.l', status: 'CONNECTED' } };
    },
  });
  globalThis.fetch = comptoir.fetch;
});

const ask = (message, sender = { id: EXTENSION_ID }) => new Promise((resolve) => {
  const keptOpen = listener(message, sender, resolve);
  if (!keptOpen) resolve('(no answer)');
});

test('the content script learns whether it may read the page: only once paired', async () => {
  assert.equal(await ask({ type: 'comptoir:paired?' }), true);
  await browser.storage.local.remove(['token']);
  assert.equal(await ask({ type: 'comptoir:paired?' }), false);
});

test('a Vinted page loading sends the session to Comptoir', async () => {
  listener({ type: 'comptoir:vinted-page', page }, { id: EXTENSION_ID, url: 'https://www.vinted.fr/', tab: tabs.get(1) }, () => {});
  const request = await sessionArrived;
  assert.equal(request.headers.Authorization, `Bearer ${token}`);
  assert.equal(request.body.username, 'marie.l');
  assert.deepEqual(browser.cookies.asked, ['https://www.vinted.fr/']);
});

test('a message from a page that is not Vinted, or from another extension, is ignored', async () => {
  assert.equal(await ask({ type: 'comptoir:vinted-page', page }, { id: EXTENSION_ID, url: 'https://www.example.fr/', tab: tabs.get(2) }), '(no answer)');
  assert.equal(await ask({ type: 'comptoir:refresh', tabId: 1 }, { id: 'another-extension' }), '(no answer)');
  assert.equal(await ask({ type: 'comptoir:paired?' }, { id: 'another-extension' }), '(no answer)');
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(comptoir.requests.length, 0);
  assert.deepEqual(browser.cookies.asked, []);
});

test('"Actualiser" on a Vinted tab sends the session even unchanged', async () => {
  assert.deepEqual(await ask({ type: 'comptoir:refresh', tabId: 1 }), {
    ok: true, sent: true, account: { accountId: 'acc-1', username: 'marie.l', status: 'CONNECTED' },
  });
  assert.deepEqual(await ask({ type: 'comptoir:refresh', tabId: 1 }), {
    ok: true, sent: true, account: { accountId: 'acc-1', username: 'marie.l', status: 'CONNECTED' },
  });
  assert.equal(comptoir.requests.length, 2);
});

test('"Actualiser" on a tab opened before the extension injects the reader first', async () => {
  tabs.get(1).answer = async function answer() {
    if (!this.injected) throw new Error('Could not establish connection. Receiving end does not exist.');
    return page;
  };
  const answer = await ask({ type: 'comptoir:refresh', tabId: 1 });
  assert.equal(answer.ok, true);
  assert.deepEqual(browser.scripting.injected, [{ target: { tabId: 1 }, files: ['content.js'] }]);
});

test('"Actualiser" elsewhere than on Vinted says so, and sends nothing', async () => {
  assert.deepEqual(await ask({ type: 'comptoir:refresh', tabId: 2 }), { ok: false, failure: { kind: 'not-vinted', status: null, during: null } });
  assert.equal(comptoir.requests.length, 0);
});

test('"Actualiser" when Vinted says nobody is signed in tells the popup so', async () => {
  tabs.get(1).answer = async () => ({ ...page, currentUser: null, userStatus: 401 });
  browser.cookies = cookieJar([{ name: 'anon_id', value: 'a', domain: '.vinted.fr' }]);
  assert.deepEqual(await ask({ type: 'comptoir:refresh', tabId: 1 }), { ok: false, failure: { kind: 'vinted-logged-out', status: null, during: null } });
  assert.equal(comptoir.requests.length, 0);
});
