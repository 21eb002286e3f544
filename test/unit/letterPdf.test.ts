import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { extractText, getDocumentProxy } from 'unpdf';
import type { Person } from '../../src/cases/model/caseFile';
import type { CreditorSettings } from '../../src/reminders/creditor';
import { qrReferenceForInvoice } from '../../src/reminders/creditor';
import { type LetterInvoice, reminderLetter } from '../../src/reminders/letter';
import { LetterPdfInputError, printable, type ReminderLetterPdfInput, reminderLetterPdf } from '../../src/reminders/letterPdf';
import type { Language } from '../../src/shared/languages';

const creditor: CreditorSettings = {
  name: 'Muster Informatique SA',
  street: 'Avenue de la Gare',
  buildingNumber: '12',
  zip: '1003',
  city: 'Lausanne',
  account: 'CH44 3199 9123 0008 8901 2',
};

const invoice: LetterInvoice = {
  number: '2026-0142',
  invoiceDate: '2026-08-03',
  firstReminderDate: '2026-09-07',
  secondReminderDate: '2026-10-05',
  amountDueRappen: 123_450,
};

const debtors: Record<'de' | 'fr' | 'it', Person> = {
  de: {
    name: 'Hans',
    surname: 'Müller',
    preferredLanguage: 'de',
    address: { street: 'Bahnhofstrasse', streetnumber: '7a', zip: '8001', city: 'Zürich' },
  },
  fr: {
    company: 'Boulangerie Dupont Sàrl',
    contactPerson: 'Élise Dupont',
    preferredLanguage: 'fr',
    address: { street: 'Rue du Lac', streetnumber: '3', zip: '1800', city: 'Vevey' },
  },
  it: {
    name: 'Lucia',
    surname: 'Bernasconi',
    preferredLanguage: 'it',
    address: { street: 'Via Nassa', streetnumber: '21', zip: '6900', city: 'Lugano' },
  },
};

const reference = (() => {
  const made = qrReferenceForInvoice(invoice.number);
  assert.ok(made.ok);
  return made.reference;
})();

function input(language: 'de' | 'fr' | 'it', overrides: Partial<ReminderLetterPdfInput> = {}): ReminderLetterPdfInput {
  return {
    creditor,
    debtor: debtors[language],
    letter: reminderLetter('', invoice, language),
    language,
    amountDueRappen: invoice.amountDueRappen,
    reference,
    message: `${invoice.number}`,
    date: '2026-11-28',
    ...overrides,
  };
}

