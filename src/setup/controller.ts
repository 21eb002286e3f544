// The extension side of the setup form: answers the webview's messages after checking them, reads and writes the
// settings at the chosen target, and tells the form when settings.json changed under it. It holds no values of
// its own: settings.json is the only source of truth.
import * as fs from 'node:fs/promises';
import * as vscode from 'vscode';
import type { ApiKeyStatus } from '../apiKey/store';
import { casesFolderStatus, resolveForForm } from './folderStatus';
import type { TilbagoConfiguration } from '../settings/configuration';
import { storedCasesFolder } from '../settings/casesFolder';
import type { Language } from '../shared/languages';
import { parseWebviewMessage, type HostMessage, type SetupState, type StateReason, type WebviewMessage } from './contract';
import { log } from '../ui/log';
import { findTarget, publicTarget, readAtTarget, saveTargets, writeAtTarget } from './saveTargets';

export interface SetupHost {
  readonly configuration: TilbagoConfiguration;
  readonly language: Language;
  /** `publisher.name#walkthrough`, for "workbench.action.openWalkthrough". */
  readonly walkthroughId: string;
  apiKeyStatus(): Promise<ApiKeyStatus>;
  readonly onDidChangeApiKey: vscode.Event<void>;
}

export class SetupController implements vscode.Disposable {
  private targetId: string | undefined;
  private ready = false;
  /** The values last sent, to tell a real outside change from the echo of our own write. */
  private lastSentValues: string | undefined;
  /** Writes in progress: each key written fires a change event of its own, which is not an outside change. */
  private writing = 0;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly host: SetupHost,
    private readonly post: (message: HostMessage) => Thenable<boolean>,
  ) {
    this.subscriptions = [
      host.configuration.onDidChange(() => this.ready && this.writing === 0 && void this.sendState('external')),
      vscode.workspace.onDidChangeWorkspaceFolders(() => this.ready && void this.sendState('target')),
      host.onDidChangeApiKey(async () => this.ready && void this.post({ type: 'apiKey', apiKey: await host.apiKeyStatus() })),
    ];
  }

  /** Handles one raw message from the webview; a message that fails the protocol check is answered with an error. */
  async handle(raw: unknown): Promise<void> {
    const parsed = parseWebviewMessage(raw);
    if (!parsed.ok) {
      log().warn(`Setup form: refused a message (${parsed.error}).`);
      await this.post({
        type: 'error',
        message: vscode.l10n.t('The form sent a request that was refused ({0}). Nothing was changed.', parsed.error),
      });
      return;
    }
    const message = parsed.message;
    try {
      await this.dispatch(message);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      log().error(`Setup form: ${message.type} failed: ${reason}`);
      await this.post({
        type: 'error',
        message: vscode.l10n.t('That did not work: {0}', reason),
        ...('requestId' in message ? { requestId: message.requestId } : {}),
      });
    }
  }

  private async dispatch(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        return this.sendState('initial');
      case 'selectTarget':
        this.targetId = this.requireTarget(message.target).id;
        return this.sendState('target');
      case 'save': {
        const target = this.requireTarget(message.target);
        this.targetId = target.id;
        await this.write(() => writeAtTarget(target, message.values));
        log().info(`Setup form: saved to ${target.kind} settings.`);
        return this.sendState('saved');
      }
      case 'reset': {
        const target = this.requireTarget(message.target);
        const reset = vscode.l10n.t('Reset');
        const answer = await vscode.window.showWarningMessage(
          vscode.l10n.t('Remove the tilbago reminder and folder values from the {0}?', target.label),
          { modal: true, detail: vscode.l10n.t('The values inherited from other settings, or the defaults, apply again.') },
          reset,
        );
        if (answer !== reset) return;
        this.targetId = target.id;
        await this.write(() => writeAtTarget(target, undefined));
        return this.sendState('reset');
      }
      case 'setApiKey':
        await vscode.commands.executeCommand('tilbago.setApiKey');
        return;
      case 'removeApiKey':
        await vscode.commands.executeCommand('tilbago.removeApiKey');
        return;
      case 'testConnection':
        await vscode.commands.executeCommand('tilbago.testConnection');
        return;
      case 'openWalkthrough':
        await vscode.commands.executeCommand('workbench.action.openWalkthrough', this.host.walkthroughId, false);
        return;
      case 'checkFolder':
        await this.post({
          type: 'folderStatus',
          folder: message.folder,
          status: await casesFolderStatus(message.folder, this.baseFolder()),
        });
        return;
      case 'browseFolder':
        return this.browseFolder(message.folder);
      case 'createFolder':
        return this.createFolder(message.folder);
    }
  }

  private async write(action: () => Promise<void>): Promise<void> {
    this.writing++;
    try {
      await action();
    } finally {
      this.writing--;
    }
  }

  private requireTarget(id: string) {
    const target = findTarget(id);
    if (!target) throw new Error(vscode.l10n.t('that settings target does not exist (any more)'));
    return target;
  }

  private currentTarget() {
    const targets = saveTargets();
    return targets.find((target) => target.id === this.targetId) ?? targets[0]!;
  }

  /** The folder a relative cases folder is resolved against, for the current target. */
  private baseFolder(): string | undefined {
    return this.currentTarget().folder?.uri.fsPath;
  }

  async state(): Promise<SetupState> {
    const target = this.currentTarget();
    this.targetId = target.id;
    const { values, setAtTarget } = readAtTarget(this.host.configuration, target);
    const [folder, apiKey] = await Promise.all([casesFolderStatus(values.casesFolder, this.baseFolder()), this.host.apiKeyStatus()]);
    return {
      language: this.host.language,
      targets: saveTargets().map(publicTarget),
      target: target.id,
      values,
      setAtTarget,
      folder,
      apiKey,
    };
  }

  private async sendState(reason: StateReason): Promise<void> {
    const state = await this.state();
    const values = JSON.stringify(state.values);
    // An outside change that leaves the form's values as they were (our own write echoing back) needs no word.
    if (reason === 'external' && values === this.lastSentValues) return;
    this.lastSentValues = values;
    await this.post({ type: 'state', state, reason });
  }

  private async browseFolder(current: string): Promise<void> {
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
    if (!uri) return;
    const folder = storedCasesFolder(uri.fsPath, base);
    await this.post({ type: 'folderPicked', folder, status: await casesFolderStatus(folder, base) });
  }

  private async createFolder(configured: string): Promise<void> {
    const base = this.baseFolder();
    const status = await casesFolderStatus(configured, base);
    if (status.kind === 'missing') {
      await fs.mkdir(status.path, { recursive: true });
      log().info('Setup form: created the cases folder.');
    }
    await this.post({ type: 'folderStatus', folder: configured, status: await casesFolderStatus(configured, base) });
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
