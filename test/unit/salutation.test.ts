import * as assert from 'node:assert/strict';
import { type LetterInvoice, renderLetter } from '../../src/reminders/letter';
import { closing, type LetterDebtor, salutation } from '../../src/reminders/salutation';
import type { Language } from '../../src/shared/languages';

const woman: LetterDebtor = { sex: 'F', surname: 'Meier' };
const man: LetterDebtor = { sex: 'M', surname: 'Meier' };
const doctor: LetterDebtor = { sex: 'F', surname: 'Meier', title: 'Dr.' };
const doctorMan: LetterDebtor = { sex: 'M', surname: 'Meier', title: 'Prof. Dr.' };
const unknown: LetterDebtor = { sex: 'U', surname: 'Meier', title: 'Dr.' };
const noSex: LetterDebtor = { surname: 'Meier' };
const company: LetterDebtor = { company: 'Muster SA', sex: 'F', surname: 'Meier' };

const EXPECTED: Record<Language, Record<string, string>> = {
  de: {
    woman: 'Sehr geehrte Frau Meier',
    man: 'Sehr geehrter Herr Meier',
    doctor: 'Sehr geehrte Frau Dr. Meier',
    doctorMan: 'Sehr geehrter Herr Prof. Dr. Meier',
    unknown: 'Sehr geehrte Damen und Herren',
    noSex: 'Sehr geehrte Damen und Herren',
    company: 'Sehr geehrte Damen und Herren',
  },
  fr: {
    woman: 'Madame',
    man: 'Monsieur',
    doctor: 'Madame',
    doctorMan: 'Monsieur',
    unknown: 'Madame, Monsieur',
    noSex: 'Madame, Monsieur',
    company: 'Messieurs',
  },
  it: {
    woman: 'Gentile Signora Meier',
    man: 'Egregio Signor Meier',
    doctor: 'Gentile Dr. Meier',
    doctorMan: 'Egregio Prof. Dr. Meier',
    unknown: 'Gentile Signora, Egregio Signore',
    noSex: 'Gentile Signora, Egregio Signore',
    company: 'Egregi Signori',
  },
  en: {
    woman: 'Dear Ms Meier',
    man: 'Dear Mr Meier',
    doctor: 'Dear Dr Meier',
    doctorMan: 'Dear Prof Dr Meier',
    // A title names the reader without their sex.
    unknown: 'Dear Dr Meier',
    noSex: 'Dear Sir or Madam',
    company: 'Dear Sir or Madam',
  },
};

const DEBTORS: Record<string, LetterDebtor> = { woman, man, doctor, doctorMan, unknown, noSex, company };

const CLOSINGS: Record<Language, { named: string; neutral: string }> = {
  de: { named: 'Freundliche Grüsse', neutral: 'Freundliche Grüsse' },
  fr: {
    named: 'Veuillez agréer, Madame, nos salutations distinguées.',
    neutral: 'Veuillez agréer, Madame, Monsieur, nos salutations distinguées.',
  },
  it: { named: 'Distinti saluti', neutral: 'Distinti saluti' },
  en: { named: 'Yours sincerely', neutral: 'Yours faithfully' },
};

const invoice: LetterInvoice = { number: '2026-0142', invoiceDate: '2026-08-03', amountDueRappen: 123_450 };

describe('salutation of the letter', () => {
  for (const language of Object.keys(EXPECTED) as Language[]) {
    for (const [kind, expected] of Object.entries(EXPECTED[language])) {
      it(`${language}: ${kind} → “${expected}”`, () => {
        assert.equal(salutation(DEBTORS[kind], language), expected);
        assert.equal(renderLetter('%TITRE%', { ...invoice, debtor: DEBTORS[kind] }, language), expected);
      });
    }

    it(`${language}: the closing follows the salutation`, () => {
      assert.equal(renderLetter('%POLITESSE%', { ...invoice, debtor: woman }, language), CLOSINGS[language].named);
      assert.equal(renderLetter('%POLITESSE%', { ...invoice, debtor: noSex }, language), CLOSINGS[language].neutral);
    });

    it(`${language}: reminders.json's salutation wins over the debtor, and the closing follows it`, () => {
      const given = { ...invoice, debtor: man, salutation: '  Chère Madame Dupont ' };
      assert.equal(renderLetter('%TITRE%', given, language), 'Chère Madame Dupont');
      assert.equal(renderLetter('%POLITESSE%', given, language), closing('Chère Madame Dupont', language));
    });

    it(`${language}: the built-in letter opens with the salutation and ends with its closing`, () => {
      const letter = renderLetter('', { ...invoice, debtor: woman }, language);
      assert.ok(letter.startsWith(EXPECTED[language].woman!), letter.slice(0, 40));
      assert.ok(letter.endsWith(CLOSINGS[language].named), letter.slice(-60));
    });
  }

  it('without a debtor (a caller of API version 1): the company form, as before', () => {
    assert.equal(renderLetter('%TITRE%', invoice, 'fr'), 'Messieurs');
    assert.equal(renderLetter('%TITRE%', invoice, 'de'), 'Sehr geehrte Damen und Herren');
    assert.equal(renderLetter('%TITRE%', invoice, 'it'), 'Egregi Signori');
    assert.equal(renderLetter('%TITRE% … %POLITESSE%', invoice, 'en'), 'Dear Sir or Madam … Yours faithfully');
    assert.equal(renderLetter('%POLITESSE%', invoice, 'fr'), 'Veuillez agréer, Messieurs, nos salutations distinguées.');
  });

  it('takes blank fields for none: a blank company is a person, a blank surname is not written', () => {
    assert.equal(salutation({ company: '  ', sex: 'M', surname: ' Rossi ' }, 'it'), 'Egregio Signor Rossi');
    assert.equal(salutation({ sex: 'F', surname: '  ' }, 'de'), 'Sehr geehrte Damen und Herren');
    assert.equal(salutation({ sex: 'F', surname: '  ' }, 'fr'), 'Madame', 'French needs no name');
    assert.equal(salutation({ sex: 'F', surname: 'Meier', title: ' ' }, 'en'), 'Dear Ms Meier');
  });

  it('closes in English by the salutation given: faithfully after Sir or Madam, sincerely after a name', () => {
    for (const neutral of ['Dear Sir or Madam', 'Dear Sirs', 'dear sir', 'Dear Madam'])
      assert.equal(closing(neutral, 'en'), 'Yours faithfully', neutral);
    for (const named of ['Dear Ms Smith', 'Dear Dr Sirius', 'Dear Anna']) assert.equal(closing(named, 'en'), 'Yours sincerely', named);
  });
});
