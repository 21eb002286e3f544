// "Tilbago: Submit debt-collection request": asks first, files the case and its attachments through the model's
// never-twice rules, and says how it ended, with what to do next.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { clientOrOfferKey } from '../../tilbago/access';
import { describeApiError } from '../../tilbago/errors';
import { formatChf } from '../../shared/money';
import { formatDateTime } from '../../ui/format';
import { log } from '../../ui/log';
import { resolveCaseFolder, type CaseServices } from '../caseFolders';
import { CASE_FILE, REMINDERS_FILE, SUBMISSION_FILE } from '../model/files';
import { readCaseFolderText } from '../model/caseFolderRead';
import { summarizeCaseFolder } from '../model/listing';
import { stageOf } from '../model/stage';
import type { CaseProblems } from '../problems';
import { formatSwissDate, type IsoDate, today } from '../../shared/dates';
import { isLetterFileName, lettersIn } from '../model/letterFile';
import { parseReminders } from '../model/remindersFile';
import { MAX_ATTACHMENTS, type AttachmentProblem } from '../model/attachments';
import type { SubmissionRecord } from '../model/record';
import {
  recordAttachmentsAtTilbago,
  setRecordAside,
  submitCaseFolder,
  type FilingSummary,
  type SubmitOutcome,
  type UncertainAttachment,
} from '../model/submission';
import { attachmentsCount, problemsCount } from '../counts';
import {
  describeFileProblem,
  describeInterest,
  describeLimitation,
  describeLockBusy,
  describeOfficeFee,
  describeReadProblem,
  describeRecordProblem,
  officeFeeBasis,
} from '../words';
import { mayBeTimeBarred } from '../model/claimLaw';
import { estimatedOfficeFee } from '../model/officeFee';

function describeAttachmentProblem(file: string, problem: AttachmentProblem): string {
  switch (problem) {
    case 'tooLarge':
      return vscode.l10n.t('the attachment {0} is larger than 20 MB.', file);
    case 'tooMany':
      return vscode.l10n.t('attachments/ holds more than {0} files.', MAX_ATTACHMENTS);
    case 'link':
      return file
        ? vscode.l10n.t('attachments/{0} is a symbolic link; put the file itself there.', file)
        : vscode.l10n.t('attachments/ is a symbolic link; make it a real folder.');
    case 'notAFile':
      return file
        ? vscode.l10n.t('attachments/{0} is not a file; attachments/ may hold files only.', file)
        : vscode.l10n.t('attachments is not a folder.');
    case 'changing':
      return vscode.l10n.t('the attachment {0} changed while it was read; submit again once it is complete.', file);
    case 'unreadable':
      return file ? vscode.l10n.t('the attachment {0} cannot be read.', file) : vscode.l10n.t('attachments/ cannot be read.');
  }
}

/**
 * The modal before a case is filed: who, how much, what goes along, and where. VS Code focuses a modal's first
 * button and lets no extension focus Cancel instead, so the first button is one that files nothing (Review
 * case.json): Enter pressed by reflex never files a request.
 */
