import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fetchStatus, pair, sendVintedSession, shownAccount, unpair } from '../src/lib/sync.js';
import { cookieJar, fakeComptoir, memoryStorage, problem, subtle } from './fakes.js';

const origin = 'https://comptoir.example.fr';
const token = 'd'.repeat(43);
const vintedCookies = [
  { name: '_vinted_fr_session', value: 'session-1', domain: '.vinted.fr' },
  { name: 'access_token_web', value: 'access-1', domain: '.vinted.fr' },
  { name: 'anon_id', value: 'anon-1', domain: '.vinted.fr' },
  { name: '_ga', value: 'tracking', domain: '.vinted.fr' },
];
const page = { csrfToken: 'csrf-1', currentUser: { user: { id: 123456, login: 'marie.l' } }, userStatus: 200 };
const now = () => new Date('2026-12-06T18:45:00Z');

function comptoir(sessionAnswer = () => ({ body: { accountId: 'acc-1', username: 'marie.l', status: 'CONNECTED' } })) {
  return fakeComptoir({
    'POST /api/v1/channels/pairings/claim': ({ body }) => (body.code === 'K7QF-92XM'
      ? { body: { token, business: { slug: 'seconde-main', name: 'Seconde Main' } } }
      : { status: 400, body: problem(400, 'Invalid pairing code') }),
    'PUT /api/v1/channels/vinted/session': sessionAnswer,
    'GET /api/v1/channels/extension/me': ({ headers }) => (headers.Authorization === `Bearer ${token}`
      ? { body: { business: { slug: 'seconde-main', name: 'Seconde Main' }, accounts: [{ id: 'acc-1', username: 'marie.l', status: 'CONNECTED', lastSyncAt: null, lastError: null }] } }
      : { status: 401, body: problem(401, 'Unauthorized') }),
  });
}

test('pairing keeps the token and the business, and nothing of an earlier pairing', async () => {
  const storage = memoryStorage({ comptoirOrigin: 'https://old.example.fr', token: 'old', lastSentFingerprint: 'f', lastUsername: 'old' });
  const server = comptoir();
  const business = await pair({ storage, fetch: server.fetch, origin, code: 'K7QF-92XM', device: 'Chrome 131 on Linux' });
  assert.equal(business.name, 'Seconde Main');
  assert.deepEqual(storage.data, { comptoirOrigin: origin, token, business: { slug: 'seconde-main', name: 'Seconde Main' } });
});

test('a refused code leaves the storage as it was and says it happened while claiming', async () => {
  const storage = memoryStorage();
  await assert.rejects(pair({ storage, fetch: comptoir().fetch, origin, code: 'AAAA-BBBB', device: 'x' }),
    { kind: 'rejected', status: 400, during: 'claim' });
  assert.deepEqual(storage.data, {});
});

test('a Vinted page sends the session once, then only when it changed', async () => {
  const storage = memoryStorage({ comptoirOrigin: origin, token });
  const server = comptoir();
  const jar = cookieJar(vintedCookies);
  const send = () => sendVintedSession({ storage, cookies: jar, fetch: server.fetch, subtle, now, host: 'www.vinted.fr', page });

  assert.equal((await send()).sent, true);
  assert.deepEqual(jar.asked, ['https://www.vinted.fr/']);
  const [put] = server.requests;
  assert.equal(put.headers.Authorization, `Bearer ${token}`);
  assert.deepEqual(put.body, {
    host: 'www.vinted.fr', cookies: { _vinted_fr_session: 'session-1', access_token_web: 'access-1', anon_id: 'anon-1' },
    csrfToken: 'csrf-1', anonId: 'anon-1', userId: 123456, username: 'marie.l',
  });
  assert.equal(storage.data.lastSentAt, '2026-12-06T18:45:00.000Z');
  assert.equal(storage.data.lastUsername, 'marie.l');
  assert.ok(!JSON.stringify(storage.data).includes('session-1'), 'the cookies are not kept by the extension');

  assert.equal((await send()).sent, false, 'same session: nothing sent');
  assert.equal(server.requests.length, 1);

  jar.cookies[1] = { ...jar.cookies[1], value: 'access-2' };
  assert.equal((await send()).sent, true, 'Vinted renewed the token: sent again');
  assert.equal(server.requests.at(-1).body.cookies.access_token_web, 'access-2');
});

