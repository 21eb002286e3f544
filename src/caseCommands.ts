// The commands that talk to tilbago: test the key, make a case folder, file it, follow its status.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ApiKeyStore } from './apiKeyStore';
import type { TilbagoConfiguration } from './configuration';
import type { CaseProblem } from './core/caseFile';
import { apiKeyHint } from './core/apiKey';
import type { Language } from './core/languages';
import { writeJsonAtomic } from './core/jsonFile';
import { caseFolderName, defaultReason, newCaseFile, parseChf, parseDates, remindersFile, type NewCaseAnswers } from './core/newCase';
import {
  CASE_FILE,
  listCaseFolders,
  recordCaseId,
  refreshCaseStatus,
  submitCaseFolder,
  SUBMISSION_FILE,
  type SubmissionRecord,
  type SubmitOutcome,
} from './core/submission';
import { hasControlCharacters } from './core/settings';
import { isCaseId } from './core/tilbagoClient';
import { checkUid } from './core/uid';
import { log } from './log';
import { describeUidProblem } from './uidCommand';
import { clientOrOfferKey, describeApiError } from './tilbagoAccess';

export interface CaseServices {
  readonly configuration: TilbagoConfiguration;
  readonly apiKey: ApiKeyStore;
  readonly language: Language;
  /** Fired after a command changed a case folder, so views can follow. */
  readonly casesChanged: vscode.EventEmitter<void>;
}

/** The cases folders in use: one per workspace folder (or the user's), without repeats. */
export function casesFolders(configuration: TilbagoConfiguration): string[] {
  const scopes = vscode.workspace.workspaceFolders ?? [undefined];
  const folders = scopes.map((scope) => configuration.read(scope).casesFolder).filter((f): f is string => f !== undefined);
  return [...new Set(folders)];
}

async function allCaseFolders(configuration: TilbagoConfiguration) {
  return (await Promise.all(casesFolders(configuration).map(listCaseFolders))).flat();
}

/** A case folder from a command argument (a Uri of the folder or its case.json, or a tree item), the active editor, or a pick. */
async function resolveCaseFolder(configuration: TilbagoConfiguration, argument: unknown, placeHolder: string, filter: (record?: SubmissionRecord) => boolean) {
  const uri = argument instanceof vscode.Uri ? argument : (argument as { folderUri?: vscode.Uri } | undefined)?.folderUri;
  if (uri) return path.basename(uri.fsPath) === CASE_FILE ? path.dirname(uri.fsPath) : uri.fsPath;
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active?.scheme === 'file' && path.basename(active.fsPath) === CASE_FILE) return path.dirname(active.fsPath);
  const candidates = (await allCaseFolders(configuration)).filter((c) => filter(c.record));
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('There is no case folder to choose from. Make one with "Tilbago: New debt-collection case".'));
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    candidates.map((c) => ({ label: c.name, description: c.record ? stateLabel(c.record) : vscode.l10n.t('not submitted'), folder: c.folder })),
    { placeHolder },
  );
  return picked?.folder;
}

export function stateLabel(record: SubmissionRecord): string {
  switch (record.state) {
    case 'sending':
      return vscode.l10n.t('interrupted while sending');
    case 'notCreated':
      return vscode.l10n.t('not filed (error)');
    case 'uncertain':
      return vscode.l10n.t('uncertain: tilbago did not answer');
    case 'duplicate':
      return vscode.l10n.t('needs the case id');
    case 'created':
      return vscode.l10n.t('filed, attachments missing');
    case 'complete':
      return record.status ? `${vscode.l10n.t('filed')} · ${record.status.description}` : vscode.l10n.t('filed');
  }
}

// ---- Test connection ---------------------------------------------------------------------------------------

async function testConnection(services: CaseServices): Promise<string | undefined> {
  const client = await clientOrOfferKey(services.configuration, services.apiKey);
  if (!client) return undefined;
  const host = client.host;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Testing the API key with tilbago at {0}…', host) },
    () => client.checkKey(),
  );
  if (result.ok) {
    const hint = apiKeyHint((await services.apiKey.read()) ?? '');
    void vscode.window.showInformationMessage(
      hint ? vscode.l10n.t('tilbago at {0} accepted the API key ending in …{1}.', host, hint) : vscode.l10n.t('tilbago at {0} accepted the API key.', host),
    );
    log().info(`Test connection: key accepted by ${host}.`);
    return 'accepted';
  }
  log().warn(`Test connection: ${result.error.kind}.`);
  const message = describeApiError(result.error);
  if (result.error.kind === 'unauthorized') {
    const set = vscode.l10n.t('Set API key');
    void vscode.window.showErrorMessage(message, set).then((answer) => answer === set && vscode.commands.executeCommand('tilbago.setApiKey'));
  } else {
    void vscode.window.showErrorMessage(message);
  }
  return result.error.kind;
}

