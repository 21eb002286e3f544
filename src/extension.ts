// Entry point. `activate()` only wires things together: nothing is read, checked or fetched until used.
import * as vscode from 'vscode';
import type { TilbagoApi, TilbagoChange } from './api';
import { registerApiKeyCommands } from './apiKeyCommands';
import { ApiKeyStore } from './apiKeyStore';
import { TilbagoConfiguration } from './configuration';
import { languageOf } from './core/languages';
import { BUILT_IN_LETTERS, findUnknownPlaceholders, LETTER_HEADINGS, renderLetterParts } from './core/letter';
import { reminderSchedule, reminderStage } from './core/schedule';
import { SETTINGS_SECTION } from './core/settings';
import { disposeLog } from './log';
import { SETUP_VIEW_TYPE, SetupPanel } from './setupPanel';
import type { SetupHost } from './setupController';

export function activate(context: vscode.ExtensionContext): TilbagoApi {
  const apiKey = new ApiKeyStore(context.secrets);
  const configuration = new TilbagoConfiguration();
  const changed = new vscode.EventEmitter<TilbagoChange>();
  const language = languageOf(vscode.env.language);
  const setupHost: SetupHost = {
    configuration,
    language,
    apiKeyStatus: () => apiKey.status(),
    onDidChangeApiKey: apiKey.onDidChange,
  };

  context.subscriptions.push(
    apiKey,
    configuration,
    changed,
    registerApiKeyCommands(apiKey),
    vscode.commands.registerCommand('tilbago.openSetup', () => SetupPanel.show(context.extensionUri, setupHost)),
    vscode.window.registerWebviewPanelSerializer(SETUP_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel) => SetupPanel.revive(panel, context.extensionUri, setupHost),
    }),
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
    reminderSchedule: (dates, scope) => reminderSchedule(dates, configuration.read(scope).reminder3),
    reminderStage: (dates, day, scope) => reminderStage(dates, configuration.read(scope).reminder3, day),
    renderReminderLetter: (invoice, scope) => {
      const text = configuration.read(scope).reminder3.text || BUILT_IN_LETTERS[language];
      const parts = renderLetterParts(text, invoice, language);
      return {
        heading: LETTER_HEADINGS[language],
        text: parts.map((part) => part.text).join(''),
        unknownPlaceholders: findUnknownPlaceholders(text).map((unknown) => unknown.text),
        missingPlaceholders: parts.flatMap((part) => (part.kind === 'missing' ? [part.placeholder] : [])),
      };
    },
  } satisfies TilbagoApi);
}

export function deactivate(): void {}
