// The steps of "New debt-collection case": order, numbering, Back and Next, the language and the dates, the summary.
import * as assert from 'node:assert/strict';
import {
  caseAnswers,
  checkDateAnswer,
  debtorLanguageOf,
  initialValue,
  lacksHouseNumber,
  nextStep,
  placeLanguage,
  previousStep,
  readUidAnswer,
  stepPosition,
  stepsFor,
  summaryLines,
  withAnswer,
  type StepAnswers,
} from '../../src/cases/model/newCaseSteps';

const context = { today: '2026-11-28' } as const;
const company: StepAnswers = {
  invoiceNumber: '2026-0142',
  kind: 'legal',
  company: 'Muster SA',
  uid: 'che109322551',
  street: 'Avenue de la Gare 12',
  place: '1003 Lausanne',
  language: 'fr',
  amount: '1234.5',
  invoiceDate: '03.08.26',
  dueDate: '',
  firstReminder: '07.09.2026',
  secondReminder: '',
  reason: 'Facture n° 2026-0142 du 03.08.2026, rappel du 07.09.2026',
};

describe('the steps of a new case', () => {
  it('asks a company for its name and UID, a person for first and last name; then the address, the language, one step per date', () => {
    assert.deepEqual(stepsFor({ kind: 'legal' }), [
      'invoiceNumber',
      'kind',
      'company',
      'uid',
      'street',
      'place',
      'language',
      'amount',
      'invoiceDate',
      'dueDate',
      'firstReminder',
      'secondReminder',
      'reason',
      'summary',
    ]);
    assert.deepEqual(stepsFor({}).slice(2, 4), ['name', 'surname'], 'before the choice, as for a person');
    assert.deepEqual(stepsFor({ kind: 'natural', company: 'kept from before' }).slice(2, 4), ['name', 'surname']);
  });

  it('asks for the 2nd reminder only when a 1st was sent', () => {
    assert.ok(stepsFor({ firstReminder: '07.09.2026' }).includes('secondReminder'));
    assert.ok(!stepsFor({ firstReminder: ' ' }).includes('secondReminder'));
    assert.equal(nextStep({ firstReminder: '' }, 'firstReminder', false), 'reason');
  });

  it('numbers the steps among those that apply, and the total stays right when the debtor changes', () => {
    assert.deepEqual(stepPosition({}, 'invoiceNumber'), { step: 1, totalSteps: 14 });
    assert.deepEqual(stepPosition({ kind: 'legal' }, 'uid'), { step: 4, totalSteps: 14 });
    assert.deepEqual(stepPosition({ kind: 'natural' }, 'surname'), { step: 4, totalSteps: 14 });
    assert.deepEqual(stepPosition({ kind: 'natural' }, 'language'), { step: 7, totalSteps: 14 });
    assert.deepEqual(stepPosition({ kind: 'legal' }, 'summary'), { step: 14, totalSteps: 14 });
    assert.deepEqual(stepPosition({ kind: 'legal', firstReminder: '' }, 'summary'), { step: 13, totalSteps: 13 });
    assert.equal(stepPosition({ kind: 'natural' }, 'uid').step, 0, 'a skipped step has no number');
  });

  it('Back leads to the step before among those that apply; none at the first', () => {
    assert.equal(previousStep({}, 'invoiceNumber'), undefined);
    assert.equal(previousStep({ kind: 'legal' }, 'street'), 'uid');
    assert.equal(previousStep({ kind: 'natural' }, 'street'), 'surname');
    assert.equal(previousStep(company, 'firstReminder'), 'dueDate');
    assert.equal(previousStep(company, 'dueDate'), 'invoiceDate');
    assert.equal(previousStep(company, 'summary'), 'reason');
  });

  it('Next leads on in order; an answer changed from the summary returns to it, unless a new question now applies', () => {
    assert.equal(nextStep({ kind: 'legal' }, 'kind', false), 'company');
    assert.equal(nextStep(company, 'street', false), 'place', 'in order, even when answered');
    assert.equal(nextStep(company, 'reason', false), 'summary');
    assert.equal(nextStep(company, 'street', true), 'summary');
    const toPerson = { ...company, kind: 'natural' };
    assert.equal(nextStep(toPerson, 'kind', true), 'name');
    assert.equal(nextStep({ ...toPerson, name: 'Anna' }, 'name', true), 'surname');
    assert.equal(nextStep({ ...toPerson, name: 'Anna', surname: 'Muster' }, 'surname', true), 'summary');
    const { secondReminder: _, ...neverAsked } = { ...company, firstReminder: '' };
    assert.equal(nextStep({ ...neverAsked, firstReminder: '07.09.2026' }, 'firstReminder', true), 'secondReminder');
  });

  it("proposes the language of the postcode's region; a bilingual place is named; the answer given wins", () => {
    assert.equal(debtorLanguageOf({ place: '6900 Lugano' }), 'it');
    assert.equal(debtorLanguageOf({ place: '1950 Sion' }), 'fr');
    assert.equal(debtorLanguageOf({ place: '2502 Biel/Bienne' }), 'de');
    assert.deepEqual(placeLanguage({ place: '2502 Biel/Bienne' }), { kind: 'bilingual', languages: ['de', 'fr'], place: 'Biel/Bienne' });
    assert.equal(debtorLanguageOf({ place: '75001 Paris' }), 'de', 'abroad: German, until the user picks English');
    assert.equal(placeLanguage({ place: '75001 Paris' }), undefined);
    assert.equal(debtorLanguageOf({ place: '6900 Lugano', language: 'en' }), 'en');
  });

  it('checks each date, and its order against the other dates given, both ways', () => {
    assert.deepEqual(checkDateAnswer(company, 'secondReminder', '05.10.2026', context), { ok: true, date: '2026-10-05' });
    assert.deepEqual(checkDateAnswer(company, 'secondReminder', '', context), { ok: true, date: undefined });
    assert.deepEqual(checkDateAnswer(company, 'firstReminder', '01.08.2026', context), {
      ok: false,
      problem: 'order',
      before: true,
      other: 'invoiceDate',
      otherDate: '2026-08-03',
    });
    assert.deepEqual(checkDateAnswer(company, 'invoiceDate', '08.09.2026', context), {
      ok: false,
      problem: 'order',
      before: false,
      other: 'firstReminder',
      otherDate: '2026-09-07',
    });
    assert.deepEqual(checkDateAnswer({ ...company, invoiceDate: '' }, 'secondReminder', '01.09.2026', context), {
      ok: false,
      problem: 'order',
      before: true,
      other: 'firstReminder',
      otherDate: '2026-09-07',
    });
    assert.deepEqual(checkDateAnswer(company, 'invoiceDate', '29.11.2026', context), { ok: false, problem: 'future' });
    assert.equal(checkDateAnswer(company, 'secondReminder', '07.09.2026', context).ok, true, 'the same day is in order');
  });

  it("opens a step with its earlier answer; the reason with one proposed in the debtor's language", () => {
    assert.equal(initialValue(company, 'street', context), 'Avenue de la Gare 12');
    assert.equal(initialValue({}, 'street', context), '');
    const dated = { invoiceNumber: ' 7 ', invoiceDate: '01.02.2026', firstReminder: '01.03.2026', secondReminder: '01.04.2026' };
    assert.equal(
      initialValue({ ...dated, place: '6900 Lugano', language: 'it' }, 'reason', context),
      'Fattura n. 7 del 01.02.2026, richiami del 01.03.2026 e del 01.04.2026',
    );
    assert.equal(
      initialValue({ ...dated, language: 'de' }, 'reason', context),
      'Rechnung Nr. 7 vom 01.02.2026, Mahnungen vom 01.03.2026 und vom 01.04.2026',
    );
  });

  it('a reason left as proposed follows a changed invoice number, date or language; one the user wrote is kept', () => {
    const changed = withAnswer(company, 'invoiceNumber', '2026-0150', context);
    assert.equal(changed.reason, 'Facture n° 2026-0150 du 03.08.2026, rappel du 07.09.2026');
    assert.equal(withAnswer(changed, 'firstReminder', '', context).reason, 'Facture n° 2026-0150 du 03.08.2026');
    assert.equal(withAnswer(changed, 'language', 'de', context).reason, 'Rechnung Nr. 2026-0150 vom 03.08.2026, Mahnung vom 07.09.2026');
    const own = withAnswer(company, 'reason', 'Conseil, août', context);
    assert.equal(withAnswer(own, 'invoiceNumber', '2026-0150', context).reason, 'Conseil, août');
  });

  it('asks about a street without a house number; reads a UID with its VAT suffix', () => {
    assert.equal(lacksHouseNumber('Rue du Lac'), true);
    assert.equal(lacksHouseNumber('Rue du Lac 12'), false);
    assert.equal(lacksHouseNumber(''), false);
    assert.deepEqual(readUidAnswer('CHE-123.456.788 MWST'), { ok: true, normalized: 'CHE-123.456.788' });
  });

  it('makes the case answers from what was typed, only from the steps that apply', () => {
    assert.deepEqual(caseAnswers(company, context), {
      invoiceNumber: '2026-0142',
      debtor: { kind: 'legal', company: 'Muster SA', companyUid: 'CHE-109.322.551' },
      address: { street: 'Avenue de la Gare', streetnumber: '12', zip: '1003', city: 'Lausanne' },
      amountRappen: 123_450,
      language: 'fr',
      reason: 'Facture n° 2026-0142 du 03.08.2026, rappel du 07.09.2026',
      invoiceDate: '2026-08-03',
      reminderDates: ['2026-09-07'],
    });
    const person = caseAnswers({ ...company, kind: 'natural', name: ' Anna ', surname: 'Muster' }, context);
    assert.deepEqual(person?.debtor, { kind: 'natural', name: 'Anna', surname: 'Muster' });
    assert.equal(caseAnswers({ ...company, kind: 'natural', name: 'Anna' }, context), undefined, 'a last name missing');
    assert.equal(caseAnswers({ ...company, amount: '0' }, context), undefined);
    assert.equal(caseAnswers({ ...company, amount: '980.–' }, context)?.amountRappen, 98_000);
    assert.equal(caseAnswers({ ...company, uid: 'CHE-123.456.789' }, context), undefined);
    assert.equal(caseAnswers({ ...company, uid: 'CHE-109.322.551 TVA' }, context)?.debtor.kind, 'legal');
    assert.equal(caseAnswers({ ...company, uid: '' }, context)?.debtor.kind, 'legal');
    const { language: _, ...noLanguage } = company;
    assert.equal(caseAnswers(noLanguage, context), undefined, 'the language is asked');
    assert.equal(caseAnswers({ ...company, firstReminder: '01.08.2026' }, context), undefined, 'out of order');
    const undated = caseAnswers({ ...company, invoiceDate: '', firstReminder: '', secondReminder: '05.10.2026' }, context);
    assert.deepEqual(
      [undated?.invoiceDate, undated?.reminderDates],
      [undefined, []],
      'the dates may be left empty; a 2nd without a 1st is not asked',
    );
    assert.equal(caseAnswers({ ...company, street: 'Rue du Lac' }, context)?.address.streetnumber, undefined);
  });

  it('takes the due date, between the invoice and the 1st reminder; interest then runs from the day after it', () => {
    const due = { ...company, dueDate: '02.09.2026' };
    assert.equal(caseAnswers(due, context)?.dueDate, '2026-09-02');
    assert.equal(caseAnswers(company, context)?.dueDate, undefined, 'may be left empty');
    assert.equal(checkDateAnswer(company, 'dueDate', '01.08.2026', context).ok, false, 'before the invoice');
    assert.equal(checkDateAnswer(company, 'dueDate', '08.09.2026', context).ok, false, 'after the 1st reminder');
    assert.deepEqual(
      summaryLines(due, context).filter((line) => line.step === 'dueDate'),
      [
        { step: 'dueDate', value: '02.09.2026' },
        { step: 'dueDate', about: 'interest', value: '03.09.2026' },
      ],
    );
    const notInDefault = { ...company, firstReminder: '' };
    assert.deepEqual(summaryLines(notInDefault, context).at(-1), { step: 'dueDate', about: 'interest', value: '' });
  });

  it('takes a Swiss postcode only: abroad and Liechtenstein are another way, not a case for tilbago', () => {
    assert.equal(caseAnswers({ ...company, place: '75001 Paris' }, context), undefined);
    assert.equal(caseAnswers({ ...company, place: '9490 Vaduz' }, context), undefined);
    assert.equal(caseAnswers({ ...company, place: 'CH-8001 Zürich' }, context)?.address.zip, '8001');
  });

  it('sums up every answer as it will be written, one line per date, each leading back to its step', () => {
    assert.deepEqual(summaryLines({ ...company, secondReminder: '5.10.26' }, context), [
      { step: 'invoiceNumber', value: '2026-0142' },
      { step: 'kind', value: 'legal' },
      { step: 'company', value: 'Muster SA' },
      { step: 'uid', value: 'CHE-109.322.551' },
      { step: 'street', value: 'Avenue de la Gare 12' },
      { step: 'place', value: '1003 Lausanne' },
      { step: 'language', value: 'fr' },
      { step: 'amount', value: "CHF 1'234.50" },
      { step: 'invoiceDate', value: '03.08.2026' },
      { step: 'dueDate', value: '' },
      { step: 'firstReminder', value: '07.09.2026' },
      { step: 'secondReminder', value: '05.10.2026' },
      { step: 'reason', value: 'Facture n° 2026-0142 du 03.08.2026, rappel du 07.09.2026' },
      { step: 'dueDate', about: 'interest', value: '07.09.2026' },
    ]);
    assert.deepEqual(
      summaryLines({ ...company, uid: '', invoiceDate: '' }, context)
        .filter((l) => l.step === 'uid' || l.step === 'invoiceDate' || l.step === 'secondReminder')
        .map((l) => l.value),
      ['', '', ''],
    );
  });
});
