// Every command of the extension is registered through here: a failure is logged and shown as a translated
// message with "Show log", so no user meets VS Code's generic "command failed".
import * as vscode from 'vscode';
import { log } from './log';

export function registerCommand(id: string, run: (...args: unknown[]) => unknown): vscode.Disposable {
  return vscode.commands.registerCommand(id, async (...args: unknown[]) => {
    try {
      return await run(...args);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      log().error(`${id} failed: ${error instanceof Error ? (error.stack ?? reason) : reason}`);
      const show = vscode.l10n.t('Show log');
      void vscode.window
        .showErrorMessage(vscode.l10n.t('That did not work: {0}', reason), show)
        .then((answer) => answer === show && log().show());
      return undefined;
    }
  });
}
