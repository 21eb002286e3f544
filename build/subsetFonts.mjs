// Makes fonts/TilbagoSans-{Regular,Bold}.ttf, the letter's embedded font: Liberation Sans 2 (SIL OFL 1.1, from
// Debian's fonts-liberation2) cut down to the characters the letter prints (src/reminders/qrText.ts), without
// hinting (a PDF is printed, not shown on a pixel grid), kerning its only layout feature (no ligature changes
// what a reader copies out of the PDF). OFL 1.1 reserves the names "Liberation" and "Arimo" to the original, so
// the subset is renamed; its copyright and licence stay in its name table, and fonts/OFL.txt is beside it.
//   apt-get install -y fonts-liberation2 && node build/subsetFonts.mjs [folder of LiberationSans-*.ttf]
// Node 24 runs qrText.ts itself (type stripping); the files are committed, so a build needs neither.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as fontkit from 'fontkit';
import subsetFont from 'subset-font';
import { printableCharacters } from '../src/reminders/qrText.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SOURCE = process.argv[2] ?? '/usr/share/fonts/truetype/liberation2';
const FAMILY = 'Tilbago Sans';

for (const style of ['Regular', 'Bold']) {
  const original = fs.readFileSync(path.join(SOURCE, `LiberationSans-${style}.ttf`));
  const font = fontkit.create(original);
  const missing = [...printableCharacters()].filter((c) => !font.hasGlyphForCodePoint(c.codePointAt(0)));
  if (missing.length > 0) throw new Error(`LiberationSans-${style}.ttf has no glyph for ${missing.join(' ')}`);
  const subset = await subsetFont(original, printableCharacters(), { targetFormat: 'truetype', noHinting: true, keepFeatures: ['kern'] });
  const names = {
    0: font.copyright,
    1: FAMILY,
    2: style,
    3: `${FAMILY} ${style} ${font.version}`,
    4: `${FAMILY} ${style}`,
    5: font.version,
    6: `${FAMILY.replace(/ /g, '')}-${style}`,
    10: `${font.fullName} ${font.version}, subset to the Swiss QR-bill's characters and renamed`,
    13: font.getName('license'),
    14: font.getName('licenseURL'),
  };
  const out = path.join(ROOT, 'fonts', `TilbagoSans-${style}.ttf`);
  fs.writeFileSync(out, withNames(subset, names));
  console.log(`${path.relative(ROOT, out)}: ${fs.statSync(out).size} bytes, ${printableCharacters().length} characters`);
}

/** `ttf` with its `name` table replaced by `names` (name id → text), as Windows Unicode English records. */
function withNames(ttf, names) {
  const records = Object.entries(names).filter(([, text]) => text);
  const strings = records.map(([, text]) => Buffer.from(text, 'utf16le').swap16());
  const name = Buffer.alloc(6 + 12 * records.length + strings.reduce((sum, s) => sum + s.length, 0));
  name.writeUInt16BE(0, 0);
  name.writeUInt16BE(records.length, 2);
  name.writeUInt16BE(6 + 12 * records.length, 4);
  let offset = 0;
  records.forEach(([id], i) => {
    const at = 6 + 12 * i;
    for (const [j, value] of [3, 1, 0x409, Number(id), strings[i].length, offset].entries()) name.writeUInt16BE(value, at + 2 * j);
    strings[i].copy(name, 6 + 12 * records.length + offset);
    offset += strings[i].length;
  });

  const count = ttf.readUInt16BE(4);
  const tables = Array.from({ length: count }, (_, i) => {
    const at = 12 + 16 * i;
    const tag = ttf.toString('latin1', at, at + 4);
    const data =
      tag === 'name' ? name : Buffer.from(ttf.subarray(ttf.readUInt32BE(at + 8), ttf.readUInt32BE(at + 8) + ttf.readUInt32BE(at + 12)));
    if (tag === 'head') data.writeUInt32BE(0, 8); // checkSumAdjustment, set once the whole file is known
    return { tag, data };
  });
  const padded = (length) => (length + 3) & ~3;
  const file = Buffer.alloc(12 + 16 * count + tables.reduce((sum, t) => sum + padded(t.data.length), 0));
  ttf.copy(file, 0, 0, 12);
  let at = 12 + 16 * count;
  tables.forEach(({ tag, data }, i) => {
    file.write(tag, 12 + 16 * i, 'latin1');
    file.writeUInt32BE(checksum(data), 12 + 16 * i + 4);
    file.writeUInt32BE(at, 12 + 16 * i + 8);
    file.writeUInt32BE(data.length, 12 + 16 * i + 12);
    data.copy(file, at);
    at += padded(data.length);
  });
  const head = tables.findIndex((t) => t.tag === 'head');
  file.writeUInt32BE((0xb1b0afba - checksum(file)) >>> 0, file.readUInt32BE(12 + 16 * head + 8) + 8);
  return file;
}

/** The OpenType table checksum: the sum of its big-endian 32-bit words, zero-padded. */
function checksum(data) {
  const words = Buffer.alloc((data.length + 3) & ~3);
  data.copy(words);
  let sum = 0;
  for (let i = 0; i < words.length; i += 4) sum = (sum + words.readUInt32BE(i)) >>> 0;
  return sum;
}
