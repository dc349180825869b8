/**
 * Generates the add-in icons (assets/icon-{16,32,64,80,128}.png) without any image library:
 * a dark-blue tile with three white bars (a workload chart). Run once; the PNGs are committed.
 */
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

function crc32(buf) {
  let c;
  const table = [];
  for (let n = 0; n < 256; n++) {
    c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  let crc = 0xffffffff;
  for (const b of buf) crc = table[(crc ^ b) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function icon(size) {
  const bg = [0x15, 0x42, 0x73];
  const fg = [0xff, 0xff, 0xff];
  const rows = [];
  const bars = [
    { x0: 0.18, x1: 0.34, top: 0.55 },
    { x0: 0.42, x1: 0.58, top: 0.3 },
    { x0: 0.66, x1: 0.82, top: 0.42 },
  ];
  for (let y = 0; y < size; y++) {
    const row = [0];
    for (let x = 0; x < size; x++) {
      const fx = (x + 0.5) / size;
      const fy = (y + 0.5) / size;
      const inBar = bars.some((b) => fx >= b.x0 && fx <= b.x1 && fy >= b.top && fy <= 0.82);
      row.push(...(inBar ? fg : bg));
    }
    rows.push(Buffer.from(row));
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type RGB
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  fs.writeFileSync(path.join(__dirname, '..', 'assets', `icon-${size}.png`), png);
}

for (const s of [16, 32, 64, 80, 128]) icon(s);