async function confirmFiling(folder: string, summary: FilingSummary): Promise<boolean> {
  const review = vscode.l10n.t('Review case.json');
  const file = vscode.l10n.t('File request');
  const letters = await lettersIn(folder);
  const others = summary.attachments.filter((name) => !isLetterFileName(name));
  const read = await readCaseFolderText(folder, REMINDERS_FILE);
  const reminders = parseReminders('text' in read ? read.text : '');
  const invoiceDate = reminders.ok ? reminders.facts.invoiceDate : undefined;
  const lines = [
    vscode.l10n.t('Debtor: {0}', summary.debtor),
    vscode.l10n.t('Amount: {0}', formatChf(summary.amountRappen)),
    vscode.l10n.t('Interest: {0}', describeInterest(summary.interest)),
    vscode.l10n.t('Office fee: {0}', describeOfficeFee(estimatedOfficeFee(summary.amountRappen))),
    ...(invoiceDate && mayBeTimeBarred(invoiceDate, today()) ? [`⚠ ${describeLimitation(invoiceDate)}.`] : []),
    letters.length
      ? vscode.l10n.t(
          '3rd reminder letter: {0}',
          letters.map((l) => vscode.l10n.t('{0} (made {1})', l.file, formatSwissDate(l.madeOn))).join(', '),
        )
      : vscode.l10n.t('3rd reminder letter: none'),
    others.length ? vscode.l10n.t('Other attachments: {0}', others.join(', ')) : vscode.l10n.t('Other attachments: none'),
    ...letterWarnings(letters, reminders.ok ? reminders.facts.reminders.third : undefined),
    vscode.l10n.t('Reference: {0}', summary.externalRef),
    vscode.l10n.t('To: tilbago at {0}', summary.host),
    '',
    officeFeeBasis(),
  ];
  if (summary.earlierAttempt) {
    lines.push(
      '',
      vscode.l10n.t(
        "An earlier attempt ({0}) stopped before tilbago's answer was recorded: tilbago may already have this case. Filing again is safe only because tilbago refuses a second case with the same reference; then you enter the case id from your tilbago account.",
        formatDateTime(summary.earlierAttempt.startedAt),
      ),
    );
  }
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('File a debt-collection request at tilbago? It is a legal step, and tilbago charges a fee for it.'),
    { modal: true, detail: lines.join('\n') },
    review,
    file,
  );
  if (answer === review) await vscode.window.showTextDocument(vscode.Uri.file(path.join(folder, CASE_FILE)));
  return answer === file;
}

/** What looks wrong about the letters that would go along: more than one, or one made after the 3rd reminder went out. */
function letterWarnings(letters: readonly { file: string; madeOn: IsoDate }[], third: IsoDate | undefined): string[] {
  const warnings: string[] = [];
  if (letters.length > 1)
    warnings.push(vscode.l10n.t('⚠ {0} letters would go along: the office should get the one the debtor received.', letters.length));
  for (const letter of letters) {
    if (third !== undefined && letter.madeOn > third) {
      warnings.push(
        vscode.l10n.t(
          '⚠ {0} was made on {1}, after the 3rd reminder went out ({2} in reminders.json): it is not the letter the debtor received.',
          letter.file,
          formatSwissDate(letter.madeOn),
          formatSwissDate(third),
        ),
      );
    }
  }
  return warnings;
}

/**
 * Attachments sent without a clear answer: send them again, or record that the user found them in the tilbago
 * account (then they are never sent again), or leave them as they are.
 */
async function askAboutUncertainAttachments(attachments: readonly UncertainAttachment[]): Promise<'send' | 'atTilbago' | 'leave'> {
  const atTilbago = vscode.l10n.t('They are at tilbago');
  const send = vscode.l10n.t('Send again');
  const list = attachments
    .map((a) => (a.attemptedAt ? vscode.l10n.t('{0} (sent {1})', a.file, formatDateTime(a.attemptedAt)) : a.file))
    .join('\n');
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('tilbago did not clearly answer for these attachments, so it may have them already. Send them again?'),
    {
      modal: true,
      detail: `${list}\n\n${vscode.l10n.t('Check the case in your tilbago account first: a second copy cannot be removed from here.')}`,
    },
    atTilbago,
    send,
  );
  return answer === send ? 'send' : answer === atTilbago ? 'atTilbago' : 'leave';
}

export interface SubmitOptions {
  /** For callers of the public API that asked their user already. */
  readonly confirmFiling?: boolean;
}

