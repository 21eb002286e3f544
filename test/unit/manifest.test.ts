import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { RESTRICTED_IN_UNTRUSTED_WORKSPACES, SETTINGS_SECTION } from '../../src/settings/schema';
import { LETTER_FIELDS, SETTING_OF_FIELD } from '../../src/setup/fields';
import { LANGUAGES } from '../../src/shared/languages';

const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const lock = JSON.parse(fs.readFileSync('package-lock.json', 'utf8'));

describe('manifest', () => {
  it('lists the languages as the settings do, German, French, Italian, English, and the panel follows', () => {
    assert.deepEqual(LANGUAGES, ['de', 'fr', 'it', 'en']);
    const properties = Object.assign({}, ...manifest.contributes.configuration.map((section: any) => section.properties));
    const orders = LANGUAGES.map((language) => properties[`${SETTINGS_SECTION}.${SETTING_OF_FIELD[LETTER_FIELDS[language]]}`].order);
    assert.deepEqual(
      orders,
      [...orders].sort((a, b) => a - b),
      'the letter settings in the same order',
    );
    for (const [key, setting] of Object.entries<any>(properties).filter(([key]) => key.endsWith('defaultLanguage')))
      assert.deepEqual(setting.enum, ['auto', ...LANGUAGES], key);
  });

  it('activates lazily: no "*" and no onStartupFinished', () => {
    for (const event of manifest.activationEvents ?? []) {
      assert.notEqual(event, '*');
      assert.notEqual(event, 'onStartupFinished');
    }
  });

  it('runs the bundle, and targets a VS Code no newer than the API types it is compiled against', () => {
    assert.equal(manifest.main, './dist/extension.mjs', 'an ES module, which VS Code loads with import() from 1.100 on');
    const engine = manifest.engines.vscode.replace(/^\^/, '');
    const types = lock.packages['node_modules/@types/vscode'].version;
    assert.equal(types, engine, '@types/vscode matches engines.vscode exactly');
  });

  it('contributes every command under the Tilbago category, with a translated title', () => {
    for (const command of manifest.contributes.commands) {
      assert.match(command.command, /^tilbago\./);
      assert.equal(command.category, 'Tilbago');
      assert.match(command.title, /^%command\..+%$/);
    }
  });

  it('keeps the workspace from choosing the cases folder when it is not trusted', () => {
    assert.deepEqual(
      manifest.capabilities.untrustedWorkspaces.restrictedConfigurations,
      RESTRICTED_IN_UNTRUSTED_WORKSPACES.map((key) => `tilbago.${key}`),
    );
  });
});
