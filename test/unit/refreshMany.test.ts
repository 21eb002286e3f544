// Refreshing many cases against the fake tilbago: a bounded number of requests in flight, Retry-After honoured
// (in seconds and as a date) by the whole run, cancellation that sends nothing more and leaves every record whole,
// and busy answers to a filing request that are never retried.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { REFRESH_CONCURRENCY, refreshMany, type RefreshOptions } from '../../src/cases/model/refreshMany';
import { isBroken, readRecord, type SubmissionRecord } from '../../src/cases/model/record';
import { submitCaseFolder } from '../../src/cases/model/submission';
import { MAX_RETRY_AFTER_MS, retryAfterDelay, TilbagoClient } from '../../src/tilbago/client';
import { startFakeTilbago, type FakeTilbago } from '../fake-tilbago/server.mjs';
import { validCase } from '../fixtures/cases';
import { makeFiledCases } from '../fixtures/filedCases';

const STATUS = /\/status$/;

describe('refresh many cases', function () {
  this.timeout(20_000);
  let fake: FakeTilbago;
  let root: string;
  const client = () => new TilbagoClient({ baseUrl: fake.url, apiKey: fake.validKeys[0]!, timeoutMs: 5000 });
  /** When each status request reached the fake (ms since the epoch), in order. */
  let arrivals: number[];
  const statusRequests = () => fake.requests.filter((r) => STATUS.test(r.path));
  const filed = (count: number) => makeFiledCases(root, count, client());
  const run = (folders: string[], options: Partial<RefreshOptions> = {}) => refreshMany(folders, client(), { limit: 4, ...options });
  const record = async (folder: string) => (await readRecord(folder)) as SubmissionRecord;
  /** The run, with the waits it was asked for (ms) and how long it took in all. */
  const timedRun = async (folders: string[], options: Partial<RefreshOptions>) => {
    const waits: number[] = [];
    const started = Date.now();
    const summary = await run(folders, { ...options, waiting: (ms) => waits.push(ms) });
    return { summary, waits, elapsed: Date.now() - started };
  };

  beforeEach(async () => {
    fake = await startFakeTilbago();
    root = await fs.mkdtemp(path.join(os.tmpdir(), 'tilbago-refresh-'));
    arrivals = [];
    fake.onRequest(({ path: p }) => {
      if (STATUS.test(p)) arrivals.push(Date.now());
    });
  });
  afterEach(async () => {
    await fake.stop();
    await fs.rm(root, { recursive: true, force: true });
  });

  it('asks for every case, never more than the limit at once, and reports its progress', async () => {
    const folders = await filed(20);
    fake.setStatus(fake.casesWithRef('REF-0003')[0]!.id, { statusCode: '100', description: 'Zahlungsbefehl zugestellt' });
    fake.setDelay(40, { path: STATUS });
    fake.resetPeakConcurrency();
    const seen: [number, number][] = [];
    const summary = await run(folders, { progress: (done, total) => seen.push([done, total]) });
    assert.deepEqual(
      { ...summary, failed: summary.failed.length },
      { total: 20, updated: 20, changed: 20, failed: 0, busy: [], notAsked: [], cancelled: false, busyAnswers: 0 },
    );
    assert.equal(fake.peakConcurrency(), 4, 'four in flight, never more');
    assert.deepEqual(
      seen,
      Array.from({ length: 20 }, (_, i) => [i + 1, 20]),
    );
    assert.equal((await record(folders[2]!)).status?.description, 'Zahlungsbefehl zugestellt');
    for (const folder of folders) assert.ok((await record(folder)).status?.checkedAt, folder);

    const again = await run(folders);
    assert.equal(again.updated, 20);
    assert.equal(again.changed, 0, 'the same status again is not a change');
  });

  it('the default limit is the one the command uses, and holds with many cases', async () => {
    const folders = await filed(30);
    fake.setDelay(30, { path: STATUS });
    fake.resetPeakConcurrency();
    const summary = await refreshMany(folders, client(), { limit: REFRESH_CONCURRENCY });
    assert.equal(summary.updated, 30);
    assert.equal(fake.peakConcurrency(), REFRESH_CONCURRENCY);
  });

  it('waits as long as a 429’s Retry-After in seconds asks, all requests together, then asks again', async () => {
    const folders = await filed(6);
    fake.setDelay(20, { path: STATUS });
    fake.inject({ path: STATUS, kind: 'busy', status: 429, retryAfter: 1 });
    const { summary, waits, elapsed } = await timedRun(folders, { limit: 3 });
    assert.equal(summary.updated, 6);
    assert.equal(summary.busyAnswers, 1);
    assert.deepEqual(waits, [1000]);
    assert.ok(elapsed >= 1000 && elapsed < 3000, `${elapsed} ms`);
    assert.equal(statusRequests().length, 7, 'the busy case was asked once more');
    // The first three went out together; nothing else until the second asked for had passed.
    const first = arrivals[0]!;
    const during = arrivals.filter((t) => t > first + 150 && t < first + 990);
    assert.deepEqual(during, [], `requests while tilbago asked to wait: ${arrivals.map((t) => t - first).join(', ')}`);
  });

  it('waits until a 503’s Retry-After date', async () => {
    const folders = await filed(4);
    // An HTTP date has whole seconds: two seconds ahead is between one and two seconds away.
    fake.inject({ path: STATUS, kind: 'busy', status: 503, retryAfter: new Date(Date.now() + 2000) });
    const { summary, waits, elapsed } = await timedRun(folders, { limit: 2 });
    assert.equal(summary.updated, 4);
    assert.equal(waits.length, 1);
    assert.ok(waits[0]! > 900 && waits[0]! <= 2000, `asked to wait ${waits[0]} ms`);
    assert.ok(elapsed >= waits[0]! - 20 && elapsed < 4000, `${elapsed} ms`);
  });

  for (const [what, retryAfter] of [
    ['0', 0],
    ['a date in the past', new Date(Date.now() - 60_000)],
    ['garbage that Date.parse reads as a date in 2001', 'x 1'],
  ] as const) {
    it(`a Retry-After of ${what} is no reason to ask again at once: the wait grows as without one`, async () => {
      const [folder] = await filed(1);
      fake.inject({ path: STATUS, kind: 'busy', status: 429, retryAfter, times: 1000 });
      const { summary, waits, elapsed } = await timedRun([folder!], { limit: 1, busyRetries: 3, busyWaitMs: 50 });
      assert.deepEqual(summary.busy, [folder]);
      assert.deepEqual(waits, [50, 100, 200, 400]);
      assert.equal(statusRequests().length, 4, 'once, then three times again');
      assert.ok(elapsed >= 50 + 100 + 200, `${elapsed} ms`);
    });
  }

  it('a case that stays busy is asked a bounded number of times, then the run stops asking', async () => {
    const folders = await filed(10);
    fake.inject({ path: STATUS, kind: 'busy', status: 503, times: 1000 });
    const summary = await run(folders, { limit: 2, busyRetries: 2, busyWaitMs: 50 });
    assert.equal(summary.updated, 0);
    assert.ok(summary.busy.length >= 1, JSON.stringify(summary));
    assert.equal(summary.busy.length + summary.notAsked.length, 10);
    assert.equal(summary.cancelled, false);
    // Each asked case at most three times (once, then twice again), and only the cases being worked on (twice the
    // limit) were asked: which of those four got a turn before the run stopped is up to the timing.
    assert.ok(statusRequests().length <= 4 * 3, `${statusRequests().length} requests`);
    for (const folder of folders.slice(4)) assert.ok(summary.notAsked.includes(folder), `${folder} was asked`);
    for (const folder of folders) {
      const id = fake.casesWithRef(path.basename(folder))[0]!.id;
      const asked = statusRequests().some((r) => r.path.includes(`/${id}/`));
      assert.equal(asked, !summary.notAsked.includes(folder), `${folder}: asked ${asked}, yet counted the other way`);
      assert.equal((await record(folder)).status, undefined);
    }
  });

  it('cancelled mid-run: nothing more is asked, what was asked is recorded, every record is whole', async () => {
    const folders = await filed(30);
    fake.setDelay(80, { path: STATUS });
    const cancel = new AbortController();
    let abortedAt = Number.POSITIVE_INFINITY;
    fake.onRequest(({ path: p }) => {
      if (STATUS.test(p) && arrivals.length === 6) {
        abortedAt = Date.now();
        cancel.abort();
      }
    });
    const seen: number[] = [];
    const summary = await run(folders, { limit: 3, signal: cancel.signal, progress: (done) => seen.push(done) });
    await fake.idle();
    assert.equal(statusRequests().length, 6);
    assert.deepEqual(
      arrivals.filter((t) => t > abortedAt),
      [],
      'no request after the cancel',
    );
    assert.equal(summary.cancelled, true);
    assert.equal(summary.updated, 6, 'the requests in flight were answered and recorded');
    assert.deepEqual(summary.notAsked, folders.slice(6));
    assert.deepEqual([summary.failed.length, summary.busy.length], [0, 0]);
    assert.deepEqual(seen, [1, 2, 3, 4, 5, 6]);
    for (const [index, folder] of folders.entries()) {
      const read = await readRecord(folder);
      assert.ok(read && !isBroken(read) && read.state === 'complete', folder);
      assert.equal(read.status !== undefined, index < 6, folder);
      assert.deepEqual((await fs.readdir(folder)).sort(), ['case.json', 'submission.json'], 'no lock or half-written file left');
    }
  });

  it('cancelled while tilbago asks to wait: returns at once, asking nothing more', async () => {
    const folders = await filed(5);
    fake.inject({ path: STATUS, kind: 'busy', status: 429, retryAfter: 60 });
    const cancel = new AbortController();
    let abortedAt = Number.POSITIVE_INFINITY;
    const started = Date.now();
    const summary = await run(folders, {
      limit: 2,
      signal: cancel.signal,
      waiting: () => setTimeout(() => ((abortedAt = Date.now()), cancel.abort()), 100),
    });
    assert.ok(Date.now() - started < 2000, `${Date.now() - started} ms`);
    assert.equal(summary.cancelled, true);
    assert.equal(summary.busy.length, 1, 'the case that was answered busy');
    assert.ok(summary.notAsked.length >= 2, JSON.stringify(summary));
    assert.equal(summary.updated + summary.busy.length + summary.notAsked.length, 5);
    assert.deepEqual(
      arrivals.filter((t) => t >= abortedAt),
      [],
      'nothing asked after the cancel',
    );
  });

  it('a case that fails is named with its error; the others are refreshed', async () => {
    const folders = await filed(3);
    fake.inject({ path: new RegExp(`${fake.casesWithRef('REF-0002')[0]!.id}/status$`), kind: 'answer', status: 500, body: {} });
    const summary = await run(folders);
    assert.equal(summary.updated, 2);
    assert.deepEqual(summary.failed, [{ folder: folders[1], error: { kind: 'tilbago', error: { kind: 'unexpected', status: 500 } } }]);
  });
});

