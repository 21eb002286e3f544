// A new case folder from a few answers: `case.json` for tilbago (with the fields left to fill in); its
// `reminders.json` is written by `remindersFile()` (remindersFile.ts).
import type { Address, Person, TilbagoCase } from './caseFile';
import { formatSwissDate, isIsoDate, type IsoDate } from '../../shared/dates';
import type { Language } from '../../shared/languages';
import { CASE_SCHEMA_REF } from './files';

export interface NewCaseAnswers {
  readonly invoiceNumber: string;
  readonly debtor:
    | { readonly kind: 'natural'; readonly name: string; readonly surname: string }
    | { readonly kind: 'legal'; readonly company: string; readonly companyUid?: string };
  readonly address: Address;
  readonly amountRappen: number;
  readonly reason: string;
  readonly invoiceDate?: IsoDate;
  readonly reminderDates: readonly IsoDate[];
}

export type DateProblem = 'format' | 'noSuchDate' | 'future' | 'order' | 'tooMany';

export type DatesReading =
  | { readonly ok: true; readonly dates: readonly IsoDate[] }
  /** `part` is the date as typed that has the problem (the second of two for `order`). */
  | { readonly ok: false; readonly problem: DateProblem; readonly part: string };

/** At most the invoice date and three reminders. */
export const MAX_DATES = 4;

/**
 * The invoice date and the reminder dates, as typed: `dd.mm.yyyy`, `d.m.yy` (20yy) or `yyyy-mm-dd`, separated by
 * commas or spaces; in order, none after `today` (they have all happened).
 */
export function readDates(text: string, today: IsoDate): DatesReading {
  const parts = text.split(/[,;\s]+/).filter(Boolean);
  const dates: IsoDate[] = [];
  for (const part of parts) {
    const swiss = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(part);
    const iso = swiss
      ? `${swiss[3]!.length === 2 ? `20${swiss[3]}` : swiss[3]}-${swiss[2]!.padStart(2, '0')}-${swiss[1]!.padStart(2, '0')}`
      : /^\d{4}-\d{2}-\d{2}$/.test(part)
        ? part
        : undefined;
    if (iso === undefined) return { ok: false, problem: 'format', part };
    if (!isIsoDate(iso)) return { ok: false, problem: 'noSuchDate', part };
    if (iso > today) return { ok: false, problem: 'future', part };
    if (dates.length > 0 && iso < dates.at(-1)!) return { ok: false, problem: 'order', part };
    dates.push(iso);
  }
  if (dates.length > MAX_DATES) return { ok: false, problem: 'tooMany', part: parts[MAX_DATES]! };
  return { ok: true, dates };
}

/** A folder name from the invoice number and the debtor: letters, digits, spaces, `-` and `_` only. */
export function caseFolderName(answers: NewCaseAnswers): string {
  const debtor = answers.debtor.kind === 'legal' ? answers.debtor.company : `${answers.debtor.surname} ${answers.debtor.name}`;
  const name = `${answers.invoiceNumber} ${debtor}`
    .normalize('NFC')
    .replace(/[^\p{L}\p{N} _-]+/gu, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.-]+/, '');
  // Cut by code points, not UTF-16 units: never half of a character outside the BMP.
  return (
    Array.from(name)
      .slice(0, 80)
      .join('')
      .replace(/[\s.-]+$/, '') || 'case'
  );
}

/** "Rue du Lac 12", "Bahnhofstrasse 3a": the street, and its number when it ends the line. */
export function readStreet(text: string): { readonly street: string; readonly streetnumber: string } {
  const line = text.trim().replace(/\s+/g, ' ');
  const match = /^(.*\D)\s+(\d+\s?[a-zA-Z]?)$/.exec(line);
  return match ? { street: match[1]!.trim(), streetnumber: match[2]!.replace(/\s/g, '') } : { street: line, streetnumber: '' };
}

/** "1003 Lausanne", "CH-8001 Zürich": the postcode and the town; undefined when the line does not start with a postcode. */
export function readPlace(text: string): { readonly zip: string; readonly city: string } | undefined {
  const match = /^(?:[A-Z]{1,2}-)?(\d{4,5})\s+(\S.*)$/.exec(text.trim().replace(/\s+/g, ' '));
  return match ? { zip: match[1]!, city: match[2]! } : undefined;
}

/** `case.json` for a new case, with the `$schema` it follows (left out of what is sent to tilbago). */
export function newCaseFile(answers: NewCaseAnswers): TilbagoCase & { readonly $schema: string } {
  const debtor: Person =
    answers.debtor.kind === 'legal'
      ? {
          company: answers.debtor.company,
          ...(answers.debtor.companyUid ? { companyUid: answers.debtor.companyUid } : {}),
          address: answers.address,
        }
      : { name: answers.debtor.name, surname: answers.debtor.surname, address: answers.address };
  return {
    $schema: CASE_SCHEMA_REF,
    externalRef: answers.invoiceNumber,
    certificateOfLoss: false,
    debtor,
    claim: { amount: answers.amountRappen, reason: answers.reason, collocationClass: '3' },
  };
}

const REASON_WORDS: Record<Language, { invoice: string; of: string; reminders: string }> = {
  en: { invoice: 'Invoice', of: 'of', reminders: 'reminders of' },
  fr: { invoice: 'Facture', of: 'du', reminders: 'rappels du' },
  de: { invoice: 'Rechnung', of: 'vom', reminders: 'Mahnungen vom' },
  it: { invoice: 'Fattura', of: 'del', reminders: 'richiami del' },
};

/** The claim's reason as the debt-collection office reads it: the invoice, and the reminders sent. */
export function defaultReason(
  language: Language,
  invoiceNumber: string,
  invoiceDate: IsoDate | undefined,
  reminderDates: readonly IsoDate[],
): string {
  const words = REASON_WORDS[language];
  const invoice = invoiceDate
    ? `${words.invoice} ${invoiceNumber} ${words.of} ${formatSwissDate(invoiceDate)}`
    : `${words.invoice} ${invoiceNumber}`;
  return reminderDates.length ? `${invoice}, ${words.reminders} ${reminderDates.map(formatSwissDate).join(', ')}` : invoice;
}
