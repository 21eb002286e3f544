// The extension side of the setup form: answers the webview's requests after checking them, reads and writes the
// settings at the chosen target, tells the form when settings.json changed under it, and keeps the form's unsaved
// edits while it is closed. Its values are settings.json's: the only source of truth.
import { OPEN_SETTINGS_FILE_COMMAND } from '../settings/settingsFiles';
import * as fs from 'node:fs/promises';
import * as vscode from 'vscode';
import type { ApiKeyStatus } from '../apiKey/store';
import { casesFolderStatus, resolveForForm } from './folderStatus';
import { checkCasesFolder, ignoreCasesFolder as addToGitignoreAndSay, markWarned } from '../cases/gitExposure';
import { previewPaymentPart } from './paymentPart';
import { formFieldNames, letterLanguageName } from './formStrings';
import type { TilbagoConfiguration } from '../settings/configuration';
import { storedCasesFolder } from '../settings/casesFolder';
import type { Language } from '../shared/languages';
import {
  checkDraft,
  editedFields,
  resetFields,
  type CasesGit,
  type FolderStatus,
  parseWebviewMessage,
  type ConnectionOutcome,
  type Draft,
  type FormField,
  type FormValues,
  type HostMessage,
  type HostNotifications,
  type Outcome,
  type RequestParams,
  type RequestResult,
  type RequestType,
  type SetupState,
  type StateReason,
  type WebviewNotification,
  type WebviewNotificationParams,
  type WebviewNotificationType,
  type WebviewRequest,
} from './contract';
import type { ApiError } from '../tilbago/client';
import { log } from '../ui/log';
import { findTarget, publicTarget, readAtTarget, saveTargets, writeAtTarget } from './saveTargets';

export interface SetupHost {
  readonly configuration: TilbagoConfiguration;
  readonly language: Language;
  /** `publisher.name#walkthrough`, for "workbench.action.openWalkthrough". */
  readonly walkthroughId: string;
  apiKeyStatus(): Promise<ApiKeyStatus>;
  readonly onDidChangeApiKey: vscode.Event<void>;
  /**
   * The workspace's state: where the form's unsaved edits wait while it is closed (the form never holds the key),
   * and which cases folders were warned about Git (shared with New case, which then does not warn again).
   */
  readonly drafts: vscode.Memento;
  /** "Test connection", its notifications included: tilbago's answer, undefined when nothing was asked. */
  testConnection(): Promise<ConnectionOutcome | undefined>;
}

/** The way to the form. */
export interface FormChannel {
  post(message: HostMessage): Thenable<boolean>;
  /** Told whenever the form gains or loses unsaved edits (the panel's title says so). */
  setDirty?(dirty: boolean): void;
}

/** A handler for every request of the contract: the compiler refuses a table that misses one. */
type RequestHandlers = { readonly [M in RequestType]: (params: RequestParams<M>) => Promise<RequestResult<M>> };
type NotificationHandlers = {
  readonly [N in WebviewNotificationType]: (params: WebviewNotificationParams<N>) => Promise<void>;
};

const DRAFT_KEY = 'tilbago.setup.draft';

// The outcomes the form knows are the command's: 'accepted', each kind of the client's errors, and 'notTested'.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const outcomesMatchTheClient: Same<ConnectionOutcome, 'accepted' | ApiError['kind'] | 'notTested'> = true;
void outcomesMatchTheClient;

/** The unsaved edits kept for the form, if any (checked again: the stored state may come from another version). */
export function unsavedDraft(drafts: vscode.Memento): Draft | undefined {
  const checked = checkDraft(drafts.get(DRAFT_KEY));
  return checked.ok && editedFields(checked.value).length > 0 ? checked.value : undefined;
}

export class SetupController implements vscode.Disposable {
  private targetId: string | undefined;
  private ready = false;
  private dirty: boolean;
  /** The values last sent, to tell a real outside change from the echo of our own write. */
  private lastSentValues: string | undefined;
  /** Writes in progress: each key written fires a change event of its own, which is not an outside change. */
  private writing = 0;
  private readonly subscriptions: vscode.Disposable[];
  /** Changes of what the state holds (settings, workspace folders, the key), counted. */
  private changes = 0;
  /** The form's first state, prepared when the panel opens, with the count of changes it was made at. */
  private prepared: Promise<{ readonly first: RequestResult<'ready'>; readonly changes: number } | undefined> | undefined;

