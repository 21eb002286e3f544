// Opening a PDF where PDFs open: the system's viewer on a desktop, a download in a browser or remote window,
// never as text in an editor.
import * as vscode from 'vscode';

export async function openPdf(file: vscode.Uri): Promise<void> {
  if (vscode.env.uiKind === vscode.UIKind.Desktop && !vscode.env.remoteName && (await vscode.env.openExternal(file))) return;
  // The file is on the machine the extension runs on, not the user's: the Explorer's Download gives it to the
  // browser, which opens it in its viewer or saves it. Download takes the Explorer's selection, so only a file
  // the Explorer can select, inside the workspace.
  if (vscode.workspace.getWorkspaceFolder(file)) {
    await vscode.commands.executeCommand('revealInExplorer', file);
    await vscode.commands.executeCommand('explorer.download');
    return;
  }
  void vscode.window.showInformationMessage(vscode.l10n.t('The PDF is at {0}, outside the workspace: open it from there.', file.fsPath));
}
