import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalisePairingCode } from '../src/lib/pairing.js';

test('a code is sent in capitals with its dash, however it was typed', () => {
  assert.equal(normalisePairingCode('K7QF-92XM'), 'K7QF-92XM');
  assert.equal(normalisePairingCode('k7qf92xm'), 'K7QF-92XM');
  assert.equal(normalisePairingCode(' k7qf 92xm '), 'K7QF-92XM');
  assert.equal(normalisePairingCode('K7QF–92XM'), 'K7QF-92XM');
});

test('what cannot be a code is refused before asking Comptoir', () => {
  for (const typed of ['', 'K7QF-92X', 'K7QF-92XMA', 'K7QF-92X!', null, 12345678]) {
    assert.equal(normalisePairingCode(typed), null, String(typed));
  }
});
