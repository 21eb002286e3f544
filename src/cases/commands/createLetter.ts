// "Tilbago: Create the 3rd reminder letter": the letter of a case as an A4 PDF with its QR-bill, in the debtor's
// language, written into the case's attachments/ under a new name (never over a letter, above all not over one
// already sent to tilbago). The PDF code (PDFKit, swissqrbill) is loaded here, with import(), only when a letter
// is made. The public API's `reminderLetterPdf` makes the same bytes without writing them.
import { randomBytes } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ReminderLetterError, ReminderLetterErrorCode } from '../../api';
import { checkCreditor, type CreditorProblem, referenceForInvoice } from '../../reminders/creditor';
import { letterLanguage, letterTextFor, reminderLetter, type LetterInvoice, type Placeholder } from '../../reminders/letter';
import type { LetterPdfProblem } from '../../reminders/letterPdf';
import { describeSettingProblem } from '../../settings/warnings';
import { CREDITOR_SETTINGS, type CreditorSettingValues, LETTER_SETTING_OF, SETTINGS_SECTION, type SettingKey } from '../../settings/schema';
import { today } from '../../shared/dates';
import type { Language } from '../../shared/languages';
import { resolveCaseFolder, type CaseServices } from '../caseFolders';
import { debtorLanguage, parseCase, type TilbagoCase } from '../model/caseFile';
import { ATTACHMENTS_FOLDER, CASE_FILE, REMINDERS_FILE } from '../model/files';
import { candidateFileNames, INVOICE_WORDS, letterFileName } from '../model/letterFile';
import { parseReminders } from '../model/remindersFile';
import { isBroken, readRecord } from '../model/record';
import { problemsCount } from '../counts';
import { describeCaseProblem } from '../words';

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

