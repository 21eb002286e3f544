// Shared by the integration suites: the extension under test, stubs for VS Code's UI, and waiting.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TilbagoApi } from '../../src/api';
import { TilbagoConfiguration } from '../../src/settings/configuration';
import type { HostMessage, SetupState } from '../../src/setup/contract';
import { SetupController } from '../../src/setup/controller';

export const EXTENSION_ID = 'swiss-invoicing.tilbago-debt-collection';

/**
 * Results the suites hand to the runner beyond mocha's counts. Each suite file is its own bundle with its own
 * copy of this module, so the state lives on the global object they share.
 */
export const testState: { canaryStored: boolean } = ((globalThis as any).__tilbagoTestState ??= { canaryStored: false });

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

/** Every message the extension shows, answered with the button whose title is given (or dismissed). */
export function recordMessages(answer: (message: string, buttons: string[]) => string | undefined = () => undefined) {
  const shown: { level: 'info' | 'warning' | 'error'; message: string; detail?: string }[] = [];
  const handler =
    (level: 'info' | 'warning' | 'error') =>
    async (message: string, ...rest: unknown[]): Promise<any> => {
      const options = rest[0] && typeof rest[0] === 'object' && !('title' in (rest[0] as object)) ? (rest[0] as vscode.MessageOptions) : undefined;
      const items = rest.filter((item): item is string | vscode.MessageItem => typeof item === 'string' || (typeof item === 'object' && item !== null && 'title' in item));
      shown.push({ level, message, ...(options?.detail ? { detail: options.detail } : {}) });
      const title = answer(message, items.map((item) => (typeof item === 'string' ? item : item.title)));
      return items.find((item) => (typeof item === 'string' ? item : item.title) === title);
    };
  const stubs = [
    stub(vscode.window, 'showInformationMessage', handler('info') as any),
    stub(vscode.window, 'showWarningMessage', handler('warning') as any),
    stub(vscode.window, 'showErrorMessage', handler('error') as any),
  ];
  return { shown, restore: () => stubs.forEach((s) => s.restore()) };
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

export function workspaceFolder(): vscode.WorkspaceFolder {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the test workspace has a folder open');
  return folder;
}

/** A controller like the panel's, with every message it posts recorded. */
export function driveSetupForm(api: TilbagoApi) {
  const posted: HostMessage[] = [];
  const configuration = new TilbagoConfiguration();
  const apiKeyChanged = new vscode.EventEmitter<void>();
  const subscription = api.onDidChange((e) => e.kind === 'apiKey' && apiKeyChanged.fire());
  const controller = new SetupController(
    { configuration, language: 'en', walkthroughId: 'swiss-invoicing.tilbago-debt-collection#tilbago.setup', apiKeyStatus: async () => ({ set: await api.isApiKeySet() }), onDidChangeApiKey: apiKeyChanged.event },
    async (message) => (posted.push(message), true),
  );
  const states = () => posted.filter((m): m is Extract<HostMessage, { type: 'state' }> => m.type === 'state');
  return {
    posted,
    states,
    lastState: (): SetupState => states().at(-1)!.state,
    send: (message: unknown) => controller.handle(message),
    dispose: () => [controller, configuration, apiKeyChanged, subscription].forEach((d) => d.dispose()),
  };
}
