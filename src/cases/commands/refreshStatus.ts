// "Tilbago: Refresh case status": asks tilbago for the status of every filed case and keeps it in its record.
import * as vscode from 'vscode';
import { clientOrOfferKey } from '../../tilbago/access';
import { describeApiError } from '../../tilbago/errors';
import { allCaseFolders, type CaseServices } from '../caseFolders';
import { refreshCaseStatus } from '../model/submission';
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
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Asking tilbago for the status of {0} case(s)…', filed.length) },
    async () => {
      for (const item of filed) {
        const outcome = await refreshCaseStatus(item.folder, client, new Date());
        if (outcome.kind === 'updated') updated++;
        else if (outcome.kind === 'failed') failures.push(`${item.name}: ${describeApiError(outcome.error)}`);
        else if (outcome.kind === 'recordBroken') failures.push(`${item.name}: ${outcome.reason}`);
        else if (outcome.kind === 'busy') failures.push(`${item.name}: ${describeLockOwner(outcome.owner)}`);
      }
    },
  );
  services.casesChanged.fire();
  if (failures.length)
    void vscode.window.showWarningMessage(
      vscode.l10n.t('Status of {0} case(s) updated; {1} failed: {2}', updated, failures.length, failures.join('; ')),
    );
  else void vscode.window.showInformationMessage(vscode.l10n.t('Status of {0} case(s) updated.', updated));
  return { updated, failed: failures.length };
}
