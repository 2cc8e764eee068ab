import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  countryCodeOf, selectSessionCookies, sessionCookieName, vintedDomainOf, vintedHostOf, vintedMatchPatterns,
} from '../src/lib/vinted.js';

test('every Vinted country site is recognised, other sites are not', () => {
  assert.equal(vintedHostOf('https://www.vinted.fr/items/new'), 'www.vinted.fr');
  assert.equal(vintedHostOf('https://www.vinted.co.uk/'), 'www.vinted.co.uk');
  assert.equal(vintedHostOf('https://vinted.be/member/1'), 'vinted.be');
  assert.equal(vintedHostOf('http://www.vinted.fr/'), null);
  assert.equal(vintedHostOf('https://www.vinted.fr.evil.example/'), null);
  assert.equal(vintedHostOf('https://notvinted.fr/'), null);
  assert.equal(vintedHostOf('https://www.vinted.uk/'), null);
  assert.equal(vintedHostOf('chrome://extensions'), null);
  assert.equal(vintedHostOf(undefined), null);
  assert.equal(vintedDomainOf('WWW.VINTED.DE'), 'vinted.de');
});

test('the session cookie is named after the country', () => {
  assert.equal(sessionCookieName('www.vinted.fr'), '_vinted_fr_session');
  assert.equal(sessionCookieName('www.vinted.es'), '_vinted_es_session');
  assert.equal(sessionCookieName('www.vinted.co.uk'), '_vinted_uk_session');
  assert.equal(countryCodeOf('www.vinted.com'), 'us');
  assert.equal(sessionCookieName('www.example.fr'), null);
});

test('the permissions and content-script matches are https on every Vinted domain', () => {
  const patterns = vintedMatchPatterns();
  assert.ok(patterns.includes('https://*.vinted.fr/*'));
  assert.ok(patterns.includes('https://*.vinted.co.uk/*'));
  for (const pattern of patterns) assert.match(pattern, /^https:\/\/\*\.vinted\.[a-z.]+\/\*$/);
});

const cookie = (name, value, domain = '.vinted.fr') => ({ name, value, domain });

test('only the session cookies are picked, the tracking and preference cookies are left in the browser', () => {
  const selected = selectSessionCookies('www.vinted.fr', [
    cookie('_vinted_fr_session', 'S'), cookie('access_token_web', 'A'), cookie('refresh_token_web', 'R'),
    cookie('anon_id', 'N'), cookie('v_uid', '42'), cookie('_ga', 'tracking'), cookie('locale', 'fr'),
    cookie('OptanonConsent', 'consent'),
  ]);
  assert.deepEqual(selected, {
    _vinted_fr_session: 'S', access_token_web: 'A', refresh_token_web: 'R', anon_id: 'N', v_uid: '42',
  });
});

test("another country's session cookie is not taken when the site's own is there", () => {
  const selected = selectSessionCookies('www.vinted.fr', [
    cookie('_vinted_fr_session', 'FR'), cookie('_vinted_be_session', 'BE'),
  ]);
  assert.deepEqual(selected, { _vinted_fr_session: 'FR' });
});

test('a session cookie named otherwise by the site is taken when it is the only one', () => {
  assert.deepEqual(selectSessionCookies('www.vinted.co.uk', [cookie('_vinted_gb_session', 'GB', '.vinted.co.uk')]),
    { _vinted_gb_session: 'GB' });
});

test('empty cookies are left out and the most specific domain wins a duplicate name', () => {
  const selected = selectSessionCookies('www.vinted.fr', [
    cookie('access_token_web', 'domain-wide', '.vinted.fr'), cookie('access_token_web', 'host', 'www.vinted.fr'),
    cookie('refresh_token_web', ''),
  ]);
  assert.deepEqual(selected, { access_token_web: 'host' });
  assert.deepEqual(selectSessionCookies('www.example.fr', [cookie('access_token_web', 'A')]), {});
  assert.deepEqual(selectSessionCookies('www.vinted.fr', null), {});
});
