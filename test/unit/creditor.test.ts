import * as assert from 'node:assert/strict';
import {
  type CreditorSettings,
  checkCreditor,
  checkReference,
  creditorReferenceForInvoice,
  qrReferenceForInvoice,
  referenceForInvoice,
} from '../../src/reminders/creditor';

// Published examples: the QR-IBAN and QR reference of SIX's QR-bill samples, a PostFinance IBAN, the
// Liechtenstein IBAN of the IBAN registry, and ISO 11649's own creditor reference.
const QR_IBAN = 'CH44 3199 9123 0008 8901 2';
const IBAN = 'CH93 0076 2011 6238 5295 7';
const LI_IBAN = 'LI21 0881 0000 2324 013A A';
const QR_REFERENCE = '21 00000 00003 13947 14300 09017';
const CREDITOR_REFERENCE = 'RF18 5390 0754 7034';

const settings: CreditorSettings = {
  name: 'Muster Informatique SA',
  street: 'Avenue de la Gare',
  buildingNumber: '12',
  zip: '1003',
  city: 'Lausanne',
  account: IBAN,
};

const problems = (s: CreditorSettings) => {
  const checked = checkCreditor(s);
  return checked.ok ? [] : checked.problems;
};

/** ISO 7064 mod 97-10 on the letters-as-numbers form, written apart from swissqrbill's so one checks the other. */
const mod97 = (value: string) => BigInt([...value].map((c) => (/[A-Z]/.test(c) ? String(c.charCodeAt(0) - 55) : c)).join('')) % 97n;

describe('creditor settings', () => {
  it('accepts a valid creditor, with the account compacted and CH as the default country', () => {
    const checked = checkCreditor({ ...settings, name: '  Muster Informatique SA ' });
    assert.ok(checked.ok);
    assert.deepEqual(checked.creditor, {
      name: 'Muster Informatique SA',
      street: 'Avenue de la Gare',
      buildingNumber: '12',
      zip: '1003',
      city: 'Lausanne',
      country: 'CH',
      account: 'CH9300762011623852957',
      accountKind: 'iban',
    });
  });

  it('recognises a QR-IBAN by its institution id, and accepts a Liechtenstein IBAN', () => {
    const qr = checkCreditor({ ...settings, account: QR_IBAN });
    assert.ok(qr.ok);
    assert.equal(qr.creditor.accountKind, 'qrIban');
    const li = checkCreditor({ ...settings, account: LI_IBAN, country: 'LI' });
    assert.ok(li.ok);
    assert.equal(li.creditor.accountKind, 'iban');
  });

  it('refuses an IBAN with a wrong check digit (a typing error)', () => {
    assert.deepEqual(problems({ ...settings, account: 'CH94 0076 2011 6238 5295 7' }), [{ field: 'account', code: 'ibanCheckDigit' }]);
    // One digit swapped inside the number.
    assert.deepEqual(problems({ ...settings, account: 'CH93 0076 2011 6238 5259 7' }), [{ field: 'account', code: 'ibanCheckDigit' }]);
  });

  it('refuses a valid IBAN of another country, a number of the wrong length, and none', () => {
    assert.deepEqual(problems({ ...settings, account: 'DE89 3704 0044 0532 0130 00' }), [{ field: 'account', code: 'ibanCountry' }]);
    assert.deepEqual(problems({ ...settings, account: 'CH93 0076 2011 6238 5295' }), [{ field: 'account', code: 'ibanFormat' }]);
    assert.deepEqual(problems({ ...settings, account: ' ' }), [{ field: 'account', code: 'required' }]);
  });

  it('refuses a name longer than the QR-bill allows (70), and says the limit', () => {
    assert.deepEqual(problems({ ...settings, name: 'A'.repeat(70) }), []);
    assert.deepEqual(problems({ ...settings, name: 'A'.repeat(71) }), [{ field: 'name', code: 'tooLong', limit: 70 }]);
  });

  it('names every problem at once: missing parts, a town over 35 characters, a foreign country', () => {
    const all = problems({
      name: '',
      street: ' ',
      buildingNumber: '1'.repeat(17),
      zip: '',
      city: 'X'.repeat(36),
      country: 'FR' as never,
      account: 'CH94 0076 2011 6238 5295 7',
    });
    assert.deepEqual(all, [
      { field: 'name', code: 'required' },
      { field: 'street', code: 'required' },
      { field: 'buildingNumber', code: 'tooLong', limit: 16 },
      { field: 'zip', code: 'required' },
      { field: 'city', code: 'tooLong', limit: 35 },
      { field: 'country', code: 'country' },
      { field: 'account', code: 'ibanCheckDigit' },
    ]);
  });
});

