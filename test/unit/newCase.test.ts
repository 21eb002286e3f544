// Dates and addresses as the Swiss type them into "New debt-collection case" (amounts: money.test.ts).
import * as assert from 'node:assert/strict';
import { readDates, readPlace, readStreet } from '../../src/cases/model/newCase';

describe('reading what the user types for a new case', () => {
  const today = '2026-11-28';
  it('reads dates as dd.mm.yyyy, d.m.yy (this century) or yyyy-mm-dd, in order, none in the future', () => {
    assert.deepEqual(readDates('03.08.26, 7.9.2026 2026-10-05', today), { ok: true, dates: ['2026-08-03', '2026-09-07', '2026-10-05'] });
    assert.deepEqual(readDates('', today), { ok: true, dates: [] });
    assert.deepEqual(readDates('28.11.2026', today), { ok: true, dates: ['2026-11-28'] }, 'today is not the future');
  });

  it('names a date that does not exist, one in the future, one out of order, and one too many', () => {
    assert.deepEqual(readDates('31.02.2026', today), { ok: false, problem: 'noSuchDate', part: '31.02.2026' });
    assert.deepEqual(readDates('03.08.2026, 29.11.2026', today), { ok: false, problem: 'future', part: '29.11.2026' });
    assert.deepEqual(readDates('07.09.2026, 03.08.2026', today), { ok: false, problem: 'order', part: '03.08.2026' });
    assert.deepEqual(readDates('03/08/2026', today), { ok: false, problem: 'format', part: '03/08/2026' });
    assert.deepEqual(readDates('01.01.2026 02.01.2026 03.01.2026 04.01.2026 05.01.2026', today), {
      ok: false,
      problem: 'tooMany',
      part: '05.01.2026',
    });
  });

  it('splits the street from its number, and the postcode from the town', () => {
    assert.deepEqual(readStreet(' Rue du Lac 12 '), { street: 'Rue du Lac', streetnumber: '12' });
    assert.deepEqual(readStreet('Bahnhofstrasse 3 a'), { street: 'Bahnhofstrasse', streetnumber: '3a' });
    assert.deepEqual(readStreet('Postfach'), { street: 'Postfach', streetnumber: '' });
    assert.deepEqual(readPlace('1003 Lausanne'), { zip: '1003', city: 'Lausanne' });
    assert.deepEqual(readPlace('CH-8001 Zürich'), { zip: '8001', city: 'Zürich' });
    assert.equal(readPlace('Lausanne'), undefined);
  });
});
