// Settings files edited the way VS Code reads them: comments, layout and every byte outside the values changed kept;
// the occurrence VS Code reads edited; links and odd files refused.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse } from 'jsonc-parser';
import { editSettingsBytes, editSettingsFile, withSettings } from '../../src/settings/settingsFile';

describe('a settings file with several values changed in one write', () => {
  it('keeps comments, order and layout; changes, adds and removes the values given', () => {
    const text = [
      '{',
      '    // mine',
      '    "editor.tabSize": 2,',
      '    "tilbago.thirdReminder.daysAfterSecondReminder": 10,',
      '    "tilbago.thirdReminder.germanLetter": "alt" // to remove',
      '}',
      '',
    ].join('\n');
    const edited = withSettings(
      text,
      [],
      [
        ['tilbago.thirdReminder.daysAfterSecondReminder', 12],
        ['tilbago.thirdReminder.germanLetter', undefined],
        ['tilbago.thirdReminder.frenchLetter', 'Madame,\nFacture %NUMERO%'],
      ],
    ) as string;
    assert.match(edited, /\/\/ mine\n {4}"editor\.tabSize": 2,/);
    assert.match(edited, /"tilbago\.thirdReminder\.daysAfterSecondReminder": 12/);
    assert.doesNotMatch(edited, /germanLetter/);
    assert.match(edited, /\n {4}"tilbago\.thirdReminder\.frenchLetter": "Madame,\\nFacture %NUMERO%"/);
    assert.deepEqual(JSON.parse(edited.replace(/\/\/.*$/gm, '')), {
      'editor.tabSize': 2,
      'tilbago.thirdReminder.daysAfterSecondReminder': 12,
      'tilbago.thirdReminder.frenchLetter': 'Madame,\nFacture %NUMERO%',
    });
  });

  it('writes a new file, and into a workspace file under "settings"', () => {
    assert.deepEqual(JSON.parse(withSettings('', [], [['tilbago.casesFolder', 'cases']]) as string), { 'tilbago.casesFolder': 'cases' });
    const workspace = '{\n\t"folders": [{ "path": "a" }],\n\t"settings": {\n\t\t"files.autoSave": "off"\n\t}\n}\n';
    const edited = withSettings(workspace, ['settings'], [['tilbago.thirdReminder.daysBeforeCollection', 20]]) as string;
    assert.match(edited, /\n\t\t"tilbago\.thirdReminder\.daysBeforeCollection": 20/, 'indented with tabs, as the file is');
    assert.deepEqual(JSON.parse(edited).settings, { 'files.autoSave': 'off', 'tilbago.thirdReminder.daysBeforeCollection': 20 });
  });

  it('keeps Windows line ends', () => {
    const edited = withSettings('{\r\n  "a": 1\r\n}\r\n', [], [['b', 2]]) as string;
    assert.ok(!/[^\r]\n/.test(edited), JSON.stringify(edited));
  });

  it('names the problem of a file that is not a JSON object', () => {
    for (const text of ['{ "a": 1', '[]', '"x"', '{ "a": 1 } }']) assert.equal(typeof withSettings(text, [], [['b', 2]]), 'object', text);
  });
});

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));
const setting = (key: string, value: unknown) => (text: string) => withSettings(text, [], [[key, value]]);

