// The cases view's Open case.json / Open reminders.json / Reveal the case folder: a case's own files from its menu.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { argumentUri } from '../caseFolders';
import type { CASE_FILE, REMINDERS_FILE } from '../model/files';

export async function openCaseFileOf(argument: unknown, name: typeof CASE_FILE | typeof REMINDERS_FILE): Promise<void> {
  const folder = argumentUri(argument);
  if (!folder) return;
  try {
    await vscode.window.showTextDocument(vscode.Uri.joinPath(folder, name), { preview: false });
  } catch {
    void vscode.window.showWarningMessage(vscode.l10n.t('{0} has no {1}.', path.basename(folder.fsPath), name));
  }
}

export async function revealCaseFolder(argument: unknown): Promise<void> {
  const folder = argumentUri(argument);
  if (!folder) return;
  // The Explorer shows only what is inside the workspace; the system's file manager shows anything.
  await vscode.commands.executeCommand(vscode.workspace.getWorkspaceFolder(folder) ? 'revealInExplorer' : 'revealFileInOS', folder);
}
