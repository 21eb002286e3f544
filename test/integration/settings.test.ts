import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { TilbagoApi, TilbagoChange } from '../../src/api';
import { LETTER_SETTINGS, SETTING_KEYS, SETTINGS } from '../../src/settings/schema';
import { activateExtension, packageJson, recordMessages, waitFor, workspaceFolder } from './helpers';

const config = () => vscode.workspace.getConfiguration('tilbago');
const Target = vscode.ConfigurationTarget;

async function clear(key: keyof typeof SETTINGS): Promise<void> {
  await config().update(key, undefined, Target.Global);
  // Machine-scoped settings cannot be written to the workspace at all.
  if (SETTINGS[key].scope !== 'machine') {
    await config().update(key, undefined, Target.Workspace);
  }
}

const settingsFile = () => path.join(workspaceFolder().uri.fsPath, '.vscode', 'settings.json');

/** Writes the workspace's settings.json as a person would, in another editor, and waits until VS Code has read it. */
async function editByHand(text: string, key: string, expected: unknown): Promise<void> {
  await fs.mkdir(path.dirname(settingsFile()), { recursive: true });
  await fs.writeFile(settingsFile(), text);
  await waitFor('VS Code to read the hand edit', () => config().inspect(key)?.workspaceValue === expected || undefined);
}

/** Removes the hand-written file, and waits until VS Code no longer reads `key` from it. */
async function removeHandEdit(key: string): Promise<void> {
  await fs.rm(settingsFile(), { force: true });
  await waitFor('the hand edit to be gone', () => config().inspect(key)?.workspaceValue === undefined || undefined);
}

