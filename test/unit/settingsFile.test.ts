import * as assert from 'node:assert/strict';
import { withKeysRenamed, withSettings } from '../../src/settings/settingsFile';

describe('a settings file with several values changed in one write', () => {
  it('keeps comments, order and layout; changes, adds and removes the values given', () => {
    const text = [
      '{',
      '    // mine',
      '    "editor.tabSize": 2,',
      '    "tilbago.thirdReminder.daysAfterSecondReminder": 10,',
      '    "tilbago.reminder3.text": "old" // to move',
      '}',
      '',
    ].join('\n');
    const edited = withSettings(
      text,
      [],
      [
        ['tilbago.thirdReminder.daysAfterSecondReminder', 12],
        ['tilbago.reminder3.text', undefined],
        ['tilbago.thirdReminder.frenchLetter', 'Madame,\nFacture %NUMERO%'],
      ],
    )!;
    assert.match(edited, /\/\/ mine\n {4}"editor\.tabSize": 2,/);
    assert.match(edited, /"tilbago\.thirdReminder\.daysAfterSecondReminder": 12/);
    assert.doesNotMatch(edited, /reminder3\.text/);
    assert.match(edited, /\n {4}"tilbago\.thirdReminder\.frenchLetter": "Madame,\\nFacture %NUMERO%"/);
    assert.deepEqual(JSON.parse(edited.replace(/\/\/.*$/gm, '')), {
      'editor.tabSize': 2,
      'tilbago.thirdReminder.daysAfterSecondReminder': 12,
      'tilbago.thirdReminder.frenchLetter': 'Madame,\nFacture %NUMERO%',
    });
  });

  it('writes a new file, and into a workspace file under "settings"', () => {
    assert.deepEqual(JSON.parse(withSettings('', [], [['tilbago.casesFolder', 'cases']])!), { 'tilbago.casesFolder': 'cases' });
    const workspace = '{\n\t"folders": [{ "path": "a" }],\n\t"settings": {\n\t\t"files.autoSave": "off"\n\t}\n}\n';
    const edited = withSettings(workspace, ['settings'], [['tilbago.thirdReminder.daysBeforeCollection', 20]])!;
    assert.match(edited, /\n\t\t"tilbago\.thirdReminder\.daysBeforeCollection": 20/, 'indented with tabs, as the file is');
    assert.deepEqual(JSON.parse(edited).settings, { 'files.autoSave': 'off', 'tilbago.thirdReminder.daysBeforeCollection': 20 });
  });

  it('keeps Windows line ends', () => {
    const edited = withSettings('{\r\n  "a": 1\r\n}\r\n', [], [['b', 2]])!;
    assert.ok(!/[^\r]\n/.test(edited), JSON.stringify(edited));
  });

  it('leaves a file that is not a JSON object to VS Code', () => {
    for (const text of ['{ "a": 1', '[]', '"x"', '{ "a": 1 } }']) assert.equal(withSettings(text, [], [['b', 2]]), undefined, text);
  });
});

describe('a settings file with keys renamed where they stand', () => {
  it('renames each key in place: values, order, comments and layout kept', () => {
    const text = [
      '{',
      '  // written for 0.1',
      '  "tilbago.reminder3.letter.de": "Brief\\n%NUMERO%", // mine',
      '  "editor.tabSize": 2,',
      '  // the delay',
      '  "tilbago.reminder3.daysAfterSecondReminder": 7,',
      '}',
      '',
    ].join('\n');
    const renamed = withKeysRenamed(
      text,
      [],
      [
        ['tilbago.reminder3.letter.de', 'tilbago.thirdReminder.germanLetter'],
        ['tilbago.reminder3.daysAfterSecondReminder', 'tilbago.thirdReminder.daysAfterSecondReminder'],
        ['tilbago.reminder3.letter.fr', 'tilbago.thirdReminder.frenchLetter'],
      ],
    );
    assert.equal(
      renamed,
      text
        .replace('"tilbago.reminder3.letter.de"', '"tilbago.thirdReminder.germanLetter"')
        .replace('"tilbago.reminder3.daysAfterSecondReminder"', '"tilbago.thirdReminder.daysAfterSecondReminder"'),
      'only the keys change; a key not in the file is skipped',
    );
  });

  it('renames under "settings" in a workspace file, and only there', () => {
    const workspace =
      '{\n\t"folders": [],\n\t"tilbago.reminder3.letter.it": "top",\n\t"settings": { "tilbago.reminder3.letter.it": "Lettera" }\n}\n';
    const renamed = withKeysRenamed(workspace, ['settings'], [['tilbago.reminder3.letter.it', 'tilbago.thirdReminder.italianLetter']])!;
    assert.deepEqual(JSON.parse(renamed), {
      folders: [],
      'tilbago.reminder3.letter.it': 'top',
      settings: { 'tilbago.thirdReminder.italianLetter': 'Lettera' },
    });
  });

  it('refuses a file that is not a JSON object, or one that has the new name already', () => {
    assert.equal(withKeysRenamed('{ "a": ', [], [['a', 'b']]), undefined);
    assert.equal(withKeysRenamed('[]', [], [['a', 'b']]), undefined);
    assert.equal(withKeysRenamed('{ "a": 1, "b": 2 }', [], [['a', 'b']]), undefined);
  });
});
