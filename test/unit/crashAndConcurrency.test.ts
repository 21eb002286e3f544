// Crash and concurrency: a debt-collection request is never filed twice, whatever moment the process dies at and
// whoever else works on the case folder at the same time. Each submission runs in a child process
// (test/crash/child.ts) against the fake tilbago; it is killed at every checkpoint of submitCaseFolder and while
// each of its requests is held at the server, then resumed the way a user would. After every run the record and
// the fake are held to the invariants (`Scenario.check`).
import * as assert from 'node:assert/strict';
import { fork, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { LOCK_FILE } from '../../src/cases/model/files';
import { isBroken, readRecord, type RecordRead } from '../../src/cases/model/record';
import { recordCaseId, submitCaseFolder } from '../../src/cases/model/submission';
import { TilbagoClient } from '../../src/tilbago/client';
import type { ChildTask, Confirmation, FromChild, Operation, ToChild } from '../crash/child';
import { startFakeTilbago, type FakeTilbago, type Fault } from '../fake-tilbago/server.mjs';
import { validCase, writeCaseFolder } from '../fixtures/cases';

const CHILD = path.join(__dirname, '..', 'crash', 'child.js');
const REF = validCase().externalRef;
const ATTACHMENTS: Readonly<Record<string, string>> = {
  'a-facture.pdf': '%PDF invoice',
  'b-rappel-1.pdf': '%PDF first reminder',
  'c-rappel-3.pdf': '%PDF third reminder',
};
/** The interleavings are drawn from this seed (set TILBAGO_CRASH_SEED to try others); printed with the counts. */
const SEED = Number(process.env.TILBAGO_CRASH_SEED ?? 20_261_127);
/** A child that neither ends nor reaches its kill point in this time is stuck. */
const CHILD_TIMEOUT_MS = 20_000;
/** A user who resumes after a crash gets the case complete in a few submissions; more means something loops. */
const MAX_RESUMES = 6;
/** Kill points run three at a time, each with its own folder and fake: on two cores, some wait on disk or network. */
const PARALLEL = 3;
const WARM_CHILDREN = PARALLEL;
const SUBMIT: Operation = { kind: 'submit' };

interface Policy {
  readonly name: string;
  readonly faults: readonly Fault[];
  readonly timeoutMs?: number;
}

const PUT_CASE = { method: 'PUT', path: /^case$/ };
const PUT_ATTACHMENT = { method: 'PUT', path: /attachment$/ };
/** How tilbago answers; each fault hits the first matching request of a scenario, whichever run sends it. */
const POLICIES: readonly Policy[] = [
  { name: 'all accepted', faults: [] },
  { name: '402 on the case', faults: [{ ...PUT_CASE, kind: 'answer', status: 402, body: { message: 'Insufficient account balance' } }] },
  {
    name: '400 refusal of the case',
    faults: [{ ...PUT_CASE, kind: 'answer', status: 400, body: { message: 'debtor.address.zip is invalid' } }],
  },
  { name: '500 on the case', faults: [{ ...PUT_CASE, kind: 'error500' }] },
  { name: 'case stored, its answer lost', faults: [{ ...PUT_CASE, kind: 'storeThenReset' }] },
  { name: '500 on an attachment', faults: [{ ...PUT_ATTACHMENT, kind: 'error500' }] },
  { name: 'attachment stored, its answer lost', faults: [{ ...PUT_ATTACHMENT, kind: 'storeThenReset' }] },
  // A short time-out keeps the suite fast; the fake on 127.0.0.1 answers every other request well within it.
  { name: 'attachment answered too late', faults: [{ ...PUT_ATTACHMENT, kind: 'storeThenDelay', ms: 900 }], timeoutMs: 600 },
];

/** Where a run is killed: at a checkpoint (its running index), or while the server holds its n-th request. */
type Kill = { readonly checkpoint: number } | { readonly request: number };

interface Run {
  /** How the operation ended; undefined when the child was killed. */
  outcome?: string;
  killedAt?: string;
  lockRecovered?: boolean;
  checkpoints: number;
}

interface Child {
  /** `extra`: what this child is besides the scenario's children (paused somewhere, another computer, …). */
  start(operation: Operation, stopAt?: number, extra?: Partial<ChildTask>): void;
  kill(where: string): void;
  /** Stops the process as a closed laptop lid does (SIGSTOP: no timer, no heartbeat), and lets it go on. */
  suspend(): void;
  wake(): void;
  /** Resolved when the child reaches its `pauseAt` checkpoint and waits there. */
  readonly paused: Promise<void>;
  readonly exited: Promise<void>;
  /** The run, once the process has ended; rejected when it failed, got stuck, or ended without an outcome. */
  readonly result: Promise<Run>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** `a 2, b 1`: how often each item occurs, in order of first occurrence. */
function tally(items: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts].map(([item, n]) => `${item} ${n}`).join(', ');
}

/** A small seeded generator (mulberry32): the same seed draws the same offsets and delays. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface Forked {
  readonly child: ChildProcess;
  readonly exited: Promise<void>;
  stderr(): string;
}

/** A child process, once it has said it is ready for its task. */
function forkChild(): Promise<Forked> {
  const child = fork(CHILD, [], { execPath: process.execPath, stdio: ['ignore', 'ignore', 'pipe', 'ipc'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const forked: Forked = { child, exited: new Promise((resolve) => child.once('exit', () => resolve())), stderr: () => stderr };
  const ready = new Promise<Forked>((resolve, reject) => {
    child.once('message', () => resolve(forked)); // its first message is `ready`
    void forked.exited.then(() => reject(new Error(`the child ended before it was ready: ${stderr}`)));
  });
  ready.catch(() => undefined); // reported when taken, not as an unhandled rejection while it waits
  return ready;
}

/** Children forked ahead of need: starting node takes longer than most runs, so the next ones start while these work. */
const warm = {
  waiting: [] as Promise<Forked>[],
  take(): Promise<Forked> {
    while (this.waiting.length <= WARM_CHILDREN) this.waiting.push(forkChild());
    return this.waiting.shift()!;
  },
  async close(): Promise<void> {
    const left = await Promise.allSettled(this.waiting.splice(0));
    for (const forked of left) if (forked.status === 'fulfilled') forked.value.child.kill();
  },
};

/** One case folder and one fake tilbago, and what the children working on them were asked and answered. */
class Scenario {
  readonly confirmations: Confirmation[] = [];
  /** Filings confirmed while tilbago already had the case, without a word of the earlier attempt. */
  unwarnedFilings = 0;
  processes = 0;
  /** What every child this scenario starts is given besides its operation (the lock's times, a clock skew). */
  childOptions: Partial<ChildTask> = {};
  /** What happened to the case, run by run, for a failure's message. */
  private readonly history: string[] = [];
  private corrections = 0;

  private constructor(
    readonly fake: FakeTilbago,
    readonly folder: string,
    private readonly timeoutMs: number,
  ) {}

  static async start(policy: Policy = POLICIES[0]!): Promise<Scenario> {
    const fake = await startFakeTilbago();
    for (const fault of policy.faults) fake.inject(fault);
    const folder = await writeCaseFolder(await fs.mkdtemp(path.join(os.tmpdir(), 'tilbago-crash-')), validCase(), ATTACHMENTS);
    return new Scenario(fake, folder, policy.timeoutMs ?? 5000);
  }

  async dispose(): Promise<void> {
    await this.fake.stop();
    await fs.rm(this.folder, { recursive: true, force: true });
  }

  /** A child process, ready for its task. */
  async spawn(): Promise<Child> {
    this.processes++;
    const { child, exited, stderr } = await warm.take();
    const run: Run = { checkpoints: 0 };
    let error: string | undefined;
    const send = (message: ToChild) => child.connected && child.send(message, () => undefined);
    const kill = (where: string) => {
      run.killedAt ??= where;
      child.kill('SIGKILL');
    };
    let stuck: NodeJS.Timeout | undefined;
    let reachedPause!: () => void;
    const paused = new Promise<void>((resolve) => (reachedPause = resolve));
    child.on('message', (message: FromChild) => {
      switch (message.type) {
        case 'checkpoint':
          run.checkpoints++;
          if (message.paused) reachedPause();
          return message.stopped ? kill(`checkpoint ${message.index} (${message.step})`) : undefined;
        case 'confirm':
          this.note(message.confirmation);
          return void send({ type: 'ack' });
        case 'done':
          run.outcome = message.outcome;
          run.lockRecovered = message.lockRecovered;
          return;
        case 'failed':
          error = message.error;
          return;
      }
    });
    const result = exited.then(() => {
      clearTimeout(stuck);
      if (run.outcome === undefined && run.killedAt === undefined) error ??= `ended without an outcome: ${stderr()}`;
      this.history.push(run.killedAt ? `killed at ${run.killedAt}` : (run.outcome ?? 'failed'));
      if (error) throw new Error(`the child failed: ${error}`);
      return run;
    });
    const task = (operation: Operation, stopAt?: number, extra: Partial<ChildTask> = {}): ChildTask => ({
      ...this.childOptions,
      ...extra,
      folder: this.folder,
      baseUrl: this.fake.url,
      apiKey: this.fake.validKeys[0]!,
      timeoutMs: this.timeoutMs,
      operation,
      // The user confirms everything: the invariants must hold even so.
      confirmFiling: true,
      confirmResend: true,
      ...(stopAt !== undefined ? { stopAt } : {}),
    });
    const watchForStuck = () => {
      stuck = setTimeout(() => ((error = `stuck for ${CHILD_TIMEOUT_MS / 1000} s`), kill('stuck')), CHILD_TIMEOUT_MS);
    };
    const start = (operation: Operation, stopAt?: number, extra?: Partial<ChildTask>) => {
      watchForStuck();
      send({ type: 'task', task: task(operation, stopAt, extra) });
    };
    // Asleep is not stuck: the time limit starts again when the process wakes up.
    const suspend = () => {
      clearTimeout(stuck);
      child.kill('SIGSTOP');
    };
    const wake = () => {
      child.kill('SIGCONT');
      send({ type: 'continue' });
      watchForStuck();
    };
    return { start, kill, suspend, wake, paused, exited, result };
  }

  /** Runs one child to its end, or kills it where `kill` says. */
  async run(operation: Operation = SUBMIT, kill?: Kill): Promise<Run> {
    const child = await this.spawn();
    let arrivals = 0;
    // The request is held at the server until the client is dead; then the server goes on with it.
    const stopListening =
      kill && 'request' in kill
        ? this.fake.onRequest(async (request) => {
            if (arrivals++ !== kill.request) return;
            child.kill(`request ${kill.request} (${request.method} ${request.path}) held at tilbago`);
            await child.exited;
          })
        : undefined;
    child.start(operation, kill && 'checkpoint' in kill ? kill.checkpoint : undefined);
    const run = await child.result;
    stopListening?.();
    await this.fake.idle();
    if (kill) assert.ok(run.killedAt, `never reached ${describeKill(kill)}; ended ${run.outcome}`);
    return run;
  }

  private note(confirmation: Confirmation): void {
    // Asked under the case lock: only this child can change what tilbago holds for the case until it is answered.
    if (confirmation.kind === 'filing' && confirmation.answer && !confirmation.earlierAttempt && this.fake.casesWithRef(REF).length > 0)
      this.unwarnedFilings++;
    this.confirmations.push(confirmation);
  }

  /** Submits until the case is complete, doing what a user does on each outcome; returns the runs. */
  async resume(): Promise<Run[]> {
    const runs: Run[] = [];
    const outcomes: string[] = [];
    while (runs.length < MAX_RESUMES) {
      const run = await this.run();
      runs.push(run);
      outcomes.push(run.outcome!);
      await this.check(true);
      switch (run.outcome) {
        case 'complete':
        case 'alreadyComplete':
          return runs;
        case 'duplicate': {
          // The user looks the case up in their tilbago account and enters its id.
          const caseId = this.fake.casesWithRef(REF)[0]?.id;
          assert.ok(caseId, 'duplicate, but tilbago has no case with this reference');
          assert.equal((await recordCaseId(this.folder, caseId, new Date(), new Map())).kind, 'recorded');
          this.history.push(`case id ${caseId} entered`);
          await this.check(true);
          break;
        }
        case 'refused':
        case 'stillRefused':
          // The user corrects case.json (the reference stays).
          await fs.writeFile(
            path.join(this.folder, 'case.json'),
            JSON.stringify({ ...validCase(), payeeReference: `corrected ${++this.corrections}` }, null, 2),
          );
          this.history.push('case.json corrected');
          break;
        case 'notCreated':
        case 'uncertain':
        case 'attachmentsFailed':
          break; // submitted again
        default:
          assert.fail(`${run.outcome} while resuming (${outcomes.join(', ')})`);
      }
    }
    assert.fail(`not complete after ${MAX_RESUMES} submissions: ${outcomes.join(', ')}`);
  }

  /**
   * The invariants, at any moment no one works on the folder. `cleanEnd`: every process that worked on it ended on
   * its own, so none left its lock.
   */
  async check(cleanEnd: boolean): Promise<void> {
    const record = await readRecord(this.folder);
    assert.ok(!isBroken(record), `submission.json is whole: ${isBroken(record) && record.broken}`);
    const filed = this.fake.casesWithRef(REF);
    const stored = this.fake.allAttachments();

    // The case is filed at most once; a case request for a reference tilbago has went out only after the user was
    // told an earlier attempt may have filed it.
    assert.equal(filed.length, this.fake.cases.size, 'no case under another reference');
    assert.ok(filed.length <= 1, `${filed.length} cases at tilbago`);
    const refiled = this.fake.requests.filter((r) => r.method === 'PUT' && r.path === 'case' && r.status === 409).length;
    const warned = this.confirmations.filter((c) => c.kind === 'filing' && c.answer && c.earlierAttempt).length;
    assert.ok(refiled <= warned, `${refiled} case requests for a case tilbago had, ${warned} confirmed with a warning`);
    assert.equal(this.unwarnedFilings, 0, 'a filing was confirmed without a word of the case tilbago already had');

    // Each attachment is stored once, and once more for each confirmed resend that named it.
    for (const file of Object.keys(ATTACHMENTS)) {
      const times = stored.filter((a) => a.fileName === file).length;
      const resends = this.confirmations.filter((c) => c.kind === 'resend' && c.answer && c.files.includes(file)).length;
      assert.ok(times <= 1 + resends, `${file} stored ${times} times, ${resends} resends confirmed`);
    }

    // The record agrees with tilbago.
    if (record?.caseId !== undefined) {
      const atTilbago = this.fake.cases.get(record.caseId);
      assert.equal(atTilbago?.externalRef, record.externalRef, `the recorded case ${record.caseId} is this case at tilbago`);
      for (const sent of record.attachments.filter((a) => a.state === 'sent')) {
        const match = atTilbago.attachments.find((a) => a.id === sent.attachmentId);
        assert.ok(
          match && match.fileName === sent.file && match.sha256 === sent.sha256,
          `${sent.file} recorded as sent (${sent.attachmentId}) is at tilbago`,
        );
      }
    } else if (filed.length > 0) {
      assert.ok(
        record && ['sending', 'uncertain', 'duplicate'].includes(record.state),
        `tilbago has the case, the record without its id says ${record?.state ?? 'nothing'}`,
      );
    }
    // Nothing tilbago has is recorded as surely not there (pending, failed): it would be sent again unasked.
    for (const attachment of stored) {
      const entry = record?.attachments.find((a) => a.file === attachment.fileName);
      assert.ok(
        entry && ['sent', 'sending', 'uncertain'].includes(entry.state),
        `tilbago has ${attachment.fileName}, the record says ${entry?.state ?? 'nothing'}`,
      );
    }
    if (cleanEnd) await assert.rejects(fs.access(path.join(this.folder, LOCK_FILE)), 'no submission.lock is left after a clean end');
  }

  /** At the end: complete, every attachment at tilbago, and submitting again sends nothing. */
  async checkComplete(): Promise<void> {
    await this.check(true);
    const record = await readRecord(this.folder);
    assert.ok(record && !isBroken(record) && record.state === 'complete' && record.caseId, `complete: ${summary(record)}`);
    const atTilbago = this.fake.cases.get(record.caseId)!;
    for (const [file, content] of Object.entries(ATTACHMENTS)) {
      assert.ok(
        atTilbago.attachments.some((a) => a.fileName === file && a.sha256 === sha256(content)),
        `tilbago has ${file}`,
      );
    }
    const before = { requests: this.fake.requests.length, confirmations: this.confirmations.length };
    assert.equal(await this.submitHere(), 'alreadyComplete');
    assert.deepEqual(
      { requests: this.fake.requests.length, confirmations: this.confirmations.length },
      before,
      'nothing asked or sent for a complete case',
    );
  }

  /** A submission in this process, to prepare a case; its confirmations are noted like a child's. */
  async submitHere(): Promise<string> {
    const confirm = async (confirmation: Confirmation) => (this.note(confirmation), confirmation.answer);
    const outcome = await submitCaseFolder(this.folder, {
      client: new TilbagoClient({ baseUrl: this.fake.url, apiKey: this.fake.validKeys[0]!, timeoutMs: this.timeoutMs }),
      now: () => new Date(),
      confirmFiling: (summary) =>
        confirm({ kind: 'filing', ...(summary.earlierAttempt ? { earlierAttempt: summary.earlierAttempt.state } : {}), answer: true }),
      confirmAttachmentResend: (list) => confirm({ kind: 'resend', files: list.map((a) => a.file), answer: true }),
    });
    this.history.push(`${outcome.kind} (in this process)`);
    return outcome.kind;
  }

  /** The record and what tilbago holds, for a failure's message. */
  async state(): Promise<string> {
    const cases = [...this.fake.cases].map(
      ([id, c]) => `${id} ${c.externalRef} [${c.attachments.map((a) => `${a.id} ${a.fileName}`).join(', ')}]`,
    );
    const requests = this.fake.requests.map((r) => `${r.method} ${r.path} → ${r.status ?? 'no answer'}`);
    return [
      `runs: ${this.history.join(' → ')}`,
      `record: ${summary(await readRecord(this.folder))}`,
      `tilbago: ${cases.join('; ') || 'no case'}`,
      `requests: ${requests.join(', ')}`,
      `confirmations: ${JSON.stringify(this.confirmations)}`,
    ].join('\n    ');
  }
}

function summary(record: RecordRead): string {
  if (record === undefined || isBroken(record)) return JSON.stringify(record ?? 'none');
  return `${record.state} ${record.caseId ?? '(no case id)'} [${record.attachments.map((a) => `${a.file} ${a.state} ${a.attachmentId ?? ''}`.trim()).join(', ')}]`;
}

function describeKill(kill: Kill): string {
  return 'checkpoint' in kill ? `checkpoint ${kill.checkpoint}` : `request ${kill.request} held at tilbago`;
}

/** Runs `work` on every item, `width` at a time; collects every failure instead of stopping at the first. */
async function inParallel<T>(items: readonly T[], width: number, work: (item: T) => Promise<void>): Promise<string[]> {
  const failures: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await work(item).catch((error: Error) => failures.push(error.message));
    }
  };
  await Promise.all(Array.from({ length: width }, worker));
  return failures;
}

/** Runs `body` on a fresh scenario; a failure names `what` and shows the record and tilbago as they were. */
async function inScenario(what: string, policy: Policy | undefined, body: (scenario: Scenario) => Promise<void>): Promise<number> {
  const scenario = await Scenario.start(policy);
  try {
    await body(scenario);
    return scenario.processes;
  } catch (error) {
    throw new Error(`${what}: ${(error as Error).message}\n    ${await scenario.state()}`);
  } finally {
    await scenario.dispose();
  }
}

const totals = {
  policies: 0,
  killPoints: 0,
  crashRuns: 0,
  interleavings: 0,
  concurrentProcesses: 0,
  outcomes: new Map<string, string[]>(),
};

describe('crash and concurrency: a request is never filed twice', () => {
  after(async () => {
    await warm.close();
    console.log(
      `      crash: ${totals.policies} policies, ${totals.killPoints} kill points, ${totals.crashRuns} runs; ` +
        `concurrency: ${totals.interleavings} interleavings, ${totals.concurrentProcesses} processes (seed ${SEED})`,
    );
    for (const [name, outcomes] of totals.outcomes) console.log(`      ${name}: ${tally(outcomes)}`);
  });

  describe('killed at every step, then resumed', () => {
    for (const policy of POLICIES) {
      it(policy.name, async function () {
        this.timeout(60_000);
        // A run that is not killed counts the kill points: its checkpoints, and its requests.
        let killPoints: Kill[] = [];
        const counted = await inScenario(`${policy.name}, not killed`, policy, async (scenario) => {
          const run = await scenario.run();
          await scenario.check(true);
          const requests = scenario.fake.requests.length;
          killPoints = [
            ...Array.from({ length: run.checkpoints }, (_, checkpoint) => ({ checkpoint })),
            ...Array.from({ length: requests }, (_, request) => ({ request })),
          ];
          await scenario.resume();
          await scenario.checkComplete();
        });
        totals.crashRuns += counted;
        assert.ok(killPoints.length > 0, 'the run reached no checkpoint');

        const failures = await inParallel(killPoints, PARALLEL, async (kill) => {
          const runs = await inScenario(`${policy.name}, killed at ${describeKill(kill)}`, policy, async (scenario) => {
            await scenario.run(SUBMIT, kill);
            await scenario.check(false);
            const [first] = await scenario.resume();
            assert.equal(first!.lockRecovered, true, 'the dead process’s lock is taken over, and the user told');
            await scenario.checkComplete();
          });
          totals.crashRuns += runs;
        });
        totals.policies++;
        totals.killPoints += killPoints.length;
        assert.ok(failures.length === 0, `${failures.length} of ${killPoints.length} kill points failed:\n${failures.join('\n')}`);
      });
    }
  });

  describe('at the same time', () => {
    /**
     * `count` times, on a fresh case prepared by `prepare`: the two operations started at random offsets, each
     * request held at the fake for a random time; `judge` sees the outcomes; then the case is resumed to its end.
     * The seed fixes the offsets and delays; the processes' own timing still varies from run to run.
     */
    async function interleave(
      name: string,
      count: number,
      prepare: (scenario: Scenario, random: () => number) => Promise<void>,
      operations: (scenario: Scenario) => readonly [Operation, Operation],
      judge: (outcomes: readonly string[], scenario: Scenario) => void | Promise<void>,
    ): Promise<void> {
      const random = seeded(SEED ^ [...name].reduce((hash, c) => Math.imul(hash, 31) + c.charCodeAt(0), 7));
      for (let i = 0; i < count; i++) {
        // Half the time both start within a few ms (racing for the lock), else anywhere in a submission's length.
        const gap = random() < 0.5 ? random() * 10 : random() * 250;
        const offsets = random() < 0.5 ? [0, gap] : [gap, 0];
        const delays = Array.from({ length: 12 }, () => random() * 25);
        const what = `${name}, interleaving ${i} (offsets ${offsets.map(Math.round).join(', ')} ms)`;
        const processes = await inScenario(what, undefined, async (scenario) => {
          await prepare(scenario, random);
          let arrivals = 0;
          const stopDelaying = scenario.fake.onRequest(() => sleep(delays[arrivals++ % delays.length]!));
          const children = await Promise.all([scenario.spawn(), scenario.spawn()]);
          operations(scenario).forEach((operation, n) => setTimeout(() => children[n]!.start(operation), offsets[n]));
          // Both ended before anything is judged, even when one failed: no process outlives its scenario.
          const ended = await Promise.allSettled(children.map((child) => child.result));
          const runs = ended.map((end) => (end.status === 'fulfilled' ? end.value : assert.fail(end.reason as Error)));
          stopDelaying();
          await scenario.fake.idle();
          const outcomes = runs.map((run) => run.outcome!);
          totals.outcomes.set(name, [...(totals.outcomes.get(name) ?? []), outcomes.join(' + ')]);
          await scenario.check(true);
          await judge(outcomes, scenario);
          if (!outcomes.includes('complete')) await scenario.resume();
          await scenario.checkComplete();
        });
        totals.concurrentProcesses += processes;
        totals.interleavings++;
      }
    }

    /** Of two submissions, one files (none when a crash had left the case complete), the other sends nothing. */
    const oneFiles = (outcomes: readonly string[], scenario: Scenario, completeBefore = false) => {
      const expected = completeBefore
        ? ['alreadyComplete alreadyComplete', 'alreadyComplete busy']
        : ['alreadyComplete complete', 'busy complete'];
      assert.ok(expected.includes([...outcomes].sort().join(' ')), outcomes.join(', '));
      assert.equal(scenario.fake.requests.filter((r) => r.path === 'case').length, 1, 'one case request');
    };

    it('two submissions of one folder: one files, the other sends nothing (50 interleavings)', async function () {
      this.timeout(90_000);
      await interleave(
        'two submissions',
        50,
        async () => undefined,
        () => [SUBMIT, SUBMIT],
        (outcomes, scenario) => oneFiles(outcomes, scenario),
      );
    });

    it('two submissions after a crash left its lock: one takes it over and files, the other sends nothing', async function () {
      this.timeout(60_000);
      let completeBefore = false;
      await interleave(
        'two submissions after a crash',
        25,
        async (scenario, random) => {
          // Killed at one of the 10 checkpoints of a submission with three attachments; its lock stays behind.
          await scenario.run(SUBMIT, { checkpoint: Math.floor(random() * 10) });
          const record = await readRecord(scenario.folder);
          completeBefore = !isBroken(record) && record?.state === 'complete';
        },
        () => [SUBMIT, SUBMIT],
        (outcomes, scenario) => oneFiles(outcomes, scenario, completeBefore),
      );
    });

    it('a status refresh during a submission: the submission’s progress and the status both stay', async function () {
      this.timeout(45_000);
      await interleave(
        'refresh during submission',
        15,
        async (scenario) => {
          // Filed, with one attachment refused: the submission below sends it.
          scenario.fake.inject({ ...PUT_ATTACHMENT, kind: 'answer', status: 400, body: { message: 'unreadable PDF' } });
          assert.equal(await scenario.submitHere(), 'attachmentsFailed');
        },
        () => [SUBMIT, { kind: 'refresh' }],
        async ([submitted, refreshed], scenario) => {
          assert.ok(['complete', 'busy'].includes(submitted!), submitted);
          assert.ok(['updated', 'busy'].includes(refreshed!), refreshed);
          const record = await readRecord(scenario.folder);
          if (refreshed === 'updated') assert.ok(record && !isBroken(record) && record.status, 'the status is kept');
          if (submitted === 'complete') assert.equal(record && !isBroken(record) && record.state, 'complete', 'the progress is kept');
        },
      );
    });

    it('a case id entered during a submission: recorded once, never filed again', async function () {
      this.timeout(45_000);
      await interleave(
        'case id during submission',
        15,
        async (scenario) => {
          // tilbago stored the case but its answer was lost: the user finds the case id in their account.
          scenario.fake.inject({ ...PUT_CASE, kind: 'storeThenReset' });
          assert.equal(await scenario.submitHere(), 'uncertain');
        },
        (scenario) => [SUBMIT, { kind: 'enterCaseId', caseId: scenario.fake.casesWithRef(REF)[0]!.id }],
        async ([submitted, entered], scenario) => {
          assert.ok(['duplicate', 'busy', 'complete'].includes(submitted!), submitted);
          assert.ok(['recorded', 'busy'].includes(entered!), entered);
          const record = await readRecord(scenario.folder);
          if (entered === 'recorded') assert.equal(record && !isBroken(record) && record.caseId, scenario.fake.casesWithRef(REF)[0]!.id);
        },
      );
    });
  });

  describe('across sleep and machines', () => {
    /**
     * Short lock times, so that "stale" is a fraction of a second, with the same ratio of heartbeat to stale time
     * margin as the real ones: a loaded machine delays a heartbeat by far less than the stale time.
     */
    const QUICK: NonNullable<ChildTask['lock']> = { timing: { heartbeatMs: 40, staleSameHostMs: 400, staleOtherHostMs: 1500 } };
    const TWENTY_MINUTES = 20 * 60_000;

    /**
     * Window A submits; at `pause` its machine sleeps (SIGSTOP: no timer runs, no heartbeat) for longer than the
     * stale time. Window B, whose clock is 20 minutes ahead, takes the lock over and resumes the case to its end;
     * then A wakes up and goes on. A must send and write nothing more: every record agrees with tilbago, and the
     * case is complete with each request filed once.
     */
    async function sleepsPastTheStaleTime(scenario: Scenario, pause: Kill): Promise<string> {
      scenario.childOptions = { lock: { ...QUICK, waitMs: 5000 }, clockSkewMs: TWENTY_MINUTES };
      const a = await scenario.spawn();
      let asleep!: () => void;
      const fellAsleep = new Promise<void>((resolve) => (asleep = resolve));
      let arrivals = 0;
      // Asleep while tilbago works on its request: the answer waits in the socket until A wakes up.
      const stopListening =
        'request' in pause
          ? scenario.fake.onRequest(() => {
              if (arrivals++ !== pause.request) return;
              a.suspend();
              asleep();
            })
          : undefined;
      a.start(SUBMIT, undefined, { lock: QUICK, clockSkewMs: 0, ...('checkpoint' in pause ? { pauseAt: pause.checkpoint } : {}) });
      if ('checkpoint' in pause) void a.paused.then(() => (a.suspend(), asleep()));
      const ended = await Promise.race([fellAsleep.then(() => undefined), a.result]);
      assert.equal(ended, undefined, `A never reached ${describeKill(pause)}`);
      stopListening?.();
      await scenario.fake.idle();

      const [taking] = await scenario.resume();
      assert.equal(taking!.lockRecovered, true, 'B took over the lock of the sleeping window, and the user was told');
      const requestsBeforeWaking = scenario.fake.requests.length;
      a.wake();
      const woken = await a.result;
      await scenario.fake.idle();
      assert.equal(scenario.fake.requests.length, requestsBeforeWaking, 'A sent nothing after it woke up');
      await scenario.check(true);
      await scenario.checkComplete();
      return woken.outcome!;
    }

    it('a window suspended past the stale time mid-submission, while another takes over: nothing twice', async function () {
      this.timeout(300_000);
      const points: { policy: Policy; pause: Kill }[] = [];
      for (const policy of POLICIES) {
        await inScenario(`${policy.name}, counting`, policy, async (scenario) => {
          const run = await scenario.run();
          for (let checkpoint = 0; checkpoint < run.checkpoints; checkpoint++) points.push({ policy, pause: { checkpoint } });
          for (let request = 0; request < scenario.fake.requests.length; request++) points.push({ policy, pause: { request } });
        });
      }
      const woken: string[] = [];
      const failures = await inParallel(points, PARALLEL, async ({ policy, pause }) => {
        const processes = await inScenario(`${policy.name}, asleep at ${describeKill(pause)}`, policy, async (scenario) => {
          woken.push(await sleepsPastTheStaleTime(scenario, pause));
        });
        totals.concurrentProcesses += processes;
        totals.interleavings++;
      });
      totals.outcomes.set('woken after a take-over', woken);
      assert.ok(points.length >= 50, `${points.length} pause points`);
      assert.ok(failures.length === 0, `${failures.length} of ${points.length} pause points failed:\n${failures.join('\n')}`);
    });

    it('a live lock of a computer whose clock is 20 minutes behind is never taken over (50 interleavings)', async function () {
      this.timeout(300_000);
      // The other computer's stale time doubled: what B watches is A's heartbeat, and a machine loaded by the
      // parallel scenarios has been seen to hold a child's heartbeat back for over a second.
      const lock: NonNullable<ChildTask['lock']> = { timing: { ...QUICK.timing!, staleOtherHostMs: 3000 } };
      const random = seeded(SEED ^ 0x5eed);
      const interleavings = Array.from({ length: 50 }, (_, i) => ({
        i,
        offset: random() * 1800,
        delays: [0, 1, 2, 3].map(() => 700 + random() * 400),
      }));
      const failures = await inParallel(interleavings, PARALLEL, async ({ i, offset, delays }) => {
        const what = `clock 20 minutes behind, interleaving ${i} (B after ${Math.round(offset)} ms)`;
        const processes = await inScenario(what, undefined, async (scenario) => {
          scenario.childOptions = { lock };
          // A's requests take a while, so that its submission lasts longer than the stale time.
          let arrivals = 0;
          const stopDelaying = scenario.fake.onRequest(() => sleep(delays[arrivals++ % delays.length]!));
          const [a, b] = await Promise.all([scenario.spawn(), scenario.spawn()]);
          a.start(SUBMIT, undefined, { clockSkewMs: -TWENTY_MINUTES, host: 'laptop-in-another-office' });
          await sleep(offset);
          // B watches for longer than the stale time before it gives up.
          b.start(SUBMIT, undefined, { lock: { ...lock, waitMs: 5000 } });
          const runs = await Promise.all([a.result, b.result]);
          stopDelaying();
          await scenario.fake.idle();
          assert.equal(runs[1]!.lockRecovered ?? false, false, 'B took over the live lock of A');
          assert.equal(runs[0]!.outcome, 'complete', `A, alive all along, completed (${runs[0]!.outcome})`);
          assert.ok(['busy', 'alreadyComplete'].includes(runs[1]!.outcome!), `B sent nothing (${runs[1]!.outcome})`);
          assert.equal(scenario.fake.requests.filter((r) => r.path === 'case').length, 1, 'one case request');
          totals.outcomes.set('clock skew', [...(totals.outcomes.get('clock skew') ?? []), runs.map((r) => r.outcome).join(' + ')]);
          await scenario.checkComplete();
        });
        totals.concurrentProcesses += processes;
        totals.interleavings++;
      });
      assert.ok(failures.length === 0, `${failures.length} of 50 interleavings failed:\n${failures.join('\n')}`);
    });
  });
});
