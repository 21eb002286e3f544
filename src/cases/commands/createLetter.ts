// "Tilbago: Create the 3rd reminder letter": the letter of a case as an A4 PDF with its QR-bill, in the debtor's
// language, written into the case's attachments/ under a new name (never over a letter, above all not over one
// already sent to tilbago). The public API's `reminderLetterPdf` makes the same bytes without writing them.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ReminderLetterError, ReminderLetterErrorCode } from '../../api';
import { checkCreditor, type CreditorProblem, invoiceMessage, referenceForInvoice } from '../../reminders/creditor';
import { letterLanguage, reminderLetter, type LetterInvoice, type Placeholder } from '../../reminders/letter';
import type { LetterPdfProblem, ReminderLetterPdfInput } from '../../reminders/letterPdf';
import { describeSettingProblem } from '../../settings/problemWords';
import { CREDITOR_SETTINGS, type CreditorSettingValues, LETTER_SETTING_OF, SETTINGS_SECTION, type SettingKey } from '../../settings/schema';
import { addDays, formatSwissDate, today } from '../../shared/dates';
import type { Language } from '../../shared/languages';
import { resolveCaseFolder, type CaseServices } from '../caseFolders';
import { debtorLanguage, parseCase, type TilbagoCase } from '../model/caseFile';
import { blockingProblems } from '../model/diagnose';
import { ATTACHMENTS_FOLDER, CASE_FILE, REMINDERS_FILE } from '../model/files';
import { readCaseFolderText } from '../model/caseFolderRead';
import { letterFileName, lettersIn } from '../model/letterFile';
import { writeNewAttachment } from '../model/letterWrite';
import { parseReminders } from '../model/remindersFile';
import { isBroken, readRecord } from '../model/record';
import { problemsCount } from '../counts';
import { describeFileProblem, describeLockBusy, describeReadProblem } from '../words';
import { openPdf } from '../../ui/openFile';
import { askDaySent, recordDaySent } from './recordSent';

/** Why no letter could be made for a case, in words; `settings`: the settings to fix, when that is where the problem is. */
export class CaseLetterError extends Error implements ReminderLetterError {
  override readonly name = 'TilbagoLetterError';
  constructor(
    readonly code: ReminderLetterErrorCode,
    message: string,
    readonly settings: readonly string[] = [],
  ) {
    super(message);
  }
}

export interface CaseLetter {
  readonly bytes: Uint8Array;
  readonly language: Language;
  /** The name it is written under unless that one is taken: `3e-rappel-2026-0142.pdf`. */
  readonly fileName: string;
  readonly debtor: string;
}

const PLACEHOLDER_SOURCES: Partial<Record<Placeholder, string>> = {
  DATEFACTURE: 'invoiceDate',
  RAPPEL1: 'reminders.first',
  RAPPEL2: 'reminders.second',
};

const DEBTOR_PATHS: Record<'name' | 'street' | 'buildingNumber' | 'zip' | 'city', string> = {
  name: 'debtor.company / debtor.name',
  street: 'debtor.address.street',
  buildingNumber: 'debtor.address.streetnumber',
  zip: 'debtor.address.zip',
  city: 'debtor.address.city',
};

const CREDITOR_FIELDS: Record<CreditorProblem['field'], keyof CreditorSettingValues> = {
  name: 'name',
  street: 'street',
  buildingNumber: 'buildingNumber',
  zip: 'postalCode',
  city: 'town',
  country: 'country',
  account: 'account',
};

/** The creditor settings as the QR-bill names them. */
function creditorOf(values: CreditorSettingValues) {
  return {
    name: values.name,
    street: values.street,
    buildingNumber: values.buildingNumber,
    zip: values.postalCode,
    city: values.town,
    country: values.country,
    account: values.account,
  };
}

/** A case file's text; undefined when there is none. @throws CaseLetterError when it cannot be read (a FIFO, too large…) */
async function readText(folder: string, name: typeof CASE_FILE | typeof REMINDERS_FILE): Promise<string | undefined> {
  const read = await readCaseFolderText(folder, name);
  if ('problem' in read)
    throw new CaseLetterError(name === CASE_FILE ? 'caseInvalid' : 'remindersInvalid', describeReadProblem(name, read.problem));
  return 'text' in read ? read.text : undefined;
}

