import assert from 'node:assert/strict';
import { webcrypto } from 'node:crypto';
import { test } from 'node:test';
import { buildSessionPayload, canonicalJson, sessionFingerprint, shouldSend } from '../src/lib/session.js';

const cookies = [
  { name: '_vinted_fr_session', value: 'session-value', domain: '.vinted.fr' },
  { name: 'access_token_web', value: 'access', domain: '.vinted.fr' },
  { name: 'refresh_token_web', value: 'refresh', domain: '.vinted.fr' },
  { name: 'anon_id', value: 'anon-123', domain: '.vinted.fr' },
  { name: 'v_uid', value: '123456', domain: '.vinted.fr' },
  { name: '_ga', value: 'tracking', domain: '.vinted.fr' },
];
const currentUser = { user: { id: 123456, login: 'marie.l', email: 'marie@example.fr', real_name: 'Marie L.' } };

test('the payload has the contract shape: host, session cookies, CSRF token, anon id, user id and login', () => {
  const payload = buildSessionPayload({ host: 'www.vinted.fr', cookies, csrfToken: 'csrf-1', currentUser, userStatus: 200 });
  assert.deepEqual(payload, {
    host: 'www.vinted.fr',
    cookies: {
      _vinted_fr_session: 'session-value', access_token_web: 'access', refresh_token_web: 'refresh',
      anon_id: 'anon-123', v_uid: '123456',
    },
    csrfToken: 'csrf-1',
    anonId: 'anon-123',
    userId: 123456,
    username: 'marie.l',
  });
});

test("nothing of the user's profile beyond the id and login is sent", () => {
  const payload = buildSessionPayload({ host: 'www.vinted.fr', cookies, csrfToken: null, currentUser, userStatus: 200 });
  assert.ok(!JSON.stringify(payload).includes('marie@example.fr'));
  assert.equal(payload.csrfToken, null);
});

test('signed out of Vinted (401, or no session cookie, or no user) means nothing to send', () => {
  const attempt = (input) => assert.throws(() => buildSessionPayload(input), { name: 'SessionProblem', kind: 'vinted-logged-out' });
  attempt({ host: 'www.vinted.fr', cookies, csrfToken: 'c', currentUser: null, userStatus: 401 });
  attempt({ host: 'www.vinted.fr', cookies: cookies.filter((c) => c.name === 'anon_id' || c.name === 'v_uid'), csrfToken: 'c', currentUser, userStatus: 200 });
  attempt({ host: 'www.vinted.fr', cookies, csrfToken: 'c', currentUser: { user: { id: 0, login: '' } }, userStatus: 200 });
});

test('Vinted not answering is told apart from being signed out', () => {
  for (const userStatus of [0, 403, 500, 503]) {
    assert.throws(() => buildSessionPayload({ host: 'www.vinted.fr', cookies, csrfToken: 'c', currentUser: null, userStatus }),
      { kind: 'vinted-unreachable' }, String(userStatus));
  }
});

test('a page that is not Vinted has no session to send', () => {
  assert.throws(() => buildSessionPayload({ host: 'www.example.fr', cookies, csrfToken: 'c', currentUser, userStatus: 200 }),
    { kind: 'not-vinted' });
});

test('the fingerprint is the same for the same material in any key order, and changes with it', async () => {
  const subtle = webcrypto.subtle;
  const payload = buildSessionPayload({ host: 'www.vinted.fr', cookies, csrfToken: 'csrf-1', currentUser, userStatus: 200 });
  const reordered = buildSessionPayload({ host: 'www.vinted.fr', cookies: [...cookies].reverse(), csrfToken: 'csrf-1', currentUser, userStatus: 200 });
  const one = await sessionFingerprint(payload, 'https://comptoir.example.fr', subtle);
  assert.match(one, /^[0-9a-f]{64}$/);
  assert.equal(await sessionFingerprint(reordered, 'https://comptoir.example.fr', subtle), one);
  const renewed = { ...payload, cookies: { ...payload.cookies, access_token_web: 'access-2' } };
  assert.notEqual(await sessionFingerprint(renewed, 'https://comptoir.example.fr', subtle), one);
  assert.notEqual(await sessionFingerprint({ ...payload, csrfToken: 'csrf-2' }, 'https://comptoir.example.fr', subtle), one);
  assert.notEqual(await sessionFingerprint(payload, 'https://other.example.fr', subtle), one, 'another Comptoir gets it too');
  assert.equal(canonicalJson({ b: 1, a: [2, { d: null, c: 'x' }] }), '{"a":[2,{"c":"x","d":null}],"b":1}');
});

test('the session is sent when it changed, when it was never sent, and always on "Actualiser"', () => {
  assert.equal(shouldSend({ fingerprint: 'a', lastSentFingerprint: 'a' }), false);
  assert.equal(shouldSend({ fingerprint: 'b', lastSentFingerprint: 'a' }), true);
  assert.equal(shouldSend({ fingerprint: 'a', lastSentFingerprint: undefined }), true);
  assert.equal(shouldSend({ fingerprint: 'a', lastSentFingerprint: 'a', force: true }), true);
});
