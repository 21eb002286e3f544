// The "tilbago cases" view in the Explorer: the case folders with their state, and their files to open. Small on
// purpose, as it is registered at activation: the model that reads the case folders is loaded when the view first
// asks for its items.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TilbagoConfiguration } from '../settings/configuration';
import { describeApiError } from '../tilbago/errors';
import { formatSwissDate } from '../shared/dates';
import { formatDateTime } from '../ui/format';
import { casesCount, problemsCount } from './counts';
import { ATTACHMENTS_FOLDER, CASE_FILE, SUBMISSION_FILE } from './model/files';
import type { CaseStage, CaseStageKind } from './model/stage';
import type { CaseFolderSummary } from './model/listing';
import type { SubmissionRecord } from './model/submission';

/** A case node carries `folderUri`, which is what the case commands take from the view. */
type CaseNode = {
  readonly kind: 'case';
  readonly summary: CaseFolderSummary;
  readonly stage: CaseStage;
  readonly folderUri: vscode.Uri;
};
type Node =
  | { readonly kind: 'stage'; readonly stage: CaseStageKind; readonly cases: readonly CaseNode[] }
  | CaseNode
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

function stageTitle(stage: CaseStageKind): string {
  switch (stage) {
    case 'needsAttention':
      return vscode.l10n.t('Needs attention');
    case 'ready':
      return vscode.l10n.t('Ready for tilbago');
    case 'thirdReminderDue':
      return vscode.l10n.t('3rd reminder due');
    case 'waiting':
      return vscode.l10n.t('Waiting');
    case 'filed':
      return vscode.l10n.t('Filed at tilbago');
  }
}

/** What the view says beside a case: where it stands, and from or until when. */
function caseDescription(node: CaseNode): string {
  const { summary, stage } = node;
  switch (stage.kind) {
    case 'needsAttention':
      if (summary.recordProblem) return vscode.l10n.t('submission.json not understood');
      if (summary.record && stage.reason === 'attempt') return stateLabel(summary.record);
      if (stage.reason === 'noSecondReminder') return vscode.l10n.t('reminders.json has no date of the 2nd reminder');
      return vscode.l10n.t('needs attention · {0}', problemsCount(stage.problems));
    case 'ready':
      return stage.since ? vscode.l10n.t('litigation since {0}', formatSwissDate(stage.since)) : vscode.l10n.t('not submitted');
    case 'thirdReminderDue':
      return vscode.l10n.t('3rd reminder due since {0}', formatSwissDate(stage.since));
    case 'waiting':
      return stage.for === 'litigation'
        ? vscode.l10n.t('waiting — litigation from {0}', formatSwissDate(stage.until))
        : vscode.l10n.t('waiting — 3rd reminder from {0}', formatSwissDate(stage.until));
    case 'filed':
      return stateLabel(stage.record);
  }
}

const STAGE_ICONS: Record<CaseStageKind, string> = {
  needsAttention: 'warning',
  ready: 'law',
  thirdReminderDue: 'mail',
  waiting: 'watch',
  filed: 'pass',
};

/** From how many folders the first listing of a cases folder goes to the listing worker. */
const WORKER_FROM = 300;

