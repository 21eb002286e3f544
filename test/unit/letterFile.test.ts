import * as assert from 'node:assert/strict';
import {
  candidateFileNames,
  letterFileName,
  MAX_LETTER_NUMBER,
  nextFreeFileName,
  numberedFileName,
} from '../../src/cases/model/letterFile';
import { isPlainFileName } from '../../src/cases/model/attachments';

describe("the 3rd reminder letter's file name", () => {
  it('says what it is in the debtor’s language, and for which invoice', () => {
    assert.equal(letterFileName('fr', '2026-0142'), '3e-rappel-2026-0142.pdf');
    assert.equal(letterFileName('de', '2026-0142'), '3-mahnung-2026-0142.pdf');
    assert.equal(letterFileName('it', '2026-0142'), '3-richiamo-2026-0142.pdf');
    assert.equal(letterFileName('en', '2026-0142'), '3rd-reminder-2026-0142.pdf');
  });

  it('keeps only safe characters of the invoice number, and is always a plain file name', () => {
    assert.equal(letterFileName('fr', 'F/2026 031'), '3e-rappel-F-2026-031.pdf');
    assert.equal(letterFileName('de', 'Rechnung Nr. 1/ä'), '3-mahnung-Rechnung-Nr.-1-a.pdf');
    assert.equal(letterFileName('de', '../../etc/passwd'), '3-mahnung-etc-passwd.pdf');
    assert.equal(letterFileName('it', '///'), '3-richiamo.pdf');
    assert.equal(letterFileName('en', '.hidden'), '3rd-reminder-hidden.pdf');
    const long = letterFileName('en', '9'.repeat(500));
    assert.ok(long.length < 80, long);
    for (const number of ['a\u0000b', 'x\\y', '\u202e123', 'CON', '   ']) assert.ok(isPlainFileName(letterFileName('fr', number)), number);
  });

  it('numbers the next letters -2, -3 … before the extension', () => {
    assert.equal(numberedFileName('3e-rappel-2026-0142.pdf', 1), '3e-rappel-2026-0142.pdf');
    assert.equal(numberedFileName('3e-rappel-2026-0142.pdf', 2), '3e-rappel-2026-0142-2.pdf');
    assert.equal(numberedFileName('3e-rappel-2026-0142.pdf', 10), '3e-rappel-2026-0142-10.pdf');
  });

  it('never proposes a name submission.json records, nor one that exists', () => {
    const name = '3-mahnung-7.pdf';
    assert.equal(
      nextFreeFileName(name, new Set(), () => false),
      name,
    );
    assert.equal(
      nextFreeFileName(name, new Set(), (n) => n === name),
      '3-mahnung-7-2.pdf',
    );
    // Sent to tilbago and deleted here since: its name is still never used again.
    assert.equal(
      nextFreeFileName(name, new Set([name]), () => false),
      '3-mahnung-7-2.pdf',
    );
    assert.equal(
      nextFreeFileName(name, new Set([name, '3-mahnung-7-3.pdf']), (n) => n === '3-mahnung-7-2.pdf'),
      '3-mahnung-7-4.pdf',
    );
    assert.deepEqual([...candidateFileNames(name, new Set([name]))].slice(0, 2), ['3-mahnung-7-2.pdf', '3-mahnung-7-3.pdf']);
    assert.equal(
      nextFreeFileName(name, new Set(), () => true),
      undefined,
      `gives up after ${MAX_LETTER_NUMBER}`,
    );
  });
});
