// Shared by the integration suites: the extension under test, stubs for VS Code's UI, and waiting.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TilbagoApi } from '../../src/api';
import { TilbagoConfiguration } from '../../src/settings/configuration';
import type {
  HostMessage,
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

export interface UiScript {
  /** Answers to the input boxes, in order; each is checked by the box's own validation first. */
  inputs?: (string | undefined)[];
  /** Labels to pick in the quick picks, in order; for a multiple choice, its labels joined by `|`. */
  picks?: string[];
  /** Buttons to click whenever a message offers one of them; other messages are dismissed. */
  buttons?: string[];
}

/** Answers input boxes in order (by prompt), quick picks with the given labels, and message buttons by title. */
export function scriptUi({ inputs = [], picks = [], buttons = [] }: UiScript) {
  const opened: vscode.InputBoxOptions[] = [];
  /** What each accepted answer's validation said (an Info message: what was understood). */
  const validations: (string | vscode.InputBoxValidationMessage | undefined)[] = [];
  const messages = recordMessages((_message, offered) => offered.find((b) => buttons.includes(b)));
  const input = stub(vscode.window, 'showInputBox', (async (options?: vscode.InputBoxOptions) => {
    opened.push(options ?? {});
    const answer = inputs.shift();
    const verdict = answer === undefined ? undefined : await options?.validateInput?.(answer);
    // A string, or a message of Error severity, refuses the answer; an Info message only says what was understood.
    const refused =
      typeof verdict === 'string' ? verdict : verdict?.severity === vscode.InputBoxValidationSeverity.Error ? verdict : undefined;
    if (refused) throw new Error(`input "${answer}" refused: ${JSON.stringify(refused)}`);
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
      return wanted === undefined ? undefined : (await items).filter((item) => wanted.split('|').includes(label(item)));
    return (await items).find((item) => label(item) === wanted);
  }) as any);
  return {
    opened,
    validations,
    shown: messages.shown,
    restore: () => [messages, input, pick].forEach((s) => s.restore()),
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
      validations: ui.validations,
    };
  } finally {
    ui.restore();
  }
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

/** A case folder as a user leaves it: case.json, and attachments/ with the given files (name → content). */
export async function writeCaseFolder(folder: string, caseJson: object, attachments: Record<string, string>): Promise<string> {
  await fs.mkdir(path.join(folder, 'attachments'), { recursive: true });
  await fs.writeFile(path.join(folder, 'case.json'), JSON.stringify(caseJson, null, 2));
  for (const [name, content] of Object.entries(attachments)) await fs.writeFile(path.join(folder, 'attachments', name), content);
  return folder;
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
    dispose: () => [controller, configuration, apiKeyChanged, subscription].forEach((d) => d.dispose()),
  };
}