export async function submitCase(
  services: CaseServices,
  argument: unknown,
  options: SubmitOptions,
  problems: CaseProblems,
): Promise<SubmitOutcome['kind'] | undefined> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('Submitting to tilbago is disabled in Restricted Mode. Trust this workspace to submit cases.'),
    );
    return undefined;
  }
  const folder = await resolveCaseFolder(
    services.configuration,
    argument,
    vscode.l10n.t('Which case should be submitted to tilbago?'),
    (r) => r?.state !== 'complete',
  );
  if (!folder) return undefined;
  if (options.confirmFiling !== false && !(await confirmBeforeLitigation(services, folder))) return 'cancelled';
  const client = await clientOrOfferKey(services.configuration, services.apiKey);
  if (!client) return undefined;
  const name = path.basename(folder);
  let foundAtTilbago: readonly string[] = [];
  // Shown from the first request on: before it, the questions are asked, and a toast behind them would say
  // "Submitting" before the user said yes.
  const progress = progressFromFirstStep(vscode.l10n.t('Submitting {0} to tilbago', name));
  let outcome: SubmitOutcome;
  try {
    outcome = await submitCaseFolder(folder, {
      client,
      now: () => new Date(),
      confirmFiling: options.confirmFiling === false ? async () => true : (summary) => confirmFiling(folder, summary),
      confirmAttachmentResend: async (attachments) => {
        const answer = await askAboutUncertainAttachments(attachments);
        if (answer === 'atTilbago') foundAtTilbago = attachments.map((a) => a.file);
        return answer === 'send';
      },
      lockRecovered: (owner) => {
        log().warn(`Submit ${name}: took over the lock of process ${owner.pid} on ${owner.host} (${owner.startedAt}), which is gone.`);
        void vscode.window.showInformationMessage(
          vscode.l10n.t(
            'An earlier submission of {0} (started {1}) ended without finishing; this one takes over from where it stopped.',
            name,
            formatDateTime(owner.startedAt),
          ),
        );
      },
      progress: (step) =>
        progress.report(
          step.kind === 'case'
            ? vscode.l10n.t('the case…')
            : vscode.l10n.t('attachment {0} of {1}: {2}', step.index + 1, step.count, step.file),
        ),
    });
  } finally {
    progress.done();
  }
  if (foundAtTilbago.length > 0 && outcome.kind === 'attachmentsFailed') {
    const marked = await recordAttachmentsAtTilbago(folder, foundAtTilbago, new Date());
    log().info(`Submit ${name}: ${foundAtTilbago.join(', ')} recorded as found at tilbago by the user (${marked.kind}).`);
    if (marked.kind === 'recorded') outcome = marked.outcome;
  }
  services.casesChanged.fire();
  log().info(`Submit ${name}: ${outcome.kind}.`);
  if (outcome.kind === 'invalid') await problems.checkFolders([folder]);
  reportSubmission(services, folder, outcome);
  return outcome.kind;
}

/** A progress notification that appears with its first step, and ends with `done`. */
function progressFromFirstStep(title: string) {
  let shown: vscode.Progress<{ message?: string }> | undefined;
  let started = false;
  let latest = '';
  let finish = () => {};
  const finished = new Promise<void>((resolve) => {
    finish = resolve;
  });
  return {
    report(message: string) {
      latest = message;
      if (shown) shown.report({ message });
      if (started) return;
      started = true;
      // Until VS Code hands over the notification, the latest message waits in `latest`.
      void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title }, (progress) => {
        shown = progress;
        progress.report({ message: latest });
        return finished;
      });
    },
    done: () => finish(),
  };
}

/**
 * A case that is not a litigation case yet by the Rappel 3 delays (the 3rd reminder not sent, or its delay still
 * running) is filed only when the user says so, knowing the date it would be one.
 */