  private readonly requests: RequestHandlers = {
    ready: async () => {
      this.ready = true;
      const prepared = await this.prepared;
      this.prepared = undefined;
      // Prepared before a change the form must see: made again.
      return prepared && prepared.changes === this.changes ? prepared.first : this.firstState();
    },
    save: async ({ target, changes }) => {
      const resolved = this.requireTarget(target);
      this.targetId = resolved.id;
      await this.write(() => writeAtTarget(resolved, changes));
      log().info(`Setup form: saved ${Object.keys(changes).length} value(s) to the ${resolved.kind} settings.`);
      return { state: await this.snapshot(), savedAt: Date.now() };
    },
    reset: async ({ target }) => {
      const resolved = this.requireTarget(target);
      const { values, setAtTarget } = readAtTarget(this.host.configuration, resolved);
      const { reset: reminder, kept } = resetFields(setAtTarget);
      if (reminder.length + kept.length === 0) {
        void vscode.window.showInformationMessage(
          vscode.l10n.t('The {0} hold no tilbago reminder or folder value: nothing to reset.', resolved.label),
        );
        return null;
      }
      const list = (fields: readonly FormField[]) => fields.map((field) => `• ${describeSetValue(field, values)}`).join('\n');
      // VS Code focuses a modal's first button and lets no extension focus Cancel: the first one removes nothing.
      // Reset keeps the cases folder and the creditor; only "Reset everything" removes them too.
      const open = vscode.l10n.t('Open the settings file');
      const reset = vscode.l10n.t('Reset');
      const everything = vscode.l10n.t('Reset everything');
      const detail = [
        ...(reminder.length ? [list(reminder)] : []),
        ...(kept.length
          ? [
              reminder.length
                ? vscode.l10n.t('Kept, unless you choose "{0}":', everything)
                : vscode.l10n.t('Removed only if you choose "{0}":', everything),
              list(kept),
            ]
          : []),
        '',
        vscode.l10n.t('The values inherited from other settings, or the defaults, apply again.'),
      ];
      const answer = await vscode.window.showWarningMessage(
        vscode.l10n.t('Remove these tilbago values from the {0}?', resolved.label),
        { modal: true, detail: detail.join('\n') },
        open,
        ...(reminder.length ? [reset] : []),
        ...(kept.length ? [everything] : []),
      );
      if (answer === open) await vscode.commands.executeCommand(OPEN_SETTINGS_FILE_COMMAND[resolved.kind]);
      const remove = answer === reset ? reminder : answer === everything ? [...reminder, ...kept] : undefined;
      if (!remove) return null;
      this.targetId = resolved.id;
      await this.write(() => writeAtTarget(resolved, { remove }));
      log().info(`Setup form: reset ${remove.length} value(s) in the ${resolved.kind} settings.`);
      return this.snapshot();
    },
    selectTarget: async ({ target }) => {
      this.targetId = this.requireTarget(target).id;
      return this.snapshot();
    },
    setApiKey: async () => {
      await vscode.commands.executeCommand('tilbago.setApiKey');
      return null;
    },
    removeApiKey: async () => {
      await vscode.commands.executeCommand('tilbago.removeApiKey');
      return null;
    },
    testConnection: async () => {
      // The command itself: its notifications stay as they are; the form also shows its outcome by the button.
      const outcome = await this.host.testConnection();
      const address = this.host.configuration.apiBaseUrl();
      return {
        outcome: outcome ?? 'notTested',
        ...('url' in address ? { host: new URL(address.url).host } : {}),
        at: Date.now(),
      };
    },
    openWalkthrough: async () => {
      await vscode.commands.executeCommand('workbench.action.openWalkthrough', this.host.walkthroughId, false);
      return null;
    },
    checkFolder: async ({ folder }) => this.withGit(folder, await casesFolderStatus(folder, this.baseFolder())),
    browseFolder: async ({ folder }) => {
      const picked = await this.browseFolder(folder);
      return picked && { folder: picked.folder, status: await this.withGit(picked.folder, picked.status) };
    },
    createFolder: async ({ folder }) => this.withGit(folder, await this.createFolder(folder)),
    ignoreCasesFolder: async ({ folder }) => {
      const status = await casesFolderStatus(folder, this.baseFolder());
      if ('path' in status) {
        const check = await checkCasesFolder(status.path);
        if (check.state === 'exposed') await addToGitignoreAndSay(check, status.path);
      }
      return this.casesGit(folder, status);
    },
    paymentPartSvg: async ({ creditor, language, debtor }) => {
      const part = previewPaymentPart(creditor, language, debtor);
      if (!part.ok) return { ok: false, missing: part.missing, invalid: part.invalid };
      // swissqrbill's SVG renderer is loaded only when a preview asks for it.
      const { paymentPartSvg } = await import('../reminders/paymentPartSvg');
      return { ok: true, svg: paymentPartSvg(part.input) };
    },
  };

