import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TilbagoApi } from '../../src/api';
import { SETTING_KEYS, SETTINGS } from '../../src/settings/schema';
import { activateExtension, answerInputBoxes, driveSetupForm, recordMessages, stub, waitFor, workspaceFolder } from './helpers';

const config = () => vscode.workspace.getConfiguration('tilbago');
const values = {
  daysAfterSecondReminder: 12,
  daysBeforeCollection: 20,
  text: 'Madame, Monsieur,\nFacture %NUMERO%',
  casesFolder: 'Cas tilbago',
};

const settingsFile = () => path.join(workspaceFolder().uri.fsPath, '.vscode', 'settings.json');

describe('setup panel', () => {
  let api: TilbagoApi;
  let form: ReturnType<typeof driveSetupForm>;

  before(async () => {
    api = await activateExtension();
  });

  beforeEach(() => {
    form = driveSetupForm(api);
  });

  afterEach(async () => {
    form.dispose();
    for (const key of SETTING_KEYS) {
      await config().update(key, undefined, vscode.ConfigurationTarget.Global);
      if (SETTINGS[key].scope !== 'machine') await config().update(key, undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('"Tilbago: Open setup" opens one panel, and a second call reveals it', async () => {
    const setupTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((tab) => tab.label === 'tilbago setup');
    await vscode.commands.executeCommand('tilbago.openSetup');
    await waitFor('the setup tab', () => setupTabs().length === 1 || undefined);
    await vscode.commands.executeCommand('workbench.action.files.newUntitledFile');
    await vscode.commands.executeCommand('tilbago.openSetup');
    await waitFor(
      'the setup tab to be active again',
      () => vscode.window.tabGroups.activeTabGroup.activeTab?.label === 'tilbago setup' || undefined,
    );
    assert.equal(setupTabs().length, 1);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('answers ready with the state: targets, values in effect, folder and key status, never the key', async () => {
    await config().update('reminder3.daysBeforeCollection', 25, vscode.ConfigurationTarget.Global);
    await form.send({ type: 'ready' });
    const state = form.lastState();
    assert.equal(form.states()[0]!.reason, 'initial');
    assert.deepEqual(
      state.targets.map((t) => [t.id, t.kind]),
      [
        ['workspace', 'workspace'],
        ['user', 'user'],
      ],
    );
    assert.equal(state.target, 'workspace', 'with a folder open, Save goes to the workspace');
    assert.deepEqual(state.values, { daysAfterSecondReminder: 10, daysBeforeCollection: 25, text: '', casesFolder: '' });
    assert.deepEqual(state.folder, { kind: 'notSet' });
    assert.deepEqual(Object.keys(state.apiKey), ['set']);
  });

  it('Save writes every value to the workspace settings.json, and the extension uses them', async () => {
    await form.send({ type: 'ready' });
    await form.send({ type: 'save', requestId: 7, target: 'workspace', values });
    assert.equal(form.states().at(-1)!.reason, 'saved');
    assert.deepEqual(form.lastState().values, values);
    const onDisk = await fs.readFile(settingsFile(), 'utf8');
    assert.match(onDisk, /"tilbago\.reminder3\.daysAfterSecondReminder": 12/);
    assert.match(onDisk, /"tilbago\.reminder3\.daysBeforeCollection": 20/);
    assert.match(onDisk, /"tilbago\.reminder3\.text": "Madame, Monsieur,\\nFacture %NUMERO%"/);
    assert.match(onDisk, /"tilbago\.casesFolder": "Cas tilbago"/);
    assert.deepEqual(api.getSettings().reminder3, { daysAfterSecondReminder: 12, daysBeforeCollection: 20, text: values.text });
    assert.equal(api.getSettings().casesFolder, path.join(workspaceFolder().uri.fsPath, 'Cas tilbago'));
    assert.ok(!form.states().some((s) => s.reason === 'external'), 'its own write is not reported as an outside change');
  });

  it('Save to the User settings writes there, and leaves the workspace alone', async () => {
    await form.send({ type: 'ready' });
    await form.send({ type: 'save', requestId: 1, target: 'user', values });
    assert.equal(config().inspect('reminder3.daysBeforeCollection')?.globalValue, 20);
    assert.equal(config().inspect('reminder3.daysBeforeCollection')?.workspaceValue, undefined);
    assert.equal(form.lastState().target, 'user');
  });

  it('Reset to defaults removes the values at the target after confirmation, and only then', async () => {
    await form.send({ type: 'ready' });
    await form.send({ type: 'save', requestId: 1, target: 'workspace', values });

    const declined = recordMessages(() => undefined);
    await form.send({ type: 'reset', requestId: 2, target: 'workspace' }).finally(declined.restore);
    assert.match(declined.shown[0]!.message, /Remove the tilbago reminder and folder values from the Workspace settings\?/);
    assert.equal(config().inspect('reminder3.daysBeforeCollection')?.workspaceValue, 20);

    const confirmed = recordMessages((_m, buttons) => buttons[0]);
    await form.send({ type: 'reset', requestId: 3, target: 'workspace' }).finally(confirmed.restore);
    assert.equal(config().inspect('reminder3.daysBeforeCollection')?.workspaceValue, undefined);
    assert.equal(form.states().at(-1)!.reason, 'reset');
    assert.deepEqual(form.lastState().values, { daysAfterSecondReminder: 10, daysBeforeCollection: 15, text: '', casesFolder: '' });
    assert.deepEqual(Object.values(form.lastState().setAtTarget), [false, false, false, false]);
  });

  it('answers a bad message with an error and changes nothing', async () => {
    await form.send({ type: 'ready' });
    const before = form.posted.length;
    await form.send({ type: 'save', requestId: 1, target: 'workspace', values: { ...values, daysBeforeCollection: 999 } });
    await form.send({ type: 'save', requestId: 2, target: 'workspace', values, 'tilbago.apiBaseUrl': 'https://evil.example/' });
    await form.send({ type: 'save', requestId: 3, target: 'folder:file:///etc', values });
    await form.send({ type: 'runCommand', command: 'workbench.action.terminal.new' });
    const answers = form.posted.slice(before);
    assert.equal(answers.length, 4);
    assert.ok(
      answers.every((m) => m.type === 'error'),
      JSON.stringify(answers),
    );
    assert.match(
      (answers[0] as { message: string }).message,
      /refused \(values\.daysBeforeCollection cannot be saved: outOfRange\)\. Nothing was changed\./,
    );
    assert.match((answers[2] as { message: string }).message, /target does not exist/);
    assert.equal((answers[2] as { requestId?: number }).requestId, 3);
    assert.equal(config().inspect('reminder3.daysBeforeCollection')?.workspaceValue, undefined);
    assert.equal(config().inspect('apiBaseUrl')?.globalValue, undefined);
  });

  it('tells the form about an outside edit of settings.json, with the new values', async () => {
    await form.send({ type: 'ready' });
    await fs.mkdir(path.dirname(settingsFile()), { recursive: true });
    await fs.writeFile(settingsFile(), '{\n  // by hand\n  "tilbago.reminder3.daysBeforeCollection": 40\n}\n');
    const external = await waitFor('an external state', () => form.states().find((s) => s.reason === 'external'));
    assert.equal(external.state.values.daysBeforeCollection, 40);
    await fs.rm(settingsFile());
    await waitFor('the removal to be seen', () => form.states().filter((s) => s.reason === 'external').length === 2 || undefined);
  });

  it('Browse… picks a folder with showOpenDialog: inside the workspace it is stored relative; it can be created', async () => {
    await form.send({ type: 'ready' });
    const picked = vscode.Uri.joinPath(workspaceFolder().uri, 'dossiers', 'Cas tilbago');
    const dialog = stub(vscode.window, 'showOpenDialog', (async () => [picked]) as any);
    try {
      await form.send({ type: 'browseFolder', folder: '' });
    } finally {
      dialog.restore();
    }
    const options = dialog.calls[0]![0] as vscode.OpenDialogOptions;
    assert.equal(options.canSelectFolders, true);
    assert.equal(options.canSelectFiles, false);
    assert.equal(options.defaultUri?.fsPath, workspaceFolder().uri.fsPath, 'starts at the workspace when no folder is set');
    const answer = form.posted.at(-1)!;
    assert.deepEqual(answer, { type: 'folderPicked', folder: 'dossiers/Cas tilbago', status: { kind: 'missing', path: picked.fsPath } });

    await form.send({ type: 'createFolder', folder: 'dossiers/Cas tilbago' });
    assert.deepEqual(form.posted.at(-1), {
      type: 'folderStatus',
      folder: 'dossiers/Cas tilbago',
      status: { kind: 'ok', path: picked.fsPath },
    });
    assert.ok((await fs.stat(picked.fsPath)).isDirectory());

    const outside = vscode.Uri.file(path.join(path.dirname(workspaceFolder().uri.fsPath), 'elsewhere'));
    const second = stub(vscode.window, 'showOpenDialog', (async () => [outside]) as any);
    try {
      await form.send({ type: 'browseFolder', folder: 'dossiers/Cas tilbago' });
    } finally {
      second.restore();
    }
    assert.equal((second.calls[0]![0] as vscode.OpenDialogOptions).defaultUri?.fsPath, picked.fsPath, 'starts at the current folder');
    assert.equal((form.posted.at(-1) as { folder: string }).folder, outside.fsPath, 'outside the workspace: absolute');
    await fs.rm(path.join(workspaceFolder().uri.fsPath, 'dossiers'), { recursive: true });
  });

  it('the key buttons run the palette commands, and the form learns the new status', async () => {
    await form.send({ type: 'ready' });
    const boxes = answerInputBoxes('tb-live-0123456789abcdef');
    const messages = recordMessages((_m, buttons) => buttons[0]);
    try {
      await form.send({ type: 'setApiKey' });
      await waitFor('the key status', () => form.posted.find((m) => m.type === 'apiKey' && m.apiKey.set));
      await form.send({ type: 'removeApiKey' });
      await waitFor('the key removal', () => form.posted.find((m) => m.type === 'apiKey' && !m.apiKey.set));
    } finally {
      boxes.restore();
      messages.restore();
    }
    assert.ok(!JSON.stringify(form.posted).includes('0123456789ab'), 'the key never goes to the form');
  });
});
