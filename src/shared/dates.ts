// Calendar dates as ISO strings (`yyyy-mm-dd`), the form tilbago and JSON use. Computed in UTC, so a day is
// always 24 hours and no time zone shifts a date.

export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real calendar date in `yyyy-mm-dd` form (2026-02-30 is not). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  // By arithmetic, not through a Date: it is asked for every date of every case the view lists.
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return year >= 100 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** The Swiss form, `dd.mm.yyyy`. */
export function formatSwissDate(date: IsoDate): string {
  const [year, month, day] = date.split('-');
  return `${day}.${month}.${year}`;
}

/** Today in the local time zone, as the user's calendar shows it. */
export function today(now = new Date()): IsoDate {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A date as a Swiss user types it: `dd.mm.yyyy`, `d.m.yy` (20yy) or `yyyy-mm-dd`; undefined when it is none. */
export function readSwissDate(text: string): IsoDate | undefined {
  const part = text.trim();
  const swiss = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(part);
  const iso = swiss
    ? `${swiss[3]!.length === 2 ? `20${swiss[3]}` : swiss[3]}-${swiss[2]!.padStart(2, '0')}-${swiss[1]!.padStart(2, '0')}`
    : part;
  return isIsoDate(iso) ? iso : undefined;
}
