// A new case folder from a few answers: `case.json` for tilbago, in the Easy-API's Case form; its
// `reminders.json` is written by `remindersFile()` (remindersFile.ts).
import type { Address, Person, TilbagoCase } from './caseFile';
import { formatSwissDate, isIsoDate, type IsoDate } from '../../shared/dates';
import type { Language } from '../../shared/languages';
import { legalInterestStart, LEGAL_INTEREST_RATE } from './claimLaw';
import { CASE_SCHEMA_REF } from './files';

export interface NewCaseAnswers {
  readonly invoiceNumber: string;
  readonly debtor:
    | { readonly kind: 'natural'; readonly name: string; readonly surname: string }
    | { readonly kind: 'legal'; readonly company: string; readonly companyUid?: string };
  readonly address: Address;
  readonly amountRappen: number;
  /** The language the debtor reads: tilbago's `preferredLanguage`, or English for our letters alone. */
  readonly language: Language;
  readonly reason: string;
  readonly invoiceDate?: IsoDate;
  /** The day the invoice was due (payable by), when it named one. */
  readonly dueDate?: IsoDate;
  /** The 1st and the 2nd reminder, those sent. */
  readonly reminderDates: readonly IsoDate[];
}

export type DateProblem = 'format' | 'noSuchDate' | 'future';

export type DateReading =
  /** `date` is undefined for an empty answer. */
  { readonly ok: true; readonly date: IsoDate | undefined } | { readonly ok: false; readonly problem: DateProblem };

/** A date as typed: `dd.mm.yyyy`, `d.m.yy` (20yy) or `yyyy-mm-dd`, not after `today` (it has happened); may be empty. */
export function readDate(text: string, today: IsoDate): DateReading {
  const typed = text.trim();
  if (typed === '') return { ok: true, date: undefined };
  const swiss = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(typed);
  const iso = swiss
    ? `${swiss[3]!.length === 2 ? `20${swiss[3]}` : swiss[3]}-${swiss[2]!.padStart(2, '0')}-${swiss[1]!.padStart(2, '0')}`
    : /^\d{4}-\d{2}-\d{2}$/.test(typed)
      ? typed
      : undefined;
  if (iso === undefined) return { ok: false, problem: 'format' };
  if (!isIsoDate(iso)) return { ok: false, problem: 'noSuchDate' };
  if (iso > today) return { ok: false, problem: 'future' };
  return { ok: true, date: iso };
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

/** "Rue du Lac 12", "Bahnhofstrasse 3a": the street, and its number when it ends the line (none: "Postfach"). */
export function readStreet(text: string): { readonly street: string; readonly streetnumber?: string } {
  const line = text.trim().replace(/\s+/g, ' ');
  const match = /^(.*\D)\s+(\d+\s?[a-zA-Z]?)$/.exec(line);
  return match ? { street: match[1]!.trim(), streetnumber: match[2]!.replace(/\s/g, '') } : { street: line };
}

/**
 * "1003 Lausanne", "CH-8001 Zürich": the postcode and the town; undefined when the line does not start with a
 * postcode. A postcode abroad reads too (the question then says why it is refused: `postcodeCountry`).
 */
export function readPlace(text: string): { readonly zip: string; readonly city: string } | undefined {
  const match = /^(?:[A-Z]{1,2}-)?(\d{4,5})\s+(\S.*)$/.exec(text.trim().replace(/\s+/g, ' '));
  return match ? { zip: match[1]!, city: match[2]! } : undefined;
}

/**
 * `case.json` for a new case, with the `$schema` it follows (left out of what is sent to tilbago). The debtor's
 * language is tilbago's `preferredLanguage`; English, which tilbago does not take, is the case's `letterLanguage`,
 * which is never sent.
 */
export function newCaseFile(answers: NewCaseAnswers): TilbagoCase & { readonly $schema: string } {
  const language = answers.language === 'en' ? {} : { preferredLanguage: answers.language };
  const debtor: Person =
    answers.debtor.kind === 'legal'
      ? {
          company: answers.debtor.company,
          ...(answers.debtor.companyUid ? { companyUid: answers.debtor.companyUid } : {}),
          ...language,
          address: answers.address,
        }
      : { name: answers.debtor.name, surname: answers.debtor.surname, ...language, address: answers.address };
  return {
    $schema: CASE_SCHEMA_REF,
    externalRef: answers.invoiceNumber,
    certificateOfLoss: false,
    debtor,
    ...(answers.language === 'en' ? { letterLanguage: 'en' } : {}),
    claim: { amount: answers.amountRappen, reason: answers.reason, ...proposedInterest(answers), collocationClass: '3' },
  };
}

/** The default interest from the day the debtor is in default, when the answers say; none before. */
export function proposedInterest(answers: Pick<NewCaseAnswers, 'dueDate' | 'reminderDates'>) {
  const from = legalInterestStart({
    ...(answers.dueDate ? { dueDate: answers.dueDate } : {}),
    ...(answers.reminderDates[0] ? { firstReminder: answers.reminderDates[0] } : {}),
  });
  return from ? { interestDateFrom: from, interestRate: LEGAL_INTEREST_RATE } : {};
}

/** The words of a reason, in the debtor's language: the debt-collection office and the debtor read it. */
const REASON_WORDS: Record<
  Language,
  { invoice: string; of: string; reminder: (date: string) => string; reminders: (first: string, second: string) => string }
> = {
  en: {
    invoice: 'Invoice no.',
    of: 'of',
    reminder: (date) => `reminder of ${date}`,
    reminders: (first, second) => `reminders of ${first} and ${second}`,
  },
  fr: {
    invoice: 'Facture n°',
    of: 'du',
    reminder: (date) => `rappel du ${date}`,
    reminders: (first, second) => `rappels du ${first} et du ${second}`,
  },
  de: {
    invoice: 'Rechnung Nr.',
    of: 'vom',
    reminder: (date) => `Mahnung vom ${date}`,
    reminders: (first, second) => `Mahnungen vom ${first} und vom ${second}`,
  },
  it: {
    invoice: 'Fattura n.',
    of: 'del',
    reminder: (date) => `richiamo del ${date}`,
    reminders: (first, second) => `richiami del ${first} e del ${second}`,
  },
};

/**
 * The claim's reason as the debt-collection office reads it, in the debtor's language: the invoice with its date
 * (art. 67 SchKG asks for the claim's title: "Rechnung vom …" names it, a bare "Rechnung" does not), and the
 * reminders sent.
 */
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
  const [first, second] = reminderDates.map(formatSwissDate);
  if (first === undefined) return invoice;
  return `${invoice}, ${second === undefined ? words.reminder(first) : words.reminders(first, second)}`;
}