  private readonly notifications: NotificationHandlers = {
    draft: async ({ draft }) => {
      const edits = draft && editedFields(draft).length > 0 ? draft : undefined;
      this.setDirty(edits !== undefined);
      await this.host.drafts.update(DRAFT_KEY, edits);
    },
  };

  constructor(
    private readonly host: SetupHost,
    private readonly channel: FormChannel,
  ) {
    this.dirty = unsavedDraft(host.drafts) !== undefined;
    this.subscriptions = [
      host.configuration.onDidChange(() => {
        this.changes++;
        if (this.ready && this.writing === 0) void this.sendState('external');
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        this.changes++;
        if (this.ready) void this.sendState('targets');
      }),
      host.onDidChangeApiKey(async () => {
        this.changes++;
        if (this.ready) void this.notify('apiKey', { apiKey: await host.apiKeyStatus() });
      }),
    ];
    // At once: the panel puts it in the page, so the form shows whole at its first paint.
    const changes = this.changes;
    this.prepared = this.firstState().then(
      (first) => ({ first, changes }),
      () => undefined, // the form's request reads again, and reports what fails
    );
  }

  /**
   * The first state, for the page to carry (`undefined` if it could not be read: the form then asks for it). The
   * form's `ready` request still comes, and its answer is the same unless something changed meanwhile.
   */
  async firstForPage(): Promise<RequestResult<'ready'> | undefined> {
    return (await this.prepared)?.first;
  }

  /** What the form starts from: the state, and the unsaved edits of an earlier session. */
  private async firstState(): Promise<RequestResult<'ready'>> {
    const draft = unsavedDraft(this.host.drafts) ?? null;
    // The edits go back to the target they were made for, while it exists.
    if (draft && findTarget(draft.target)) this.targetId = draft.target;
    return { state: await this.snapshot(), draft };
  }

  /** Handles one raw message from the webview; one that fails the contract's check is answered with an error. */
  async handle(raw: unknown): Promise<void> {
    const parsed = parseWebviewMessage(raw);
    if (!parsed.ok) {
      log().warn(`Setup form: refused a message (${parsed.error}).`);
      const message = vscode.l10n.t('The form sent a request that was refused ({0}). Nothing was changed.', parsed.error);
      await (parsed.id === undefined ? this.notify('refused', { message }) : this.reply(parsed.id, { ok: false, error: message }));
      return;
    }
    const message = parsed.message;
    if (!('id' in message)) return this.runNotification(message);
    try {
      await this.reply(message.id, { ok: true, value: await this.runRequest(message) });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      log().error(`Setup form: ${message.type} failed: ${reason}`);
      await this.reply(message.id, { ok: false, error: vscode.l10n.t('That did not work: {0}', reason) });
    }
  }

