// The steps of "New debt-collection case": their order, which apply to which debtor, where Back and Next lead, and
// the summary shown before the folder is written. The answers are kept as typed, so Back shows them again.
import { formatSwissDate, type IsoDate } from '../../shared/dates';
import { LANGUAGES, type Language } from '../../shared/languages';
import { formatChf, readChf } from '../../shared/money';
import { type PostcodeLanguage, postcodeCountry, postcodeLanguage, regionalLanguage } from '../../shared/postcodeLanguage';
import { type DateProblem, defaultReason, type NewCaseAnswers, proposedInterest, readDate, readPlace, readStreet } from './newCase';
import { checkUid, withoutVatSuffix } from './uid';

export type DateStep = 'invoiceDate' | 'dueDate' | 'firstReminder' | 'secondReminder';
export type QuestionId =
  | 'invoiceNumber'
  | 'kind'
  | 'company'
  | 'uid'
  | 'name'
  | 'surname'
  | 'street'
  | 'place'
  | 'language'
  | 'amount'
  | DateStep
  | 'reason';
export type StepId = QuestionId | 'summary';
export type DebtorKind = 'natural' | 'legal';

/**
 * The answers as typed, by question; `kind` is `natural` or `legal`, `language` one of `LANGUAGES`. Answers of a
 * question skipped later are kept.
 */
export type StepAnswers = Readonly<Partial<Record<QuestionId, string>>>;

export interface StepContext {
  readonly today: IsoDate;
}

/** The dates in the order they happen: a reminder before the due date puts no one in default. */
const DATE_STEPS: readonly DateStep[] = ['invoiceDate', 'dueDate', 'firstReminder', 'secondReminder'];

/**
 * The steps that apply, in order: the company and its UID for a legal person, the first and last name for a natural
 * one; the 2nd reminder unless the 1st was left empty.
 */
export function stepsFor(answers: StepAnswers): readonly StepId[] {
  const debtor: StepId[] = answers.kind === 'legal' ? ['company', 'uid'] : ['name', 'surname'];
  const reminders: StepId[] = answers.firstReminder?.trim() === '' ? ['firstReminder'] : ['firstReminder', 'secondReminder'];
  return [
    'invoiceNumber',
    'kind',
    ...debtor,
    'street',
    'place',
    'language',
    'amount',
    'invoiceDate',
    'dueDate',
    ...reminders,
    'reason',
    'summary',
  ];
}

/** The step's number (from 1) and how many steps there are, for the answers given so far. */
export function stepPosition(answers: StepAnswers, step: StepId): { readonly step: number; readonly totalSteps: number } {
  const steps = stepsFor(answers);
  return { step: steps.indexOf(step) + 1, totalSteps: steps.length };
}

/** Where Back leads: the step before, or undefined at the first. */
export function previousStep(answers: StepAnswers, step: StepId): StepId | undefined {
  const steps = stepsFor(answers);
  const at = steps.indexOf(step);
  return at > 0 ? steps[at - 1] : undefined;
}

/**
 * Where an answer leads: the next step; or, for an answer changed from the summary, the next step not answered
 * yet (a company's name after switching the debtor to a company), else straight back to the summary.
 */
export function nextStep(answers: StepAnswers, step: StepId, changedFromSummary: boolean): StepId {
  const steps = stepsFor(answers);
  const after = steps.slice(steps.indexOf(step) + 1);
  if (!changedFromSummary) return after[0] ?? 'summary';
  return after.find((s) => s !== 'summary' && answers[s] === undefined) ?? 'summary';
}

/** The language of the debtor's postcode, as the language step proposes it; undefined for a postcode abroad. */
export function placeLanguage(answers: StepAnswers): PostcodeLanguage | undefined {
  const place = readPlace(answers.place ?? '');
  return place ? postcodeLanguage(place.zip) : undefined;
}

/** The debtor's language: the one answered, else the one of the postcode's region, else German. */
export function debtorLanguageOf(answers: StepAnswers): Language {
  const answered = LANGUAGES.find((language) => language === answers.language);
  return answered ?? regionalLanguage(readPlace(answers.place ?? '')?.zip);
}

/** The dates answered that apply, each read; one that does not read is left out. */
function datesGiven(answers: StepAnswers, today: IsoDate): Partial<Record<DateStep, IsoDate>> {
  const steps = stepsFor(answers);
  const given: Partial<Record<DateStep, IsoDate>> = {};
  for (const step of DATE_STEPS) {
    const read = steps.includes(step) ? readDate(answers[step] ?? '', today) : undefined;
    if (read?.ok && read.date) given[step] = read.date;
  }
  return given;
}

export type DateAnswer =
  | { readonly ok: true; readonly date: IsoDate | undefined }
  | { readonly ok: false; readonly problem: DateProblem }
  /** Out of order with another date answered: before one it follows (`before`), or after one that follows it. */
  | { readonly ok: false; readonly problem: 'order'; readonly before: boolean; readonly other: DateStep; readonly otherDate: IsoDate };

/** A date step's answer checked, also against the other dates given: the invoice, then the 1st, then the 2nd reminder. */
export function checkDateAnswer(answers: StepAnswers, step: DateStep, value: string, context: StepContext): DateAnswer {
  const read = readDate(value, context.today);
  if (!read.ok || read.date === undefined) return read;
  const date = read.date;
  const given = datesGiven({ ...answers, [step]: value }, context.today);
  const at = DATE_STEPS.indexOf(step);
  for (const [i, other] of DATE_STEPS.entries()) {
    const otherDate = given[other];
    if (otherDate === undefined || i === at) continue;
    if (i < at && date < otherDate) return { ok: false, problem: 'order', before: true, other, otherDate };
    if (i > at && date > otherDate) return { ok: false, problem: 'order', before: false, other, otherDate };
  }
  return read;
}