describe('a settings file edited byte for byte', () => {
  it('keeps a byte that is not UTF-8 (a Latin-1 é in a comment and in another extension’s value)', () => {
    const before = bytes('{\n  // caf', [0xe9], '\n  "other.name": "Z', [0xfc], 'rich",\n  "tilbago.casesFolder": "a"\n}\n');
    const after = editSettingsBytes(before, setting('tilbago.casesFolder', 'Dossiers été'));
    assert.ok(after instanceof Uint8Array, JSON.stringify(after));
    assert.deepEqual(
      Buffer.from(after),
      bytes('{\n  // caf', [0xe9], '\n  "other.name": "Z', [0xfc], 'rich",\n  "tilbago.casesFolder": "Dossiers été"\n}\n'),
    );
  });

  it('keeps the BOM', () => {
    const after = editSettingsBytes(bytes([0xef, 0xbb, 0xbf], '{\n  "a": 1\n}\n'), setting('a', 2));
    assert.deepEqual(Buffer.from(after as Uint8Array), bytes([0xef, 0xbb, 0xbf], '{\n  "a": 2\n}\n'));
  });

  it('keeps CRLF line ends and a missing final line end', () => {
    const after = editSettingsBytes(bytes('{\r\n  "a": 1\r\n}'), setting('b', 2));
    assert.equal(Buffer.from(after as Uint8Array).toString('utf8'), '{\r\n  "a": 1,\r\n  "b": 2\r\n}');
    assert.equal(withSettings('{\n  "a": 1\n}', [], [['a', 3]]), '{\n  "a": 3\n}', 'no line end added');
  });

  it('sets a duplicate key at its last occurrence, the one VS Code reads', () => {
    const text = '{\n  "tilbago.casesFolder": "first",\n  "x": 1,\n  "tilbago.casesFolder": "last"\n}\n';
    assert.equal(withSettings(text, [], [['tilbago.casesFolder', 'new']]), text.replace('"last"', '"new"'));
  });

  it('removes every occurrence of a key (Reset), and only those', () => {
    const text = '{\n  "tilbago.casesFolder": "first",\n  "x": 1, // mine\n  "tilbago.casesFolder": "last"\n}\n';
    assert.equal(
      withSettings(text, [], [['tilbago.casesFolder', undefined]]),
      '{\n  "x": 1 // mine\n}\n',
      'the comment on the line above stays',
    );
    assert.equal(
      withSettings('{\r\n  "a": 1, // a\r\n  "b": 2,\r\n  "c": 3\r\n}', [], [['b', undefined]]),
      '{\r\n  "a": 1, // a\r\n  "c": 3\r\n}',
    );
    assert.equal(
      withSettings('{\n  // first\n  "a": 1,\n  "b": 2\n}', [], [['a', undefined]]),
      '{\n  // first\n  "b": 2\n}',
      'a comment above the first',
    );
    assert.equal(withSettings('{\n  // only\n  "a": 1\n}', [], [['a', undefined]]), '{\n  // only\n}');
  });

  it('edits the last of two "settings" objects of a workspace file, the one VS Code reads', () => {
    const text = '{\n  "settings": { "a": 1 },\n  "folders": [],\n  "settings": {\n    "b": 2\n  }\n}\n';
    const edited = withSettings(
      text,
      ['settings'],
      [
        ['c', 3],
        ['a', undefined],
      ],
    ) as string;
    assert.ok(edited.startsWith('{\n  "settings": { "a": 1 },\n  "folders": [],\n'), edited);
    assert.deepEqual(
      parse(
        edited
          .slice(edited.indexOf('"folders"') + 14)
          .replace(/^\s*"settings":/, '')
          .replace(/\}\s*$/, ''),
      ),
      {
        b: 2,
        c: 3,
      },
    );
  });

  it('a "settings" that is not an object, or a file that is not an object, is a problem named, not a parser error', () => {
    for (const [value, found] of [
      ['null', 'null'],
      ['[]', 'array'],
      ['"x"', 'string'],
      ['3', 'number'],
    ] as const) {
      assert.deepEqual(withSettings(`{ "folders": [], "settings": ${value} }`, ['settings'], [['a', 1]]), {
        kind: 'settingsNotAnObject',
        found,
      });
    }
    assert.deepEqual(withSettings('[]', [], [['a', 1]]), { kind: 'notAnObject', found: 'array' });
    assert.deepEqual(withSettings('null', [], [['a', 1]]), { kind: 'notAnObject', found: 'null' });
    assert.deepEqual(withSettings('{\n  "a": 1\n  "b": 2\n}', [], [['a', 1]]), { kind: 'syntax', line: 3 });
  });
});

