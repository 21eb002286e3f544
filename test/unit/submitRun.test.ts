// "Submit all" as a run: it stops at the first refusal that concerns every case (the key, the balance, the rights),
// and counts only what it did itself when another run works beside it.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import type { SubmissionRecord } from '../../src/cases/model/record';
import { submitCaseFolder, type SubmitOutcome } from '../../src/cases/model/submission';
import { runStopOf, submitRun, type RunCase } from '../../src/cases/model/submitRun';
import type { ApiError } from '../../src/tilbago/client';
import { TilbagoClient } from '../../src/tilbago/client';
import { startFakeTilbago, type FakeTilbago } from '../fake-tilbago/server.mjs';
import { validCase } from '../fixtures/cases';

const record = {} as SubmissionRecord;
const failed = (kind: 'notCreated' | 'refused' | 'uncertain', error: ApiError): SubmitOutcome => ({ kind, record, error });

describe('a Submit all run', () => {
  it('stops at a refusal of the key, the balance or the rights, and only there', () => {
    assert.equal(runStopOf(failed('notCreated', { kind: 'unauthorized' })), 'keyRefused');
    assert.equal(runStopOf(failed('notCreated', { kind: 'invalidKey' })), 'keyRefused');
    assert.equal(runStopOf(failed('notCreated', { kind: 'insufficientBalance' })), 'balanceInsufficient');
    assert.equal(runStopOf(failed('refused', { kind: 'unexpected', status: 403, message: 'Forbidden' })), 'noRights');
    // This case's own refusal, or a doubt about this case: the next case may well go through.
    assert.equal(runStopOf(failed('refused', { kind: 'unexpected', status: 400, message: 'bad postcode' })), undefined);
    assert.equal(runStopOf(failed('uncertain', { kind: 'timeout', host: 'h', seconds: 30 })), undefined);
    assert.equal(runStopOf(failed('notCreated', { kind: 'busy', status: 429 })), undefined);
    assert.equal(runStopOf({ kind: 'complete', record }), undefined);
    assert.equal(runStopOf({ kind: 'busy', state: 'held', file: 'submission.lock' }), undefined);
  });

  describe('against the fake tilbago', () => {
    let fake: FakeTilbago;
    let root: string;
    let cases: RunCase[];
    const submitWith = (apiKey: string) => {
      const client = new TilbagoClient({ baseUrl: fake.url, apiKey, timeoutMs: 2000 });
      return (folder: string) =>
        submitCaseFolder(folder, {
          client,
          now: () => new Date(),
          confirmFiling: async () => true,
          confirmAttachmentResend: async () => false,
        });
    };
    const filedAtTilbago = () => cases.reduce((sum, c) => sum + fake.casesWithRef(c.name).length, 0);
    const caseRequests = () => fake.requests.filter((r) => r.method === 'PUT' && r.path === 'case').length;

    beforeEach(async () => {
      fake = await startFakeTilbago();
      root = await fs.mkdtemp(path.join(os.tmpdir(), 'tilbago-run-'));
      cases = [];
      for (let n = 1; n <= 12; n++) {
        const name = `INV-2026-${String(n).padStart(4, '0')}`;
        const folder = path.join(root, name);
        await fs.mkdir(folder);
        await fs.writeFile(path.join(folder, 'case.json'), JSON.stringify({ ...validCase(), externalRef: name }, null, 2));
        cases.push({ folder, name });
      }
    });
    afterEach(async () => {
      await fake.stop();
      await fs.rm(root, { recursive: true, force: true });
    });

    it('with a refused key, only the cases in flight are asked; the rest are not started', async () => {
      const result = await submitRun(cases, submitWith(fake.newKey()), { limit: 2 });
      assert.equal(result.stopped, 'keyRefused');
      assert.ok(caseRequests() <= 2, `${caseRequests()} requests`);
      assert.ok(result.notStarted >= cases.length - 2, `${result.notStarted} not started`);
      assert.equal(result.other.length + result.refused.length + result.notStarted, cases.length);
      assert.equal(filedAtTilbago(), 0);
    });

    it('with an insufficient balance, it stops the same way', async () => {
      fake.setInsufficientBalance(true);
      const result = await submitRun(cases, submitWith(fake.validKeys[0]!), { limit: 2 });
      assert.equal(result.stopped, 'balanceInsufficient');
      assert.ok(caseRequests() <= 2 && result.notStarted >= cases.length - 2);
    });

    it('without the rights (403), it stops the same way', async () => {
      fake.inject({ method: 'PUT', path: /^case$/, kind: 'answer', status: 403, body: { message: 'Forbidden' }, times: 99 } as never);
      const result = await submitRun(cases, submitWith(fake.validKeys[0]!), { limit: 2 });
      assert.equal(result.stopped, 'noRights');
      assert.ok(caseRequests() <= 2 && result.notStarted >= cases.length - 2);
    });

    it('two runs at once: each case filed once, and each run counts only what it filed itself', async () => {
      fake.setDelay(20, { method: 'PUT' });
      const submit = submitWith(fake.validKeys[0]!);
      const [a, b] = await Promise.all([submitRun(cases, submit, { limit: 2 }), submitRun(cases, submit, { limit: 2 })]);
      assert.equal(filedAtTilbago(), cases.length, 'each case once');
      assert.equal(a.filed.length + b.filed.length, cases.length, `filed ${a.filed.length} + ${b.filed.length}`);
      for (const run of [a, b]) {
        assert.equal(run.filed.length + run.alreadyFiled.length + run.busy.length, cases.length);
        assert.deepEqual([run.other, run.refused, run.uncertain, run.notStarted], [[], [], [], 0]);
      }
    });
  });
});
