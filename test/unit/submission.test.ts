// Filing case folders against the fake tilbago: never twice, and the record always tells the truth.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { blockingProblems, diagnose } from '../../src/cases/model/diagnose';
import { summarizeCaseFolder } from '../../src/cases/model/listing';
import { readRecord, type SubmissionRecord } from '../../src/cases/model/record';
import { recordCaseId, refreshCaseStatus, submitCaseFolder, type FilingSummary, type SubmitHooks } from '../../src/cases/model/submission';
import { TilbagoClient } from '../../src/tilbago/client';
import { startFakeTilbago, type FakeTilbago } from '../fake-tilbago/server.mjs';
import { validCase, writeCaseFolder } from '../fixtures/cases';

describe('submitting a case folder', () => {
  let fake: FakeTilbago;
  let folder: string;
  let asked: { resend: FilingSummary[]; attachments: string[][] };
  let answers: { resend: boolean; attachments: boolean };

  const client = (timeoutMs = 2000) => new TilbagoClient({ baseUrl: fake.url, apiKey: fake.validKeys[0]!, timeoutMs });
  const hooks = (timeoutMs = 2000): SubmitHooks => ({
    client: client(timeoutMs),
    now: () => new Date('2026-11-27T10:00:00Z'),
    confirmFiling: async (summary) => (summary.earlierAttempt ? (asked.resend.push(summary), answers.resend) : true),
    confirmAttachmentResend: async (files) => (asked.attachments.push(files.map((f) => f.file)), answers.attachments),
  });
  const record = async () => (await readRecord(folder)) as SubmissionRecord;
  const onlyCase = () => {
    const cases = fake.casesWithRef('INV-2026-0142');
    assert.equal(cases.length, 1, 'exactly one case at tilbago');
    return cases[0]!;
  };

  beforeEach(async () => {
    fake = await startFakeTilbago();
    folder = await writeCaseFolder(await fs.mkdtemp(path.join(os.tmpdir(), 'tilbago-case-')), validCase(), {
      'facture.pdf': '%PDF invoice',
      'rappel-3.pdf': '%PDF reminder',
    });
    asked = { resend: [], attachments: [] };
    answers = { resend: true, attachments: true };
  });
  afterEach(async () => {
    await fake.stop();
    await fs.rm(folder, { recursive: true, force: true });
  });

  it('files the case, then each attachment, and records it all', async () => {
    const outcome = await submitCaseFolder(folder, hooks());
    assert.equal(outcome.kind, 'complete');
    const saved = await record();
    const filed = onlyCase();
    assert.equal(saved.state, 'complete');
    assert.equal(saved.caseId, filed.id);
    assert.equal(saved.submittedAt, '2026-11-27T10:00:00.000Z');
    assert.deepEqual(
      saved.attachments.map((a) => [a.file, a.state, a.attachmentId]),
      [
        ['facture.pdf', 'sent', filed.attachments[0]!.id],
        ['rappel-3.pdf', 'sent', filed.attachments[1]!.id],
      ],
    );
    assert.equal(saved.attachments[0]!.sha256, filed.attachments[0]!.sha256);
    assert.equal(filed.body.externalRef, 'INV-2026-0142');
  });

  it('never files a complete case again', async () => {
    await submitCaseFolder(folder, hooks());
    const before = fake.requests.length;
    assert.equal((await submitCaseFolder(folder, hooks())).kind, 'alreadyComplete');
    assert.equal(fake.requests.length, before, 'nothing was sent');
  });

  it('writes the record before the request goes out', async () => {
    fake.inject({ method: 'PUT', path: /^case$/, kind: 'delay', ms: 500 });
    const submitting = submitCaseFolder(folder, hooks());
    await new Promise((resolve) => setTimeout(resolve, 250));
    assert.equal((await record()).state, 'sending', 'on disk while the request is in flight');
    assert.equal(fake.cases.size, 0);
    assert.equal((await submitting).kind, 'complete');
  });

  it('sends nothing for an invalid case, and names the problems', async () => {
    await fs.writeFile(path.join(folder, 'case.json'), JSON.stringify({ ...validCase(), claim: { ...validCase().claim, amount: 0 } }));
    const outcome = await submitCaseFolder(folder, hooks());
    assert.ok(outcome.kind === 'invalid' && outcome.problems[0]!.path === 'claim.amount');
    assert.equal(await readRecord(folder), undefined, 'no record');
    assert.equal(fake.requests.length, 0);
  });

  it('counts the problems of a case once: the cases view, the message and the Problems panel say the same number', async () => {
    // A comment, a key given twice, a wrong type, an unknown field: errors. No language for the debtor: a warning only.
    const { debtor, claim, ...rest } = validCase();
    const { preferredLanguage: _language, ...withoutLanguage } = debtor;
    const body = JSON.stringify({ ...rest, debtor: withoutLanguage, claim: { ...claim, amount: '1234.50' }, colour: 'blue' }, null, 2);
    const text = `// from the invoicing program\n${body.replace('{', '{\n  "externalRef": "first",')}`;
    await fs.writeFile(path.join(folder, 'case.json'), text);
    const panel = diagnose(text, 'case');
    const errors = panel.filter((problem) => !problem.warning);
    assert.deepEqual(errors.map((problem) => problem.code).sort(), ['comment', 'duplicateKey', 'unknownField', 'wrongType']);
    assert.ok(
      panel.some((problem) => problem.warning),
      'the warning is listed, not counted',
    );
    const outcome = await submitCaseFolder(folder, hooks());
    assert.ok(outcome.kind === 'invalid');
    assert.equal(outcome.problems.length, errors.length, 'the message');
    assert.equal((await summarizeCaseFolder(folder))?.problems, errors.length, 'the cases view');
    assert.equal(blockingProblems(text, 'case').length, errors.length);
    assert.equal(fake.requests.length, 0);
  });

  it('after a refusal (402) the case is known not to exist, and a retry files it once', async () => {
    fake.setInsufficientBalance(true);
    const refused = await submitCaseFolder(folder, hooks());
    assert.equal(refused.kind, 'notCreated');
    assert.deepEqual((await record()).lastError, { at: '2026-11-27T10:00:00.000Z', error: { kind: 'insufficientBalance' } });
    fake.setInsufficientBalance(false);
    assert.equal((await submitCaseFolder(folder, hooks())).kind, 'complete');
    assert.deepEqual(asked.resend, [], 'no question: it was surely not created');
    onlyCase();
    assert.equal((await record()).lastError, undefined);
  });

  it('a crash between the PUT and the record: the retry asks, and cannot create a second case', async () => {
    // The process died after tilbago created the case and before the answer was written down.
    const created = await client().createCase(validCase());
    assert.ok(created.ok);
    const dead: SubmissionRecord = {
      version: 2,
      externalRef: 'INV-2026-0142',
      state: 'sending',
      attemptStartedAt: '2026-11-27T09:00:00.000Z',
      updatedAt: '2026-11-27T09:00:00.000Z',
      attachments: [],
    };
    await fs.writeFile(path.join(folder, 'submission.json'), JSON.stringify(dead));

    answers.resend = false;
    assert.equal((await submitCaseFolder(folder, hooks())).kind, 'cancelled');
    assert.equal(asked.resend.length, 1);
    assert.equal((await record()).state, 'sending', 'the record is untouched');

    answers.resend = true;
    const retried = await submitCaseFolder(folder, hooks());
    assert.equal(retried.kind, 'duplicate', 'tilbago refused a second case with the same reference');
    assert.equal((await record()).state, 'duplicate');
    onlyCase();

    // The user looks up the case id at tilbago; then only the attachments go.
    assert.equal((await submitCaseFolder(folder, hooks())).kind, 'duplicate', 'still waiting for the case id');
    assert.equal((await recordCaseId(folder, created.value.caseId, new Date('2026-11-27T11:00:00Z'), new Map())).kind, 'recorded');
    assert.equal((await submitCaseFolder(folder, hooks())).kind, 'complete');
    assert.equal(onlyCase().attachments.length, 2);
  });

  for (const [status, meaning] of [
    [404, 'a wrong address'],
    [403, 'a key without the right to file'],
  ] as const) {
    it(`a ${status} to the filing (${meaning}) is no refusal of the case: not created, and filed once when submitted again`, async () => {
      fake.inject({ method: 'PUT', path: /^case$/, kind: 'answer', status, body: { message: 'No' } });
      const outcome = await submitCaseFolder(folder, hooks());
      assert.equal(outcome.kind, 'notCreated');
      assert.equal((await record()).state, 'notCreated');
      assert.deepEqual((await record()).lastError?.error, { kind: 'unexpected', status, message: 'No' });
      assert.equal((await submitCaseFolder(folder, hooks())).kind, 'complete', 'the same case.json is sent again');
      assert.deepEqual(asked.resend, [], 'no question: it was surely not created');
      onlyCase();
    });
  }

  it('a 408 to the filing (a time-out on the way) leaves the case uncertain, like a time-out', async () => {
    fake.inject({ method: 'PUT', path: /^case$/, kind: 'answer', status: 408 });
    const outcome = await submitCaseFolder(folder, hooks());
    assert.equal(outcome.kind, 'uncertain');
    assert.equal((await record()).state, 'uncertain');
    assert.equal((await submitCaseFolder(folder, hooks())).kind, 'complete', 'asked first, then filed');
    assert.equal(asked.resend.length, 1);
    onlyCase();
  });

  it('a 408 to an attachment leaves it uncertain: tilbago may have it', async () => {
    fake.inject({ path: /attachment$/, kind: 'answer', status: 408 });
    answers.attachments = false;
    const first = await submitCaseFolder(folder, hooks());
    assert.equal(first.kind, 'attachmentsFailed');
    assert.deepEqual(
      (await record()).attachments.map((a) => a.state),
      ['uncertain', 'sent'],
    );
  });

  it('a lost answer (reset after creating) leaves the state uncertain, and the retry does not duplicate', async () => {
    fake.inject({ method: 'PUT', path: /^case$/, kind: 'storeThenReset' });
    const lost = await submitCaseFolder(folder, hooks());
    assert.equal(lost.kind, 'uncertain');
    assert.equal((await record()).state, 'uncertain');
    assert.equal((await submitCaseFolder(folder, hooks())).kind, 'duplicate');
    onlyCase();
  });

  it('a time-out after creating is uncertain too', async () => {
    fake.inject({ method: 'PUT', path: /^case$/, kind: 'storeThenDelay', ms: 1500 });
    const outcome = await submitCaseFolder(folder, hooks(300));
    assert.ok(outcome.kind === 'uncertain' && outcome.error.kind === 'timeout');
    assert.equal((await record()).lastError!.error.kind, 'timeout');
  });

  it('retries only the attachments that failed', async () => {
    fake.inject({ path: /attachment$/, kind: 'answer', status: 400, body: { message: 'Not a PDF' } });
    const first = await submitCaseFolder(folder, hooks());
    assert.ok(first.kind === 'attachmentsFailed' && first.failed.join() === 'facture.pdf');
    assert.deepEqual(
      (await record()).attachments.map((a) => a.state),
      ['failed', 'sent'],
    );
    assert.equal((await record()).state, 'created');

    await fs.writeFile(path.join(folder, 'attachments', 'zz-added-later.pdf'), '%PDF');
    assert.equal((await submitCaseFolder(folder, hooks())).kind, 'complete');
    assert.deepEqual(
      onlyCase()
        .attachments.map((a) => a.fileName)
        .sort(),
      ['facture.pdf', 'rappel-3.pdf', 'zz-added-later.pdf'],
    );
  });

  it('asks before sending again an attachment whose sending was interrupted', async () => {
    await submitCaseFolder(folder, hooks());
    const saved = await record();
    const interrupted = {
      ...saved,
      state: 'created',
      attachments: saved.attachments.map((a, i) => (i === 0 ? { ...a, state: 'sending' } : a)),
    };
    await fs.writeFile(path.join(folder, 'submission.json'), JSON.stringify(interrupted));
    answers.attachments = false;
    const outcome = await submitCaseFolder(folder, hooks());
    assert.deepEqual(asked.attachments, [['facture.pdf']]);
    assert.ok(outcome.kind === 'attachmentsFailed');
    assert.equal(onlyCase().attachments.length, 2, 'nothing sent again');
  });

  it('reads a record of the first release (version 1), keeping its error text', async () => {
    const v1 = {
      version: 1,
      externalRef: 'INV-2026-0142',
      state: 'notCreated',
      attemptStartedAt: '2026-11-01T09:00:00.000Z',
      updatedAt: '2026-11-01T09:00:00.000Z',
      lastError: { at: '2026-11-01T09:00:00.000Z', message: 'tilbago answered 402' },
      attachments: [{ file: 'facture.pdf', bytes: 12, sha256: 'x', state: 'failed', error: 'reset' }],
    };
    await fs.writeFile(path.join(folder, 'submission.json'), JSON.stringify(v1));
    const read = await record();
    assert.equal(read.version, 2);
    assert.deepEqual(read.lastError, {
      at: '2026-11-01T09:00:00.000Z',
      error: { kind: 'unexpected', status: 0, message: 'tilbago answered 402' },
    });
    assert.equal(read.attachments[0]!.lastError?.error.kind, 'unexpected');
    assert.equal((await submitCaseFolder(folder, hooks())).kind, 'complete');
    onlyCase();
  });

  it('leaves a submission.json it does not understand alone', async () => {
    await fs.writeFile(path.join(folder, 'submission.json'), '{ "my": "notes" }');
    assert.equal((await submitCaseFolder(folder, hooks())).kind, 'recordBroken');
    assert.equal(await fs.readFile(path.join(folder, 'submission.json'), 'utf8'), '{ "my": "notes" }');
    assert.equal(fake.requests.length, 0);
  });

  it('refreshes the status of a filed case', async () => {
    assert.equal((await refreshCaseStatus(folder, client(), new Date())).kind, 'notSubmitted');
    await submitCaseFolder(folder, hooks());
    fake.setStatus(onlyCase().id, { statusCode: '100', description: 'Zahlungsbefehl zugestellt', eSchKGCode: '01' });
    const outcome = await refreshCaseStatus(folder, client(), new Date('2026-12-01T08:00:00Z'));
    assert.equal(outcome.kind, 'updated');
    assert.deepEqual((await record()).status, {
      statusCode: '100',
      description: 'Zahlungsbefehl zugestellt',
      eSchKGCode: '01',
      checkedAt: '2026-12-01T08:00:00.000Z',
    });
  });
});
