// A run of "Submit all": case after case by the never-twice rules, a few at a time, and how each ended, counted
// for this run only. Returns codes; the sentences are made where the summary is shown.
import { forEachWithLimit } from '../../shared/concurrency';
import type { ApiError } from '../../tilbago/client';
import type { SubmitOutcome } from './submission';

/** Why a run stopped before its end: a refusal that concerns every case of the account, not the one asked. */
export type RunStop = 'keyRefused' | 'balanceInsufficient' | 'noRights';

/** Whether this outcome stops the run, and why: the next cases would be refused the same way. */
export function runStopOf(outcome: SubmitOutcome): RunStop | undefined {
  if (outcome.kind !== 'notCreated' && outcome.kind !== 'refused') return undefined;
  switch (outcome.error.kind) {
    case 'unauthorized':
    case 'invalidKey':
      return 'keyRefused';
    case 'insufficientBalance':
      return 'balanceInsufficient';
    case 'unexpected':
      return outcome.error.status === 403 ? 'noRights' : undefined;
    default:
      return undefined;
  }
}

export interface RunCase {
  readonly folder: string;
  readonly name: string;
}

export interface RunResult {
  /** Filed by this run. */
  readonly filed: readonly string[];
  /** Found filed already (by an earlier run, or one beside this one): nothing sent. */
  readonly alreadyFiled: readonly string[];
  /** Held by another run or window at that moment: skipped, nothing sent. */
  readonly busy: readonly string[];
  readonly refused: readonly { readonly name: string; readonly error?: ApiError }[];
  readonly uncertain: readonly string[];
  readonly other: readonly { readonly name: string; readonly kind: SubmitOutcome['kind'] }[];
  /** Never touched: cancelled, or the run stopped first. */
  readonly notStarted: number;
  readonly stopped?: RunStop;
}

interface Tally {
  filed: string[];
  alreadyFiled: string[];
  busy: string[];
  refused: { name: string; error?: ApiError }[];
  uncertain: string[];
  other: { name: string; kind: SubmitOutcome['kind'] }[];
}

export async function submitRun(
  cases: readonly RunCase[],
  submit: (folder: string) => Promise<SubmitOutcome>,
  options: { readonly limit: number; readonly signal?: AbortSignal; readonly ended?: (item: RunCase, outcome: SubmitOutcome) => void },
): Promise<RunResult> {
  const tally: Tally = { filed: [], alreadyFiled: [], busy: [], refused: [], uncertain: [], other: [] };
  const stop = new AbortController();
  if (options.signal?.aborted) stop.abort();
  options.signal?.addEventListener('abort', () => stop.abort(), { once: true });
  let stopped: RunStop | undefined;
  const started = await forEachWithLimit(
    cases,
    options.limit,
    async (item) => {
      const outcome = await submit(item.folder);
      const why = runStopOf(outcome);
      if (why) {
        stopped ??= why;
        stop.abort();
      }
      note(tally, item.name, outcome);
      options.ended?.(item, outcome);
    },
    stop.signal,
  );
  return { ...tally, notStarted: cases.length - started, ...(stopped ? { stopped } : {}) };
}

function note(tally: Tally, name: string, outcome: SubmitOutcome): void {
  switch (outcome.kind) {
    case 'complete':
      tally.filed.push(name);
      return;
    // Filed before this run came to it (another run beside it, or an earlier one): not this run's.
    case 'alreadyComplete':
      tally.alreadyFiled.push(name);
      return;
    case 'busy':
      tally.busy.push(name);
      return;
    case 'refused':
    case 'stillRefused': {
      const error = outcome.kind === 'refused' ? outcome.error : outcome.record.lastError?.error;
      tally.refused.push(error ? { name, error } : { name });
      return;
    }
    case 'uncertain':
    case 'duplicate':
    case 'attachmentsFailed':
      tally.uncertain.push(name);
      return;
    default:
      tally.other.push({ name, kind: outcome.kind });
  }
}
