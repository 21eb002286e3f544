// What Swiss law says about a claim before it goes to the debt collection office, as dates and rates: the default
// interest (art. 102, 104 OR) and the limitation (art. 127, 128, 132, 77 OR). Warnings and proposals only: whether
// a claim is time-barred, or a higher rate agreed, the creditor knows and the office does not check.
import { addDays, type IsoDate } from '../../shared/dates';
import type { TilbagoCase } from './caseFile';

/** Default interest, 5% a year (art. 104 para. 1 OR), as tilbago takes a rate. A higher one only if agreed. */
export const LEGAL_INTEREST_RATE = '5.0';

/** Many trade claims (retail sales, craftsmen's work, rent, doctors, lawyers) are time-barred after 5 years (art. 128 OR). */
export const SHORT_LIMITATION_YEARS = 5;

/**
 * The day default interest runs from: the day after an agreed due date, once that day has passed (art. 102 para. 2
 * OR: "mit Ablauf dieses Tages"); without one, the 1st reminder (para. 1); without either, the debtor is not in
 * default and no interest is proposed.
 */
export function legalInterestStart(dates: { readonly dueDate?: IsoDate; readonly firstReminder?: IsoDate }): IsoDate | undefined {
  if (dates.dueDate) return addDays(dates.dueDate, 1);
  return dates.firstReminder;
}

/** A rate above the law's 5%, which the debtor owes only if agreed (art. 104 para. 2 OR). */
export function isAboveLegalRate(rate: string): boolean {
  return Number(rate) > Number(LEGAL_INTEREST_RATE);
}

export interface ClaimInterest {
  /** tilbago's rate, a decimal string: "5.0". */
  readonly rate: string;
  readonly from?: IsoDate;
}

/** The rates and start dates the claims of a case carry, each once, in the order of the claims. */
export function claimInterests(tilbagoCase: TilbagoCase): ClaimInterest[] {
  const found = new Map<string, ClaimInterest>();
  for (const claim of [tilbagoCase.claim, ...(tilbagoCase.subsidiaryClaims ?? [])]) {
    if (claim.interestRate === undefined) continue;
    const interest = { rate: claim.interestRate, ...(claim.interestDateFrom ? { from: claim.interestDateFrom } : {}) };
    found.set(`${interest.rate}|${interest.from ?? ''}`, interest);
  }
  return [...found.values()];
}

/**
 * The date `years` years on, as the law counts a period of years (art. 77 para. 1 no. 3 OR, which art. 132 para. 2
 * applies to limitation): the day of the same number in the last month, or that month's last day when it has none
 * (29.02.2024 + 5 years = 28.02.2029).
 */
function sameDayYearsOn(date: IsoDate, years: number): IsoDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const lastOfMonth = new Date(Date.UTC(year + years, month, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year + years}-${pad(month)}-${pad(Math.min(day, lastOfMonth))}`;
}

/**
 * The last day a request is still in time for a claim that runs from `from` (for us, the invoice date: the earliest
 * it can have fallen due), by the short limitation unless said otherwise.
 */
export function limitationEnd(from: IsoDate, years = SHORT_LIMITATION_YEARS): IsoDate {
  return sameDayYearsOn(from, years);
}

/** Whether the short limitation has run out by `today`: only once its last day has passed unused (art. 132 para. 1 OR). */
export function mayBeTimeBarred(invoiceDate: IsoDate, today: IsoDate): boolean {
  return today > limitationEnd(invoiceDate);
}
