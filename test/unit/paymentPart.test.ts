// The setup panel's payment part: what the creditor fields as typed lack for it, and the SVG swissqrbill makes of
// them for the sample invoice.
import * as assert from 'node:assert/strict';
import { paymentPartSvg } from '../../src/reminders/paymentPartSvg';
import { SAMPLE_DEBTORS, SAMPLE_INVOICE } from '../../src/reminders/letterEditing';
import type { CreditorFormValues } from '../../src/setup/contract';
import { invoiceMessage } from '../../src/reminders/creditor';
import { paymentPartData, previewPaymentPart } from '../../src/setup/paymentPart';
import { QR_IBAN, SAMPLE_CREDITOR } from '../fixtures/creditor';

const creditor: CreditorFormValues = SAMPLE_CREDITOR;

describe('setup panel: the payment part of the preview', () => {
  it('names the fields that are missing, in the form order, and those that are wrong', () => {
    assert.deepEqual(paymentPartData({ ...creditor, creditorName: ' ', creditorAccount: '' }), {
      ok: false,
      missing: ['creditorName', 'creditorAccount'],
      invalid: [],
    });
    assert.deepEqual(paymentPartData({ ...creditor, creditorTown: '', creditorAccount: 'CH93 0076 2011 6238 5295 8' }), {
      ok: false,
      missing: ['creditorTown'],
      invalid: ['creditorAccount'],
    });
    assert.deepEqual(paymentPartData({ ...creditor, creditorName: 'x'.repeat(71) }), { ok: false, missing: [], invalid: ['creditorName'] });
    assert.deepEqual(paymentPartData({ ...creditor, creditorCountry: 'DE' }), { ok: false, missing: [], invalid: ['creditorCountry'] });
  });

  it('gives an IBAN no reference or a creditor reference, and a QR-IBAN a QR reference whatever the choice', () => {
    const none = paymentPartData(creditor);
    assert.ok(none.ok && none.reference === '' && none.creditor.account === 'CH9300762011623852957');
    const rf = paymentPartData({ ...creditor, creditorIbanReference: 'creditorReference' });
    assert.ok(rf.ok && /^RF\d{2}20260142$/.test(rf.reference), JSON.stringify(rf));
    const qr = paymentPartData({ ...creditor, creditorAccount: QR_IBAN, creditorIbanReference: 'creditorReference' });
    assert.ok(qr.ok && qr.creditor.accountKind === 'qrIban' && /^\d{27}$/.test(qr.reference), JSON.stringify(qr));
  });

  it('makes an SVG of the payment part in the language asked, with the creditor, the sample debtor and the amount', () => {
    const data = paymentPartData({ ...creditor, creditorName: 'Muster & <Söhne> AG' });
    assert.ok(data.ok);
    const svg = paymentPartSvg({
      creditor: data.creditor,
      debtor: SAMPLE_DEBTORS.person,
      amountDueRappen: SAMPLE_INVOICE.amountDueRappen,
      reference: data.reference,
      language: 'fr',
    });
    assert.match(svg, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    assert.match(svg, /Muster &amp; &lt;Söhne&gt; AG/, 'the name, escaped');
    assert.match(svg, /Section paiement/);
    assert.match(svg, /1 234\.50|1'234\.50|1 234.50/);
    assert.ok(svg.includes(SAMPLE_DEBTORS.person.name));
    assert.doesNotMatch(svg, /<script|style=|href=/i, 'nothing the form would have to leave out');
  });

  it('prints the additional information the PDF prints: "Facture 2026-0142", in the letter\'s language', () => {
    const part = previewPaymentPart(creditor, 'fr', 'company');
    assert.ok(part.ok);
    assert.equal(part.input.message, 'Facture 2026-0142');
    assert.equal(part.input.message, invoiceMessage('fr', SAMPLE_INVOICE.number), 'the PDF letter makes it the same way');
    const svg = paymentPartSvg(part.input);
    assert.match(svg, /Informations supplémentaires/);
    assert.ok(svg.includes('Facture 2026-0142'), 'the message is in the payment part');
    const german = previewPaymentPart(creditor, 'de', 'person');
    assert.ok(german.ok && paymentPartSvg(german.input).includes('Rechnung 2026-0142'));
    assert.deepEqual(
      previewPaymentPart({ ...creditor, creditorName: '' }, 'fr', 'company'),
      paymentPartData({ ...creditor, creditorName: '' }),
    );
  });
});
