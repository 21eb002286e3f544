// The commands that talk to tilbago: test the key, make a case folder, file it, follow its status.
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ApiKeyStore } from './apiKeyStore';
import type { TilbagoConfiguration } from './configuration';
import type { CaseProblem } from './core/caseFile';
import { apiKeyHint } from './core/apiKey';
import type { Language } from './core/languages';
import { writeJsonAtomic } from './core/jsonFile';
import { caseFolderName, defaultReason, newCaseFile, parseChf, parseDates, remindersFile, type NewCaseAnswers } from './core/newCase';
import type { LockOwner } from './core/caseLock';
import { formatChf } from './core/money';
import {
  CASE_FILE,
  listCaseFolders,
  MAX_ATTACHMENTS,
  recordCaseId,
  refreshCaseStatus,
  setRecordAside,
  submitCaseFolder,
  SUBMISSION_FILE,
  type AttachmentProblem,
  type CaseIdOutcome,
  type FilingSummary,
  type SubmissionRecord,
  type SubmitOutcome,
  type UncertainAttachment,
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
    case 'refused':
      return vscode.l10n.t('refused by tilbago');
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

/** Dates and times as the display language writes them. */
function when(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(vscode.env.language, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

function describeLockOwner(owner: LockOwner | undefined): string {
  if (!owner) return vscode.l10n.t('Another submission of this case is starting.');
  const where = owner.host === os.hostname() ? vscode.l10n.t('in this or another VS Code window on this computer') : vscode.l10n.t('on the computer "{0}"', owner.host);
  switch (owner.purpose) {
    case 'submit':
      return vscode.l10n.t('A submission of this case is running {0} (since {1}).', where, when(owner.startedAt));
    case 'refresh':
      return vscode.l10n.t('The status of this case is being refreshed {0}.', where);
    case 'caseId':
    case 'setAside':
      return vscode.l10n.t('The record of this case is being changed {0}.', where);
  }
}

function describeAttachmentProblem(file: string, problem: AttachmentProblem): string {
  switch (problem) {
    case 'tooLarge':
      return vscode.l10n.t('the attachment {0} is larger than 20 MB.', file);
    case 'tooMany':
      return vscode.l10n.t('attachments/ holds more than {0} files.', MAX_ATTACHMENTS);
    case 'link':
      return file ? vscode.l10n.t('attachments/{0} is a symbolic link; put the file itself there.', file) : vscode.l10n.t('attachments/ is a symbolic link; make it a real folder.');
    case 'notAFile':
      return file ? vscode.l10n.t('attachments/{0} is not a file; attachments/ may hold files only.', file) : vscode.l10n.t('attachments is not a folder.');
    case 'unreadable':
      return file ? vscode.l10n.t('the attachment {0} cannot be read.', file) : vscode.l10n.t('attachments/ cannot be read.');
  }
}

/** The modal before a case is filed: who, how much, what goes along, and where. Cancel is the default. */
async function confirmFiling(summary: FilingSummary): Promise<boolean> {
  const file = vscode.l10n.t('File request');
  const lines = [
    vscode.l10n.t('Debtor: {0}', summary.debtor),
    vscode.l10n.t('Amount: {0}', formatChf(summary.amountRappen)),
    summary.attachments.length ? vscode.l10n.t('Attachments: {0}', summary.attachments.join(', ')) : vscode.l10n.t('Attachments: none'),
    vscode.l10n.t('Reference: {0}', summary.externalRef),
    vscode.l10n.t('To: tilbago at {0}', summary.host),
  ];
  if (summary.earlierAttempt) {
    lines.push(
      '',
      vscode.l10n.t(
        'An earlier attempt ({0}) stopped before tilbago\'s answer was recorded: tilbago may already have this case. Filing again is safe only because tilbago refuses a second case with the same reference; then you enter the case id from your tilbago account.',
        when(summary.earlierAttempt.startedAt),
      ),
    );
  }
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('File a debt-collection request at tilbago? It is a legal step, and tilbago charges a fee for it.'),
    { modal: true, detail: lines.join('\n') },
    file,
  );
  return answer === file;
}

async function confirmAttachmentResend(attachments: readonly UncertainAttachment[]): Promise<boolean> {
  const send = vscode.l10n.t('Send again');
  const list = attachments.map((a) => (a.attemptedAt ? vscode.l10n.t('{0} (sent {1})', a.file, when(a.attemptedAt)) : a.file)).join('\n');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('tilbago did not clearly answer for these attachments, so it may have them already. Send them again?'),
    { modal: true, detail: `${list}\n\n${vscode.l10n.t('Check the case in your tilbago account first: a second copy cannot be removed from here.')}` },
    send,
  );
  return answer === send;
}

export interface SubmitOptions {
  /** For callers of the public API that asked their user already. */
  readonly confirmFiling?: boolean;
}

export async function submitCase(services: CaseServices, argument: unknown, options: SubmitOptions = {}): Promise<SubmitOutcome['kind'] | undefined> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(vscode.l10n.t('Submitting to tilbago is disabled in Restricted Mode. Trust this workspace to submit cases.'));
    return undefined;
  }
  const folder = await resolveCaseFolder(services.configuration, argument, vscode.l10n.t('Which case should be submitted to tilbago?'), (r) => r?.state !== 'complete');
  if (!folder) return undefined;
  const client = await clientOrOfferKey(services.configuration, services.apiKey);
  if (!client) return undefined;
  const name = path.basename(folder);
  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Submitting {0} to tilbago', name) },
    (progress) =>
      submitCaseFolder(folder, {
        client,
        now: () => new Date(),
        confirmFiling: options.confirmFiling === false ? async () => true : confirmFiling,
        confirmAttachmentResend,
        lockRecovered: (owner) => {
          log().warn(`Submit ${name}: took over the lock of process ${owner.pid} on ${owner.host} (${owner.startedAt}), which is gone.`);
          void vscode.window.showInformationMessage(
            vscode.l10n.t('An earlier submission of {0} (started {1}) ended without finishing; this one takes over from where it stopped.', name, when(owner.startedAt)),
          );
        },
        progress: (step) =>
          progress.report({
            message: step.kind === 'case' ? vscode.l10n.t('the case…') : vscode.l10n.t('attachment {0} of {1}: {2}', step.index + 1, step.count, step.file),
          }),
      }),
  );
  services.casesChanged.fire();
  log().info(`Submit ${name}: ${outcome.kind}.`);
  reportSubmission(services, folder, outcome);
  return outcome.kind;
}

