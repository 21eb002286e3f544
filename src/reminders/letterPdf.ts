// The third reminder as a printable letter: an A4 PDF in the debtor's language, with the Swiss QR-bill's payment
// part at its foot. Loaded with `await import()` only when a letter is made: PDFKit and swissqrbill are large,
// and the build (esbuild.mjs, build/pdfPlugins.mjs) bundles PDFKit's font metrics into this chunk.
import PDFDocument from 'pdfkit';
import { SwissQRBill } from 'swissqrbill/pdf';
import type { Debtor as QrBillDebtor } from 'swissqrbill/types';
import { mm2pt } from 'swissqrbill/utils';
import type { Person } from '../cases/model/caseFile';
import { formatSwissDate, isIsoDate, type IsoDate } from '../shared/dates';
import type { Language } from '../shared/languages';
import {
  checkCreditor,
  checkReference,
  type Creditor,
  type CreditorProblem,
  type CreditorSettings,
  QR_BILL_LANGUAGES,
  QR_BILL_LIMITS,
  qrBillData,
  type ReferenceProblemCode,
} from './creditor';
import { QR_BILL_MAX_AMOUNT_RAPPEN } from './qrBillFields';
import type { ReminderLetter } from './letter';

export interface ReminderLetterPdfInput {
  readonly creditor: CreditorSettings;
  /** `case.json`'s `debtor`: a company, or a natural person (name and surname). Its address is in Switzerland. */
  readonly debtor: Person;
  /** The letter's heading and text, already rendered in `language` (`reminderLetter()`). */
  readonly letter: Pick<ReminderLetter, 'heading' | 'text'>;
  /** The debtor's language: the QR-bill's payment part is printed in it. */
  readonly language: Language;
  /** The amount due, in Rappen (CHF 1'234.50 = 123450). */
  readonly amountDueRappen: number;
  /** The payment reference: a QR reference with a QR-IBAN (`qrReferenceForInvoice`); a creditor reference or none with an IBAN. */
  readonly reference?: string | undefined;
  /** The QR-bill's "additional information", e.g. the invoice number; at most 140 characters. */
  readonly message?: string | undefined;
  /** The letter's date, `yyyy-mm-dd`. */
  readonly date: IsoDate;
  /** Where the letter is written ("Lausanne, 28.11.2026"); the creditor's town when absent. */
  readonly place?: string | undefined;
}

export type LetterPdfProblem =
  | ({ readonly part: 'creditor' } & CreditorProblem)
  | { readonly part: 'reference'; readonly code: ReferenceProblemCode }
  | { readonly part: 'debtor'; readonly field: 'name' | 'street' | 'buildingNumber' | 'zip' | 'city'; readonly code: 'required' }
  | {
      readonly part: 'debtor';
      readonly field: 'name' | 'street' | 'buildingNumber' | 'zip' | 'city';
      readonly code: 'tooLong';
      readonly limit: number;
    }
  /** Not a whole number of Rappen from 0.01 to 999,999,999.99 CHF. */
  | { readonly part: 'amount'; readonly code: 'amount' }
  | { readonly part: 'message'; readonly code: 'tooLong'; readonly limit: number }
  | { readonly part: 'date'; readonly code: 'date' };

/** The input cannot make a valid letter: each problem names its part and field. */
export class LetterPdfInputError extends Error {
  override readonly name = 'LetterPdfInputError';
  constructor(readonly problems: readonly LetterPdfProblem[]) {
    super(`letterPdfInput: ${problems.map((p) => `${p.part}${'field' in p ? `.${p.field}` : ''}:${p.code}`).join(', ')}`);
  }
}

const MAX_MESSAGE = 140;

interface Checked {
  readonly creditor: Creditor;
  readonly reference: string;
  readonly debtor: QrBillDebtor;
  readonly debtorLines: readonly string[];
}

/** Every problem of the input at once (the creditor's first), or what the letter is made of. */
export function checkLetterPdfInput(
  input: ReminderLetterPdfInput,
): { readonly ok: true; readonly checked: Checked } | { readonly ok: false; readonly problems: readonly LetterPdfProblem[] } {
  const problems: LetterPdfProblem[] = [];
  const creditorCheck = checkCreditor(input.creditor);
  if (!creditorCheck.ok) problems.push(...creditorCheck.problems.map((p) => ({ part: 'creditor' as const, ...p })));
  let reference = '';
  if (creditorCheck.ok) {
    const referenceCheck = checkReference(creditorCheck.creditor, input.reference);
    if (referenceCheck.ok) reference = referenceCheck.reference;
    else problems.push({ part: 'reference', code: referenceCheck.code });
  }

  const debtor = qrBillDebtor(input.debtor);
  for (const [field, value] of Object.entries(debtor.parts) as [keyof typeof QR_BILL_LIMITS, string][]) {
    if (value === '' && field !== 'buildingNumber') problems.push({ part: 'debtor', field, code: 'required' });
    else if (value.length > QR_BILL_LIMITS[field]) problems.push({ part: 'debtor', field, code: 'tooLong', limit: QR_BILL_LIMITS[field] });
  }

  const amount = input.amountDueRappen;
  if (!Number.isSafeInteger(amount) || amount <= 0 || amount > QR_BILL_MAX_AMOUNT_RAPPEN) problems.push({ part: 'amount', code: 'amount' });
  if ((input.message ?? '').length > MAX_MESSAGE) problems.push({ part: 'message', code: 'tooLong', limit: MAX_MESSAGE });
  if (!isIsoDate(input.date)) problems.push({ part: 'date', code: 'date' });

  if (problems.length > 0 || !creditorCheck.ok) return { ok: false, problems };
  return { ok: true, checked: { creditor: creditorCheck.creditor, reference, debtor: debtor.qrBill, debtorLines: debtor.lines } };
}

