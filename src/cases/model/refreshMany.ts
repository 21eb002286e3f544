// Refreshing the status of many filed cases: a few requests at a time, all of them holding back while tilbago
// says it is busy (429/503, for as long as its Retry-After asks), and stopping cleanly when cancelled. Each case
// is refreshed by refreshCaseStatus, which writes its record whole or not at all. Returns counts and folders; the
// sentences are made where they are shown.
import { delay, forEachWithLimit, Slots } from '../../shared/concurrency';
import { MAX_RETRY_AFTER_MS, type ApiError, type ApiResult, type CaseStatus } from '../../tilbago/client';
import type { LockBusy } from './caseLock';
import type { RecordProblem } from './record';
import { refreshCaseStatus } from './submission';

/**
 * Requests in flight at once for a refresh: 1,000 cases in a few seconds when each answer takes 50 ms, and never
 * more connections than a browser opens to one host.
 */
export const REFRESH_CONCURRENCY = 8;

/** Why a case's status was not recorded. */
export type RefreshFailure =
  /** tilbago answered with an error, or could not be reached. */
  | { readonly kind: 'tilbago'; readonly error: ApiError }
  /** Another command (a submission) held the case folder's lock for longer than the refresh waits. */
  | { readonly kind: 'locked'; readonly lock: LockBusy }
  | { readonly kind: 'recordBroken'; readonly reason: RecordProblem }
  /** The record no longer names the case id it had (set aside meanwhile). */
  | { readonly kind: 'notFiled' }
  /** The disk refused a read or a write. */
  | { readonly kind: 'fileError'; readonly message: string };

export interface RefreshSummary {
  readonly total: number;
  /** Cases whose status was asked and recorded. */
  readonly updated: number;
  /** Of those, the cases whose status differs from the one recorded before (or that had none). */
  readonly changed: number;
  readonly failed: readonly { readonly folder: string; readonly error: RefreshFailure }[];
  /** Asked, but tilbago was still busy after the retries (or the run was cancelled while waiting to ask again). */
  readonly busy: readonly string[];
  /** Never asked: the run was cancelled, or stopped because tilbago stayed busy. */
  readonly notAsked: readonly string[];
  readonly cancelled: boolean;
  /** How many busy answers (429/503) the run met, each waited out. */
  readonly busyAnswers: number;
}

export interface RefreshOptions {
  /**
   * At most this many requests in flight. Twice as many cases are worked on at once, so that the records of the
   * answered ones are written while the next requests are out.
   */
  readonly limit: number;
  /** Once aborted, no new request goes out; those already sent are answered and recorded. */
  readonly signal?: AbortSignal;
  /** After each case that is finished with (recorded, failed, or given up as busy). */
  readonly progress?: (done: number, total: number) => void;
  /** tilbago said busy: every request waits `ms` from now. */
  readonly waiting?: (ms: number) => void;
  readonly now?: () => Date;
  /** How many times a case is asked again after a busy answer; when it is still busy, the run stops. Default 3. */
  readonly busyRetries?: number;
  /**
   * The wait after a busy answer without a Retry-After that asks for one (none, 0, a date past, unreadable),
   * doubled at each retry of the same case, at most `MAX_RETRY_AFTER_MS`. Default 2 s.
   */
  readonly busyWaitMs?: number;
}

