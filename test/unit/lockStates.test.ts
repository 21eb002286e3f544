// Every state a case's lock file can be found in has a way out (issue 19, points 1-3): a lock that is provably
// dead is taken over; any other is named, with its owner when readable and what to check before deleting it; a
// holder that lost its lock sends and writes nothing more; and staleness never compares two machines' clocks.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { acquireCaseLock, type LockAttempt, type LockOptions } from '../../src/cases/model/caseLock';
import { LOCK_FILE, SUBMISSION_FILE } from '../../src/cases/model/files';
import { readRecord, type SubmissionRecord } from '../../src/cases/model/record';
import { recordCaseId, refreshCaseStatus, submitCaseFolder, type SubmitHooks } from '../../src/cases/model/submission';
import { TilbagoClient } from '../../src/tilbago/client';
import { startFakeTilbago, type FakeTilbago } from '../fake-tilbago/server.mjs';
import { validCase, writeCaseFolder } from '../fixtures/cases';

/** Short times, so that "unchanged for the stale time" is a fraction of a second here. */
const QUICK: LockOptions = { timing: { heartbeatMs: 40, staleSameHostMs: 300, staleOtherHostMs: 500 } };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the case lock in every state', () => {
  let folder: string;
  let fake: FakeTilbago;
  const lockFile = () => path.join(folder, LOCK_FILE);
  const owner = (change: object = {}) => ({
    tool: 'tilbago-vscode',
    purpose: 'submit',
    pid: process.pid,
    host: 'laptop-of-anna',
    startedAt: new Date().toISOString(),
    token: 'aaaaaaaaaaaaaaaaaaaaaaaa',
    generation: 3,
    ...change,
  });
  const writeLock = async (content: string, stampedAt = new Date()) => {
    await fs.writeFile(lockFile(), content);
    await fs.utimes(lockFile(), stampedAt, stampedAt);
  };
  const hooks = (lock: LockOptions = {}): SubmitHooks => ({
    client: new TilbagoClient({ baseUrl: fake.url, apiKey: fake.validKeys[0]!, timeoutMs: 2000 }),
    now: () => new Date(),
    confirmFiling: async () => true,
    confirmAttachmentResend: async () => true,
    lock,
  });
  const release = async (attempt: LockAttempt) => (attempt.kind === 'acquired' ? attempt.lock.release() : undefined);

  beforeEach(async () => {
    fake = await startFakeTilbago();
    folder = await writeCaseFolder(await fs.mkdtemp(path.join(os.tmpdir(), 'tilbago-lock-')), validCase(), {
      'facture.pdf': '%PDF invoice',
    });
  });
  afterEach(async () => {
    await fake.stop();
    await fs.rm(folder, { recursive: true, force: true });
  });

  describe('staleness by this process’s own clock, never the holder’s', () => {
    it('another computer’s lock stamped 30 days ago is busy on first sight: its clock may be behind', async () => {
      await writeLock(JSON.stringify(owner()), new Date(Date.now() - 30 * 86_400_000));
      const outcome = await submitCaseFolder(folder, hooks());
      assert.ok(outcome.kind === 'busy' && outcome.state === 'held', outcome.kind);
      assert.equal(outcome.owner?.host, 'laptop-of-anna');
      assert.ok(outcome.takeOverAt && Date.parse(outcome.takeOverAt) > Date.now() + 14 * 60_000, 'taken over 15 minutes from now');
      assert.equal(fake.requests.length, 0);
    });

    it('a lock stamped 20 minutes ahead (a clock running fast) does not block beyond the stale time', async () => {
      await writeLock(JSON.stringify(owner()), new Date(Date.now() + 20 * 60_000));
      const outcome = await submitCaseFolder(folder, hooks({ ...QUICK, waitMs: 2000 }));
      assert.equal(outcome.kind, 'complete');
    });

    it('a lock whose heartbeat goes on is never taken over, however old its stamps look', async () => {
      await writeLock(JSON.stringify(owner()), new Date(Date.now() - 20 * 60_000));
      let beat = 0;
      // The holder's clock is 20 minutes behind, and it renews the lock more often than the stale time.
      const heartbeat = setInterval(() => {
        const at = new Date(Date.now() - 20 * 60_000 + ++beat * 1000);
        void fs.utimes(lockFile(), at, at).catch(() => undefined);
      }, 60);
      try {
        const outcome = await submitCaseFolder(folder, hooks({ ...QUICK, waitMs: 1500 }));
        assert.ok(outcome.kind === 'busy' && outcome.state === 'held', outcome.kind);
        assert.equal(fake.requests.length, 0);
      } finally {
        clearInterval(heartbeat);
      }
    });

    it('a lock left unchanged for the stale time is taken over, one generation up', async () => {
      await writeLock(JSON.stringify(owner({ generation: 7 })));
      const attempt = await acquireCaseLock(folder, 'submit', { ...QUICK, waitMs: 2000 });
      assert.ok(attempt.kind === 'acquired', attempt.kind);
      assert.equal(attempt.recovered?.token, 'aaaaaaaaaaaaaaaaaaaaaaaa');
      assert.equal(attempt.lock.owner.generation, 8);
      await release(attempt);
    });

    it('this machine’s lock of a process that is gone is taken over at once', async () => {
      await writeLock(JSON.stringify(owner({ host: os.hostname(), pid: 2 ** 22 + 17 })));
      const attempt = await acquireCaseLock(folder, 'submit');
      assert.ok(attempt.kind === 'acquired', attempt.kind);
      await release(attempt);
    });
  });

  describe('odd lock files', () => {
    it('an empty lock file is damaged: named, then taken over once unchanged for the stale time', async () => {
      await writeLock('', new Date(Date.now() - 30 * 86_400_000));
      const first = await acquireCaseLock(folder, 'submit', QUICK);
      assert.ok(first.kind === 'busy' && first.state === 'damaged' && first.file === lockFile(), first.kind);
      assert.ok(first.takeOverAt);
      const later = await acquireCaseLock(folder, 'submit', { ...QUICK, waitMs: 2000 });
      assert.equal(later.kind, 'acquired');
      await release(later);
    });

    it('a lock cut short is damaged, and taken over the same way', async () => {
      await writeLock(JSON.stringify(owner()).slice(0, 40));
      const attempt = await acquireCaseLock(folder, 'submit', { ...QUICK, waitMs: 2000 });
      assert.equal(attempt.kind, 'acquired');
      await release(attempt);
    });

    it('a lock with a purpose this version does not know is a lock like any other', async () => {
      await writeLock(JSON.stringify(owner({ purpose: 'archive' })));
      const first = await acquireCaseLock(folder, 'submit', QUICK);
      assert.ok(first.kind === 'busy' && first.state === 'held' && first.owner?.purpose === 'archive', first.kind);
      const later = await acquireCaseLock(folder, 'submit', { ...QUICK, waitMs: 2000 });
      assert.equal(later.kind, 'acquired');
      await release(later);
    });

    it('a dangling link holds nothing: taken over at once', async () => {
      await fs.symlink(path.join(folder, 'nowhere'), lockFile());
      const attempt = await acquireCaseLock(folder, 'submit');
      assert.equal(attempt.kind, 'acquired');
      await release(attempt);
    });

    it('a link to a file is named, never followed nor removed', async () => {
      const elsewhere = path.join(folder, 'elsewhere.txt');
      await fs.writeFile(elsewhere, 'not a lock');
      await fs.symlink(elsewhere, lockFile());
      const outcome = await submitCaseFolder(folder, hooks());
      assert.ok(outcome.kind === 'busy' && outcome.state === 'link', outcome.kind);
      assert.ok((await fs.lstat(lockFile())).isSymbolicLink());
      assert.equal(await fs.readFile(elsewhere, 'utf8'), 'not a lock');
    });

    it('a folder at the lock’s name is named (no EISDIR), and left as it is', async () => {
      await fs.mkdir(lockFile());
      await fs.writeFile(path.join(lockFile(), 'notes.txt'), 'keep');
      const outcome = await submitCaseFolder(folder, hooks());
      assert.ok(outcome.kind === 'busy' && outcome.state === 'folder', outcome.kind);
      assert.equal(await fs.readFile(path.join(lockFile(), 'notes.txt'), 'utf8'), 'keep');
    });

    it('a named pipe at the lock’s name is named at once, without hanging', async () => {
      execFileSync('mkfifo', [lockFile()]);
      const outcome = await submitCaseFolder(folder, hooks());
      assert.ok(outcome.kind === 'busy' && outcome.state === 'notAFile', outcome.kind);
    });
  });

  describe('fencing: a holder that lost the lock sends and writes nothing more', () => {
    it('a holder whose lock was taken over stops before its next request, and says so', async () => {
      let takeOver: Promise<LockAttempt> | undefined;
      let requests = 0;
      // The first holder is stopped while tilbago answers its case request; meanwhile its heartbeat stays still
      // and another takes the lock over.
      const stopAll = fake.onRequest(async () => {
        if (requests++ > 0) return;
        takeOver = acquireCaseLock(folder, 'submit', { timing: { ...QUICK.timing!, staleSameHostMs: 200 }, waitMs: 3000 });
        const taken = await takeOver;
        assert.equal(taken.kind, 'acquired');
      });
      const outcome = await submitCaseFolder(folder, hooks({ timing: { heartbeatMs: 60_000 } }));
      stopAll();
      assert.ok(outcome.kind === 'busy' && outcome.state === 'lost', outcome.kind);
      assert.equal(fake.allAttachments().length, 0, 'no attachment sent after the lock was lost');
      const record = (await readRecord(folder)) as SubmissionRecord;
      assert.equal(record.state, 'sending', 'the answer to the case request was not written over the new holder’s record');
      await release(await takeOver!);
    });

    it('a record written under a newer generation is never written over by an older one', async () => {
      const old = await acquireCaseLock(folder, 'submit');
      assert.ok(old.kind === 'acquired');
      // Another holder (its generation above) wrote the record meanwhile, after taking the lock over.
      const newer = old.lock.owner.generation + 1;
      const record = {
        version: 2,
        externalRef: validCase().externalRef,
        state: 'uncertain',
        attemptStartedAt: new Date().toISOString(),
        updatedAt: new Date().toISOString(),
        attachments: [],
        lockGeneration: newer,
      };
      await fs.writeFile(path.join(folder, SUBMISSION_FILE), JSON.stringify(record));
      await old.lock.release();
      const next = await acquireCaseLock(folder, 'caseId');
      assert.ok(next.kind === 'acquired');
      assert.equal(next.lock.owner.generation, newer + 1, 'a new lock is above the record’s generation');
      await next.lock.release();
    });

    it('the record keeps the generation that wrote it', async () => {
      assert.equal((await submitCaseFolder(folder, hooks())).kind, 'complete');
      const first = ((await readRecord(folder)) as SubmissionRecord).lockGeneration;
      assert.ok(first && first >= 1);
      // A lock taken without writing the record leaves its generation as it was; the next writer is one above.
      assert.equal((await recordCaseId(folder, 'C000001', new Date(), new Map())).kind, 'hasCaseId');
      const client = new TilbagoClient({ baseUrl: fake.url, apiKey: fake.validKeys[0]!, timeoutMs: 2000 });
      assert.equal((await refreshCaseStatus(folder, client, new Date())).kind, 'updated');
      assert.equal(((await readRecord(folder)) as SubmissionRecord).lockGeneration, first + 1);
    });

    it('while it holds the lock, a holder’s heartbeat keeps others out', async () => {
      const holder = await acquireCaseLock(folder, 'submit', QUICK);
      assert.ok(holder.kind === 'acquired');
      await sleep(50);
      const other = await acquireCaseLock(folder, 'submit', { ...QUICK, waitMs: 1200 });
      assert.ok(other.kind === 'busy' && other.state === 'held', other.kind);
      assert.equal(await holder.lock.stillHeld(), true);
      await holder.lock.release();
    });
  });
});
