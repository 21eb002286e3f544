// The QR-bill's characters (Swiss Implementation Guidelines v2.3): which a text may hold, and the form it takes in
// the QR code and on the printed letter. Pure, for the PDF letter, the preview and the Problems panel alike; the
// letter's embedded font is subset to what `printableCharacters()` lists (build/subsetFonts.mjs).

/** The v2.3 character set: Basic Latin, Latin-1 Supplement, Latin Extended-A, Ș ș Ț ț and €, as code point ranges. */
const QR_BILL_RANGES: readonly (readonly [number, number])[] = [
  [0x20, 0x7e],
  [0xa0, 0xff],
  [0x100, 0x17f],
  [0x218, 0x21b],
  [0x20ac, 0x20ac],
];

/**
 * Characters outside the set that a word processor or a keyboard puts in ordinary text, and their plain form in
 * the QR code. The letter prints them as written (the font has them). « » and the no-break space are in the set,
 * but a no-break space is written as a space: it is invisible, and a bank comparing names would not match it.
 */
const PLAIN_FORMS: Readonly<Record<string, string>> = {
  '‘': "'",
  '’': "'",
  '‚': "'",
  '“': '"',
  '”': '"',
  '„': '"',
  '‐': '-',
  '–': '-',
  '—': '-',
  '…': '...',
  '™': 'TM',
  '\u00a0': ' ',
  '\u202f': ' ',
  '\t': ' ',
};

function inQrBillSet(c: string): boolean {
  const code = c.codePointAt(0)!;
  return QR_BILL_RANGES.some(([first, last]) => code >= first && code <= last);
}

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

/**
 * The characters of `text` that neither the QR code nor the letter can carry, each once, as the user sees them (a
 * letter with an accent that has no composed form, an emoji with its modifiers): empty when all can. Line breaks
 * are allowed where `lines` is set (the letter's text), and a carriage return always (it is dropped).
 */
export function refusedCharacters(text: string, options: { readonly lines?: boolean } = {}): string[] {
  const refused = new Set<string>();
  for (const { segment } of graphemes.segment(text.normalize('NFC'))) {
    const allowed = [...segment].every((c) => inQrBillSet(c) || c in PLAIN_FORMS || c === '\r' || (c === '\n' && options.lines === true));
    if (!allowed) refused.add(segment);
  }
  return [...refused];
}

/** `text` as the QR code carries it, on one line: composed (NFC, so "Müller" typed as u + ¨ stays "Müller"), in plain forms. */
export function qrBillText(text: string): string {
  return [...text.normalize('NFC').replace(/\r?\n|\r/g, ' ')].map((c) => PLAIN_FORMS[c] ?? c).join('');
}

/** `text` as the letter prints it: composed, as written otherwise; lines kept, tabs as spaces. */
export function letterText(text: string): string {
  return text.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, ' ');
}

/** Every character the letter prints: the v2.3 set and the typographic characters it prints as written. */
export function printableCharacters(): string {
  const set = QR_BILL_RANGES.flatMap(([first, last]) =>
    Array.from({ length: last - first + 1 }, (_, i) => String.fromCodePoint(first + i)),
  );
  return [...set, ...Object.keys(PLAIN_FORMS).filter((c) => c !== '\t')].join('');
}
