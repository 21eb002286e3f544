// "Tilbago: New debt-collection case": asks for the invoice and the debtor, step by step, and makes a case folder
// (never over an existing one) with its case.json and reminders.json.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { hasControlCharacters } from '../../settings/schema';
import { formatSwissDate, today as todayIso } from '../../shared/dates';
import { writeJsonAtomic } from '../../shared/jsonFile';
import { formatChf } from '../../shared/money';
import { log } from '../../ui/log';
import { allCaseFolders, type CaseServices } from '../caseFolders';
import { checkUid } from '../model/uid';
import {
  caseFolderName,
  defaultReason,
  MAX_DATES,
  newCaseFile,
  readChf,
  readDates,
  readPlace,
  readStreet,
  type AmountReading,
  type DateProblem,
  type NewCaseAnswers,
} from '../model/newCase';
import { ATTACHMENTS_FOLDER, CASE_FILE, REMINDERS_FILE, SCHEMA_FILES, SCHEMAS_FOLDER } from '../model/files';
import { remindersFile } from '../model/remindersFile';
import { describeUidProblem } from './checkUid';

const STEPS = 7;

async function ask(step: number, prompt: string, options: Partial<vscode.InputBoxOptions> = {}): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: vscode.l10n.t('New debt-collection case ({0}/{1})', step, STEPS),
    prompt,
    ignoreFocusOut: true,
    ...options,
  });
}

/** What was understood, shown under the box while typing. */
const understood = (message: string): vscode.InputBoxValidationMessage => ({ message, severity: vscode.InputBoxValidationSeverity.Info });

function describeAmountProblem(problem: Extract<AmountReading, { ok: false }>['problem']): string {
  switch (problem) {
    case 'empty':
      return vscode.l10n.t('Required.');
    case 'notAnAmount':
      return vscode.l10n.t("Not an amount: write it as 1'234.50, 1234.50, 1234,50 or 100.-");
    case 'commaThousands':
      return vscode.l10n.t("Group thousands with ' (1'234.50), not with a comma or a point.");
    case 'tooManyDecimals':
      return vscode.l10n.t('At most two digits after the point: the Rappen.');
    case 'notPositive':
      return vscode.l10n.t('The amount due must be more than CHF 0.00.');
    case 'tooLarge':
      return vscode.l10n.t("More than tilbago takes in one claim (CHF 999'999'999.99).");
  }
}

function describeDateProblem(problem: DateProblem, part: string): string {
  switch (problem) {
    case 'format':
      return vscode.l10n.t('"{0}" is not a date: write dd.mm.yyyy, e.g. 03.08.2026.', part);
    case 'noSuchDate':
      return vscode.l10n.t('{0} does not exist in the calendar.', part);
    case 'future':
      return vscode.l10n.t('{0} is in the future: the invoice and the reminders sent are in the past.', part);
    case 'order':
      return vscode.l10n.t('{0} comes before the date written before it: give them in order, the invoice first.', part);
    case 'tooMany':
      return vscode.l10n.t('At most {0} dates: the invoice and three reminders.', MAX_DATES);
  }
}