/** Says how a submission ended. Messages are not awaited: a command must not wait for a click to finish. */
function reportSubmission(services: CaseServices, folder: string, outcome: SubmitOutcome): void {
  const offerToOpen = (shown: Thenable<string | undefined>, button: string, file: string) =>
    void shown.then((answer) => {
      if (answer === button) void vscode.window.showTextDocument(vscode.Uri.file(path.join(folder, file)));
    });
  const openRecord = vscode.l10n.t('Open submission.json');
  const withRecordButton = (show: typeof vscode.window.showInformationMessage, message: string) => offerToOpen(show(message, openRecord), openRecord, SUBMISSION_FILE);
  switch (outcome.kind) {
    case 'cancelled':
      return;
    case 'busy':
      void vscode.window.showWarningMessage(vscode.l10n.t('Nothing was sent: {0}', describeLockOwner(outcome.owner)));
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
    case 'recordMismatch':
      offerToSetAside(services, folder, outcome.record, outcome.caseRef);
      return;
    case 'recordConflict':
      return withRecordButton(
        vscode.window.showWarningMessage,
        vscode.l10n.t('This attempt stopped: meanwhile another one recorded the tilbago case id {0} for this case. Its record was kept.', outcome.record.caseId ?? ''),
      );
    case 'attachmentProblem':
      void vscode.window.showErrorMessage(vscode.l10n.t('Nothing more was sent: {0}', describeAttachmentProblem(outcome.file, outcome.problem)));
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
        vscode.l10n.t('The case is at tilbago (case id {0}), but these attachments are not, or not surely: {1}. Submit again to send them.', outcome.record.caseId ?? '', outcome.failed.join(', ')),
      );
    case 'notCreated':
      return withRecordButton(
        vscode.window.showErrorMessage,
        vscode.l10n.t('tilbago did not create the case: {0} Nothing needs undoing; submit again when it is fixed.', describeApiError(outcome.error)),
      );
    case 'refused':
    case 'stillRefused': {
      const error = outcome.kind === 'refused' ? outcome.error : outcome.record.lastError?.error;
      const edit = vscode.l10n.t('Open case.json');
      offerToOpen(
        vscode.window.showErrorMessage(
          vscode.l10n.t('tilbago refused this case: {0} Correct case.json, then submit again; until it changes, it is not sent again.', error ? describeApiError(error) : ''),
          edit,
        ),
        edit,
        CASE_FILE,
      );
      return;
    }
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

/**
 * submission.json belongs to another reference than case.json (a copied folder, an edited reference): offer to
 * set it aside. When the earlier attempt may have created a case, the user is told to check first.
 */
function offerToSetAside(services: CaseServices, folder: string, record: SubmissionRecord, caseRef: string): void {
  const setAside = vscode.l10n.t('Set the old record aside');
  const unsure = record.state === 'sending' || record.state === 'uncertain';
  const message = vscode.l10n.t(
    'Nothing was sent: submission.json records the case "{0}", but case.json is now the case "{1}" (a copied folder, or an edited reference).',
    record.externalRef,
    caseRef,
  );
  const detail = record.caseId
    ? vscode.l10n.t('tilbago case id {0} belongs to "{1}" and is never used for another case. Setting the old record aside keeps it under a new name and lets this folder be filed as "{2}".', record.caseId, record.externalRef, caseRef)
    : unsure
      ? vscode.l10n.t('An attempt to file "{0}" ({1}) may have created a case at tilbago. Check your tilbago account before filing this folder as "{2}": if that case exists, filing under a new reference files the debt twice.', record.externalRef, when(record.attemptStartedAt), caseRef)
      : vscode.l10n.t('Setting the old record aside keeps it under a new name and lets this folder be filed as "{0}".', caseRef);
  void vscode.window.showWarningMessage(message, { modal: unsure, detail }, setAside).then(async (answer) => {
    if (answer !== setAside) return;
    const outcome = await setRecordAside(folder, new Date());
    services.casesChanged.fire();
    if (outcome.kind === 'busy') return void vscode.window.showWarningMessage(describeLockOwner(outcome.owner));
    if (outcome.kind === 'noRecord') return;
    log().info(`Set aside the record of ${path.basename(folder)} as ${outcome.file}.`);
    const submit = vscode.l10n.t('Submit');
    const next = await vscode.window.showInformationMessage(vscode.l10n.t('The old record is kept as {0}. Submit "{1}" now?', outcome.file, caseRef), submit);
    if (next === submit) await vscode.commands.executeCommand('tilbago.submitCase', vscode.Uri.file(folder));
  });
}

/** Case ids recorded in the cases folders, with the reference each belongs to. */
async function caseIdsInUse(configuration: TilbagoConfiguration): Promise<Map<string, string>> {
  const used = new Map<string, string>();
  for (const summary of await allCaseFolders(configuration)) if (summary.record?.caseId) used.set(summary.record.caseId, summary.record.externalRef);
  return used;
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
  const outcome = await recordCaseId(folder, caseId.trim(), new Date(), await caseIdsInUse(services.configuration));
  const problem = caseIdProblem(outcome);
  if (problem) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The case id was not recorded: {0}', problem));
    return undefined;
  }
  services.casesChanged.fire();
  const send = vscode.l10n.t('Send attachments');
  void vscode.window
    .showInformationMessage(vscode.l10n.t('Case id recorded. Send the attachments now?'), send)
    .then((answer) => answer === send && vscode.commands.executeCommand('tilbago.submitCase', vscode.Uri.file(folder)));
  return caseId.trim();
}

