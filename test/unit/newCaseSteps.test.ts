// The steps of "New debt-collection case": order, numbering, Back and Next, the summary.
import * as assert from 'node:assert/strict';
import {
  caseAnswers,
  initialValue,
  nextStep,
  previousStep,
  stepPosition,
  stepsFor,
  summaryLines,
  withAnswer,
  type StepAnswers,
} from '../../src/cases/model/newCaseSteps';

const context = { language: 'en', today: '2026-11-28' } as const;
const company: StepAnswers = {
  invoiceNumber: '2026-0142',
  kind: 'legal',
  company: 'Muster SA',
  uid: 'che109322551',
  street: 'Avenue de la Gare 12',
  place: '1003 Lausanne',
  amount: '1234.5',
  dates: '03.08.26, 07.09.2026',
  reason: 'Invoice 2026-0142 of 03.08.2026, reminders of 07.09.2026',
};

describe('the steps of a new case', () => {
  it('asks a company for its name and UID, a person for first and last name; the summary is the last step', () => {
    assert.deepEqual(stepsFor({ kind: 'legal' }), [
      'invoiceNumber',
      'kind',
      'company',
      'uid',
      'street',
      'place',
      'amount',
      'dates',
      'reason',
      'summary',
    ]);
    assert.deepEqual(stepsFor({}).slice(2, 4), ['name', 'surname'], 'before the choice, as for a person');
    assert.deepEqual(stepsFor({ kind: 'natural', company: 'kept from before' }).slice(2, 4), ['name', 'surname']);
  });

  it('numbers the steps among those that apply, and the total stays right when the debtor changes', () => {
    assert.deepEqual(stepPosition({}, 'invoiceNumber'), { step: 1, totalSteps: 10 });
    assert.deepEqual(stepPosition({ kind: 'legal' }, 'uid'), { step: 4, totalSteps: 10 });
    assert.deepEqual(stepPosition({ kind: 'natural' }, 'surname'), { step: 4, totalSteps: 10 });
    assert.deepEqual(stepPosition({ kind: 'natural' }, 'street'), { step: 5, totalSteps: 10 });
    assert.deepEqual(stepPosition({ kind: 'legal' }, 'summary'), { step: 10, totalSteps: 10 });
    assert.equal(stepPosition({ kind: 'natural' }, 'uid').step, 0, 'a skipped step has no number');
  });

  it('Back leads to the step before among those that apply; none at the first', () => {
    assert.equal(previousStep({}, 'invoiceNumber'), undefined);
    assert.equal(previousStep({ kind: 'legal' }, 'street'), 'uid');
    assert.equal(previousStep({ kind: 'natural' }, 'street'), 'surname');
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
  });

  it('opens a step with its earlier answer; the reason with one proposed from the invoice and its dates', () => {
    assert.equal(initialValue(company, 'street', context), 'Avenue de la Gare 12');
    assert.equal(initialValue({}, 'street', context), '');
    assert.equal(
      initialValue({ invoiceNumber: ' 7 ', dates: '01.02.2026, 01.03.2026' }, 'reason', context),
      'Invoice 7 of 01.02.2026, reminders of 01.03.2026',
    );
  });

  it('a reason left as proposed follows a changed invoice number; one the user wrote is kept', () => {
    const changed = withAnswer(company, 'invoiceNumber', '2026-0150', context);
    assert.equal(changed.reason, 'Invoice 2026-0150 of 03.08.2026, reminders of 07.09.2026');
    assert.equal(withAnswer(changed, 'dates', '', context).reason, 'Invoice 2026-0150');
    const own = withAnswer(company, 'reason', 'Consulting, August', context);
    assert.equal(withAnswer(own, 'invoiceNumber', '2026-0150', context).reason, 'Consulting, August');
  });

  it('makes the case answers from what was typed, only from the steps that apply', () => {
    assert.deepEqual(caseAnswers(company, context), {
      invoiceNumber: '2026-0142',
      debtor: { kind: 'legal', company: 'Muster SA', companyUid: 'CHE-109.322.551' },
      address: { street: 'Avenue de la Gare', streetnumber: '12', zip: '1003', city: 'Lausanne' },
      amountRappen: 123_450,
      reason: 'Invoice 2026-0142 of 03.08.2026, reminders of 07.09.2026',
      invoiceDate: '2026-08-03',
      reminderDates: ['2026-09-07'],
    });
    const person = caseAnswers({ ...company, kind: 'natural', name: ' Anna ', surname: 'Muster' }, context);
    assert.deepEqual(person?.debtor, { kind: 'natural', name: 'Anna', surname: 'Muster' });
    assert.equal(caseAnswers({ ...company, kind: 'natural', name: 'Anna' }, context), undefined, 'a last name missing');
    assert.equal(caseAnswers({ ...company, amount: '0' }, context), undefined);
    assert.equal(caseAnswers({ ...company, uid: 'CHE-123.456.789' }, context), undefined);
    assert.equal(caseAnswers({ ...company, uid: '' }, context)?.debtor.kind, 'legal');
    const undated = caseAnswers({ ...company, dates: '' }, context);
    assert.deepEqual([undated?.invoiceDate, undated?.reminderDates], [undefined, []], 'the dates may be left empty');
  });

  it('sums up every answer as it will be written, each line leading back to its step', () => {
    assert.deepEqual(summaryLines(company, context), [
      { step: 'invoiceNumber', value: '2026-0142' },
      { step: 'kind', value: 'legal' },
      { step: 'company', value: 'Muster SA' },
      { step: 'uid', value: 'CHE-109.322.551' },
      { step: 'street', value: 'Avenue de la Gare 12' },
      { step: 'place', value: '1003 Lausanne' },
      { step: 'amount', value: "CHF 1'234.50" },
      { step: 'dates', value: '03.08.2026, 07.09.2026' },
      { step: 'reason', value: 'Invoice 2026-0142 of 03.08.2026, reminders of 07.09.2026' },
    ]);
    assert.deepEqual(
      summaryLines({ ...company, uid: '', dates: '' }, context)
        .filter((l) => l.step === 'uid' || l.step === 'dates')
        .map((l) => l.value),
      ['', ''],
    );
  });
});
