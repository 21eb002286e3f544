// reminders.json: what the extension writes for a new case, and what checkReminders accepts, at the boundaries.
import * as assert from 'node:assert/strict';
import { REMINDERS_SCHEMA_REF } from '../../src/cases/model/files';
import type { NewCaseAnswers } from '../../src/cases/model/newCase';
import { checkReminders, MAX_AMOUNT_DUE_RAPPEN, parseReminders, remindersFile } from '../../src/cases/model/remindersFile';

const valid = () => ({
  invoiceNumber: '2026-0142',
  invoiceDate: '2026-08-03',
  amountDue: "CHF 1'234.50",
  reminders: { first: '2026-09-07', second: '2026-10-05', third: '2026-10-15' },
});

const problems = (raw: unknown) => {
  const checked = checkReminders(raw);
  return checked.ok ? [] : checked.problems.map((p) => `${p.path}:${p.code}${p.detail ? `:${p.detail}` : ''}`);
};

const codes = (raw: unknown) => problems(raw).map((problem) => problem.split(':').slice(0, 2).join(':'));

const answers: NewCaseAnswers = {
  invoiceNumber: '2026-0142',
  debtor: { kind: 'legal', company: 'Muster SA' },
  address: { street: 'Avenue de la Gare', zip: '1003', city: 'Lausanne' },
  amountRappen: 123_450,
  language: 'fr',
  reason: 'Facture 2026-0142',
  invoiceDate: '2026-08-03',
  reminderDates: ['2026-09-07', '2026-10-05'],
};

