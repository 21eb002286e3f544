// "Tilbago: Refresh case status": asks tilbago for the status of every filed case and keeps it in its record, a few
// cases at a time, with progress; it can be cancelled, and it waits when tilbago says it is busy.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { clientOrOfferKey } from '../../tilbago/access';
import { describeApiError } from '../../tilbago/errors';
import { allCaseFolders, type CaseServices } from '../caseFolders';
import { REFRESH_CONCURRENCY, refreshMany, type RefreshFailure, type RefreshSummary } from '../model/refreshMany';
import { casesCount } from '../counts';
import { describeBrokenRecord, describeLockBusy } from '../words';

/** Failures named one by one in the summary; the rest are counted. */
const NAMED_FAILURES = 5;

export interface RefreshStatusResult {
  /** Cases whose status was recorded. */
  readonly updated: number;
  readonly failed: number;
  /** Cases not refreshed because the run was cancelled or tilbago stayed busy. */
  readonly notUpdated: number;
  readonly cancelled: boolean;
}

export async function refreshStatus(services: CaseServices): Promise<RefreshStatusResult | undefined> {
  const filed = (await allCaseFolders(services.configuration)).filter((c) => c.record?.caseId);
  if (filed.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No case has been filed at tilbago yet.'));
    return { updated: 0, failed: 0, notUpdated: 0, cancelled: false };
  }
  const client = await clientOrOfferKey(services.configuration, services.apiKey);
  if (!client) return undefined;
  const summary = await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Asking tilbago for the status of {0}…', casesCount(filed.length)),
      cancellable: true,
    },
    (progress, token) => {
      const cancel = new AbortController();
      const cancelled = token.onCancellationRequested(() => cancel.abort());
      let waitNote = '';
      let waitUntil = 0;
      let reported = 0;
      /** "12 of 340", and while tilbago asked to wait, for how long. */
      const message = () => vscode.l10n.t('{0} of {1}', reported, filed.length) + (Date.now() < waitUntil ? waitNote : '');
      return refreshMany(
        filed.map((c) => c.folder),
        client,
        {
          limit: REFRESH_CONCURRENCY,
          signal: cancel.signal,
          progress: (done, total) => {
            // `increment` adds up: the share of this case, so the bar is full when every case is done.
            const increment = ((done - reported) / total) * 100;
            reported = done;
            progress.report({ increment, message: message() });
          },
          waiting: (ms) => {
            waitNote = ` · ${vscode.l10n.t('tilbago is busy: waiting {0} s', Math.ceil(ms / 1000))}`;
            waitUntil = Date.now() + ms;
            progress.report({ message: message() });
          },
        },
      ).finally(() => cancelled.dispose());
    },
  );
  services.casesChanged.fire();
  showSummary(summary, new Map(filed.map((c) => [c.folder, c.name])));
  return {
    updated: summary.updated,
    failed: summary.failed.length,
    notUpdated: summary.busy.length + summary.notAsked.length,
    cancelled: summary.cancelled,
  };
}

function showSummary(summary: RefreshSummary, names: ReadonlyMap<string, string>): void {
  const name = (folder: string) => names.get(folder) ?? path.basename(folder);
  const parts = [vscode.l10n.t('Status updated for {0}.', casesCount(summary.updated))];
  if (summary.changed > 0) parts.push(vscode.l10n.t('A new status for {0}.', casesCount(summary.changed)));
  const notUpdated = summary.busy.length + summary.notAsked.length;
  if (summary.cancelled) parts.push(vscode.l10n.t('Cancelled: {0} not updated.', casesCount(notUpdated)));
  else if (notUpdated > 0) parts.push(vscode.l10n.t('tilbago stayed busy: {0} not updated. Try again later.', casesCount(notUpdated)));
  if (summary.failed.length > 0) {
    const named = summary.failed.slice(0, NAMED_FAILURES).map((f) => `${name(f.folder)}: ${describeFailure(f.error)}`);
    if (summary.failed.length > NAMED_FAILURES) named.push(vscode.l10n.t('(and {0} more)', summary.failed.length - NAMED_FAILURES));
    parts.push(vscode.l10n.t('Failed for {0}: {1}', casesCount(summary.failed.length), named.join('; ')));
  }
  const message = parts.join(' ');
  if (summary.failed.length > 0 || notUpdated > 0) void vscode.window.showWarningMessage(message);
  else void vscode.window.showInformationMessage(message);
}

function describeFailure(failure: RefreshFailure): string {
  switch (failure.kind) {
    case 'tilbago':
      return describeApiError(failure.error);
    case 'locked':
      return describeLockBusy(failure.lock);
    case 'recordBroken':
      return describeBrokenRecord(failure.reason);
    case 'notFiled':
      return vscode.l10n.t('its record no longer names the case id it had');
    case 'fileError':
      return failure.message;
  }
}
