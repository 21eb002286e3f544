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
import { LetterPdfInputError, openLettersPdf, type ReminderLetterPdfInput, reminderLetterPdf } from '../../src/reminders/letterPdf';
import type { Language } from '../../src/shared/languages';
import { qrCodes, readPdf } from './pdfReadBack';

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

  // Names as debtors and creditors write them: letters of Latin Extended-A, a dotless ı, an NFD umlaut (u + ¨, as
  // macOS writes file names), a typographic apostrophe (printed as written, a plain ' in the QR code).
  const names: readonly { readonly typed: string; readonly printed: string; readonly inQr: string }[] = [
    { typed: 'Đorđe Marjanović', printed: 'Đorđe Marjanović', inQr: 'Đorđe Marjanović' },
    { typed: 'Łukasz Wiśniewski', printed: 'Łukasz Wiśniewski', inQr: 'Łukasz Wiśniewski' },
    { typed: 'Şükrü Yılmaz', printed: 'Şükrü Yılmaz', inQr: 'Şükrü Yılmaz' },
    { typed: 'Dragan Kovačević', printed: 'Dragan Kovačević', inQr: 'Dragan Kovačević' },
    { typed: 'Hans Mu\u0308ller', printed: 'Hans Müller', inQr: 'Hans Müller' },
    { typed: 'L’Atelier Sàrl', printed: 'L’Atelier Sàrl', inQr: "L'Atelier Sàrl" },
  ];
  for (const { typed, printed, inQr } of names) {
    it(`${printed}: printed as written in the letter and the payment part, and in the QR code field by field`, async () => {
      const debtor: Person = {
        company: typed,
        preferredLanguage: 'de',
        address: { street: 'Chemin de l’Église', streetnumber: '4b', zip: '1950', city: 'Sion – Châteauneuf' },
      };
      const letter = { heading: `MAHNUNG AN ${typed}`, text: `Sehr geehrte ${typed}\nDer Betrag – CHF 1’234.50 – ist fällig…` };
      const read = await readPdf(
        await reminderLetterPdf(input('de', { debtor, letter, creditor: { ...creditor, name: 'Ștefan Țurcanu Sàrl', city: 'Genève' } })),
      );
      assert.ok(read.text.includes(`MAHNUNG AN ${printed}`), read.text);
      assert.ok(read.text.includes(`Sehr geehrte ${printed} Der Betrag – CHF 1’234.50 – ist fällig…`), read.text);
      assert.ok(read.text.includes(`${printed} Chemin de l’Église 4b 1950 Sion – Châteauneuf`), read.text);
      // The payment part prints what its QR code holds.
      assert.ok(read.text.includes(`Zahlbar durch ${inQr} Chemin de l'Église 4b 1950 Sion - Châteauneuf`), read.text);
      assert.ok(read.text.includes('Ștefan Țurcanu Sàrl'), read.text);

      const [qr, ...more] = qrCodes(read);
      assert.ok(qr, 'a QR code that ZXing reads');
      assert.equal(more.length, 0);
      assert.deepEqual(qr.debtor, {
        name: inQr,
        street: "Chemin de l'Église",
        buildingNumber: '4b',
        zip: '1950',
        city: 'Sion - Châteauneuf',
        country: 'CH',
      });
      assert.deepEqual(qr.creditor, {
        name: 'Ștefan Țurcanu Sàrl',
        street: 'Avenue de la Gare',
        buildingNumber: '12',
        zip: '1003',
        city: 'Genève',
        country: 'CH',
      });
      assert.equal(qr.account, 'CH4431999123000889012');
      assert.equal(qr.amount, '1234.50');
      assert.equal(qr.reference, reference);
      assert.equal(qr.message, '2026-0142');
      assert.equal(qr.billInformation, '');
    });
  }

  it('the invoice reference is the QR code’s unstructured message (Ustrd); Swico billing information goes to StrdBkgInf', async () => {
    const [plain] = qrCodes(await readPdf(await reminderLetterPdf(input('fr', { message: 'Facture 2026-0142' }))));
    assert.equal(plain?.message, 'Facture 2026-0142');
    assert.equal(plain?.lines.length, 31, 'nothing after EPD');
    const [swico] = qrCodes(
      await readPdf(await reminderLetterPdf(input('fr', { message: 'Facture 2026-0142', billInformation: '//S1/10/2026-0142/11/261128' }))),
    );
    assert.equal(swico?.message, 'Facture 2026-0142');
    assert.equal(swico?.billInformation, '//S1/10/2026-0142/11/261128');
  });

  it('refuses a character neither the QR code nor the letter can carry, naming its field and the character', async () => {
    const debtor: Person = { ...debtors.de, name: 'Hans ✓', address: { ...debtors.de.address, city: 'Zürich 🇨🇭' } };
    const letter = { heading: 'DRITTE MAHNUNG', text: 'Sehr geehrter Herr Müller\nПожалуйста, zahlen Sie. 日本' };
    await assert.rejects(
      reminderLetterPdf(input('de', { debtor, letter, message: 'Rechnung ™ 2026-0142 ☺', billInformation: 'S1/10/2026-0142' })),
      (error: unknown) => {
        assert.ok(error instanceof LetterPdfInputError);
        assert.deepEqual(error.problems, [
          { part: 'debtor', field: 'name', code: 'character', character: '✓' },
          { part: 'debtor', field: 'city', code: 'character', character: '🇨🇭' },
          { part: 'billInformation', code: 'syntax' },
          { part: 'message', code: 'character', character: '☺' },
          ...[...'Пожалуйст']
            .filter((c, i, all) => all.indexOf(c) === i)
            .map((character) => ({
              part: 'letter',
              field: 'text',
              code: 'character',
              character,
            })),
          { part: 'letter', field: 'text', code: 'character', character: '日' },
          { part: 'letter', field: 'text', code: 'character', character: '本' },
        ]);
        return true;
      },
    );
    await assert.rejects(reminderLetterPdf(input('de', { creditor: { ...creditor, street: 'Rue ✉' } })), (error: unknown) => {
      assert.ok(error instanceof LetterPdfInputError);
      assert.deepEqual(error.problems, [{ part: 'creditor', field: 'street', code: 'character', character: '✉' }]);
      return true;
    });
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

/** A folder of its own for the describe block that calls this: made before its tests, removed after them. */
function temporaryFolder(prefix: string): () => string {
  let folder = '';
  before(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  });
  after(() => fs.rmSync(folder, { recursive: true, force: true }));
  return () => folder;
}

describe('many reminder letters in one PDF', function () {
  this.timeout(60_000);
  const folder = temporaryFolder('tilbago-letters-pdf-');

  it('each letter from a new A4 page, the next never on a payment part’s page, every QR code readable and in order', async () => {
    const file = path.join(folder(), 'letters.pdf');
    const letters = openLettersPdf(file);
    const surnames = ['Kovačević', 'Wiśniewski', 'Yılmaz', 'Marjanović', 'Müller'];
    // The second letter's text fills its page: its payment part goes on a page of its own, and the third must not follow it there.
    const long = reminderLetter(Array.from({ length: 25 }, (_, i) => `Zeile ${i + 1}`).join('\n'), invoice, 'de');
    for (const [i, surname] of surnames.entries()) {
      const debtor: Person = { ...debtors.de, surname };
      await letters.add(input('de', { debtor, ...(i === 1 ? { letter: long } : {}) }));
      if (i === 2) {
        // A letter that cannot be made is left out before anything is drawn; the PDF goes on.
        await assert.rejects(letters.add(input('de', { debtor: { ...debtor, surname: '✓' } })), LetterPdfInputError);
      }
    }
    await letters.close();

    const read = await readPdf(new Uint8Array(fs.readFileSync(file)));
    const pages = read.pages.map((page) => ({
      heightMm: page.heightMm,
      sender: page.text.startsWith('Muster Informatique SA Avenue de la Gare 12'),
    }));
    assert.deepEqual(pages, [
      { heightMm: 297, sender: true },
      { heightMm: 297, sender: true },
      { heightMm: 105, sender: false },
      { heightMm: 297, sender: true },
      { heightMm: 297, sender: true },
      { heightMm: 297, sender: true },
    ]);
    assert.deepEqual(
      qrCodes(read).map((qr) => qr.debtor.name),
      surnames.map((surname) => `Hans ${surname}`),
    );
    assert.ok(!read.text.includes('✓'));
  });
});

describe('reminder letter as PDF, bundled as the extension ships it', function () {
  // Built the way esbuild.mjs builds the extension (ES module, split, minified, with the PDF plugins) into a
  // folder no node_modules is above: the chunk must carry the letter's font, as the .vsix holds no node_modules.
  this.timeout(60_000);
  const folder = temporaryFolder('tilbago-letter-pdf-');

  it('makes a PDF with the letter and the payment part', async () => {
    const root = path.resolve(__dirname, '../../..');
    const esbuild: typeof import('esbuild') = await import('esbuild');
    const { pdfPlugins } = await import(pathToFileURL(path.join(root, 'build/pdfPlugins.mjs')).href);
    await esbuild.build({
      absWorkingDir: root,
      entryPoints: { letterPdf: 'src/reminders/letterPdf.ts' },
      outdir: folder(),
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
    const bundled: typeof import('../../src/reminders/letterPdf') = await import(pathToFileURL(path.join(folder(), 'letterPdf.mjs')).href);
    const read = await readPdf(await bundled.reminderLetterPdf(input('de', { debtor: { ...debtors.de, surname: 'Kovačević' } })));
    assert.ok(read.text.includes('DRITTE UND LETZTE MAHNUNG'), read.text);
    assert.ok(read.text.includes('Zahlteil'), read.text);
    assert.ok(read.text.includes('Hans Kovačević'), read.text);
    assert.equal(qrCodes(read)[0]?.debtor.name, 'Hans Kovačević');
  });
});
