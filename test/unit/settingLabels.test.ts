// The Settings editor shows an extension's setting under a label it makes from the key alone (an extension cannot
// give a setting a title): these tests make the labels by the same rule and read them as a user would.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { SETTING_KEYS } from '../../src/settings/schema';

const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8'));
const sections: { id: string; title: string; properties: Record<string, Record<string, unknown>> }[] = manifest.contributes.configuration;
const properties: Record<string, Record<string, unknown>> = Object.assign({}, ...sections.map((section) => section.properties));
const NLS_FILES = ['package.nls.json', 'package.nls.fr.json', 'package.nls.de.json', 'package.nls.it.json'];
const translations: Record<string, Record<string, string>> = Object.fromEntries(
  NLS_FILES.map((file) => [file, JSON.parse(fs.readFileSync(file, 'utf8'))]),
);

// VS Code 1.139's workbench (settingsTreeModels.ts: settingKeyToDisplayFormat and wordifyKey), as shipped.
const KNOWN_ACRONYMS = new Set(['css', 'html', 'scss', 'less', 'json', 'js', 'ts', 'ie', 'id', 'php', 'scm']);
const KNOWN_TERMS: [string, string][] = [
  ['power shell', 'PowerShell'],
  ['powershell', 'PowerShell'],
  ['javascript', 'JavaScript'],
  ['typescript', 'TypeScript'],
  ['github', 'GitHub'],
  ['ocaml', 'OCaml'],
  ['jet brains', 'JetBrains'],
  ['jetbrains', 'JetBrains'],
  ['re sharper', 'ReSharper'],
  ['resharper', 'ReSharper'],
];

function wordify(key: string): string {
  let words = key
    .replace(/\.([a-z0-9])/g, (_, first: string) => ` \u203A ${first.toUpperCase()}`)
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]{1,})([A-Z][a-z])/g, '$1 $2')
    .replace(/^[a-z]/g, (first) => first.toUpperCase())
    .replace(/\b\w+\b/g, (word) => (KNOWN_ACRONYMS.has(word.toLowerCase()) ? word.toUpperCase() : word));
  for (const [term, written] of KNOWN_TERMS) words = words.replace(new RegExp(`\\b${term}\\b`, 'gi'), written);
  return words;
}

/** The category and label the Settings editor shows for a key (split at its last dot). */
function settingLabel(key: string): { readonly category: string; readonly label: string } {
  const dot = key.lastIndexOf('.');
  return { category: wordify(key.slice(0, Math.max(dot, 0))), label: wordify(key.slice(dot + 1)) };
}
const shown = (key: string) => {
  const { category, label } = settingLabel(key);
  return category ? `${category}: ${label}` : label;
};

const current = Object.keys(properties);

/** A manifest string (`%key%`) in every language. */
function translated(value: unknown): string[] {
  const match = typeof value === 'string' ? /^%(.+)%$/.exec(value) : null;
  if (!match) return [String(value)];
  return NLS_FILES.map((file) => {
    const text = translations[file]![match[1]!];
    assert.ok(text, `${match[1]} is in ${file}`);
    return text;
  });
}

/** The settings a markdown text links to (`#tilbago.x#`, which the Settings editor shows as a link named by its label). */
const linkedSettings = (markdown: string) => [...markdown.matchAll(/`#([^#\s`]+)#`/g)].map((match) => match[1]!);

describe('setting labels in the Settings editor', () => {
  it('the rule made here gives VS Code’s labels, a glued digit and a language code included', () => {
    assert.equal(shown('tilbago.step2.letter.de'), 'Tilbago › Step2 › Letter: De');
    assert.equal(shown('tilbago.creditor.postalCode'), 'Tilbago › Creditor: Postal Code');
    assert.equal(shown('editor.fontSize'), 'Editor: Font Size');
    assert.equal(shown('json.schemas'), 'JSON: Schemas');
    assert.equal(shown('typescript.tsdk'), 'TypeScript: Tsdk');
  });

  it('every current setting reads as words: no word glued to a digit, no two-letter language code for a name', () => {
    assert.deepEqual(
      current,
      SETTING_KEYS.map((key) => `tilbago.${key}`),
    );
    for (const key of current) {
      const { category, label } = settingLabel(key);
      assert.doesNotMatch(`${category} ${label}`, /\p{L}\d|\d\p{L}/u, `${key} shows as "${shown(key)}"`);
      assert.doesNotMatch(label, /^\p{L}{2}$/u, `${key} shows as "${shown(key)}"`);
    }
  });

  it('the third reminder’s settings read as the user knows them', () => {
    assert.deepEqual(current.filter((key) => key.startsWith('tilbago.thirdReminder.')).map(shown), [
      'Tilbago › Third Reminder: Days After Second Reminder',
      'Tilbago › Third Reminder: Days Before Collection',
      'Tilbago › Third Reminder: German Letter',
      'Tilbago › Third Reminder: French Letter',
      'Tilbago › Third Reminder: Italian Letter',
      'Tilbago › Third Reminder: English Letter',
      'Tilbago › Third Reminder: Default Language',
    ]);
  });

  it('no section title says "Reminder 3" (glued or not), in any language', () => {
    for (const section of sections) {
      for (const title of translated(section.title)) assert.doesNotMatch(title, /reminder ?3/i, `${section.id}: "${title}"`);
    }
  });

  it('every setting a description links to exists, in every language', () => {
    for (const [file, strings] of Object.entries(translations)) {
      for (const [id, text] of Object.entries(strings)) {
        for (const linked of linkedSettings(text)) assert.ok(properties[linked], `${file} ${id} links to ${linked}, which does not exist`);
      }
    }
  });
});
