// Renders the PNG app icons (the same drawing as public/icons/icon.svg) with Node built-ins only.
// Run: node web/scripts/make-icons.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const out = new URL('../public/icons/', import.meta.url);
const blue = [0x0b, 0x3d, 0x91];
const white = [0xff, 0xff, 0xff];

// The box outline from icon.svg, in its 512-unit coordinates.
const segments = [
  [128, 196, 256, 132],
  [256, 132, 384, 196],
  [384, 196, 384, 332],
  [384, 332, 256, 396],
  [256, 396, 128, 332],
  [128, 332, 128, 196],
  [128, 196, 256, 260],
  [256, 260, 384, 196],
  [256, 260, 256, 396],
];

function distanceToSegment(px, py, [x1, y1, x2, y2]) {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const t = Math.max(0, Math.min(1, ((px - x1) * dx + (py - y1) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (x1 + t * dx), py - (y1 + t * dy));
}

function insideRoundedSquare(x, y, radius) {
  const cx = Math.min(Math.max(x, radius), 512 - radius);
  const cy = Math.min(Math.max(y, radius), 512 - radius);
  return Math.hypot(x - cx, y - cy) <= radius;
}

/** RGBA pixels; `maskable` fills the whole square and shrinks the drawing into the 80 % safe zone. */
function render(size, maskable) {
  const pixels = Buffer.alloc(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = ((px + (sx + 0.5) / samples) / size) * 512;
          const y = ((py + (sy + 0.5) / samples) / size) * 512;
          if (!maskable && !insideRoundedSquare(x, y, 96)) continue;
          bg++;
          const scale = maskable ? 0.8 : 1;
          const ux = (x - 256) / scale + 256;
          const uy = (y - 256) / scale + 256;
          if (segments.some((s) => distanceToSegment(ux, uy, s) <= 14)) fg++;
        }
      }
      const total = samples * samples;
      const i = (py * size + px) * 4;
      for (let c = 0; c < 3; c++)
        pixels[i + c] = bg ? Math.round((blue[c] * (bg - fg) + white[c] * fg) / bg) : 0;
      pixels[i + 3] = Math.round((bg / total) * 255);
    }
  }
  return pixels;
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const b of bytes) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

for (const [name, size, maskable] of [
  ['icon-192.png', 192, false],
  ['icon-512.png', 512, false],
  ['icon-maskable-512.png', 512, true],
]) {
  writeFileSync(new URL(name, out), png(size, render(size, maskable)));
  console.log(`wrote ${name}`);
}
