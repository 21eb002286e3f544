// The creditor of a reminder letter (the sender, and the payee of its QR-bill) and the payment reference of a
// case: the checks the Swiss QR-bill standard (SIX Swiss Payment Standards, as implemented by `swissqrbill`) asks
// for, as codes and data. Sentences are made where they are shown.
import {
  calculateQRReferenceChecksum,
  calculateSCORReferenceChecksum,
  isQRIBAN,
  isQRReference,
  isQRReferenceValid,
  isSCORReference,
  isSCORReferenceValid,
} from 'swissqrbill/utils';
import { checkAccount, compact, QR_BILL_LIMITS } from './qrBillFields';
import { qrBillText, refusedCharacters } from './qrText';
import type { Data as QrBillData, Debtor as QrBillDebtor } from 'swissqrbill/types';
import type { Language } from '../shared/languages';

export { checkAccount, compact, QR_BILL_LIMITS };

/** A QR-bill account may only be Swiss or from Liechtenstein. */
export const CREDITOR_COUNTRIES = ['CH', 'LI'] as const;
export type CreditorCountry = (typeof CREDITOR_COUNTRIES)[number];

/** The creditor settings, as the user enters them. The account may hold spaces (`CH44 3199 9123 …`). */
export interface CreditorSettings {
  readonly name: string;
  readonly street: string;
  readonly buildingNumber?: string | undefined;
  readonly zip: string;
  readonly city: string;
  /** CH when absent. */
  readonly country?: CreditorCountry | undefined;
  /** An IBAN or a QR-IBAN, CH or LI. */
  readonly account: string;
}

/**
 * The creditor as the letter uses it: trimmed and composed (NFC), otherwise as written (the QR code takes its
 * plain form, `qrBillData`), the account without spaces and in capitals, the country set.
 */
export interface Creditor {
  readonly name: string;
  readonly street: string;
  readonly buildingNumber?: string;
  readonly zip: string;
  readonly city: string;
  readonly country: CreditorCountry;
  readonly account: string;
  /** Which reference the account takes: a QR reference (QR-IBAN), or a creditor reference or none (IBAN). */
  readonly accountKind: 'qrIban' | 'iban';
}

export type CreditorField = 'name' | 'street' | 'buildingNumber' | 'zip' | 'city' | 'country' | 'account';

export type CreditorProblem =
  | { readonly field: CreditorField; readonly code: 'required' }
  | { readonly field: Exclude<CreditorField, 'country' | 'account'>; readonly code: 'tooLong'; readonly limit: number }
  /** A character the QR-bill cannot carry (`refusedCharacters`), one problem each. */
  | { readonly field: Exclude<CreditorField, 'country' | 'account'>; readonly code: 'character'; readonly character: string }
  | { readonly field: 'country'; readonly code: 'country' }
  /** Not CH/LI + 19 characters (21 in all). */
  | { readonly field: 'account'; readonly code: 'ibanFormat' }
  /** An IBAN of another country: the QR-bill takes CH and LI only. */
  | { readonly field: 'account'; readonly code: 'ibanCountry' }
  /** The IBAN's check digits (mod 97) do not match: a typing error. */
  | { readonly field: 'account'; readonly code: 'ibanCheckDigit' };

export type CreditorCheck =
  | { readonly ok: true; readonly creditor: Creditor }
  | { readonly ok: false; readonly problems: readonly CreditorProblem[] };

/** Every problem of the creditor settings at once, or the creditor ready for a letter. */
export function checkCreditor(settings: CreditorSettings): CreditorCheck {
  const problems: CreditorProblem[] = [];
  const text = (field: Exclude<CreditorField, 'country' | 'account'>, required: boolean): string => {
    const value = (settings[field] ?? '').normalize('NFC').trim();
    const refused = refusedCharacters(value);
    if (value === '') {
      if (required) problems.push({ field, code: 'required' });
    } else if (refused.length > 0) {
      problems.push(...refused.map((character) => ({ field, code: 'character' as const, character })));
    } else if (qrBillText(value).length > QR_BILL_LIMITS[field]) {
      problems.push({ field, code: 'tooLong', limit: QR_BILL_LIMITS[field] });
    }
    return value;
  };
  const name = text('name', true);
  const street = text('street', true);
  const buildingNumber = text('buildingNumber', false);
  const zip = text('zip', true);
  const city = text('city', true);

  const country = settings.country ?? 'CH';
  if (!(CREDITOR_COUNTRIES as readonly string[]).includes(country)) problems.push({ field: 'country', code: 'country' });

  const account = compact(settings.account ?? '');
  const accountProblem = checkAccount(account);
  if (accountProblem) problems.push({ field: 'account', code: accountProblem });

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    creditor: {
      name,
      street,
      ...(buildingNumber ? { buildingNumber } : {}),
      zip,
      city,
      country,
      account,
      accountKind: isQRIBAN(account) ? 'qrIban' : 'iban',
    },
  };
}

