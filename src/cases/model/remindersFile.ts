// `reminders.json` in a case folder: the invoice's facts the third reminder and the case are made from (its number,
// date, the amount due, when each reminder was sent). Written by the extension for a new case, and by developers'
// own invoicing code: one place knows its shape, writes it and checks it, as `schemas/reminders.schema.json` says.
// The Rappel 3 schedule is not kept here: it follows from these dates and the delays in effect, computed each time
// (`reminders/schedule.ts`).
import { checkFields, type FieldProblemCode, type FileProblem, isObject, parseThen, type Field } from './caseFile';
import { REMINDERS_SCHEMA_REF } from './files';
import { QR_BILL_MAX_AMOUNT_RAPPEN } from '../../reminders/qrBillFields';
import { isIsoDate, type IsoDate } from '../../shared/dates';
import { formatChf, readChf } from '../../shared/money';
import type { NewCaseAnswers } from './newCase';

/** The file as the extension writes it. */
export interface RemindersFile {
  readonly $schema: string;
  readonly invoiceNumber: string;
  readonly invoiceDate?: IsoDate;
  readonly dueDate?: IsoDate;
  /** `CHF 1'234.50`. */
  readonly amountDue: string;
  readonly reminders: ReminderDatesSent;
}

export interface ReminderDatesSent {
  readonly first?: IsoDate;
  readonly second?: IsoDate;
  readonly third?: IsoDate;
}

/** What a checked `reminders.json` says. */
export interface ReminderFacts {
  readonly invoiceNumber: string;
  readonly invoiceDate?: IsoDate;
  /** The day the invoice was due, when it named one: the debtor is in default once it has passed (art. 102 para. 2 OR). */
  readonly dueDate?: IsoDate;
  /** The invoicing system's own salutation of the debtor; the letter makes one from case.json's debtor without it. */
  readonly salutation?: string;
  /** Whole Rappen, more than 0. */
  readonly amountDueRappen: number;
  readonly reminders: ReminderDatesSent;
}

export type RemindersProblemCode =
  | FieldProblemCode
  | 'date'
  | 'amount'
  /** A date before the one it follows (`detail`: that one's path): the invoice, its due date, the 1st, 2nd, 3rd reminder. */
  | 'order'
  /** A reminder given without the one before it (the path names the missing one; `detail` the one given). */
  | 'earlierReminderMissing';

export type RemindersProblem = FileProblem<RemindersProblemCode>;

export type RemindersCheck =
  | { readonly ok: true; readonly facts: ReminderFacts }
  | { readonly ok: false; readonly problems: readonly RemindersProblem[] };

/** The largest amount due: CHF 999'999'999.99, as `readChf` and a QR-bill take it. */
export const MAX_AMOUNT_DUE_RAPPEN = QR_BILL_MAX_AMOUNT_RAPPEN;

/**
 * `amountDue` as text: `CHF 1'234.50` as the extension writes it, or `1234.50`, `1'234`, `CHF 80`: an optional
 * `CHF `, francs with or without `'` between thousands, and the Rappen as two digits after a point when there are
 * any; more than 0 and at most CHF 999'999'999.99. The schema's pattern is this one.
 */
