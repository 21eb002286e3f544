// Every message and manifest string is translated into fr, de and it, with the same {n} placeholders.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getL10nJson } from '@vscode/l10n-dev';

const LANGUAGES = ['fr', 'de', 'it'];
const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
const placeholders = (text: string) => (text.match(/\{\d+\}/g) ?? []).sort();

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : full.endsWith('.ts') ? [full] : [];
  });
}

/** The English strings passed to `vscode.l10n.t`, as VS Code's own extractor (@vscode/l10n-dev) finds them. */
async function messagesInSource(): Promise<Set<string>> {
  const files = sourceFiles('src').map((file) => ({ extension: '.ts', contents: fs.readFileSync(file, 'utf8') }));
  return new Set(Object.keys(await getL10nJson(files)));
}

describe('translations', () => {
  let messages: Set<string>;
  before(async function () {
    // The extractor parses every source file with tree-sitter (WebAssembly): a few seconds on a slow machine.
    this.timeout(60_000);
    messages = await messagesInSource();
  });

  it('finds the messages in the source', () => {
    assert.ok(messages.size >= 20, `found ${messages.size}`);
    assert.ok(messages.has('No tilbago API key is set.'));
    // The setup form's words (src/setup/formStrings.ts), and a message told apart by its comment, keyed as
    // VS Code looks it up: "German" the adjective of a letter, "German/the language, as a noun" the language.
    assert.ok(messages.has('Saved to the {0} at {1}.'));
    assert.ok(messages.has('German') && messages.has('German/the language, as a noun'));
  });

  for (const language of LANGUAGES) {
    it(`bundle.l10n.${language}.json translates every message, and nothing else`, () => {
      const bundle = readJson(`l10n/bundle.l10n.${language}.json`);
      assert.deepEqual(Object.keys(bundle).sort(), [...messages].sort());
      for (const [english, translated] of Object.entries(bundle)) {
        assert.deepEqual(placeholders(translated), placeholders(english), `${language}: ${english}`);
        assert.notEqual(translated.trim(), '', english);
      }
    });

    it(`package.nls.${language}.json translates every manifest string`, () => {
      const english = readJson('package.nls.json');
      const translated = readJson(`package.nls.${language}.json`);
      assert.deepEqual(Object.keys(translated).sort(), Object.keys(english).sort());
    });
  }

  it('every %key% in package.json is in package.nls.json', () => {
    const english = readJson('package.nls.json');
    const used = [...fs.readFileSync('package.json', 'utf8').matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]!);
    assert.ok(used.length >= 8);
    for (const key of used) assert.ok(key in english, key);
  });
});
