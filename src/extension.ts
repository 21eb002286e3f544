// Entry point. `activate()` only wires things together: nothing is read, checked or fetched until used.
import * as vscode from 'vscode';
import type { TilbagoApi, TilbagoChange } from './api';
import { registerApiKeyCommands } from './apiKeyCommands';
import { ApiKeyStore } from './apiKeyStore';
import { TilbagoConfiguration } from './configuration';
import { SETTINGS_SECTION } from './core/settings';
import { disposeLog } from './log';

export function activate(context: vscode.ExtensionContext): TilbagoApi {
  const apiKey = new ApiKeyStore(context.secrets);
  const configuration = new TilbagoConfiguration();
  const changed = new vscode.EventEmitter<TilbagoChange>();

  context.subscriptions.push(
    apiKey,
    configuration,
    changed,
    registerApiKeyCommands(apiKey),
    apiKey.onDidChange(() => changed.fire({ kind: 'apiKey' })),
    configuration.onDidChange((e) =>
      changed.fire({
        kind: 'settings',
        affects: (scope) => e.affectsConfiguration(SETTINGS_SECTION, scope),
      }),
    ),
    { dispose: disposeLog },
  );

  return Object.freeze({
    apiVersion: 1,
    getSettings: (scope) => configuration.read(scope),
    isApiKeySet: () => apiKey.isSet(),
    onDidChange: changed.event,
  } satisfies TilbagoApi);
}

export function deactivate(): void {}
