import * as assert from 'node:assert/strict';
import {
  caseRequestBody,
  checkCase,
  debtorLanguage,
  MAIN_REASON_MAX,
  MAX_CLAIMS,
  parseCase,
  referenceIn,
  SUBSIDIARY_REASON_MAX,
} from '../../src/cases/model/caseFile';
import { vagueReason } from '../../src/cases/model/claimReason';
import { validCase } from '../fixtures/cases';

const codes = (raw: unknown) => {
  const checked = checkCase(raw);
  return checked.ok ? [] : checked.problems.map((p) => `${p.path}:${p.code}`);
};

describe('case.json validation', () => {
  it('accepts a valid natural-person case and a legal-person case', () => {
    assert.deepEqual(codes(validCase()), []);
    const legal = {
      ...validCase(),
      debtor: {
        company: 'Muster SA',
        companyUid: 'CHE-109.322.551',
        isRegistered: true,
        legalSeat: 'Lausanne',
        address: { street: 'Av. de la Gare', zip: '1003', city: 'Lausanne' },
      },
    };
    assert.deepEqual(codes(legal), []);
  });

  it('names every problem at once, with where it is', () => {
    const broken = {
      ...validCase(),
      externalRef: '',
      debtor: {
        name: 'Anna',
        sex: 'X',
        dateOfBirth: '31.02.1980',
        nationality: 'CHE',
        preferredLanguage: 'en',
        email: 'anna',
        address: { street: 'Rue', zip: '1003' },
      },
      claim: { amount: 1234.5, reason: '', interestRate: '5,0', collocationClass: 3, interestDateFrom: '03.09.2026' },
      debitor: {},
    };
    assert.deepEqual(codes(broken).sort(), [
      'claim.amount:amount',
      'claim.collocationClass:wrongType',
      'claim.interestDateFrom:date',
      'claim.interestRate:interestRate',
      'claim.reason:required',
      'debitor:unknownField',
      'debtor.address.city:required',
      'debtor.dateOfBirth:dateOfBirth',
      'debtor.email:email',
      'debtor.nationality:nationality',
      'debtor.preferredLanguage:language',
      'debtor.sex:sex',
      'debtor:personName',
      'externalRef:required',
    ]);
  });

  it('requires the case reference, the debtor and the claim', () => {
    assert.deepEqual(codes({}).sort(), ['claim:required', 'debtor:required', 'externalRef:required']);
  });

  it('wants amounts as a positive whole number of Rappen', () => {
    for (const amount of [0, -100, 12.5, 2 ** 53])
      assert.deepEqual(codes({ ...validCase(), claim: { ...validCase().claim, amount } }), ['claim.amount:amount'], String(amount));
    assert.deepEqual(codes({ ...validCase(), claim: { ...validCase().claim, amount: '1500' } }), ['claim.amount:wrongType']);
  });

  it('wants the interest rate as a decimal string from 0 to 99.99999, and collocation class "1", "2" or "3"', () => {
    for (const rate of ['0', '5', '5.0', '99.99999', '0.00001'])
      assert.deepEqual(codes({ ...validCase(), claim: { ...validCase().claim, interestRate: rate } }), [], rate);
    for (const rate of ['100', '5,0', '-1', '5.123456', '1e2', '']) {
      assert.ok(codes({ ...validCase(), claim: { ...validCase().claim, interestRate: rate } }).length > 0, rate);
    }
    assert.deepEqual(codes({ ...validCase(), claim: { ...validCase().claim, collocationClass: '4' } }), [
      'claim.collocationClass:collocationClass',
    ]);
  });

  it('allows at most 10 claims in all', () => {
    const claim = validCase().claim;
    assert.deepEqual(codes({ ...validCase(), subsidiaryClaims: Array(9).fill(claim) }), []);
    assert.deepEqual(codes({ ...validCase(), subsidiaryClaims: Array(10).fill(claim) }), ['subsidiaryClaims:tooManyClaims']);
    assert.deepEqual(codes({ ...validCase(), subsidiaryClaims: [{ ...claim, amount: 0 }] }), ['subsidiaryClaims[0].amount:amount']);
  });

  it("keeps the payment-order form's limits (eSchKG): the main reason up to 640 characters, the others up to 80", () => {
    assert.deepEqual([MAIN_REASON_MAX, SUBSIDIARY_REASON_MAX, MAX_CLAIMS], [640, 80, 10]);
    const main = (reason: string) => codes({ ...validCase(), claim: { ...validCase().claim, reason } });
    assert.deepEqual(main('x'.repeat(640)), []);
    assert.deepEqual(main('😀'.repeat(640)), [], 'characters, as a reader counts them');
    assert.deepEqual(main('x'.repeat(641)), ['claim.reason:tooLong']);
    const checked = checkCase({ ...validCase(), claim: { ...validCase().claim, reason: 'x'.repeat(641) } });
    assert.ok(!checked.ok && checked.problems[0]!.detail === '640', 'the limit is given');
    const subsidiary = (reason: string) => codes({ ...validCase(), subsidiaryClaims: [{ ...validCase().claim, reason }] });
    assert.deepEqual(subsidiary('x'.repeat(80)), []);
    assert.deepEqual(subsidiary('x'.repeat(81)), ['subsidiaryClaims[0].reason:tooLong']);
    const refused = checkCase({ ...validCase(), subsidiaryClaims: [{ ...validCase().claim, reason: 'x'.repeat(81) }] });
    assert.ok(!refused.ok && refused.problems[0]!.detail === '80');
  });

  it("calls a reason vague that names an invoice without its date (art. 67 SchKG: the claim's title)", () => {
    for (const reason of [
      'Facture',
      'Rechnung',
      'Fattura',
      'Invoice',
      ' rechnung ',
      'Faktura.',
      'Facture 2026-0142',
      'Rechnung 2026-0142',
      'Rechnung Nr. 2026-0142',
      'Facture n° 2026-0142',
      'Facture N°2026-0142',
      'Fattura n. 17',
      'Invoice no. 17',
      'Invoice #17',
      'Rechnungsnummer 2026-0142',
    ])
      assert.ok(vagueReason(reason), reason);
    for (const reason of [
      'Facture n° 2026-0142 du 03.08.2026',
      'Rechnung Nr. 2026-0142 vom 03.08.2026',
      'Rechnung vom 3. August 2026',
      'Rechnung 03.08.2026',
      'Invoice 2026-08-03',
      'Fattura n. 2026-0142 del 03.08.2026',
      'Rechnung für Malerarbeiten',
      'Mahngebühr',
      'Verzugszins 5% seit 03.09.2026',
      'Loyer de septembre 2026',
      'x'.repeat(640),
    ])
      assert.ok(!vagueReason(reason), reason);
  });

  it("checks a legal person's company UID with the mod-11 check digit", () => {
    const withUid = (companyUid: string) => ({
      ...validCase(),
      debtor: { company: 'Muster SA', companyUid, address: validCase().debtor.address },
    });
    assert.deepEqual(codes(withUid('CHE-123.456.789')), ['debtor.companyUid:uidCheckDigit']);
    assert.deepEqual(codes(withUid('CHE-123.456')), ['debtor.companyUid:uidFormat']);
    assert.deepEqual(codes(withUid('CHE123456788')), []);
    const checked = checkCase(withUid('CHE-123.456.789'));
    assert.ok(!checked.ok && checked.problems[0]!.detail === '8', 'the expected digit is given');
  });

  it('accepts the date-of-birth forms tilbago takes', () => {
    for (const dateOfBirth of ['1980-04-01', '01.04.1980', '1980']) {
      assert.deepEqual(codes({ ...validCase(), debtor: { ...validCase().debtor, dateOfBirth } }), [], dateOfBirth);
    }
  });

  it('says when the file is not JSON, and keeps $schema out of the request', () => {
    const parsed = parseCase('{ "externalRef": ');
    assert.ok(!parsed.ok && parsed.problems[0]!.code === 'notJson');
    const withSchema = { $schema: 'x', ...validCase() };
    const checked = checkCase(withSchema);
    assert.ok(checked.ok);
    assert.equal('$schema' in caseRequestBody(checked.tilbagoCase), false);
  });

  it('reads a case.json saved with a byte order mark (as some Windows editors save UTF-8)', () => {
    const text = `\uFEFF${JSON.stringify(validCase(), null, 2)}`;
    const parsed = parseCase(text);
    assert.ok(parsed.ok, JSON.stringify(parsed));
    assert.equal(parsed.tilbagoCase.externalRef, validCase().externalRef);
    assert.equal(referenceIn(text), validCase().externalRef);
  });

  it('an English letter is the case’s letterLanguage: checked, read before preferredLanguage, and never sent to tilbago', () => {
    const { preferredLanguage: _, ...debtor } = validCase().debtor;
    const english = checkCase({ ...validCase(), debtor, letterLanguage: 'en' });
    assert.ok(english.ok);
    assert.equal(debtorLanguage(english.tilbagoCase), 'en');
    assert.equal('letterLanguage' in caseRequestBody(english.tilbagoCase), false);
    assert.doesNotMatch(JSON.stringify(caseRequestBody(english.tilbagoCase)), /"en"/);
    const french = checkCase(validCase());
    assert.ok(french.ok);
    assert.equal(debtorLanguage(french.tilbagoCase), 'fr');
    assert.deepEqual(codes({ ...validCase(), letterLanguage: 'rm' }), ['letterLanguage:letterLanguage']);
  });
});

describe('the sample case of the sample workspace', () => {
  it('is valid, so the demo can submit it', async () => {
    const fs = await import('node:fs');
    const file = 'sample-workspace/tilbago-cases/2026-0142 Muster SA/case.json';
    const parsed = parseCase(fs.readFileSync(file, 'utf8'));
    assert.ok(parsed.ok, JSON.stringify(parsed));
  });
});
