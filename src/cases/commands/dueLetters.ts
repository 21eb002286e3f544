// "Tilbago: Create the 3rd reminders of all due cases": an invoicing run's third reminders at once. One pick (the
// due cases, those holding a letter already left out), one confirmation, each case's PDF in its own attachments/,
// and one PDF of all of them for printing, opened at the end; then one question for the day they go out.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { formatSwissDate, today } from '../../shared/dates';
import { formatChf } from '../../shared/money';
import { addNameIfFree } from '../../shared/jsonFile';
import { log } from '../../ui/log';
import { openPdf } from '../../ui/openFile';
import { stagedCaseFolders, type CaseServices } from '../caseFolders';
import { confirmationList } from '../words';
import { casesCount, lettersCount } from '../counts';
import { candidateFileNames, lettersIn } from '../model/letterFile';
import { CaseLetterError, caseLetterInput, LetterWriteError, writeLetter } from './createLetter';
import { askDaySent, recordDaySentForAll } from './recordSent';

export interface DueLettersSummary {
  /** The case folders whose letter was made, in the print PDF's order. */
  readonly made: readonly string[];
  /** `name: why`, for each case without a letter. */
  readonly failed: readonly string[];
  readonly notStarted: number;
  /** The print PDF; undefined when no letter was made. */
  readonly printFile?: string;
}

export async function createDueLetters(services: CaseServices): Promise<DueLettersSummary | undefined> {
  const due = (await stagedCaseFolders(services.configuration)).filter((c) => c.stage.kind === 'thirdReminderDue');
  if (due.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No case has its 3rd reminder due.'));
    return undefined;
  }
  const items = await Promise.all(
    due.map(async ({ summary }) => {
      const letters = await lettersIn(summary.folder);
      return {
        label: summary.name,
        description: summary.debtor ? `${summary.debtor.name} · ${formatChf(summary.debtor.amountRappen)}` : '',
        // A case holding a letter already is asked about one by one, not made again in bulk.
        ...(letters.length
          ? {
              detail: vscode.l10n.t(
                'Holds a 3rd reminder letter already: {0}',
                letters.map((l) => vscode.l10n.t('{0} (made {1})', l.file, formatSwissDate(l.madeOn))).join(', '),
              ),
            }
          : {}),
        picked: letters.length === 0,
        folder: summary.folder,
        amountRappen: summary.debtor?.amountRappen ?? 0,
      };
    }),
  );
  const picked = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    placeHolder: vscode.l10n.t('Whose 3rd reminders should be made?'),
  });
  if (!picked?.length) return undefined;

  const total = picked.reduce((sum, item) => sum + item.amountRappen, 0);
  const review = vscode.l10n.t('Review the list');
  const make = vscode.l10n.t('Make {0}', lettersCount(picked.length));
  const listed = confirmationList(picked);
  const answer = await vscode.window.showInformationMessage(
    vscode.l10n.t('Make the 3rd reminders of {0}, {1} in all?', casesCount(picked.length), formatChf(total)),
    {
      modal: true,
      detail: [
        ...listed,
        '',
        vscode.l10n.t("Each letter goes into its case's attachments/, and one PDF holds them all, one after the other, for printing."),
      ].join('\n'),
    },
    review,
    make,
  );
  if (answer === review) return createDueLetters(services);
  if (answer !== make) return undefined;

  const casesFolder = path.dirname(picked[0]!.folder);
  const day = today();
  await removeOldPrintTemporaries(casesFolder);
  const temporary = path.join(casesFolder, `.3rd-reminders-${day}.${process.pid}.tmp`);
  const { makeLetterRun } = await import('../model/letterRun');
  const outcome = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Making the 3rd reminders'), cancellable: true },
    (progress, token) => {
      const stop = new AbortController();
      token.onCancellationRequested(() => stop.abort());
      return makeLetterRun(picked, temporary, {
        prepare: async (item) => {
          const letter = await caseLetterInput(services, item.folder);
          return { input: letter.input, fileName: letter.fileName };
        },
        write: (item, fileName, bytes) => writeLetter(item.folder, fileName, bytes),
        progress: (done, item) =>
          progress.report({ increment: 100 / picked.length, message: vscode.l10n.t('{0} of {1}: {2}', done, picked.length, item.label) }),
        signal: stop.signal,
      });
    },
  );
  services.casesChanged.fire();
  const failed = outcome.failed.map(({ item, error }) => {
    if (!(error instanceof CaseLetterError || error instanceof LetterWriteError))
      log().error(`3rd reminders: ${item.label}: ${String(error)}`);
    return `${item.label}: ${error instanceof Error ? error.message : String(error)}`;
  });
  const printFile = outcome.made.length ? await keepPrintFile(temporary, casesFolder, day) : undefined;
  if (!printFile) await fs.rm(temporary, { force: true });
  log().info(`3rd reminders: ${outcome.made.length} made, ${failed.length} failed, ${outcome.notStarted} not started.`);
  for (const line of failed) log().warn(`3rd reminders: not made for ${line}`);

  const summary: DueLettersSummary = {
    made: outcome.made.map(({ item }) => item.folder),
    failed,
    notStarted: outcome.notStarted,
    ...(printFile ? { printFile } : {}),
  };
  void afterRun(services, summary);
  return summary;
}

