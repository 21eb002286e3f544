import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TilbagoApi } from '../../src/api';
import { SETTING_KEYS, SETTINGS } from '../../src/settings/schema';
import type { Draft, RequestResult } from '../../src/setup/contract';
import { startFakeTilbago } from '../fake-tilbago/server.mjs';
import { NO_CREDITOR, QR_IBAN, SAMPLE_CREDITOR } from '../fixtures/creditor';
import {
  activateExtension,
  answerInputBoxes,
  driveSetupForm,
  memoryMemento,
  recordMessages,
  runScripted,
  stub,
  waitFor,
  workspaceFolder,
} from './helpers';

const config = () => vscode.workspace.getConfiguration('tilbago');
const values = {
  daysAfterSecondReminder: 12,
  daysBeforeCollection: 20,
  letterDe: 'Sehr geehrte Damen und Herren\nRechnung %NUMERO%',
  letterFr: 'Madame, Monsieur,\nFacture %NUMERO%',
  letterIt: '',
  letterEn: '',
  casesFolder: 'Cas tilbago',
};
const noLetters = { letterDe: '', letterFr: '', letterIt: '', letterEn: '' };
const noCreditor = NO_CREDITOR;
const clean = { daysAfterSecondReminder: '10', daysBeforeCollection: '15', ...noLetters, casesFolder: '', ...noCreditor };

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
    const setupTabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((tab) => /^(● )?tilbago setup$/.test(tab.label));
    await vscode.commands.executeCommand('tilbago.openSetup');
    await waitFor('the setup tab', () => setupTabs().length === 1 || undefined);
    await vscode.commands.executeCommand('workbench.action.files.newUntitledFile');
    await vscode.commands.executeCommand('tilbago.openSetup');
    await waitFor(
      'the setup tab to be active again',
      () => vscode.window.tabGroups.activeTabGroup.activeTab === setupTabs()[0] || undefined,
    );
    assert.equal(setupTabs().length, 1);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('answers ready with the state: targets, values in effect, folder and key status, never the key', async () => {
    await config().update('thirdReminder.daysBeforeCollection', 25, vscode.ConfigurationTarget.Global);
    const { state, draft } = await form.call('ready', {});
    assert.equal(form.states()[0]!.reason, 'initial');
    assert.deepEqual(
      state.targets.map((t) => [t.id, t.kind]),
      [
        ['workspace', 'workspace'],
        ['user', 'user'],
      ],
    );
    assert.equal(state.target, 'workspace', 'with a folder open, Save goes to the workspace');
    assert.deepEqual(state.values, { daysAfterSecondReminder: 10, daysBeforeCollection: 25, ...noLetters, casesFolder: '', ...noCreditor });
    assert.deepEqual(state.broken, {});
    assert.deepEqual(state.folder, { kind: 'notSet' });
    assert.deepEqual(Object.keys(state.apiKey), ['set']);
    assert.equal(draft, null, 'no unsaved edits');
  });

  it('has the first state ready for the page as it opens; ready answers the same, or anew after a change', async () => {
    await config().update('thirdReminder.daysAfterSecondReminder', 12, vscode.ConfigurationTarget.Workspace);
    form.dispose();
    form = driveSetupForm(api);
    const first = await form.firstForPage();
    assert.ok(first, 'a first state for the page');
    assert.equal(first.state.values.daysAfterSecondReminder, 12);
    assert.deepEqual(await form.call('ready', {}), first, 'nothing changed: the same answer');

    form.dispose();
    form = driveSetupForm(api);
    assert.equal((await form.firstForPage())?.state.values.daysAfterSecondReminder, 12);
    // Changed by hand after the page was made, before the form asked.
    await config().update('thirdReminder.daysAfterSecondReminder', 14, vscode.ConfigurationTarget.Workspace);
    const { state } = await form.call('ready', {});
    assert.equal(state.values.daysAfterSecondReminder, 14, 'the answer holds the change the page does not');
  });

  it('replies carry the id of their request, and answer each request once', async () => {
    await form.send({ type: 'checkFolder', id: 41, params: { folder: '' } });
    await form.send({ type: 'checkFolder', id: 42, params: { folder: 'a\u0007b' } });
    assert.deepEqual(form.posted, [
      { type: 'reply', id: 41, ok: true, value: { kind: 'notSet' } },
      { type: 'reply', id: 42, ok: false, error: form.errors()[0] },
    ]);
    assert.match(form.errors()[0]!, /refused \(checkFolder: params\.folder must be a path/);
  });

  it('Save writes the changed values to the workspace settings.json, and the extension uses them', async () => {
    await form.call('ready', {});
    const { state, savedAt } = await form.call('save', { target: 'workspace', changes: values });
    assert.ok(Math.abs(savedAt - Date.now()) < 10_000, 'the time of the save');
    assert.equal(form.states().at(-1)!.reason, 'saved');
    assert.deepEqual(state.values, { ...values, ...noCreditor });
    const onDisk = await fs.readFile(settingsFile(), 'utf8');
    assert.match(onDisk, /"tilbago\.thirdReminder\.daysAfterSecondReminder": 12/);
    assert.match(onDisk, /"tilbago\.thirdReminder\.daysBeforeCollection": 20/);
    assert.match(onDisk, /"tilbago\.thirdReminder\.frenchLetter": "Madame, Monsieur,\\nFacture %NUMERO%"/);
    assert.match(onDisk, /"tilbago\.thirdReminder\.germanLetter": "Sehr geehrte Damen und Herren\\nRechnung %NUMERO%"/);
    assert.match(onDisk, /"tilbago\.casesFolder": "Cas tilbago"/);
    assert.deepEqual(api.getSettings().thirdReminder, {
      daysAfterSecondReminder: 12,
      daysBeforeCollection: 20,
      letters: { de: values.letterDe, fr: values.letterFr, it: '', en: '' },
      defaultLanguage: 'auto',
    });
    const invoice = { number: '7', invoiceDate: '2026-08-03', amountDueRappen: 100 };
    assert.equal(api.renderReminderLetter(invoice, undefined, 'de').text, 'Sehr geehrte Damen und Herren\nRechnung 7');
    assert.equal(api.renderReminderLetter(invoice, undefined, 'fr').text, 'Madame, Monsieur,\nFacture 7');
    assert.match(api.renderReminderLetter(invoice, undefined, 'it').text, /^Egregi Signori,\n/, 'Italian: the built-in letter');
    assert.equal(api.getSettings().casesFolder, path.join(workspaceFolder().uri.fsPath, 'Cas tilbago'));
    assert.ok(!form.states().some((s) => s.reason === 'external'), 'its own write is not reported as an outside change');
  });

  it('Save writes only the values sent: one changed by hand in settings.json meanwhile stays as it is', async () => {
    await form.call('ready', {});
    await fs.mkdir(path.dirname(settingsFile()), { recursive: true });
    await fs.writeFile(settingsFile(), '{\n  // by hand\n  "tilbago.thirdReminder.daysBeforeCollection": 40\n}\n');
    await waitFor('the hand edit to be seen', () => form.states().find((s) => s.reason === 'external'));
    await form.call('save', { target: 'workspace', changes: { letterFr: 'Bonjour' } });
    assert.equal(config().inspect('thirdReminder.daysBeforeCollection')?.workspaceValue, 40, 'the hand-made value stays');
    assert.equal(config().inspect('thirdReminder.frenchLetter')?.workspaceValue, 'Bonjour');
    assert.equal(config().inspect('thirdReminder.daysAfterSecondReminder')?.workspaceValue, undefined, 'an untouched field is not written');
    assert.equal(config().inspect('casesFolder')?.workspaceValue, undefined);
  });

  it('Save keeps every other byte of settings.json (a Latin-1 byte, CRLF, no last line end) and writes the duplicate key VS Code reads; Reset removes both', async () => {
    const file = (days: string) =>
      Buffer.concat([
        Buffer.from('{\r\n  // caf'),
        Buffer.from([0xe9]),
        Buffer.from('\r\n  "tilbago.thirdReminder.daysBeforeCollection": 30,\r\n  "other.extension.name": "Z'),
        Buffer.from([0xfc]),
        Buffer.from(`rich",\r\n  "tilbago.thirdReminder.daysBeforeCollection": ${days}\r\n}`),
      ]);
    await fs.mkdir(path.dirname(settingsFile()), { recursive: true });
    await fs.writeFile(settingsFile(), file('35'));
    try {
      await waitFor(
        'the file to be read',
        () => config().inspect('thirdReminder.daysBeforeCollection')?.workspaceValue === 35 || undefined,
      );
      await form.call('ready', {});
      await form.call('save', { target: 'workspace', changes: { daysBeforeCollection: 20 } });
      assert.deepEqual(await fs.readFile(settingsFile()), file('20'), 'only the value VS Code reads changed, every other byte kept');
      assert.equal(config().inspect('thirdReminder.daysBeforeCollection')?.workspaceValue, 20, 'VS Code reads the value saved');
      assert.equal(api.getSettings().thirdReminder.daysBeforeCollection, 20);

      const confirmed = recordMessages((_m, buttons) => (buttons.includes('Reset') ? 'Reset' : undefined));
      await form.call('reset', { target: 'workspace' }).finally(confirmed.restore);
      const after = await fs.readFile(settingsFile());
      assert.doesNotMatch(after.toString('latin1'), /daysBeforeCollection/, 'both occurrences removed');
      assert.equal(after.toString('latin1'), '{\r\n  // caf\u00e9\r\n  "other.extension.name": "Z\u00fcrich"\r\n}');
      assert.equal(config().inspect('thirdReminder.daysBeforeCollection')?.workspaceValue, undefined, 'the earlier one does not come back');
    } finally {
      await fs.rm(settingsFile(), { force: true });
    }
  });

  it('Save refuses a settings.json that is a link, says why, and leaves the file it points to as it was', async () => {
    const outsideFolder = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'tilbago-linked-')));
    const outside = path.join(outsideFolder, 'shared-settings.json');
    const text = '{\n  "tilbago.thirdReminder.daysBeforeCollection": 30\n}\n';
    await fs.writeFile(outside, text);
    await fs.mkdir(path.dirname(settingsFile()), { recursive: true });
    await fs.rm(settingsFile(), { force: true });
    await fs.symlink(outside, settingsFile());
    try {
      await form.call('ready', {});
      const reply = await form.request('save', { target: 'workspace', changes: { daysBeforeCollection: 20 } });
      assert.ok(!reply.ok, 'refused');
      assert.match(
        reply.error,
        /settings\.json is a link to .*shared-settings\.json; the setup form does not write through a link\. Nothing was saved/,
      );
      assert.equal(await fs.readFile(outside, 'utf8'), text, 'the file it points to is unchanged');
      assert.ok((await fs.lstat(settingsFile())).isSymbolicLink(), 'the link stays a link');
    } finally {
      await fs.rm(settingsFile(), { force: true });
      await fs.rm(outsideFolder, { recursive: true, force: true });
    }
  });

  it('Save to the User settings writes there, and leaves the workspace alone', async () => {
    await form.call('ready', {});
    await form.call('save', { target: 'user', changes: values });
    assert.equal(config().inspect('thirdReminder.daysBeforeCollection')?.globalValue, 20);
    assert.equal(config().inspect('thirdReminder.daysBeforeCollection')?.workspaceValue, undefined);
    assert.equal(form.lastState().target, 'user');
  });

  it('Reset to defaults removes the values at the target after confirmation, and only then', async () => {
    await form.call('ready', {});
    await form.call('save', { target: 'workspace', changes: { ...values, creditorName: 'Muster AG' } });

    let offered: string[] = [];
    const declined = recordMessages((_message, buttons) => {
      offered = buttons;
      return buttons[0]; // what Enter answers: the focused first button
    });
    const answer = await form.call('reset', { target: 'workspace' }).finally(declined.restore);
    assert.equal(answer, null, 'Enter on the question: nothing done');
    assert.deepEqual(offered, ['Open the settings file', 'Reset', 'Reset everything'], 'the focused first button removes nothing');
    assert.match(declined.shown[0]!.message, /Remove these tilbago values from the Workspace settings\?/);
    // It says what it will clear, and what it keeps unless asked: the cases folder and the creditor.
    assert.match(
      declined.shown[0]!.detail ?? '',
      /Days before collection: 20[\s\S]*Kept, unless you choose "Reset everything":\n• The cases folder: Cas tilbago\n• Creditor’s name: Muster AG/,
    );
    assert.equal(config().inspect('thirdReminder.daysBeforeCollection')?.workspaceValue, 20);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');

    const confirmed = recordMessages((_m, buttons) => (buttons.includes('Reset') ? 'Reset' : undefined));
    await form.call('reset', { target: 'workspace' }).finally(confirmed.restore);
    assert.equal(config().inspect('thirdReminder.daysBeforeCollection')?.workspaceValue, undefined);
    assert.equal(form.states().at(-1)!.reason, 'reset');
    assert.deepEqual(form.lastState().values, {
      daysAfterSecondReminder: 10,
      daysBeforeCollection: 15,
      ...noLetters,
      casesFolder: 'Cas tilbago',
      ...noCreditor,
      creditorName: 'Muster AG',
    });
    const setAt = form.lastState().setAtTarget;
    assert.deepEqual(
      Object.keys(setAt).filter((field) => setAt[field as keyof typeof setAt]),
      ['casesFolder', 'creditorName'],
      'Reset keeps the cases folder and the creditor',
    );

    // Only what Reset kept is left: the one button that removes it is "Reset everything".
    const everything = recordMessages((_m, buttons) => {
      offered = buttons;
      return 'Reset everything';
    });
    await form.call('reset', { target: 'workspace' }).finally(everything.restore);
    assert.deepEqual(offered, ['Open the settings file', 'Reset everything']);
    assert.deepEqual(form.lastState().values, {
      daysAfterSecondReminder: 10,
      daysBeforeCollection: 15,
      ...noLetters,
      casesFolder: '',
      ...noCreditor,
    });
    assert.ok(Object.values(form.lastState().setAtTarget).every((set) => !set));
  });

  it('answers a bad message with an error and changes nothing', async () => {
    await form.call('ready', {});
    const before = form.posted.length;
    await form.send({ type: 'save', id: 1, params: { target: 'workspace', changes: { ...values, daysBeforeCollection: 999 } } });
    await form.send({
      type: 'save',
      id: 2,
      params: { target: 'workspace', changes: values, 'tilbago.apiBaseUrl': 'https://evil.example/' },
    });
    await form.send({ type: 'save', id: 3, params: { target: 'folder:file:///etc', changes: values } });
    await form.send({ type: 'runCommand', command: 'workbench.action.terminal.new' });
    const answers = form.posted.slice(before);
    assert.equal(answers.length, 4);
    assert.deepEqual(
      answers.map((m) => (m.type === 'reply' ? [m.id, m.ok] : [m.type])),
      [[1, false], [2, false], [3, false], ['refused']],
    );
    const errors = form.errors();
    assert.match(errors[0]!, /refused \(save: params\.changes\.daysBeforeCollection cannot be saved: outOfRange\)\. Nothing was changed\./);
    assert.match(errors[2]!, /target does not exist/);
    assert.match(errors[3]!, /unknown message type: runCommand/);
    assert.equal(config().inspect('thirdReminder.daysBeforeCollection')?.workspaceValue, undefined);
    assert.equal(config().inspect('apiBaseUrl')?.globalValue, undefined);
  });

  it('tells the form about an outside edit of settings.json, with the new values', async () => {
    await form.call('ready', {});
    await fs.mkdir(path.dirname(settingsFile()), { recursive: true });
    await fs.writeFile(settingsFile(), '{\n  // by hand\n  "tilbago.thirdReminder.daysBeforeCollection": 40\n}\n');
    const external = await waitFor('an external state', () => form.states().find((s) => s.reason === 'external'));
    assert.equal(external.state.values.daysBeforeCollection, 40);
    await fs.rm(settingsFile());
    await waitFor('the removal to be seen', () => form.states().filter((s) => s.reason === 'external').length === 2 || undefined);
  });

  it('a broken value in settings.json: the state says what the file holds, where, why, and what is used', async () => {
    await form.call('ready', {});
    const messages = recordMessages();
    try {
      await fs.mkdir(path.dirname(settingsFile()), { recursive: true });
      await fs.writeFile(
        settingsFile(),
        '{ "tilbago.thirdReminder.daysAfterSecondReminder": "abc", "tilbago.thirdReminder.daysBeforeCollection": 400, "tilbago.thirdReminder.englishLetter": 42 }\n',
      );
      const { state } = await waitFor('the broken values', () => form.states().find((s) => s.reason === 'external'));
      assert.deepEqual(state.values, {
        daysAfterSecondReminder: 10,
        daysBeforeCollection: 365,
        ...noLetters,
        casesFolder: '',
        ...noCreditor,
      });
      assert.deepEqual(state.broken, {
        daysAfterSecondReminder: { written: '"abc"', file: 'Workspace settings', problem: { reason: 'wrongType', expected: 'integer' } },
        daysBeforeCollection: { written: '400', file: 'Workspace settings', problem: { reason: 'outOfRange', minimum: 0, maximum: 365 } },
        letterEn: { file: 'Workspace settings', problem: { reason: 'wrongType', expected: 'string' } },
      });
      // Correcting one writes it, and that one only.
      await form.call('save', { target: 'workspace', changes: { daysBeforeCollection: 365 } });
      assert.equal(config().inspect('thirdReminder.daysBeforeCollection')?.workspaceValue, 365);
      assert.equal(
        config().inspect('thirdReminder.daysAfterSecondReminder')?.workspaceValue,
        'abc',
        'the other broken value is left to the user',
      );
      assert.deepEqual(Object.keys(form.lastState().broken), ['daysAfterSecondReminder', 'letterEn']);
    } finally {
      messages.restore();
      await fs.rm(settingsFile(), { force: true });
    }
  });

  it('keeps the unsaved edits the form reports (never the key), gives them back on ready, and says when there are some', async () => {
    const drafts = memoryMemento();
    const first = driveSetupForm(api, drafts);
    const draft: Draft = { target: 'user', base: clean, fields: { ...clean, letterFr: 'Bonjour' } };
    try {
      await first.call('ready', {});
      await first.notify('draft', { draft });
      assert.deepEqual(first.dirty, [true], 'the panel is told: its title gets a ●');
      assert.deepEqual(drafts.keys(), ['tilbago.setup.draft']);
      assert.ok(!JSON.stringify(drafts.get('tilbago.setup.draft')).includes('tb-live'), 'no key');
    } finally {
      first.dispose();
    }
    // The form is closed; opened again, it finds the edits, for the target they were made for.
    const second = driveSetupForm(api, drafts);
    try {
      const { state, draft: kept } = await second.call('ready', {});
      assert.deepEqual(kept, draft);
      assert.equal(state.target, 'user');
      // Discard (or a Save) leaves no edits: nothing kept, and the ● goes.
      await second.notify('draft', { draft: null });
      assert.deepEqual(second.dirty, [false]);
      assert.equal(drafts.get('tilbago.setup.draft'), undefined);
      await second.notify('draft', { draft: { ...draft, fields: clean } });
      assert.equal(drafts.get('tilbago.setup.draft'), undefined, 'a draft without edits is not kept');
      // What was stored by hand or by another version is checked before it is given back.
      await drafts.update('tilbago.setup.draft', { ...draft, fields: { letterEn: 42 } });
      assert.equal((await second.call('ready', {})).draft, null);
      // A draft keyed by setting names rather than the form's fields is dropped too, without a word.
      await drafts.update('tilbago.setup.draft', { ...draft, fields: { 'thirdReminder.frenchLetter': 'Bonjour' } });
      assert.equal((await second.call('ready', {})).draft, null);
    } finally {
      second.dispose();
    }
  });

  it('Test connection answers with the outcome, the host asked and the time', async () => {
    const fake = await startFakeTilbago({ validKeys: ['tb-live-setup-panel-key-0001'] });
    const messages = recordMessages();
    try {
      await config().update('apiBaseUrl', fake.url, vscode.ConfigurationTarget.Global);
      await runScripted('tilbago.setApiKey', { inputs: ['tb-live-setup-panel-key-0001'], buttons: ['Replace'] });
      await form.call('ready', {});
      const accepted = await form.call('testConnection', {});
      assert.equal(accepted.outcome, 'accepted');
      assert.equal(accepted.host, `127.0.0.1:${fake.port}`);
      assert.ok(Math.abs(accepted.at - Date.now()) < 10_000);
      await runScripted('tilbago.setApiKey', { inputs: ['tb-live-refused-key-0002'], buttons: ['Replace'] });
      assert.equal((await form.call('testConnection', {})).outcome, 'unauthorized');
      assert.ok(
        messages.shown.some((m) => /accepted the API key/.test(m.message)),
        'the command still says so in its own notification',
      );
      await runScripted('tilbago.removeApiKey', { buttons: ['Remove'] });
      assert.equal((await form.call('testConnection', {})).outcome, 'notTested', 'no key: not tested');
    } finally {
      if (await api.isApiKeySet()) await runScripted('tilbago.removeApiKey', { buttons: ['Remove'] });
      messages.restore();
      await fake.stop();
    }
  });

  it('Browse… picks a folder with showOpenDialog: inside the workspace it is stored relative; it can be created', async () => {
    await form.call('ready', {});
    const picked = vscode.Uri.joinPath(workspaceFolder().uri, 'dossiers', 'Cas tilbago');
    const dialog = stub(vscode.window, 'showOpenDialog', (async () => [picked]) as any);
    let answer: RequestResult<'browseFolder'>;
    try {
      answer = await form.call('browseFolder', { folder: '' });
    } finally {
      dialog.restore();
    }
    const options = dialog.calls[0]![0] as vscode.OpenDialogOptions;
    assert.equal(options.canSelectFolders, true);
    assert.equal(options.canSelectFiles, false);
    assert.equal(options.defaultUri?.fsPath, workspaceFolder().uri.fsPath, 'starts at the workspace when no folder is set');
    assert.deepEqual(answer, { folder: 'dossiers/Cas tilbago', status: { kind: 'missing', path: picked.fsPath } });

    assert.deepEqual(await form.call('createFolder', { folder: 'dossiers/Cas tilbago' }), { kind: 'ok', path: picked.fsPath });
    assert.ok((await fs.stat(picked.fsPath)).isDirectory());

    const outside = vscode.Uri.file(path.join(path.dirname(workspaceFolder().uri.fsPath), 'elsewhere'));
    const second = stub(vscode.window, 'showOpenDialog', (async () => [outside]) as any);
    try {
      answer = await form.call('browseFolder', { folder: 'dossiers/Cas tilbago' });
    } finally {
      second.restore();
    }
    assert.equal((second.calls[0]![0] as vscode.OpenDialogOptions).defaultUri?.fsPath, picked.fsPath, 'starts at the current folder');
    assert.equal(answer?.folder, outside.fsPath, 'outside the workspace: absolute');
    const cancelled = stub(vscode.window, 'showOpenDialog', (async () => undefined) as any);
    try {
      assert.equal(await form.call('browseFolder', { folder: '' }), null, 'none picked');
    } finally {
      cancelled.restore();
    }
    await fs.rm(path.join(workspaceFolder().uri.fsPath, 'dossiers'), { recursive: true });
  });

  it('a cases folder Git does not ignore: the state and a folder check say so, Add to .gitignore fixes it, and New case will not warn again', async function () {
    this.timeout(30_000);
    const temp = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'tilbago-git-')));
    const cases = path.join(temp, 'cases');
    await fs.mkdir(cases);
    // With Git installed, Git itself is asked; without it, a .git folder makes a working tree and the
    // .gitignore files are read instead ("may be exposed").
    const gitInit = await new Promise<boolean>((resolve) => execFile('git', ['init', '-q', temp], (error) => resolve(!error)));
    if (!gitInit) await fs.mkdir(path.join(temp, '.git'));
    const exposedKind = gitInit ? 'exposed' : 'mayBeExposed';
    const messages = recordMessages();
    try {
      await config().update('casesFolder', cases, vscode.ConfigurationTarget.Workspace);
      const { state } = await form.call('ready', {});
      assert.deepEqual(state.casesGit, { kind: exposedKind, folder: cases, root: temp });
      assert.deepEqual(form.drafts.get('tilbago.gitExposureWarned'), [cases], 'shown in the panel: New case does not warn again');

      // A folder typed in the form: the status answers at once, Git's answer follows as a notification.
      const other = path.join(temp, 'other');
      assert.equal((await form.call('checkFolder', { folder: other })).kind, 'missing');
      const told = await waitFor('the casesGit notification', () =>
        form.posted.find((m) => m.type === 'casesGit' && m.params.casesGit.folder === other),
      );
      assert.equal(told.type === 'casesGit' && told.params.casesGit.kind, exposedKind);

      assert.deepEqual(await form.call('ignoreCasesFolder', { folder: cases }), { kind: 'ignored', folder: cases, root: temp });
      assert.equal(await fs.readFile(path.join(temp, '.gitignore'), 'utf8'), '/cases/\n');
      assert.ok(
        messages.shown.some((m) => /Added the line \/cases\/ to/.test(m.message)),
        'and says so',
      );
      assert.equal((await form.call('selectTarget', { target: 'workspace' })).casesGit.kind, 'ignored', 'the state says ignored');
      // Asked again, nothing more is added.
      await form.call('ignoreCasesFolder', { folder: cases });
      assert.equal(await fs.readFile(path.join(temp, '.gitignore'), 'utf8'), '/cases/\n');

      const outside = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'tilbago-nogit-')));
      assert.deepEqual(await form.call('ignoreCasesFolder', { folder: outside }), { kind: 'noRepository', folder: outside });
      assert.equal((await form.call('selectTarget', { target: 'workspace' })).casesGit.kind, 'ignored');
      await fs.rm(outside, { recursive: true, force: true });
    } finally {
      messages.restore();
      await fs.rm(temp, { recursive: true, force: true });
    }
  });

  it('Add to .gitignore refuses a .gitignore that is a link (Git does not read it), says why, and leaves the file it points to', async function () {
    this.timeout(30_000);
    const temp = await fs.realpath(await fs.mkdtemp(path.join(os.tmpdir(), 'tilbago-gitlink-')));
    const repo = path.join(temp, 'repo');
    const cases = path.join(repo, 'cases');
    await fs.mkdir(cases, { recursive: true });
    const gitInit = await new Promise<boolean>((resolve) => execFile('git', ['init', '-q', repo], (error) => resolve(!error)));
    if (!gitInit) await fs.mkdir(path.join(repo, '.git'));
    const outside = path.join(temp, 'elsewhere-ignore');
    await fs.writeFile(outside, 'node_modules\n');
    await fs.symlink(outside, path.join(repo, '.gitignore'));
    const messages = recordMessages();
    try {
      await config().update('casesFolder', cases, vscode.ConfigurationTarget.Workspace);
      const answer = await form.call('ignoreCasesFolder', { folder: cases });
      assert.equal(answer.kind, gitInit ? 'exposed' : 'mayBeExposed', 'still not ignored');
      const error = messages.shown.find((m) => m.level === 'error');
      assert.match(
        error?.message ?? '',
        /could not be added to \.gitignore: .*\.gitignore is a link to .*elsewhere-ignore; Git does not read a \.gitignore that is a link\. Replace it by a file, or add the line yourself\./,
      );
      assert.equal(await fs.readFile(outside, 'utf8'), 'node_modules\n', 'the file outside is unchanged');
    } finally {
      messages.restore();
      await fs.rm(temp, { recursive: true, force: true });
    }
  });

  it('makes the payment part of the preview from the creditor fields as typed, or names what is missing', async () => {
    const creditor = { ...SAMPLE_CREDITOR, creditorName: 'Muster & Söhne AG', creditorAccount: QR_IBAN };
    const part = await form.call('paymentPartSvg', { creditor, language: 'it', debtor: 'company' });
    assert.ok(part.ok, 'made');
    assert.match(part.svg, /^<svg /);
    assert.match(part.svg, /Sezione pagamento/, 'in the language asked');
    assert.match(part.svg, /Muster &amp; Söhne AG/);
    assert.match(part.svg, /Riferimento/, 'a QR-IBAN: with its QR reference');
    assert.deepEqual(
      await form.call('paymentPartSvg', {
        creditor: { ...creditor, creditorName: '', creditorTown: '' },
        language: 'de',
        debtor: 'company',
      }),
      {
        ok: false,
        missing: ['creditorName', 'creditorTown'],
        invalid: [],
      },
    );
    assert.deepEqual(
      await form.call('paymentPartSvg', {
        creditor: { ...creditor, creditorAccount: 'CH44 3199 9123 0008 8901 3' },
        language: 'de',
        debtor: 'company',
      }),
      { ok: false, missing: [], invalid: ['creditorAccount'] },
    );
  });

  it('the key buttons run the palette commands, and the form learns the new status', async () => {
    await form.call('ready', {});
    const boxes = answerInputBoxes('tb-live-0123456789abcdef');
    const messages = recordMessages((_m, buttons) => buttons[0]);
    try {
      await form.call('setApiKey', {});
      await waitFor('the key status', () => form.posted.find((m) => m.type === 'apiKey' && m.params.apiKey.set));
      await form.call('removeApiKey', {});
      await waitFor('the key removal', () => form.posted.find((m) => m.type === 'apiKey' && !m.params.apiKey.set));
    } finally {
      boxes.restore();
      messages.restore();
    }
    assert.ok(!JSON.stringify(form.posted).includes('0123456789ab'), 'the key never goes to the form');
  });
});
