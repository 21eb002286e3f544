// "Tilbago: Refresh case status": asks tilbago for the status of every filed case and keeps it in its record.
import * as vscode from 'vscode';
import { clientOrOfferKey } from '../../tilbago/access';
import { describeApiError } from '../../tilbago/errors';
import { allCaseFolders, type CaseServices } from '../caseFolders';
import { refreshCaseStatus } from '../model/submission';
import { mapWithLimit } from '../../shared/concurrency';
import { casesCount } from '../counts';
import { describeLockOwner } from '../words';

export async function refreshStatus(services: CaseServices): Promise<{ updated: number; failed: number } | undefined> {
  const filed = (await allCaseFolders(services.configuration)).filter((c) => c.record?.caseId);
  if (filed.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No case has been filed at tilbago yet.'));
    return { updated: 0, failed: 0 };
  }
  const client = await clientOrOfferKey(services.configuration, services.apiKey);
  if (!client) return undefined;
  const failures: string[] = [];
  let updated = 0;
  await vscode.window.withProgress(
    {
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Asking tilbago for the status of {0}…', casesCount(filed.length)),
    },
    // A few requests at a time: quick for hundreds of cases, gentle with tilbago.
    () =>
      mapWithLimit(filed, 4, async (item) => {
        const outcome = await refreshCaseStatus(item.folder, client, new Date());
        if (outcome.kind === 'updated') updated++;
        else if (outcome.kind === 'failed') failures.push(`${item.name}: ${describeApiError(outcome.error)}`);
        else if (outcome.kind === 'recordBroken') failures.push(`${item.name}: ${outcome.reason}`);
        else if (outcome.kind === 'busy') failures.push(`${item.name}: ${describeLockOwner(outcome.owner)}`);
      }),
  );
  services.casesChanged.fire();
  if (failures.length)
    void vscode.window.showWarningMessage(
      vscode.l10n.t('Status updated for {0}; not for {1}: {2}', casesCount(updated), casesCount(failures.length), failures.join('; ')),
    );
  else void vscode.window.showInformationMessage(vscode.l10n.t('Status updated for {0}.', casesCount(updated)));
  return { updated, failed: failures.length };
}
