// "Tilbago: New debt-collection case": asks for the invoice and the debtor, step by step, and makes a case folder
// (never over an existing one) with its case.json and reminders.json.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { hasControlCharacters } from '../../settings/schema';
import { writeJsonAtomic } from '../../shared/jsonFile';
import { log } from '../../ui/log';
import type { CaseServices } from '../caseFolders';
import { checkUid } from '../model/uid';
import { caseFolderName, defaultReason, newCaseFile, parseChf, parseDates, remindersFile, type NewCaseAnswers } from '../model/newCase';
import { ATTACHMENTS_FOLDER, CASE_FILE } from '../model/files';
import { describeUidProblem } from './checkUid';

async function ask(step: number, prompt: string, options: Partial<vscode.InputBoxOptions> = {}): Promise<string | undefined> {
  return vscode.window.showInputBox({
    title: vscode.l10n.t('New debt-collection case ({0}/6)', step),
    prompt,
    ignoreFocusOut: true,
    ...options,
  });
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
  const invoiceNumber = await ask(1, vscode.l10n.t('Invoice number: it becomes the case reference at tilbago, which must be unique.'), {
    validateInput: (v) =>
      required(v) ??
      (/[/\\]/.test(v) ? vscode.l10n.t('No slashes.') : v.trim().length > 100 ? vscode.l10n.t('At most 100 characters.') : undefined),
  });
  if (invoiceNumber === undefined) return undefined;

  const natural = vscode.l10n.t('A natural person');
  const legal = vscode.l10n.t('A company or other legal person');
  const kind = await vscode.window.showQuickPick([natural, legal], {
    title: vscode.l10n.t('New debt-collection case ({0}/6)', 2),
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

  const amount = await ask(4, vscode.l10n.t("Amount due in CHF, e.g. 1'234.50"), {
    validateInput: (v) => (parseChf(v) === undefined ? vscode.l10n.t("An amount in CHF greater than 0, e.g. 1'234.50") : undefined),
  });
  if (amount === undefined) return undefined;

  const dates = await ask(
    5,
    vscode.l10n.t('Invoice date, then the dates of the reminders sent (dd.mm.yyyy, separated by commas); may be left empty'),
    {
      placeHolder: '03.08.2026, 07.09.2026, 05.10.2026, 15.10.2026',
      validateInput: (v) => {
        const parsed = parseDates(v);
        if (!parsed) return vscode.l10n.t('Dates as dd.mm.yyyy, separated by commas.');
        return parsed.some((d, i) => i > 0 && d < parsed[i - 1]!)
          ? vscode.l10n.t('The dates must be in order.')
          : parsed.length > 4
            ? vscode.l10n.t('At most 4 dates.')
            : undefined;
      },
    },
  );
  if (dates === undefined) return undefined;
  const [invoiceDate, ...reminderDates] = parseDates(dates) ?? [];

  const reason = await ask(6, vscode.l10n.t('Reason of the claim, as the debt-collection office will read it'), {
    value: defaultReason(services.language, invoiceNumber.trim(), invoiceDate, reminderDates),
    validateInput: (v) => required(v) ?? (v.length > 500 ? vscode.l10n.t('At most 500 characters.') : undefined),
  });
  if (reason === undefined) return undefined;

  const answers: NewCaseAnswers = {
    invoiceNumber: invoiceNumber.trim(),
    debtor,
    amountRappen: parseChf(amount)!,
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
  await writeJsonAtomic(path.join(folder, CASE_FILE), newCaseFile(answers));
  await writeJsonAtomic(
    path.join(folder, 'reminders.json'),
    remindersFile(answers, services.configuration.read(vscode.Uri.file(folder)).reminder3),
  );
  services.casesChanged.fire();
  log().info(`New case folder ${path.basename(folder)}.`);
  await vscode.window.showTextDocument(vscode.Uri.file(path.join(folder, CASE_FILE)));
  void vscode.window.showInformationMessage(
    vscode.l10n.t(
      "Case folder made. Complete the debtor's address in case.json, put the invoice and reminders into attachments/, then submit it.",
    ),
  );
  return folder;
}
