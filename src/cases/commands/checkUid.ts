// "Tilbago: Check company UID", and the words for what is wrong with a UID, wherever one is entered.
import * as vscode from 'vscode';
import { checkUid } from '../model/uid';

export function describeUidProblem(value: string): string | undefined {
  const checked = checkUid(value);
  if (checked.ok) return undefined;
  switch (checked.problem) {
    case 'format':
      return vscode.l10n.t('A UID is CHE followed by 9 digits: CHE-123.456.788.');
    case 'checkDigit':
      return vscode.l10n.t('The last digit (check digit) should be {0}: check the number.', checked.expected);
    case 'noValidCheckDigit':
      return vscode.l10n.t('No valid UID has these first 8 digits: check the number.');
  }
}

/** Checks a UID typed in (or selected in the editor) and offers its normalised form. Resolves to that form. */
export async function checkUidCommand(): Promise<string | undefined> {
  const editor = vscode.window.activeTextEditor;
  const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection).trim() : '';
  const input = await vscode.window.showInputBox({
    title: vscode.l10n.t('Check a Swiss company UID'),
    prompt: vscode.l10n.t('CHE-123.456.788 or CHE123456788; the last digit is a check digit.'),
    value: /^che/i.test(selected) && selected.length <= 30 ? selected : '',
    ignoreFocusOut: true,
    validateInput: (value) => (value.trim() ? describeUidProblem(value) : undefined),
  });
  if (!input?.trim()) return undefined;
  const checked = checkUid(input);
  if (!checked.ok) return undefined; // the input box does not accept it
  const copy = vscode.l10n.t('Copy');
  const replace = vscode.l10n.t('Replace the selection');
  const buttons = selected && selected !== checked.normalized ? [copy, replace] : [copy];
  const message =
    input.trim() === checked.normalized
      ? vscode.l10n.t('{0} is a valid UID.', checked.normalized)
      : vscode.l10n.t('Valid UID. Its usual form is {0}.', checked.normalized);
  void vscode.window.showInformationMessage(message, ...buttons).then(async (answer) => {
    if (answer === copy) await vscode.env.clipboard.writeText(checked.normalized);
    if (answer === replace && editor) await editor.edit((edit) => edit.replace(editor.selection, checked.normalized));
  });
  return checked.normalized;
}
