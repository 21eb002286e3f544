import type { SettingsFile } from '../../src/settings/settingsFiles';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import {
  checkSetting,
  LETTER_SETTING_OF,
  levelsRead,
  SETTING_KEYS,
  SETTINGS,
  type SettingKey,
  valueInEffect,
  workspaceMaySet,
} from '../../src/settings/schema';

const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8'));

describe('settings schema', () => {
  const properties = Object.assign({}, ...manifest.contributes.configuration.map((section: { properties: object }) => section.properties));

  /** The manifest's schema of a key, without what only the Settings editor reads. */
  function schemaOf(key: string) {
    const { markdownDescription, order, editPresentation, format, enumItemLabels, markdownEnumDescriptions, ...schema } =
      properties[`tilbago.${key}`];
    return { schema, order, markdownDescription, enumItemLabels };
  }

  function expectedSchema(key: SettingKey) {
    const spec = SETTINGS[key];
    // A choice is a string with an enum in the manifest.
    return spec.type === 'choice' ? { type: 'string', default: spec.default, enum: spec.values, scope: spec.scope } : spec;
  }

  it('package.json contributes exactly the core settings, with the same types, defaults, bounds and scopes, in order', () => {
    assert.deepEqual(
      Object.keys(properties),
      SETTING_KEYS.map((key) => `tilbago.${key}`),
    );
    SETTING_KEYS.forEach((key, index) => {
      const { schema, order, markdownDescription, enumItemLabels } = schemaOf(key);
      const spec = SETTINGS[key];
      assert.deepEqual(schema, expectedSchema(key), key);
      if (spec.type === 'choice') assert.equal(enumItemLabels.length, spec.values.length, `${key}: a label for each choice`);
      assert.equal(order, index + 1, `${key} order`);
      assert.match(markdownDescription, /^%setting\..+%$/, `${key} has a translated description`);
    });
  });

  it('package.json contributes nothing deprecated: none of the names of before 0.1.0 (`tilbago.reminder3.*`)', () => {
    // Nothing was ever released under them, so nothing reads them.
    assert.deepEqual(
      Object.keys(properties).filter((key) => key.startsWith('tilbago.reminder3.') || properties[key].markdownDeprecationMessage),
      [],
    );
  });
});

describe('reading a setting', () => {
  it('knows the letter setting of each language', () => {
    assert.deepEqual(LETTER_SETTING_OF, {
      de: 'thirdReminder.germanLetter',
      fr: 'thirdReminder.frenchLetter',
      it: 'thirdReminder.italianLetter',
      en: 'thirdReminder.englishLetter',
    });
  });

  describe('valueInEffect: which value counts', () => {
    const all: SettingsFile[] = ['folder', 'workspace', 'user'];

    it('nothing set: no value', () => {
      assert.deepEqual(valueInEffect(all, undefined), { value: undefined });
      assert.deepEqual(valueInEffect(all, {}), { value: undefined });
    });

    it('the value of the one level that sets it, with that level', () => {
      for (const [level, inspected] of [
        ['folder', { workspaceFolderValue: 12 }],
        ['workspace', { workspaceValue: 12 }],
        ['user', { globalValue: 12 }],
      ] as const) {
        assert.deepEqual(valueInEffect(all, inspected), { value: 12, level }, level);
      }
    });

    it('the most specific level wins (as VS Code ranks them), a broken value too (it is then reported and replaced)', () => {
      assert.deepEqual(valueInEffect(all, { workspaceValue: 20, globalValue: 30 }), { value: 20, level: 'workspace' });
      assert.deepEqual(valueInEffect(all, { workspaceFolderValue: 12, workspaceValue: 20, globalValue: 30 }), {
        value: 12,
        level: 'folder',
      });
      assert.deepEqual(valueInEffect(all, { workspaceValue: 'abc', globalValue: 12 }), { value: 'abc', level: 'workspace' });
    });

    it('looks only at the levels it is given: the user level does not see the workspace, machine settings only the user', () => {
      assert.deepEqual(valueInEffect(['user'], { workspaceValue: 12, globalValue: 20 }), { value: 20, level: 'user' });
      assert.deepEqual(valueInEffect(['user'], { workspaceFolderValue: 12, workspaceValue: 12 }), { value: undefined });
      assert.deepEqual(levelsRead('thirdReminder.germanLetter', 'folder', true), ['folder', 'workspace', 'user']);
      assert.deepEqual(levelsRead('thirdReminder.germanLetter', 'workspace', true), ['workspace', 'user']);
      assert.deepEqual(levelsRead('thirdReminder.germanLetter', 'user', true), ['user']);
      assert.deepEqual(levelsRead('thirdReminder.daysBeforeCollection', 'folder', false), ['folder', 'workspace', 'user']);
      assert.deepEqual(levelsRead('apiBaseUrl', 'folder', true), ['user']);
      assert.deepEqual(levelsRead('casesFolder', 'folder', false), ['user']);
    });
  });
});

