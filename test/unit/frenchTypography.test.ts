// French puts a space before ':' ';' '?' and '!' ("Clé d'API : définie"). Every French string the user reads:
// the message bundle (the setup form's words included) and the manifest's strings.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';

const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;

/** The text as read, without what is not French prose: code spans, URLs, JSON keys, placeholders, times, `C:\`. */
function prose(text: string): string {
  return text
    .replace(/`[^`]*`/g, ' ')
    .replace(/\b[a-z][a-z+.-]*:\/\/\S*/gi, ' ')
    .replace(/"[^"]*":/g, ' ')
    .replace(/\bcommand:\S+/g, ' ')
    .replace(/\{\d+\}:/g, ' ')
    .replace(/\d:\d/g, ' ')
    .replace(/\b[A-Z]:\\/g, ' ');
}

/** The marks not preceded by a space (a normal or a non-breaking one), with a few characters around each. */
function unspacedMarks(text: string): string[] {
  const found: string[] = [];
  const cleaned = prose(text);
  for (const match of cleaned.matchAll(/[^\s\u00a0\u202f][:;?!]/g)) {
    const index = match.index ?? 0;
    found.push(cleaned.slice(Math.max(0, index - 15), index + 5));
  }
  return found;
}

describe('French typography', () => {
  it('finds a mark without its space, and leaves URLs, placeholders, paths and times alone', () => {
    assert.equal(unspacedMarks("Clé d'API: définie").length, 1);
    assert.equal(unspacedMarks('La remplacer? Oui; non!').length, 3);
    assert.deepEqual(unspacedMarks('Voir https://tilbago.ch/fr : {0}: à 14:05, dans C:\\cas, `a:b` et "preferredLanguage": "fr"'), []);
  });

  it('puts a space before every ":", ";", "?" and "!" of the French strings', () => {
    const strings: [string, string][] = [
      ...Object.entries(readJson('l10n/bundle.l10n.fr.json')).map(([key, value]): [string, string] => [`bundle: ${key}`, value]),
      ...Object.entries(readJson('package.nls.fr.json')).map(([key, value]): [string, string] => [`package.nls.fr.json: ${key}`, value]),
    ];
    const wrong = strings.flatMap(([where, text]) => unspacedMarks(text).map((around) => `${where} → …${around}…`));
    assert.deepEqual(wrong, []);
  });
});