export class CasesTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly readyChanged = new vscode.EventEmitter<number>();
  /** How many cases are ready for tilbago, after each listing (the view's badge). */
  readonly onDidChangeReadyCount = this.readyChanged.event;
  readonly onDidChangeTreeData = this.changed.event;
  /** Watching starts when the view first asks for its items, not at activation. */
  private watchers: vscode.Disposable[] | undefined;
  private readonly subscriptions: vscode.Disposable[];
  private pending: ReturnType<typeof setTimeout> | undefined;
  /**
   * What each case folder held when last read; a folder is read again once the watcher saw a change in it. An
   * invoicing run leaves thousands of folders, and a refresh after one change reads that one.
   */
  private readonly known = new Map<string, CaseFolderSummary | undefined>();

  constructor(
    private readonly configuration: TilbagoConfiguration,
    casesChanged: vscode.Event<void>,
    /** The listing worker (dist/listWorker.mjs), for a cases folder the view has not read yet. */
    private readonly listWorker?: string,
  ) {
    this.subscriptions = [
      configuration.onDidChange(() => {
        if (!this.watchers) return;
        this.watch();
        this.refresh();
      }),
      // A command changed a case: read everything again rather than rely on the watcher's timing.
      casesChanged(() => {
        this.known.clear();
        this.refresh();
      }),
    ];
  }

  /** Many file events come at once (a submission rewrites its record several times): one refresh for them. */
  refresh(): void {
    clearTimeout(this.pending);
    this.pending = setTimeout(() => this.changed.fire(), 100);
  }

  private watch(): void {
    for (const watcher of this.watchers ?? []) watcher.dispose();
    this.known.clear();
    this.watchers = this.configuration.casesFolders().map((casesFolder) => {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(casesFolder), '**'));
      const changed = (uri: vscode.Uri) => {
        // The case folder is the first folder below the cases folder.
        const [caseFolder] = path.relative(casesFolder, uri.fsPath).split(path.sep);
        if (caseFolder) this.known.delete(path.join(casesFolder, caseFolder));
        this.refresh();
      };
      return vscode.Disposable.from(watcher, watcher.onDidCreate(changed), watcher.onDidChange(changed), watcher.onDidDelete(changed));
    });
  }

  /**
   * A cases folder's summaries: the first time all at once in the listing worker; then the folders the watcher
   * saw change, one by one, the others as they were.
   */
  private async list(casesFolder: string): Promise<CaseFolderSummary[]> {
    const { caseFolderCandidates, listCaseFoldersInWorker, summarizeCaseFolder, summarizeFolders } = await import('./model/listing');
    const folders = await caseFolderCandidates(casesFolder);
    // A worker takes about 0.1 s to start: worth it for an invoicing run's hundreds of folders, not for a few.
    if (this.listWorker && folders.length >= WORKER_FROM && !folders.some((folder) => this.known.has(folder))) {
      const summaries = await listCaseFoldersInWorker(casesFolder, this.listWorker);
      for (const summary of summaries) this.known.set(summary.folder, summary);
      return summaries;
    }
    return summarizeFolders(folders, async (folder) => {
      if (this.known.has(folder)) return this.known.get(folder);
      const summary = await summarizeCaseFolder(folder);
      this.known.set(folder, summary);
      return summary;
    });
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      if (!this.watchers) this.watch();
      return this.listStages();
    }
    if (node.kind === 'stage') return [...node.cases];
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

  /** Every case of every cases folder, staged with the delays in effect for its folder, grouped by stage. */
  private async listStages(): Promise<Node[]> {
    const [{ stagedCaseFolders }, { STAGE_ORDER }] = await Promise.all([import('./caseFolders'), import('./model/stage')]);
    const byStage = new Map<CaseStageKind, CaseNode[]>(STAGE_ORDER.map((stage) => [stage, []]));
    for (const { summary, stage } of await stagedCaseFolders(this.configuration, (casesFolder) => this.list(casesFolder))) {
      byStage.get(stage.kind)!.push({ kind: 'case', summary, stage, folderUri: vscode.Uri.file(summary.folder) });
    }
    this.readyChanged.fire(byStage.get('ready')!.length);
    // For the Explorer's menu on a case.json: `resourceDirname in tilbago.caseFolders`, a lookup, however many.
    const caseFolders = Object.fromEntries([...byStage.values()].flat().map((node) => [node.summary.folder, true]));
    void vscode.commands.executeCommand('setContext', 'tilbago.caseFolders', caseFolders);
    return STAGE_ORDER.filter((stage) => byStage.get(stage)!.length).map((stage) => ({ kind: 'stage', stage, cases: byStage.get(stage)! }));
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'stage') {
      // Filed cases are history: folded away; the others are work to do.
      const item = new vscode.TreeItem(
        stageTitle(node.stage),
        node.stage === 'filed' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded,
      );
      item.id = `stage:${node.stage}`;
      item.description = casesCount(node.cases.length);
      item.iconPath = new vscode.ThemeIcon(STAGE_ICONS[node.stage]);
      item.contextValue = `tilbagoStage.${node.stage}`;
      return item;
    }
    if (node.kind === 'file') {
      const uri = vscode.Uri.file(node.file);
      const item = new vscode.TreeItem(uri, vscode.TreeItemCollapsibleState.None);
      // Ids from the paths: items keep their identity (and a case its expansion) across refreshes.
      item.id = `file:${node.file}`;
      item.command = { command: 'vscode.open', title: vscode.l10n.t('Open'), arguments: [uri] };
      return item;
    }
    const { summary, stage } = node;
    const item = new vscode.TreeItem(summary.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = `case:${summary.folder}`;
    const record = summary.record;
    item.description = caseDescription(node);
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
    item.iconPath = new vscode.ThemeIcon(stage.kind === 'needsAttention' ? 'warning' : stage.kind === 'filed' ? 'pass' : 'file');
    item.contextValue = record?.caseId ? 'tilbagoCase.filed' : 'tilbagoCase.open';
    return item;
  }

  dispose(): void {
    clearTimeout(this.pending);
    for (const disposable of [...(this.watchers ?? []), ...this.subscriptions, this.changed, this.readyChanged]) disposable.dispose();
  }
}
