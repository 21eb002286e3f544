// The setup form's words are made on the host with vscode.l10n.t (src/setup/formStrings.ts). Here they are made
// under each language's real bundle, with a `vscode` whose l10n.t looks messages up as VS Code's extension host
// does (the key is the message, plus "/" and the comment when there is one), so a key the runtime would miss, a
// placeholder filled too early or two meanings merged under one key fails here and not in a user's panel.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { build } from 'esbuild';
import { describeProblem, type ProblemClauses, type ProblemCode } from '../../src/settings/problemClauses';
import type { SettingProblem } from '../../src/settings/schema';
import { format } from '../../src/shared/format';

type Words = Record<string, unknown>;
interface FormStringsModule {
  setupFormWords(): Words;
  languageNames(): Record<string, string>;
  letterLanguageName(field: string): string;
  describeSettingProblem(problem: SettingProblem): string;
  setBundle(bundle: Record<string, string> | null): void;
}

// Throws on a key missing from the bundle, where VS Code would silently show the English.
const VSCODE_L10N = `let bundle = null;
export const setBundle = (b) => { bundle = b; };
export const l10n = { t: (...params) => {
  const { message, args, comment } = typeof params[0] === 'string' ? { message: params[0], args: params[1] } : params[0];
  if (args !== undefined) throw new Error('the form passes no values, the page fills them: ' + message);
  const key = comment ? message + '/' + [].concat(comment).join('') : message;
  if (bundle === null) return message;
  if (!(key in bundle)) throw new Error('not in the bundle: ' + key);
  return bundle[key];
} };`;

