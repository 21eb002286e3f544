// Run with one folder open in Restricted Mode, whose .vscode/settings.json sets a cases folder and a delay, as a
// cloned repository could.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TilbagoApi } from '../../src/api';
import { activateExtension, recordMessages } from './helpers';

describe('untrusted workspace', () => {
  let api: TilbagoApi;

  before(async () => {
    api = await activateExtension();
  });

  it('runs in Restricted Mode', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('ignores the workspace cases folder, but keeps its harmless settings', () => {
    assert.equal(api.getSettings().thirdReminder.daysBeforeCollection, 21, 'the workspace settings were read');
    assert.equal(api.getSettings().casesFolder, undefined, 'but not its cases folder');
  });

  it('does not submit', async () => {
    const messages = recordMessages();
    try {
      const result = await vscode.commands.executeCommand('tilbago.submitCase', vscode.Uri.file('/tmp/where-a-stranger-wants-it/case'));
      assert.equal(result, undefined);
      assert.match(messages.shown[0]!.message, /Submitting to tilbago is disabled in Restricted Mode/);
    } finally {
      messages.restore();
    }
  });
});
