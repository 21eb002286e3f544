// Where a case stands by the Rappel 3 rules: from its files (case.json, reminders.json, submission.json), the delays
// in effect for its folder and the day. Computed each time, so a changed delay moves the cases at once.
import type { IsoDate } from '../../shared/dates';
import { reminderSchedule, type ReminderDelays } from '../../reminders/schedule';
import type { CaseFolderSummary } from './listing';
import type { SubmissionRecord } from './record';

export type CaseStage =
  /** Something in its files must be fixed, or an earlier attempt left it unsure: a person looks first. */
  | { readonly kind: 'needsAttention'; readonly reason: AttentionReason; readonly problems: number }
  /** The 2nd reminder was sent and the 3rd is due (since that day), not yet sent. */
  | { readonly kind: 'thirdReminderDue'; readonly since: IsoDate }
  /** The 3rd reminder is not due yet, or it was sent and the delay before litigation runs. */
  | { readonly kind: 'waiting'; readonly until: IsoDate; readonly for: 'thirdReminder' | 'litigation' }
  /** A litigation case that can go to tilbago (since that day; undefined when the folder has no reminders.json). */
  | { readonly kind: 'ready'; readonly since?: IsoDate }
  /** At tilbago, with the last status asked. */
  | { readonly kind: 'filed'; readonly record: SubmissionRecord };

export type CaseStageKind = CaseStage['kind'];

/** The stages in the order the cases view shows them: what needs doing first. */
export const STAGE_ORDER: readonly CaseStageKind[] = ['needsAttention', 'ready', 'thirdReminderDue', 'waiting', 'filed'];

export type AttentionReason =
  /** case.json, reminders.json or attachments/ have problems (`problems` says how many). */
  | 'files'
  /** reminders.json has no date of the 2nd reminder, so no date can be computed. */
  | 'noSecondReminder'
  /** submission.json is not a record of this extension. */
  | 'record'
  /** An attempt ended without a clear answer, was refused, or left attachments behind. */
  | 'attempt';

export interface CaseFacts {
  /** Problems in case.json, reminders.json and attachments/. */
  readonly problems: number;
  /** The reminder dates from reminders.json; undefined when the folder has none (the case is then ready as it is). */
  readonly reminders?: { readonly secondReminderDate?: IsoDate | undefined; readonly thirdReminderDate?: IsoDate | undefined } | undefined;
  readonly record?: SubmissionRecord | undefined;
  readonly recordBroken?: boolean;
}

/** The stage of a case on `day`, with the delays in effect for its folder. */
export function caseStage(facts: CaseFacts, delays: ReminderDelays, day: IsoDate): CaseStage {
  const { record } = facts;
  if (facts.recordBroken) return { kind: 'needsAttention', reason: 'record', problems: 1 };
  if (record?.state === 'complete') return { kind: 'filed', record };
  if (record && record.state !== 'notCreated') return { kind: 'needsAttention', reason: 'attempt', problems: 1 };
  if (facts.problems > 0) return { kind: 'needsAttention', reason: 'files', problems: facts.problems };
  if (!facts.reminders) return { kind: 'ready' };
  const { secondReminderDate, thirdReminderDate } = facts.reminders;
  if (!secondReminderDate) return { kind: 'needsAttention', reason: 'noSecondReminder', problems: 1 };
  let schedule: ReturnType<typeof reminderSchedule>;
  try {
    schedule = reminderSchedule({ secondReminderDate, thirdReminderDate }, delays);
  } catch {
    // Dates out of order or not real: reminders.json's check names them.
    return { kind: 'needsAttention', reason: 'files', problems: 1 };
  }
  if (thirdReminderDate === undefined) {
    return day < schedule.thirdReminderDue
      ? { kind: 'waiting', until: schedule.thirdReminderDue, for: 'thirdReminder' }
      : { kind: 'thirdReminderDue', since: schedule.thirdReminderDue };
  }
  return day < schedule.litigationFrom
    ? { kind: 'waiting', until: schedule.litigationFrom, for: 'litigation' }
    : { kind: 'ready', since: schedule.litigationFrom };
}

/** The stage of a listed case folder: its summary's facts, the delays in effect for its folder, the day. */
export function stageOf(summary: CaseFolderSummary, delays: ReminderDelays, day: IsoDate): CaseStage {
  return caseStage(
    {
      problems: summary.problems,
      reminders: summary.reminders && { secondReminderDate: summary.reminders.second, thirdReminderDate: summary.reminders.third },
      record: summary.record,
      recordBroken: summary.recordProblem !== undefined,
    },
    delays,
    day,
  );
}

/**
 * A case's `contextValue` in the cases view, which decides its menu (package.json's `view/item/context`): what
 * can be done at its stage, and nothing that cannot (no letter for a filed case, no case id for one never sent).
 */
export type CaseMenu =
  | 'tilbagoCase.attention'
  /** An attempt that may have reached tilbago: its case id can be entered. */
  | 'tilbagoCase.unsure'
  | 'tilbagoCase.ready'
  | 'tilbagoCase.thirdReminderDue'
  | 'tilbagoCase.waitingThirdReminder'
  | 'tilbagoCase.waitingLitigation'
  | 'tilbagoCase.filed';

export function caseMenu(stage: CaseStage): CaseMenu {
  switch (stage.kind) {
    case 'needsAttention':
      return stage.reason === 'attempt' ? 'tilbagoCase.unsure' : 'tilbagoCase.attention';
    case 'ready':
      return 'tilbagoCase.ready';
    case 'thirdReminderDue':
      return 'tilbagoCase.thirdReminderDue';
    case 'waiting':
      return stage.for === 'litigation' ? 'tilbagoCase.waitingLitigation' : 'tilbagoCase.waitingThirdReminder';
    case 'filed':
      return 'tilbagoCase.filed';
  }
}
