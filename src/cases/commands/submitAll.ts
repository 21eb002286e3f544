// "Tilbago: Submit all ready cases": the litigation cases of an invoicing run, filed together. One pick (all ready
// cases preselected), one confirmation that names how many and how much, then each case exactly once by the
// never-twice rules, cancellable between cases, and a summary of how each ended.
import * as vscode from 'vscode';
import { formatChf } from '../../shared/money';
import { clientOrOfferKey } from '../../tilbago/access';
import { describeApiError } from '../../tilbago/errors';
import { log } from '../../ui/log';
import { stagedCaseFolders, type CaseServices } from '../caseFolders';
import { casesCount } from '../counts';
import { submitCaseFolder, type SubmitOutcome } from '../model/submission';
import { forEachWithLimit } from '../../shared/concurrency';

/** Cases filed side by side: a few at a time keeps a run of hundreds short and tilbago unhurried. */
const AT_ONCE = 2;

export interface SubmitAllSummary {
  readonly filed: number;
  readonly refused: readonly string[];
  readonly uncertain: readonly string[];
  readonly other: readonly string[];
  readonly notStarted: number;
}

export async function submitAllReady(services: CaseServices): Promise<SubmitAllSummary | undefined> {
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('Submitting to tilbago is disabled in Restricted Mode. Trust this workspace to submit cases.'),
    );
    return undefined;
  }
  const ready = (await stagedCaseFolders(services.configuration)).filter((c) => c.stage.kind === 'ready' && c.summary.debtor);
  if (ready.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No case is ready for tilbago.'));
    return undefined;
  }
  const items = ready.map((c) => ({
    label: c.summary.name,
    description: `${c.summary.debtor!.name} · ${formatChf(c.summary.debtor!.amountRappen)}`,
    picked: true,
    folder: c.summary.folder,
    amountRappen: c.summary.debtor!.amountRappen,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    placeHolder: vscode.l10n.t('Which ready cases should be filed at tilbago?'),
  });
  if (!picked?.length) return undefined;
  const client = await clientOrOfferKey(services.configuration, services.apiKey);
  if (!client) return undefined;

  const total = picked.reduce((sum, item) => sum + item.amountRappen, 0);
  const review = vscode.l10n.t('Review the list');
  const file = vscode.l10n.t('File {0}', casesCount(picked.length));
  const listed = picked.slice(0, 12).map((item) => `${item.label} (${item.description})`);
  if (picked.length > listed.length) listed.push(vscode.l10n.t('(and {0} more)', picked.length - listed.length));
  // The first button files nothing: VS Code focuses it, and Enter pressed by reflex must not file hundreds.
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t(
      'File {0} at tilbago, {1} in all? Each is a debt-collection request: a legal step, with a fee.',
      casesCount(picked.length),
      formatChf(total),
    ),
    { modal: true, detail: [...listed, '', vscode.l10n.t('To: tilbago at {0}', client.host)].join('\n') },
    review,
    file,
  );
  if (answer === review) return submitAllReady(services);
  if (answer !== file) return undefined;

  const summary = { filed: 0, refused: [] as string[], uncertain: [] as string[], other: [] as string[], notStarted: 0 };
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Filing at tilbago'), cancellable: true },
    async (progress, token) => {
      const stop = new AbortController();
      token.onCancellationRequested(() => stop.abort());
      let done = 0;
      await forEachWithLimit(
        picked,
        AT_ONCE,
        async (item) => {
          const outcome = await submitCaseFolder(item.folder, {
            client,
            now: () => new Date(),
            // Confirmed above for all of them.
            confirmFiling: async () => true,
            // Attachments of an unclear earlier attempt are a question for one case, not for a run: they wait.
            confirmAttachmentResend: async () => false,
          });
          log().info(`Submit all: ${item.label}: ${outcome.kind}.`);
          note(summary, item.label, outcome);
          done++;
          progress.report({ increment: 100 / picked.length, message: vscode.l10n.t('{0} of {1}: {2}', done, picked.length, item.label) });
        },
        stop.signal,
      );
      summary.notStarted = picked.length - done;
    },
  );
  services.casesChanged.fire();
  report(summary);
  return summary;
}

function note(summary: { filed: number; refused: string[]; uncertain: string[]; other: string[] }, name: string, outcome: SubmitOutcome) {
  switch (outcome.kind) {
    case 'complete':
    case 'alreadyComplete':
      summary.filed++;
      return;
    case 'refused':
    case 'stillRefused': {
      const error = outcome.kind === 'refused' ? outcome.error : outcome.record.lastError?.error;
      summary.refused.push(error ? `${name}: ${describeApiError(error)}` : name);
      return;
    }
    case 'uncertain':
    case 'duplicate':
    case 'attachmentsFailed':
      summary.uncertain.push(name);
      return;
    default:
      summary.other.push(`${name} (${outcome.kind})`);
  }
}

function report(summary: SubmitAllSummary): void {
  const parts = [vscode.l10n.t('Filed: {0}.', casesCount(summary.filed))];
  if (summary.refused.length) parts.push(vscode.l10n.t('Refused by tilbago: {0}.', summary.refused.join('; ')));
  if (summary.uncertain.length) parts.push(vscode.l10n.t('Uncertain, open them in the cases view: {0}.', summary.uncertain.join(', ')));
  if (summary.other.length) parts.push(vscode.l10n.t('Not filed: {0}.', summary.other.join(', ')));
  if (summary.notStarted) parts.push(vscode.l10n.t('Cancelled before {0}.', casesCount(summary.notStarted)));
  const allFiled = parts.length === 1;
  const show = allFiled ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
  void show(parts.join(' '));
  log().info(`Submit all: ${parts.join(' ')}`);
}
