import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { letterText, printableCharacters, qrBillText, refusedCharacters } from '../../src/reminders/qrText';

// PDFKit's font library, which has no type declarations: only what the test asks of it.
const fontkit: { openSync(file: string): { hasGlyphForCodePoint(codePoint: number): boolean } } = require('fontkit');

describe('the QR-bill’s characters', () => {
  it('takes the v2.3 set: Latin-1, Latin Extended-A, Ș ș Ț ț and €', () => {
    assert.deepEqual(refusedCharacters('Zürich Genève Đorđe Łódź Şükrü Yılmaz Kovačević Œuvre Ștefan Țurcanu ţ € «oui» ¿ ß ÿ ſ'), []);
  });

  it('takes the typographic marks a word processor writes, and writes them plainly in the QR code', () => {
    const typed = 'L’Atelier ‘a’ „b“ “c” 1–2 — x… Brand™\u00a0CHF\u202f5\tend';
    assert.deepEqual(refusedCharacters(typed), []);
    assert.equal(qrBillText(typed), `L'Atelier 'a' "b" "c" 1-2 - x... BrandTM CHF 5 end`);
  });

  it('refuses anything else, each character once, as the user sees it (a flag, an emoji with its skin tone, an accent without a composed form)', () => {
    assert.deepEqual(refusedCharacters('✓ Иван 李 ✓ 🇨🇭 👍🏽 q\u0308 \u0007 ‹x›'), [
      '✓',
      'И',
      'в',
      'а',
      'н',
      '李',
      '🇨🇭',
      '👍🏽',
      'q\u0308',
      '\u0007',
      '‹',
      '›',
    ]);
  });

  it('composes accents typed apart (NFD, as macOS writes file names) before anything else', () => {
    assert.deepEqual(refusedCharacters('Mu\u0308ller'), []);
    assert.equal(qrBillText('Mu\u0308ller'), 'Müller');
    assert.equal(letterText('Mu\u0308ller'), 'Müller');
  });

  it('keeps line breaks in the letter’s text only; the QR code’s fields are one line each', () => {
    assert.deepEqual(refusedCharacters('a\nb'), ['\n']);
    assert.deepEqual(refusedCharacters('a\r\nb', { lines: true }), []);
    assert.equal(qrBillText('Rue du Lac\r\n3'), 'Rue du Lac 3');
    assert.equal(letterText('L’Atelier\r\nMadame,\tMonsieur'), 'L’Atelier\nMadame, Monsieur');
  });

  for (const style of ['Regular', 'Bold']) {
    it(`the letter's font (${style}) has a glyph for every character the letter prints`, () => {
      const font = fontkit.openSync(path.resolve(__dirname, `../../../fonts/TilbagoSans-${style}.ttf`));
      const missing = [...printableCharacters()].filter((c) => !font.hasGlyphForCodePoint(c.codePointAt(0)!));
      assert.deepEqual(missing, []);
      assert.ok(printableCharacters().length >= 330, `${printableCharacters().length} characters`);
    });
  }
});