describe('settings', () => {
  let api: TilbagoApi;

  before(async () => {
    api = await activateExtension();
  });

  afterEach(async () => {
    for (const key of SETTING_KEYS) await clear(key);
  });

  it('are contributed with their types, defaults, bounds and scopes, in order, in three titled sections', () => {
    const sections = packageJson().contributes.configuration as { id: string; title: string; properties: Record<string, any> }[];
    assert.deepEqual(
      sections.map((section) => [section.id, section.title]),
      [
        ['tilbago.thirdReminder', 'Third reminder (Rappel 3)'],
        ['tilbago', 'tilbago: cases and connection'],
        ['tilbago.creditor', 'Creditor (for the QR-bill)'],
      ],
    );
    const properties: Record<string, any> = Object.assign({}, ...sections.map((section) => section.properties));
    assert.deepEqual(
      Object.entries(properties)
        .sort(([, a], [, b]) => a.order - b.order)
        .map(([id]) => id),
      [
        'tilbago.thirdReminder.daysAfterSecondReminder',
        'tilbago.thirdReminder.daysBeforeCollection',
        'tilbago.thirdReminder.germanLetter',
        'tilbago.thirdReminder.frenchLetter',
        'tilbago.thirdReminder.italianLetter',
        'tilbago.thirdReminder.englishLetter',
        'tilbago.thirdReminder.defaultLanguage',
        'tilbago.casesFolder',
        'tilbago.apiBaseUrl',
        'tilbago.requestTimeoutSeconds',
        'tilbago.creditor.name',
        'tilbago.creditor.street',
        'tilbago.creditor.buildingNumber',
        'tilbago.creditor.postalCode',
        'tilbago.creditor.town',
        'tilbago.creditor.country',
        'tilbago.creditor.account',
        'tilbago.creditor.ibanReference',
      ],
    );
    for (const [key, spec] of Object.entries(SETTINGS)) {
      const contributed = properties[`tilbago.${key}`];
      assert.equal(contributed.type, spec.type === 'choice' ? 'string' : spec.type, key);
      if (spec.type === 'choice') assert.deepEqual(contributed.enum, spec.values, key);
      assert.equal(contributed.scope, spec.scope, key);
      assert.ok(contributed.markdownDescription?.length > 20, `${key} has a translated markdownDescription`);
      assert.equal(config().inspect(key)?.defaultValue, spec.default, `${key}: VS Code knows the default`);
      if (spec.type === 'integer') {
        assert.equal(contributed.minimum, spec.minimum, key);
        assert.equal(contributed.maximum, spec.maximum, key);
      }
    }
    for (const key of LETTER_SETTINGS) assert.equal(properties[`tilbago.${key}`].editPresentation, 'multilineText', key);
    assert.equal(properties['tilbago.apiBaseUrl'].scope, 'machine');
  });

  it('the public API gives the defaults when nothing is set', () => {
    const settings = api.getSettings();
    assert.deepEqual(settings.thirdReminder, {
      daysAfterSecondReminder: 10,
      daysBeforeCollection: 15,
      letters: { de: '', fr: '', it: '', en: '' },
      defaultLanguage: 'auto',
    });
    assert.equal(settings.casesFolder, undefined);
    assert.equal(settings.apiBaseUrl, 'https://api.tilbago.ch/v1/');
  });

  it('the public API reads User, then Workspace values, for the folder and for a file in it', async () => {
    const folder = workspaceFolder();
    await config().update('thirdReminder.daysBeforeCollection', 20, Target.Global);
    await config().update('thirdReminder.frenchLetter', 'Madame, Monsieur,\nFacture %NUMERO%', Target.Global);
    assert.equal(api.getSettings(folder).thirdReminder.daysBeforeCollection, 20);

    await config().update('thirdReminder.daysBeforeCollection', 30, Target.Workspace);
    await config().update('casesFolder', 'cases/tilbago', Target.Workspace);
    const fileInFolder = vscode.Uri.joinPath(folder.uri, 'invoices', '2026-001.json');
    for (const scope of [folder, fileInFolder, undefined]) {
      const settings = api.getSettings(scope);
      assert.equal(settings.thirdReminder.daysBeforeCollection, 30, 'Workspace wins over User');
      assert.equal(settings.thirdReminder.daysAfterSecondReminder, 10, 'default where nothing is set');
      assert.equal(settings.thirdReminder.letters.fr, 'Madame, Monsieur,\nFacture %NUMERO%', 'User where the workspace sets nothing');
      assert.equal(settings.casesFolder, path.join(folder.uri.fsPath, 'cases', 'tilbago'), 'relative to the folder');
    }

    await config().update('casesFolder', '/srv/tilbago-cases', Target.Workspace);
    assert.equal(api.getSettings(folder).casesFolder, path.normalize('/srv/tilbago-cases'));
  });

  it('each language has its letter; a language without one gets its built-in letter', async () => {
    const invoice = { number: '2026-0142', invoiceDate: '2026-08-03', amountDueRappen: 123_450 };
    // Nothing set: each language's built-in letter, with its heading and salutation; `auto`, without a postcode, is German.
    const french = api.renderReminderLetter(invoice, undefined, 'fr');
    assert.equal(french.heading, 'TROISIÈME ET DERNIER RAPPEL');
    assert.match(french.text, /^Messieurs,\n[\s\S]*CHF 1'234\.50/);
    assert.equal(api.renderReminderLetter(invoice, undefined, 'de').heading, 'DRITTE UND LETZTE MAHNUNG');
    assert.equal(
      api.renderReminderLetter(invoice).heading,
      'DRITTE UND LETZTE MAHNUNG',
      'no language: German, never the display language (English)',
    );
    await config().update('thirdReminder.defaultLanguage', 'it', Target.Workspace);
    assert.equal(api.renderReminderLetter(invoice).heading, 'TERZO E ULTIMO RICHIAMO', 'no language: the one the setting chooses');

    await config().update('thirdReminder.germanLetter', 'Brief %NUMERO% vom %DATEFACTURE%', Target.Workspace);
    assert.equal(api.renderReminderLetter(invoice, undefined, 'de').text, 'Brief 2026-0142 vom 03.08.2026', 'its own letter');
    assert.equal(api.renderReminderLetter(invoice, undefined, 'fr').text, french.text, 'no French letter: the built-in one');
  });

  it('the public API fires a change event that tells which folders a change affects', async () => {
    const events: TilbagoChange[] = [];
    const subscription = api.onDidChange((e) => events.push(e));
    try {
      await config().update('thirdReminder.daysAfterSecondReminder', 12, Target.Workspace);
      const event = await waitFor('a settings change event', () => events.find((e) => e.kind === 'settings'));
      assert.ok(event.kind === 'settings');
      assert.equal(event.affects(workspaceFolder()), true);
      assert.equal(event.affects(), true);
      assert.equal(api.getSettings().thirdReminder.daysAfterSecondReminder, 12);
    } finally {
      subscription.dispose();
    }
  });

  it('a workspace cannot choose where the API key is sent (apiBaseUrl is machine-scoped)', async () => {
    const file = vscode.Uri.joinPath(workspaceFolder().uri, '.vscode', 'settings.json');
    // The second value shows when VS Code has read the file.
    const content = '{ "tilbago.apiBaseUrl": "https://evil.example/", "tilbago.thirdReminder.daysAfterSecondReminder": 11 }\n';
    await vscode.workspace.fs.writeFile(file, Buffer.from(content));
    try {
      await waitFor('the workspace file to be read', () => api.getSettings().thirdReminder.daysAfterSecondReminder === 11 || undefined);
      assert.equal(api.getSettings().apiBaseUrl, 'https://api.tilbago.ch/v1/');
      assert.equal(api.getSettings(workspaceFolder()).apiBaseUrl, 'https://api.tilbago.ch/v1/');
    } finally {
      await vscode.workspace.fs.delete(file);
      await waitFor('the file to be forgotten', () => api.getSettings().thirdReminder.daysAfterSecondReminder === 10 || undefined);
    }
  });

  it('an insecure apiBaseUrl in the User settings is refused with a warning, and the default is used', async () => {
    const messages = recordMessages();
    try {
      await config().update('apiBaseUrl', 'http://api.example.ch/v1/', Target.Global);
      assert.equal(api.getSettings().apiBaseUrl, 'https://api.tilbago.ch/v1/');
      const warning = await waitFor('a warning', () => messages.shown.find((m) => m.message.includes('tilbago.apiBaseUrl')));
      assert.match(warning.message, /in the User settings must start with https:\/\//);
      assert.ok(!warning.message.includes('api.example.ch'), 'the broken value is not repeated');

      await config().update('apiBaseUrl', 'http://127.0.0.1:8080/v1', Target.Global);
      assert.equal(api.getSettings().apiBaseUrl, 'http://127.0.0.1:8080/v1/', 'loopback is allowed for a local fake');
    } finally {
      messages.restore();
    }
  });

  it('hand-broken values fall back with a clear warning, once each, and the file is never rewritten', async () => {
    const handWritten = [
      '// edited by hand, with mistakes',
      '{',
      '  "tilbago.thirdReminder.daysAfterSecondReminder": 999,',
      '  "tilbago.thirdReminder.daysBeforeCollection": "fifteen",',
      '  "tilbago.thirdReminder.italianLetter": 42,',
      '  "tilbago.casesFolder": "cases\\u0000evil",',
      '}',
      '',
    ].join('\n');
    const messages = recordMessages();
    try {
      await editByHand(handWritten, 'thirdReminder.daysBeforeCollection', 'fifteen');

      const settings = api.getSettings();
      assert.equal(settings.thirdReminder.daysAfterSecondReminder, 365, 'out of range: clamped');
      assert.equal(settings.thirdReminder.daysBeforeCollection, 15, 'not a number: the default');
      assert.equal(settings.thirdReminder.letters.it, '', 'not text: the built-in letter');
      assert.equal(settings.casesFolder, undefined, 'control characters: no folder');

      const warnings = await waitFor('four warnings', () => {
        const found = messages.shown.filter((m) => m.level === 'warning');
        return found.length >= 4 ? found : undefined;
      });
      const text = warnings.map((w) => w.message).join('\n');
      assert.match(
        text,
        /"tilbago\.thirdReminder\.daysAfterSecondReminder" in the Workspace settings must be between 0 and 365\. Using 365 instead; your settings file was not changed\./,
      );
      assert.match(
        text,
        /"tilbago\.thirdReminder\.daysBeforeCollection" in the Workspace settings must be a whole number\. Using 15 instead/,
      );
      assert.match(
        text,
        /"tilbago\.thirdReminder\.italianLetter" in the Workspace settings must be text in quotes\. Using the built-in letter instead/,
      );
      assert.match(text, /"tilbago\.casesFolder" in the Workspace settings contains control characters\. Using no folder instead/);

      // Reading again warns no more: one warning per broken value, not one per read.
      api.getSettings();
      api.getSettings(workspaceFolder());
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(messages.shown.filter((m) => m.level === 'warning').length, 4);
      assert.equal(await fs.readFile(settingsFile(), 'utf8'), handWritten, 'the hand-written file is unchanged, comments and all');
    } finally {
      messages.restore();
      await removeHandEdit('thirdReminder.daysBeforeCollection');
    }
  });
  it('a 1 MB letter and impossible folder paths are refused with warnings; the file stays as written', async () => {
    const handWritten = JSON.stringify({
      'tilbago.thirdReminder.frenchLetter': `Madame, Monsieur,\n${'%NUMERO% '.repeat(116_509)}`,
      'tilbago.casesFolder': 'x'.repeat(4097),
      'tilbago.thirdReminder.daysAfterSecondReminder': '12',
    });
    assert.ok(handWritten.length > 1_000_000);
    const messages = recordMessages();
    try {
      await editByHand(handWritten, 'thirdReminder.daysAfterSecondReminder', '12');
      const settings = api.getSettings();
      assert.equal(settings.thirdReminder.letters.fr, '', 'the built-in letter instead of a megabyte');
      assert.equal(settings.casesFolder, undefined);
      assert.equal(settings.thirdReminder.daysAfterSecondReminder, 10, 'a number in quotes is not a number');
      const warnings = await waitFor('three warnings', () => {
        const found = messages.shown.filter((m) => m.level === 'warning');
        return found.length >= 3 ? found.map((w) => w.message).join('\n') : undefined;
      });
      assert.match(
        warnings,
        /"tilbago\.thirdReminder\.frenchLetter" in the Workspace settings is longer than 10000 characters\. Using the built-in letter instead/,
      );
      assert.match(warnings, /"tilbago\.casesFolder" in the Workspace settings is longer than 4096 characters\. Using no folder instead/);
      assert.ok(warnings.length < 2000, 'the warnings do not repeat the megabyte');
      assert.equal(await fs.readFile(settingsFile(), 'utf8'), handWritten);
    } finally {
      messages.restore();
      await removeHandEdit('thirdReminder.daysAfterSecondReminder');
    }
  });
});