describe('a settings file on disk', () => {
  let tmp: string;
  let folder: string;
  let file: string;
  beforeEach(() => {
    tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'tilbago-settings-')));
    folder = path.join(tmp, 'project');
    fs.mkdirSync(folder);
    file = path.join(folder, '.vscode', 'settings.json');
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const edit = (text: string) => withSettings(text, [], [['tilbago.casesFolder', 'cases']]);

  it('writes the edited file in place of the old one, its mode kept, nothing left beside it', async () => {
    fs.mkdirSync(path.dirname(file));
    fs.writeFileSync(file, '{\n  "a": 1\n}\n', { mode: 0o600 });
    fs.chmodSync(file, 0o600);
    assert.deepEqual(await editSettingsFile(file, folder, edit), { kind: 'written' });
    assert.equal(fs.readFileSync(file, 'utf8'), '{\n  "a": 1,\n  "tilbago.casesFolder": "cases"\n}\n');
    assert.equal(fs.statSync(file).mode & 0o777, 0o600);
    assert.deepEqual(fs.readdirSync(path.dirname(file)), ['settings.json']);
    assert.deepEqual(await editSettingsFile(file, folder, edit), { kind: 'unchanged' });
  });

  it('makes a missing file and its .vscode folder', async () => {
    assert.deepEqual(await editSettingsFile(file, folder, edit), { kind: 'written' });
    assert.deepEqual(JSON.parse(fs.readFileSync(file, 'utf8')), { 'tilbago.casesFolder': 'cases' });
  });

  it('refuses a settings file that is a link, and leaves the file it points to as it was', async () => {
    const outside = path.join(tmp, 'elsewhere.json');
    fs.writeFileSync(outside, '{ "b": 1 }');
    fs.mkdirSync(path.dirname(file));
    fs.symlinkSync(outside, file);
    assert.deepEqual(await editSettingsFile(file, folder, edit), { kind: 'refused', problem: { kind: 'link', file, target: outside } });
    assert.equal(fs.readFileSync(outside, 'utf8'), '{ "b": 1 }');
    assert.ok(fs.lstatSync(file).isSymbolicLink(), 'the link stays a link');
  });

  it('refuses a dangling link without making its target, and a .vscode folder that is a link', async () => {
    fs.mkdirSync(path.dirname(file));
    fs.symlinkSync(path.join(tmp, 'made.json'), file);
    assert.equal((await editSettingsFile(file, folder, edit)).kind, 'refused');
    assert.ok(!fs.existsSync(path.join(tmp, 'made.json')));
    fs.rmSync(path.dirname(file), { recursive: true });
    fs.mkdirSync(path.join(tmp, 'other'));
    fs.symlinkSync(path.join(tmp, 'other'), path.dirname(file));
    assert.deepEqual(await editSettingsFile(file, folder, edit), {
      kind: 'refused',
      problem: { kind: 'link', file: path.dirname(file), target: path.join(tmp, 'other') },
    });
    assert.deepEqual(fs.readdirSync(path.join(tmp, 'other')), []);
  });

  it('refuses a FIFO or a folder in place of the file, without waiting', async () => {
    fs.mkdirSync(path.dirname(file));
    execFileSync('mkfifo', [file]);
    assert.deepEqual(await editSettingsFile(file, folder, edit), { kind: 'refused', problem: { kind: 'notAFile', found: 'fifo' } });
    fs.rmSync(file);
    fs.mkdirSync(file);
    assert.deepEqual(await editSettingsFile(file, folder, edit), { kind: 'refused', problem: { kind: 'notAFile', found: 'directory' } });
  });

  it('refuses a file whose text is not a settings object, naming the problem', async () => {
    fs.mkdirSync(path.dirname(file));
    fs.writeFileSync(file, '[]');
    assert.deepEqual(await editSettingsFile(file, folder, edit), { kind: 'refused', problem: { kind: 'notAnObject', found: 'array' } });
    assert.equal(fs.readFileSync(file, 'utf8'), '[]');
  });
});
