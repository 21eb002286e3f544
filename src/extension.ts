// Entry point. `activate()` only wires things together: nothing is read, checked or fetched until used.
import * as vscode from 'vscode';
import type { TilbagoApi, TilbagoChange } from './api';
import { registerApiKeyCommands } from './apiKeyCommands';
import { registerCaseCommands, type CaseServices } from './caseCommands';
import { CasesTree } from './casesTree';
import { ApiKeyStore } from './apiKeyStore';
import { TilbagoConfiguration } from './configuration';
import { languageOf } from './core/languages';
import { BUILT_IN_LETTERS, findUnknownPlaceholders, LETTER_HEADINGS, renderLetterParts } from './core/letter';
import { reminderSchedule, reminderStage } from './core/schedule';
import { readRecord, isBroken } from './core/submission';
import { SETTINGS_SECTION } from './core/settings';
import { disposeLog } from './log';
import { registerUidCommand } from './uidCommand';
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
    walkthroughId: `${context.extension.id}#tilbago.setup`,
    apiKeyStatus: () => apiKey.status(),
    onDidChangeApiKey: apiKey.onDidChange,
  };

  const cases: CaseServices = { configuration, apiKey, language, casesChanged: new vscode.EventEmitter<void>() };

  context.subscriptions.push(
    apiKey,
    configuration,
    changed,
    cases.casesChanged,
    registerApiKeyCommands(apiKey),
    registerCaseCommands(cases),
    registerUidCommand(),
    // The view's provider is cheap to make; it reads the cases folder only when the view is shown.
    vscode.window.registerTreeDataProvider('tilbago.cases', new CasesTree(configuration, cases.casesChanged.event)),
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
    submitCase: (folder) => vscode.commands.executeCommand('tilbago.submitCase', folder),
    refreshStatuses: () => vscode.commands.executeCommand('tilbago.refreshStatus'),
    caseState: async (folder) => {
      const record = await readRecord(folder.fsPath);
      return isBroken(record) ? undefined : record;
    },
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
