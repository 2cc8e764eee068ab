import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import vm from 'node:vm';

const script = readFileSync(new URL('../src/content.js', import.meta.url), 'utf8');

/** Runs content.js in a fake Vinted page; returns what it asked and sent. */
function runOnVintedPage({ paired, csrf = 'csrf-abc', userAnswer = { status: 200, body: { user: { id: 7, login: 'marie.l' } } }, firefox = false }) {
  const fetched = [];
  const sent = [];
  let listener = null;
  // what crosses from the page's realm is compared as plain data
  const plain = (value) => (value === undefined ? value : JSON.parse(JSON.stringify(value)));
  const fetch = async (url, init) => {
    fetched.push(plain({ url, init }));
    return {
      ok: userAnswer.status >= 200 && userAnswer.status < 300,
      status: userAnswer.status,
      json: async () => userAnswer.body,
    };
  };
  const chrome = {
    runtime: {
      async sendMessage(message) {
        sent.push(plain(message));
        return message.type === 'comptoir:paired?' ? paired : undefined;
      },
      onMessage: { addListener(fn) { listener = fn; } },
    },
  };
  const context = {
    chrome,
    location: { hostname: 'www.vinted.fr' },
    document: {
      querySelector: (selector) => (selector === 'meta[name="csrf-token"]' && csrf
        ? { getAttribute: (name) => (name === 'content' ? csrf : null) } : null),
    },
  };
  if (firefox) context.content = { fetch };
  else context.fetch = fetch;
  vm.createContext(context);
  vm.runInContext(script, context);
  // the fakes answer through promise jobs only: one turn of the event loop lets the script finish
  const settled = () => new Promise((resolve) => setImmediate(resolve));
  return { fetched, sent, listener: () => listener, settled, context };
}

test('once paired, a Vinted page tells the background its CSRF token and signed-in user', async () => {
  const page = runOnVintedPage({ paired: true });
  await page.settled();
  assert.equal(page.fetched.length, 1);
  assert.equal(page.fetched[0].url, '/api/v2/users/current');
  assert.equal(page.fetched[0].init.credentials, 'include');
  assert.equal(page.fetched[0].init.headers['X-CSRF-Token'], 'csrf-abc');
  assert.deepEqual(page.sent.at(-1), {
    type: 'comptoir:vinted-page',
    page: { host: 'www.vinted.fr', csrfToken: 'csrf-abc', currentUser: { user: { id: 7, login: 'marie.l' } }, userStatus: 200 },
  });
});

test('not paired, a Vinted page is left alone: nothing is read from Vinted, nothing sent', async () => {
  const page = runOnVintedPage({ paired: false });
  await page.settled();
  assert.equal(page.fetched.length, 0);
  assert.deepEqual(page.sent.map((message) => message.type), ['comptoir:paired?']);
});

test('signed out of Vinted: the 401 is passed on, without a user', async () => {
  const page = runOnVintedPage({ paired: true, csrf: null, userAnswer: { status: 401, body: { code: 'unauthorized' } } });
  await page.settled();
  assert.deepEqual(page.sent.at(-1).page, { host: 'www.vinted.fr', csrfToken: null, currentUser: null, userStatus: 401 });
  assert.equal(page.fetched[0].init.headers['X-CSRF-Token'], undefined);
});

test('"Actualiser" asks the page again through the message listener; in Firefox the page\'s own fetch is used', async () => {
  const page = runOnVintedPage({ paired: false, firefox: true });
  await page.settled();
  const answer = await new Promise((resolve) => {
    const keptOpen = page.listener()({ type: 'comptoir:read-vinted-page' }, {}, resolve);
    assert.equal(keptOpen, true);
  });
  assert.equal(answer.userStatus, 200);
  assert.equal(page.fetched.length, 1, 'through content.fetch');
  assert.equal(page.listener()({ type: 'something-else' }, {}, () => {}), false);
});

test('injected twice, it listens once', async () => {
  const page = runOnVintedPage({ paired: false });
  const first = page.listener();
  vm.runInContext(script, page.context);
  assert.equal(page.listener(), first);
});
