// The extension side of the setup form: answers the webview's requests after checking them, each by its own module
// (saveTargets.ts, resetDialog.ts, casesFolderRequests.ts, paymentPart.ts), tells the form when settings.json
// changed under it, and keeps the form's unsaved edits while it is closed. Its values are settings.json's: the
// only source of truth.
import * as vscode from 'vscode';
import type { ApiKeyStatus } from '../apiKey/store';
import type { TilbagoConfiguration } from '../settings/configuration';
import { findSettingsTarget, settingsTargets } from '../settings/targets';
import type { Language } from '../shared/languages';
import type { ApiError } from '../tilbago/client';
import { log } from '../ui/log';
import { CasesFolderRequests } from './casesFolderRequests';
import {
  checkDraft,
  editedFields,
  parseWebviewMessage,
  type ConnectionOutcome,
  type Draft,
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
import { previewPaymentPart } from './paymentPart';
import { askWhatToReset } from './resetDialog';
import { publicTarget, readAtTarget, writeAtTarget } from './saveTargets';

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

  private readonly casesFolder: CasesFolderRequests;

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
      const remove = await askWhatToReset(resolved, values, setAtTarget);
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
    checkFolder: ({ folder }) => this.casesFolder.check(folder),
    browseFolder: ({ folder }) => this.casesFolder.browse(folder),
    createFolder: ({ folder }) => this.casesFolder.create(folder),
    ignoreCasesFolder: ({ folder }) => this.casesFolder.ignore(folder),
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
    this.casesFolder = new CasesFolderRequests(
      () => this.currentTarget().target.folder?.uri.fsPath,
      host.drafts,
      (casesGit) => this.notify('casesGit', { casesGit }),
    );
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
    if (draft && findSettingsTarget(draft.target)) this.targetId = draft.target;
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
    const target = findSettingsTarget(id);
    if (!target) throw new Error(vscode.l10n.t('that settings target does not exist (any more)'));
    return target;
  }

  /**
   * The target selected, or the first while none is or the one selected is gone (a folder removed). Only read: the
   * selection changes on select, save, reset and a restored draft's target, so a folder that comes back is selected again.
   */
  private currentTarget() {
    const targets = settingsTargets();
    return { targets, target: targets.find((target) => target.id === this.targetId) ?? targets[0]! };
  }

  async state(): Promise<SetupState> {
    const { targets, target } = this.currentTarget();
    const { values, setAtTarget, broken } = readAtTarget(this.host.configuration, target);
    const [{ status: folder, casesGit }, apiKey] = await Promise.all([
      this.casesFolder.statusAndGit(values.casesFolder, target.folder?.uri.fsPath),
      this.host.apiKeyStatus(),
    ]);
    return {
      language: this.host.language,
      targets: targets.map(publicTarget),
      target: target.id,
      values,
      setAtTarget,
      broken,
      folder,
      casesGit,
      apiKey,
    };
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

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
