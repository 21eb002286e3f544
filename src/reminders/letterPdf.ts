// The third reminder as a printable letter: an A4 PDF in the debtor's language, with the Swiss QR-bill's payment
// part at its foot; one letter, or many in one PDF to print (PDFKit, swissqrbill and the letter's font:
// build/pdfPlugins.mjs).
import { once } from 'node:events';
import * as fs from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { buffer } from 'node:stream/consumers';
import PDFDocument from 'pdfkit';
import { SwissQRBill } from 'swissqrbill/pdf';
import type { Debtor as QrBillDebtor } from 'swissqrbill/types';
import { mm2pt } from 'swissqrbill/utils';
import boldFont from '../../fonts/TilbagoSans-Bold.ttf';
import regularFont from '../../fonts/TilbagoSans-Regular.ttf';
import type { Person } from '../cases/model/caseFile';
import { formatSwissDate, isIsoDate, type IsoDate } from '../shared/dates';
import type { Language } from '../shared/languages';
import {
  checkCreditor,
  checkReference,
  type Creditor,
  type CreditorProblem,
  type CreditorSettings,
  isBillInformation,
  QR_BILL_LANGUAGES,
  QR_BILL_LIMITS,
  qrBillData,
  type ReferenceProblemCode,
} from './creditor';
import { QR_BILL_MAX_AMOUNT_RAPPEN } from './qrBillFields';
import { letterText, qrBillText, refusedCharacters } from './qrText';
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
  /** The payment's purpose as the debtor reads it, e.g. "Facture 2026-0142": the QR code's unstructured message. */
  readonly message?: string | undefined;
  /** Swico billing information (`//S1/10/…`) for the creditor's accounting, if any; with `message`, at most 140 characters. */
  readonly billInformation?: string | undefined;
  /** The letter's date, `yyyy-mm-dd`. */
  readonly date: IsoDate;
  /** Where the letter is written ("Lausanne, 28.11.2026"); the creditor's town when absent. */
  readonly place?: string | undefined;
}

type DebtorField = keyof typeof QR_BILL_LIMITS;

export type LetterPdfProblem =
  | ({ readonly part: 'creditor' } & CreditorProblem)
  | { readonly part: 'reference'; readonly code: ReferenceProblemCode }
  | { readonly part: 'debtor'; readonly field: DebtorField; readonly code: 'required' }
  | { readonly part: 'debtor'; readonly field: DebtorField; readonly code: 'tooLong'; readonly limit: number }
  /** Not a whole number of Rappen from 0.01 to 999,999,999.99 CHF. */
  | { readonly part: 'amount'; readonly code: 'amount' }
  /** `limit` is what `billInformation` leaves of the 140 characters both share. */
  | { readonly part: 'message'; readonly code: 'tooLong'; readonly limit: number }
  /** Billing information that is not Swico-coded (does not start with `//`). */
  | { readonly part: 'billInformation'; readonly code: 'syntax' }
  | { readonly part: 'date'; readonly code: 'date' }
  /** A character neither the QR code nor the letter can carry (`refusedCharacters`), one problem each. */
  | {
      readonly part: 'debtor';
      readonly field: DebtorField | 'contactPerson' | 'pob';
      readonly code: 'character';
      readonly character: string;
    }
  | { readonly part: 'message' | 'billInformation'; readonly code: 'character'; readonly character: string }
  | { readonly part: 'letter'; readonly field: 'heading' | 'text' | 'place'; readonly code: 'character'; readonly character: string };

/** The input cannot make a valid letter: each problem names its part and field. */
export class LetterPdfInputError extends Error {
  override readonly name = 'LetterPdfInputError';
  constructor(readonly problems: readonly LetterPdfProblem[]) {
    super(
      `letterPdfInput: ${problems
        .map((p) => `${p.part}${'field' in p ? `.${p.field}` : ''}:${p.code}${'character' in p ? ` ${JSON.stringify(p.character)}` : ''}`)
        .join(', ')}`,
    );
  }
}

/** What the QR-bill's message and billing information hold together. */
const MAX_MESSAGE = 140;

