// "Tilbago: Record the 3rd reminder as sent": the day the letter went out, written into reminders.json, so the
// delay before litigation starts. Asked after a letter is made, and on its own for letters sent otherwise (by
// e-mail, from the invoicing system).
import * as path from 'node:path';
import * as vscode from 'vscode';
import { addDays, formatSwissDate, type IsoDate, readSwissDate, today } from '../../shared/dates';
import { log } from '../../ui/log';
import { resolveCaseFolder, stagedCaseFolders, type CaseServices } from '../caseFolders';
import { casesCount } from '../counts';
import { recordThirdReminderSent, type RecordSentOutcome } from '../model/thirdReminderSent';
import { describeLockBusy, describeReadProblem } from '../words';

/** How far ahead a day may be given: a letter posted on Monday, recorded on Friday. */
const MAX_DAYS_AHEAD = 31;

/**
 * Asks on which day the letter(s) went out: today, another day (typed), or not yet (undefined).
 * `question` is the sentence the buttons answer.
 */
export async function askDaySent(question: string, extra: readonly string[] = []): Promise<IsoDate | string | undefined> {
  const day = today();
  const sentToday = vscode.l10n.t('Sent today ({0})', formatSwissDate(day));
  const anotherDay = vscode.l10n.t('Another day…');
  const answer = await vscode.window.showInformationMessage(question, sentToday, anotherDay, ...extra);
  if (answer === sentToday) return day;
  if (answer === anotherDay) return askDay();
  return answer;
}

async function askDay(): Promise<IsoDate | undefined> {
  const latest = addDays(today(), MAX_DAYS_AHEAD);
  const typed = await vscode.window.showInputBox({
    title: vscode.l10n.t('The day the 3rd reminder went out'),
    prompt: vscode.l10n.t('The date, dd.mm.yyyy'),
    value: formatSwissDate(today()),
    ignoreFocusOut: true,
    validateInput: (text) => {
      const date = readSwissDate(text);
      if (date === undefined) return vscode.l10n.t('A real date, dd.mm.yyyy (e.g. {0}).', formatSwissDate(today()));
      if (date > latest) return vscode.l10n.t('At most {0} days ahead.', MAX_DAYS_AHEAD);
      return undefined;
    },
  });
  return typed === undefined ? undefined : readSwissDate(typed);
}

/**
 * Writes the day into the case's reminders.json and says what follows (the litigation date); an other day already
 * recorded is replaced only after the user agreed. Resolves to whether the day is recorded now.
 */
export async function recordDaySent(services: CaseServices, folder: string, day: IsoDate, quiet = false): Promise<boolean> {
  let outcome = await recordThirdReminderSent(folder, day);
  if (outcome.kind === 'recordedAlready') {
    const replace = vscode.l10n.t('Replace with {0}', formatSwissDate(day));
    const answer = await vscode.window.showWarningMessage(
      vscode.l10n.t(
        'reminders.json of {0} says the 3rd reminder went out on {1}. Replace that date with {2}?',
        path.basename(folder),
        formatSwissDate(outcome.date),
        formatSwissDate(day),
      ),
      { modal: true },
      replace,
    );
    if (answer !== replace) return false;
    outcome = await recordThirdReminderSent(folder, day, true);
  }
  services.casesChanged.fire();
  const problem = describeOutcome(path.basename(folder), day, outcome);
  log().info(`Record the 3rd reminder of ${path.basename(folder)} as sent on ${day}: ${outcome.kind}.`);
  if (problem) {
    void vscode.window.showWarningMessage(problem);
    return false;
  }
  if (!quiet) void vscode.window.showInformationMessage(recordedSentence(services, folder, day));
  return true;
}