function caseIdProblem(outcome: CaseIdOutcome): string | undefined {
  switch (outcome.kind) {
    case 'recorded':
      return undefined;
    case 'invalidCaseId':
      return vscode.l10n.t('A tilbago case id has only letters, digits, and . _ ~ -');
    case 'busy':
      return describeLockOwner(outcome.owner);
    case 'noRecord':
      return vscode.l10n.t('This case was never submitted from here, so there is no attempt to complete.');
    case 'recordBroken':
      return vscode.l10n.t('submission.json in this case folder is not a record of this extension ({0}).', outcome.reason);
    case 'invalid':
      return vscode.l10n.t('case.json has {0} problem(s): {1}', outcome.problems.length, outcome.problems.slice(0, 6).map(describeCaseProblem).join('; '));
    case 'hasCaseId':
      return vscode.l10n.t('This case already has the case id {0}.', outcome.caseId);
    case 'recordMismatch':
      return vscode.l10n.t('submission.json records the case "{0}", but case.json is now "{1}".', outcome.recordRef, outcome.caseRef);
    case 'caseIdInUse':
      return vscode.l10n.t('this case id belongs to the case "{0}" in your cases folder.', outcome.externalRef);
  }
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
      else if (outcome.kind === 'busy') failures.push(`${item.name}: ${describeLockOwner(outcome.owner)}`);
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