interface Checked {
  readonly creditor: Creditor;
  readonly reference: string;
  readonly debtor: QrBillDebtor;
  /** The address in the envelope's window, as written. */
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
  for (const [field, value] of Object.entries(debtor.parts) as [DebtorField, string][]) {
    const refused = refusedCharacters(value);
    if (value === '' && field !== 'buildingNumber') problems.push({ part: 'debtor', field, code: 'required' });
    else if (refused.length > 0)
      problems.push(...refused.map((character) => ({ part: 'debtor' as const, field, code: 'character' as const, character })));
    else if (qrBillText(value).length > QR_BILL_LIMITS[field])
      problems.push({ part: 'debtor', field, code: 'tooLong', limit: QR_BILL_LIMITS[field] });
  }
  for (const field of ['contactPerson', 'pob'] as const) {
    const value = field === 'pob' ? input.debtor.address.pob : input.debtor.contactPerson;
    for (const character of refusedCharacters(value ?? '')) problems.push({ part: 'debtor', field, code: 'character', character });
  }

  const amount = input.amountDueRappen;
  if (!Number.isSafeInteger(amount) || amount <= 0 || amount > QR_BILL_MAX_AMOUNT_RAPPEN) problems.push({ part: 'amount', code: 'amount' });
  const billInformation = input.billInformation ?? '';
  if (billInformation !== '' && !isBillInformation(billInformation)) problems.push({ part: 'billInformation', code: 'syntax' });
  for (const part of ['message', 'billInformation'] as const) {
    for (const character of refusedCharacters(input[part] ?? '')) problems.push({ part, code: 'character', character });
  }
  const messageLimit = MAX_MESSAGE - qrBillText(billInformation).length;
  if (qrBillText(input.message ?? '').length > messageLimit) problems.push({ part: 'message', code: 'tooLong', limit: messageLimit });
  for (const [field, value, lines] of [
    ['heading', input.letter.heading, false],
    ['text', input.letter.text, true],
    ['place', input.place ?? '', false],
  ] as const) {
    for (const character of refusedCharacters(value, { lines })) problems.push({ part: 'letter', field, code: 'character', character });
  }
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
  const text = (value: string | undefined) => value?.normalize('NFC').trim() ?? '';
  const parts = {
    name: text(debtorName(person)),
    street: text(person.address.street),
    buildingNumber: text(person.address.streetnumber),
    zip: text(person.address.zip),
    city: text(person.address.city),
  };
  const contact = person.company?.trim() ? text(person.contactPerson) : '';
  const pob = text(person.address.pob);
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

/** The name swissqrbill's `fontName` takes for the letter's font (Liberation Sans, renamed: fonts/README.md); the bold face is `<name>-Bold`. */
const FONT = 'Liberation Sans';
const BOLD = `${FONT}-Bold`;
const MARGIN = mm2pt(20);

/** A PDF for letters, the letter's font registered; its pages are added by `drawReminderLetter`. */
function letterDocument(lang?: Language): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: MARGIN },
    autoFirstPage: false,
    // PDFKit keeps the layout of each distinct word for the document's life: in a PDF of a thousand letters every
    // name, amount and reference would stay in memory (about 15 KB a letter).
    fontLayoutCache: false,
    // Any font source, though PDFKit's types say a name: without one the constructor loads Helvetica, which is not bundled.
    font: regularFont as unknown as string,
    ...(lang ? { lang } : {}),
  });
  return doc.registerFont(FONT, regularFont).registerFont(BOLD, boldFont);
}

/**
 * Draws one letter onto `doc` from a new page: the creditor as sender (top left), the debtor's address in the
 * window on the right (Swiss letter layout, window envelope C5/6 right), place and date, the heading and the
 * text, and the QR-bill's payment part (105 mm) at the foot of the page, or on a page of its own when a long text
 * leaves no room for it.
 * @returns what the letter was made of.
 * @throws LetterPdfInputError before anything is drawn, when the input cannot make a valid letter and QR-bill.
 */
