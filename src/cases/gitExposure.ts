// Personal data stays out of version control: when the cases folder lies in a Git working tree and is not
// ignored, the user is warned once per cases folder and offered a line in .gitignore. Used by New case and by the
// setup panel's controller.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { log } from '../ui/log';
import { addToGitignore, checkGitExposure, type GitExposure, type GitExposureCheck, type GitignoreProblem } from './gitCheck';

export type { GitExposure, GitExposureCheck };

/** The workspace-state key listing the cases folders already warned about. */
export const GIT_WARNED_KEY = 'tilbago.gitExposureWarned';

/** Git is asked only in a trusted workspace; otherwise the .gitignore files are read. */
export const checkCasesFolder = (casesFolder: string) => checkGitExposure(casesFolder, { useGit: vscode.workspace.isTrusted });

/** The warning for an exposed cases folder, in the display language; undefined when there is nothing to say. */
export function describeGitExposure(check: GitExposureCheck, casesFolder: string): string | undefined {
  if (check.state !== 'exposed') return undefined;
  return check.byGit
    ? vscode.l10n.t(
        "The cases folder {0} is inside the Git repository {1} and is not ignored: the debtors' names, addresses and amounts could be committed and shared. Add it to .gitignore?",
        casesFolder,
        check.root!,
      )
    : vscode.l10n.t(
        "The cases folder {0} is inside the Git repository {1} and may not be ignored (Git could not be asked): the debtors' names, addresses and amounts could be committed and shared. Add it to .gitignore?",
        casesFolder,
        check.root!,
      );
}

/** The buttons of the warning, for the panel too. */
export const gitExposureActions = () => ({ add: vscode.l10n.t('Add to .gitignore'), notNow: vscode.l10n.t('Not now') });

const folderKey = (casesFolder: string) => path.resolve(casesFolder);

export function wasWarned(state: vscode.Memento, casesFolder: string): boolean {
  return state.get<string[]>(GIT_WARNED_KEY, []).includes(folderKey(casesFolder));
}

export async function markWarned(state: vscode.Memento, casesFolder: string): Promise<void> {
  if (!wasWarned(state, casesFolder))
    await state.update(GIT_WARNED_KEY, [...state.get<string[]>(GIT_WARNED_KEY, []), folderKey(casesFolder)]);
}

/** Adds the cases folder to its repository's .gitignore, and says so (or why not). */
export async function ignoreCasesFolder(check: GitExposureCheck, casesFolder: string): Promise<boolean> {
  try {
    const outcome = await addToGitignore(check.root!, casesFolder);
    if (outcome.kind === 'refused') {
      log().warn(`Not added to ${outcome.file}: ${JSON.stringify(outcome.problem)}.`);
      const reason = describeGitignoreProblem(outcome.problem, outcome.file, casesFolder, check.root!);
      void vscode.window.showErrorMessage(vscode.l10n.t('The cases folder could not be added to .gitignore: {0}', reason));
      return false;
    }
    log().info(`Added ${outcome.line} to ${outcome.file}.`);
    void vscode.window.showInformationMessage(vscode.l10n.t('Added the line {0} to {1}.', outcome.line, outcome.file));
    return true;
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The cases folder could not be added to .gitignore: {0}', (error as Error).message));
    return false;
  }
}

function describeGitignoreProblem(problem: GitignoreProblem, file: string, casesFolder: string, root: string): string {
  switch (problem.kind) {
    case 'link':
      return vscode.l10n.t(
        '{0} is a link to {1}; Git does not read a .gitignore that is a link. Replace it by a file, or add the line yourself.',
        file,
        problem.target,
      );
    case 'lineBreak':
      return vscode.l10n.t(
        'the path of {0} holds a line break, which a .gitignore line cannot hold. Rename the folder, or add a pattern for it yourself (a ? matches the line break).',
        casesFolder,
      );
    case 'notInside':
      return vscode.l10n.t('{0} is not inside the repository {1}.', casesFolder, root);
    case 'notAFile':
      return vscode.l10n.t(
        '{0} is not an ordinary file (a folder, a pipe or a device). Replace it by a file, or add the line yourself.',
        file,
      );
  }
}

/**
 * Once per cases folder: when it is exposed, warns and offers to add it to .gitignore. Does not wait for the
 * answer (a notification may stay unanswered); returns the check.
 */
export async function warnIfCasesExposed(state: vscode.Memento, casesFolder: string): Promise<GitExposureCheck | undefined> {
  if (wasWarned(state, casesFolder)) return undefined;
  const check = await checkCasesFolder(casesFolder);
  const message = describeGitExposure(check, casesFolder);
  if (!message) return check;
  await markWarned(state, casesFolder);
  const { add, notNow } = gitExposureActions();
  void vscode.window.showWarningMessage(message, add, notNow).then(async (answer) => {
    if (answer === add) await ignoreCasesFolder(check, casesFolder);
  });
  return check;
}