describe('checkSetting', () => {
  it('uses the default, without a problem, when nothing is set', () => {
    assert.deepEqual(checkSetting('thirdReminder.daysAfterSecondReminder', undefined), { value: 10 });
    assert.deepEqual(checkSetting('thirdReminder.daysBeforeCollection', undefined), { value: 15 });
    assert.deepEqual(checkSetting('thirdReminder.germanLetter', undefined), { value: '' });
    assert.deepEqual(checkSetting('apiBaseUrl', undefined), { value: 'https://api.tilbago.ch/v1/' });
  });

  it('takes a choice only among its values', () => {
    assert.deepEqual(checkSetting('thirdReminder.defaultLanguage', undefined), { value: 'auto' });
    for (const language of ['auto', 'de', 'fr', 'it', 'en'])
      assert.deepEqual(checkSetting('thirdReminder.defaultLanguage', language), { value: language });
    for (const wrong of ['DE', 'rm', '', 42])
      assert.deepEqual(checkSetting('thirdReminder.defaultLanguage', wrong), {
        value: 'auto',
        problem: { reason: 'notAChoice', values: ['auto', 'de', 'fr', 'it', 'en'] },
      });
  });

  it('keeps line breaks in every letter, and refuses other control characters', () => {
    for (const key of [
      'thirdReminder.germanLetter',
      'thirdReminder.frenchLetter',
      'thirdReminder.italianLetter',
      'thirdReminder.englishLetter',
    ] as const) {
      assert.deepEqual(checkSetting(key, 'Brief\n\tNr. %NUMERO%'), { value: 'Brief\n\tNr. %NUMERO%' });
      assert.equal(checkSetting(key, 'a\u0007b').problem?.reason, 'controlCharacters', key);
    }
  });

  it('keeps whole numbers in range, including the bounds', () => {
    for (const days of [0, 1, 30, 365]) assert.deepEqual(checkSetting('thirdReminder.daysBeforeCollection', days), { value: days });
  });

  it('clamps whole numbers out of range and says so', () => {
    assert.deepEqual(checkSetting('thirdReminder.daysBeforeCollection', 366), {
      value: 365,
      problem: { reason: 'outOfRange', minimum: 0, maximum: 365 },
    });
    assert.equal(checkSetting('thirdReminder.daysAfterSecondReminder', -5).value, 0);
    assert.equal(checkSetting('thirdReminder.daysAfterSecondReminder', 1e300).value, 365);
  });

  it('falls back to the default for fractions, non-numbers and non-finite numbers', () => {
    assert.deepEqual(checkSetting('thirdReminder.daysAfterSecondReminder', 10.5), { value: 10, problem: { reason: 'notWholeNumber' } });
    for (const raw of ['12', null, true, [], {}, Number.NaN, Number.POSITIVE_INFINITY]) {
      assert.deepEqual(
        checkSetting('thirdReminder.daysAfterSecondReminder', raw),
        {
          value: 10,
          problem: { reason: 'wrongType', expected: 'integer' },
        },
        String(raw),
      );
    }
  });

  it('keeps a letter with line breaks and tabs, refuses other control characters and over-long text', () => {
    const letter = 'Madame, Monsieur,\r\n\tMalgré nos rappels du %RAPPEL1% et du %RAPPEL2%…';
    assert.deepEqual(checkSetting('thirdReminder.frenchLetter', letter), { value: letter });
    assert.deepEqual(checkSetting('thirdReminder.frenchLetter', 'a\u0000b'), { value: '', problem: { reason: 'controlCharacters' } });
    assert.deepEqual(checkSetting('thirdReminder.frenchLetter', 'x'.repeat(10_001)), {
      value: '',
      problem: { reason: 'tooLong', maxLength: 10_000 },
    });
    assert.equal(checkSetting('thirdReminder.frenchLetter', 'x'.repeat(10_000)).problem, undefined);
    assert.deepEqual(checkSetting('thirdReminder.frenchLetter', 42), { value: '', problem: { reason: 'wrongType', expected: 'string' } });
  });

  it('refuses line breaks in a folder path', () => {
    assert.deepEqual(checkSetting('casesFolder', 'cases\nother'), { value: '', problem: { reason: 'controlCharacters' } });
    assert.deepEqual(checkSetting('casesFolder', 'Cas tilbago'), { value: 'Cas tilbago' });
  });

  it('accepts only a safe API address and normalises its trailing slash', () => {
    assert.deepEqual(checkSetting('apiBaseUrl', 'https://api.tilbago.ch/v1'), { value: 'https://api.tilbago.ch/v1/' });
    assert.deepEqual(checkSetting('apiBaseUrl', 'http://127.0.0.1:4321/v1/'), { value: 'http://127.0.0.1:4321/v1/' });
    assert.deepEqual(checkSetting('apiBaseUrl', 'http://api.tilbago.ch/v1/'), {
      value: 'https://api.tilbago.ch/v1/',
      problem: { reason: 'insecureUrl' },
    });
    for (const raw of ['api.tilbago.ch/v1', 'ftp://api.tilbago.ch/', 'https://user:pw@api.tilbago.ch/v1/', '']) {
      assert.deepEqual(checkSetting('apiBaseUrl', raw), { value: 'https://api.tilbago.ch/v1/', problem: { reason: 'invalidUrl' } }, raw);
    }
    for (const raw of ['https://api.tilbago.ch/v1/?x=1', 'https://api.tilbago.ch/v1?', 'https://api.tilbago.ch/v1#'])
      assert.deepEqual(
        checkSetting('apiBaseUrl', raw),
        { value: 'https://api.tilbago.ch/v1/', problem: { reason: 'queryOrFragment' } },
        raw,
      );
  });
});

