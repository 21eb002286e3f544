// The steps of "New debt-collection case": their order, which apply to which debtor, where Back and Next lead, and
// the summary shown before the folder is written. The answers are kept as typed, so Back shows them again.
import { formatSwissDate, type IsoDate } from '../../shared/dates';
import type { Language } from '../../shared/languages';
import { formatChf, readChf } from '../../shared/money';
import { defaultReason, type NewCaseAnswers, readDates, readPlace, readStreet } from './newCase';
import { checkUid } from './uid';

export type QuestionId =
  | 'invoiceNumber'
  | 'kind'
  | 'company'
  | 'uid'
  | 'name'
  | 'surname'
  | 'street'
  | 'place'
  | 'amount'
  | 'dates'
  | 'reason';
export type StepId = QuestionId | 'summary';
export type DebtorKind = 'natural' | 'legal';

/** The answers as typed, by question; `kind` is `natural` or `legal`. Answers of a question skipped later are kept. */
export type StepAnswers = Readonly<Partial<Record<QuestionId, string>>>;

export interface StepContext {
  readonly language: Language;
  readonly today: IsoDate;
}

/** The steps that apply, in order: the company and its UID for a legal person, the first and last name for a natural one. */
export function stepsFor(answers: StepAnswers): readonly StepId[] {
  const debtor: StepId[] = answers.kind === 'legal' ? ['company', 'uid'] : ['name', 'surname'];
  return ['invoiceNumber', 'kind', ...debtor, 'street', 'place', 'amount', 'dates', 'reason', 'summary'];
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

/** The reason proposed from the invoice number and dates given. */
export function proposedReason(answers: StepAnswers, context: StepContext): string {
  const read = readDates(answers.dates ?? '', context.today);
  const [invoiceDate, ...reminderDates] = read.ok ? read.dates : [];
  return defaultReason(context.language, (answers.invoiceNumber ?? '').trim(), invoiceDate, reminderDates);
}

/** What a step's box holds when it opens: the answer given before, or for the reason the one proposed. */
export function initialValue(answers: StepAnswers, step: QuestionId, context: StepContext): string {
  return answers[step] ?? (step === 'reason' ? proposedReason(answers, context) : '');
}

/**
 * The answers with one more (or one changed). A reason left as proposed follows a changed invoice number or
 * changed dates; one the user wrote is kept.
 */
export function withAnswer(answers: StepAnswers, step: QuestionId, value: string, context: StepContext): StepAnswers {
  const next: StepAnswers = { ...answers, [step]: value };
  const followsProposal = answers.reason !== undefined && answers.reason === proposedReason(answers, context);
  return followsProposal && step !== 'reason' ? { ...next, reason: proposedReason(next, context) } : next;
}

/** The case's answers, once every step that applies is answered and valid; undefined otherwise. */
export function caseAnswers(answers: StepAnswers, context: StepContext): NewCaseAnswers | undefined {
  const amount = readChf(answers.amount ?? '');
  const dates = readDates(answers.dates ?? '', context.today);
  const place = readPlace(answers.place ?? '');
  // The UID and the dates may be left empty.
  const texts = stepsFor(answers).filter((s): s is QuestionId => s !== 'summary' && s !== 'uid' && s !== 'dates');
  if (texts.some((s) => !answers[s]?.trim()) || !amount.ok || !dates.ok || !place) return undefined;
  let debtor: NewCaseAnswers['debtor'];
  if (answers.kind === 'legal') {
    const uid = answers.uid?.trim() ? checkUid(answers.uid) : undefined;
    if (uid && !uid.ok) return undefined;
    debtor = { kind: 'legal', company: answers.company!.trim(), ...(uid?.ok ? { companyUid: uid.normalized } : {}) };
  } else {
    debtor = { kind: 'natural', name: answers.name!.trim(), surname: answers.surname!.trim() };
  }
  const [invoiceDate, ...reminderDates] = dates.dates;
  return {
    invoiceNumber: answers.invoiceNumber!.trim(),
    debtor,
    address: { ...readStreet(answers.street!), ...place },
    amountRappen: amount.rappen,
    reason: answers.reason!.trim(),
    ...(invoiceDate ? { invoiceDate } : {}),
    reminderDates,
  };
}

export interface SummaryLine {
  /** The step a pick of this line goes back to. */
  readonly step: QuestionId;
  /** The answer as it will be written; for `kind`, the code `natural` or `legal`; empty when left empty. */
  readonly value: string;
}

/** One line per step that applies, in order, with the answer as understood (amounts and dates in Swiss form). */
export function summaryLines(answers: StepAnswers, context: StepContext): readonly SummaryLine[] {
  const read = caseAnswers(answers, context);
  return stepsFor(answers)
    .filter((s): s is QuestionId => s !== 'summary')
    .map((step) => ({ step, value: summaryValue(step, answers, read) }));
}

function summaryValue(step: QuestionId, answers: StepAnswers, read: NewCaseAnswers | undefined): string {
  const typed = (answers[step] ?? '').trim().replace(/\s+/g, ' ');
  if (!read) return typed;
  switch (step) {
    case 'uid':
      return read.debtor.kind === 'legal' ? (read.debtor.companyUid ?? '') : '';
    case 'amount':
      return formatChf(read.amountRappen);
    case 'dates':
      return [...(read.invoiceDate ? [read.invoiceDate] : []), ...read.reminderDates].map(formatSwissDate).join(', ');
    case 'street':
      return `${read.address.street} ${read.address.streetnumber}`.trim();
    case 'place':
      return `${read.address.zip} ${read.address.city}`;
    default:
      return typed;
  }
}