/** The reason proposed from the invoice number and dates given, in the debtor's language. */
export function proposedReason(answers: StepAnswers, context: StepContext): string {
  const given = datesGiven(answers, context.today);
  const reminders = [given.firstReminder, given.secondReminder].filter((date) => date !== undefined);
  return defaultReason(debtorLanguageOf(answers), (answers.invoiceNumber ?? '').trim(), given.invoiceDate, reminders);
}

/** What a step's box holds when it opens: the answer given before, or for the reason the one proposed. */
export function initialValue(answers: StepAnswers, step: QuestionId, context: StepContext): string {
  return answers[step] ?? (step === 'reason' ? proposedReason(answers, context) : '');
}

/**
 * The answers with one more (or one changed). A reason left as proposed follows a changed invoice number, dates
 * or language; one the user wrote is kept.
 */
export function withAnswer(answers: StepAnswers, step: QuestionId, value: string, context: StepContext): StepAnswers {
  const next: StepAnswers = { ...answers, [step]: value };
  const followsProposal = answers.reason !== undefined && answers.reason === proposedReason(answers, context);
  return followsProposal && step !== 'reason' ? { ...next, reason: proposedReason(next, context) } : next;
}

/** A street typed without a house number ("Rue du Lac"): asked about, not refused. */
export function lacksHouseNumber(street: string): boolean {
  return street.trim() !== '' && readStreet(street).streetnumber === undefined;
}

/** The company UID as typed, a VAT number's `MWST`, `TVA` or `IVA` left out. */
export function readUidAnswer(text: string) {
  return checkUid(withoutVatSuffix(text));
}

/** The case's answers, once every step that applies is answered and valid; undefined otherwise. */
export function caseAnswers(answers: StepAnswers, context: StepContext): NewCaseAnswers | undefined {
  const amount = readChf(answers.amount ?? '');
  const place = readPlace(answers.place ?? '');
  const steps = stepsFor(answers);
  // The UID and the dates may be left empty.
  const texts = steps.filter((s): s is QuestionId => s !== 'summary' && s !== 'uid' && !(DATE_STEPS as readonly StepId[]).includes(s));
  if (texts.some((s) => !answers[s]?.trim()) || !amount.ok || !place || postcodeCountry(place.zip) !== 'CH') return undefined;
  const datesOk = DATE_STEPS.every((s) => !steps.includes(s) || checkDateAnswer(answers, s, answers[s] ?? '', context).ok);
  if (!datesOk || !LANGUAGES.some((language) => language === answers.language)) return undefined;
  let debtor: NewCaseAnswers['debtor'];
  if (answers.kind === 'legal') {
    const uid = answers.uid?.trim() ? readUidAnswer(answers.uid) : undefined;
    if (uid && !uid.ok) return undefined;
    debtor = { kind: 'legal', company: answers.company!.trim(), ...(uid?.ok ? { companyUid: uid.normalized } : {}) };
  } else {
    debtor = { kind: 'natural', name: answers.name!.trim(), surname: answers.surname!.trim() };
  }
  const given = datesGiven(answers, context.today);
  return {
    invoiceNumber: answers.invoiceNumber!.trim(),
    debtor,
    address: { ...readStreet(answers.street!), ...place },
    amountRappen: amount.rappen,
    language: debtorLanguageOf(answers),
    reason: answers.reason!.trim(),
    ...(given.invoiceDate ? { invoiceDate: given.invoiceDate } : {}),
    ...(given.dueDate ? { dueDate: given.dueDate } : {}),
    reminderDates: [given.firstReminder, given.secondReminder].filter((date) => date !== undefined),
  };
}

export interface SummaryLine {
  /** The step a pick of this line goes back to. */
  readonly step: QuestionId;
  /**
   * The answer as it will be written; for `kind`, the code `natural` or `legal`; for `language`, its code; empty
   * when left empty.
   */
  readonly value: string;
  /**
   * Not an answer but what follows from them: the default interest proposed, `value` the day it runs from (empty for
   * none); a pick leads to the due date, which decides it.
   */
  readonly about?: 'interest';
}

/**
 * One line per step that applies, in order, with the answer as understood (amounts and dates in Swiss form); then
 * the interest the claim will carry.
 */
export function summaryLines(answers: StepAnswers, context: StepContext): readonly SummaryLine[] {
  const read = caseAnswers(answers, context);
  const interestFrom = read ? proposedInterest(read).interestDateFrom : undefined;
  return [
    ...stepsFor(answers)
      .filter((s): s is QuestionId => s !== 'summary')
      .map((step) => ({ step, value: summaryValue(step, answers, read) })),
    { step: 'dueDate', about: 'interest', value: interestFrom ? formatSwissDate(interestFrom) : '' },
  ];
}

function summaryValue(step: QuestionId, answers: StepAnswers, read: NewCaseAnswers | undefined): string {
  const typed = (answers[step] ?? '').trim().replace(/\s+/g, ' ');
  if (!read) return typed;
  switch (step) {
    case 'uid':
      return read.debtor.kind === 'legal' ? (read.debtor.companyUid ?? '') : '';
    case 'amount':
      return formatChf(read.amountRappen);
    case 'invoiceDate':
    case 'dueDate': {
      const date = read[step];
      return date ? formatSwissDate(date) : '';
    }
    case 'firstReminder':
    case 'secondReminder': {
      const date = read.reminderDates[step === 'firstReminder' ? 0 : 1];
      return date ? formatSwissDate(date) : '';
    }
    case 'street':
      return [read.address.street, read.address.streetnumber].filter(Boolean).join(' ');
    case 'place':
      return `${read.address.zip} ${read.address.city}`;
    default:
      return typed;
  }
}
