import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkComptoirAddress, originPermissionPattern } from '../src/lib/address.js';

test('an https address is accepted and reduced to its origin', () => {
  assert.deepEqual(checkComptoirAddress(' https://comptoir.example.fr/app/channels?x=1 '),
    { ok: true, origin: 'https://comptoir.example.fr' });
  assert.deepEqual(checkComptoirAddress('https://Comptoir.Example.fr:8443/'), { ok: true, origin: 'https://comptoir.example.fr:8443' });
});

test('an address typed without a scheme is taken as https', () => {
  assert.deepEqual(checkComptoirAddress('comptoir.example.fr'), { ok: true, origin: 'https://comptoir.example.fr' });
});

test('plain http is accepted only for localhost and 127.0.0.1', () => {
  assert.deepEqual(checkComptoirAddress('http://localhost:8080'), { ok: true, origin: 'http://localhost:8080' });
  assert.deepEqual(checkComptoirAddress('http://127.0.0.1:41234/app'), { ok: true, origin: 'http://127.0.0.1:41234' });
  assert.deepEqual(checkComptoirAddress('http://comptoir.example.fr'), { ok: false, reason: 'insecure' });
  assert.deepEqual(checkComptoirAddress('http://localhost.evil.example'), { ok: false, reason: 'insecure' });
  assert.deepEqual(checkComptoirAddress('http://192.168.1.10:8080'), { ok: false, reason: 'insecure' });
});

test('empty, malformed and odd addresses are refused with a reason the popup can word', () => {
  assert.deepEqual(checkComptoirAddress(''), { ok: false, reason: 'empty' });
  assert.deepEqual(checkComptoirAddress('   '), { ok: false, reason: 'empty' });
  assert.deepEqual(checkComptoirAddress(undefined), { ok: false, reason: 'empty' });
  assert.deepEqual(checkComptoirAddress('https://'), { ok: false, reason: 'malformed' });
  assert.deepEqual(checkComptoirAddress('ftp://comptoir.example.fr'), { ok: false, reason: 'malformed' });
  assert.deepEqual(checkComptoirAddress('javascript://alert(1)'), { ok: false, reason: 'malformed' });
  assert.deepEqual(checkComptoirAddress('https://user:secret@comptoir.example.fr'), { ok: false, reason: 'credentials' });
});

test('the permission asked for Comptoir covers its host on every port, and nothing else', () => {
  assert.equal(originPermissionPattern('https://comptoir.example.fr:8443'), 'https://comptoir.example.fr/*');
  assert.equal(originPermissionPattern('http://localhost:8080'), 'http://localhost/*');
});