/** The debtor's name as addressed: the company, or title, first name and surname. */
export function debtorName(person: Person): string {
  const company = person.company?.trim();
  if (company) return company;
  return [person.title, person.name, person.surname]
    .map((part) => part?.trim())
    .filter(Boolean)
    .join(' ');
}

function qrBillDebtor(person: Person) {
  const parts = {
    name: debtorName(person),
    street: person.address.street.trim(),
    buildingNumber: person.address.streetnumber?.trim() ?? '',
    zip: person.address.zip.trim(),
    city: person.address.city.trim(),
  };
  const contact = person.company?.trim() ? person.contactPerson?.trim() : undefined;
  const pob = person.address.pob?.trim();
  const lines = [
    parts.name,
    ...(contact ? [contact] : []),
    [parts.street, parts.buildingNumber].filter(Boolean).join(' '),
    ...(pob ? [pob] : []),
    `${parts.zip} ${parts.city}`,
  ];
  const qrBill: QrBillDebtor = {
    name: parts.name,
    address: parts.street,
    ...(parts.buildingNumber ? { buildingNumber: parts.buildingNumber } : {}),
    zip: parts.zip,
    city: parts.city,
    // case.json has no country: tilbago collects debts in Switzerland only.
    country: 'CH',
  };
  return { parts, lines, qrBill };
}

/**
 * The letter as an A4 PDF: the creditor as sender (top left), the debtor's address in the window on the right
 * (Swiss letter layout, window envelope C5/6 right), place and date, the heading and the text, and the QR-bill's
 * payment part (105 mm) at the foot of the page, or on a page of its own when a long text leaves no room for it.
 * @throws LetterPdfInputError when the input cannot make a valid QR-bill (creditor, reference, debtor, amount).
 */
export async function reminderLetterPdf(input: ReminderLetterPdfInput): Promise<Uint8Array> {
  const check = checkLetterPdfInput(input);
  if (!check.ok) throw new LetterPdfInputError(check.problems);
  const { reference } = check.checked;
  const creditor = mapStrings(check.checked.creditor, printable);
  const debtor = mapStrings(check.checked.debtor, printable);
  const debtorLines = check.checked.debtorLines.map(printable);

  const qrData = qrBillData({
    creditor,
    debtor,
    amountDueRappen: input.amountDueRappen,
    reference,
    message: input.message && printable(input.message),
  });
  // Made before the document: swissqrbill's own validation throws here, before any page exists.
  const qrBill = new SwissQRBill(qrData, { language: QR_BILL_LANGUAGES[input.language] });

  const margin = mm2pt(20);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: margin, left: margin, right: margin, bottom: margin },
    info: { Title: printable(input.letter.heading), Author: creditor.name },
    lang: input.language,
  });
  const chunks: Uint8Array[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    doc.on('end', () => resolve(concat(chunks)));
    doc.on('error', reject);
  });

  const width = doc.page.width - 2 * margin;
  // Sender, top left.
  doc
    .font('Helvetica-Bold')
    .fontSize(10)
    .text(creditor.name, margin, margin, { width: mm2pt(90) });
  doc
    .font('Helvetica')
    .text([creditor.street, creditor.buildingNumber].filter(Boolean).join(' '), { width: mm2pt(90) })
    .text(`${creditor.zip} ${creditor.city}`, { width: mm2pt(90) });

  // The address window of a C5/6 envelope, window right: 118 mm from the left, 60 mm from the top.
  doc
    .font('Helvetica')
    .fontSize(11)
    .text(debtorLines.join('\n'), mm2pt(118), mm2pt(60), { width: mm2pt(80) });

  // Place and date, then the heading and the text, on the whole width below the window.
  const place = printable(input.place?.trim() || creditor.city);
  doc.fontSize(10).text(`${place}, ${formatSwissDate(input.date)}`, margin, mm2pt(100), { width });
  doc.moveDown(2).font('Helvetica-Bold').fontSize(12).text(printable(input.letter.heading), { width });
  doc.moveDown(1).font('Helvetica').fontSize(10).text(printable(input.letter.text), { width, align: 'left', lineGap: 1.5 });

  qrBill.attachTo(doc);
  doc.end();
  return done;
}

// PDFKit's standard fonts (Helvetica, which the QR-bill standard names) encode text as Windows-1252: Latin-1 and
// a few more (Š ž Œ € ’ “ – …). Any other character, such as the č and ć of "Kovačević", comes out as garbage and
// garbles what follows it on the line. Such a character is written without its accent (c), or as "?" when it has
// no Latin base; embedding a Unicode font instead would cost its file in the .vsix.
const WIN_1252_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');
/** Latin letters with a stroke, which Unicode does not decompose into a base letter and an accent. */
const STROKED: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i', Ŧ: 'T', ŧ: 't' };

function isWin1252(c: string): boolean {
  const code = c.codePointAt(0)!;
  return c === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_1252_EXTRA.has(c);
}

/** `text` as the standard fonts can print it: characters outside Windows-1252 without their accents, or "?". */
export function printable(text: string): string {
  let out = '';
  for (const c of text) {
    if (isWin1252(c)) out += c;
    else if (c === '\t') out += ' ';
    else if (c === '\r') continue;
    else {
      const base = STROKED[c] ?? c.normalize('NFD').replace(/\p{M}/gu, '');
      out += base !== '' && [...base].every(isWin1252) ? base : '?';
    }
  }
  return out;
}

/** Every string property of `value` passed through `map`. */
function mapStrings<T extends object>(value: T, map: (text: string) => string): T {
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, typeof v === 'string' ? map(v) : v])) as T;
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((sum, c) => sum + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