describe('reminders.json', () => {
  it('is written with its $schema and without the old schedule, and reads back as the same facts', () => {
    const file = remindersFile(answers);
    assert.deepEqual(file, {
      $schema: REMINDERS_SCHEMA_REF,
      invoiceNumber: '2026-0142',
      invoiceDate: '2026-08-03',
      amountDue: "CHF 1'234.50",
      reminders: { first: '2026-09-07', second: '2026-10-05' },
    });
    assert.deepEqual(parseReminders(JSON.stringify(file)), {
      ok: true,
      facts: {
        invoiceNumber: '2026-0142',
        invoiceDate: '2026-08-03',
        amountDueRappen: 123_450,
        reminders: { first: '2026-09-07', second: '2026-10-05' },
      },
    });
    const bare = remindersFile({ ...answers, invoiceDate: undefined, reminderDates: [] } as unknown as NewCaseAnswers);
    assert.deepEqual(checkReminders(bare), { ok: true, facts: { invoiceNumber: '2026-0142', amountDueRappen: 123_450, reminders: {} } });
  });

  it('refuses a schedule in the file like any unknown field: it is computed from the dates and delays each time', () => {
    for (const schedule of [{ thirdReminderDue: '2026-10-15', litigationFrom: '2026-10-30' }, 'soon', null, 42]) {
      const checked = checkReminders({ ...valid(), schedule });
      assert.deepEqual(
        checked.ok ? [] : checked.problems.map((problem) => `${problem.code} ${problem.path}`),
        ['unknownField schedule'],
        JSON.stringify(schedule),
      );
    }
  });

  it('reads the amount due as CHF text or whole Rappen, from 0.01 to 999,999,999.99', () => {
    for (const [amountDue, rappen] of [
      ["CHF 1'234.50", 123_450],
      ['1234.50', 123_450],
      ["1'234", 123_400],
      ['CHF 0.01', 1],
      ["CHF 999'999'999.99", MAX_AMOUNT_DUE_RAPPEN],
      ['999999999', 99_999_999_900],
      [1, 1],
      [123_450, 123_450],
      [MAX_AMOUNT_DUE_RAPPEN, MAX_AMOUNT_DUE_RAPPEN],
    ] as const) {
      const checked = checkReminders({ ...valid(), amountDue });
      assert.equal(checked.ok && checked.facts.amountDueRappen, rappen, String(amountDue));
    }
    for (const [amountDue, code] of [
      ['CHF 0.00', 'amount'],
      ['0', 'amount'],
      ["CHF 1'000'000'000.00", 'amount'],
      ['1,234.50', 'amount'],
      ['1234,50', 'amount'],
      ['12.5', 'amount'],
      ['100.-', 'amount'],
      ["CHF 1'234.50 ", 'amount'],
      ['', 'required'],
      ['CHF\t80', 'wrongType'],
      [0, 'amount'],
      [-5, 'amount'],
      [MAX_AMOUNT_DUE_RAPPEN + 1, 'amount'],
      [12.5, 'wrongType'],
      [null, 'required'],
    ] as const) {
      assert.deepEqual(codes({ ...valid(), amountDue }), [`amountDue:${code}`], String(amountDue));
    }
  });

  it('wants real yyyy-mm-dd dates', () => {
    assert.deepEqual(problems({ ...valid(), invoiceDate: '2026-02-29' }), ['invoiceDate:date']);
    assert.deepEqual(problems({ ...valid(), invoiceDate: '2024-02-29' }), []);
    assert.deepEqual(problems({ ...valid(), invoiceDate: '03.08.2026' }), ['invoiceDate:date']);
    assert.deepEqual(problems({ ...valid(), reminders: { ...valid().reminders, third: '2026-10-32' } }), ['reminders.third:date']);
    assert.deepEqual(problems({ ...valid(), reminders: { ...valid().reminders, second: 20261005 } }), [
      'reminders.second:wrongType:string',
    ]);
  });

  it('wants the dates in order: the invoice, then each reminder, the same day allowed', () => {
    const same = '2026-09-07';
    assert.deepEqual(problems({ ...valid(), invoiceDate: same, reminders: { first: same, second: same, third: same } }), []);
    assert.deepEqual(problems({ ...valid(), reminders: { ...valid().reminders, second: '2026-09-06' } }), [
      'reminders.second:order:reminders.first',
    ]);
    assert.deepEqual(problems({ ...valid(), reminders: { ...valid().reminders, third: '2026-10-04' } }), [
      'reminders.third:order:reminders.second',
    ]);
    assert.deepEqual(problems({ ...valid(), invoiceDate: '2026-09-08' }), ['reminders.first:order:invoiceDate']);
    // A wrong date is named once, and the others are still compared with each other.
    assert.deepEqual(problems({ ...valid(), reminders: { first: '2026-09-07', second: '2026-02-30', third: '2026-09-01' } }), [
      'reminders.second:date',
      'reminders.third:order:reminders.first',
    ]);
  });

  it('carries the due date the invoice gave, a real date between the invoice and the 1st reminder; written for a new case', () => {
    const due = checkReminders({ ...valid(), dueDate: '2026-09-02' });
    assert.equal(due.ok && due.facts.dueDate, '2026-09-02');
    assert.deepEqual(problems({ ...valid(), dueDate: '2026-08-03' }), [], 'due on the invoice date');
    assert.deepEqual(problems({ ...valid(), dueDate: '2026-08-02' }), ['dueDate:order:invoiceDate']);
    assert.deepEqual(
      problems({ ...valid(), dueDate: '2026-09-08' }),
      ['reminders.first:order:dueDate'],
      'a reminder before it puts no one in default',
    );
    assert.deepEqual(problems({ ...valid(), dueDate: '02.09.2026' }), ['dueDate:date']);
    assert.deepEqual(remindersFile({ ...answers, dueDate: '2026-09-02' }).dueDate, '2026-09-02');
    assert.equal('dueDate' in remindersFile(answers), false);
  });

  it('wants each reminder to follow the one before it', () => {
    assert.deepEqual(problems({ ...valid(), reminders: { second: '2026-10-05' } }), [
      'reminders.first:earlierReminderMissing:reminders.second',
    ]);
    assert.deepEqual(problems({ ...valid(), reminders: { first: '2026-09-07', third: '2026-10-15' } }), [
      'reminders.second:earlierReminderMissing:reminders.third',
    ]);
    assert.deepEqual(problems({ ...valid(), reminders: {} }), []);
    const { reminders: _reminders, ...none } = valid();
    assert.deepEqual(checkReminders(none), {
      ok: true,
      facts: { invoiceNumber: '2026-0142', invoiceDate: '2026-08-03', amountDueRappen: 123_450, reminders: {} },
    });
  });

  it("carries the invoicing system's own salutation: one line of at most 100 characters, not blank", () => {
    const read = checkReminders({ ...valid(), salutation: ' Sehr geehrte Frau Dr. Meier ' });
    assert.equal(read.ok && read.facts.salutation, 'Sehr geehrte Frau Dr. Meier');
    const none = checkReminders(valid());
    assert.ok(none.ok && !('salutation' in none.facts), 'left out: made from the debtor');
    assert.deepEqual(problems({ ...valid(), salutation: 'x'.repeat(100) }), []);
    assert.deepEqual(problems({ ...valid(), salutation: 'x'.repeat(101) }), ['salutation:tooLong:100']);
    assert.deepEqual(problems({ ...valid(), salutation: 'Madame\nDupont' }), ['salutation:wrongType:text without control characters']);
    assert.deepEqual(problems({ ...valid(), salutation: 'Madame\u0085' }), ['salutation:wrongType:text without control characters']);
    assert.deepEqual(problems({ ...valid(), salutation: '  ' }), ['salutation:empty']);
    assert.deepEqual(problems({ ...valid(), salutation: 42 }), ['salutation:wrongType:string']);
  });

  it('wants the invoice number: not blank, at most 100 characters, one line; refuses unknown fields and null', () => {
    assert.deepEqual(problems({ ...valid(), invoiceNumber: 'x'.repeat(100) }), []);
    assert.deepEqual(problems({ ...valid(), invoiceNumber: '😀'.repeat(100) }), []);
    assert.deepEqual(problems({ ...valid(), invoiceNumber: 'x'.repeat(101) }), ['invoiceNumber:tooLong:100']);
    assert.deepEqual(problems({ ...valid(), invoiceNumber: '  ' }), ['invoiceNumber:required']);
    assert.deepEqual(problems({ ...valid(), invoiceNumber: 'A\nB' }), ['invoiceNumber:wrongType:text without control characters']);
    const { invoiceNumber: _number, ...noNumber } = valid();
    assert.deepEqual(problems(noNumber), ['invoiceNumber:required']);
    assert.deepEqual(problems({ ...valid(), invoiceDate: null }), ['invoiceDate:wrongType:string']);
    assert.deepEqual(problems({ ...valid(), amount: 5, reminders: { ...valid().reminders, fourth: '2026-11-01' } }), [
      'amount:unknownField',
      'reminders.fourth:unknownField',
    ]);
    assert.deepEqual(problems([]), [':wrongType:object']);
    assert.equal(parseReminders(`\uFEFF${JSON.stringify(valid())}`).ok, true, 'a byte order mark is no problem');
    const notJson = parseReminders('{');
    assert.equal(!notJson.ok && notJson.problems[0]!.code, 'notJson');
  });
});
