// When the third reminder is due and when an unpaid invoice becomes a litigation case, from the reminders'
// dates and the two Rappel 3 delays. The same rules for the extension and for local invoicing code.
import { addDays, isIsoDate, type IsoDate } from '../shared/dates';
import type { ThirdReminderSettings } from '../settings/schema';

export interface ReminderDates {
  /** When the 2nd reminder was sent. */
  readonly secondReminderDate: IsoDate;
  /** When the 3rd reminder was sent, once it has been. */
  readonly thirdReminderDate?: IsoDate | undefined;
}

export type ReminderDelays = Pick<ThirdReminderSettings, 'daysAfterSecondReminder' | 'daysBeforeCollection'>;

export interface ReminderSchedule {
  /** The day the 3rd reminder is due: the 2nd reminder's date plus `daysAfterSecondReminder`. */
  readonly thirdReminderDue: IsoDate;
  /**
   * The first day the invoice is a litigation case that can go to tilbago: the 3rd reminder's date (or, before it
   * is sent, the day it is due) plus `daysBeforeCollection`.
   */
  readonly litigationFrom: IsoDate;
}

/** Where an invoice stands on a given day. */
export type ReminderStage = 'waitingForThirdReminder' | 'thirdReminderDue' | 'waitingForLitigation' | 'litigation';

/** @throws RangeError when a date is not a real `yyyy-mm-dd` date, a delay is not a whole number of days from 0 to 365, or the 3rd reminder predates the 2nd. */
export function reminderSchedule(dates: ReminderDates, delays: ReminderDelays): ReminderSchedule {
  if (!isIsoDate(dates.secondReminderDate))
    throw new RangeError(`secondReminderDate is not a yyyy-mm-dd date: ${String(dates.secondReminderDate)}`);
  if (dates.thirdReminderDate !== undefined && !isIsoDate(dates.thirdReminderDate)) {
    throw new RangeError(`thirdReminderDate is not a yyyy-mm-dd date: ${String(dates.thirdReminderDate)}`);
  }
  if (dates.thirdReminderDate !== undefined && dates.thirdReminderDate < dates.secondReminderDate) {
    throw new RangeError('thirdReminderDate is before secondReminderDate');
  }
  for (const name of ['daysAfterSecondReminder', 'daysBeforeCollection'] as const) {
    const days = delays[name];
    if (!Number.isInteger(days) || days < 0 || days > 365)
      throw new RangeError(`${name} must be a whole number of days from 0 to 365: ${String(days)}`);
  }
  const thirdReminderDue = addDays(dates.secondReminderDate, delays.daysAfterSecondReminder);
  return {
    thirdReminderDue,
    litigationFrom: addDays(dates.thirdReminderDate ?? thirdReminderDue, delays.daysBeforeCollection),
  };
}

/** The stage of an invoice on `day` (`yyyy-mm-dd`). @throws RangeError as `reminderSchedule` does. */
export function reminderStage(dates: ReminderDates, delays: ReminderDelays, day: IsoDate): ReminderStage {
  if (!isIsoDate(day)) throw new RangeError(`day is not a yyyy-mm-dd date: ${String(day)}`);
  const schedule = reminderSchedule(dates, delays);
  if (dates.thirdReminderDate === undefined) return day < schedule.thirdReminderDue ? 'waitingForThirdReminder' : 'thirdReminderDue';
  return day < schedule.litigationFrom ? 'waitingForLitigation' : 'litigation';
}
