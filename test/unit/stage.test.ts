import * as assert from 'node:assert/strict';
import { caseStage, type CaseFacts } from '../../src/cases/model/stage';
import type { SubmissionRecord } from '../../src/cases/model/record';
import { addDays, type IsoDate } from '../../src/shared/dates';

const second = '2026-10-05';
const delays = (daysAfterSecondReminder: number, daysBeforeCollection: number) => ({ daysAfterSecondReminder, daysBeforeCollection });
const record = (state: SubmissionRecord['state']) => ({ state }) as SubmissionRecord;

describe('case stages by the Rappel 3 rules', () => {
  for (const [after, before] of [
    [10, 15],
    [0, 0],
    [365, 365],
    [0, 365],
    [365, 0],
  ] as const) {
    it(`moves through the stages on their boundary days, with delays of ${after} and ${before} days`, () => {
      /**
       * The case waits for `waitingFor` up to the day before `boundary` (when `delay` leaves one), and is `reached`
       * from `boundary` on: that day and `laterDays` after it.
       */
      const crossing = (
        facts: CaseFacts,
        delay: number,
        boundary: IsoDate,
        waitingFor: 'thirdReminder' | 'litigation',
        reached: 'thirdReminderDue' | 'ready',
        laterDays: number,
      ) => {
        if (delay > 0) {
          assert.deepEqual(caseStage(facts, delays(after, before), addDays(boundary, -1)), {
            kind: 'waiting',
            until: boundary,
            for: waitingFor,
          });
        }
        for (const day of [boundary, addDays(boundary, laterDays)]) {
          assert.deepEqual(caseStage(facts, delays(after, before), day), { kind: reached, since: boundary }, day);
        }
      };
      const due = addDays(second, after);
      crossing({ problems: 0, reminders: { secondReminderDate: second } }, after, due, 'thirdReminder', 'thirdReminderDue', 400);

      // The 3rd reminder went out two days late: the delay before litigation runs from when it was sent.
      const third = addDays(due, 2);
      const sent: CaseFacts = { problems: 0, reminders: { secondReminderDate: second, thirdReminderDate: third } };
      crossing(sent, before, addDays(third, before), 'litigation', 'ready', 1);
    });
  }

  it('a changed delay moves a case: the same files, another stage', () => {
    const facts: CaseFacts = { problems: 0, reminders: { secondReminderDate: second, thirdReminderDate: '2026-10-15' } };
    assert.equal(caseStage(facts, delays(10, 15), '2026-10-29').kind, 'waiting');
    assert.equal(caseStage(facts, delays(10, 14), '2026-10-29').kind, 'ready');
  });

  it('a case without reminders.json is ready as it is; one without a 2nd reminder date needs attention', () => {
    assert.deepEqual(caseStage({ problems: 0 }, delays(10, 15), '2026-01-01'), { kind: 'ready' });
    assert.deepEqual(caseStage({ problems: 0, reminders: {} }, delays(10, 15), '2026-01-01'), {
      kind: 'needsAttention',
      reason: 'noSecondReminder',
      problems: 1,
    });
  });

  it('problems in the files, a broken record or an unclear attempt need attention before anything else', () => {
    const dates = { secondReminderDate: second, thirdReminderDate: '2026-10-15' };
    assert.deepEqual(caseStage({ problems: 3, reminders: dates }, delays(10, 15), '2027-01-01'), {
      kind: 'needsAttention',
      reason: 'files',
      problems: 3,
    });
    assert.equal(caseStage({ problems: 0, recordBroken: true }, delays(10, 15), '2027-01-01').kind, 'needsAttention');
    for (const state of ['sending', 'uncertain', 'duplicate', 'created', 'refused'] as const)
      assert.deepEqual(caseStage({ problems: 0, record: record(state) }, delays(10, 15), '2027-01-01'), {
        kind: 'needsAttention',
        reason: 'attempt',
        problems: 1,
      });
    // Dates out of order cannot be scheduled.
    assert.equal(
      caseStage({ problems: 0, reminders: { secondReminderDate: second, thirdReminderDate: '2026-10-01' } }, delays(10, 15), '2027-01-01')
        .kind,
      'needsAttention',
    );
  });

  it('a filed case is filed whatever its dates; a case tilbago did not create goes by its dates again', () => {
    const complete = record('complete');
    assert.deepEqual(caseStage({ problems: 0, record: complete }, delays(10, 15), '2026-01-01'), { kind: 'filed', record: complete });
    const facts: CaseFacts = { problems: 0, reminders: { secondReminderDate: second }, record: record('notCreated') };
    assert.equal(caseStage(facts, delays(10, 15), '2026-10-06').kind, 'waiting');
  });
});
