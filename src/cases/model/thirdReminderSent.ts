// Recording in `reminders.json` the day the 3rd reminder went out: the one transition the Rappel 3 delays exist
// for (the delay before litigation runs from it). One edit of the file as written: its comments, order and
// indentation stay; a date already there is replaced only when the caller says so.
import * as path from 'node:path';
import { applyEdits, findNodeAtLocation, type FormattingOptions, modify, parseTree } from 'jsonc-parser';
import { isIsoDate, type IsoDate } from '../../shared/dates';
import { withCaseLock, type LockBusy } from './caseLock';
import { readCaseFolderText, type FileReadProblem } from './caseFolderRead';
import { REMINDERS_FILE } from './files';
import { removeLeftoverTemporaries, writeTextAtomic } from '../../shared/jsonFile';
import { parseReminders, type RemindersProblem } from './remindersFile';

export type ThirdReminderEdit =
  | { readonly kind: 'edited'; readonly text: string }
  /** The same day is recorded already: nothing to write. */
  | { readonly kind: 'unchanged' }
  /** Another day is recorded; replaced only with `replace`. */
  | { readonly kind: 'recordedAlready'; readonly date: IsoDate }
  /** The 3rd reminder cannot come before the 2nd (or without one). */
  | { readonly kind: 'beforeSecond'; readonly second?: IsoDate }
  | { readonly kind: 'invalid'; readonly problems: readonly RemindersProblem[] };

/** `reminders.json`'s text with `reminders.third` set to `date`, changed nowhere else. */
export function withThirdReminder(text: string, date: IsoDate, replace = false): ThirdReminderEdit {
  if (!isIsoDate(date)) throw new RangeError(`not a date: ${date}`);
  const checked = parseReminders(text);
  if (!checked.ok) return { kind: 'invalid', problems: checked.problems };
  const { second, third } = checked.facts.reminders;
  if (third === date) return { kind: 'unchanged' };
  if (third !== undefined && !replace) return { kind: 'recordedAlready', date: third };
  if (second === undefined || date < second) return { kind: 'beforeSecond', ...(second ? { second } : {}) };
  return { kind: 'edited', text: setThird(text, date) };
}

/** The edit itself: the value replaced where there is one; else a property added in the object's own layout. */
function setThird(text: string, date: IsoDate): string {
  const reminders = findNodeAtLocation(parseTree(text)!, ['reminders'])!;
  const value = JSON.stringify(date);
  const existing = findNodeAtLocation(reminders, ['third']);
  if (existing) return `${text.slice(0, existing.offset)}${value}${text.slice(existing.offset + existing.length)}`;
  const written = text.slice(reminders.offset, reminders.offset + reminders.length);
  if (!/[\r\n]/.test(written)) {
    // `{ "first": …, "second": … }` on one line stays on one line; jsonc-parser would spread it over several.
    const last = reminders.children!.at(-1)!;
    const end = last.offset + last.length;
    return `${text.slice(0, end)}, "third": ${value}${text.slice(end)}`;
  }
  return applyEdits(text, modify(text, ['reminders', 'third'], date, { formattingOptions: formattingOf(text) }));
}

/** The file's own indentation and line ends, so an added line looks like its neighbours. */
function formattingOf(text: string): FormattingOptions {
  const indent = /^([ \t]+)\S/m.exec(text)?.[1] ?? '  ';
  return {
    insertSpaces: !indent.startsWith('\t'),
    tabSize: indent.startsWith('\t') ? 1 : indent.length,
    eol: text.includes('\r\n') ? '\r\n' : '\n',
  };
}

export type RecordSentOutcome =
  | { readonly kind: 'recorded' }
  | Exclude<ThirdReminderEdit, { kind: 'edited' | 'invalid' }>
  | { readonly kind: 'invalid'; readonly problems: readonly RemindersProblem[] }
  | { readonly kind: 'noReminders' }
  /**
   * reminders.json cannot be read: a link (the extension writes only a case's own plain files, never through a
   * link), a FIFO, too large, not UTF-8…
   */
  | ({ readonly kind: 'unreadable' } & FileReadProblem)
  | LockBusy;

/** Records in the case folder's `reminders.json` that the 3rd reminder went out on `date`, under the case's lock. */
export async function recordThirdReminderSent(folder: string, date: IsoDate, replace = false): Promise<RecordSentOutcome> {
  const file = path.join(folder, REMINDERS_FILE);
  const done = await withCaseLock(folder, 'record', async (lock): Promise<RecordSentOutcome> => {
    const read = await readCaseFolderText(folder, REMINDERS_FILE, false);
    if ('missing' in read) return { kind: 'noReminders' };
    if ('problem' in read) return { kind: 'unreadable', file: REMINDERS_FILE, problem: read.problem };
    const edit = withThirdReminder(read.text, date, replace);
    if (edit.kind !== 'edited') return edit;
    // Under the lock no other write of this file runs: a temporary found now is a crashed one's.
    await removeLeftoverTemporaries(file);
    await writeTextAtomic(file, edit.text, { beforeRename: () => lock.assertHeld() });
    return { kind: 'recorded' };
  });
  return done.kind === 'busy' ? done : done.value;
}
