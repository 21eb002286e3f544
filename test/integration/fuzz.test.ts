// 10,000 hostile messages into the setup form's handler in the real extension host: no crash, an error answer
// for each (a failed reply to the request it names, or a refusal), and no setting written, no edits kept.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { parseWebviewMessage } from '../../src/setup/contract';
import { SETTING_KEYS } from '../../src/settings/schema';
import { hostileMessage, seededRandom } from '../fixtures/hostileMessages';
import { activateExtension, driveSetupForm, recordMessages, stub } from './helpers';

const MESSAGES = 10_000;

describe('setup form handler under fuzzing', () => {
  it(`answers ${MESSAGES} malformed messages with errors, and writes nothing`, async function () {
    this.timeout(240_000);
    const api = await activateExtension();
    const form = driveSetupForm(api);
    // Nothing may reach a dialog, a command or a file: any of these would be a bad message acted on.
    const dialogs = [
      stub(vscode.window, 'showOpenDialog', (async () => undefined) as any),
      stub(vscode.window, 'showInputBox', (async () => undefined) as any),
    ];
    const commands = stub(vscode.commands, 'executeCommand', (async () => undefined) as any);
    const messages = recordMessages();
    let settingsChanges = 0;
    const watch = vscode.workspace.onDidChangeConfiguration(() => settingsChanges++);
    const snapshot = () => JSON.stringify(SETTING_KEYS.map((key) => vscode.workspace.getConfiguration('tilbago').inspect(key)));
    const before = snapshot();
    try {
      await form.call('ready', {});
      const random = seededRandom(424242);
      let sent = 0;
      let skippedWellFormed = 0;
      while (sent < MESSAGES) {
        const message = hostileMessage(random);
        // A message that happens to be well formed is not hostile; only malformed ones count.
        if (parseWebviewMessage(message).ok) {
          skippedWellFormed++;
          continue;
        }
        const answersBefore = form.posted.length;
        await form.send(message);
        const answers = form.posted.slice(answersBefore);
        assert.equal(answers.length, 1, `message ${sent}: one answer`);
        const answer = answers[0]!;
        assert.ok((answer.type === 'reply' && !answer.ok) || answer.type === 'refused', `message ${sent}: an error`);
        sent++;
      }
      console.log(
        `[fuzz] ${sent} malformed messages sent to the handler, each answered with an error (${skippedWellFormed} well-formed ones skipped)`,
      );
      assert.equal(settingsChanges, 0, 'no setting changed');
      assert.equal(snapshot(), before, 'every tilbago setting is as it was, at every level');
      assert.equal(commands.calls.length, 0, 'no command ran');
      assert.equal(dialogs[0]!.calls.length + dialogs[1]!.calls.length, 0, 'no dialog opened');
      assert.equal(messages.shown.length, 0, 'no notification');
      assert.deepEqual(form.drafts.keys(), [], 'no edits kept');
      assert.equal(({} as Record<string, unknown>).polluted, undefined, 'no prototype polluted');
    } finally {
      watch.dispose();
      commands.restore();
      dialogs.forEach((d) => d.restore());
      messages.restore();
      form.dispose();
    }
  });
});