async function confirmBeforeLitigation(services: CaseServices, folder: string): Promise<boolean> {
  const summary = await summarizeCaseFolder(folder);
  if (!summary?.reminders?.second) return true;
  const delays = services.configuration.read(vscode.Uri.file(folder)).thirdReminder;
  // By its dates alone: the record and the files' problems have their own questions and messages.
  const stage = stageOf({ folder, name: summary.name, problems: 0, reminders: summary.reminders }, delays, today());
  if (stage.kind !== 'waiting' && stage.kind !== 'thirdReminderDue') return true;
  const review = vscode.l10n.t('Open reminders.json');
  const file = vscode.l10n.t('File it now');
  const { daysBeforeCollection } = delays;
  // Only a 3rd reminder sent has a litigation date; before it, the date depends on a day not known yet.
  const question =
    stage.kind === 'waiting' && stage.for === 'litigation'
      ? vscode.l10n.t(
          '{0} is not a litigation case yet: its 3rd reminder went out on {1}, and by the Rappel 3 delays it becomes one on {2}. File it now anyway?',
          summary.name,
          formatSwissDate(summary.reminders.third ?? ''),
          formatSwissDate(stage.until),
        )
      : stage.kind === 'waiting'
        ? vscode.l10n.t(
            '{0} is not a litigation case yet: its 3rd reminder has not been sent, and is due on {1}. File it now anyway?',
            summary.name,
            formatSwissDate(stage.until),
          )
        : vscode.l10n.t(
            '{0} is not a litigation case yet: its 3rd reminder has not been sent (due since {1}). File it now anyway?',
            summary.name,
            formatSwissDate(stage.since),
          );
  const answer = await vscode.window.showWarningMessage(
    question,
    {
      modal: true,
      detail:
        stage.kind === 'waiting' && stage.for === 'litigation'
          ? vscode.l10n.t('The delay before litigation is {0} days after the 3rd reminder.', daysBeforeCollection)
          : vscode.l10n.t(
              'By the Rappel 3 rules a case becomes a litigation case {0} days after its 3rd reminder went out. Record the day it went out with "Record the 3rd reminder as sent".',
              daysBeforeCollection,
            ),
    },
    review,
    file,
  );
  if (answer === review) await vscode.window.showTextDocument(vscode.Uri.file(path.join(folder, REMINDERS_FILE)));
  return answer === file;
}

