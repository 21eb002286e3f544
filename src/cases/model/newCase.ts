// A new case folder from a few answers: `case.json` for tilbago (with the fields left to fill in), and
// `reminders.json` with the invoice's reminder dates and what the Rappel 3 delays make of them.
import type { Person, TilbagoCase } from './caseFile';
import { formatSwissDate, isIsoDate, type IsoDate } from '../../shared/dates';
import type { Language } from '../../shared/languages';
import { formatChf } from '../../shared/money';
import { reminderSchedule, type ReminderDelays } from '../../reminders/schedule';

export interface NewCaseAnswers {
  readonly invoiceNumber: string;
  readonly debtor:
    | { readonly kind: 'natural'; readonly name: string; readonly surname: string }
    | { readonly kind: 'legal'; readonly company: string; readonly companyUid?: string };
  readonly amountRappen: number;
  readonly reason: string;
  readonly invoiceDate?: IsoDate;
  readonly reminderDates: readonly IsoDate[];
}

/** Parses a CHF amount as people type it: `1234.50`, `1'234.50`, `1 234,50`, `CHF 80`. Whole Rappen, or undefined. */
export function parseChf(text: string): number | undefined {
  const cleaned = text
    .trim()
    .replace(/^CHF\s*/i, '')
    .replace(/['’\s]/g, '');
  const match = /^(\d{1,12})(?:[.,](\d{1,2}))?$/.exec(cleaned);
  if (!match) return undefined;
  const rappen = Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
  return rappen > 0 && Number.isSafeInteger(rappen) ? rappen : undefined;
}

/** Dates typed as `dd.mm.yyyy` (or `yyyy-mm-dd`), separated by commas or spaces. Undefined when one is not a date. */
export function parseDates(text: string): IsoDate[] | undefined {
  const parts = text.split(/[,;\s]+/).filter(Boolean);
  const dates: IsoDate[] = [];
  for (const part of parts) {
    const swiss = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(part);
    const iso = swiss ? `${swiss[3]}-${swiss[2]!.padStart(2, '0')}-${swiss[1]!.padStart(2, '0')}` : part;
    if (!isIsoDate(iso)) return undefined;
    dates.push(iso);
  }
  return dates;
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

const EMPTY_ADDRESS = { street: '', streetnumber: '', zip: '', city: '' };

export function newCaseFile(answers: NewCaseAnswers): TilbagoCase & { $schema?: string } {
  const debtor: Person =
    answers.debtor.kind === 'legal'
      ? {
          company: answers.debtor.company,
          ...(answers.debtor.companyUid ? { companyUid: answers.debtor.companyUid } : {}),
          address: EMPTY_ADDRESS,
        }
      : { name: answers.debtor.name, surname: answers.debtor.surname, address: EMPTY_ADDRESS };
  return {
    externalRef: answers.invoiceNumber,
    certificateOfLoss: false,
    debtor,
    claim: { amount: answers.amountRappen, reason: answers.reason, collocationClass: '3' },
  };
}

export interface RemindersFile {
  readonly invoiceNumber: string;
  readonly invoiceDate?: IsoDate;
  readonly amountDue: string;
  readonly reminders: { readonly first?: IsoDate; readonly second?: IsoDate; readonly third?: IsoDate };
  /** From the Rappel 3 delays in effect when the case was made. */
  readonly schedule?: { readonly thirdReminderDue: IsoDate; readonly litigationFrom: IsoDate };
}

export function remindersFile(answers: NewCaseAnswers, delays: ReminderDelays): RemindersFile {
  const [first, second, third] = answers.reminderDates;
  return {
    invoiceNumber: answers.invoiceNumber,
    ...(answers.invoiceDate ? { invoiceDate: answers.invoiceDate } : {}),
    amountDue: formatChf(answers.amountRappen),
    reminders: { ...(first ? { first } : {}), ...(second ? { second } : {}), ...(third ? { third } : {}) },
    ...(second ? { schedule: reminderSchedule({ secondReminderDate: second, thirdReminderDate: third }, delays) } : {}),
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
