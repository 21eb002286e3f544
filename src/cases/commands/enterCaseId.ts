// "Tilbago: Enter the case id of a filed case": after an attempt that tilbago did complete, records the case id
// the user found in their tilbago account, so the attachments can follow.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TilbagoConfiguration } from '../../settings/configuration';
import { isCaseId } from '../../tilbago/caseId';
import { allCaseFolders, resolveCaseFolder, type CaseServices } from '../caseFolders';
import { recordCaseId, type CaseIdOutcome } from '../model/submission';
import { problemsCount } from '../counts';
import { describeFileProblem, describeLockBusy, describeBrokenRecord, describeReadProblem } from '../words';

async function caseIdsInUse(configuration: TilbagoConfiguration): Promise<Map<string, string>> {
  const used = new Map<string, string>();
  for (const summary of await allCaseFolders(configuration))
    if (summary.record?.caseId) used.set(summary.record.caseId, summary.record.externalRef);
  return used;
}

export async function enterCaseId(services: CaseServices, argument: unknown): Promise<string | undefined> {
  const folder = await resolveCaseFolder(
    services.configuration,
    argument,
    vscode.l10n.t('Which case needs its tilbago case id?'),
    (r) => !!r && !r.caseId,
  );
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
      return describeLockBusy(outcome);
    case 'noRecord':
      return vscode.l10n.t('This case was never submitted from here, so there is no attempt to complete.');
    case 'recordBroken':
      return describeBrokenRecord(outcome.reason);
    case 'noCaseFile':
      return vscode.l10n.t('This folder has no case.json.');
    case 'unreadable':
      return describeReadProblem(outcome.file, outcome.problem);
    case 'invalid':
      return vscode.l10n.t(
        'case.json has {0}: {1}',
        problemsCount(outcome.problems.length),
        outcome.problems
          .slice(0, 6)
          .map((problem) => describeFileProblem(problem, 'case'))
          .join('; '),
      );
    case 'hasCaseId':
      return vscode.l10n.t('This case already has the case id {0}.', outcome.caseId);
    case 'recordMismatch':
      return vscode.l10n.t('submission.json records the case "{0}", but case.json is now "{1}".', outcome.recordRef, outcome.caseRef);
    case 'caseIdInUse':
      return vscode.l10n.t('this case id belongs to the case "{0}" in your cases folder.', outcome.externalRef);
  }
}
