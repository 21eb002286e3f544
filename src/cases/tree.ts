// The "tilbago cases" view in the Explorer: the case folders grouped by stage, and their files to open. The view
// itself; its items' words are in treeItems.ts, the reading of the case folders in caseFolders.ts.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TilbagoConfiguration } from '../settings/configuration';
import { ATTACHMENTS_FOLDER, CASE_FILE, REMINDERS_FILE, SUBMISSION_FILE } from './model/files';
import type { CaseStage, CaseStageKind } from './model/stage';
import type { CaseFolderSummary } from './model/listing';

/** A case node carries `folderUri`, which is what the case commands take from the view. */
export type CaseNode = {
  readonly kind: 'case';
  readonly summary: CaseFolderSummary;
  readonly stage: CaseStage;
  readonly folderUri: vscode.Uri;
};
export type Node =
  | { readonly kind: 'stage'; readonly stage: CaseStageKind; readonly cases: readonly CaseNode[] }
  | CaseNode
  | { readonly kind: 'file'; readonly file: string };

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
  /** The items' words, icons and tooltips: loaded with the first listing, not at activation. */
  private items: typeof import('./treeItems') | undefined;

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
    if (node.summary.hasRemindersFile) files.push(path.join(folder, REMINDERS_FILE));
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
    const [{ stagedCaseFolders }, { STAGE_ORDER }, items] = await Promise.all([
      import('./caseFolders'),
      import('./model/stage'),
      import('./treeItems'),
    ]);
    this.items = items;
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
    // Set by the listing of the root, which every node comes from.
    return this.items!.treeItem(node);
  }

  dispose(): void {
    clearTimeout(this.pending);
    for (const disposable of [...(this.watchers ?? []), ...this.subscriptions, this.changed, this.readyChanged]) disposable.dispose();
  }
}