/** The creditor settings in effect for the case folder, or every value that is missing or not valid, by its key. */
function creditorFor(services: CaseServices, folder: vscode.Uri) {
  const { configuration } = services;
  const problems = new Map<SettingKey, string>();
  for (const key of Object.values(CREDITOR_SETTINGS)) {
    const broken = configuration.brokenValue(key, folder);
    if (broken) problems.set(key, `"${SETTINGS_SECTION}.${key}" ${describeSettingProblem(broken.problem)}`);
  }
  const settings = configuration.read(folder);
  const values = settings.creditor;
  const check = checkCreditor(creditorOf(values));
  if (!check.ok) {
    for (const problem of check.problems) {
      const key = CREDITOR_SETTINGS[CREDITOR_FIELDS[problem.field]];
      if (problems.has(key)) continue;
      problems.set(
        key,
        problem.code === 'required'
          ? vscode.l10n.t('"{0}" is not set', `${SETTINGS_SECTION}.${key}`)
          : problem.code === 'tooLong'
            ? vscode.l10n.t('"{0}" is longer than {1} characters', `${SETTINGS_SECTION}.${key}`, problem.limit)
            : vscode.l10n.t('"{0}" is not valid', `${SETTINGS_SECTION}.${key}`),
      );
    }
  }
  if (problems.size > 0 || !check.ok) {
    throw new CaseLetterError(
      'creditor',
      vscode.l10n.t('The letter needs the creditor settings (the sender and the QR-bill payee): {0}.', [...problems.values()].join('; ')),
      [...problems.keys()].map((key) => `${SETTINGS_SECTION}.${key}`),
    );
  }
  return { settings, creditor: check.creditor, values };
}

/**
 * The 3rd reminder of a case folder as text: in the debtor's language, for the invoice and reminders of its
 * reminders.json, every placeholder filled. @throws CaseLetterError naming what is missing or wrong
 */
export async function caseReminderLetter(services: CaseServices, folder: string) {
  const caseText = await readText(folder, CASE_FILE);
  if (caseText === undefined) throw new CaseLetterError('noCaseFile', vscode.l10n.t('{0} has no case.json.', folder));
  const checkedCase = parseCase(caseText);
  if (!checkedCase.ok) {
    // Counted as the cases view and the Problems panel count them.
    const problems = blockingProblems(caseText, 'case');
    throw new CaseLetterError(
      'caseInvalid',
      vscode.l10n.t(
        'case.json has {0}: {1}',
        problemsCount(problems.length),
        problems
          .slice(0, 6)
          .map((problem) => describeFileProblem(problem, 'case'))
          .join('; '),
      ),
    );
  }
  const tilbagoCase: TilbagoCase = checkedCase.tilbagoCase;
  const remindersText = await readText(folder, REMINDERS_FILE);
  if (remindersText === undefined) {
    throw new CaseLetterError(
      'noReminders',
      vscode.l10n.t(
        'This case has no reminders.json: the letter takes the invoice number, its date, the reminder dates and the amount due from it.',
      ),
    );
  }
  const reminders = parseReminders(remindersText);
  if (!reminders.ok) {
    throw new CaseLetterError(
      'remindersInvalid',
      vscode.l10n.t(
        'reminders.json has {0}, at {1}. It must be as schemas/reminders.schema.json says.',
        problemsCount(reminders.problems.length),
        reminders.problems.map((p) => p.path || REMINDERS_FILE).join(', '),
      ),
    );
  }
  const { facts } = reminders;

  const settings = services.configuration.read(vscode.Uri.file(folder));
  const debtor = { language: debtorLanguage(tilbagoCase), zip: tilbagoCase.debtor.address.zip };
  const language = letterLanguage(debtor, settings.thirdReminder.defaultLanguage);
  const invoice: LetterInvoice = {
    number: facts.invoiceNumber,
    salutation: facts.salutation,
    debtor: tilbagoCase.debtor,
    invoiceDate: facts.invoiceDate ?? '',
    firstReminderDate: facts.reminders.first,
    secondReminderDate: facts.reminders.second,
    amountDueRappen: facts.amountDueRappen,
  };
  const text = settings.thirdReminder.letters[language];
  const letter = reminderLetter(text, invoice, language);
  if (letter.missingPlaceholders.length > 0) {
    throw new CaseLetterError(
      'letterText',
      vscode.l10n.t(
        'The letter names {0}, but reminders.json has no {1}.',
        letter.missingPlaceholders.map((p) => `%${p}%`).join(', '),
        letter.missingPlaceholders.map((p) => PLACEHOLDER_SOURCES[p] ?? p).join(', '),
      ),
    );
  }
  if (letter.unknownPlaceholders.length > 0) {
    // Only a letter the user wrote can hold one: the built-in letters hold placeholders only.
    const key = LETTER_SETTING_OF[language];
    throw new CaseLetterError(
      'letterText',
      vscode.l10n.t(
        'The letter text in "{0}" holds {1}, which is not a placeholder.',
        `${SETTINGS_SECTION}.${key}`,
        letter.unknownPlaceholders.join(', '),
      ),
      [`${SETTINGS_SECTION}.${key}`],
    );
  }

  return { tilbagoCase, facts, language, letter };
}