// ---- New case ------------------------------------------------------------------------------------------------

async function ask(step: number, prompt: string, options: Partial<vscode.InputBoxOptions> = {}): Promise<string | undefined> {
  return vscode.window.showInputBox({ title: vscode.l10n.t('New debt-collection case ({0}/6)', step), prompt, ignoreFocusOut: true, ...options });
}

async function newCase(services: CaseServices): Promise<string | undefined> {
  const casesFolder = casesFolders(services.configuration)[0];
  if (!casesFolder) {
    const open = vscode.l10n.t('Open setup');
    const answer = await vscode.window.showWarningMessage(vscode.l10n.t('Choose the folder for the cases first (setting "tilbago.casesFolder").'), open);
    if (answer === open) await vscode.commands.executeCommand('tilbago.openSetup');
    return undefined;
  }

  const required = (value: string) => (!value.trim() ? vscode.l10n.t('Required.') : hasControlCharacters(value) ? vscode.l10n.t('No control characters.') : undefined);
  const invoiceNumber = await ask(1, vscode.l10n.t('Invoice number: it becomes the case reference at tilbago, which must be unique.'), {
    validateInput: (v) => required(v) ?? (/[/\\]/.test(v) ? vscode.l10n.t('No slashes.') : v.trim().length > 100 ? vscode.l10n.t('At most 100 characters.') : undefined),
  });
  if (invoiceNumber === undefined) return undefined;

  const natural = vscode.l10n.t('A natural person');
  const legal = vscode.l10n.t('A company or other legal person');
  const kind = await vscode.window.showQuickPick([natural, legal], { title: vscode.l10n.t('New debt-collection case ({0}/6)', 2), placeHolder: vscode.l10n.t('Who is the debtor?'), ignoreFocusOut: true });
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

  const dates = await ask(5, vscode.l10n.t('Invoice date, then the dates of the reminders sent (dd.mm.yyyy, separated by commas); may be left empty'), {
    placeHolder: '03.08.2026, 07.09.2026, 05.10.2026, 15.10.2026',
    validateInput: (v) => {
      const parsed = parseDates(v);
      if (!parsed) return vscode.l10n.t('Dates as dd.mm.yyyy, separated by commas.');
      return parsed.some((d, i) => i > 0 && d < parsed[i - 1]!) ? vscode.l10n.t('The dates must be in order.') : parsed.length > 4 ? vscode.l10n.t('At most 4 dates.') : undefined;
    },
  });
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
  await fs.mkdir(path.join(folder, 'attachments'));
  await writeJsonAtomic(path.join(folder, CASE_FILE), newCaseFile(answers));
  await writeJsonAtomic(path.join(folder, 'reminders.json'), remindersFile(answers, services.configuration.read(vscode.Uri.file(folder)).reminder3));
  services.casesChanged.fire();
  log().info(`New case folder ${path.basename(folder)}.`);
  await vscode.window.showTextDocument(vscode.Uri.file(path.join(folder, CASE_FILE)));
  void vscode.window.showInformationMessage(
    vscode.l10n.t("Case folder made. Complete the debtor's address in case.json, put the invoice and reminders into attachments/, then submit it."),
  );
  return folder;
}

// ---- Submit ---------------------------------------------------------------------------------------------------

export function describeCaseProblem(problem: CaseProblem): string {
  const where = problem.path || 'case.json';
  switch (problem.code) {
    case 'notJson':
      return vscode.l10n.t('case.json is not valid JSON ({0})', problem.detail ?? '');
    case 'required':
      return vscode.l10n.t('{0} is required', where);
    case 'wrongType':
      return vscode.l10n.t('{0} must be of type {1}', where, problem.detail ?? '');
    case 'empty':
      return vscode.l10n.t('{0} is empty', where);
    case 'tooLong':
      return vscode.l10n.t('{0} is longer than {1} characters', where, problem.detail ?? '');
    case 'unknownField':
      return vscode.l10n.t('{0} is not a field of a tilbago case', where);
    case 'amount':
      return vscode.l10n.t('{0} must be a positive whole number of Rappen (CHF 1.50 = 150)', where);
    case 'interestRate':
      return vscode.l10n.t('{0} must be a decimal string from "0" to "99.99999", e.g. "5.0"', where);
    case 'collocationClass':
      return vscode.l10n.t('{0} must be "1", "2" or "3"', where);
    case 'tooManyClaims':
      return vscode.l10n.t('at most {0} claims in all (claim and subsidiaryClaims)', problem.detail ?? '');
    case 'uidFormat':
      return vscode.l10n.t('{0} is not a UID like CHE-123.456.788', where);
    case 'uidCheckDigit':
      return problem.detail ? vscode.l10n.t('{0} fails the check digit (it should end in {1})', where, problem.detail) : vscode.l10n.t('{0} fails the check digit', where);
    case 'date':
      return vscode.l10n.t('{0} must be a date as yyyy-mm-dd', where);
    case 'dateOfBirth':
      return vscode.l10n.t('{0} must be a date as yyyy-mm-dd, dd.mm.yyyy or yyyy', where);
    case 'sex':
      return vscode.l10n.t('{0} must be "M", "F" or "U"', where);
    case 'language':
      return vscode.l10n.t('{0} must be "de", "fr" or "it"', where);
    case 'nationality':
      return vscode.l10n.t('{0} must be a two-letter country code, e.g. "CH"', where);
    case 'email':
      return vscode.l10n.t('{0} is not an e-mail address', where);
    case 'phone':
      return vscode.l10n.t('{0} is not a phone number', where);
    case 'personName':
      return vscode.l10n.t('{0} needs a name and a surname (a natural person) or a company (a legal person)', where);
  }
}