/** A run's print PDF while it is written, `.3rd-reminders-2026-12-02.<pid>.tmp`: one a day old is from a crash. */
const PRINT_TEMPORARY = /^\.3rd-reminders-\d{4}-\d{2}-\d{2}\.\d+\.tmp$/;
const DAY_MS = 24 * 60 * 60 * 1000;

async function removeOldPrintTemporaries(casesFolder: string): Promise<void> {
  for (const name of await fs.readdir(casesFolder).catch(() => [])) {
    if (!PRINT_TEMPORARY.test(name)) continue;
    const file = path.join(casesFolder, name);
    const stat = await fs.lstat(file).catch(() => undefined);
    if (stat?.isFile() && Date.now() - stat.mtimeMs > DAY_MS) await fs.rm(file, { force: true });
  }
}

/** The print PDF under its name in the cases folder (`3rd-reminders-2026-12-02.pdf`, or `-2` …), never over a file. */
async function keepPrintFile(temporary: string, casesFolder: string, day: string): Promise<string> {
  for (const name of candidateFileNames(`3rd-reminders-${day}.pdf`, new Set())) {
    const file = path.join(casesFolder, name);
    if (await addNameIfFree(temporary, file)) {
      await fs.rm(temporary, { force: true });
      return file;
    }
  }
  throw new Error(`no free name for the print PDF in ${casesFolder}`);
}

/** Opens the print PDF, says how the run ended (naming each case without a letter), and asks when they go out. */
async function afterRun(services: CaseServices, summary: DueLettersSummary): Promise<void> {
  if (summary.printFile) void openPdf(vscode.Uri.file(summary.printFile));
  const parts = [
    summary.printFile
      ? vscode.l10n.t('Made: {0}, all in {1} for printing.', lettersCount(summary.made.length), path.basename(summary.printFile))
      : vscode.l10n.t('No letter was made.'),
  ];
  if (summary.failed.length) parts.push(vscode.l10n.t('Not made: {0}.', summary.failed.join('; ')));
  if (summary.notStarted) parts.push(vscode.l10n.t('Cancelled before {0}.', casesCount(summary.notStarted)));
  if (summary.made.length === 0) {
    void vscode.window.showWarningMessage(parts.join(' '));
    return;
  }
  parts.push(vscode.l10n.t('When do they go out?'));
  const day = await askDaySent(parts.join(' '));
  if (day !== undefined) await recordDaySentForAll(services, summary.made, day);
}
