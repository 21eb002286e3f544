// The 3rd reminders of many cases in one run: each case's PDF written into the case, and every letter drawn into
// one print PDF as it goes (streamed to its file, so memory stays bounded whatever the count). A case that fails
// is noted and the run goes on; a cancel stops before the next case. No `vscode`: the bench runs it as it is.
import { openLettersPdf, type ReminderLetterPdfInput, reminderLetterPdf } from '../../reminders/letterPdf';

export interface LetterRunHooks<C> {
  /** The case's letter, checked whole; a throw is the case's problem, and the run goes on. */
  prepare(item: C): Promise<{ readonly input: ReminderLetterPdfInput; readonly fileName: string }>;
  /** Writes the case's own PDF; resolves to the name it got. A throw is the case's problem. */
  write(item: C, fileName: string, bytes: Uint8Array): Promise<string>;
  /** After each case, made or failed. */
  progress?(done: number, item: C): void;
  readonly signal?: AbortSignal;
}

export interface LetterRunOutcome<C> {
  /** In the order of the print PDF. */
  readonly made: readonly { readonly item: C; readonly file: string }[];
  readonly failed: readonly { readonly item: C; readonly error: unknown }[];
  /** Cases not started because the run was cancelled. */
  readonly notStarted: number;
}

/** One case after the other, in the order given (the print PDF's order); the print PDF is written to `printFile`. */
export async function makeLetterRun<C>(items: readonly C[], printFile: string, hooks: LetterRunHooks<C>): Promise<LetterRunOutcome<C>> {
  const made: { item: C; file: string }[] = [];
  const failed: { item: C; error: unknown }[] = [];
  const print = openLettersPdf(printFile);
  let done = 0;
  try {
    for (const item of items) {
      if (hooks.signal?.aborted) break;
      try {
        const { input, fileName } = await hooks.prepare(item);
        const file = await hooks.write(item, fileName, await reminderLetterPdf(input));
        await print.add(input);
        made.push({ item, file });
      } catch (error) {
        failed.push({ item, error });
      }
      done++;
      hooks.progress?.(done, item);
    }
  } finally {
    await print.close();
  }
  return { made, failed, notStarted: items.length - done };
}