async function submitCase(services: CaseServices, argument: unknown): Promise<SubmitOutcome['kind'] | undefined> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Submitting to tilbago is disabled in Restricted Mode. Trust this workspace to submit cases.'));
    return undefined;
  }
  const folder = await resolveCaseFolder(services.configuration, argument, vscode.l10n.t('Which case should be submitted to tilbago?'), (r) => r?.state !== 'complete');
  if (!folder) return undefined;
  const client = await clientOrOfferKey(services.configuration, services.apiKey);
  if (!client) return undefined;
  const name = path.basename(folder);
  const send = vscode.l10n.t('Send again');
  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Submitting {0} to tilbago', name) },
    (progress) =>
      submitCaseFolder(folder, {
        client,
        now: () => new Date(),
        describe: describeApiError,
        confirmResend: async (record) =>
          (await vscode.window.showWarningMessage(
            vscode.l10n.t('An earlier attempt to file "{0}" ({1}) stopped before tilbago\'s answer was recorded. tilbago may already have the case.', record.externalRef, new Date(record.attemptStartedAt).toLocaleString()),
            { modal: true, detail: vscode.l10n.t('Sending again is safe: tilbago refuses a second case with the same reference, and then you enter the case id from your tilbago account.') },
            send,
          )) === send,
        confirmAttachmentResend: async (files) =>
          (await vscode.window.showWarningMessage(
            vscode.l10n.t('These attachments were being sent when an earlier attempt stopped, so tilbago may have them already: {0}. Send them again?', files.join(', ')),
            { modal: true },
            send,
          )) === send,
        progress: (step) =>
          progress.report({
            message: step.kind === 'case' ? vscode.l10n.t('the case…') : vscode.l10n.t('attachment {0} of {1}: {2}', step.index + 1, step.count, step.file),
          }),
      }),
  );
  services.casesChanged.fire();
  log().info(`Submit ${name}: ${outcome.kind}.`);
  reportSubmission(folder, outcome);
  return outcome.kind;
}

/** Says how a submission ended. Messages are not awaited: a command must not wait for a click to finish. */
function reportSubmission(folder: string, outcome: SubmitOutcome): void {
  const offerToOpen = (shown: Thenable<string | undefined>, button: string, file: string) =>
    void shown.then((answer) => {
      if (answer === button) void vscode.window.showTextDocument(vscode.Uri.file(path.join(folder, file)));
    });
  const openRecord = vscode.l10n.t('Open submission.json');
  const withRecordButton = (show: typeof vscode.window.showInformationMessage, message: string) => offerToOpen(show(message, openRecord), openRecord, SUBMISSION_FILE);
  switch (outcome.kind) {
    case 'cancelled':
      return;
    case 'invalid': {
      const shown = outcome.problems.slice(0, 6).map(describeCaseProblem).join('; ');
      const more = outcome.problems.length > 6 ? ` ${vscode.l10n.t('(and {0} more)', outcome.problems.length - 6)}` : '';
      for (const problem of outcome.problems) log().warn(`case.json: ${describeCaseProblem(problem)}`);
      const edit = vscode.l10n.t('Open case.json');
      offerToOpen(vscode.window.showErrorMessage(vscode.l10n.t('Nothing was sent: case.json has {0} problem(s): {1}{2}', outcome.problems.length, shown, more), edit), edit, CASE_FILE);
      return;
    }
    case 'recordBroken':
      void vscode.window.showErrorMessage(
        vscode.l10n.t('Nothing was sent: submission.json in this case folder is not a record of this extension ({0}). It was left as it is; rename it if it is not needed.', outcome.reason),
      );
      return;
    case 'attachmentTooLarge':
      void vscode.window.showErrorMessage(vscode.l10n.t('Nothing was sent: the attachment {0} is larger than 20 MB.', outcome.file));
      return;
    case 'alreadyComplete':
      return withRecordButton(vscode.window.showInformationMessage, vscode.l10n.t('This case was filed already (tilbago case id {0}); it is not sent again.', outcome.record.caseId ?? ''));
    case 'complete':
      return withRecordButton(
        vscode.window.showInformationMessage,
        vscode.l10n.t('Filed at tilbago: case id {0}, with {1} attachment(s).', outcome.record.caseId ?? '', outcome.record.attachments.length),
      );
    case 'attachmentsFailed':
      return withRecordButton(
        vscode.window.showWarningMessage,
        vscode.l10n.t('The case is at tilbago (case id {0}), but these attachments are not: {1}. Submit again to send only those.', outcome.record.caseId ?? '', outcome.failed.join(', ')),
      );
    case 'notCreated':
      return withRecordButton(
        vscode.window.showErrorMessage,
        vscode.l10n.t('tilbago did not create the case: {0} Nothing needs undoing; submit again when it is fixed.', describeApiError(outcome.error)),
      );
    case 'uncertain':
      return withRecordButton(
        vscode.window.showWarningMessage,
        vscode.l10n.t('{0} tilbago may or may not have created the case. Submit again to find out: tilbago refuses a second case with the same reference.', describeApiError(outcome.error)),
      );
    case 'duplicate': {
      const enter = vscode.l10n.t('Enter case id');
      void vscode.window
        .showWarningMessage(
          vscode.l10n.t('tilbago already has a case with the reference "{0}", most likely from an interrupted attempt. Find its case id in your tilbago account and enter it here; then the attachments can be sent.', outcome.record.externalRef),
          enter,
        )
        .then((answer) => answer === enter && vscode.commands.executeCommand('tilbago.enterCaseId', vscode.Uri.file(folder)));
      return;
    }
  }
}

