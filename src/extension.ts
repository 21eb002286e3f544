// Entry point. `activate()` only wires things together: nothing is read, checked or fetched until used. The
// tilbago commands and the setup panel live in bundles of their own (dist/cases.js, dist/setup.js), loaded the
// first time one of them is used, so activation loads only this small one.
import './activationMark';
import * as vscode from 'vscode';
import type { TilbagoApi, TilbagoChange } from './api';
import { registerApiKeyCommands } from './apiKeyCommands';
import { ApiKeyStore } from './apiKeyStore';
import type { CaseServices } from './caseCommands';
import { TilbagoConfiguration } from './configuration';
import { languageOf } from './core/languages';
import { SETTINGS_SECTION } from './core/settings';
import type { CasesFeature, createCasesFeature } from './features/cases';
import { CASE_COMMANDS, SETUP_VIEW_TYPE } from './features/ids';
import type { SetupFeature } from './features/setup';
import { disposeLog } from './log';
import type { SetupHost } from './setupController';

performance.mark('tilbago-module-evaluated');


/** A feature bundle beside this one, required on first use. */
function lazy<T>(load: () => T): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load());
}

export function activate(context: vscode.ExtensionContext): TilbagoApi {
  performance.mark('tilbago-activate-start');
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
  const services: CaseServices = { configuration, apiKey, language, casesChanged: new vscode.EventEmitter<void>() };
  const setup = lazy(() => (require('./setup.js') as { setupFeature: SetupFeature }).setupFeature);
  const cases = lazy<CasesFeature>(() => (require('./cases.js') as { createCasesFeature: typeof createCasesFeature }).createCasesFeature(services));

  // The cases view asks for its items only when shown; its provider stands in until then.
  const casesTree = lazy(() => {
    const tree = cases().createTree();
    context.subscriptions.push(tree, tree.onDidChangeTreeData(() => treeChanged.fire()));
    return tree;
  });
  const treeChanged = new vscode.EventEmitter<void>();

  context.subscriptions.push(
    apiKey,
    configuration,
    changed,
    services.casesChanged,
    treeChanged,
    registerApiKeyCommands(apiKey),
    ...CASE_COMMANDS.map((id) => vscode.commands.registerCommand(id, (...args: unknown[]) => cases().handlers[id](...args))),
    vscode.window.registerTreeDataProvider('tilbago.cases', {
      onDidChangeTreeData: treeChanged.event,
      getChildren: (node?: unknown) => casesTree().getChildren(node as never),
      getTreeItem: (node: unknown) => casesTree().getTreeItem(node as never),
    }),
    vscode.commands.registerCommand('tilbago.openSetup', () => setup().SetupPanel.show(context.extensionUri, setupHost)),
    vscode.window.registerWebviewPanelSerializer(SETUP_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel) => setup().SetupPanel.revive(panel, context.extensionUri, setupHost),
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

  performance.mark('tilbago-activated');
  return Object.freeze({
    apiVersion: 1,
    getSettings: (scope) => configuration.read(scope),
    isApiKeySet: () => apiKey.isSet(),
    onDidChange: changed.event,
    reminderSchedule: (dates, scope) => setup().reminderSchedule(dates, configuration.read(scope).reminder3),
    reminderStage: (dates, day, scope) => setup().reminderStage(dates, configuration.read(scope).reminder3, day),
    renderReminderLetter: (invoice, scope) => setup().renderReminderLetter(configuration.read(scope).reminder3.text, invoice, language),
    submitCase: (folder, options) => cases().submit(folder, options),
    refreshStatuses: () => vscode.commands.executeCommand('tilbago.refreshStatus'),
    caseState: (folder) => cases().caseState(folder),
  } satisfies TilbagoApi);
}

export function deactivate(): void {}
