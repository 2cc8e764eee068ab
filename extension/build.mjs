#!/usr/bin/env node
// Builds the extension for Chrome and Firefox from extension/src:
//   node extension/build.mjs [--for-tests] [output directory, default target/extension]
// writes <out>/chrome/ and <out>/firefox/ (unpacked, loadable as they are) and
// <out>/comptoir-vinted-chrome.zip, <out>/comptoir-vinted-firefox.zip.
// The only difference is the manifest: Chrome runs the background as a service worker, Firefox as
// background scripts and wants an add-on id (browser_specific_settings.gecko).

import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { zip } from './tools/zip.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const SOURCE = join(here, 'src');

/** The add-on id Firefox knows the extension by (keep it: changing it makes a new add-on). */
export const GECKO_ID = 'comptoir-vinted@comptoir.app';

/** The Firefox manifest, derived from Chrome's (extension/src/manifest.json). */
export function firefoxManifest(chrome) {
  const manifest = structuredClone(chrome);
  manifest.background = { scripts: [chrome.background.service_worker], type: chrome.background.type };
  delete manifest.minimum_chrome_version;
  manifest.browser_specific_settings = {
    gecko: {
      id: GECKO_ID,
      // 140: the first Firefox (an ESR) that knows data_collection_permissions, which addons.mozilla.org asks for
      strict_min_version: '140.0',
      data_collection_permissions: { required: ['authenticationInfo'] },
    },
    gecko_android: { strict_min_version: '142.0' },
  };
  return manifest;
}

/** Where Comptoir runs in development and in the tests (plain http is allowed there only). */
export const LOCAL_COMPTOIR = Object.freeze(['http://localhost/*', 'http://127.0.0.1/*']);

/**
 * The manifest of the variant for automated browser tests: Chrome's, with the local Comptoir addresses granted
 * at install. Pairing asks the browser for the Comptoir address at run time, and a permission already granted
 * is not asked again; a headless browser driven by a test cannot answer that prompt. Never distribute it.
 */
export function browserTestManifest(chrome) {
  const manifest = structuredClone(chrome);
  manifest.host_permissions = [...chrome.host_permissions, ...LOCAL_COMPTOIR];
  manifest.name = `${chrome.name.startsWith('__MSG_') ? 'Comptoir pour Vinted' : chrome.name} (tests)`;
  return manifest;
}

/** Every file of the source folder, relative, with forward slashes, sorted. */
export function sourceFiles(dir = SOURCE) {
  const files = [];
  const walk = (current) => {
    for (const entry of readdirSync(current).sort()) {
      const path = join(current, entry);
      if (entry.startsWith('.')) continue;
      if (statSync(path).isDirectory()) walk(path);
      else files.push(relative(dir, path).split(sep).join('/'));
    }
  };
  walk(dir);
  return files;
}

/**
 * Builds both variants into `out`; returns the paths of the two zips. With `forTests`, also writes the unpacked
 * `chrome-test/` variant ({@link browserTestManifest}), without a zip.
 */
export function build(out = resolve(here, '..', 'target', 'extension'), { forTests = false } = {}) {
  const chrome = JSON.parse(readFileSync(join(SOURCE, 'manifest.json'), 'utf8'));
  const variants = { chrome, firefox: firefoxManifest(chrome) };
  if (forTests) variants['chrome-test'] = browserTestManifest(chrome);
  const zips = {};
  for (const [browser, manifest] of Object.entries(variants)) {
    const folder = join(out, browser);
    rmSync(folder, { recursive: true, force: true });
    const entries = [];
    for (const file of sourceFiles()) {
      const data = file === 'manifest.json'
        ? Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`)
        : readFileSync(join(SOURCE, file));
      entries.push({ name: file, data });
      mkdirSync(dirname(join(folder, file)), { recursive: true });
      writeFileSync(join(folder, file), data);
    }
    if (browser === 'chrome-test') continue;
    // manifest.json first: some stores look for it there
    entries.sort((a, b) => (a.name === 'manifest.json' ? -1 : b.name === 'manifest.json' ? 1 : 0));
    zips[browser] = join(out, `comptoir-vinted-${browser}.zip`);
    writeFileSync(zips[browser], zip(entries));
  }
  return zips;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const forTests = process.argv.includes('--for-tests');
  const folder = process.argv.slice(2).find((arg) => !arg.startsWith('--'));
  const zips = build(folder ? resolve(folder) : undefined, { forTests });
  for (const path of Object.values(zips)) console.log(path);
}
