import * as assert from 'node:assert/strict';
import { checkUid, withoutVatSuffix } from '../../src/cases/model/uid';

describe('Swiss company UID', () => {
  it('accepts valid numbers in every common writing, and normalises them', () => {
    for (const input of ['CHE-100.155.212', 'CHE100155212', 'che-100.155.212', ' CHE 100 155 212 ']) {
      assert.deepEqual(checkUid(input), { ok: true, normalized: 'CHE-100.155.212' }, input);
    }
    assert.deepEqual(checkUid('CHE-109.322.551'), { ok: true, normalized: 'CHE-109.322.551' });
    assert.deepEqual(checkUid('CHE-123.456.788'), { ok: true, normalized: 'CHE-123.456.788' });
  });

  it('names a wrong check digit and the one expected', () => {
    assert.deepEqual(checkUid('CHE-123.456.789'), { ok: false, problem: 'checkDigit', expected: 8, normalized: 'CHE-123.456.789' });
  });

  it('refuses other shapes', () => {
    for (const input of ['', 'CHE-123.456.78', 'CHE-123.456.7890', 'DE-123.456.788', '123456788', 'CHE-12A.456.788']) {
      assert.deepEqual(checkUid(input), { ok: false, problem: 'format' }, input);
    }
  });

  it('knows that some numbers can have no check digit', () => {
    let found: string | undefined;
    for (let n = 0; n < 1000 && !found; n++) {
      const base = String(n).padStart(8, '0');
      const sum = [5, 4, 3, 2, 7, 6, 5, 4].reduce((t, w, i) => t + w * Number(base[i]), 0);
      if ((11 - (sum % 11)) % 11 === 10) found = `CHE${base}0`;
    }
    assert.ok(found);
    assert.deepEqual(checkUid(found), { ok: false, problem: 'noValidCheckDigit' });
  });

  it('reads a VAT number as invoices print it (MWST, TVA, IVA) as its UID; the check digit still counts', () => {
    for (const input of [
      'CHE-123.456.788 MWST',
      'CHE-123.456.788 TVA',
      'CHE-123.456.788 IVA',
      'che123456788mwst',
      'CHE-123.456.788 MwSt ',
    ]) {
      assert.deepEqual(checkUid(withoutVatSuffix(input)), { ok: true, normalized: 'CHE-123.456.788' }, input);
    }
    assert.equal(checkUid(withoutVatSuffix('CHE-123.456.789 MWST')).ok, false);
    assert.equal(withoutVatSuffix('CHE-123.456.788 VAT'), 'CHE-123.456.788 VAT', 'VAT is not a Swiss suffix');
    assert.deepEqual(checkUid('CHE-123.456.788 MWST'), { ok: false, problem: 'format' }, 'case.json holds the UID alone');
  });
});