async function enterCaseId(services: CaseServices, argument: unknown): Promise<string | undefined> {
  const folder = await resolveCaseFolder(services.configuration, argument, vscode.l10n.t('Which case needs its tilbago case id?'), (r) => !!r && !r.caseId);
  if (!folder) return undefined;
  const caseId = await vscode.window.showInputBox({
    title: vscode.l10n.t('tilbago case id of "{0}"', path.basename(folder)),
    prompt: vscode.l10n.t('The case id tilbago shows for this case in your account.'),
    ignoreFocusOut: true,
    validateInput: (v) => (isCaseId(v.trim()) ? undefined : vscode.l10n.t('Letters, digits and . _ ~ - only.')),
  });
  if (caseId === undefined) return undefined;
  try {
    await recordCaseId(folder, caseId.trim(), new Date());
  } catch (error) {
    void vscode.window.showErrorMessage((error as Error).message);
    return undefined;
  }
  services.casesChanged.fire();
  const send = vscode.l10n.t('Send attachments');
  void vscode.window
    .showInformationMessage(vscode.l10n.t('Case id recorded. Send the attachments now?'), send)
    .then((answer) => answer === send && vscode.commands.executeCommand('tilbago.submitCase', vscode.Uri.file(folder)));
  return caseId.trim();
}

// ---- Refresh status --------------------------------------------------------------------------------------------

async function refreshStatus(services: CaseServices): Promise<{ updated: number; failed: number } | undefined> {
  const filed = (await allCaseFolders(services.configuration)).filter((c) => c.record?.caseId);
  if (filed.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No case has been filed at tilbago yet.'));
    return { updated: 0, failed: 0 };
  }
  const client = await clientOrOfferKey(services.configuration, services.apiKey);
  if (!client) return undefined;
  const failures: string[] = [];
  let updated = 0;
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Asking tilbago for the status of {0} case(s)…', filed.length) }, async () => {
    for (const item of filed) {
      const outcome = await refreshCaseStatus(item.folder, client, new Date());
      if (outcome.kind === 'updated') updated++;
      else if (outcome.kind === 'failed') failures.push(`${item.name}: ${describeApiError(outcome.error)}`);
      else if (outcome.kind === 'recordBroken') failures.push(`${item.name}: ${outcome.reason}`);
    }
  });
  services.casesChanged.fire();
  if (failures.length) void vscode.window.showWarningMessage(vscode.l10n.t('Status of {0} case(s) updated; {1} failed: {2}', updated, failures.length, failures.join('; ')));
  else void vscode.window.showInformationMessage(vscode.l10n.t('Status of {0} case(s) updated.', updated));
  return { updated, failed: failures.length };
}

export function caseCommandHandlers(services: CaseServices) {
  return {
    'tilbago.testConnection': () => testConnection(services),
    'tilbago.newCase': () => newCase(services),
    'tilbago.submitCase': (argument?: unknown) => submitCase(services, argument),
    'tilbago.enterCaseId': (argument?: unknown) => enterCaseId(services, argument),
    'tilbago.refreshStatus': () => refreshStatus(services),
  };
}