/** "Recorded: … went out on 02.12.2026; by the Rappel 3 delays it can go to tilbago from 12.12.2026." */
function recordedSentence(services: CaseServices, folder: string, day: IsoDate): string {
  const { daysBeforeCollection } = services.configuration.read(vscode.Uri.file(folder)).thirdReminder;
  return vscode.l10n.t(
    'Recorded in reminders.json: the 3rd reminder of {0} went out on {1}. By the Rappel 3 delays it becomes a litigation case on {2}.',
    path.basename(folder),
    formatSwissDate(day),
    formatSwissDate(addDays(day, daysBeforeCollection)),
  );
}

/** Why the day was not recorded, in words; undefined when it was. */
function describeOutcome(name: string, day: IsoDate, outcome: RecordSentOutcome): string | undefined {
  switch (outcome.kind) {
    case 'recorded':
    case 'unchanged':
      return undefined;
    case 'recordedAlready':
      return vscode.l10n.t(
        '{0} keeps the date of its 3rd reminder, {1} (change it with "Record the 3rd reminder as sent").',
        name,
        formatSwissDate(outcome.date),
      );
    case 'beforeSecond':
      return outcome.second
        ? vscode.l10n.t(
            'Not recorded for {0}: {1} is before the 2nd reminder ({2}) in reminders.json.',
            name,
            formatSwissDate(day),
            formatSwissDate(outcome.second),
          )
        : vscode.l10n.t('Not recorded for {0}: reminders.json has no date of the 2nd reminder, which the 3rd follows.', name);
    case 'invalid':
      return vscode.l10n.t('Not recorded for {0}: reminders.json has problems; fix them first (see the Problems panel).', name);
    case 'noReminders':
      return vscode.l10n.t('Not recorded for {0}: the case has no reminders.json.', name);
    case 'unreadable':
      return vscode.l10n.t('Not recorded for {0}: {1}', name, describeReadProblem(outcome.file, outcome.problem));
    case 'busy':
      return vscode.l10n.t('Not recorded for {0}: {1}', name, describeLockBusy(outcome));
  }
}

/** Records the day for several cases at once; says how many, and names those that could not be. */
export async function recordDaySentForAll(services: CaseServices, folders: readonly string[], day: IsoDate): Promise<number> {
  const problems: string[] = [];
  let recorded = 0;
  for (const folder of folders) {
    const outcome = await recordThirdReminderSent(folder, day);
    const problem = describeOutcome(path.basename(folder), day, outcome);
    if (problem) problems.push(problem);
    else recorded++;
  }
  services.casesChanged.fire();
  const done = vscode.l10n.t(
    'Recorded in reminders.json: the 3rd reminder of {0} went out on {1}.',
    casesCount(recorded),
    formatSwissDate(day),
  );
  if (problems.length) void vscode.window.showWarningMessage(`${done} ${problems.join(' ')}`);
  else void vscode.window.showInformationMessage(done);
  log().info(`Record the 3rd reminder as sent on ${day}: ${recorded} of ${folders.length} recorded.`);
  return recorded;
}

/** The command: a case from the argument or a pick (those whose 3rd reminder is due first), then the day. */
export async function recordThirdReminderCommand(services: CaseServices, argument: unknown): Promise<IsoDate | undefined> {
  let folder: string | undefined;
  if (argument === undefined && !vscode.window.activeTextEditor) {
    const due = (await stagedCaseFolders(services.configuration)).filter((c) => c.stage.kind === 'thirdReminderDue');
    if (due.length > 0) {
      const picked = await vscode.window.showQuickPick(
        due.map((c) => ({ label: c.summary.name, description: c.summary.debtor?.name ?? '', folder: c.summary.folder })),
        { placeHolder: vscode.l10n.t('Whose 3rd reminder went out?') },
      );
      if (!picked) return undefined;
      folder = picked.folder;
    }
  }
  folder ??= await resolveCaseFolder(services.configuration, argument, vscode.l10n.t('Whose 3rd reminder went out?'));
  if (!folder) return undefined;
  const day = await askDaySent(vscode.l10n.t('When did the 3rd reminder of {0} go out?', path.basename(folder)));
  if (day === undefined) return undefined;
  return (await recordDaySent(services, folder, day)) ? day : undefined;
}