async function readText(file: string): Promise<string | undefined> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The creditor settings in effect for the case folder, or every value that is missing or not valid, by its key. */
function creditorFor(services: CaseServices, folder: vscode.Uri) {
  const { configuration } = services;
  const workspaceFolder = vscode.workspace.getWorkspaceFolder(folder);
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, folder);
  const problems = new Map<SettingKey, string>();
  for (const key of Object.values(CREDITOR_SETTINGS)) {
    const broken = configuration.inspectChecked(config, key, workspaceFolder).broken;
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
  const caseText = await readText(path.join(folder, CASE_FILE));
  if (caseText === undefined) throw new CaseLetterError('noCaseFile', vscode.l10n.t('{0} has no case.json.', folder));
  const checkedCase = parseCase(caseText);
  if (!checkedCase.ok) {
    throw new CaseLetterError(
      'caseInvalid',
      vscode.l10n.t(
        'case.json has {0}: {1}',
        problemsCount(checkedCase.problems.length),
        checkedCase.problems.slice(0, 6).map(describeCaseProblem).join('; '),
      ),
    );
  }
  const tilbagoCase: TilbagoCase = checkedCase.tilbagoCase;
  const remindersText = await readText(path.join(folder, REMINDERS_FILE));
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
  const language = letterLanguage(debtor, settings.reminder3.defaultLanguage);
  const invoice: LetterInvoice = {
    number: facts.invoiceNumber,
    invoiceDate: facts.invoiceDate ?? '',
    firstReminderDate: facts.reminders.first,
    secondReminderDate: facts.reminders.second,
    amountDueRappen: facts.amountDueRappen,
  };
  const text = letterTextFor(settings.reminder3, language);
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
    // The name the letter is written under, so the user finds it (a former name, while it is not moved).
    const key = settings.reminder3.letters[language]
      ? services.configuration.nameInEffect(LETTER_SETTING_OF[language], vscode.Uri.file(folder))
      : 'reminder3.text';
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

/** The letter of a case folder as PDF bytes, in the debtor's language; nothing is written. @throws CaseLetterError */
export async function caseLetterPdf(services: CaseServices, folder: string): Promise<CaseLetter> {
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

  // Loaded only now: PDFKit and swissqrbill are most of the extension's size, and only a letter needs them.
  const pdf = await import('../../reminders/letterPdf');
  try {
    const bytes = await pdf.reminderLetterPdf({
      creditor: creditorOf(values),
      debtor: tilbagoCase.debtor,
      letter,
      language,
      amountDueRappen: facts.amountDueRappen,
      reference: reference.reference,
      message: `${INVOICE_WORDS[language]} ${facts.invoiceNumber}`.slice(0, 140),
      date: today(),
    });
    return { bytes, language, fileName: letterFileName(language, facts.invoiceNumber), debtor: pdf.debtorName(tilbagoCase.debtor) };
  } catch (error) {
    if (error instanceof pdf.LetterPdfInputError) {
      throw new CaseLetterError(
        'qrBill',
        vscode.l10n.t('The QR-bill cannot be made: {0}.', error.problems.map(describePdfProblem).join('; ')),
      );
    }
    throw error;
  }
}

function describePdfProblem(problem: LetterPdfProblem): string {
  if (problem.part === 'debtor') {
    const where = `case.json ${DEBTOR_PATHS[problem.field]}`;
    return problem.code === 'required'
      ? vscode.l10n.t('{0} is required', where)
      : vscode.l10n.t('{0} is longer than {1} characters', where, problem.limit);
  }
  if (problem.part === 'amount') return vscode.l10n.t('reminders.json amountDue is more than a QR-bill can carry');
  return `${problem.part}: ${problem.code}`;
}

/**
 * Writes `bytes` into attachments/ under the first of the names that is neither recorded in submission.json nor
 * there already. Written whole to a hidden file first, then linked to its name, which fails rather than replace a
 * file that appeared meanwhile: a crash leaves no half letter, and no letter is ever written over.
 */
export async function writeNewAttachment(folder: string, name: string, bytes: Uint8Array): Promise<string> {
  const dir = path.join(folder, ATTACHMENTS_FOLDER);
  await fs.mkdir(dir, { recursive: true });
  const record = await readRecord(folder);
  const recorded = new Set(record && !isBroken(record) ? record.attachments.map((a) => a.file) : []);
  const temporary = path.join(dir, `.${name}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  await fs.writeFile(temporary, bytes, { flush: true });
  try {
    for (const candidate of candidateFileNames(name, recorded)) {
      const target = path.join(dir, candidate);
      try {
        await fs.link(temporary, target);
        return candidate;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EEXIST') continue;
        if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw error;
        // A file system without hard links: copy, still refusing to replace a file.
        try {
          await fs.copyFile(temporary, target, fsConstants.COPYFILE_EXCL);
          return candidate;
        } catch (copyError) {
          if ((copyError as NodeJS.ErrnoException).code === 'EEXIST') continue;
          throw copyError;
        }
      }
    }
    throw new Error(vscode.l10n.t('attachments/ has no free name left for {0}.', name));
  } finally {
    await fs.rm(temporary, { force: true });
  }
}

/** The command: resolves to the letter's path, or undefined when none was written. */
export async function createReminderLetter(services: CaseServices, argument: unknown): Promise<string | undefined> {
  const folder = await resolveCaseFolder(
    services.configuration,
    argument,
    vscode.l10n.t('Which case needs its 3rd reminder letter?'),
    () => true,
  );
  if (!folder) return undefined;
  let letter: CaseLetter;
  try {
    letter = await caseLetterPdf(services, folder);
  } catch (error) {
    if (!(error instanceof CaseLetterError)) throw error;
    const message = vscode.l10n.t('No letter was made for "{0}": {1}', path.basename(folder), error.message);
    if (error.settings.length === 0) {
      void vscode.window.showErrorMessage(message);
      return undefined;
    }
    const open = vscode.l10n.t('Open Settings');
    void vscode.window.showErrorMessage(message, open).then((answer) => {
      if (answer !== open) return;
      // One setting: that one; several: the extension's creditor section.
      const query = error.settings.length === 1 ? error.settings[0] : `${SETTINGS_SECTION}.creditor.`;
      void vscode.commands.executeCommand('workbench.action.openSettings', query);
    });
    return undefined;
  }
  const written = await writeNewAttachment(folder, letter.fileName, letter.bytes);
  services.casesChanged.fire();
  const file = path.join(folder, ATTACHMENTS_FOLDER, written);
  const record = await readRecord(folder);
  const filed = !!record && !isBroken(record) && record.state === 'complete';
  const openLetter = vscode.l10n.t('Open letter');
  void vscode.window
    .showInformationMessage(
      filed
        ? vscode.l10n.t(
            'The 3rd reminder letter to {0} is in attachments/{1}. The case is filed at tilbago already, so it is not sent.',
            letter.debtor,
            written,
          )
        : vscode.l10n.t('The 3rd reminder letter to {0} is in attachments/{1}; it goes to tilbago with the case.', letter.debtor, written),
      openLetter,
    )
    .then((answer) => answer === openLetter && vscode.commands.executeCommand('vscode.open', vscode.Uri.file(file)));
  return file;
}