/** A reference is 'QRR' (27 digits, QR-IBAN only), 'SCOR' (`RF…`, ISO 11649, IBAN only) or none. */
export type ReferenceKind = 'QRR' | 'SCOR' | 'NON';

export type ReferenceProblemCode =
  /** A QR-IBAN is always used with a QR reference. */
  | 'qrIbanNeedsQrReference'
  /** A QR reference is only allowed with a QR-IBAN. */
  | 'qrReferenceNeedsQrIban'
  /** Not 27 digits. */
  | 'qrReferenceFormat'
  /** The last digit is not the recursive mod-10 check of the other 26. */
  | 'qrReferenceCheckDigit'
  /** Not `RF`, two check digits and 1–21 letters or digits. */
  | 'creditorReferenceFormat'
  /** The check digits (mod 97) do not match. */
  | 'creditorReferenceCheckDigit';

export type ReferenceCheck =
  | { readonly ok: true; readonly kind: ReferenceKind /** Compact, or '' for none. */; readonly reference: string }
  | { readonly ok: false; readonly code: ReferenceProblemCode };

/** Whether `reference` (spaces allowed; '' or undefined for none) fits the creditor's account. */
export function checkReference(creditor: Pick<Creditor, 'accountKind'>, reference: string | undefined): ReferenceCheck {
  const value = compact(reference ?? '');
  if (creditor.accountKind === 'qrIban') {
    if (value === '' || value.startsWith('RF')) return { ok: false, code: 'qrIbanNeedsQrReference' };
    if (!isQRReference(value)) return { ok: false, code: 'qrReferenceFormat' };
    if (!isQRReferenceValid(value)) return { ok: false, code: 'qrReferenceCheckDigit' };
    return { ok: true, kind: 'QRR', reference: value };
  }
  if (value === '') return { ok: true, kind: 'NON', reference: '' };
  if (/^\d+$/.test(value)) return { ok: false, code: 'qrReferenceNeedsQrIban' };
  if (!isSCORReference(value) || !/^RF\d{2}[A-Z0-9]{1,21}$/.test(value)) return { ok: false, code: 'creditorReferenceFormat' };
  if (!isSCORReferenceValid(value)) return { ok: false, code: 'creditorReferenceCheckDigit' };
  return { ok: true, kind: 'SCOR', reference: value };
}

/** Why no reference can be made from an invoice number. */
export type ReferenceFromInvoiceProblem = 'noReferenceCharacters' | 'invoiceNumberTooLong';

/**
 * The QR reference of an invoice, for a QR-IBAN: 26 digits and the recursive mod-10 check digit.
 *
 * The 26 digits come from the invoice number alone, so the same invoice always gets the same reference and a
 * payment can be matched back to it: each digit is kept, each letter A–Z (either case) becomes its two-digit
 * ISO 7064 value (A = 10 … Z = 35), everything else (`-`, `/`, spaces, accented letters) is left out, and the
 * result is right-aligned with leading zeros, then the check digit follows: `2026-0142` →
 * `000000000000000000202601428`, `F-2026-031` → `000000000000000001520260319`. Two numbers that differ only in
 * their separators (`2026-0142` and `20260142`) get the same reference. More than 26 digits, or none, cannot be
 * made into one.
 */
export function qrReferenceForInvoice(
  invoiceNumber: string,
): { readonly ok: true; readonly reference: string } | { readonly ok: false; readonly code: ReferenceFromInvoiceProblem } {
  const digits = [...invoiceNumber.toUpperCase()]
    .map((c) => (/[0-9]/.test(c) ? c : /[A-Z]/.test(c) ? String(c.charCodeAt(0) - 55) : ''))
    .join('');
  if (digits === '') return { ok: false, code: 'noReferenceCharacters' };
  if (digits.length > 26) return { ok: false, code: 'invoiceNumberTooLong' };
  const body = digits.padStart(26, '0');
  return { ok: true, reference: body + calculateQRReferenceChecksum(body) };
}