export const AMOUNT_DUE_TEXT = /^(?!(?:CHF )?0(?:\.00)?$)(?:CHF )?(?:0|[1-9]\d{0,8}|[1-9]\d{0,2}(?:'\d{3}){1,2})(?:\.\d{2})?$/;

const REMINDERS_FIELDS: Record<string, Field> = {
  $schema: { type: 'string' },
  invoiceNumber: { type: 'string', required: true, max: 100 },
  invoiceDate: { type: 'string' },
  dueDate: { type: 'string' },
  amountDue: { type: 'stringOrInteger', required: true },
  salutation: { type: 'string', max: 100 },
  reminders: { type: 'object' },
};

const SENT_FIELDS: Record<string, Field> = {
  first: { type: 'string' },
  second: { type: 'string' },
  third: { type: 'string' },
};

const ORDINALS = ['first', 'second', 'third'] as const;

/** Checks a parsed `reminders.json`; every problem at once, each with its JSON path. */
export function checkReminders(raw: unknown): RemindersCheck {
  if (!isObject(raw)) return { ok: false, problems: [{ path: '', code: 'wrongType', detail: 'object' }] };
  const problems: RemindersProblem[] = [];
  checkFields(raw, REMINDERS_FIELDS, '', problems);
  const failed = (path: string) => problems.some((problem) => problem.path === path);

  let amountDueRappen = 0;
  const amount = raw.amountDue;
  if (!failed('amountDue')) {
    if (typeof amount === 'string') {
      const read = AMOUNT_DUE_TEXT.test(amount) ? readChf(amount) : undefined;
      if (read?.ok) amountDueRappen = read.rappen;
      else problems.push({ path: 'amountDue', code: 'amount' });
    } else if (typeof amount === 'number') {
      if (amount >= 1 && amount <= MAX_AMOUNT_DUE_RAPPEN) amountDueRappen = amount;
      else problems.push({ path: 'amountDue', code: 'amount' });
    }
  }

  // The dates in the order they happen; a wrong one is named and left out of the order check.
  const sequence: { path: string; date: IsoDate }[] = [];
  const date = (path: string, value: unknown): IsoDate | undefined => {
    if (typeof value !== 'string' || failed(path)) return undefined;
    if (!isIsoDate(value)) {
      problems.push({ path, code: 'date' });
      return undefined;
    }
    sequence.push({ path, date: value });
    return value;
  };
  const invoiceDate = date('invoiceDate', raw.invoiceDate);
  // A reminder before the due date puts no one in default: the due date comes before the reminders.
  const dueDate = date('dueDate', raw.dueDate);
  const sent: { first?: IsoDate; second?: IsoDate; third?: IsoDate } = {};
  if (isObject(raw.reminders)) {
    const reminders = raw.reminders;
    checkFields(reminders, SENT_FIELDS, 'reminders', problems);
    for (const [i, ordinal] of ORDINALS.entries()) {
      const value = date(`reminders.${ordinal}`, reminders[ordinal]);
      if (value !== undefined) sent[ordinal] = value;
      const before = ORDINALS[i - 1];
      if (before !== undefined && reminders[ordinal] !== undefined && reminders[before] === undefined)
        problems.push({ path: `reminders.${before}`, code: 'earlierReminderMissing', detail: `reminders.${ordinal}` });
    }
  }
  for (let i = 1; i < sequence.length; i++) {
    const earlier = sequence[i - 1]!;
    const later = sequence[i]!;
    if (later.date < earlier.date) problems.push({ path: later.path, code: 'order', detail: earlier.path });
  }

  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    facts: {
      invoiceNumber: raw.invoiceNumber as string,
      ...(invoiceDate !== undefined ? { invoiceDate } : {}),
      ...(dueDate !== undefined ? { dueDate } : {}),
      ...(typeof raw.salutation === 'string' ? { salutation: raw.salutation.trim() } : {}),
      amountDueRappen,
      reminders: sent,
    },
  };
}

/** Parses and checks the text of a `reminders.json`. */
export function parseReminders(text: string): RemindersCheck {
  return parseThen(text, checkReminders);
}

/** `reminders.json` for a new case: the invoice and the reminders sent, as the user gave them (in order). */
export function remindersFile(answers: NewCaseAnswers): RemindersFile {
  const [first, second, third] = answers.reminderDates;
  return {
    $schema: REMINDERS_SCHEMA_REF,
    invoiceNumber: answers.invoiceNumber,
    ...(answers.invoiceDate ? { invoiceDate: answers.invoiceDate } : {}),
    ...(answers.dueDate ? { dueDate: answers.dueDate } : {}),
    amountDue: formatChf(answers.amountRappen),
    reminders: { ...(first ? { first } : {}), ...(second ? { second } : {}), ...(third ? { third } : {}) },
  };
}
