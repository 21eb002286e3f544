// The letter's preview: the sample debtor to write to, and the letter as an A4 page with the QR-bill's payment
// part at its foot.
import { html } from 'lit';
import { formatSwissDate } from '../../src/shared/dates';
import { formatChf } from '../../src/shared/money';
import { LETTER_HEADINGS } from '../../src/reminders/letter';
import { SAMPLE_DEBTORS, SAMPLE_INVOICE, type SampleDebtor } from '../../src/reminders/letterEditing';
import { compact } from '../../src/reminders/qrBillFields';
import type { CreditorFormField } from '../../src/setup/fields';
import { PREVIEW_LIMIT } from '../preview';
import { format } from '../../src/shared/format';
import { radioGroup } from './fieldParts';
import type { FormActions, FormModel } from './model';

function paymentPartView(m: FormModel) {
  const { t, paymentPart } = m;
  if (!paymentPart || paymentPart === 'making') return html`<p class="payment-note">${t.paymentPartMaking}</p>`;
  if (paymentPart.ok) return paymentPart.svg;
  const names = (fields: readonly CreditorFormField[]) => fields.map((field) => t.fieldNames[field]).join(', ');
  return html`<p class="payment-note" id="payment-part-missing">
    ${paymentPart.invalid.length ? format(t.paymentPartInvalid, names(paymentPart.invalid)) : format(t.paymentPartMissing, names(paymentPart.missing))}
  </p>`;
}

/** Whom the preview writes to: the salutation and closing follow the debtor. */
function sampleDebtorChoice(m: FormModel, a: FormActions) {
  const { t } = m;
  const options = (Object.keys(SAMPLE_DEBTORS) as SampleDebtor[]).map((option) => [option, t.sampleDebtors[option]] as const);
  return html`<div class="row">${radioGroup('sample-debtor', t.sampleDebtor, options, m.sampleDebtor, a.chooseSampleDebtor)}</div>`;
}

/**
 * The letter as an A4 page: the creditor as sender, the sample debtor in the window, place and date, the heading and
 * the text (drawn into #preview-body by preview.ts), and the QR-bill's payment part at its foot. No white space
 * between its elements: the letter keeps white space as written.
 */
function previewPage(m: FormModel) {
  const fields = m.draft?.fields;
  const line = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(' ');
  const sender = fields
    ? [
        fields.creditorName,
        line(fields.creditorStreet, fields.creditorBuildingNumber),
        line(fields.creditorPostalCode, fields.creditorTown),
      ].filter((text) => text.trim() !== '')
    : [];
  const debtor = SAMPLE_DEBTORS[m.sampleDebtor];
  const recipient = [debtor.name, line(debtor.street, debtor.buildingNumber), line(debtor.zip, debtor.city)];
  const place = fields?.creditorTown.trim() || '…';
  const account = compact(fields?.creditorAccount ?? '');
  return html`<article id="preview" class="page" aria-labelledby="h-preview" data-account=${account}>
    <div class="sheet">
      <address id="preview-sender">${sender.length ? sender.map((text) => html`<div>${text}</div>`) : html`<div class="hint">${m.t.fieldNames.creditorName}</div>`}</address>
      <address id="preview-recipient" aria-label=${m.t.sampleDebtor}>${recipient.map((text) => html`<div>${text}</div>`)}</address>
      <p id="preview-date">${place}, ${formatSwissDate(m.today)}</p>
      <h4>${LETTER_HEADINGS[m.letterLanguage]}</h4>
      <div id="preview-body" class="letter-body"></div>
    </div>
    <figure id="payment-part" class="payment-part" aria-label=${m.t.paymentPart}>${paymentPartView(m)}</figure>
  </article>`;
}

/** The preview's heading and what it shows, then the page; a note when the text is longer than the preview shows. */
export function letterPreview(m: FormModel, a: FormActions, text: string) {
  const { t } = m;
  return html`<h3 id="h-preview">${t.preview}</h3>
    <p class="hint">
      ${format(t.previewSample, SAMPLE_INVOICE.number, formatSwissDate(SAMPLE_INVOICE.invoiceDate), formatChf(SAMPLE_INVOICE.amountDueRappen))}
    </p>
    ${sampleDebtorChoice(m, a)} ${previewPage(m)}
    <p id="preview-cut" class="hint" ?hidden=${text.length <= PREVIEW_LIMIT}>${format(t.previewCut, PREVIEW_LIMIT)}</p>`;
}