export async function newCase(services: CaseServices): Promise<string | undefined> {
  const casesFolder = services.configuration.casesFolders()[0];
  if (!casesFolder) {
    const open = vscode.l10n.t('Open setup');
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t('Choose the folder for the cases first (setting "tilbago.casesFolder").'),
      open,
    );
    if (answer === open) await vscode.commands.executeCommand('tilbago.openSetup');
    return undefined;
  }

  const required = (value: string) =>
    !value.trim() ? vscode.l10n.t('Required.') : hasControlCharacters(value) ? vscode.l10n.t('No control characters.') : undefined;
  // The invoice number is the case's reference at tilbago: one that a case folder has already is refused at once.
  const taken = new Map(
    (await allCaseFolders(services.configuration)).flatMap((c) => (c.externalRef ? [[c.externalRef, c.name] as const] : [])),
  );
  const invoiceNumber = await ask(1, vscode.l10n.t('Invoice number: it becomes the case reference at tilbago, which must be unique.'), {
    validateInput: (v) =>
      required(v) ??
      (/[/\\]/.test(v)
        ? vscode.l10n.t('No slashes.')
        : v.trim().length > 100
          ? vscode.l10n.t('At most 100 characters.')
          : taken.has(v.trim())
            ? vscode.l10n.t('The case folder "{0}" has this invoice number already.', taken.get(v.trim())!)
            : undefined),
  });
  if (invoiceNumber === undefined) return undefined;

  const natural = vscode.l10n.t('A natural person');
  const legal = vscode.l10n.t('A company or other legal person');
  const kind = await vscode.window.showQuickPick([natural, legal], {
    title: vscode.l10n.t('New debt-collection case ({0}/{1})', 2, STEPS),
    placeHolder: vscode.l10n.t('Who is the debtor?'),
    ignoreFocusOut: true,
  });
  if (kind === undefined) return undefined;

  let debtor: NewCaseAnswers['debtor'];
  if (kind === legal) {
    const company = await ask(3, vscode.l10n.t('Company name of the debtor'), { validateInput: required });
    if (company === undefined) return undefined;
    const uid = await ask(3, vscode.l10n.t('Company UID (CHE-123.456.788), or leave empty'), {
      validateInput: (v) => (v.trim() ? describeUidProblem(v) : undefined),
    });
    if (uid === undefined) return undefined;
    const checked = uid.trim() ? checkUid(uid) : undefined;
    debtor = { kind: 'legal', company: company.trim(), ...(checked?.ok ? { companyUid: checked.normalized } : {}) };
  } else {
    const name = await ask(3, vscode.l10n.t('First name of the debtor'), { validateInput: required });
    if (name === undefined) return undefined;
    const surname = await ask(3, vscode.l10n.t('Last name of the debtor'), { validateInput: required });
    if (surname === undefined) return undefined;
    debtor = { kind: 'natural', name: name.trim(), surname: surname.trim() };
  }

  const streetLine = await ask(4, vscode.l10n.t("Debtor's street and number, e.g. Rue du Lac 12"), { validateInput: required });
  if (streetLine === undefined) return undefined;
  const placeLine = await ask(4, vscode.l10n.t("Debtor's postcode and town, e.g. 1003 Lausanne"), {
    validateInput: (v) => required(v) ?? (readPlace(v) ? undefined : vscode.l10n.t('The postcode first, then the town: 1003 Lausanne.')),
  });
  if (placeLine === undefined) return undefined;

  const amount = await ask(5, vscode.l10n.t("Amount due in CHF, e.g. 1'234.50"), {
    validateInput: (v) => {
      const read = readChf(v);
      return read.ok ? understood(`= ${formatChf(read.rappen)}`) : describeAmountProblem(read.problem);
    },
  });
  if (amount === undefined) return undefined;

  const today = todayIso();
  const dates = await ask(
    6,
    vscode.l10n.t('Invoice date, then the dates of the reminders sent (dd.mm.yyyy, separated by commas); may be left empty'),
    {
      placeHolder: '03.08.2026, 07.09.2026, 05.10.2026, 15.10.2026',
      validateInput: (v) => {
        const read = readDates(v, today);
        if (!read.ok) return describeDateProblem(read.problem, read.part);
        return read.dates.length ? understood(`= ${read.dates.map(formatSwissDate).join(', ')}`) : undefined;
      },
    },
  );
  if (dates === undefined) return undefined;
  const readDatesAnswer = readDates(dates, today);
  const [invoiceDate, ...reminderDates] = readDatesAnswer.ok ? readDatesAnswer.dates : [];

  const reason = await ask(7, vscode.l10n.t('Reason of the claim, as the debt-collection office will read it'), {
    value: defaultReason(services.language, invoiceNumber.trim(), invoiceDate, reminderDates),
    validateInput: (v) => required(v) ?? (v.length > 500 ? vscode.l10n.t('At most 500 characters.') : undefined),
  });
  if (reason === undefined) return undefined;

  const amountRead = readChf(amount);
  if (!amountRead.ok) return undefined;
  const answers: NewCaseAnswers = {
    invoiceNumber: invoiceNumber.trim(),
    debtor,
    address: { ...readStreet(streetLine), ...readPlace(placeLine)! },
    amountRappen: amountRead.rappen,
    reason: reason.trim(),
    ...(invoiceDate ? { invoiceDate } : {}),
    reminderDates,
  };
  const folder = path.join(casesFolder, caseFolderName(answers));
  try {
    await fs.mkdir(casesFolder, { recursive: true });
    // Fails if the folder exists: a case folder is never overwritten.
    await fs.mkdir(folder);
  } catch (error) {
    const message =
      (error as NodeJS.ErrnoException).code === 'EEXIST'
        ? vscode.l10n.t('A case folder "{0}" exists already; nothing was changed.', path.basename(folder))
        : vscode.l10n.t('The case folder could not be made: {0}', (error as Error).message);
    void vscode.window.showErrorMessage(message);
    return undefined;
  }
  await fs.mkdir(path.join(folder, ATTACHMENTS_FOLDER));
  await copySchemas(services.extensionPath, casesFolder);
  await writeJsonAtomic(path.join(folder, CASE_FILE), newCaseFile(answers));
  await writeJsonAtomic(path.join(folder, REMINDERS_FILE), remindersFile(answers));
  services.casesChanged.fire();
  log().info(`New case folder ${path.basename(folder)}.`);
  const editor = await vscode.window.showTextDocument(vscode.Uri.file(path.join(folder, CASE_FILE)));
  placeCursorOnFirstEmptyField(editor);
  void vscode.window.showInformationMessage(
    vscode.l10n.t('Case folder made. Put the invoice and the reminders into attachments/, check case.json, then submit it.'),
  );
  return folder;
}

/** The cursor inside the first field left empty (`""`), if any, so the user can type it at once. */
function placeCursorOnFirstEmptyField(editor: vscode.TextEditor): void {
  const text = editor.document.getText();
  const at = text.search(/:\s*""/);
  if (at < 0) return;
  const position = editor.document.positionAt(text.indexOf('""', at) + 1);
  editor.selection = new vscode.Selection(position, position);
  editor.revealRange(new vscode.Range(position, position));
}

/**
 * Puts this version's schemas into the cases folder's `.schemas/`, which the case files name: a copy there is the
 * extension's own file, replaced when this version's differs; nothing else in the folder is touched.
 */
async function copySchemas(extensionPath: string, casesFolder: string): Promise<void> {
  const target = path.join(casesFolder, SCHEMAS_FOLDER);
  await fs.mkdir(target, { recursive: true });
  for (const name of SCHEMA_FILES) {
    const ours = await fs.readFile(path.join(extensionPath, 'schemas', name), 'utf8');
    const there = await fs.readFile(path.join(target, name), 'utf8').catch(() => undefined);
    if (there !== ours) await fs.writeFile(path.join(target, name), ours);
  }
}