/** Says how a submission ended. Messages are not awaited: a command must not wait for a click to finish. */
function reportSubmission(services: CaseServices, folder: string, outcome: SubmitOutcome): void {
  const offerToOpen = (shown: Thenable<string | undefined>, button: string, file: string) =>
    void shown.then((answer) => {
      if (answer === button) void vscode.window.showTextDocument(vscode.Uri.file(path.join(folder, file)));
    });
  const openRecord = vscode.l10n.t('Open submission.json');
  const withRecordButton = (show: typeof vscode.window.showInformationMessage, message: string) =>
    offerToOpen(show(message, openRecord), openRecord, SUBMISSION_FILE);
  switch (outcome.kind) {
    case 'cancelled':
      return;
    case 'busy':
      void vscode.window.showWarningMessage(
        outcome.state === 'lost' ? describeLockBusy(outcome) : vscode.l10n.t('Nothing was sent: {0}', describeLockBusy(outcome)),
      );
      return;
    case 'invalid': {
      // Each problem at its place, in the Problems panel: a list the user can work through, not a cut sentence.
      for (const problem of outcome.problems) log().warn(`case.json: ${describeFileProblem(problem, 'case')}`);
      void vscode.commands.executeCommand('workbench.actions.view.problems');
      const edit = vscode.l10n.t('Open case.json');
      offerToOpen(
        vscode.window.showErrorMessage(
          vscode.l10n.t('Nothing was sent: case.json has {0}, listed in the Problems panel.', problemsCount(outcome.problems.length)),
          edit,
        ),
        edit,
        CASE_FILE,
      );
      return;
    }
    case 'noCaseFile':
      void vscode.window.showErrorMessage(
        vscode.l10n.t('Nothing was sent: {0} has no case.json, so it is not a case folder.', path.basename(folder)),
      );
      return;
    case 'recordBroken':
      void vscode.window.showErrorMessage(
        vscode.l10n.t(
          'Nothing was sent: submission.json in this case folder is not a record of this extension ({0}). It was left as it is; rename it if it is not needed.',
          describeRecordProblem(outcome.reason),
        ),
      );
      return;
    case 'unreadable':
      void vscode.window.showErrorMessage(vscode.l10n.t('Nothing was sent: {0}', describeReadProblem(outcome.file, outcome.problem)));
      return;
    case 'recordMismatch':
      offerToSetAside(services, folder, outcome.record, outcome.caseRef);
      return;
    case 'recordConflict':
      withRecordButton(
        vscode.window.showWarningMessage,
        vscode.l10n.t(
          'This attempt stopped: meanwhile another one recorded the tilbago case id {0} for this case. Its record was kept.',
          outcome.record.caseId ?? '',
        ),
      );
      return;
    case 'attachmentProblem':
      void vscode.window.showErrorMessage(
        vscode.l10n.t('Nothing more was sent: {0}', describeAttachmentProblem(outcome.file, outcome.problem)),
      );
      return;
    case 'alreadyComplete':
      withRecordButton(
        vscode.window.showInformationMessage,
        vscode.l10n.t('This case was filed already (tilbago case id {0}); it is not sent again.', outcome.record.caseId ?? ''),
      );
      return;
    case 'complete':
      withRecordButton(
        vscode.window.showInformationMessage,
        vscode.l10n.t(
          'Filed at tilbago: case id {0}, with {1}.',
          outcome.record.caseId ?? '',
          attachmentsCount(outcome.record.attachments.length),
        ),
      );
      return;
    case 'attachmentsFailed':
      withRecordButton(
        vscode.window.showWarningMessage,
        vscode.l10n.t(
          'The case is at tilbago (case id {0}), but these attachments are not, or not surely: {1}. Submit again to send them.',
          outcome.record.caseId ?? '',
          outcome.failed.join(', '),
        ),
      );
      return;
    case 'notCreated':
      withRecordButton(
        vscode.window.showErrorMessage,
        vscode.l10n.t(
          'tilbago did not create the case: {0} Nothing needs undoing; submit again when it is fixed.',
          describeApiError(outcome.error),
        ),
      );
      return;
    case 'refused':
    case 'stillRefused': {
      const error = outcome.kind === 'refused' ? outcome.error : outcome.record.lastError?.error;
      const edit = vscode.l10n.t('Open case.json');
      offerToOpen(
        vscode.window.showErrorMessage(
          vscode.l10n.t(
            'tilbago refused this case: {0} Correct case.json, then submit again; until it changes, it is not sent again.',
            error ? describeApiError(error) : '',
          ),
          edit,
        ),
        edit,
        CASE_FILE,
      );
      return;
    }
    case 'uncertain':
      withRecordButton(
        vscode.window.showWarningMessage,
        vscode.l10n.t(
          '{0} tilbago may or may not have created the case. Submit again to find out: tilbago refuses a second case with the same reference.',
          describeApiError(outcome.error),
        ),
      );
      return;
    case 'duplicate': {
      const enter = vscode.l10n.t('Enter case id');
      void vscode.window
        .showWarningMessage(
          vscode.l10n.t(
            'tilbago already has a case with the reference "{0}", most likely from an interrupted attempt. Find its case id in your tilbago account and enter it here; then the attachments can be sent.',
            outcome.record.externalRef,
          ),
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
    ? vscode.l10n.t(
        'tilbago case id {0} belongs to "{1}" and is never used for another case. Setting the old record aside keeps it under a new name and lets this folder be filed as "{2}".',
        record.caseId,
        record.externalRef,
        caseRef,
      )
    : unsure
      ? vscode.l10n.t(
          'An attempt to file "{0}" ({1}) may have created a case at tilbago. Check your tilbago account before filing this folder as "{2}": if that case exists, filing under a new reference files the debt twice.',
          record.externalRef,
          formatDateTime(record.attemptStartedAt),
          caseRef,
        )
      : vscode.l10n.t('Setting the old record aside keeps it under a new name and lets this folder be filed as "{0}".', caseRef);
  void vscode.window.showWarningMessage(message, { modal: unsure, detail }, setAside).then(async (answer) => {
    if (answer !== setAside) return;
    const outcome = await setRecordAside(folder, new Date());
    services.casesChanged.fire();
    if (outcome.kind === 'busy') return void vscode.window.showWarningMessage(describeLockBusy(outcome));
    if (outcome.kind === 'noRecord') return;
    log().info(`Set aside the record of ${path.basename(folder)} as ${outcome.file}.`);
    const submit = vscode.l10n.t('Submit');
    const next = await vscode.window.showInformationMessage(
      vscode.l10n.t('The old record is kept as {0}. Submit "{1}" now?', outcome.file, caseRef),
      submit,
    );
    if (next === submit) await vscode.commands.executeCommand('tilbago.submitCase', vscode.Uri.file(folder));
  });
}
