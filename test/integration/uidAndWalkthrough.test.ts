import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, answerInputBoxes, driveSetupForm, EXTENSION_ID, packageJson, recordMessages, waitFor } from './helpers';

describe('Check company UID', () => {
  before(activateExtension);

  async function check(input: string | undefined) {
    const boxes = answerInputBoxes(input);
    const messages = recordMessages();
    try {
      const result = await vscode.commands.executeCommand<string | undefined>('tilbago.checkUid');
      return { result, opened: boxes.opened, shown: messages.shown };
    } finally {
      boxes.restore();
      messages.restore();
    }
  }

  it('says exactly what is wrong while typing', async () => {
    const { opened } = await check(undefined);
    const validate = (value: string) => opened[0]!.validateInput!(value) as string | undefined;
    assert.equal(validate('CHE-123.456.789'), 'The last digit (check digit) should be 8: check the number.');
    assert.equal(validate('CHE-123.456'), 'A UID is CHE followed by 9 digits: CHE-123.456.788.');
    assert.equal(validate('DE123456788'), 'A UID is CHE followed by 9 digits: CHE-123.456.788.');
    assert.equal(validate('CHE-109.322.551'), undefined);
    assert.equal(validate(''), undefined, 'an empty box just waits');
  });

  it('offers the normalised form of a valid UID', async () => {
    const compact = await check('che109322551');
    assert.equal(compact.result, 'CHE-109.322.551');
    assert.equal(compact.shown[0]!.message, 'Valid UID. Its usual form is CHE-109.322.551.');
    const usual = await check('CHE-100.155.212');
    assert.equal(usual.shown[0]!.message, 'CHE-100.155.212 is a valid UID.');
  });
});

describe('walkthrough', () => {
  it('is contributed with its six steps, their completion events, and pictures that exist', () => {
    const [walkthrough] = packageJson().contributes.walkthroughs;
    assert.equal(walkthrough.id, 'tilbago.setup');
    assert.equal(walkthrough.title, 'Set up tilbago debt collection');
    const events = Object.fromEntries(
      walkthrough.steps.map((step: { id: string; completionEvents: string[] }) => [step.id, step.completionEvents]),
    );
    assert.deepEqual(Object.keys(events), [
      'tilbago.account',
      'tilbago.company',
      'tilbago.setKey',
      'tilbago.casesFolder',
      'tilbago.reminder',
      'tilbago.testConnection',
    ]);
    // Ticked from the real state, not from a command having run.
    assert.deepEqual(events['tilbago.setKey'], ['onContext:tilbago.apiKeySet']);
    assert.deepEqual(events['tilbago.casesFolder'], ['onContext:tilbago.casesFolderChosen']);
    assert.deepEqual(events['tilbago.testConnection'], ['onContext:tilbago.connectionAccepted']);
    const root = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
    for (const step of walkthrough.steps) {
      const svg = fs.readFileSync(path.join(root, step.media.svg), 'utf8');
      assert.match(svg, /="var\(--vscode-foreground\)"/, `${step.media.svg} follows the theme`);
      // The walkthrough's security policy blocks <style>: the colours are presentation attributes.
      assert.doesNotMatch(svg, /<style|style=/, `${step.media.svg} has no style the policy would block`);
      assert.ok(step.media.altText.length > 10, `${step.id} has alt text`);
    }
  });

  it('opens from the setup form', async () => {
    const form = driveSetupForm(await activateExtension());
    try {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await form.call('openWalkthrough', {});
      const labels = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((tab) => tab.label);
      await waitFor('the walkthrough tab', () => labels().some((label) => /Welcome|Walkthrough/i.test(label)) || undefined);
      assert.deepEqual(form.errors(), []);
    } finally {
      form.dispose();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });
});
