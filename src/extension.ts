// Composition only: builds the services and registers every contribution; nothing is read, checked or fetched
// until used. The commands, the setup panel and the cases view's items are loaded with `import()` the first time
// one is used, as chunks the bundler splits off, so activation loads only what registration and the synchronous
// functions of the public API need.
import './activationMark';
import * as vscode from 'vscode';
import type { TilbagoApi, TilbagoChange } from './api';
import { ApiKeyStore } from './apiKey/store';
import type { CaseServices } from './cases/caseFolders';
import type { CasesFeature } from './cases/feature';
import { readyCount } from './cases/counts';
import { followCaseFiles } from './cases/caseFileEvents';
import { CasesTree } from './cases/tree';
import { CASE_COMMANDS, SETUP_VIEW_TYPE } from './ids';
import { letterLanguage, reminderLetter } from './reminders/letter';
import { reminderSchedule, reminderStage } from './reminders/schedule';
import { TilbagoConfiguration } from './settings/configuration';
import { SETTINGS_SECTION } from './settings/schema';
import type { SetupHost } from './setup/controller';
import { LANGUAGES, languageOf, type Language } from './shared/languages';
import { once } from './shared/once';
import { registerCommand } from './ui/commands';
import { disposeLog } from './ui/log';
import { SetupProgress } from './ui/setupProgress';

performance.mark('tilbago-module-evaluated');

export function activate(context: vscode.ExtensionContext): TilbagoApi {
  performance.mark('tilbago-activate-start');
  const apiKey = new ApiKeyStore(context.secrets);
  const configuration = new TilbagoConfiguration();
  const changed = new vscode.EventEmitter<TilbagoChange>();
  const walkthroughId = `${context.extension.id}#tilbago.setup`;
  const setupProgress = new SetupProgress(apiKey, configuration, context.globalState, walkthroughId);
  const language = languageOf(vscode.env.language);
  const setupHost: SetupHost = {
    configuration,
    language,
    walkthroughId,
    apiKeyStatus: () => apiKey.status(),
    onDidChangeApiKey: apiKey.onDidChange,
    drafts: context.workspaceState,
    testConnection: async () => (await cases()).testConnection(),
  };
  const services: CaseServices = {
    configuration,
    apiKey,
    extensionPath: context.extensionPath,
    casesChanged: new vscode.EventEmitter<void>(),
    state: context.workspaceState,
    setupProgress,
  };
  let casesLoaded: Promise<CasesFeature> | undefined;
  const cases = () => (casesLoaded ??= import('./cases/feature').then((feature) => feature.createCasesFeature(services)));
  const setup = once(() => import('./setup/panel'));
  const apiKeyCommands = once(() => import('./apiKey/commands'));
  const casesTree = new CasesTree(
    configuration,
    services.casesChanged.event,
    vscode.Uri.joinPath(context.extensionUri, 'dist', 'listWorker.mjs').fsPath,
  );
  const casesView = vscode.window.createTreeView('tilbago.cases', { treeDataProvider: casesTree });
  // After activation, not during it: the first reads of SecretStorage and the settings take a while.
  void setupProgress.showAll();

  context.subscriptions.push(
    apiKey,
    configuration,
    changed,
    services.casesChanged,
    casesTree,
    registerCommand('tilbago.setApiKey', async () => (await apiKeyCommands()).setApiKey(apiKey)),
    registerCommand('tilbago.removeApiKey', async () => (await apiKeyCommands()).removeApiKey(apiKey)),
    ...CASE_COMMANDS.map((id) => registerCommand(id, async (...args) => (await cases()).handlers[id](...args))),
    casesView,
    followCaseFiles(cases),
    { dispose: () => void casesLoaded?.then((feature) => feature.dispose()) },
    casesTree.onDidChangeReadyCount((ready) => {
      casesView.badge = ready ? { value: ready, tooltip: readyCount(ready) } : undefined;
    }),
    registerCommand('tilbago.openSetup', async () => (await setup()).SetupPanel.show(context.extensionUri, setupHost)),
    vscode.window.registerWebviewPanelSerializer(SETUP_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel) => (await setup()).SetupPanel.revive(panel, context.extensionUri, setupHost),
    }),
    apiKey.onDidChange(() => {
      changed.fire({ kind: 'apiKey' });
      void setupProgress.showAll();
    }),
    configuration.onDidChange((e) => {
      if (e.affectsConfiguration(`${SETTINGS_SECTION}.casesFolder`)) setupProgress.showFolder();
      // The key was accepted at one address: another has not accepted it yet.
      if (e.affectsConfiguration(`${SETTINGS_SECTION}.apiBaseUrl`)) void setupProgress.showAll();
      changed.fire({
        kind: 'settings',
        affects: (scope) => e.affectsConfiguration(SETTINGS_SECTION, scope),
      });
    }),
    { dispose: disposeLog },
  );

  performance.mark('tilbago-activated');
  return Object.freeze({
    apiVersion: 1,
    getSettings: (scope) => configuration.read(scope),
    isApiKeySet: () => apiKey.isSet(),
    onDidChange: changed.event,
    reminderSchedule: (dates, scope) => reminderSchedule(dates, configuration.read(scope).thirdReminder),
    reminderStage: (dates, day, scope) => reminderStage(dates, configuration.read(scope).thirdReminder, day),
    renderReminderLetter: (invoice, scope, chosen) => {
      const { thirdReminder } = configuration.read(scope);
      const asked = LANGUAGES.includes(chosen as Language) ? (chosen as Language) : undefined;
      const letterIn = letterLanguage({ language: asked }, thirdReminder.defaultLanguage);
      return reminderLetter(thirdReminder.letters[letterIn], invoice, letterIn);
    },
    submitCase: async (folder, options) => (await cases()).submit(folder, options),
    refreshStatuses: async () => (await cases()).refreshStatuses(),
    caseState: async (folder) => (await cases()).caseState(folder),
    reminderLetterPdf: async (folder) => (await cases()).reminderLetterPdf(folder),
  } satisfies TilbagoApi);
}

export function deactivate(): void {}
