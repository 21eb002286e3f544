// Shared by the integration suites: the extension under test, stubs for VS Code's UI, reading PDFs, and waiting.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TilbagoApi } from '../../src/api';
import { TilbagoConfiguration } from '../../src/settings/configuration';
import type {
  HostMessage,
  ConnectionOutcome,
  Reply,
  RequestParams,
  RequestResult,
  RequestType,
  SetupState,
  StateReason,
  WebviewNotificationParams,
  WebviewNotificationType,
} from '../../src/setup/contract';
import { SetupController } from '../../src/setup/controller';
import { startFakeTilbago, type FakeTilbago } from '../fake-tilbago/server.mjs';

export const EXTENSION_ID = 'swiss-invoicing.tilbago-debt-collection';

/** The file beside the run's results that says the canary key was stored, so the runner scans the run for it. */
export const canaryMarkFile = (resultsFile: string) => `${resultsFile}.canary`;

/** Tells the runner the canary key was stored during this run. */
export function markCanaryStored(): void {
  const results = process.env.TILBAGO_TEST_RESULTS;
  if (results) writeFileSync(canaryMarkFile(results), 'stored\n');
}

export async function activateExtension(): Promise<TilbagoApi> {
  const extension = vscode.extensions.getExtension<TilbagoApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is loaded`);
  return extension.activate();
}

export function packageJson(): any {
  return vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON;
}

/**
 * Replaces a function of VS Code's API for the length of a test (the tests and the extension share one
 * `vscode` object). Returns the calls' arguments and a restore function.
 */
export function stub<T extends object, K extends keyof T>(
  target: T,
  name: K,
  replacement: T[K] extends (...args: infer A) => infer R ? (...args: A) => R : never,
): { calls: unknown[][]; restore: () => void } {
  const original = target[name];
  const calls: unknown[][] = [];
  (target as any)[name] = (...args: unknown[]) => {
    calls.push(args);
    return (replacement as (...a: unknown[]) => unknown)(...args);
  };
  return { calls, restore: () => ((target as any)[name] = original) };
}

/** How a test answers a message: the title of the button to click, or undefined to dismiss it; may take its time. */
export type MessageAnswer = (message: string, buttons: string[]) => string | undefined | Promise<string | undefined>;

export interface ShownMessage {
  level: 'info' | 'warning' | 'error';
  message: string;
  detail?: string;
  /** A modal dialog, which blocks the window until answered. */
  modal?: boolean;
  /** The buttons it offered, in order. */
  buttons?: string[];
}

/** Every message the extension shows, answered with the button whose title is given (or dismissed). */
export function recordMessages(answer: MessageAnswer = () => undefined) {
  const shown: ShownMessage[] = [];
  const handler =
    (level: 'info' | 'warning' | 'error') =>
    async (message: string, ...rest: unknown[]): Promise<any> => {
      const options =
        rest[0] && typeof rest[0] === 'object' && !('title' in (rest[0] as object)) ? (rest[0] as vscode.MessageOptions) : undefined;
      const items = rest.filter(
        (item): item is string | vscode.MessageItem =>
          typeof item === 'string' || (typeof item === 'object' && item !== null && 'title' in item),
      );
      const buttons = items.map((item) => (typeof item === 'string' ? item : item.title));
      shown.push({
        level,
        message,
        ...(options?.detail ? { detail: options.detail } : {}),
        ...(options?.modal ? { modal: true } : {}),
        ...(buttons.length ? { buttons } : {}),
      });
      const title = await answer(message, buttons);
      return items.find((item) => (typeof item === 'string' ? item : item.title) === title);
    };
  const stubs = [
    stub(vscode.window, 'showInformationMessage', handler('info') as any),
    stub(vscode.window, 'showWarningMessage', handler('warning') as any),
    stub(vscode.window, 'showErrorMessage', handler('error') as any),
  ];
  return { shown, restore: () => stubs.forEach((s) => s.restore()) };
}

/** In a script, clicks the Back button of the step shown (an input box or a quick pick made with create…()). */
export const BACK = Symbol('Back');

export interface UiScript {
  /**
   * Answers to the input boxes, in order; each is checked by the box's own validation first. `undefined` closes
   * the box (Escape); `BACK` clicks its Back button.
   */
  inputs?: (string | undefined | typeof BACK)[];
  /**
   * Labels to pick in the quick picks, in order (for a multiple choice, its labels joined by `|`); `undefined`
   * closes the pick (Escape), `BACK` clicks Back.
   */
  picks?: (string | undefined | typeof BACK)[];
  /** Buttons to click whenever a message offers one of them; other messages are dismissed. */
  buttons?: string[];
}

/** An input box as it was when it opened: its options, and for a step of a multi-step input its place and Back. */
export type OpenedInput = vscode.InputBoxOptions & { step?: number | undefined; totalSteps?: number | undefined; back?: boolean };

/** A quick pick as it was when it opened (made with createQuickPick). */
export interface OpenedPick {
  title?: string | undefined;
  step?: number | undefined;
  totalSteps?: number | undefined;
  placeholder?: string | undefined;
  back: boolean;
  /** The items' labels, separators left out. */
  labels: string[];
  /** The items' descriptions, by label. */
  descriptions: Record<string, string | undefined>;
  /** The separators' labels. */
  separators: string[];
  /** The label of the item highlighted at the start. */
  active?: string | undefined;
}

/** What a refused answer throws, as the old showInputBox stub did: the command fails and its wrapper shows why. */
function refusal(answer: string, verdict: string | vscode.InputBoxValidationMessage | null | undefined) {
  const refused =
    typeof verdict === 'string' ? verdict : verdict?.severity === vscode.InputBoxValidationSeverity.Error ? verdict : undefined;
  return refused ? new Error(`input "${answer}" refused: ${JSON.stringify(refused)}`) : undefined;
}

/** Events of a scripted quick input, fired later as VS Code does (after show() returns). */
function emitters() {
  const made = {
    accept: new vscode.EventEmitter<void>(),
    hide: new vscode.EventEmitter<void>(),
    button: new vscode.EventEmitter<vscode.QuickInputButton>(),
    value: new vscode.EventEmitter<string>(),
    selection: new vscode.EventEmitter<readonly vscode.QuickPickItem[]>(),
    active: new vscode.EventEmitter<readonly vscode.QuickPickItem[]>(),
  };
  const later = (fire: () => void) => setTimeout(fire, 0);
  let hidden = false;
  const hide = () => {
    if (hidden) return;
    hidden = true;
    made.hide.fire();
  };
  const common = {
    title: undefined as string | undefined,
    step: undefined as number | undefined,
    totalSteps: undefined as number | undefined,
    enabled: true,
    busy: false,
    ignoreFocusOut: false,
    buttons: [] as readonly vscode.QuickInputButton[],
    placeholder: undefined as string | undefined,
    value: '',
    onDidAccept: made.accept.event,
    onDidHide: made.hide.event,
    onDidTriggerButton: made.button.event,
    onDidChangeValue: made.value.event,
    hide,
    dispose: () => {
      hide();
      for (const emitter of Object.values(made)) emitter.dispose();
    },
  };
  /** Escape, Back, or neither (undefined: the script goes on). */
  const closeOrBack = (action: string | undefined | typeof BACK, buttons: readonly vscode.QuickInputButton[]) => {
    if (action === undefined) return (later(hide), true);
    if (action !== BACK) return false;
    if (!buttons.includes(vscode.QuickInputButtons.Back)) throw new Error('the script clicks Back, but this step has no Back button');
    later(() => made.button.fire(vscode.QuickInputButtons.Back));
    return true;
  };
  return { made, later, common, closeOrBack };
}

/** Answers input boxes in order (by prompt), quick picks with the given labels, and message buttons by title. */
export function scriptUi({ inputs = [], picks = [], buttons = [] }: UiScript) {
  const opened: OpenedInput[] = [];
  const pickers: OpenedPick[] = [];
  /** What each accepted answer's validation said (an Info message: what was understood). */
  const validations: (string | vscode.InputBoxValidationMessage | undefined)[] = [];
  const messages = recordMessages((_message, offered) => offered.find((b) => buttons.includes(b)));
  const input = stub(vscode.window, 'showInputBox', (async (options?: vscode.InputBoxOptions) => {
    opened.push(options ?? {});
    const answer = inputs.shift();
    if (answer === BACK) throw new Error('the script clicks Back, but showInputBox has no Back button');
    const verdict = answer === undefined ? undefined : await options?.validateInput?.(answer);
    // A string, or a message of Error severity, refuses the answer; an Info message only says what was understood.
    const refused = answer === undefined ? undefined : refusal(answer, verdict);
    if (refused) throw refused;
    validations.push(verdict ?? undefined);
    return answer;
  }) as any);
  const pick = stub(vscode.window, 'showQuickPick', (async (
    items: readonly (string | vscode.QuickPickItem)[] | Thenable<readonly (string | vscode.QuickPickItem)[]>,
    options?: vscode.QuickPickOptions,
  ) => {
    const wanted = picks.shift();
    const label = (item: string | vscode.QuickPickItem) => (typeof item === 'string' ? item : item.label);
    if (options?.canPickMany)
      return typeof wanted === 'string' ? (await items).filter((item) => wanted.split('|').includes(label(item))) : undefined;
    return (await items).find((item) => label(item) === wanted);
  }) as any);
  // The steps of a multi-step input: show() takes the script's next answer, types it (the box's own validation
  // runs, as on each keystroke), and accepts it; or closes the step, or clicks Back.
  const createInput = stub(vscode.window, 'createInputBox', (() => {
    const { made, later, common, closeOrBack } = emitters();
    const box: any = {
      ...common,
      prompt: undefined,
      password: false,
      validationMessage: undefined,
      show() {
        opened.push({
          title: box.title,
          step: box.step,
          totalSteps: box.totalSteps,
          prompt: box.prompt,
          value: box.value,
          placeHolder: box.placeholder,
          password: box.password,
          ignoreFocusOut: box.ignoreFocusOut,
          back: box.buttons.includes(vscode.QuickInputButtons.Back),
        });
        const answer = inputs.shift();
        if (closeOrBack(answer, box.buttons)) return;
        box.value = answer as string;
        made.value.fire(box.value);
        const refused = refusal(box.value, box.validationMessage);
        if (refused) throw refused;
        validations.push(box.validationMessage ?? undefined);
        later(() => made.accept.fire());
      },
    };
    return box;
  }) as any);
  const createPick = stub(vscode.window, 'createQuickPick', (() => {
    const { made, later, common, closeOrBack } = emitters();
    const quickPick: any = {
      ...common,
      items: [] as readonly vscode.QuickPickItem[],
      activeItems: [] as readonly vscode.QuickPickItem[],
      selectedItems: [] as readonly vscode.QuickPickItem[],
      canSelectMany: false,
      matchOnDescription: false,
      matchOnDetail: false,
      onDidChangeSelection: made.selection.event,
      onDidChangeActive: made.active.event,
      show() {
        const items = quickPick.items as readonly vscode.QuickPickItem[];
        const pickable = items.filter((item) => item.kind !== vscode.QuickPickItemKind.Separator);
        pickers.push({
          title: quickPick.title,
          step: quickPick.step,
          totalSteps: quickPick.totalSteps,
          placeholder: quickPick.placeholder,
          back: quickPick.buttons.includes(vscode.QuickInputButtons.Back),
          labels: pickable.map((item) => item.label),
          descriptions: Object.fromEntries(pickable.map((item) => [item.label, item.description])),
          separators: items.filter((item) => item.kind === vscode.QuickPickItemKind.Separator).map((item) => item.label),
          active: quickPick.activeItems[0]?.label,
        });
        const wanted = picks.shift();
        if (closeOrBack(wanted, quickPick.buttons)) return;
        const item = pickable.find((candidate) => candidate.label === wanted);
        if (!item)
          throw new Error(`the script picks "${String(wanted)}", which is not among ${JSON.stringify(pickable.map((i) => i.label))}`);
        quickPick.activeItems = [item];
        quickPick.selectedItems = [item];
        made.selection.fire([item]);
        later(() => made.accept.fire());
      },
    };
    return quickPick;
  }) as any);
  return {
    opened,
    pickers,
    validations,
    shown: messages.shown,
    restore: () => [messages, input, pick, createInput, createPick].forEach((s) => s.restore()),
  };
}

/** Runs a command with its questions answered by `script`; returns its result and what it showed and asked. */
export async function runScripted<T>(command: string, script: UiScript, ...args: unknown[]) {
  const ui = scriptUi(script);
  try {
    return {
      result: await vscode.commands.executeCommand<T>(command, ...args),
      shown: ui.shown,
      opened: ui.opened,
      pickers: ui.pickers,
      validations: ui.validations,
    };
  } finally {
    ui.restore();
  }
}

/** Closes every quick input made with create…() as soon as it is shown (Escape), as the canary needs. */
export function closeQuickInputs() {
  const closeAtOnce = (extra: object) => () => {
    const { later, common } = emitters();
    return { ...common, ...extra, show: () => later(common.hide) } as any;
  };
  const stubs = [
    stub(vscode.window, 'createInputBox', closeAtOnce({ prompt: undefined, password: false, validationMessage: undefined })),
    stub(vscode.window, 'createQuickPick', closeAtOnce({ items: [], activeItems: [], selectedItems: [] })),
  ];
  return { restore: () => stubs.forEach((s) => s.restore()) };
}

/** Answers the next input boxes with the given values, keeping the options they were opened with. */
export function answerInputBoxes(...answers: (string | undefined)[]) {
  const remaining = [...answers];
  const opened: vscode.InputBoxOptions[] = [];
  const s = stub(vscode.window, 'showInputBox', (async (options?: vscode.InputBoxOptions) => {
    opened.push(options ?? {});
    return remaining.shift();
  }) as any);
  return { opened, restore: s.restore };
}

export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value as T;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The extension against a fake tilbago, with its cases in a folder of the workspace: what useFakeTilbago set up. */
export interface FakeTilbagoCases {
  readonly api: TilbagoApi;
  readonly fake: FakeTilbago;
  /** The cases folder's path. */
  readonly casesRoot: string;
}

const tilbagoSettings = () => vscode.workspace.getConfiguration('tilbago');

/**
 * Points the extension at a fake tilbago that accepts `key` (the User settings: its URL, and the request timeout when
 * given) and at the cases folder `casesFolder` of the workspace; stores the key unless `storeKey` is false.
 */
export async function useFakeTilbago(options: {
  key: string;
  casesFolder: string;
  timeoutSeconds?: number;
  storeKey?: boolean;
}): Promise<FakeTilbagoCases> {
  const api = await activateExtension();
  const fake = await startFakeTilbago({ validKeys: [options.key] });
  await tilbagoSettings().update('apiBaseUrl', fake.url, vscode.ConfigurationTarget.Global);
  if (options.timeoutSeconds !== undefined)
    await tilbagoSettings().update('requestTimeoutSeconds', options.timeoutSeconds, vscode.ConfigurationTarget.Global);
  await tilbagoSettings().update('casesFolder', options.casesFolder, vscode.ConfigurationTarget.Workspace);
  if (options.storeKey ?? true) await runScripted('tilbago.setApiKey', { inputs: [options.key], buttons: ['Replace'] });
  return { api, fake, casesRoot: path.join(workspaceFolder().uri.fsPath, options.casesFolder) };
}

/** Undoes useFakeTilbago: the key removed, the settings cleared, the cases folder deleted, the fake stopped. */
export async function stopUsingFakeTilbago({ fake, casesRoot }: Omit<FakeTilbagoCases, 'api'>): Promise<void> {
  if (await (await activateExtension()).isApiKeySet()) await runScripted('tilbago.removeApiKey', { buttons: ['Remove'] });
  for (const key of ['apiBaseUrl', 'requestTimeoutSeconds'])
    await tilbagoSettings().update(key, undefined, vscode.ConfigurationTarget.Global);
  await tilbagoSettings().update('casesFolder', undefined, vscode.ConfigurationTarget.Workspace);
  await fs.rm(casesRoot, { recursive: true, force: true });
  await fake.stop();
}

export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace has a folder open');
  return folder;
}

/** A Memento in memory, as the workspace state the panel keeps the form's unsaved edits in. */
export function memoryMemento(): vscode.Memento {
  const values = new Map<string, unknown>();
  return {
    keys: () => [...values.keys()],
    get: <T>(key: string, defaultValue?: T) => (values.has(key) ? (values.get(key) as T) : defaultValue),
    update: async (key: string, value: unknown) => void (value === undefined ? values.delete(key) : values.set(key, value)),
  } as vscode.Memento;
}

/** A state the form received, and why: the answer to a request, or the host's own notification. */
export interface ReceivedState {
  readonly reason: 'initial' | 'saved' | 'reset' | 'target' | StateReason;
  readonly state: SetupState;
}

const STATE_OF_REPLY: Partial<Record<RequestType, (value: any) => SetupState | null | undefined>> = {
  ready: (value) => value.state,
  save: (value) => value.state,
  reset: (value) => value,
  selectTarget: (value) => value,
};
const REASON_OF_REPLY: Partial<Record<RequestType, ReceivedState['reason']>> = {
  ready: 'initial',
  save: 'saved',
  reset: 'reset',
  selectTarget: 'target',
};

/**
 * A controller like the panel's, driven as the form drives it: `request()` sends a request and returns the host's
 * reply, `notify()` a notification, `send()` any raw message. Every message posted back is recorded, and the
 * states among them (answers and notifications alike) are listed by `states()`.
 */
export function driveSetupForm(api: TilbagoApi, drafts: vscode.Memento = memoryMemento()) {
  const posted: HostMessage[] = [];
  const received: ReceivedState[] = [];
  const requests = new Map<number, RequestType>();
  const dirty: boolean[] = [];
  let nextId = 1_000_000;
  const configuration = new TilbagoConfiguration();
  const apiKeyChanged = new vscode.EventEmitter<void>();
  const subscription = api.onDidChange((e) => e.kind === 'apiKey' && apiKeyChanged.fire());
  const controller = new SetupController(
    {
      configuration,
      language: 'en',
      walkthroughId: 'swiss-invoicing.tilbago-debt-collection#tilbago.setup',
      apiKeyStatus: async () => ({ set: await api.isApiKeySet() }),
      onDidChangeApiKey: apiKeyChanged.event,
      drafts,
      // The real extension's command, as the panel's own host runs it (there, typed and without the bus).
      testConnection: () => Promise.resolve(vscode.commands.executeCommand<ConnectionOutcome | undefined>('tilbago.testConnection')),
    },
    {
      post: async (message) => {
        posted.push(message);
        if (message.type === 'state') received.push(message.params);
        if (message.type === 'reply' && message.ok) {
          const type = requests.get(message.id);
          const state = type && STATE_OF_REPLY[type]?.(message.value);
          if (type && state) received.push({ reason: REASON_OF_REPLY[type]!, state });
        }
        return true;
      },
      setDirty: (value) => dirty.push(value),
    },
  );
  const send = (message: unknown) => {
    const raw = message as { type?: unknown; id?: unknown };
    if (typeof raw?.id === 'number' && typeof raw.type === 'string') requests.set(raw.id, raw.type as RequestType);
    return controller.handle(message);
  };
  /** Sends a request; resolves with the host's reply to it. */
  const request = async <M extends RequestType>(type: M, params: RequestParams<M>) => {
    const id = nextId++;
    await send({ type, id, params });
    const reply = posted.find((m): m is Reply => m.type === 'reply' && m.id === id);
    assert.ok(reply, `the ${type} request was answered`);
    return reply as Reply & ({ ok: true; value: RequestResult<M> } | { ok: false; error: string });
  };
  /** Sends a request that must succeed; resolves with its result. */
  const call = async <M extends RequestType>(type: M, params: RequestParams<M>): Promise<RequestResult<M>> => {
    const reply = await request(type, params);
    if (!reply.ok) assert.fail(`${type} failed: ${reply.error}`);
    return reply.value;
  };
  return {
    posted,
    drafts,
    /** Each time the host told the panel the form gained or lost unsaved edits. */
    dirty,
    states: () => received,
    lastState: (): SetupState => received.at(-1)!.state,
    /** The errors posted: failed replies and refusals. */
    errors: () => posted.flatMap((m) => (m.type === 'reply' && !m.ok ? [m.error] : m.type === 'refused' ? [m.params.message] : [])),
    send,
    request,
    call,
    notify: <N extends WebviewNotificationType>(type: N, params: WebviewNotificationParams<N>) => send({ type, params }),
    /** The first state the panel puts in the page. */
    firstForPage: () => controller.firstForPage(),
    dispose: () => [controller, configuration, apiKeyChanged, subscription].forEach((d) => d.dispose()),
  };
}

// unpdf cannot load inside the extension host (its PDF.js sets `navigator`, a getter there), so a PDF is read
// back by a plain Node process: the one running the extension host, from the project folder.
const READ_PDF = `const { extractText, getDocumentProxy } = require('unpdf');
require('node:fs/promises').readFile(process.argv[1])
  .then((bytes) => getDocumentProxy(new Uint8Array(bytes)))
  .then((document) => extractText(document, { mergePages: false }))
  .then(({ text }) => process.stdout.write(JSON.stringify(text)));`;

/** A PDF's text, page by page, as a reader's copy-and-paste gives it. */
export function pdfPages(file: string): Promise<string[]> {
  return new Promise((resolve, reject) =>
    execFile(
      process.execPath,
      ['-e', READ_PDF, file],
      { cwd: path.join(__dirname, '..', '..', '..'), env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, maxBuffer: 100_000_000 },
      (error, stdout) => (error ? reject(error) : resolve(JSON.parse(stdout))),
    ),
  );
}

/** A PDF's text, all pages. */
export async function pdfText(file: string): Promise<string> {
  return (await pdfPages(file)).join('\n');
}
