// The "tilbago cases" view in the Explorer: the case folders with their state, and their files to open. Small on
// purpose, as it is registered at activation: the model that reads the case folders is loaded when the view first
// asks for its items.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TilbagoConfiguration } from '../settings/configuration';
import { describeApiError } from '../tilbago/errors';
import { formatDateTime } from '../ui/format';
import { problemsCount } from './counts';
import { ATTACHMENTS_FOLDER, CASE_FILE, SUBMISSION_FILE } from './model/files';
import type { CaseFolderSummary, SubmissionRecord } from './model/submission';

/** A case node carries `folderUri`, which is what the case commands take from the view. */
type Node =
  | { readonly kind: 'case'; readonly summary: CaseFolderSummary; readonly folderUri: vscode.Uri }
  | { readonly kind: 'file'; readonly file: string };

export function stateLabel(record: SubmissionRecord): string {
  switch (record.state) {
    case 'sending':
      return vscode.l10n.t('interrupted while sending');
    case 'notCreated':
      return vscode.l10n.t('not filed (error)');
    case 'refused':
      return vscode.l10n.t('refused by tilbago');
    case 'uncertain':
      return vscode.l10n.t('uncertain: tilbago did not answer');
    case 'duplicate':
      return vscode.l10n.t('needs the case id');
    case 'created':
      return vscode.l10n.t('filed, attachments missing');
    case 'complete':
      return record.status ? `${vscode.l10n.t('filed')} · ${record.status.description}` : vscode.l10n.t('filed');
  }
}

export class CasesTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;
  /** Watching starts when the view first asks for its items, not at activation. */
  private watchers: vscode.Disposable[] | undefined;
  private readonly subscriptions: vscode.Disposable[];
  private pending: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly configuration: TilbagoConfiguration,
    casesChanged: vscode.Event<void>,
  ) {
    this.subscriptions = [configuration.onDidChange(() => this.watchers && this.watch()), casesChanged(() => this.refresh())];
  }

  /** Many file events come at once (a submission rewrites its record several times): one refresh for them. */
  refresh(): void {
    clearTimeout(this.pending);
    this.pending = setTimeout(() => this.changed.fire(), 100);
  }

  private watch(): void {
    for (const watcher of this.watchers ?? []) watcher.dispose();
    this.watchers = this.configuration.casesFolders().map((folder) => {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(folder), '**'));
      return vscode.Disposable.from(
        watcher,
        watcher.onDidCreate(() => this.refresh()),
        watcher.onDidChange(() => this.refresh()),
        watcher.onDidDelete(() => this.refresh()),
      );
    });
    this.refresh();
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      if (!this.watchers) this.watch();
      const { listCaseFolders } = await import('./model/submission');
      const cases = (await Promise.all(this.configuration.casesFolders().map(listCaseFolders))).flat();
      return cases.map((summary) => ({ kind: 'case', summary, folderUri: vscode.Uri.file(summary.folder) }));
    }
    if (node.kind === 'file') return [];
    const folder = node.summary.folder;
    const files = [path.join(folder, CASE_FILE)];
    if (node.summary.record || node.summary.recordProblem) files.push(path.join(folder, SUBMISSION_FILE));
    try {
      const attachments = await fs.readdir(path.join(folder, ATTACHMENTS_FOLDER), { withFileTypes: true });
      files.push(
        ...attachments
          .filter((a) => a.isFile())
          .map((a) => path.join(folder, ATTACHMENTS_FOLDER, a.name))
          .sort(),
      );
    } catch {
      // no attachments folder
    }
    return files.map((file) => ({ kind: 'file', file }));
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'file') {
      const uri = vscode.Uri.file(node.file);
      const item = new vscode.TreeItem(uri, vscode.TreeItemCollapsibleState.None);
      // Ids from the paths: items keep their identity (and a case its expansion) across refreshes.
      item.id = `file:${node.file}`;
      item.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [uri] };
      return item;
    }
    const { summary } = node;
    const item = new vscode.TreeItem(summary.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `case:${summary.folder}`;
    const record = summary.record;
    const needsAttention = !record && summary.problems > 0;
    item.description = summary.recordProblem
      ? vscode.l10n.t('submission.json not understood')
      : record
        ? stateLabel(record)
        : needsAttention
          ? vscode.l10n.t('needs attention · {0}', problemsCount(summary.problems))
          : vscode.l10n.t('not submitted');
    item.tooltip = new vscode.MarkdownString(
      [
        `**${summary.name}**`,
        record?.caseId ? vscode.l10n.t('tilbago case id: {0}', record.caseId) : '',
        record?.status
          ? vscode.l10n.t(
              'Status {0}: {1} (checked {2})',
              record.status.statusCode,
              record.status.description,
              formatDateTime(record.status.checkedAt),
            )
          : '',
        record?.lastError ? vscode.l10n.t('Last error: {0}', describeApiError(record.lastError.error)) : '',
      ]
        .filter(Boolean)
        .join('\n\n'),
    );
    item.iconPath = new vscode.ThemeIcon(
      record?.state === 'complete' ? 'pass' : needsAttention || (record && record.state !== 'created') ? 'warning' : 'file',
    );
    item.contextValue = record?.caseId ? 'tilbagoCase.filed' : 'tilbagoCase.open';
    return item;
  }

  dispose(): void {
    clearTimeout(this.pending);
    for (const disposable of [...(this.watchers ?? []), ...this.subscriptions, this.changed]) disposable.dispose();
  }
}