test('"Actualiser" sends even an unchanged session', async () => {
  const storage = memoryStorage({ comptoirOrigin: origin, token });
  const server = comptoir();
  const jar = cookieJar(vintedCookies);
  await sendVintedSession({ storage, cookies: jar, fetch: server.fetch, subtle, now, host: 'www.vinted.fr', page });
  const forced = await sendVintedSession({ storage, cookies: jar, fetch: server.fetch, subtle, now, host: 'www.vinted.fr', page, force: true });
  assert.equal(forced.sent, true);
  assert.equal(server.requests.length, 2);
});

test('a revoked device forgets its token and says so; the address stays for pairing again', async () => {
  const storage = memoryStorage({ comptoirOrigin: origin, token, business: { name: 'Seconde Main' } });
  const server = comptoir(() => ({ status: 401, body: problem(401, 'Unauthorized') }));
  await assert.rejects(sendVintedSession({ storage, cookies: cookieJar(vintedCookies), fetch: server.fetch, subtle, now, host: 'www.vinted.fr', page }),
    { kind: 'unauthorized' });
  assert.equal(storage.data.token, undefined);
  assert.equal(storage.data.comptoirOrigin, origin);
  assert.deepEqual(storage.data.lastError, { kind: 'unauthorized', status: 401, during: null });
});

test('a failed send is kept for the popup and retried on the next page even if unchanged', async () => {
  const storage = memoryStorage({ comptoirOrigin: origin, token });
  let up = false;
  const server = comptoir(() => (up ? { body: { accountId: 'acc-1', username: 'marie.l', status: 'CONNECTED' } } : { status: 503, body: problem(503, 'Unavailable') }));
  const send = () => sendVintedSession({ storage, cookies: cookieJar(vintedCookies), fetch: server.fetch, subtle, now, host: 'www.vinted.fr', page });
  await assert.rejects(send(), { kind: 'server' });
  assert.equal(storage.data.lastError.kind, 'server');
  up = true;
  assert.equal((await send()).sent, true);
  assert.equal(storage.data.lastError, null);
});

test('signed out of Vinted: nothing is sent and the popup is told why', async () => {
  const storage = memoryStorage({ comptoirOrigin: origin, token });
  const server = comptoir();
  await assert.rejects(sendVintedSession({
    storage, cookies: cookieJar([{ name: 'anon_id', value: 'anon-1', domain: '.vinted.fr' }]), fetch: server.fetch, subtle, now,
    host: 'www.vinted.fr', page: { csrfToken: 'c', currentUser: null, userStatus: 401 },
  }), { kind: 'vinted-logged-out' });
  assert.equal(server.requests.length, 0);
  assert.equal(storage.data.lastError.kind, 'vinted-logged-out');
});

test('not paired: nothing is read or sent', async () => {
  const storage = memoryStorage();
  const jar = cookieJar(vintedCookies);
  const server = comptoir();
  await assert.rejects(sendVintedSession({ storage, cookies: jar, fetch: server.fetch, subtle, now, host: 'www.vinted.fr', page }), { kind: 'not-paired' });
  assert.deepEqual(jar.asked, []);
  assert.equal(server.requests.length, 0);
});

test('the popup shows the account last sent, else the first one', async () => {
  const storage = memoryStorage({ comptoirOrigin: origin, token });
  const status = await fetchStatus({ storage, fetch: comptoir().fetch });
  assert.equal(shownAccount(status, 'marie.l').username, 'marie.l');
  const two = { accounts: [{ username: 'a' }, { username: 'b' }] };
  assert.equal(shownAccount(two, 'b').username, 'b');
  assert.equal(shownAccount(two, 'gone').username, 'a');
  assert.equal(shownAccount({ accounts: [] }, 'x'), null);
});

test('the status with a revoked token forgets the token', async () => {
  const storage = memoryStorage({ comptoirOrigin: origin, token: 'revoked' });
  await assert.rejects(fetchStatus({ storage, fetch: comptoir().fetch }), { kind: 'unauthorized' });
  assert.equal(storage.data.token, undefined);
});

test('unpairing forgets the token and what was sent, and keeps the address', async () => {
  const storage = memoryStorage({ comptoirOrigin: origin, token, business: { name: 'x' }, lastSentAt: 'x', lastSentFingerprint: 'f', lastUsername: 'm', lastError: null });
  await unpair(storage);
  assert.deepEqual(storage.data, { comptoirOrigin: origin });
});
