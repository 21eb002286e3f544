// Counts of the cases feature as phrases, with the display language's plural forms ("1 case", "3 cases").
import * as vscode from 'vscode';
import { plural } from '../ui/format';

export const casesCount = (n: number) => plural(n, { one: vscode.l10n.t('{0} case', n), other: vscode.l10n.t('{0} cases', n) });
export const problemsCount = (n: number) => plural(n, { one: vscode.l10n.t('{0} problem', n), other: vscode.l10n.t('{0} problems', n) });
export const attachmentsCount = (n: number) =>
  plural(n, { one: vscode.l10n.t('{0} attachment', n), other: vscode.l10n.t('{0} attachments', n) });
export const readyCount = (n: number) =>
  plural(n, { one: vscode.l10n.t('{0} case ready for tilbago', n), other: vscode.l10n.t('{0} cases ready for tilbago', n) });
export const lettersCount = (n: number) => plural(n, { one: vscode.l10n.t('{0} letter', n), other: vscode.l10n.t('{0} letters', n) });
