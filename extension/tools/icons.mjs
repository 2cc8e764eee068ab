#!/usr/bin/env node
// Draws the extension's icons (src/icons/icon-<size>.png): a green rounded square with a white "C" ring.
// Run it again only to change the design: node extension/tools/icons.mjs

import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { crc32 } from './zip.mjs';

const GREEN = [0x0b, 0x6e, 0x4f];
const WHITE = [0xff, 0xff, 0xff];

/** Coverage-weighted colour of one pixel, sampled 4×4 times. */
function pixel(x, y, size) {
  const samples = 4;
  let green = 0;
  let white = 0;
  for (let i = 0; i < samples; i++) {
    for (let j = 0; j < samples; j++) {
      const u = (x + (i + 0.5) / samples) / size; // 0..1
      const v = (y + (j + 0.5) / samples) / size;
      if (!insideRoundedSquare(u, v, 0.2)) continue;
      if (insideC(u, v)) white++;
      else green++;
    }
  }
  const total = samples * samples;
  const alpha = (green + white) / total;
  if (alpha === 0) return [0, 0, 0, 0];
  const mix = (k) => Math.round((GREEN[k] * green + WHITE[k] * white) / (green + white));
  return [mix(0), mix(1), mix(2), Math.round(alpha * 255)];
}

function insideRoundedSquare(u, v, radius) {
  const dx = Math.max(radius - u, 0, u - (1 - radius));
  const dy = Math.max(radius - v, 0, v - (1 - radius));
  return dx * dx + dy * dy <= radius * radius;
}

function insideC(u, v) {
  const dx = u - 0.5;
  const dy = v - 0.5;
  const distance = Math.hypot(dx, dy);
  if (distance < 0.2 || distance > 0.34) return false;
  const angle = Math.atan2(dy, dx); // 0 = right
  return Math.abs(angle) > Math.PI / 4; // the opening on the right
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A square RGBA PNG of the icon. */
export function icon(size) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 4); // filter byte 0: none
    for (let x = 0; x < size; x++) Buffer.from(pixel(x, y, size)).copy(row, 1 + x * 4);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const folder = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'icons');
mkdirSync(folder, { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(join(folder, `icon-${size}.png`), icon(size));