export async function refreshMany(
  folders: readonly string[],
  client: { caseStatus(caseId: string): Promise<ApiResult<CaseStatus>> },
  options: RefreshOptions,
): Promise<RefreshSummary> {
  const { signal, busyRetries = 3, busyWaitMs = 2000, now = () => new Date() } = options;
  // Stopped by the caller, or by the run itself when tilbago stays busy.
  const stop = new AbortController();
  const run = signal ? AbortSignal.any([signal, stop.signal]) : stop.signal;
  /** No request goes out before this time (ms since the epoch): tilbago asked everyone to wait. */
  let pausedUntil = 0;
  let done = 0;
  let updated = 0;
  let changed = 0;
  let busyAnswers = 0;
  const failed: { folder: string; error: RefreshFailure }[] = [];
  const busy: string[] = [];
  const notAsked: string[] = [];
  const finished = () => options.progress?.(++done, folders.length);

  /** tilbago said busy: no request goes out for `ms` from now. */
  const holdBack = (ms: number) => {
    if (Date.now() + ms <= pausedUntil) return;
    pausedUntil = Date.now() + ms;
    options.waiting?.(ms);
  };
  // The client as the cases see it: a request goes out only once tilbago's wait is over and one of `limit` slots
  // is free, and its slot is free again as soon as the answer is in (before the record is written). A busy answer
  // holds everyone back before its slot is given to the next request. `attempt`: how often this case was busy.
  const slots = new Slots(options.limit);
  const gated = (attempt: number) => ({
    async caseStatus(caseId: string): Promise<ApiResult<CaseStatus>> {
      for (;;) {
        while (Date.now() < pausedUntil && !run.aborted) await delay(pausedUntil - Date.now(), run);
        if (!(await slots.take(run))) throw new NotAsked();
        if (run.aborted) {
          slots.release();
          throw new NotAsked();
        }
        // tilbago may have asked to wait while this one waited for its turn.
        if (Date.now() >= pausedUntil) break;
        slots.release();
      }
      try {
        const answer = await client.caseStatus(caseId);
        if (!answer.ok && answer.error.kind === 'busy') {
          busyAnswers++;
          holdBack(answer.error.retryAfterMs ?? Math.min(busyWaitMs * 2 ** attempt, MAX_RETRY_AFTER_MS));
        }
        return answer;
      } finally {
        slots.release();
      }
    },
  });

  const started = await forEachWithLimit(
    folders,
    2 * options.limit,
    async (folder) => {
      for (let attempt = 0; ; attempt++) {
        let outcome: Awaited<ReturnType<typeof refreshCaseStatus>>;
        try {
          outcome = await refreshCaseStatus(folder, gated(attempt), now());
        } catch (error) {
          if (error instanceof NotAsked) {
            // Cancelled, or stopped, before this case's request went out: its record was not touched.
            if (attempt === 0) notAsked.push(folder);
            else {
              busy.push(folder);
              finished();
            }
            return;
          }
          failed.push({ folder, error: { kind: 'fileError', message: (error as Error)?.message ?? String(error) } });
          return finished();
        }
        if (outcome.kind === 'failed' && outcome.error.kind === 'busy') {
          if (attempt < busyRetries) continue;
          // Still busy after waiting as long as tilbago asked, again and again: asking for the other cases now
          // would only add to its load.
          busy.push(folder);
          stop.abort();
          return finished();
        }
        if (outcome.kind === 'updated') {
          updated++;
          if (outcome.changed) changed++;
        } else if (outcome.kind === 'failed') failed.push({ folder, error: { kind: 'tilbago', error: outcome.error } });
        else if (outcome.kind === 'busy') failed.push({ folder, error: { kind: 'locked', lock: outcome } });
        else if (outcome.kind === 'recordBroken') failed.push({ folder, error: { kind: 'recordBroken', reason: outcome.reason } });
        else failed.push({ folder, error: { kind: 'notFiled' } });
        return finished();
      }
    },
    run,
  );
  notAsked.push(...folders.slice(started));
  const order = new Map(folders.map((folder, index) => [folder, index]));
  const byOrder = (a: string, b: string) => (order.get(a) ?? 0) - (order.get(b) ?? 0);
  return {
    total: folders.length,
    updated,
    changed,
    failed: failed.sort((a, b) => byOrder(a.folder, b.folder)),
    busy: busy.sort(byOrder),
    notAsked: notAsked.sort(byOrder),
    cancelled: signal?.aborted === true && (notAsked.length > 0 || busy.length > 0),
    busyAnswers,
  };
}

/** Thrown by the gated client when the run stopped before the request went out. */
class NotAsked extends Error {}