function drawReminderLetter(doc: PDFKit.PDFDocument, input: ReminderLetterPdfInput): Checked {
  const check = checkLetterPdfInput(input);
  if (!check.ok) throw new LetterPdfInputError(check.problems);
  const { creditor, reference, debtor, debtorLines } = check.checked;
  // Made before the page: swissqrbill's own validation throws here, before anything is drawn.
  const qrBill = new SwissQRBill(
    qrBillData({
      creditor,
      debtor,
      amountDueRappen: input.amountDueRappen,
      reference,
      message: input.message,
      billInformation: input.billInformation,
    }),
    { language: QR_BILL_LANGUAGES[input.language], fontName: FONT },
  );

  // The document's own margins and A4, also after a payment part on a page of its own.
  doc.addPage();
  const width = doc.page.width - 2 * MARGIN;
  // Sender, top left.
  doc
    .font(BOLD)
    .fontSize(10)
    .text(creditor.name, MARGIN, MARGIN, { width: mm2pt(90) });
  doc
    .font(FONT)
    .text([creditor.street, creditor.buildingNumber].filter(Boolean).join(' '), { width: mm2pt(90) })
    .text(`${creditor.zip} ${creditor.city}`, { width: mm2pt(90) });

  // The address window of a C5/6 envelope, window right: 118 mm from the left, 60 mm from the top.
  doc
    .font(FONT)
    .fontSize(11)
    .text(debtorLines.join('\n'), mm2pt(118), mm2pt(60), { width: mm2pt(80) });

  // Place and date, then the heading and the text, on the whole width below the window.
  const place = letterText(input.place?.trim() || creditor.city);
  doc.fontSize(10).text(`${place}, ${formatSwissDate(input.date)}`, MARGIN, mm2pt(100), { width });
  doc.moveDown(2).font(BOLD).fontSize(12).text(letterText(input.letter.heading), { width });
  doc.moveDown(1).font(FONT).fontSize(10).text(letterText(input.letter.text), { width, align: 'left', lineGap: 1.5 });

  qrBill.attachTo(doc);
  return check.checked;
}

/**
 * One letter as an A4 PDF (`drawReminderLetter`).
 * @throws LetterPdfInputError when the input cannot make a valid letter and QR-bill.
 */
export async function reminderLetterPdf(input: ReminderLetterPdfInput): Promise<Uint8Array> {
  const doc = letterDocument(input.language);
  const bytes = buffer(doc);
  const { creditor } = drawReminderLetter(doc, input);
  Object.assign(doc.info, { Title: letterText(input.letter.heading), Author: creditor.name });
  doc.end();
  // A plain Uint8Array, not a Buffer: pdf.js, for one, refuses a Buffer.
  const pdf = await bytes;
  return new Uint8Array(pdf.buffer, pdf.byteOffset, pdf.byteLength);
}

/** Letters written one after the other into one PDF file, to print them together. */
export interface LettersPdf {
  /**
   * Draws one more letter, from a new page; resolves once the file has taken what was written, so a loop that
   * awaits each keeps memory bounded however many letters it adds.
   * @throws LetterPdfInputError before anything is drawn: the letter is left out, and the PDF can go on.
   */
  add(input: ReminderLetterPdfInput): Promise<void>;
  /** Ends the PDF; resolves once the file is written whole. */
  close(): Promise<void>;
}

/**
 * A PDF at `filePath` that letters are added to as they are made (`LettersPdf`). PDFKit writes each page out when
 * the next begins, so only the letter being drawn is in memory.
 */
export function openLettersPdf(filePath: string): LettersPdf {
  const doc = letterDocument();
  const file = fs.createWriteStream(filePath);
  const written = pipeline(doc, file);
  // Seen by the next `add` or by `close`, not left as an unhandled rejection in between.
  written.catch(() => {});
  return {
    async add(input) {
      drawReminderLetter(doc, input);
      while (file.writableNeedDrain) await Promise.race([once(file, 'drain'), written]);
    },
    async close() {
      doc.end();
      await written;
    },
  };
}
