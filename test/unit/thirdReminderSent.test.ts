import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { recordThirdReminderSent, withThirdReminder } from '../../src/cases/model/thirdReminderSent';
import { readSwissDate } from '../../src/shared/dates';

const file = (reminders: string, indent = '  ', eol = '\n') =>
  [
    '{',
    `${indent}"invoiceNumber": "2026-0142",`,
    `${indent}"amountDue": "CHF 1'234.50",`,
    `${indent}"reminders": ${reminders}`,
    '}',
    '',
  ].join(eol);

describe('recording the day the 3rd reminder went out (reminders.json)', () => {
  it('adds reminders.third after the 2nd, in the file’s own indentation, changing nothing else', () => {
    const text = file('{ "first": "2026-09-07", "second": "2026-10-05" }');
    const edit = withThirdReminder(text, '2026-12-02');
    assert.equal(edit.kind, 'edited');
    const edited = (edit as { text: string }).text;
    assert.deepEqual(JSON.parse(edited).reminders, { first: '2026-09-07', second: '2026-10-05', third: '2026-12-02' });
    // Everything before the reminders' last value is as it was.
    assert.ok(edited.startsWith(text.slice(0, text.indexOf('"2026-10-05"') + '"2026-10-05"'.length)), edited);
  });

  it('keeps tabs and CRLF line ends of a multi-line file', () => {
    const text = file('{\r\n\t\t"first": "2026-09-07",\r\n\t\t"second": "2026-10-05"\r\n\t}', '\t', '\r\n');
    const edit = withThirdReminder(text, '2026-12-02');
    assert.equal(edit.kind, 'edited');
    const edited = (edit as { text: string }).text;
    assert.match(edited, /"second": "2026-10-05",\r\n\t\t"third": "2026-12-02"\r\n\t\}/);
    assert.doesNotMatch(edited.replace(/\r\n/g, ''), /\n/, 'no bare LF');
  });

  it('keeps a byte order mark where the file has one', () => {
    const edit = withThirdReminder(`\uFEFF${file('{ "first": "2026-09-07", "second": "2026-10-05" }')}`, '2026-12-02');
    assert.equal(edit.kind, 'edited');
    const edited = (edit as { text: string }).text;
    assert.ok(edited.startsWith('\uFEFF{'), JSON.stringify(edited.slice(0, 3)));
    assert.equal(JSON.parse(edited.slice(1)).reminders.third, '2026-12-02');
  });

  it('never replaces a recorded day unless asked; the same day is no change', () => {
    const text = file('{ "first": "2026-09-07", "second": "2026-10-05", "third": "2026-11-20" }');
    assert.deepEqual(withThirdReminder(text, '2026-12-02'), { kind: 'recordedAlready', date: '2026-11-20' });
    assert.deepEqual(withThirdReminder(text, '2026-11-20'), { kind: 'unchanged' });
    const replaced = withThirdReminder(text, '2026-12-02', true);
    assert.equal(replaced.kind, 'edited');
    assert.equal(JSON.parse((replaced as { text: string }).text).reminders.third, '2026-12-02');
  });

  it('refuses a day before the 2nd reminder, no 2nd reminder, and a file with problems', () => {
    assert.deepEqual(withThirdReminder(file('{ "first": "2026-09-07", "second": "2026-10-05" }'), '2026-10-04'), {
      kind: 'beforeSecond',
      second: '2026-10-05',
    });
    assert.deepEqual(withThirdReminder(file('{ "first": "2026-09-07" }'), '2026-12-02'), { kind: 'beforeSecond' });
    assert.equal(withThirdReminder('{ "invoiceNumber": 7 }', '2026-12-02').kind, 'invalid');
    assert.equal(withThirdReminder('not json', '2026-12-02').kind, 'invalid');
  });

  it('writes the file in a case folder, and refuses a reminders.json that is a link or missing', async () => {
    const folder = await fs.mkdtemp(path.join(os.tmpdir(), 'third-sent-'));
    try {
      const reminders = path.join(folder, 'reminders.json');
      assert.deepEqual(await recordThirdReminderSent(folder, '2026-12-02'), { kind: 'noReminders' });
      await fs.writeFile(reminders, file('{ "first": "2026-09-07", "second": "2026-10-05" }'));
      assert.deepEqual(await recordThirdReminderSent(folder, '2026-12-02'), { kind: 'recorded' });
      assert.equal(JSON.parse(await fs.readFile(reminders, 'utf8')).reminders.third, '2026-12-02');
      assert.deepEqual(
        (await fs.readdir(folder)).filter((name) => name !== 'reminders.json'),
        [],
        'no temporary file, no lock left behind',
      );
      // A crashed write's temporary is removed by the next one.
      await fs.writeFile(`${reminders}.4242.0a1b2c3d.tmp`, '{ half');
      assert.deepEqual(await recordThirdReminderSent(folder, '2026-12-03', true), { kind: 'recorded' });
      assert.deepEqual((await fs.readdir(folder)).sort(), ['reminders.json']);

      const outside = path.join(folder, 'outside.json');
      await fs.rename(reminders, outside);
      await fs.symlink(outside, reminders);
      const before = await fs.readFile(outside, 'utf8');
      assert.deepEqual(await recordThirdReminderSent(folder, '2026-12-03', true), {
        kind: 'unreadable',
        file: 'reminders.json',
        problem: { code: 'link', why: 'refused' },
      });
      assert.equal(await fs.readFile(outside, 'utf8'), before, 'nothing written through the link');
    } finally {
      await fs.rm(folder, { recursive: true, force: true });
    }
  });
});

describe('a date as a Swiss user types it', () => {
  it('reads dd.mm.yyyy, d.m.yy and yyyy-mm-dd, and refuses what is no date', () => {
    assert.equal(readSwissDate('02.12.2026'), '2026-12-02');
    assert.equal(readSwissDate(' 2.12.26 '), '2026-12-02');
    assert.equal(readSwissDate('2026-12-02'), '2026-12-02');
    for (const text of ['31.11.2026', '2026-02-30', '12/02/2026', '', '2.12', 'heute']) assert.equal(readSwissDate(text), undefined, text);
  });
});
