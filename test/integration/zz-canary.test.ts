// Runs last (files run in name order). Stores a recognisable fake key and runs every contributed command
// with it; no message may show it. Afterwards the runner scans every settings file, log and storage file
// of the run for it.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startFakeTilbago } from '../fake-tilbago/server.mjs';
import { activateExtension, answerInputBoxes, closeQuickInputs, packageJson, recordMessages, stub, markCanaryStored } from './helpers';

describe('secret canary', () => {
  it('no message of any command shows the API key', async function () {
    const canary = process.env.TILBAGO_TEST_CANARY;
    if (!canary) this.skip(); // only the runner that scans the files afterwards sets it
    const api = await activateExtension();
    // A tilbago that refuses the key, so the commands that call it really send it.
    const fake = await startFakeTilbago();
    const config = vscode.workspace.getConfiguration('tilbago');
    await config.update('apiBaseUrl', fake.url, vscode.ConfigurationTarget.Global);
    const acceptAll = (_message: string, buttons: string[]) => buttons[0];
    const messages = recordMessages(acceptAll);
    const picks = stub(vscode.window, 'showQuickPick', (async () => undefined) as any);
    // The steps of New case (and any other multi-step input) are closed as they open.
    const quickInputs = closeQuickInputs();
    try {
      // Removing the key last, so every other command meets a stored key too.
      const commands: string[] = packageJson()
        .contributes.commands.map((c: { command: string }) => c.command)
        .sort((a: string, b: string) => Number(a === 'tilbago.removeApiKey') - Number(b === 'tilbago.removeApiKey'));
      // Twice round: the second pass replaces the key, so commands meet both "no key" and "key set".
      for (const pass of [1, 2]) {
        for (const command of commands) {
          // The key goes where a key is asked for (a masked box); other questions are cancelled.
          const boxes = stub(vscode.window, 'showInputBox', (async (options?: vscode.InputBoxOptions) =>
            options?.password ? `  ${canary}  ` : undefined) as any);
          try {
            await vscode.commands.executeCommand(command);
          } finally {
            boxes.restore();
          }
        }
        // Leave the canary stored at the end, so the scan also covers a stored key.
        if (!(await api.isApiKeySet())) {
          const boxes = answerInputBoxes(canary);
          await vscode.commands.executeCommand('tilbago.setApiKey').then(undefined, () => {});
          boxes.restore();
        }
        assert.equal(await api.isApiKeySet(), true, `pass ${pass}: the canary key is stored`);
      }
      markCanaryStored();
      assert.ok(messages.shown.length >= commands.length, 'the commands showed messages to check');
      for (const shown of messages.shown) {
        assert.ok(!`${shown.message} ${shown.detail ?? ''}`.includes(canary), `message shows the key: ${shown.message}`);
        assert.ok(!shown.message.includes(canary.slice(0, -4)), 'at most the last 4 characters appear');
      }
      assert.ok(fake.requests.length > 0 && fake.requests.every((r) => !r.keyAccepted), 'the key was sent to the fake tilbago');
      console.log(
        `[canary] ${commands.length} commands run twice, ${messages.shown.length} messages checked, ${fake.requests.length} requests sent`,
      );
    } finally {
      messages.restore();
      picks.restore();
      quickInputs.restore();
      await config.update('apiBaseUrl', undefined, vscode.ConfigurationTarget.Global);
      await fake.stop();
    }
  });
});