describe('creditor settings', () => {
  it('take a CH or LI IBAN or QR-IBAN as written, spaces included, and nothing by default', () => {
    assert.deepEqual(checkSetting('creditor.account', undefined), { value: '' });
    assert.deepEqual(checkSetting('creditor.account', ''), { value: '' });
    for (const account of ['CH93 0076 2011 6238 5295 7', 'CH44 3199 9123 0008 8901 2', 'ch9300762011623852957'])
      assert.deepEqual(checkSetting('creditor.account', account), { value: account });
  });

  it('refuse an account the QR-bill would not take, saying why, and use none', () => {
    assert.deepEqual(checkSetting('creditor.account', 'CH94 0076 2011 6238 5295 7'), { value: '', problem: { reason: 'ibanCheckDigit' } });
    assert.deepEqual(checkSetting('creditor.account', 'DE89 3704 0044 0532 0130 00'), { value: '', problem: { reason: 'ibanCountry' } });
    assert.deepEqual(checkSetting('creditor.account', 'CH93 0076 2011 6238 5295'), { value: '', problem: { reason: 'ibanFormat' } });
    assert.equal(checkSetting('creditor.account', 'x'.repeat(43)).problem?.reason, 'tooLong');
  });

  it('hold the QR-bill length limits, CH/LI only, and the reference kind of an IBAN', () => {
    assert.deepEqual(checkSetting('creditor.name', 'a'.repeat(70)), { value: 'a'.repeat(70) });
    assert.deepEqual(checkSetting('creditor.name', 'a'.repeat(71)), { value: '', problem: { reason: 'tooLong', maxLength: 70 } });
    assert.equal(checkSetting('creditor.town', 'a'.repeat(36)).problem?.reason, 'tooLong');
    assert.deepEqual(checkSetting('creditor.country', undefined), { value: 'CH' });
    assert.deepEqual(checkSetting('creditor.country', 'DE').problem, { reason: 'notAChoice', values: ['CH', 'LI'] });
    assert.deepEqual(checkSetting('creditor.ibanReference', undefined), { value: 'none' });
    assert.deepEqual(checkSetting('creditor.ibanReference', 'creditorReference'), { value: 'creditorReference' });
  });
});

describe('workspaceMaySet', () => {
  it('never for machine-scoped settings, and not for restricted ones in an untrusted workspace', () => {
    assert.equal(workspaceMaySet('apiBaseUrl', true), false);
    assert.equal(workspaceMaySet('casesFolder', true), true);
    assert.equal(workspaceMaySet('casesFolder', false), false);
    assert.equal(workspaceMaySet('thirdReminder.daysBeforeCollection', false), true);
  });
});
