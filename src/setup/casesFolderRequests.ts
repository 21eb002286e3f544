// The form's requests about the cases folder: check it, browse for it, create it, add it to .gitignore, and what
// Git says of it. A relative folder is resolved against the current target's folder.
import * as fs from 'node:fs/promises';
import * as vscode from 'vscode';
import { checkCasesFolder, ignoreCasesFolder as addToGitignoreAndSay, markWarned } from '../cases/gitExposure';
import { storedCasesFolder } from '../settings/casesFolder';
import { log } from '../ui/log';
import type { CasesGit, FolderStatus, RequestResult } from './contract';
import { casesFolderStatus, resolveForForm } from './folderStatus';

export class CasesFolderRequests {
  constructor(
    /** The folder a relative cases folder is resolved against, for the current target. */
    private readonly baseFolder: () => string | undefined,
    /** The workspace state, where the folders warned about Git are listed (shared with New case). */
    private readonly warned: vscode.Memento,
    /** Tells the form what Git says of a folder, once known. */
    private readonly tellGit: (casesGit: CasesGit) => Thenable<unknown>,
  ) {}

  /** The folder's status and what Git says of it, both awaited: for the form's state at a target of this base folder. */
  async statusAndGit(folder: string, base: string | undefined): Promise<{ readonly status: FolderStatus; readonly casesGit: CasesGit }> {
    const status = await casesFolderStatus(folder, base);
    return { status, casesGit: await this.casesGit(folder, status) };
  }

  async check(folder: string): Promise<FolderStatus> {
    return this.withGit(folder, await casesFolderStatus(folder, this.baseFolder()));
  }

  async browse(current: string): Promise<RequestResult<'browseFolder'>> {
    const base = this.baseFolder();
    const resolved = resolveForForm(current, base);
    const status = await casesFolderStatus(current, base);
    const start = status.kind === 'ok' && resolved.kind === 'resolved' ? resolved.path : base;
    const picked = await vscode.window.showOpenDialog({
      canSelectFolders: true,
      canSelectFiles: false,
      canSelectMany: false,
      title: vscode.l10n.t('Folder for the tilbago cases'),
      openLabel: vscode.l10n.t('Use this folder'),
      ...(start ? { defaultUri: vscode.Uri.file(start) } : {}),
    });
    const uri = picked?.[0];
    if (!uri) return null;
    const folder = storedCasesFolder(uri.fsPath, base);
    return { folder, status: this.withGit(folder, await casesFolderStatus(folder, base)) };
  }

  async create(configured: string): Promise<FolderStatus> {
    const base = this.baseFolder();
    const status = await casesFolderStatus(configured, base);
    if (status.kind === 'missing') {
      await fs.mkdir(status.path, { recursive: true });
      log().info('Setup form: created the cases folder.');
    }
    return this.withGit(configured, await casesFolderStatus(configured, base));
  }

  async ignore(folder: string): Promise<CasesGit> {
    const status = await casesFolderStatus(folder, this.baseFolder());
    if ('path' in status) {
      const check = await checkCasesFolder(status.path);
      if (check.state === 'exposed') await addToGitignoreAndSay(check, status.path);
    }
    return this.casesGit(folder, status);
  }

  /**
   * Whether Git keeps the cases folder out of its repository. A folder the form shows as exposed counts as warned
   * about: New case does not warn about it again.
   */
  private async casesGit(folder: string, status: FolderStatus): Promise<CasesGit> {
    if (!('path' in status)) return { kind: 'notChecked', folder };
    const check = await checkCasesFolder(status.path);
    const root = check.root === undefined ? {} : { root: check.root };
    if (check.state !== 'exposed') return { kind: check.state, folder, ...root };
    await markWarned(this.warned, status.path);
    return { kind: check.byGit ? 'exposed' : 'mayBeExposed', folder, ...root };
  }

  /** Tells the form what Git says of a folder it checked, after the status itself (which answers at once). */
  private withGit(folder: string, status: FolderStatus): FolderStatus {
    // A folder without a path (not set, invalid) has nothing to check: the form shows no Git line for it.
    if (!('path' in status)) return status;
    void this.casesGit(folder, status).then(
      (casesGit) => this.tellGit(casesGit),
      (error: unknown) => log().warn(`Setup form: the Git check failed: ${error instanceof Error ? error.message : String(error)}`),
    );
    return status;
  }
}