/**
 * The creditor reference (ISO 11649) of an invoice, for an ordinary IBAN, where one is wanted: `RF`, two check
 * digits, then the invoice number's letters and digits in capitals (other characters left out), at most 21.
 * `F-2026-031` → `RF92F2026031`.
 */
export function creditorReferenceForInvoice(
  invoiceNumber: string,
): { readonly ok: true; readonly reference: string } | { readonly ok: false; readonly code: ReferenceFromInvoiceProblem } {
  const body = invoiceNumber.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (body === '') return { ok: false, code: 'noReferenceCharacters' };
  if (body.length > 21) return { ok: false, code: 'invoiceNumberTooLong' };
  return { ok: true, reference: `RF${calculateSCORReferenceChecksum(body)}${body}` };
}

/** The reference a case's letter carries: a QR reference for a QR-IBAN, none for an IBAN unless asked for. */
export function referenceForInvoice(
  creditor: Pick<Creditor, 'accountKind'>,
  invoiceNumber: string,
  options: { readonly creditorReference?: boolean } = {},
): { readonly ok: true; readonly reference: string } | { readonly ok: false; readonly code: ReferenceFromInvoiceProblem } {
  if (creditor.accountKind === 'qrIban') return qrReferenceForInvoice(invoiceNumber);
  return options.creditorReference ? creditorReferenceForInvoice(invoiceNumber) : { ok: true, reference: '' };
}

/** swissqrbill's names of the four languages, for the payment part's words. */
export const QR_BILL_LANGUAGES = { de: 'DE', fr: 'FR', it: 'IT', en: 'EN' } as const satisfies Record<Language, string>;

const INVOICE_WORDS: Record<Language, string> = { de: 'Rechnung', fr: 'Facture', it: 'Fattura', en: 'Invoice' };

/**
 * The payment's purpose the QR-bill prints as its additional information, in the debtor's language ("Facture
 * 2026-0142"): the same in the PDF letter and in the panel's preview. At most 140 characters, as the QR-bill takes.
 */
export function invoiceMessage(language: Language, invoiceNumber: string): string {
  return `${INVOICE_WORDS[language]} ${invoiceNumber}`.slice(0, 140);
}

/** Whether a text is Swico billing information (`//S1/10/…`), the only kind the QR-bill's StrdBkgInf takes. */
export function isBillInformation(text: string): boolean {
  return text.startsWith('//');
}

/**
 * What a payment part is made of, for the PDF letter and the panel's preview alike: every text in its QR-code
 * form (`qrBillText`). `message` is the payment's purpose for the debtor ("Facture 2026-0142"), the QR code's
 * unstructured message (Ustrd); `billInformation`, Swico-coded data for the creditor's accounting, goes to
 * StrdBkgInf (swissqrbill's `additionalInformation`). Both together hold at most 140 characters.
 */
export function qrBillData(payment: {
  readonly creditor: Omit<Creditor, 'accountKind'>;
  readonly debtor: QrBillDebtor;
  readonly amountDueRappen: number;
  readonly reference?: string | undefined;
  readonly message?: string | undefined;
  readonly billInformation?: string | undefined;
}): QrBillData {
  const { creditor, debtor } = payment;
  return {
    currency: 'CHF',
    amount: payment.amountDueRappen / 100,
    creditor: {
      name: qrBillText(creditor.name),
      address: qrBillText(creditor.street),
      ...(creditor.buildingNumber ? { buildingNumber: qrBillText(creditor.buildingNumber) } : {}),
      zip: qrBillText(creditor.zip),
      city: qrBillText(creditor.city),
      country: creditor.country,
      account: creditor.account,
    },
    debtor: {
      name: qrBillText(debtor.name),
      address: qrBillText(debtor.address),
      ...(debtor.buildingNumber ? { buildingNumber: qrBillText(`${debtor.buildingNumber}`) } : {}),
      zip: qrBillText(`${debtor.zip}`),
      city: qrBillText(debtor.city),
      country: debtor.country,
    },
    ...(payment.reference ? { reference: payment.reference } : {}),
    ...(payment.message ? { message: qrBillText(payment.message) } : {}),
    ...(payment.billInformation ? { additionalInformation: qrBillText(payment.billInformation) } : {}),
  };
}
