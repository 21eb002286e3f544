import * as assert from 'node:assert/strict';
import {
  BUILT_IN_LETTERS,
  findUnknownPlaceholders,
  LETTER_HEADINGS,
  letterLanguage,
  PLACEHOLDERS,
  renderLetter,
  reminderLetter,
  renderLetterParts,
  type LetterInvoice,
} from '../../src/reminders/letter';
import { PLACEHOLDER_MEANINGS } from '../../src/reminders/letterEditing';
import { LANGUAGES } from '../../src/shared/languages';

const invoice: LetterInvoice = {
  number: 'F-2026-031',
  salutation: 'Madame Dupont',
  invoiceDate: '2026-03-09',
  firstReminderDate: '2026-04-10',
  secondReminderDate: '2026-05-11',
  amountDueRappen: 123_450,
};

describe('letter template', () => {
  it('replaces every placeholder: salutation, number, Swiss dates and a CHF amount', () => {
    const text =
      '%TITRE%,\nMalgré nos rappels du %RAPPEL1% et du %RAPPEL2%, la facture %NUMERO% du %DATEFACTURE% (%MONTANT%) reste impayée.';
    assert.equal(
      renderLetter(text, invoice, 'fr'),
      "Madame Dupont,\nMalgré nos rappels du 10.04.2026 et du 11.05.2026, la facture F-2026-031 du 09.03.2026 (CHF 1'234.50) reste impayée.",
    );
  });

  it('uses the default salutation of the language when the client has none', () => {
    const none = { ...invoice, salutation: undefined };
    assert.equal(renderLetter('%TITRE%', none, 'fr'), 'Messieurs');
    assert.equal(renderLetter('%TITRE%', { ...invoice, salutation: '  ' }, 'de'), 'Sehr geehrte Damen und Herren');
    assert.equal(renderLetter('%TITRE%', none, 'it'), 'Egregi Signori');
    assert.equal(renderLetter('%TITRE%', none, 'en'), 'Dear Sir or Madam');
  });

  it('uses the built-in letter of the language for an empty text', () => {
    for (const language of LANGUAGES) {
      const letter = renderLetter('', invoice, language);
      assert.ok(letter.startsWith('Madame Dupont'), language);
      assert.ok(letter.includes('10.04.2026') && letter.includes('11.05.2026') && letter.includes("CHF 1'234.50"), language);
      assert.doesNotMatch(letter, /%[A-Z0-9]+%/, `${language}: every placeholder of the built-in letter is known and filled`);
      assert.deepEqual(findUnknownPlaceholders(BUILT_IN_LETTERS[language]), []);
    }
    assert.match(BUILT_IN_LETTERS.fr, /^%TITRE%,\n\nMalgré nos rappels du %RAPPEL1% et du %RAPPEL2%/);
  });

  it('has a heading and a legend in every language, for every placeholder', () => {
    assert.equal(LETTER_HEADINGS.fr, 'TROISIÈME ET DERNIER RAPPEL');
    for (const language of LANGUAGES) {
      assert.deepEqual(Object.keys(PLACEHOLDER_MEANINGS[language]).sort(), [...PLACEHOLDERS].sort());
    }
  });

  it('leaves unknown placeholders as written and lists them with their positions', () => {
    const text = 'Facture %NUMMER% du %datefacture%, réf. %CLIENT_ID%.';
    assert.equal(renderLetter(text, invoice, 'fr'), text);
    const unknown = findUnknownPlaceholders(text);
    assert.deepEqual(
      unknown.map((u) => [u.text, u.suggestion]),
      [
        ['%NUMMER%', 'NUMERO'],
        ['%datefacture%', 'DATEFACTURE'],
        ['%CLIENT_ID%', undefined],
      ],
    );
    for (const u of unknown) assert.equal(text.slice(u.start, u.end), u.text);
  });

  it('does not take percentages for placeholders', () => {
    const text = 'Intérêt de 5% dès le 10% du délai, soit 100 %.';
    assert.deepEqual(findUnknownPlaceholders(text), []);
    assert.equal(renderLetter(text, invoice, 'fr'), text);
  });

  it('finds placeholders written in another shape, with the one meant, and leaves them as written', () => {
    const cases: [string, string][] = [
      ['%RAPPEL 2%', 'RAPPEL2'],
      ['% MONTANT %', 'MONTANT'],
      ['%MONTANT', 'MONTANT'],
      ['MONTANT%', 'MONTANT'],
      ['{MONTANT}', 'MONTANT'],
      ['{{ NUMERO }}', 'NUMERO'],
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a letter's text, written as in another template language
      ['${NUMERO}', 'NUMERO'],
      ['[TITRE]', 'TITRE'],
      ['<DATEFACTURE>', 'DATEFACTURE'],
      ['%DATE-FACTURE%', 'DATEFACTURE'],
      ['%DATE FACTURE%', 'DATEFACTURE'],
      ['%DATÉFACTURE%', 'DATEFACTURE'],
      ['%Montant%', 'MONTANT'],
      ['%Rappel 1%', 'RAPPEL1'],
      ['%RAPPEL-1%', 'RAPPEL1'],
      ['%1RAPPEL%', 'RAPPEL1'],
      ['%NUMÉRO%', 'NUMERO'],
      ['%MONTANT :', 'MONTANT'],
    ];
    for (const [written, meant] of cases) {
      const text = `Le montant de ${written} reste dû.`;
      const found = findUnknownPlaceholders(text);
      const expected = written.replace(/ :$/, '');
      assert.deepEqual(
        found.map((u) => [u.text, u.suggestion]),
        [[expected, meant]],
        written,
      );
      assert.equal(text.slice(found[0]!.start, found[0]!.end), expected);
      const letter = reminderLetter(text, invoice, 'fr');
      assert.deepEqual(letter.unknownPlaceholders, [expected], `${written}: the letter refuses it`);
      assert.equal(letter.text, text, 'left as written');
      assert.ok(
        renderLetterParts(text, invoice, 'fr').some((part) => part.kind === 'unknown' && part.text === expected),
        `${written}: the preview marks it`,
      );
    }
  });

  it('does not take ordinary percentages and brackets for placeholders', () => {
    for (const text of [
      '5%',
      '10 % de rabais',
      '100%ig sicher',
      '50 % bis 60 %',
      'Rabatt: 5%-10%, dann 20 %.',
      'Intérêt 5 % (voir [annexe] et {note}), <b>gras</b>.',
      '%',
      '%%',
      '100 %, soit %NUMERO% et 5 %',
    ]) {
      assert.deepEqual(findUnknownPlaceholders(text), [], text);
      assert.deepEqual(reminderLetter(text, invoice, 'fr').unknownPlaceholders, [], text);
    }
  });

  it('a percentage does not hide a misshapen placeholder after it, nor one of ours', () => {
    const text = '50 % et % MONTANT %, 10 % de %NUMERO% et %RAPPEL1 du 100%, %MONTANT et %TITRE.';
    assert.deepEqual(
      findUnknownPlaceholders(text).map((u) => [u.text, u.suggestion]),
      [
        ['% MONTANT %', 'MONTANT'],
        ['%RAPPEL1', 'RAPPEL1'],
        ['%MONTANT', 'MONTANT'],
        ['%TITRE', 'TITRE'],
      ],
    );
    assert.ok(reminderLetter(text, invoice, 'fr').text.includes('de F-2026-031 et'));
  });

  it('keeps a placeholder the invoice has no value for, and says which', () => {
    const parts = renderLetterParts('du %RAPPEL2% ', { ...invoice, secondReminderDate: undefined }, 'fr');
    assert.deepEqual(parts, [
      { kind: 'text', text: 'du ' },
      { kind: 'missing', text: '%RAPPEL2%', placeholder: 'RAPPEL2' },
      { kind: 'text', text: ' ' },
    ]);
    assert.equal(renderLetter('%RAPPEL1%', { ...invoice, firstReminderDate: '2026-02-30' }, 'fr'), '%RAPPEL1%', 'not a real date');
  });

  it('never throws, whatever the text', function () {
    // Many texts at once: a loaded 2-core machine takes longer than mocha's 2 s.
    this.timeout(20_000);
    const nasty = [
      '%',
      '%%',
      '%%%',
      '%TITRE',
      'TITRE%',
      '%\u0000%',
      '%TITRE%%NUMERO%',
      '%'.repeat(10_001),
      '\ud800%NUMERO%',
      `%${'A'.repeat(100)}%`,
      '$&$1%MONTANT%$`',
    ];
    for (const text of nasty) {
      assert.doesNotThrow(() => renderLetter(text, invoice, 'de'), JSON.stringify(text.slice(0, 20)));
      assert.doesNotThrow(() => findUnknownPlaceholders(text));
    }
    assert.equal(renderLetter('%TITRE%%NUMERO%', invoice, 'fr'), 'Madame DupontF-2026-031');
    assert.equal(renderLetter('$&$1%MONTANT%$`', invoice, 'fr'), "$&$1CHF 1'234.50$`", 'no replacement patterns are interpreted');
    const huge = `${'Lorem ipsum %NUMERO% '.repeat(50_000)}`;
    assert.equal(renderLetter(huge, invoice, 'fr').length, huge.length + 50_000 * ('F-2026-031'.length - '%NUMERO%'.length));
  });
});

describe("the letter's language", () => {
  it('is the debtor’s own; else the setting’s; else the postcode’s, never the display language’s; else German', () => {
    assert.equal(letterLanguage({ language: 'it', zip: '1003' }, 'fr'), 'it');
    assert.equal(letterLanguage({ language: 'en' }, 'auto'), 'en');
    assert.equal(letterLanguage({ zip: '6900' }, 'fr'), 'fr', 'a default the user set wins over the postcode');
    // The Lugano debtor of the bug: without a language and a setting, Italian, whatever VS Code speaks.
    assert.equal(letterLanguage({ zip: '6900' }, 'auto'), 'it');
    assert.equal(letterLanguage({ zip: '1700' }, 'auto'), 'fr', 'a bilingual place: its majority’s');
    assert.equal(letterLanguage({ zip: '75001' }, 'auto'), 'de', 'a postcode abroad: German');
    assert.equal(letterLanguage({}, 'auto'), 'de');
  });
});
