// One submission, status refresh or case-id entry in a process of its own, for the crash and concurrency tests
// (test/unit/crashAndConcurrency.test.ts). Started with `fork`, it gets its task over IPC, tells the parent each
// checkpoint of the submission and, at the one the parent chose, waits there to be killed. Each confirmation is
// reported, and acknowledged by the parent, before it is answered: what a killed process confirmed is still known.
import type { LockOptions } from '../../src/cases/model/caseLock';
import { recordCaseId, refreshCaseStatus, submitCaseFolder, type SubmitHooks } from '../../src/cases/model/submission';
import { TilbagoClient } from '../../src/tilbago/client';

export type Operation =
  | { readonly kind: 'submit' }
  | { readonly kind: 'refresh' }
  | { readonly kind: 'enterCaseId'; readonly caseId: string };

export type CheckpointStep = Parameters<NonNullable<SubmitHooks['checkpoint']>>[0];

export interface ChildTask {
  readonly folder: string;
  readonly baseUrl: string;
  readonly apiKey: string;
  readonly timeoutMs: number;
  readonly operation: Operation;
  /** What the user answers when asked to file the case, and to send uncertain attachments again. */
  readonly confirmFiling: boolean;
  readonly confirmResend: boolean;
  /** The checkpoint (a running index from 0) at which to stop and wait to be killed. */
  readonly stopAt?: number;
  /** The checkpoint at which to wait for a `continue` (the parent suspends the process meanwhile). */
  readonly pauseAt?: number;
  /** How the case lock is judged (short times, so that a test need not wait 15 minutes). */
  readonly lock?: LockOptions;
  /** This process's clock runs this far ahead (or behind, negative) of the real time. */
  readonly clockSkewMs?: number;
  /** This process is on another computer of this name. */
  readonly host?: string;
}

export type Confirmation =
  | { readonly kind: 'filing'; readonly earlierAttempt?: 'sending' | 'uncertain'; readonly answer: boolean }
  | { readonly kind: 'resend'; readonly files: readonly string[]; readonly answer: boolean };

export type ToChild = { readonly type: 'task'; readonly task: ChildTask } | { readonly type: 'ack' } | { readonly type: 'continue' };

export type FromChild =
  | { readonly type: 'ready' }
  | {
      readonly type: 'checkpoint';
      readonly step: CheckpointStep;
      readonly index: number;
      readonly stopped: boolean;
      readonly paused?: true;
    }
  /** Waits for an `ack` before the answer is given. */
  | { readonly type: 'confirm'; readonly confirmation: Confirmation }
  | { readonly type: 'done'; readonly outcome: string; readonly lockRecovered: boolean }
  | { readonly type: 'failed'; readonly error: string };

const send = (message: FromChild) =>
  new Promise<void>((resolve, reject) => process.send!(message, (error: Error | null) => (error ? reject(error) : resolve())));

const acks: (() => void)[] = [];
let continued: (() => void) | undefined;
let lockRecovered = false;
/** Tells the parent what the user was asked and answered; answers once the parent has it. */
async function confirm(confirmation: Confirmation): Promise<boolean> {
  const acknowledged = new Promise<void>((resolve) => acks.push(resolve));
  await send({ type: 'confirm', confirmation });
  await acknowledged;
  return confirmation.answer;
}

/** Every `Date` of this process, `skewMs` off the real time: a computer whose clock is wrong. */
function skewClock(skewMs: number): void {
  const RealDate = Date;
  class SkewedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + skewMs);
      else super(...(args as [string]));
    }
    static override now(): number {
      return RealDate.now() + skewMs;
    }
  }
  globalThis.Date = SkewedDate as DateConstructor;
}

async function run(task: ChildTask): Promise<string> {
  if (task.clockSkewMs) skewClock(task.clockSkewMs);
  // The lock asks `os.hostname()` each time: this process then passes for another computer's.
  if (task.host) (require('node:os') as typeof import('node:os')).hostname = () => task.host!;
  const client = new TilbagoClient({ baseUrl: task.baseUrl, apiKey: task.apiKey, timeoutMs: task.timeoutMs });
  const now = new Date();
  switch (task.operation.kind) {
    case 'refresh':
      return (await refreshCaseStatus(task.folder, client, now)).kind;
    case 'enterCaseId':
      return (await recordCaseId(task.folder, task.operation.caseId, now, new Map())).kind;
    case 'submit': {
      let index = 0;
      const outcome = await submitCaseFolder(task.folder, {
        client,
        now: () => new Date(),
        ...(task.lock ? { lock: task.lock } : {}),
        confirmFiling: (summary) =>
          confirm({
            kind: 'filing',
            ...(summary.earlierAttempt ? { earlierAttempt: summary.earlierAttempt.state } : {}),
            answer: task.confirmFiling,
          }),
        confirmAttachmentResend: (list) => confirm({ kind: 'resend', files: list.map((a) => a.file), answer: task.confirmResend }),
        lockRecovered: () => void (lockRecovered = true),
        checkpoint: async (step) => {
          const stopped = index === task.stopAt;
          const paused = index === task.pauseAt;
          const resumed = paused ? new Promise<void>((resolve) => (continued = resolve)) : undefined;
          await send({ type: 'checkpoint', step, index: index++, stopped, ...(paused ? { paused: true as const } : {}) });
          // The parent kills this process here; the IPC channel keeps it alive until then.
          if (stopped) await new Promise<never>(() => undefined);
          await resumed;
        },
      });
      // A lock lost while this process was suspended, told apart from a lock held by another from the start.
      return outcome.kind === 'busy' && (outcome as { state?: string }).state === 'lost' ? 'lost' : outcome.kind;
    }
  }
}

process.on('message', (message: ToChild) => {
  if (message.type === 'ack') return acks.shift()?.();
  if (message.type === 'continue') return continued?.();
  run(message.task).then(
    async (outcome) => {
      await send({ type: 'done', outcome, lockRecovered });
      process.exit(0);
    },
    async (error: unknown) => {
      await send({ type: 'failed', error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      process.exit(1);
    },
  );
});
// fetch loads its HTTP client on first use (~100 ms): done before saying ready, so the parent's start offsets hold.
void fetch('data:,')
  .then((answer) => answer.text())
  .then(() => send({ type: 'ready' }));
