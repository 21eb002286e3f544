import * as assert from 'node:assert/strict';
import { addDays, formatSwissDate, isIsoDate, today } from '../../src/shared/dates';

describe('dates', () => {
  it('accepts only real yyyy-mm-dd dates', () => {
    for (const date of ['2026-01-31', '2028-02-29', '1999-12-31']) assert.equal(isIsoDate(date), true, date);
    for (const date of ['2026-02-29', '2026-13-01', '2026-1-1', '26-01-01', '2026-01-01T00:00', 20260101, undefined]) {
      assert.equal(isIsoDate(date), false, String(date));
    }
  });

  it('adds days across months, years and leap days', () => {
    assert.equal(addDays('2026-01-31', 1), '2026-02-01');
    assert.equal(addDays('2026-12-25', 10), '2027-01-04');
    assert.equal(addDays('2028-02-28', 1), '2028-02-29');
    assert.equal(addDays('2026-03-28', 2), '2026-03-30', 'no daylight-saving shift');
    assert.equal(addDays('2026-05-10', 0), '2026-05-10');
  });

  it('prints the Swiss form', () => {
    assert.equal(formatSwissDate('2026-03-09'), '09.03.2026');
    assert.equal(today(new Date(2026, 10, 27, 23, 59)), '2026-11-27');
  });
});
