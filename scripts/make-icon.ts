// Builds the app icon from resources/icons/icon.svg: icon.png (256 px) and icon.ico (PNG-compressed entries
// at 16–256 px, which Windows Vista and later read), rendered by the local Chromium. Run: npx tsx scripts/make-icon.ts
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const dir = path.resolve(import.meta.dirname, '../resources/icons');
const svg = fs.readFileSync(path.join(dir, 'icon.svg'), 'utf8');
const SIZES = [16, 24, 32, 48, 64, 128, 256];

/** ICONDIR + one ICONDIRENTRY per image + the PNG data. */
function ico(images: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0);
    e.writeUInt8(size >= 256 ? 0 : size, 1);
    e.writeUInt16LE(1, 4);
    e.writeUInt16LE(32, 6);
    e.writeUInt32LE(png.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += png.length;
    return e;
  });
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  const images: { size: number; png: Buffer }[] = [];
  for (const size of SIZES) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('width="256" height="256"', `width="${size}" height="${size}"`)}</body></html>`);
    images.push({ size, png: await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }) });
  }
  fs.writeFileSync(path.join(dir, 'icon.png'), images[images.length - 1]!.png);
  fs.writeFileSync(path.join(dir, 'icon.ico'), ico(images));
  console.log(`Đã ghi icon.png và icon.ico (${SIZES.join(', ')} px) vào ${dir}`);
} finally {
  await browser.close();
}