async function loadFormStrings(): Promise<FormStringsModule> {
  const result = await build({
    stdin: {
      contents:
        "export * from './src/setup/formStrings'; export { describeSettingProblem } from './src/settings/problemWords'; export { setBundle } from 'vscode';",
      resolveDir: '.',
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'node',
    logLevel: 'silent',
    plugins: [
      {
        name: 'vscode-l10n',
        setup(on) {
          on.onResolve({ filter: /^vscode$/ }, () => ({ path: 'vscode', namespace: 'l10n' }));
          on.onLoad({ filter: /.*/, namespace: 'l10n' }, () => ({ contents: VSCODE_L10N, loader: 'js' }));
        },
      },
    ],
  });
  const module = { exports: {} as FormStringsModule };
  new Function('module', 'exports', result.outputFiles[0]!.text)(module, module.exports);
  return module.exports;
}

const readBundle = (language: string) => JSON.parse(fs.readFileSync(`l10n/bundle.l10n.${language}.json`, 'utf8')) as Record<string, string>;

/** Every string of the words with its path (`keySteps.1`, `fieldNames.creditorTown`). */
function leaves(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  return Object.entries(value as object).flatMap(([key, inner]) => leaves(inner, path ? `${path}.${key}` : key));
}
/** A problem of each code (the type makes a new code need one), and a number setting holding text. */
const PROBLEM_OF_CODE: { readonly [Code in ProblemCode]: Extract<SettingProblem, { reason: Code }> } = {
  wrongType: { reason: 'wrongType', expected: 'string' },
  notWholeNumber: { reason: 'notWholeNumber' },
  outOfRange: { reason: 'outOfRange', minimum: 0, maximum: 365 },
  tooLong: { reason: 'tooLong', maxLength: 70 },
  notAChoice: { reason: 'notAChoice', values: ['CH', 'LI'] },
  controlCharacters: { reason: 'controlCharacters' },
  invalidUrl: { reason: 'invalidUrl' },
  insecureUrl: { reason: 'insecureUrl' },
  queryOrFragment: { reason: 'queryOrFragment' },
  ibanFormat: { reason: 'ibanFormat' },
  ibanCountry: { reason: 'ibanCountry' },
  ibanCheckDigit: { reason: 'ibanCheckDigit' },
};
const PROBLEMS: readonly SettingProblem[] = [...Object.values(PROBLEM_OF_CODE), { reason: 'wrongType', expected: 'integer' }];
/** What each problem's clause must show of its limits. */
const LIMITS_SHOWN: Partial<Record<ProblemCode, readonly string[]>> = {
  outOfRange: ['0', '365'],
  tooLong: ['70'],
  notAChoice: ['"CH"', '"LI"'],
};

const placeholders = (text: string) => (text.match(/\{\d+\}/g) ?? []).sort();

describe('setup form words', () => {
  let strings: FormStringsModule;
  let english: [string, string][];
  before(async function () {
    this.timeout(30_000);
    strings = await loadFormStrings();
    strings.setBundle(null);
    english = leaves(strings.setupFormWords());
  });

  it('in English, are the messages themselves, with their placeholders for the page', () => {
    const words = strings.setupFormWords();
    assert.ok(english.length >= 140, `${english.length} strings`);
    assert.equal(words.savedTo, 'Saved to the {0} at {1}.');
    assert.deepEqual((words.keySteps as string[]).length, 3);
    assert.equal((words.fieldNames as Record<string, string>).creditorPostalCode, 'Postal code');
  });

  for (const language of ['fr', 'de', 'it']) {
    it(`in ${language}, come from bundle.l10n.${language}.json, every one of them, placeholders unfilled`, () => {
      strings.setBundle(readBundle(language));
      const translated = leaves(strings.setupFormWords());
      assert.deepEqual(
        translated.map(([path]) => path),
        english.map(([path]) => path),
      );
      for (const [index, [path, text]] of translated.entries()) {
        const [, source] = english[index]!;
        assert.notEqual(text.trim(), '', `${language} ${path}`);
        assert.deepEqual(placeholders(text), placeholders(source), `${language} ${path}: ${text}`);
      }
    });
  }

  it('tells apart the same English meaning two things: a language as a noun, a letter’s language as an adjective', () => {
    strings.setBundle(readBundle('fr'));
    assert.equal(strings.languageNames().de, 'allemand');
    assert.equal(strings.letterLanguageName('letterDe'), 'allemande');
    strings.setBundle(readBundle('de'));
    assert.equal(strings.languageNames().fr, 'Französisch');
    assert.equal(strings.letterLanguageName('letterFr'), 'französischer');
  });

  it('tells apart the form’s “Add to .gitignore” button from the notification’s, worded differently in Italian', () => {
    const italian = readBundle('it');
    strings.setBundle(italian);
    assert.equal(strings.setupFormWords().addToGitignore, 'Aggiungi a .gitignore');
    assert.equal(italian['Add to .gitignore'], 'Aggiungere a .gitignore');
  });

  describe('one clause per setting problem, the same in the warning, the note beside a broken value and under a field', () => {
    let englishClauses: ProblemClauses;
    before(() => {
      strings.setBundle(null);
      englishClauses = strings.setupFormWords().problemClauses as ProblemClauses;
    });

    for (const language of ['en', 'fr', 'de', 'it']) {
      it(`in ${language}, every problem code has its clause, its limits filled, and the warning says the same`, () => {
        strings.setBundle(language === 'en' ? null : readBundle(language));
        const words = strings.setupFormWords();
        const clauses = words.problemClauses as ProblemClauses;
        assert.deepEqual(Object.keys(clauses).sort(), Object.keys(PROBLEM_OF_CODE).sort());
        for (const problem of PROBLEMS) {
          const clause = describeProblem(clauses, problem);
          const what = `${language} ${problem.reason}: ${clause}`;
          assert.match(clause, /^\S.*\S$/, what);
          assert.doesNotMatch(clause, /\{\d+\}/, what);
          for (const limit of LIMITS_SHOWN[problem.reason] ?? []) assert.ok(clause.includes(limit), `${what} shows ${limit}`);
          if (language !== 'en') assert.notEqual(clause, describeProblem(englishClauses, problem), `${what}: translated`);
          assert.equal(strings.describeSettingProblem(problem), clause, `${what}: the warning's clause`);
          for (const sentence of [format(words.typedProblem as string, clause), format(words.textProblem as string, clause)])
            assert.ok(sentence.includes(clause) && sentence.endsWith('.'), `${language}: ${sentence}`);
        }
      });
    }

    it('reads as a sentence in English, beside a broken value and under a field as typed', () => {
      strings.setBundle(null);
      const words = strings.setupFormWords();
      const integerAsText = describeProblem(englishClauses, { reason: 'wrongType', expected: 'integer' });
      assert.equal(integerAsText, 'must be a whole number', 'a number setting holding text asks for a number, not text in quotes');
      assert.equal(
        format(
          words.brokenWritten as string,
          'Workspace settings',
          '400',
          describeProblem(englishClauses, PROBLEM_OF_CODE.outOfRange),
          '365',
        ),
        'The Workspace settings hold 400, but the value must be between 0 and 365: 365 is used instead.',
      );
      assert.equal(
        format(words.typedProblem as string, describeProblem(englishClauses, PROBLEM_OF_CODE.ibanCheckDigit)),
        'This value has wrong IBAN check digits: probably a typing error.',
      );
    });
  });
});
