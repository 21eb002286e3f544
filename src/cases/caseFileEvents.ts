// Follows the case files open in editors: their problems as they are typed, and whether the active editor holds a
// case.json of a cases folder (for its editor-title button). Only a file named case.json or reminders.json is
// handed to the checks of the cases feature.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { CasesFeature } from './feature';
import { CASE_FILE, REMINDERS_FILE } from './model/files';

const NAMES = new Set([CASE_FILE, REMINDERS_FILE]);
const mayBeCaseFile = (uri: vscode.Uri) => uri.scheme === 'file' && NAMES.has(path.basename(uri.fsPath));

export function followCaseFiles(cases: () => Promise<CasesFeature>): vscode.Disposable {
  const check = async (document: vscode.TextDocument) => {
    if (!mayBeCaseFile(document.uri)) return;
    const feature = await cases();
    if (feature.isCaseFile(document.uri)) feature.problems.check(document.uri, document.getText());
  };
  const showActive = async (editor: vscode.TextEditor | undefined) => {
    const uri = editor?.document.uri;
    const isCase = !!uri && path.basename(uri.fsPath) === CASE_FILE && mayBeCaseFile(uri) && (await cases()).isCaseFile(uri);
    void vscode.commands.executeCommand('setContext', 'tilbago.activeCaseFile', isCase);
  };
  for (const document of vscode.workspace.textDocuments) void check(document);
  void showActive(vscode.window.activeTextEditor);
  return vscode.Disposable.from(
    vscode.workspace.onDidOpenTextDocument(check),
    vscode.workspace.onDidChangeTextDocument((e) => check(e.document)),
    // Closed with unsaved edits: what counts now is the file as saved.
    vscode.workspace.onDidCloseTextDocument(async (document) => {
      if (!mayBeCaseFile(document.uri)) return;
      const feature = await cases();
      if (feature.isCaseFile(document.uri)) await feature.problems.checkOnDisk(document.uri);
    }),
    vscode.window.onDidChangeActiveTextEditor(showActive),
  );
}
