import assert from 'node:assert/strict';
import { test } from 'node:test';
import { comptoirClient, ComptoirError } from '../src/lib/api.js';
import { fakeComptoir, problem } from './fakes.js';

const origin = 'https://comptoir.example.fr';

test('claiming a code posts it with the device name, without a token, and returns the token and business', async () => {
  const comptoir = fakeComptoir({
    'POST /api/v1/channels/pairings/claim': () => ({
      body: { token: 't'.repeat(43), business: { slug: 'seconde-main', name: 'Seconde Main' } },
    }),
  });
  const answer = await comptoirClient({ origin, fetch: comptoir.fetch }).claim('K7QF-92XM', 'Chrome 131 on Linux');
  assert.equal(answer.business.name, 'Seconde Main');
  const [request] = comptoir.requests;
  assert.equal(request.url, 'https://comptoir.example.fr/api/v1/channels/pairings/claim');
  assert.deepEqual(request.body, { code: 'K7QF-92XM', device: 'Chrome 131 on Linux' });
  assert.equal(request.headers.Authorization, undefined);
  assert.equal(request.headers['Content-Type'], 'application/json');
});

test('a refused code is a rejection carrying the problem details', async () => {
  const comptoir = fakeComptoir({
    'POST /api/v1/channels/pairings/claim': () => ({ status: 400, body: problem(400, 'Invalid pairing code') }),
  });
  await assert.rejects(comptoirClient({ origin, fetch: comptoir.fetch }).claim('AAAA-BBBB', 'x'), (error) => {
    assert.ok(error instanceof ComptoirError);
    assert.equal(error.kind, 'rejected');
    assert.equal(error.status, 400);
    assert.equal(error.problem.title, 'Invalid pairing code');
    return true;
  });
});

test('the session goes with the bearer token, as JSON, by PUT', async () => {
  const comptoir = fakeComptoir({
    'PUT /api/v1/channels/vinted/session': () => ({ body: { accountId: 'a1', username: 'marie.l', status: 'CONNECTED' } }),
  });
  const answer = await comptoirClient({ origin, token: 'device-token', fetch: comptoir.fetch })
    .sendVintedSession({ host: 'www.vinted.fr', userId: 1 });
  assert.equal(answer.status, 'CONNECTED');
  assert.equal(comptoir.requests[0].method, 'PUT');
  assert.equal(comptoir.requests[0].headers.Authorization, 'Bearer device-token');
  assert.deepEqual(comptoir.requests[0].body, { host: 'www.vinted.fr', userId: 1 });
});

test('a 401 is told apart: the device was revoked', async () => {
  const comptoir = fakeComptoir({ 'GET /api/v1/channels/extension/me': () => ({ status: 401, body: problem(401, 'Unauthorized') }) });
  await assert.rejects(comptoirClient({ origin, token: 'old', fetch: comptoir.fetch }).me(), { kind: 'unauthorized', status: 401 });
});

test('no answer at all is a network failure', async () => {
  const fetch = async () => { throw new TypeError('Failed to fetch'); };
  await assert.rejects(comptoirClient({ origin, token: 't', fetch }).me(), { kind: 'network' });
});

test('a 5xx, or a 200 that is not JSON (a proxy page, a wrong address), is a server failure', async () => {
  const failing = fakeComptoir({ 'GET /api/v1/channels/extension/me': () => ({ status: 502, raw: '<html>Bad gateway</html>' }) });
  await assert.rejects(comptoirClient({ origin, token: 't', fetch: failing.fetch }).me(), { kind: 'server', status: 502 });
  const html = fakeComptoir({ 'GET /api/v1/channels/extension/me': () => ({ status: 200, raw: '<html>login</html>' }) });
  await assert.rejects(comptoirClient({ origin, token: 't', fetch: html.fetch }).me(), { kind: 'server' });
  const noToken = fakeComptoir({ 'POST /api/v1/channels/pairings/claim': () => ({ body: { business: {} } }) });
  await assert.rejects(comptoirClient({ origin, fetch: noToken.fetch }).claim('AAAA-BBBB', 'x'), { kind: 'server' });
});

test('another 4xx is a rejection with its status (429 when throttled)', async () => {
  const comptoir = fakeComptoir({ 'POST /api/v1/channels/pairings/claim': () => ({ status: 429, body: problem(429, 'Too Many Requests') }) });
  await assert.rejects(comptoirClient({ origin, fetch: comptoir.fetch }).claim('AAAA-BBBB', 'x'), { kind: 'rejected', status: 429 });
});
