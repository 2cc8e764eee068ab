import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import { ERROR_KEYS, describeFailure, messageFor } from '../src/lib/messages.js';

const src = new URL('../src/', import.meta.url);
const read = (path) => readFileSync(new URL(path, src), 'utf8');
const fr = JSON.parse(read('_locales/fr/messages.json'));
const en = JSON.parse(read('_locales/en/messages.json'));

test('each failure is worded in plain language, with what to do', () => {
  assert.equal(messageFor({ kind: 'network' }).key, 'errorNetwork');
  assert.equal(messageFor({ kind: 'unauthorized', status: 401 }).key, 'errorRevoked');
  assert.equal(messageFor({ kind: 'rejected', status: 400, during: 'claim' }).key, 'errorCodeRefused');
  assert.equal(messageFor({ kind: 'rejected', status: 429 }).key, 'errorTooManyAttempts');
  assert.deepEqual(messageFor({ kind: 'rejected', status: 422 }), { key: 'errorRejected', substitutions: ['422'] });
  assert.equal(messageFor({ kind: 'server', status: 500 }).key, 'errorServer');
  assert.equal(messageFor({ kind: 'not-vinted' }).key, 'errorNotVinted');
  assert.equal(messageFor({ kind: 'vinted-logged-out' }).key, 'errorVintedLoggedOut');
  assert.equal(messageFor({ kind: 'insecure' }).key, 'errorAddressInsecure');
  assert.equal(messageFor(new Error('boom')).key, 'errorUnexpected');
  assert.equal(messageFor(undefined).key, 'errorUnexpected');
  assert.deepEqual(describeFailure(Object.assign(new Error('x'), { kind: 'rejected', status: 400, during: 'claim' })),
    { kind: 'rejected', status: 400, during: 'claim' });
});

test('the revoked device and the missing Vinted session say so in French', () => {
  assert.match(fr.errorRevoked.message, /révoqué.*associez-le à nouveau/);
  assert.match(fr.errorVintedLoggedOut.message, /pas connecté à Vinted/);
  assert.match(fr.errorNotVinted.message, /pas une page Vinted/);
  assert.equal(fr.connectedAs.message, 'Connecté en tant que @$1');
});

test('French and English have the same keys, none empty', () => {
  assert.deepEqual(Object.keys(en).sort(), Object.keys(fr).sort());
  for (const [key, value] of [...Object.entries(fr), ...Object.entries(en)]) {
    assert.ok(typeof value.message === 'string' && value.message.trim() !== '', key);
  }
  assert.deepEqual(readdirSync(new URL('_locales/', src)).sort(), ['en', 'fr']);
});

test('every text the extension uses exists in both languages', () => {
  const used = new Set(ERROR_KEYS);
  for (const match of read('popup.html').matchAll(/data-i18n="([^"]+)"/g)) used.add(match[1]);
  for (const match of read('popup.js').matchAll(/\bt\('([A-Za-z]+)'/g)) used.add(match[1]);
  for (const match of read('popup.js').matchAll(/showNotice\('([A-Za-z]+)'/g)) used.add(match[1]);
  for (const match of read('manifest.json').matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) used.add(match[1]);
  assert.ok(used.size > 30);
  for (const key of used) {
    assert.ok(fr[key], `fr lacks ${key}`);
    assert.ok(en[key], `en lacks ${key}`);
  }
  for (const failure of ['network', 'unauthorized', 'rejected', 'server', 'not-vinted', 'vinted-logged-out',
    'vinted-unreachable', 'permission-denied', 'empty', 'malformed', 'credentials', 'insecure', 'code-malformed',
    'not-paired', 'other']) {
    assert.ok(ERROR_KEYS.includes(messageFor({ kind: failure, status: 400 }).key), failure);
  }
});
