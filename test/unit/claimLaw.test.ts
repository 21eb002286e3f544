// What the law says about a claim before it is filed: default interest (art. 102, 104 OR) and limitation
// (art. 127, 128, 132 and 77 OR), as dates.
import * as assert from 'node:assert/strict';
import {
  claimInterests,
  isAboveLegalRate,
  LEGAL_INTEREST_RATE,
  legalInterestStart,
  limitationEnd,
  mayBeTimeBarred,
} from '../../src/cases/model/claimLaw';
import { validCase } from '../fixtures/cases';

describe('default interest', () => {
  it('is 5% a year (art. 104 OR)', () => {
    assert.equal(LEGAL_INTEREST_RATE, '5.0');
  });

  it('runs from the day after an agreed due date: the debtor is in default once that day has passed (art. 102 para. 2)', () => {
    assert.equal(legalInterestStart({ dueDate: '2026-09-30', firstReminder: '2026-10-07' }), '2026-10-01');
    assert.equal(legalInterestStart({ dueDate: '2026-12-31' }), '2027-01-01');
    assert.equal(legalInterestStart({ dueDate: '2028-02-28' }), '2028-02-29', 'a leap year');
    assert.equal(legalInterestStart({ dueDate: '2027-02-28' }), '2027-03-01');
  });

  it('runs from the first reminder without a due date (art. 102 para. 1), and not at all without either', () => {
    assert.equal(legalInterestStart({ firstReminder: '2026-09-03' }), '2026-09-03');
    assert.equal(legalInterestStart({}), undefined);
  });

  it('above 5% only if agreed: a higher rate is flagged, 5% and less are not', () => {
    for (const rate of ['5.00001', '5.1', '6', '12.5', '99.99999']) assert.equal(isAboveLegalRate(rate), true, rate);
    for (const rate of ['5', '5.0', '5.00000', '4.75', '0']) assert.equal(isAboveLegalRate(rate), false, rate);
  });

  it("names each claim's rate and start once, as the confirmation shows them", () => {
    const { claim } = validCase();
    const tilbagoCase = {
      ...validCase(),
      subsidiaryClaims: [
        { ...claim, externalRef: 2 },
        { ...claim, externalRef: 3, interestRate: '7.5', interestDateFrom: '2026-10-01' },
        { amount: 2_000, reason: 'Mahngebühr', collocationClass: '3' as const },
      ],
    };
    assert.deepEqual(claimInterests(tilbagoCase as never), [
      { rate: '5.0', from: '2026-09-03' },
      { rate: '7.5', from: '2026-10-01' },
    ]);
    const { interestRate: _rate, interestDateFrom: _from, ...noInterest } = claim;
    assert.deepEqual(claimInterests({ ...validCase(), claim: noInterest } as never), []);
  });
});

describe('limitation', () => {
  it('ends five years after the invoice, on the day of the same number (art. 132 para. 2 and art. 77 para. 1 no. 3 OR)', () => {
    assert.equal(limitationEnd('2021-08-03'), '2026-08-03');
    assert.equal(limitationEnd('2021-12-31'), '2026-12-31');
    assert.equal(limitationEnd('2023-02-28'), '2028-02-28', 'not the 29th of a leap year');
  });

  it('from 29 February, on the last day of February of a year without one: 28.02.2029', () => {
    assert.equal(limitationEnd('2024-02-29'), '2029-02-28');
    assert.equal(limitationEnd('2024-02-29', 4), '2028-02-29', 'a leap year has the day');
  });

  it('is passed only once the last day has gone by unused (art. 132 para. 1): the warning starts the day after', () => {
    assert.equal(mayBeTimeBarred('2021-08-03', '2026-08-03'), false, 'the last day is still in time');
    assert.equal(mayBeTimeBarred('2021-08-03', '2026-08-04'), true);
    assert.equal(mayBeTimeBarred('2024-02-29', '2029-02-28'), false);
    assert.equal(mayBeTimeBarred('2024-02-29', '2029-03-01'), true);
    assert.equal(mayBeTimeBarred('2026-08-03', '2026-12-02'), false, 'a recent invoice');
    assert.equal(mayBeTimeBarred('2020-12-01', '2026-12-02'), true, 'six years old');
  });
});
