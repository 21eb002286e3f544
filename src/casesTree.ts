// The "tilbago cases" view in the Explorer: the case folders with their state, and their files to open.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { casesFolders, stateLabel } from './caseCommands';
import type { TilbagoConfiguration } from './configuration';
import { describeApiError } from './tilbagoAccess';
import { ATTACHMENTS_FOLDER, CASE_FILE, listCaseFolders, SUBMISSION_FILE, type CaseFolderSummary } from './core/submission';

/** A case node carries `folderUri`, which is what the case commands take from the view. */
type Node = { readonly kind: 'case'; readonly summary: CaseFolderSummary; readonly folderUri: vscode.Uri } | { readonly kind: 'file'; readonly file: string };

export class CasesTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  private watchers: vscode.Disposable[] = [];
  private readonly subscriptions: vscode.Disposable[];
  private pending: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly configuration: TilbagoConfiguration,
    casesChanged: vscode.Event<void>,
  ) {
    this.subscriptions = [configuration.onDidChange(() => this.watch()), casesChanged(() => this.refresh())];
    this.watch();
  }

  /** Many file events come at once (a submission rewrites its record several times): one refresh for them. */
  refresh(): void {
    clearTimeout(this.pending);
    this.pending = setTimeout(() => this.changed.fire(), 100);
  }

  private watch(): void {
    for (const watcher of this.watchers) watcher.dispose();
    this.watchers = casesFolders(this.configuration).map((folder) => {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(folder), '**'));
      return vscode.Disposable.from(watcher, watcher.onDidCreate(() => this.refresh()), watcher.onDidChange(() => this.refresh()), watcher.onDidDelete(() => this.refresh()));
    });
    this.refresh();
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      const cases = (await Promise.all(casesFolders(this.configuration).map(listCaseFolders))).flat();
      return cases.map((summary) => ({ kind: 'case', summary, folderUri: vscode.Uri.file(summary.folder) }));
    }
    if (node.kind === 'file') return [];
    const folder = node.summary.folder;
    const files = [path.join(folder, CASE_FILE)];
    if (node.summary.record || node.summary.recordProblem) files.push(path.join(folder, SUBMISSION_FILE));
    try {
      const attachments = await fs.readdir(path.join(folder, ATTACHMENTS_FOLDER), { withFileTypes: true });
      files.push(...attachments.filter((a) => a.isFile()).map((a) => path.join(folder, ATTACHMENTS_FOLDER, a.name)).sort());
    } catch {
      // no attachments folder
    }
    return files.map((file) => ({ kind: 'file', file }));
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'file') {
      const uri = vscode.Uri.file(node.file);
      const item = new vscode.TreeItem(uri, vscode.TreeItemCollapsibleState.None);
      item.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [uri] };
      return item;
    }
    const { summary } = node;
    const item = new vscode.TreeItem(summary.name, vscode.TreeItemCollapsibleState.Collapsed);
    const record = summary.record;
    item.description = summary.recordProblem ? vscode.l10n.t('submission.json not understood') : record ? stateLabel(record) : vscode.l10n.t('not submitted');
    item.tooltip = new vscode.MarkdownString(
      [
        `**${summary.name}**`,
        record?.caseId ? vscode.l10n.t('tilbago case id: {0}', record.caseId) : '',
        record?.status ? vscode.l10n.t('Status {0}: {1} (checked {2})', record.status.statusCode, record.status.description, new Date(record.status.checkedAt).toLocaleString()) : '',
        record?.lastError ? vscode.l10n.t('Last error: {0}', describeApiError(record.lastError.error)) : '',
      ]
        .filter(Boolean)
        .join('\n\n'),
    );
    item.iconPath = new vscode.ThemeIcon(record?.state === 'complete' ? 'pass' : record?.state === 'created' || !record ? 'file' : 'warning');
    item.contextValue = record?.caseId ? 'tilbagoCase.filed' : 'tilbagoCase.open';
    return item;
  }

  dispose(): void {
    clearTimeout(this.pending);
    for (const disposable of [...this.watchers, ...this.subscriptions, this.changed]) disposable.dispose();
  }
}