describe('payment reference', () => {
  const qrIban = { accountKind: 'qrIban' } as const;
  const iban = { accountKind: 'iban' } as const;

  it('a QR-IBAN takes a valid QR reference, and nothing else', () => {
    assert.deepEqual(checkReference(qrIban, QR_REFERENCE), { ok: true, kind: 'QRR', reference: '210000000003139471430009017' });
    assert.deepEqual(checkReference(qrIban, undefined), { ok: false, code: 'qrIbanNeedsQrReference' });
    assert.deepEqual(checkReference(qrIban, ''), { ok: false, code: 'qrIbanNeedsQrReference' });
    assert.deepEqual(checkReference(qrIban, CREDITOR_REFERENCE), { ok: false, code: 'qrIbanNeedsQrReference' });
  });

  it('refuses a QR reference whose check digit is wrong, or that is not 27 digits', () => {
    assert.deepEqual(checkReference(qrIban, '21 00000 00003 13947 14300 09018'), { ok: false, code: 'qrReferenceCheckDigit' });
    assert.deepEqual(checkReference(qrIban, '21 00000 00003 13947 14300 0901'), { ok: false, code: 'qrReferenceFormat' });
  });

  it('an IBAN takes a creditor reference or none, never a QR reference', () => {
    assert.deepEqual(checkReference(iban, undefined), { ok: true, kind: 'NON', reference: '' });
    assert.deepEqual(checkReference(iban, CREDITOR_REFERENCE), { ok: true, kind: 'SCOR', reference: 'RF18539007547034' });
    assert.deepEqual(checkReference(iban, QR_REFERENCE), { ok: false, code: 'qrReferenceNeedsQrIban' });
  });

  it('refuses a creditor reference with a wrong check, or a malformed one', () => {
    assert.deepEqual(checkReference(iban, 'RF19 5390 0754 7034'), { ok: false, code: 'creditorReferenceCheckDigit' });
    assert.deepEqual(checkReference(iban, 'RF18 5390 0754 7043'), { ok: false, code: 'creditorReferenceCheckDigit' });
    assert.deepEqual(checkReference(iban, 'RF18-5390'), { ok: false, code: 'creditorReferenceFormat' });
    assert.deepEqual(checkReference(iban, `RF18${'1'.repeat(22)}`), { ok: false, code: 'creditorReferenceFormat' });
  });
});

describe('reference made from an invoice number', () => {
  it('a QR reference: the digits of the number, letters as 10–35, zero-padded, with a valid check digit', () => {
    assert.deepEqual(qrReferenceForInvoice('2026-0142'), { ok: true, reference: '000000000000000000202601428' });
    assert.deepEqual(qrReferenceForInvoice('f-2026-031'), { ok: true, reference: '000000000000000001520260319' });
    for (const number of ['2026-0142', 'F-2026-031', 'RE/99/12345678901234567890']) {
      const made = qrReferenceForInvoice(number);
      assert.ok(made.ok, number);
      assert.equal(checkReference({ accountKind: 'qrIban' }, made.reference).ok, true, number);
    }
  });

  it('is the same for the same invoice, and differs between invoices', () => {
    assert.deepEqual(qrReferenceForInvoice('2026-0142'), qrReferenceForInvoice('2026-0142'));
    assert.notDeepEqual(qrReferenceForInvoice('2026-0142'), qrReferenceForInvoice('2026-0143'));
    assert.notDeepEqual(qrReferenceForInvoice('A-1'), qrReferenceForInvoice('B-1'));
  });

  it('cannot make a QR reference from a number without letters or digits, or one too long', () => {
    assert.deepEqual(qrReferenceForInvoice('--'), { ok: false, code: 'noReferenceCharacters' });
    assert.deepEqual(qrReferenceForInvoice('1'.repeat(27)), { ok: false, code: 'invoiceNumberTooLong' });
    // Letters count twice: 14 letters are 28 digits.
    assert.deepEqual(qrReferenceForInvoice('ABCDEFGHIJKLMN'), { ok: false, code: 'invoiceNumberTooLong' });
  });

  it('a creditor reference (ISO 11649) whose check digits hold', () => {
    const made = creditorReferenceForInvoice('F-2026-031');
    assert.deepEqual(made, { ok: true, reference: 'RF92F2026031' });
    assert.equal(mod97('F2026031RF92'), 1n);
    assert.deepEqual(checkReference({ accountKind: 'iban' }, 'RF92F2026031'), { ok: true, kind: 'SCOR', reference: 'RF92F2026031' });
    assert.deepEqual(creditorReferenceForInvoice('1'.repeat(22)), { ok: false, code: 'invoiceNumberTooLong' });
  });

  it('for a case: a QR reference with a QR-IBAN; with an IBAN none, or a creditor reference when asked', () => {
    assert.deepEqual(referenceForInvoice({ accountKind: 'qrIban' }, '2026-0142'), { ok: true, reference: '000000000000000000202601428' });
    assert.deepEqual(referenceForInvoice({ accountKind: 'iban' }, '2026-0142'), { ok: true, reference: '' });
    assert.deepEqual(referenceForInvoice({ accountKind: 'iban' }, 'F-2026-031', { creditorReference: true }), {
      ok: true,
      reference: 'RF92F2026031',
    });
  });
});