/** What one case's letter is made of, before it is drawn: the PDF's input, and the name it is written under. */
export interface CaseLetterInput {
  readonly input: ReminderLetterPdfInput;
  readonly language: Language;
  /** The name it is written under unless that one is taken: `3e-rappel-2026-0142.pdf`. */
  readonly fileName: string;
  readonly debtor: string;
}

/** The letter of a case folder, checked whole: a PDF made of it cannot fail on its input. @throws CaseLetterError */
export async function caseLetterInput(services: CaseServices, folder: string): Promise<CaseLetterInput> {
  const { tilbagoCase, facts, language, letter } = await caseReminderLetter(services, folder);
  const { creditor, values } = creditorFor(services, vscode.Uri.file(folder));
  const reference = referenceForInvoice(creditor, facts.invoiceNumber, { creditorReference: values.ibanReference === 'creditorReference' });
  if (!reference.ok) {
    throw new CaseLetterError(
      'reference',
      reference.code === 'noReferenceCharacters'
        ? vscode.l10n.t('The invoice number "{0}" has no letter or digit to make the payment reference from.', facts.invoiceNumber)
        : vscode.l10n.t(
            'The invoice number "{0}" is too long to make the payment reference from (at most 26 digits for a QR reference, 21 letters and digits for a creditor reference).',
            facts.invoiceNumber,
          ),
    );
  }
  const input: ReminderLetterPdfInput = {
    creditor: creditorOf(values),
    debtor: tilbagoCase.debtor,
    letter,
    language,
    amountDueRappen: facts.amountDueRappen,
    reference: reference.reference,
    message: invoiceMessage(language, facts.invoiceNumber),
    date: today(),
  };
  const pdf = await letterPdfModule();
  const check = pdf.checkLetterPdfInput(input);
  if (!check.ok) {
    throw new CaseLetterError(
      'qrBill',
      vscode.l10n.t('The QR-bill cannot be made: {0}.', check.problems.map(describePdfProblem).join('; ')),
    );
  }
  return { input, language, fileName: letterFileName(language, facts.invoiceNumber), debtor: pdf.debtorName(tilbagoCase.debtor) };
}

/** PDFKit and swissqrbill are most of the extension's size, and only a letter needs them. */
export const letterPdfModule = () => import('../../reminders/letterPdf');

/** The letter of a case folder as PDF bytes, in the debtor's language; nothing is written. @throws CaseLetterError */
export async function caseLetterPdf(services: CaseServices, folder: string): Promise<CaseLetter> {
  const letter = await caseLetterInput(services, folder);
  const bytes = await (await letterPdfModule()).reminderLetterPdf(letter.input);
  return { bytes, language: letter.language, fileName: letter.fileName, debtor: letter.debtor };
}

