import * as assert from 'node:assert/strict';
import { reminderSchedule, reminderStage } from '../../src/reminders/schedule';

const delays = { daysAfterSecondReminder: 10, daysBeforeCollection: 15 };

describe('reminder schedule', () => {
  it('dates the 3rd reminder from the 2nd, and the litigation from the 3rd', () => {
    assert.deepEqual(reminderSchedule({ secondReminderDate: '2026-05-11' }, delays), {
      thirdReminderDue: '2026-05-21',
      litigationFrom: '2026-06-05',
    });
    // Sent later than due: litigation counts from the day it was really sent.
    assert.deepEqual(reminderSchedule({ secondReminderDate: '2026-05-11', thirdReminderDate: '2026-05-28' }, delays), {
      thirdReminderDue: '2026-05-21',
      litigationFrom: '2026-06-12',
    });
    assert.deepEqual(reminderSchedule({ secondReminderDate: '2026-12-31' }, { daysAfterSecondReminder: 0, daysBeforeCollection: 365 }), {
      thirdReminderDue: '2026-12-31',
      litigationFrom: '2027-12-31',
    });
  });

  it('tells the stage of an invoice on a given day', () => {
    const sent = { secondReminderDate: '2026-05-11' };
    assert.equal(reminderStage(sent, delays, '2026-05-20'), 'waitingForThirdReminder');
    assert.equal(reminderStage(sent, delays, '2026-05-21'), 'thirdReminderDue');
    const third = { ...sent, thirdReminderDate: '2026-05-21' };
    assert.equal(reminderStage(third, delays, '2026-06-04'), 'waitingForLitigation');
    assert.equal(reminderStage(third, delays, '2026-06-05'), 'litigation');
  });

  it('refuses impossible input with a clear RangeError', () => {
    assert.throws(() => reminderSchedule({ secondReminderDate: '11.05.2026' }, delays), /secondReminderDate is not a yyyy-mm-dd date/);
    assert.throws(() => reminderSchedule({ secondReminderDate: '2026-05-11', thirdReminderDate: '2026-05-01' }, delays), /before/);
    assert.throws(
      () => reminderSchedule({ secondReminderDate: '2026-05-11' }, { ...delays, daysBeforeCollection: 1.5 }),
      /daysBeforeCollection/,
    );
    assert.throws(() => reminderStage({ secondReminderDate: '2026-05-11' }, delays, 'today'), /day is not/);
  });
});
