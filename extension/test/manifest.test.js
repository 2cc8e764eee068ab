import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { firefoxManifest, GECKO_ID, sourceFiles } from '../build.mjs';
import { vintedMatchPatterns } from '../src/lib/vinted.js';

const src = new URL('../src/', import.meta.url);
const chrome = JSON.parse(readFileSync(new URL('manifest.json', src), 'utf8'));

test('Chrome manifest: Manifest V3, French by default, a module service worker, the popup, icons', () => {
  assert.deepEqual(Object.keys(chrome.icons), ['16', '32', '48', '128']);
  for (const [size, file] of Object.entries(chrome.icons)) {
    const png = readFileSync(new URL(file, src));
    assert.equal(png.toString('latin1', 1, 4), 'PNG', file);
    assert.equal(png.readUInt32BE(16), Number(size), `${file} width`);
  }
  assert.equal(chrome.manifest_version, 3);
  assert.equal(chrome.default_locale, 'fr');
  assert.deepEqual(chrome.background, { service_worker: 'background.js', type: 'module' });
  assert.equal(chrome.action.default_popup, 'popup.html');
});

test('the extension reaches only Vinted by default; Comptoir is asked for at pairing time', () => {
  assert.deepEqual(chrome.host_permissions, vintedMatchPatterns());
  assert.deepEqual(chrome.content_scripts, [{ matches: vintedMatchPatterns(), js: ['content.js'], run_at: 'document_idle' }]);
  assert.deepEqual(chrome.optional_host_permissions, ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*']);
  assert.deepEqual(chrome.permissions.sort(), ['cookies', 'scripting', 'storage']);
});

test('Firefox manifest: background scripts and an add-on id, the rest as for Chrome', () => {
  const firefox = firefoxManifest(chrome);
  assert.deepEqual(firefox.background, { scripts: ['background.js'], type: 'module' });
  assert.equal(firefox.browser_specific_settings.gecko.id, GECKO_ID);
  assert.equal(firefox.minimum_chrome_version, undefined);
  assert.deepEqual(firefox.host_permissions, chrome.host_permissions);
  assert.deepEqual(firefox.content_scripts, chrome.content_scripts);
  assert.equal(chrome.browser_specific_settings, undefined, "Chrome's manifest is left unchanged");
});

test('no remote code: every script is a file of the extension, nothing is loaded from the network', () => {
  assert.equal(chrome.content_security_policy.extension_pages, "script-src 'self'; object-src 'self'");
  const files = sourceFiles();
  for (const file of files.filter((name) => name.endsWith('.js') || name.endsWith('.html'))) {
    const text = readFileSync(new URL(file, src), 'utf8');
    assert.doesNotMatch(text, /<script(?![^>]*\bsrc="[a-z]+\.js")/, `${file}: inline or remote script`);
    assert.doesNotMatch(text, /\b(eval|new Function)\s*\(/, `${file}: eval`);
    assert.doesNotMatch(text, /import\s*\(?\s*['"]https?:/, `${file}: remote import`);
    assert.doesNotMatch(text, /src="https?:/, `${file}: remote source`);
  }
  for (const file of [...chrome.content_scripts[0].js, chrome.background.service_worker, chrome.action.default_popup,
    ...Object.values(chrome.icons), ...Object.values(chrome.action.default_icon)]) {
    assert.ok(files.includes(file), file);
  }
});

test('the background and the popup import only files that exist', () => {
  const files = new Set(sourceFiles());
  for (const file of [...files].filter((name) => name.endsWith('.js'))) {
    const text = readFileSync(new URL(file, src), 'utf8');
    for (const [, target] of text.matchAll(/from '(\.[^']+)'/g)) {
      const resolved = new URL(target, new URL(file, src)).href.slice(src.href.length);
      assert.ok(files.has(resolved), `${file} imports ${target}`);
    }
  }
});

test('the variant for browser tests differs only by the local Comptoir addresses granted at install', async () => {
  const { browserTestManifest, LOCAL_COMPTOIR } = await import('../build.mjs');
  const forTests = browserTestManifest(chrome);
  assert.deepEqual(forTests.host_permissions, [...chrome.host_permissions, ...LOCAL_COMPTOIR]);
  assert.match(forTests.name, /\(tests\)$/);
  assert.deepEqual({ ...forTests, host_permissions: null, name: null }, { ...chrome, host_permissions: null, name: null });
  assert.ok(!chrome.host_permissions.some((pattern) => pattern.startsWith('http:')), 'the distributed manifest has no plain http host');
});
