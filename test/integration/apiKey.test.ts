import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { TilbagoApi } from '../../src/api';
import { activateExtension, answerInputBoxes, recordMessages } from './helpers';

const KEY = 'tb-live-4f1c9a2e7d3b8c61';

/** Runs a command with the given input-box answers and message-button answers, then restores the UI. */
async function run(command: string, inputs: (string | undefined)[], answer?: (message: string, buttons: string[]) => string | undefined) {
  const boxes = answerInputBoxes(...inputs);
  const messages = recordMessages(answer);
  try {
    const result = await vscode.commands.executeCommand<boolean>(command);
    return { result, opened: boxes.opened, shown: messages.shown };
  } finally {
    boxes.restore();
    messages.restore();
  }
}

const confirmWith = (button: string) => (_message: string, buttons: string[]) => (buttons.includes(button) ? button : undefined);

describe('API key commands', () => {
  let api: TilbagoApi;

  before(async () => {
    api = await activateExtension();
  });

  afterEach(async () => {
    if (await api.isApiKeySet()) await run('tilbago.removeApiKey', [], confirmWith('Remove'));
  });

  it('are registered and contributed to the palette under the Tilbago category', async () => {
    const registered = await vscode.commands.getCommands(true);
    const contributed = vscode.extensions.getExtension('swiss-invoicing.tilbago-debt-collection')!.packageJSON.contributes.commands;
    for (const [id, title] of [
      ['tilbago.setApiKey', 'Set API key'],
      ['tilbago.removeApiKey', 'Remove API key'],
    ]) {
      assert.ok(registered.includes(id!), `${id} is registered`);
      const entry = contributed.find((c: { command: string }) => c.command === id);
      assert.equal(entry?.category, 'Tilbago');
      assert.equal(entry?.title, title, `${id} has its English title from package.nls.json`);
    }
  });

  it('Set API key asks in a masked box that stays open, stores the trimmed key and names only its last 4 characters', async () => {
    const changes: string[] = [];
    const subscription = api.onDidChange((e) => changes.push(e.kind));
    const { result, opened, shown } = await run('tilbago.setApiKey', [`  ${KEY}\n`]);
    subscription.dispose();

    assert.equal(result, true);
    assert.equal(opened.length, 1);
    assert.equal(opened[0]!.password, true);
    assert.equal(opened[0]!.ignoreFocusOut, true);
    assert.match(opened[0]!.prompt ?? '', /tilbago/);
    assert.equal(await api.isApiKeySet(), true);
    assert.deepEqual(changes, ['apiKey']);
    assert.equal(shown.length, 1);
    assert.equal(shown[0]!.level, 'info');
    assert.match(shown[0]!.message, /ending in …8c61 saved/);
    assert.ok(!shown[0]!.message.includes(KEY.slice(0, -4)), 'the confirmation shows no more than the last 4 characters');
  });

  it('the input box explains each kind of bad key inline', async () => {
    const { opened } = await run('tilbago.setApiKey', [undefined]);
    const validate = opened[0]!.validateInput!;
    const problem = async (value: string) => (await validate(value)) as string | undefined;
    assert.match((await problem(''))!, /Paste the API key/);
    assert.match((await problem('   \t '))!, /Paste the API key/);
    assert.match((await problem('abc def'))!, /spaces or line breaks/);
    assert.match((await problem('abc\ndef'))!, /spaces or line breaks/);
    assert.match((await problem('abc\u0007def'))!, /invisible or control characters/);
    assert.match((await problem('abc\u200bdef'))!, /invisible or control characters/);
    assert.match((await problem('k'.repeat(1025)))!, /longer than 1024 characters/);
    assert.equal(await problem('k'.repeat(1024)), undefined);
    assert.equal(await problem(`  ${KEY}  `), undefined);
  });

  it('a bad key that gets past the input box is refused with an error and not stored', async () => {
    const { result, shown } = await run('tilbago.setApiKey', ['abc def']);
    assert.equal(result, false);
    assert.equal(await api.isApiKeySet(), false);
    assert.equal(shown.length, 1);
    assert.equal(shown[0]!.level, 'error');
    assert.match(shown[0]!.message, /not saved: .*spaces or line breaks/);
    assert.ok(!shown[0]!.message.includes('abc'), 'the error does not repeat what was typed');
  });

  it('cancelling the input box stores nothing', async () => {
    const { result, shown } = await run('tilbago.setApiKey', [undefined]);
    assert.equal(result, false);
    assert.equal(await api.isApiKeySet(), false);
    assert.deepEqual(shown, []);
  });

  it('replacing a key asks first, and keeps the old key when the user declines', async () => {
    await run('tilbago.setApiKey', [KEY]);

    const declined = await run('tilbago.setApiKey', ['tb-live-ffffffffffff0000'], () => undefined);
    assert.equal(declined.result, false);
    assert.equal(declined.opened.length, 0, 'no input box without confirmation');
    assert.equal(declined.shown[0]!.level, 'warning');
    assert.match(declined.shown[0]!.message, /ending in …8c61 is already set\. Replace it\?/);

    const replaced = await run('tilbago.setApiKey', ['tb-live-ffffffffffff0000'], confirmWith('Replace'));
    assert.equal(replaced.result, true);
    assert.match(replaced.shown.at(-1)!.message, /ending in …0000 saved/);

    // The stored key is now the new one: the next confirmation names its last characters.
    const again = await run('tilbago.setApiKey', [], () => undefined);
    assert.match(again.shown[0]!.message, /ending in …0000 is already set/);
  });

  it('Remove API key asks first, deletes the key, and says so when none is set', async () => {
    await run('tilbago.setApiKey', [KEY]);

    const declined = await run('tilbago.removeApiKey', [], () => undefined);
    assert.equal(declined.result, false);
    assert.match(declined.shown[0]!.message, /Remove the tilbago API key ending in …8c61 from this machine\?/);
    assert.equal(await api.isApiKeySet(), true);

    const changes: string[] = [];
    const subscription = api.onDidChange((e) => changes.push(e.kind));
    const removed = await run('tilbago.removeApiKey', [], confirmWith('Remove'));
    subscription.dispose();
    assert.equal(removed.result, true);
    assert.equal(await api.isApiKeySet(), false);
    assert.deepEqual(changes, ['apiKey']);
    assert.match(removed.shown.at(-1)!.message, /API key removed/);

    const none = await run('tilbago.removeApiKey', []);
    assert.equal(none.result, false);
    assert.match(none.shown[0]!.message, /No tilbago API key is set/);
  });
});
