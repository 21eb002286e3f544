// What the preview's payment part is made from: the creditor fields as typed in the form, checked by the QR-bill's
// rules, and the sample invoice. Pure; the SVG itself is made by reminders/paymentPartSvg.ts, loaded when asked.
import { checkCreditor, type Creditor, type CreditorField, invoiceMessage, referenceForInvoice } from '../reminders/creditor';
import { SAMPLE_DEBTORS, SAMPLE_INVOICE, type SampleDebtor } from '../reminders/letterEditing';
import type { PaymentPartInput } from '../reminders/paymentPartSvg';
import type { Language } from '../shared/languages';
import { type CreditorFormValues, formValueProblem, type PaymentPart } from './contract';
import { CREDITOR_FIELDS, type CreditorFormField } from './fields';

const FORM_FIELD_OF: Record<CreditorField, CreditorFormField> = {
  name: 'creditorName',
  street: 'creditorStreet',
  buildingNumber: 'creditorBuildingNumber',
  zip: 'creditorPostalCode',
  city: 'creditorTown',
  country: 'creditorCountry',
  account: 'creditorAccount',
};

export type PaymentPartData =
  | { readonly ok: true; readonly creditor: Creditor; readonly reference: string }
  | (PaymentPart & { readonly ok: false });

/** The creditor and the sample invoice's reference for the payment part, or the fields that are missing or wrong. */
export function paymentPartData(fields: CreditorFormValues): PaymentPartData {
  const invalid = new Set<CreditorFormField>(CREDITOR_FIELDS.filter((field) => formValueProblem(field, fields[field]) !== undefined));
  const missing = new Set<CreditorFormField>();
  const check = checkCreditor({
    name: fields.creditorName,
    street: fields.creditorStreet,
    buildingNumber: fields.creditorBuildingNumber,
    zip: fields.creditorPostalCode,
    city: fields.creditorTown,
    country: (fields.creditorCountry || 'CH') as 'CH',
    account: fields.creditorAccount,
  });
  if (!check.ok) {
    for (const problem of check.problems) (problem.code === 'required' ? missing : invalid).add(FORM_FIELD_OF[problem.field]);
  }
  if (!check.ok || invalid.size > 0) {
    // In the form's order; a field both missing and wrong (cannot be) is named once, as wrong.
    const ordered = (set: Set<CreditorFormField>) => CREDITOR_FIELDS.filter((field) => set.has(field));
    return { ok: false, missing: ordered(missing).filter((field) => !invalid.has(field)), invalid: ordered(invalid) };
  }
  const reference = referenceForInvoice(check.creditor, SAMPLE_INVOICE.number, {
    creditorReference: fields.creditorIbanReference === 'creditorReference',
  });
  return { ok: true, creditor: check.creditor, reference: reference.ok ? reference.reference : '' };
}

/**
 * What the preview's payment part is drawn from: the creditor as typed, the sample debtor, and the sample invoice's
 * amount, reference and message, the message made as the PDF letter makes it ("Facture 2026-0142").
 */
export function previewPaymentPart(
  fields: CreditorFormValues,
  language: Language,
  debtor: SampleDebtor,
): { readonly ok: true; readonly input: PaymentPartInput } | (PaymentPart & { readonly ok: false }) {
  const data = paymentPartData(fields);
  if (!data.ok) return data;
  return {
    ok: true,
    input: {
      creditor: data.creditor,
      debtor: SAMPLE_DEBTORS[debtor],
      amountDueRappen: SAMPLE_INVOICE.amountDueRappen,
      reference: data.reference,
      message: invoiceMessage(language, SAMPLE_INVOICE.number),
      language,
    },
  };
}
