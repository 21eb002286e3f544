// Dates and addresses as the Swiss type them into "New debt-collection case" (amounts: money.test.ts), and the
// case.json written from the answers.
import * as assert from 'node:assert/strict';
import { caseRequestBody, checkCase } from '../../src/cases/model/caseFile';
import { defaultReason, type NewCaseAnswers, newCaseFile, readDate, readPlace, readStreet } from '../../src/cases/model/newCase';

describe('reading what the user types for a new case', () => {
  const today = '2026-11-28';
  it('reads a date as dd.mm.yyyy, d.m.yy (this century) or yyyy-mm-dd, none in the future; may be empty', () => {
    assert.deepEqual(readDate('03.08.2026', today), { ok: true, date: '2026-08-03' });
    assert.deepEqual(readDate(' 7.9.26 ', today), { ok: true, date: '2026-09-07' });
    assert.deepEqual(readDate('2026-10-05', today), { ok: true, date: '2026-10-05' });
    assert.deepEqual(readDate('', today), { ok: true, date: undefined });
    assert.deepEqual(readDate('28.11.2026', today), { ok: true, date: '2026-11-28' }, 'today is not the future');
  });

  it('names a date that does not exist, one in the future, and one that is not a date', () => {
    assert.deepEqual(readDate('31.02.2026', today), { ok: false, problem: 'noSuchDate' });
    assert.deepEqual(readDate('29.11.2026', today), { ok: false, problem: 'future' });
    assert.deepEqual(readDate('03/08/2026', today), { ok: false, problem: 'format' });
    assert.deepEqual(readDate('03.08.2026, 07.09.2026', today), { ok: false, problem: 'format' }, 'one date a step');
  });

  it('splits the street from its number, and the postcode from the town', () => {
    assert.deepEqual(readStreet(' Rue du Lac 12 '), { street: 'Rue du Lac', streetnumber: '12' });
    assert.deepEqual(readStreet('Bahnhofstrasse 3 a'), { street: 'Bahnhofstrasse', streetnumber: '3a' });
    assert.deepEqual(readStreet('Postfach'), { street: 'Postfach' });
    assert.deepEqual(readPlace('1003 Lausanne'), { zip: '1003', city: 'Lausanne' });
    assert.deepEqual(readPlace('CH-8001 Zürich'), { zip: '8001', city: 'Zürich' });
    assert.equal(readPlace('Lausanne'), undefined);
  });
});

describe('the case.json of a new case', () => {
  const answers: NewCaseAnswers = {
    invoiceNumber: '2026-0142',
    debtor: { kind: 'natural', name: 'Anna', surname: 'Muster' },
    address: { street: 'Via Nassa', streetnumber: '5', zip: '6900', city: 'Lugano' },
    amountRappen: 98_000,
    language: 'it',
    reason: 'Fattura n. 2026-0142 del 03.08.2026',
    invoiceDate: '2026-08-03',
    reminderDates: [],
  };

  it("gives tilbago the debtor's language as preferredLanguage", () => {
    const file = newCaseFile(answers);
    assert.equal(file.debtor.preferredLanguage, 'it');
    assert.equal('letterLanguage' in file, false);
    assert.equal(checkCase(file).ok, true);
  });

  it('keeps an English letter to itself: letterLanguage, which the request to tilbago leaves out, and no preferredLanguage', () => {
    const file = newCaseFile({ ...answers, language: 'en' });
    assert.equal(file.letterLanguage, 'en');
    assert.equal('preferredLanguage' in file.debtor, false);
    assert.equal(checkCase(file).ok, true);
    assert.doesNotMatch(JSON.stringify(caseRequestBody(file)), /"en"|letterLanguage/);
  });

  it('claims the default interest of 5% from the day the debtor is in default: after the due date, else from the 1st reminder', () => {
    const claim = (more: Partial<NewCaseAnswers>) => newCaseFile({ ...answers, ...more }).claim;
    assert.deepEqual(claim({ reminderDates: ['2026-09-03', '2026-10-05'] }), {
      amount: 98_000,
      reason: 'Fattura n. 2026-0142 del 03.08.2026',
      interestDateFrom: '2026-09-03',
      interestRate: '5.0',
      collocationClass: '3',
    });
    assert.equal(claim({ dueDate: '2026-09-02', reminderDates: ['2026-09-03'] }).interestDateFrom, '2026-09-03');
    assert.equal(claim({ dueDate: '2026-08-31', reminderDates: ['2026-09-10'] }).interestDateFrom, '2026-09-01');
    const none = claim({ reminderDates: [] });
    assert.equal('interestRate' in none || 'interestDateFrom' in none, false, 'not in default yet: no interest proposed');
    assert.equal(checkCase(newCaseFile({ ...answers, dueDate: '2026-08-31' })).ok, true);
  });

  it('writes a street without a number as it is, with no empty field to fill in', () => {
    const file = newCaseFile({ ...answers, address: { street: 'Postfach', zip: '6900', city: 'Lugano' } });
    assert.deepEqual(file.debtor.address, { street: 'Postfach', zip: '6900', city: 'Lugano' });
    assert.equal(checkCase(file).ok, true);
  });

  it('proposes the reason in the debtor’s language: the invoice with its date, and the reminders sent', () => {
    const dates = ['2026-09-07', '2026-10-05'];
    assert.equal(defaultReason('fr', '2026-0142', '2026-08-03', []), 'Facture n° 2026-0142 du 03.08.2026');
    assert.equal(
      defaultReason('de', '2026-0142', '2026-08-03', dates.slice(0, 1)),
      'Rechnung Nr. 2026-0142 vom 03.08.2026, Mahnung vom 07.09.2026',
    );
    assert.equal(
      defaultReason('de', '2026-0142', '2026-08-03', dates),
      'Rechnung Nr. 2026-0142 vom 03.08.2026, Mahnungen vom 07.09.2026 und vom 05.10.2026',
    );
    assert.equal(
      defaultReason('it', '2026-0142', '2026-08-03', dates),
      'Fattura n. 2026-0142 del 03.08.2026, richiami del 07.09.2026 e del 05.10.2026',
    );
    assert.equal(defaultReason('fr', '7', '2026-08-03', dates), 'Facture n° 7 du 03.08.2026, rappels du 07.09.2026 et du 05.10.2026');
    assert.equal(defaultReason('en', '7', undefined, []), 'Invoice no. 7');
  });
});
