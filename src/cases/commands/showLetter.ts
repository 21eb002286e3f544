// "Tilbago: Show the 3rd reminder of a case": the letter a case's debtor gets (their language, the invoice and
// reminder dates of reminders.json, the amount due) as a read-only document, to read and copy.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { resolveCaseFolder, type CaseServices } from '../caseFolders';
import { CaseLetterError, caseReminderLetter } from './createLetter';

export const LETTER_SCHEME = 'tilbago-letter';

/** The letters' documents: a path per case folder (`/<folder>/<name>`), rendered from its files when opened. */
export function letterDocuments(services: CaseServices): vscode.Disposable {
  const provider: vscode.TextDocumentContentProvider = {
    async provideTextDocumentContent(uri) {
      const { letter } = await caseReminderLetter(services, path.dirname(vscode.Uri.file(uri.path).fsPath));
      return `${letter.heading}\n\n${letter.text}\n`;
    },
  };
  return vscode.workspace.registerTextDocumentContentProvider(LETTER_SCHEME, provider);
}

export async function showReminderLetter(services: CaseServices, argument: unknown): Promise<vscode.Uri | undefined> {
  const folder = await resolveCaseFolder(services.configuration, argument, vscode.l10n.t('Whose 3rd reminder should be shown?'));
  if (!folder) return undefined;
  try {
    // Checked first, so a case that has no letter says why instead of opening an empty document.
    await caseReminderLetter(services, folder);
  } catch (error) {
    if (!(error instanceof CaseLetterError)) throw error;
    void vscode.window.showErrorMessage(vscode.l10n.t('No letter can be shown for "{0}": {1}', path.basename(folder), error.message));
    return undefined;
  }
  const uri = vscode.Uri.from({
    scheme: LETTER_SCHEME,
    path: path.posix.join(vscode.Uri.file(folder).path, vscode.l10n.t('3rd reminder.txt')),
  });
  await vscode.window.showTextDocument(uri, { preview: false });
  return uri;
}