function describePdfProblem(problem: LetterPdfProblem): string {
  if (problem.code === 'character') {
    return vscode.l10n.t(
      '{0} holds "{1}", which a QR-bill cannot carry: write it with Latin letters',
      CHARACTER_PLACES[problem.part === 'debtor' || problem.part === 'letter' ? `${problem.part}.${problem.field}` : problem.part] ??
        problem.part,
      problem.character,
    );
  }
  if (problem.part === 'debtor') {
    const where = `case.json ${DEBTOR_PATHS[problem.field]}`;
    return problem.code === 'required'
      ? vscode.l10n.t('{0} is required', where)
      : vscode.l10n.t('{0} is longer than {1} characters', where, problem.limit);
  }
  if (problem.part === 'amount') return vscode.l10n.t('reminders.json amountDue is more than a QR-bill can carry');
  return `${problem.part}: ${problem.code}`;
}

/** Where a character the QR-bill cannot carry was found, as the user finds it. */
const CHARACTER_PLACES: Record<string, string> = {
  ...Object.fromEntries(Object.entries(DEBTOR_PATHS).map(([field, where]) => [`debtor.${field}`, `case.json ${where}`])),
  'debtor.contactPerson': 'case.json debtor.contactPerson',
  'debtor.pob': 'case.json debtor.address.pob',
  message: 'reminders.json invoiceNumber',
  'letter.heading': vscode.l10n.t('the letter text'),
  'letter.text': vscode.l10n.t('the letter text'),
  'letter.place': vscode.l10n.t('the creditor town'),
};

/** Why a letter was made but could not be written into the case, in words. */
export class LetterWriteError extends Error {
  override readonly name = 'LetterWriteError';
}

/** Writes a letter into the case (model/letterWrite.ts). @throws LetterWriteError naming what is in the way */
export async function writeLetter(folder: string, name: string, bytes: Uint8Array): Promise<string> {
  const outcome = await writeNewAttachment(folder, name, bytes);
  switch (outcome.kind) {
    case 'written':
      return outcome.file;
    case 'caseFolderLink':
      throw new LetterWriteError(vscode.l10n.t('The case folder is a symbolic link; letters are written only into a real folder.'));
    case 'attachmentsLink':
      throw new LetterWriteError(
        vscode.l10n.t(
          'attachments is a symbolic link: a letter written through it would land outside the case. Replace it with a real folder holding the files.',
        ),
      );
    case 'attachmentsNotAFolder':
      throw new LetterWriteError(vscode.l10n.t('attachments is a file, not a folder. Rename it, and the letter makes a folder there.'));
    case 'noFreeName':
      throw new LetterWriteError(vscode.l10n.t('attachments/ has no free name left for {0}.', name));
    case 'busy':
      throw new LetterWriteError(`${describeLockBusy(outcome)} ${vscode.l10n.t('Make the letter once it has finished.')}`);
  }
}

/**
 * What speaks against a new letter, in words: the case is filed, its 3rd reminder went out already (it may be in
 * litigation), or it holds a letter. Empty when nothing does.
 */
export async function letterConcerns(services: CaseServices, folder: string): Promise<string[]> {
  const concerns: string[] = [];
  const record = await readRecord(folder);
  if (record && !isBroken(record) && record.state === 'complete') {
    concerns.push(
      vscode.l10n.t(
        'The case is filed at tilbago already: a letter now does not go with the request, and the debtor would get a 3rd reminder after the filing.',
      ),
    );
  }
  const reminders = parseReminders((await readText(folder, REMINDERS_FILE)) ?? '');
  const third = reminders.ok ? reminders.facts.reminders.third : undefined;
  if (third !== undefined) {
    const { daysBeforeCollection } = services.configuration.read(vscode.Uri.file(folder)).thirdReminder;
    const litigationFrom = addDays(third, daysBeforeCollection);
    concerns.push(
      litigationFrom <= today()
        ? vscode.l10n.t(
            'Its 3rd reminder went out on {0} (reminders.json), and it is a litigation case since {1}.',
            formatSwissDate(third),
            formatSwissDate(litigationFrom),
          )
        : vscode.l10n.t('Its 3rd reminder went out on {0} (reminders.json).', formatSwissDate(third)),
    );
  }
  const letters = await lettersIn(folder);
  if (letters.length > 0) {
    concerns.push(
      vscode.l10n.t(
        'attachments/ holds a 3rd reminder letter already: {0}.',
        letters.map((l) => vscode.l10n.t('{0} (made {1})', l.file, formatSwissDate(l.madeOn))).join(', '),
      ),
    );
  }
  return concerns;
}

