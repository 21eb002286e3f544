// "Tilbago: Validate all cases": the problems of every case folder's case.json and reminders.json, in the Problems
// panel at their places.
import * as vscode from 'vscode';
import { allCaseFolders, type CaseServices } from '../caseFolders';
import { casesCount, problemsCount } from '../counts';
import type { CaseProblems } from '../problems';

export async function validateAllCases(services: CaseServices, problems: CaseProblems) {
  const folders = (await allCaseFolders(services.configuration)).map((c) => c.folder);
  const found = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Checking {0}…', casesCount(folders.length)) },
    () => problems.checkFolders(folders),
  );
  if (found.problems === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No problems in {0}.', casesCount(folders.length)));
  } else {
    const show = vscode.l10n.t('Show Problems');
    void vscode.window
      .showWarningMessage(vscode.l10n.t('{0} in {1}.', problemsCount(found.problems), casesCount(found.casesWithProblems)), show)
      .then((answer) => answer === show && vscode.commands.executeCommand('workbench.actions.view.problems'));
  }
  return { cases: folders.length, ...found };
}