/** The PDF's text as a reader's copy-and-paste gives it, all pages, whitespace collapsed. */
async function textOf(pdf: Uint8Array): Promise<string> {
  const document = await getDocumentProxy(pdf.slice());
  const { text } = await extractText(document, { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

/** The payment part's own heading, in swissqrbill's words for each language. */
const PAYMENT_PART: Record<Language, string> = { de: 'Zahlteil', fr: 'Section paiement', it: 'Sezione pagamento', en: 'Payment part' };

describe('reminder letter as PDF', function () {
  this.timeout(20_000);

  for (const language of ['de', 'fr', 'it'] as const) {
    it(`${language}: heading, text, sender, the debtor's address and the QR-bill in the debtor's language`, async () => {
      const pdf = await reminderLetterPdf(input(language));
      assert.equal(Buffer.from(pdf.subarray(0, 5)).toString('latin1'), '%PDF-');
      const text = await textOf(pdf);
      const letter = reminderLetter('', invoice, language);

      assert.ok(text.includes(letter.heading), `heading ${letter.heading} in: ${text}`);
      // The letter's own sentence with the amount, as the template renders it.
      assert.ok(text.includes("CHF 1'234.50"), text);
      assert.ok(text.includes('Muster Informatique SA'), text);
      assert.ok(text.includes('Lausanne, 28.11.2026'), text);

      const debtor = debtors[language];
      const name = debtor.company ?? `${debtor.name} ${debtor.surname}`;
      assert.ok(text.includes(name), `${name} in: ${text}`);
      assert.ok(text.includes(`${debtor.address.street} ${debtor.address.streetnumber}`), text);
      assert.ok(text.includes(`${debtor.address.zip} ${debtor.address.city}`), text);

      // The payment part: its heading in the debtor's language, the amount as the QR-bill prints it, the account
      // and the reference in blocks.
      assert.ok(text.includes(PAYMENT_PART[language]), `${PAYMENT_PART[language]} in: ${text}`);
      for (const other of (['de', 'fr', 'it'] as const).filter((l) => l !== language)) {
        assert.ok(!text.includes(PAYMENT_PART[other]), `no ${PAYMENT_PART[other]} in a ${language} letter`);
      }
      assert.ok(text.includes('1 234.50'), text);
      assert.ok(text.includes('CH44 3199 9123 0008 8901 2'), text);
      assert.ok(text.includes('00 00000 00000 00000 02026 01428'), text);

      assert.doesNotMatch(text, /%[A-Za-z][A-Za-z0-9_]*%/);
    });
  }

  it('a company debtor is addressed with its contact person', async () => {
    const text = await textOf(await reminderLetterPdf(input('fr')));
    assert.ok(text.includes('Boulangerie Dupont Sàrl Élise Dupont Rue du Lac 3'), text);
  });

  it('a name the standard font cannot print (č, ć) is written without its accents, and the line after it is intact', async () => {
    const debtor: Person = { ...debtors.de, name: 'Dragan', surname: 'Kovačević' };
    const letter = {
      heading: 'DRITTE UND LETZTE MAHNUNG',
      text: 'Sehr geehrter Herr Kovačević\nDer offene Betrag beläuft sich auf CHF 1’234.50 – bitte zahlen Sie.',
    };
    const text = await textOf(await reminderLetterPdf(input('de', { debtor, letter })));
    assert.ok(text.includes('Dragan Kovacevic Bahnhofstrasse 7a'), text);
    assert.ok(text.includes('Sehr geehrter Herr Kovacevic Der offene Betrag beläuft sich auf CHF 1’234.50 – bitte zahlen Sie.'), text);
    assert.ok(text.includes('Zahlbar durch Dragan Kovacevic'), text);
  });

  it('printable keeps Windows-1252 (umlauts, accents, ’ – € Œ) and strips other accents; ? when nothing is left', () => {
    assert.equal(printable('Zürich, Genève, L’importo – 5 € Œuvre «oui»'), 'Zürich, Genève, L’importo – 5 € Œuvre «oui»');
    assert.equal(printable('Kovačević, Łódź, Dvořák, Đapčević\r\n\tx'), 'Kovacevic, Lódz, Dvorák, Dapcevic\n x');
    assert.equal(printable('日本'), '??');
  });

  it('puts the payment part on a page of its own when a long text leaves no room at the foot', async () => {
    const long = reminderLetter(Array.from({ length: 40 }, (_, i) => `Ligne ${i + 1} : %NUMERO%`).join('\n'), invoice, 'fr');
    const pdf = await reminderLetterPdf(input('fr', { letter: long }));
    const document = await getDocumentProxy(pdf.slice());
    assert.ok(document.numPages >= 2, `${document.numPages} pages`);
    const text = await textOf(pdf);
    assert.ok(text.includes('Ligne 40 : 2026-0142'), text);
    assert.ok(text.includes('Section paiement'), text);
  });

  it('refuses invalid creditor data with a typed error naming each problem, before any PDF is made', async () => {
    await assert.rejects(
      reminderLetterPdf(input('de', { creditor: { ...creditor, name: 'N'.repeat(71), account: 'CH45 3199 9123 0008 8901 2' } })),
      (error: unknown) => {
        assert.ok(error instanceof LetterPdfInputError);
        assert.deepEqual(error.problems, [
          { part: 'creditor', field: 'name', code: 'tooLong', limit: 70 },
          { part: 'creditor', field: 'account', code: 'ibanCheckDigit' },
        ]);
        return true;
      },
    );
  });

  it('refuses a QR-IBAN without a QR reference, a debtor town too long for the QR-bill, and no amount', async () => {
    const debtor = { ...debtors.de, address: { ...debtors.de.address, city: 'Z'.repeat(36) } };
    await assert.rejects(reminderLetterPdf(input('de', { reference: undefined, debtor, amountDueRappen: 0 })), (error: unknown) => {
      assert.ok(error instanceof LetterPdfInputError);
      assert.deepEqual(error.problems, [
        { part: 'reference', code: 'qrIbanNeedsQrReference' },
        { part: 'debtor', field: 'city', code: 'tooLong', limit: 35 },
        { part: 'amount', code: 'amount' },
      ]);
      return true;
    });
  });

  it('with an ordinary IBAN and no reference, the payment part has none', async () => {
    const pdf = await reminderLetterPdf(
      input('it', { creditor: { ...creditor, account: 'CH93 0076 2011 6238 5295 7' }, reference: undefined }),
    );
    const text = await textOf(pdf);
    assert.ok(text.includes('CH93 0076 2011 6238 5295 7'), text);
    assert.ok(!text.includes('Riferimento'), text);
  });
});

describe('reminder letter as PDF, bundled as the extension ships it', function () {
  // Built the way esbuild.mjs builds the extension (ES module, split, minified, with the PDF plugins) into a
  // folder no node_modules is above: the chunk must carry PDFKit's font metrics, as the .vsix holds no node_modules.
  this.timeout(60_000);
  let folder: string;
  before(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tilbago-letter-pdf-'));
  });
  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('makes a PDF with the letter and the payment part', async () => {
    const root = path.resolve(__dirname, '../../..');
    const esbuild: typeof import('esbuild') = await import('esbuild');
    const { pdfPlugins } = await import(pathToFileURL(path.join(root, 'build/pdfPlugins.mjs')).href);
    await esbuild.build({
      absWorkingDir: root,
      entryPoints: { letterPdf: 'src/reminders/letterPdf.ts' },
      outdir: folder,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      splitting: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      minify: true,
      legalComments: 'none',
      logLevel: 'silent',
      plugins: pdfPlugins,
    });
    const bundled: typeof import('../../src/reminders/letterPdf') = await import(pathToFileURL(path.join(folder, 'letterPdf.mjs')).href);
    const text = await textOf(await bundled.reminderLetterPdf(input('de')));
    assert.ok(text.includes('DRITTE UND LETZTE MAHNUNG'), text);
    assert.ok(text.includes('Zahlteil'), text);
    assert.ok(text.includes('Hans Müller'), text);
  });
});
