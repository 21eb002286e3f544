// "Tilbago: Submit all ready cases": the litigation cases of an invoicing run, filed together. One pick (all ready
// cases preselected), one confirmation that names how many and how much, then each case exactly once by the
// never-twice rules, cancellable between cases, and a summary of how each ended.
import * as vscode from 'vscode';
import { formatChf } from '../../shared/money';
import { clientOrOfferKey } from '../../tilbago/access';
import { describeApiError } from '../../tilbago/errors';
import { log } from '../../ui/log';
import { stagedCaseFolders, type CaseServices } from '../caseFolders';
import { confirmationList, describeInterest, describeLimitation, officeFeeBasis } from '../words';
import { mayBeTimeBarred } from '../model/claimLaw';
import { estimatedOfficeFee } from '../model/officeFee';
import { today } from '../../shared/dates';
import { casesCount } from '../counts';
import { submitCaseFolder } from '../model/submission';
import { submitRun, type RunResult, type RunStop } from '../model/submitRun';

/** Cases filed side by side: a few at a time keeps a run of hundreds short and tilbago unhurried. */
const AT_ONCE = 2;

export interface SubmitAllSummary {
  /** Filed by this run (not those found filed already, nor those another run held). */
  readonly filed: number;
  readonly alreadyFiled: number;
  readonly busy: readonly string[];
  readonly refused: readonly string[];
  readonly uncertain: readonly string[];
  readonly other: readonly string[];
  readonly notStarted: number;
  readonly stopped?: RunStop;
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
    description: `${c.summary.debtor!.name} · ${formatChf(c.summary.debtor!.amountRappen)} · ${vscode.l10n.t('interest {0}', describeInterest(c.summary.debtor!.interest))}`,
    picked: true,
    folder: c.summary.folder,
    amountRappen: c.summary.debtor!.amountRappen,
    invoiceDate: c.summary.invoiceDate,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    canPickMany: true,
    placeHolder: vscode.l10n.t('Which ready cases should be filed at tilbago?'),
  });
  if (!picked?.length) return undefined;
  const client = await clientOrOfferKey(services.configuration, services.apiKey);
  if (!client) return undefined;

  const total = picked.reduce((sum, item) => sum + item.amountRappen, 0);
  // Each request has its own fee: the sum of theirs, not the fee of the sum.
  const fees = picked.reduce((sum, item) => sum + estimatedOfficeFee(item.amountRappen), 0);
  const old = picked.flatMap((item) =>
    item.invoiceDate && mayBeTimeBarred(item.invoiceDate, today()) ? [`⚠ ${item.label}: ${describeLimitation(item.invoiceDate)}.`] : [],
  );
  const review = vscode.l10n.t('Review the list');
  const file = vscode.l10n.t('File {0}', casesCount(picked.length));
  const listed = confirmationList(picked);
  // The first button files nothing: VS Code focuses it, and Enter pressed by reflex must not file hundreds.
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t(
      'File {0} at tilbago, {1} in all? Each is a debt-collection request: a legal step, with a fee.',
      casesCount(picked.length),
      formatChf(total),
    ),
    {
      modal: true,
      detail: [
        ...listed,
        '',
        vscode.l10n.t('Office fees: about {0} in all, advanced to the debt collection offices, owed by the debtors', formatChf(fees)),
        ...old,
        vscode.l10n.t('To: tilbago at {0}', client.host),
        '',
        officeFeeBasis(),
      ].join('\n'),
    },
    review,
    file,
  );
  if (answer === review) return submitAllReady(services);
  if (answer !== file) return undefined;

  let result: RunResult | undefined;
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Filing at tilbago'), cancellable: true },
    async (progress, token) => {
      const cancel = new AbortController();
      token.onCancellationRequested(() => cancel.abort());
      let done = 0;
      result = await submitRun(
        picked.map((item) => ({ folder: item.folder, name: item.label })),
        (folder) =>
          submitCaseFolder(folder, {
            client,
            now: () => new Date(),
            // Confirmed above for all of them.
            confirmFiling: async () => true,
            // Attachments of an unclear earlier attempt are a question for one case, not for a run: they wait.
            confirmAttachmentResend: async () => false,
          }),
        {
          limit: AT_ONCE,
          signal: cancel.signal,
          ended: (item, outcome) => {
            log().info(`Submit all: ${item.name}: ${outcome.kind}.`);
            done++;
            progress.report({ increment: 100 / picked.length, message: vscode.l10n.t('{0} of {1}: {2}', done, picked.length, item.name) });
          },
        },
      );
    },
  );
  const summary = summaryOf(result!);
  services.casesChanged.fire();
  report(summary);
  return summary;
}

function summaryOf(result: RunResult): SubmitAllSummary {
  return {
    filed: result.filed.length,
    alreadyFiled: result.alreadyFiled.length,
    busy: result.busy,
    refused: result.refused.map(({ name, error }) => (error ? `${name}: ${describeApiError(error)}` : name)),
    uncertain: result.uncertain,
    other: result.other.map(({ name, kind }) => `${name} (${kind})`),
    notStarted: result.notStarted,
    ...(result.stopped ? { stopped: result.stopped } : {}),
  };
}

/** Why the run stopped, and what to do: these concern every case, so the rest were not tried. */
function stopReason(stopped: RunStop): string {
  switch (stopped) {
    case 'keyRefused':
      return vscode.l10n.t(
        'Stopped: tilbago refused the API key (401), for every case. Set the key again, then submit all ready cases again.',
      );
    case 'balanceInsufficient':
      return vscode.l10n.t(
        'Stopped: the balance of your tilbago account is insufficient (402), for every case. Top it up on tilbago, then submit all ready cases again.',
      );
    case 'noRights':
      return vscode.l10n.t(
        'Stopped: tilbago refused the rights to file cases with this API key (403), for every case. Ask for them in your tilbago account, then submit all ready cases again.',
      );
  }
}

function report(summary: SubmitAllSummary): void {
  const parts = summary.stopped ? [stopReason(summary.stopped)] : [];
  parts.push(vscode.l10n.t('Filed: {0}.', casesCount(summary.filed)));
  if (summary.alreadyFiled) parts.push(vscode.l10n.t('Already filed, not sent again: {0}.', casesCount(summary.alreadyFiled)));
  if (summary.busy.length) parts.push(vscode.l10n.t('Skipped, being worked on elsewhere: {0}.', summary.busy.join(', ')));
  if (summary.refused.length) parts.push(vscode.l10n.t('Refused by tilbago: {0}.', summary.refused.join('; ')));
  if (summary.uncertain.length) parts.push(vscode.l10n.t('Uncertain, open them in the cases view: {0}.', summary.uncertain.join(', ')));
  if (summary.other.length) parts.push(vscode.l10n.t('Not filed: {0}.', summary.other.join(', ')));
  if (summary.notStarted) {
    parts.push(
      summary.stopped
        ? vscode.l10n.t('Not started: {0}.', casesCount(summary.notStarted))
        : vscode.l10n.t('Cancelled before {0}.', casesCount(summary.notStarted)),
    );
  }
  const allFiled = parts.length === 1 && !summary.stopped;
  const show = allFiled ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
  void show(parts.join(' '));
  log().info(`Submit all: ${parts.join(' ')}`);
}