  private runRequest<M extends RequestType>(message: WebviewRequest & { readonly type: M }): Promise<RequestResult<M>> {
    const handler = this.requests[message.type] as (params: RequestParams<M>) => Promise<RequestResult<M>>;
    return handler(message.params as RequestParams<M>);
  }

  private async runNotification(message: WebviewNotification): Promise<void> {
    try {
      await this.notifications[message.type](message.params);
    } catch (error) {
      log().error(`Setup form: ${message.type} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private reply(id: number, outcome: Outcome<unknown>): Thenable<boolean> {
    return this.channel.post({ type: 'reply', id, ...outcome });
  }

  private notify<N extends keyof HostNotifications>(type: N, params: HostNotifications[N]): Thenable<boolean> {
    return this.channel.post({ type, params } as HostMessage);
  }

  private setDirty(dirty: boolean): void {
    if (dirty === this.dirty) return;
    this.dirty = dirty;
    this.channel.setDirty?.(dirty);
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
    const { values, setAtTarget, broken } = readAtTarget(this.host.configuration, target);
    const [folder, apiKey] = await Promise.all([casesFolderStatus(values.casesFolder, this.baseFolder()), this.host.apiKeyStatus()]);
    const casesGit = await this.casesGit(values.casesFolder, folder);
    return {
      language: this.host.language,
      targets: saveTargets().map(publicTarget),
      target: target.id,
      values,
      setAtTarget,
      broken,
      folder,
      casesGit,
      apiKey,
    };
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
    await markWarned(this.host.drafts, status.path);
    return { kind: check.byGit ? 'exposed' : 'mayBeExposed', folder, ...root };
  }

  /** Tells the form what Git says of a folder it checked, after the status itself (which answers at once). */
  private withGit(folder: string, status: FolderStatus): FolderStatus {
    // A folder without a path (not set, invalid) has nothing to check: the form shows no Git line for it.
    if (!('path' in status)) return status;
    void this.casesGit(folder, status).then(
      (casesGit) => this.notify('casesGit', { casesGit }),
      (error: unknown) => log().warn(`Setup form: the Git check failed: ${error instanceof Error ? error.message : String(error)}`),
    );
    return status;
  }

  /** The state, remembered as the last the form was sent. */
  private async snapshot(): Promise<SetupState> {
    const state = await this.state();
    this.lastSentValues = JSON.stringify([state.values, state.broken]);
    return state;
  }

  private async sendState(reason: StateReason): Promise<void> {
    const state = await this.state();
    const values = JSON.stringify([state.values, state.broken]);
    // An outside change that leaves the form's values as they were (our own write echoing back) needs no word.
    if (reason === 'external' && values === this.lastSentValues) return;
    this.lastSentValues = values;
    await this.notify('state', { state, reason });
  }

  private async browseFolder(current: string): Promise<RequestResult<'browseFolder'>> {
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
    return { folder, status: await casesFolderStatus(folder, base) };
  }

  private async createFolder(configured: string): Promise<RequestResult<'createFolder'>> {
    const base = this.baseFolder();
    const status = await casesFolderStatus(configured, base);
    if (status.kind === 'missing') {
      await fs.mkdir(status.path, { recursive: true });
      log().info('Setup form: created the cases folder.');
    }
    return casesFolderStatus(configured, base);
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}

/** One value that Reset would remove, as the user recognises it. */
function describeSetValue(field: FormField, values: FormValues): string {
  switch (field) {
    case 'daysAfterSecondReminder':
      return vscode.l10n.t('Days after the 2nd reminder: {0}', values.daysAfterSecondReminder);
    case 'daysBeforeCollection':
      return vscode.l10n.t('Days before collection: {0}', values.daysBeforeCollection);
    case 'letterDe':
    case 'letterFr':
    case 'letterIt':
    case 'letterEn':
      return vscode.l10n.t('Your {0} letter of the 3rd reminder ({1} characters)', letterLanguageName(field), values[field].length);
    case 'casesFolder':
      return vscode.l10n.t('The cases folder: {0}', values.casesFolder);
    default:
      // The creditor fields, by the form's own names for them, in the display language.
      return `${formFieldNames()[field]}: ${values[field]}`;
  }
}
