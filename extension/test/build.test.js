import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { inflateRawSync } from 'node:zlib';
import { build, sourceFiles } from '../build.mjs';
import { crc32, unzip, zip } from '../tools/zip.mjs';

const out = mkdtempSync(join(tmpdir(), 'comptoir-extension-'));
after(() => rmSync(out, { recursive: true, force: true }));

function contents(entry) {
  return entry.method === 8 ? inflateRawSync(entry.body) : entry.body;
}

test('the build writes a Chrome and a Firefox zip, each with its manifest and every file of the extension', () => {
  const zips = build(out);
  assert.deepEqual(Object.keys(zips).sort(), ['chrome', 'firefox']);
  assert.match(zips.chrome, /comptoir-vinted-chrome\.zip$/);
  assert.match(zips.firefox, /comptoir-vinted-firefox\.zip$/);
  const expected = sourceFiles();
  for (const expectedFile of ['manifest.json', 'background.js', 'content.js', 'popup.html', 'popup.js', '_locales/fr/messages.json', '_locales/en/messages.json', 'lib/sync.js']) {
    assert.ok(expected.includes(expectedFile), expectedFile);
  }
  for (const [browser, path] of Object.entries(zips)) {
    const entries = unzip(readFileSync(path));
    assert.equal(entries[0].name, 'manifest.json');
    assert.deepEqual(entries.map((entry) => entry.name).sort(), [...expected].sort());
    for (const entry of entries) assert.equal(crc32(contents(entry)), entry.crc, `${browser} ${entry.name}`);
    const manifest = JSON.parse(contents(entries[0]).toString('utf8'));
    if (browser === 'chrome') assert.equal(manifest.background.service_worker, 'background.js');
    else assert.deepEqual(manifest.background.scripts, ['background.js']);
    const popup = entries.find((entry) => entry.name === 'popup.js');
    assert.equal(contents(popup).toString('utf8'), readFileSync(new URL('../src/popup.js', import.meta.url), 'utf8'));
    const unpacked = JSON.parse(readFileSync(join(out, browser, 'manifest.json'), 'utf8'));
    assert.deepEqual(unpacked, manifest, 'the unpacked folder has the same manifest');
  }
});

test('the variant for browser tests is written unpacked only, never zipped', () => {
  const zips = build(out, { forTests: true });
  assert.deepEqual(Object.keys(zips).sort(), ['chrome', 'firefox']);
  const manifest = JSON.parse(readFileSync(join(out, 'chrome-test', 'manifest.json'), 'utf8'));
  assert.ok(manifest.host_permissions.includes('http://127.0.0.1/*'));
  assert.ok(existsSync(join(out, 'chrome-test', 'background.js')));
  assert.ok(!existsSync(join(out, 'comptoir-vinted-chrome-test.zip')));
});

test('the zip writer stores what does not compress and deflates the rest, with correct checksums', () => {
  const text = Buffer.from('a'.repeat(1000));
  const tiny = Buffer.from('x');
  const entries = unzip(zip([{ name: 'text.txt', data: text }, { name: 'dir/tiny.bin', data: tiny }]));
  assert.deepEqual(entries.map((entry) => [entry.name, entry.method]), [['text.txt', 8], ['dir/tiny.bin', 0]]);
  assert.deepEqual(contents(entries[0]), text);
  assert.deepEqual(contents(entries[1]), tiny);
  assert.equal(crc32(Buffer.from('123456789')), 0xcbf43926);
});
