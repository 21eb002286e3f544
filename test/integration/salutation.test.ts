// The salutation and closing of the 3rd reminder letter in the real extension host: made by the public API's
// reminderLetterPdf from case.json's debtor (a woman, a man, an unknown sex, a company) in each language, and
// read back from the PDF; reminders.json's own salutation wins.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TilbagoApi } from '../../src/api';
import type { Language } from '../../src/shared/languages';
import { validCase, writeCaseFolder } from '../fixtures/cases';
import { activateExtension, workspaceFolder } from './helpers';
import { CREDITOR_SETTINGS } from '../fixtures/creditor';

const config = () => vscode.workspace.getConfiguration('tilbago');
const Workspace = vscode.ConfigurationTarget.Workspace;

const CREDITOR = CREDITOR_SETTINGS;

const address = { street: 'Rue du Lac', streetnumber: '12', zip: '1003', city: 'Lausanne' };
const DEBTORS = {
  woman: { name: 'Anna', surname: 'Meier', title: 'Dr.', sex: 'F', address },
  man: { name: 'Marco', surname: 'Rossi', sex: 'M', address },
  unknown: { name: 'Kim', surname: 'Weber', sex: 'U', address },
  company: { company: 'Muster SA', address },
} as const;
type Kind = keyof typeof DEBTORS;

/** The salutation, and the closing, each letter opens and ends with. */
const EXPECTED: Record<Language, Record<Kind, readonly [string, string]>> = {
  de: {
    woman: ['Sehr geehrte Frau Dr. Meier', 'Freundliche Grüsse'],
    man: ['Sehr geehrter Herr Rossi', 'Freundliche Grüsse'],
    unknown: ['Sehr geehrte Damen und Herren', 'Freundliche Grüsse'],
    company: ['Sehr geehrte Damen und Herren', 'Freundliche Grüsse'],
  },
  fr: {
    woman: ['Madame,', 'Veuillez agréer, Madame, nos salutations distinguées.'],
    man: ['Monsieur,', 'Veuillez agréer, Monsieur, nos salutations distinguées.'],
    unknown: ['Madame, Monsieur,', 'Veuillez agréer, Madame, Monsieur, nos salutations distinguées.'],
    company: ['Messieurs,', 'Veuillez agréer, Messieurs, nos salutations distinguées.'],
  },
  it: {
    woman: ['Gentile Dr. Meier,', 'Distinti saluti'],
    man: ['Egregio Signor Rossi,', 'Distinti saluti'],
    unknown: ['Gentile Signora, Egregio Signore,', 'Distinti saluti'],
    company: ['Egregi Signori,', 'Distinti saluti'],
  },
  en: {
    woman: ['Dear Dr Meier,', 'Yours sincerely'],
    man: ['Dear Mr Rossi,', 'Yours sincerely'],
    unknown: ['Dear Sir or Madam,', 'Yours faithfully'],
    company: ['Dear Sir or Madam,', 'Yours faithfully'],
  },
};

const reminders = (salutation?: string) => ({
  invoiceNumber: '2026-0142',
  invoiceDate: '2026-08-03',
  amountDue: "CHF 1'234.50",
  reminders: { first: '2026-09-07', second: '2026-10-05' },
  ...(salutation ? { salutation } : {}),
});

// unpdf cannot load inside the extension host (see letter.test.ts): a plain Node process reads every PDF at once.
const READ_PDFS = `const { extractText, getDocumentProxy } = require('unpdf');
Promise.all(process.argv.slice(1).map((file) => require('node:fs/promises').readFile(file)
  .then((bytes) => getDocumentProxy(new Uint8Array(bytes)))
  .then((document) => extractText(document, { mergePages: true }))
  .then(({ text }) => text)))
  .then((texts) => process.stdout.write(JSON.stringify(texts)));`;

function pdfTexts(files: readonly string[]): Promise<string[]> {
  return new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      ['-e', READ_PDFS, ...files],
      { cwd: path.join(__dirname, '..', '..', '..'), env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, maxBuffer: 10_000_000 },
      (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout) as string[])),
    ),
  );
}

/** The text with its line breaks and runs of spaces as single spaces: the PDF's lines are not the letter's. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

describe('the salutation of the 3rd reminder letter', () => {
  let api: TilbagoApi;
  let casesRoot: string;

  /** A case folder for the debtor, its letter made by the API, and the PDF's path. */
  const letterOf = async (name: string, debtor: object, language: Language, salutation?: string) => {
    // case.json names de, fr or it; English comes from the setting, for a debtor who names none.
    const preferred = language === 'en' ? {} : { preferredLanguage: language };
    const folder = await writeCaseFolder(
      path.join(casesRoot, name),
      { ...validCase(), externalRef: name, debtor: { ...debtor, ...preferred } },
      { 'facture.pdf': '%PDF-1.4 facture' },
    );
    await fs.writeFile(path.join(folder, 'reminders.json'), JSON.stringify(reminders(salutation), null, 2));
    const file = path.join(casesRoot, `${name}.pdf`);
    await fs.writeFile(file, await api.reminderLetterPdf(vscode.Uri.file(folder)));
    return file;
  };

  before(async () => {
    api = await activateExtension();
    casesRoot = path.join(workspaceFolder().uri.fsPath, 'salutation-cases');
    for (const [key, value] of Object.entries(CREDITOR)) await config().update(key, value, Workspace);
    await config().update('thirdReminder.defaultLanguage', 'en', Workspace);
  });

  after(async () => {
    for (const key of ['thirdReminder.defaultLanguage', ...Object.keys(CREDITOR)]) await config().update(key, undefined, Workspace);
    await fs.rm(casesRoot, { recursive: true, force: true });
  });

  it('is made from case.json’s debtor, in each language, with the closing that goes with it', async function () {
    this.timeout(120_000);
    const letters = (Object.keys(EXPECTED) as Language[]).flatMap((language) =>
      (Object.keys(DEBTORS) as Kind[]).map((kind) => ({ language, kind, expected: EXPECTED[language][kind] })),
    );
    const files: string[] = [];
    for (const { language, kind } of letters) files.push(await letterOf(`SAL-${language}-${kind}`, DEBTORS[kind], language));
    const texts = await pdfTexts(files);
    for (const [i, { language, kind, expected }] of letters.entries()) {
      const text = flat(texts[i]!);
      const [opening, closing] = expected;
      assert.ok(text.includes(` ${opening} `), `${language}, ${kind}: opens with “${opening}”\n${text.slice(0, 400)}`);
      assert.ok(text.includes(closing), `${language}, ${kind}: closes with “${closing}”`);
      assert.doesNotMatch(text, /%[A-Z]+%/, `${language}, ${kind}: every placeholder filled`);
    }
  });

  it('is reminders.json’s own when it has one, and the closing follows it', async () => {
    const files = [
      await letterOf('SAL-given-fr', DEBTORS.man, 'fr', 'Chère Madame Dupont'),
      await letterOf('SAL-given-en', DEBTORS.company, 'en', 'Dear Ms Smith'),
    ];
    const [fr, en] = (await pdfTexts(files)).map(flat);
    assert.ok(fr!.includes('Chère Madame Dupont,') && fr!.includes('Veuillez agréer, Chère Madame Dupont, nos salutations'), fr);
    assert.ok(!fr!.includes('Monsieur,'), 'not the one made from the debtor');
    assert.ok(en!.includes('Dear Ms Smith,') && en!.includes('Yours sincerely'), en);
  });
});
