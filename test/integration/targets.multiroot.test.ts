// Run with a .code-workspace of two folders open (the runner's multi-root shape).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TilbagoApi } from '../../src/api';
import { FORM_FIELDS } from '../../src/setup/fields';
import { activateExtension, driveSetupForm, memoryMemento, recordMessages, waitFor } from './helpers';

const values = {
  daysAfterSecondReminder: 7,
  daysBeforeCollection: 30,
  letterDe: 'Sehr geehrte Damen und Herren\n%NUMERO%',
  casesFolder: 'Fälle',
};

describe('multi-root workspace', () => {
  let api: TilbagoApi;
  let folders: readonly vscode.WorkspaceFolder[];

  before(async () => {
    api = await activateExtension();
    folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 2, 'two folders are open');
    assert.ok(vscode.workspace.workspaceFile, 'from a .code-workspace file');
  });

  it('the form offers each folder, then the workspace, then User, and starts with the first folder', async () => {
    const form = driveSetupForm(api);
    try {
      const { state } = await form.call('ready', {});
      assert.deepEqual(
        state.targets.map((t) => t.kind),
        ['folder', 'folder', 'workspace', 'user'],
      );
      assert.deepEqual(
        state.targets.slice(0, 2).map((t) => t.label),
        ['Folder settings (invoices-ch)', 'Folder settings (invoices-de)'],
      );
      assert.equal(state.target, state.targets[0]!.id);
    } finally {
      form.dispose();
    }
  });

  it('Save to one folder writes its own .vscode/settings.json; each folder keeps its own values', async () => {
    const [ch, de] = folders as [vscode.WorkspaceFolder, vscode.WorkspaceFolder];
    const form = driveSetupForm(api);
    try {
      await form.call('ready', {});
      await form.call('save', { target: `folder:${de.uri.toString()}`, changes: values });
      assert.equal(form.states().at(-1)!.reason, 'saved');
      const onDisk = JSON.parse(await fs.readFile(path.join(de.uri.fsPath, '.vscode', 'settings.json'), 'utf8'));
      assert.equal(onDisk['tilbago.thirdReminder.daysBeforeCollection'], 30);
      assert.equal(onDisk['tilbago.casesFolder'], 'Fälle');
      await assert.rejects(fs.stat(path.join(ch.uri.fsPath, '.vscode', 'settings.json')), 'the other folder is untouched');

      assert.equal(api.getSettings(de).thirdReminder.daysBeforeCollection, 30);
      assert.equal(api.getSettings(de).casesFolder, path.join(de.uri.fsPath, 'Fälle'), 'relative to its own folder');
      assert.equal(api.getSettings(ch).thirdReminder.daysBeforeCollection, 15);
      assert.equal(api.getSettings(vscode.Uri.joinPath(de.uri, 'a', 'invoice.json')).thirdReminder.daysAfterSecondReminder, 7);
      assert.equal(api.getSettings().thirdReminder.daysBeforeCollection, 15, 'the workspace level does not see a folder value');
    } finally {
      form.dispose();
    }
  });

  it('unsaved edits kept while the form was closed come back for the folder they were made for; for a folder gone, on the current target', async () => {
    const de = folders[1]!;
    const fields = {
      ...Object.fromEntries(FORM_FIELDS.map((field) => [field, ''])),
      daysAfterSecondReminder: '10',
      daysBeforeCollection: '15',
    };
    const draft = { target: `folder:${de.uri.toString()}`, base: fields, fields: { ...fields, letterDe: 'Grüezi' } };
    const drafts = memoryMemento();
    await drafts.update('tilbago.setup.draft', draft);
    const form = driveSetupForm(api, drafts);
    try {
      const answer = await form.call('ready', {});
      assert.equal(answer.state.target, draft.target, 'the form opens on that folder');
      assert.deepEqual(answer.draft, draft);
      await drafts.update('tilbago.setup.draft', { ...draft, target: 'folder:file:///gone' });
      const fallback = await form.call('ready', {});
      assert.equal(fallback.state.target, draft.target, 'the current target stays when the draft names a gone one');
      assert.equal(
        fallback.draft?.target,
        'folder:file:///gone',
        'the edits are still given to the form, which puts them on the current target',
      );
    } finally {
      form.dispose();
    }
  });

  it('Save to the workspace writes into the .code-workspace file, below the folder values', async () => {
    const [ch, de] = folders as [vscode.WorkspaceFolder, vscode.WorkspaceFolder];
    const form = driveSetupForm(api);
    try {
      await form.call('ready', {});
      await form.call('save', { target: 'workspace', changes: { ...values, daysBeforeCollection: 45, casesFolder: '' } });
      const file = JSON.parse(await fs.readFile(vscode.workspace.workspaceFile!.fsPath, 'utf8'));
      assert.equal(file.settings['tilbago.thirdReminder.daysBeforeCollection'], 45);
      assert.equal(api.getSettings(ch).thirdReminder.daysBeforeCollection, 45, 'inherited from the workspace');
      assert.equal(api.getSettings(de).thirdReminder.daysBeforeCollection, 30, 'the folder value wins');
    } finally {
      form.dispose();
    }
  });

  it('a broken folder value is reported with the folder it is in, by the warning and by the panel', async () => {
    const de = folders[1]!;
    const messages = recordMessages();
    const form = driveSetupForm(api);
    try {
      await fs.writeFile(path.join(de.uri.fsPath, '.vscode', 'settings.json'), '{ "tilbago.thirdReminder.daysAfterSecondReminder": -3 }\n');
      await waitFor('the edit to be read', () => api.getSettings(de).thirdReminder.daysAfterSecondReminder === 0 || undefined);
      const warning = await waitFor('the warning', () => messages.shown.find((m) => m.message.includes('daysAfterSecondReminder')));
      assert.match(warning.message, /in the Folder settings \(invoices-de\) must be between 0 and 365\. Using 0 instead/);
      await form.call('ready', {});
      const shown = await form.call('selectTarget', { target: `folder:${de.uri.toString()}` });
      assert.deepEqual(
        shown.broken.daysAfterSecondReminder,
        { written: '-3', file: 'Folder settings (invoices-de)', problem: { reason: 'outOfRange', minimum: 0, maximum: 365 } },
        "the panel names the folder's file beside the value",
      );
    } finally {
      form.dispose();
      messages.restore();
    }
  });

  // Last: it takes a folder out of the workspace and puts it back.
  it('a folder target taken out and put back is the target again: reading the state selects nothing', async () => {
    const [ch, de] = folders as [vscode.WorkspaceFolder, vscode.WorkspaceFolder];
    const folderTarget = (folder: vscode.WorkspaceFolder) => `folder:${folder.uri.toString()}`;
    const changed = () =>
      new Promise<void>((resolve) => {
        const subscription = vscode.workspace.onDidChangeWorkspaceFolders(() => (subscription.dispose(), resolve()));
      });
    const form = driveSetupForm(api);
    try {
      await form.call('ready', {});
      assert.equal((await form.call('selectTarget', { target: folderTarget(de) })).target, folderTarget(de));
      let change = changed();
      assert.ok(vscode.workspace.updateWorkspaceFolders(1, 1), 'the folder is taken out');
      await change;
      const without = await waitFor('the state without the folder', () => form.states().find((s) => s.state.targets.length === 3));
      assert.equal(without.state.target, folderTarget(ch), 'the first folder is shown while the chosen one is gone');
      change = changed();
      assert.ok(vscode.workspace.updateWorkspaceFolders(1, 0, { uri: de.uri, name: de.name }), 'the folder is put back');
      await change;
      const back = await waitFor('the state with the folder back', () =>
        form.states().find((s, i) => i > form.states().indexOf(without) && s.state.targets.length === 4),
      );
      assert.equal(back.state.target, folderTarget(de), 'the folder chosen is the target again');
    } finally {
      form.dispose();
    }
  });
});