describe('busy answers (429/503)', () => {
  let fake: FakeTilbago;
  let folder: string;
  const client = () => new TilbagoClient({ baseUrl: fake.url, apiKey: fake.validKeys[0]!, timeoutMs: 2000 });
  const submit = () =>
    submitCaseFolder(folder, {
      client: client(),
      now: () => new Date(),
      confirmFiling: async () => true,
      confirmAttachmentResend: async () => false,
    });
  const puts = () => fake.requests.filter((r) => r.method === 'PUT' && r.path === 'case').length;

  beforeEach(async () => {
    fake = await startFakeTilbago();
    folder = await fs.mkdtemp(path.join(os.tmpdir(), 'tilbago-busy-'));
    await fs.writeFile(path.join(folder, 'case.json'), JSON.stringify(validCase()));
  });
  afterEach(async () => {
    await fake.stop();
    await fs.rm(folder, { recursive: true, force: true });
  });

  it('reads Retry-After as seconds or an HTTP date, bounded', () => {
    const now = Date.parse('2026-11-28T10:00:00Z');
    assert.equal(retryAfterDelay('5', now), 5000);
    assert.equal(retryAfterDelay(' 0 ', now), undefined, 'no wait at all: the caller’s own back-off applies');
    assert.equal(retryAfterDelay('86400', now), MAX_RETRY_AFTER_MS);
    assert.equal(retryAfterDelay('Sat, 28 Nov 2026 10:00:30 GMT', now), 30_000);
    assert.equal(retryAfterDelay('Sat, 28 Nov 2026 09:00:00 GMT', now), undefined, 'a date past asks for no wait');
    assert.equal(retryAfterDelay('Sat, 28 Nov 2026 10:00:00 GMT', now), undefined, 'nor does now');
    assert.equal(retryAfterDelay('Sun, 29 Nov 2026 10:00:00 GMT', now), MAX_RETRY_AFTER_MS);
    // The two obsolete forms RFC 9110 still asks recipients to read; asctime's date is in GMT too.
    assert.equal(retryAfterDelay('Saturday, 28-Nov-26 10:00:30 GMT', now), 30_000);
    assert.equal(retryAfterDelay('Sat Nov 28 10:00:30 2026', now), 30_000);
    assert.equal(retryAfterDelay('Sat Nov  8 10:00:30 2026', now), undefined, 'a date past');
    // Date.parse reads almost anything as a date ('x 1' is 1 January 2001): only an HTTP date is one here.
    for (const odd of [
      '',
      '1.5',
      '-3',
      'soon',
      '5 s',
      'x 1',
      'a 5',
      '2026-11-28T10:00:30Z',
      'Sat, 28 Nov 2026 10:00:30 +0100',
      'Sat, 31 Nov 2026 10:00:30 GMT',
    ])
      assert.equal(retryAfterDelay(odd, now), undefined, odd);
  });

  it('the client reports a 429 or 503 as busy, with how long to wait when tilbago says', async () => {
    fake.inject({ path: STATUS, kind: 'busy', status: 503, retryAfter: 7 });
    assert.deepEqual(await client().caseStatus('C000001'), { ok: false, error: { kind: 'busy', status: 503, retryAfterMs: 7000 } });
    fake.inject({ path: STATUS, kind: 'busy', status: 429 });
    assert.deepEqual(await client().caseStatus('C000001'), { ok: false, error: { kind: 'busy', status: 429 } });
    assert.equal(fake.requests.length, 2, 'the client itself never asks again');
  });

  it('a filing answered 429 is sent once, recorded as not created, and filed once when submitted again', async () => {
    fake.inject({ method: 'PUT', path: /^case$/, kind: 'busy', status: 429, retryAfter: 1 });
    const outcome = await submit();
    assert.equal(outcome.kind, 'notCreated');
    assert.equal(puts(), 1, 'not retried');
    const read = (await readRecord(folder)) as SubmissionRecord;
    assert.equal(read.state, 'notCreated');
    assert.deepEqual(read.lastError?.error, { kind: 'busy', status: 429, retryAfterMs: 1000 });
    assert.equal((await submit()).kind, 'complete');
    assert.equal(puts(), 2);
    assert.equal(fake.casesWithRef('INV-2026-0142').length, 1);
  });

  it('a filing answered 503 is sent once and left uncertain: a gateway may have passed it on', async () => {
    fake.inject({ method: 'PUT', path: /^case$/, kind: 'busy', status: 503, retryAfter: 1 });
    const outcome = await submit();
    assert.equal(outcome.kind, 'uncertain');
    assert.equal(puts(), 1, 'not retried');
    assert.equal(((await readRecord(folder)) as SubmissionRecord).state, 'uncertain');
  });
});
