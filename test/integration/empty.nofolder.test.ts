// Run in an empty window: no folder open.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TilbagoApi } from '../../src/api';
import { activateExtension, driveSetupForm, recordMessages } from './helpers';

describe('no folder open', () => {
  let api: TilbagoApi;

  before(async () => {
    api = await activateExtension();
  });

  after(async () => {
    await vscode.workspace.getConfiguration('tilbago').update('casesFolder', undefined, vscode.ConfigurationTarget.Global);
  });

  it('has no folder', () => {
    assert.equal(vscode.workspace.workspaceFolders, undefined);
  });

  it('the form saves to the User settings, the only target', async () => {
    const form = driveSetupForm(api);
    try {
      await form.call('ready', {});
      assert.deepEqual(
        form.lastState().targets.map((t) => t.id),
        ['user'],
      );
      await form.call('save', { target: 'user', changes: { daysAfterSecondReminder: 9, casesFolder: 'relative/cases' } });
      assert.equal(form.states().at(-1)!.reason, 'saved');
      assert.equal(api.getSettings().thirdReminder.daysAfterSecondReminder, 9);
      assert.deepEqual(form.lastState().folder, { kind: 'needsWorkspaceFolder' }, 'a relative folder needs a workspace folder');
    } finally {
      form.dispose();
      await vscode.workspace
        .getConfiguration('tilbago')
        .update('thirdReminder.daysAfterSecondReminder', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('a relative cases folder resolves to none, and New case asks for a folder first', async () => {
    assert.equal(api.getSettings().casesFolder, undefined);
    const messages = recordMessages();
    try {
      assert.equal(await vscode.commands.executeCommand('tilbago.newCase'), undefined);
      assert.match(messages.shown[0]!.message, /Choose the folder for the cases first/);
    } finally {
      messages.restore();
    }
  });
});
