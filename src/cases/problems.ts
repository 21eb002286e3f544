// The problems of the case files in the Problems panel, each at its place in the text: for a case.json or a
// reminders.json of a cases folder as it is typed, and for every case folder on "Validate all cases".
import * as path from 'node:path';
import * as vscode from 'vscode';
import { mapWithLimit } from '../shared/concurrency';
import { withoutBom } from './model/caseFile';
import { readCaseFolderText, type CaseFolderJson } from './model/caseFolderRead';
import { diagnose, lineMap, type FileKind } from './model/diagnose';
import { CASE_FILE, REMINDERS_FILE } from './model/files';
import { describeFileProblem, describeReadProblem } from './words';

const KIND_OF_FILE: Record<string, FileKind> = { [CASE_FILE]: 'case', [REMINDERS_FILE]: 'reminders' };

/** Whether a file is a case.json or reminders.json directly in a case folder of one of the cases folders. */
export function isCaseFile(file: string, casesFolders: readonly string[]): boolean {
  return path.basename(file) in KIND_OF_FILE && casesFolders.includes(path.dirname(path.dirname(file)));
}

export class CaseProblems implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('tilbago');

  /**
   * Checks a case file's text (an open document's, unsaved edits included) and shows what is wrong; returns how
   * many errors it has, the count the cases view gives (warnings are shown, not counted).
   */
  check(uri: vscode.Uri, text: string): number {
    const kind = KIND_OF_FILE[path.basename(uri.fsPath)];
    if (!kind) return 0;
    const problems = diagnose(text, kind);
    const position = lineMap(text);
    this.collection.set(
      uri,
      problems.map((problem) => {
        const start = position(problem.offset);
        const end = position(problem.offset + Math.max(problem.length, 1));
        const range = new vscode.Range(start.line, start.character, end.line, end.character);
        const severity = problem.warning ? vscode.DiagnosticSeverity.Warning : vscode.DiagnosticSeverity.Error;
        const diagnostic = new vscode.Diagnostic(range, describeFileProblem(problem, kind), severity);
        diagnostic.source = 'tilbago';
        diagnostic.code = problem.code;
        return diagnostic;
      }),
    );
    return problems.filter((problem) => !problem.warning).length;
  }

  /** Checks the files as saved: for a document closed with unsaved edits, and for the folders not open. */
  async checkOnDisk(uri: vscode.Uri): Promise<number> {
    const name = path.basename(uri.fsPath);
    if (!(name in KIND_OF_FILE)) return 0;
    // Without its byte order mark, as an editor's document holds it: the places then match the open file's.
    const read = await readCaseFolderText(path.dirname(uri.fsPath), name as CaseFolderJson);
    if ('text' in read) return this.check(uri, withoutBom(read.text));
    if ('missing' in read) this.collection.delete(uri);
    else {
      // A file that cannot be read is one problem, at its start.
      const diagnostic = new vscode.Diagnostic(
        new vscode.Range(0, 0, 0, 0),
        describeReadProblem(name, read.problem),
        vscode.DiagnosticSeverity.Error,
      );
      diagnostic.source = 'tilbago';
      diagnostic.code = read.problem.code;
      this.collection.set(uri, [diagnostic]);
    }
    return 'missing' in read ? 0 : 1;
  }

  /** Every case.json and reminders.json of these case folders, a few read at a time; what an open editor holds wins. */
  async checkFolders(folders: readonly string[]): Promise<{ readonly problems: number; readonly casesWithProblems: number }> {
    const open = new Map(vscode.workspace.textDocuments.map((document) => [document.uri.fsPath, document]));
    const counts = await mapWithLimit(folders, 16, async (folder) => {
      let found = 0;
      for (const name of [CASE_FILE, REMINDERS_FILE]) {
        const uri = vscode.Uri.file(path.join(folder, name));
        const document = open.get(uri.fsPath);
        found += document ? this.check(uri, document.getText()) : await this.checkOnDisk(uri);
      }
      return found;
    });
    return { problems: counts.reduce((a, b) => a + b, 0), casesWithProblems: counts.filter((n) => n > 0).length };
  }

  dispose(): void {
    this.collection.dispose();
  }
}
