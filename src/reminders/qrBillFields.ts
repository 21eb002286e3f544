// The QR-bill's rules for the creditor settings that are checked as they are read: the account (swissqrbill's
// IBAN check) and the lengths. The rest of the QR-bill's rules are in creditor.ts.
import { isIBANValid, isQRIBAN } from 'swissqrbill/utils';

/** The largest amount a QR-bill carries: CHF 999'999'999.99, in Rappen. */
export const QR_BILL_MAX_AMOUNT_RAPPEN = 99_999_999_999;

/** The longest name and address parts the QR-bill allows (structured address, standard v2.3). */
export const QR_BILL_LIMITS = { name: 70, street: 70, buildingNumber: 16, zip: 16, city: 35 } as const;

/** Spaces removed, capitals: how an account or a reference is compared and printed in the QR code. */
export function compact(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase();
}

/** What is wrong with an account (spaces allowed), by the QR-bill's rules; undefined when it is a valid CH/LI IBAN or QR-IBAN. */
export function checkAccount(value: string): 'required' | 'ibanFormat' | 'ibanCountry' | 'ibanCheckDigit' | undefined {
  const account = compact(value);
  if (account === '') return 'required';
  if (/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(account) && !/^(CH|LI)/.test(account)) return 'ibanCountry';
  if (!/^(CH|LI)\d{2}[A-Z0-9]{17}$/.test(account)) return 'ibanFormat';
  if (!isIBANValid(account)) return 'ibanCheckDigit';
  return undefined;
}

/** Whether a valid account (spaces allowed) is a QR-IBAN, which takes a QR reference and no other. */
export function isQrIban(value: string): boolean {
  const account = compact(value);
  return checkAccount(account) === undefined && isQRIBAN(account);
}