/** Shows why no letter was made, with Open Settings when settings are the cause. */
function showLetterError(folder: string, error: CaseLetterError | LetterWriteError): void {
  const message = vscode.l10n.t('No letter was made for "{0}": {1}', path.basename(folder), error.message);
  const settings = error instanceof CaseLetterError ? error.settings : [];
  if (error instanceof CaseLetterError && error.code === 'letterText' && settings.length > 0) {
    // The setup panel names each unknown or misshapen placeholder beside the letter, with its one-click fix.
    const fix = vscode.l10n.t('Open setup');
    void vscode.window.showErrorMessage(message, fix).then((answer) => {
      if (answer === fix) void vscode.commands.executeCommand('tilbago.openSetup');
    });
    return;
  }
  if (settings.length === 0) {
    void vscode.window.showErrorMessage(message);
    return;
  }
  const open = vscode.l10n.t('Open Settings');
  void vscode.window.showErrorMessage(message, open).then((answer) => {
    if (answer !== open) return;
    // One setting: that one; several: the extension's creditor section.
    const query = settings.length === 1 ? settings[0] : `${SETTINGS_SECTION}.creditor.`;
    void vscode.commands.executeCommand('workbench.action.openSettings', query);
  });
}

/** The command: resolves to the letter's path, or undefined when none was written. */
export async function createReminderLetter(services: CaseServices, argument: unknown): Promise<string | undefined> {
  const folder = await resolveCaseFolder(services.configuration, argument, vscode.l10n.t('Which case needs its 3rd reminder letter?'));
  if (!folder) return undefined;
  const concerns = await letterConcerns(services, folder);
  if (concerns.length > 0) {
    const make = vscode.l10n.t('Make the letter');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('Make another 3rd reminder letter for {0}?', path.basename(folder)),
      { modal: true, detail: concerns.join('\n') },
      make,
    );
    if (answer !== make) return undefined;
  }
  let letter: CaseLetter;
  let written: string;
  try {
    letter = await caseLetterPdf(services, folder);
    written = await writeLetter(folder, letter.fileName, letter.bytes);
  } catch (error) {
    if (!(error instanceof CaseLetterError || error instanceof LetterWriteError)) throw error;
    showLetterError(folder, error);
    return undefined;
  }
  services.casesChanged.fire();
  const file = path.join(folder, ATTACHMENTS_FOLDER, written);
  const record = await readRecord(folder);
  const filed = !!record && !isBroken(record) && record.state === 'complete';
  void offerNextSteps(services, folder, file, letter.debtor, filed);
  return file;
}

/** Says where the letter is, offers to open it, and asks whether it goes out today (unless the case is filed). */
async function offerNextSteps(services: CaseServices, folder: string, file: string, debtor: string, filed: boolean): Promise<void> {
  const openLetter = vscode.l10n.t('Open letter');
  const written = path.basename(file);
  if (filed) {
    const answer = await vscode.window.showInformationMessage(
      vscode.l10n.t(
        'The 3rd reminder letter to {0} is in attachments/{1}. The case is filed at tilbago already, so it is not sent.',
        debtor,
        written,
      ),
      openLetter,
    );
    if (answer === openLetter) await openPdf(vscode.Uri.file(file));
    return;
  }
  let answer = await askDaySent(
    vscode.l10n.t(
      'The 3rd reminder letter to {0} is in attachments/{1}; it goes to tilbago with the case. When does it go out?',
      debtor,
      written,
    ),
    [openLetter],
  );
  if (answer === openLetter) {
    await openPdf(vscode.Uri.file(file));
    answer = await askDaySent(vscode.l10n.t('When does the 3rd reminder to {0} go out?', debtor));
  }
  if (answer !== undefined && answer !== openLetter) await recordDaySent(services, folder, answer);
}
