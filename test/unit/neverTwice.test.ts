// "Never twice, for real": each way a request could be filed twice in ordinary use, against the fake tilbago and a
// real case folder on disk. The numbers are those of the issue that reported them.
import * as assert from 'node:assert/strict';
import { promises as realFs } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkApiKey } from '../../src/apiKey/rules';
import { acquireCaseLock } from '../../src/cases/model/caseLock';
import { LOCK_FILE } from '../../src/cases/model/files';
import { caseFolderName } from '../../src/cases/model/newCase';
import { MAX_ATTACHMENTS } from '../../src/cases/model/attachments';
import { readRecord, type SubmissionRecord } from '../../src/cases/model/record';
import {
  recordAttachmentsAtTilbago,
  recordCaseId,
  refreshCaseStatus,
  setRecordAside,
  submitCaseFolder,
  type FilingSummary,
  type SubmitHooks,
} from '../../src/cases/model/submission';
import { isCaseId } from '../../src/tilbago/caseId';
import { attachmentDisposition, TilbagoClient } from '../../src/tilbago/client';
import { startFakeTilbago, type FakeTilbago } from '../fake-tilbago/server.mjs';
import { validCase, writeCaseFolder } from '../fixtures/cases';

describe('never twice, for real', () => {
  let fake: FakeTilbago;
  let folder: string;
  let asked: { filing: FilingSummary[]; attachments: { file: string; attemptedAt?: string }[][]; recovered: unknown[] };
  let answers: { filing: boolean; attachments: boolean };

  const client = (timeoutMs = 2000, apiKey = fake.validKeys[0]!) => new TilbagoClient({ baseUrl: fake.url, apiKey, timeoutMs });
  const hooks = (timeoutMs = 2000, apiKey?: string): SubmitHooks => ({
    client: client(timeoutMs, apiKey),
    now: () => new Date(),
    confirmFiling: async (summary) => (asked.filing.push(summary), answers.filing),
    confirmAttachmentResend: async (files) => (asked.attachments.push(files.map((f) => ({ ...f }))), answers.attachments),
    lockRecovered: (owner) => asked.recovered.push(owner),
  });
  const record = async () => (await readRecord(folder)) as SubmissionRecord;
  const casesAtTilbago = (ref = 'INV-2026-0142') => fake.casesWithRef(ref);
  const writeCase = (change: object = {}) =>
    fs.writeFile(path.join(folder, 'case.json'), JSON.stringify({ ...validCase(), ...change }, null, 2));
  const attachmentsSentOf = (file: string) => fake.allAttachments().filter((a) => a.fileName === file).length;

  beforeEach(async () => {
    fake = await startFakeTilbago();
    folder = await writeCaseFolder(await fs.mkdtemp(path.join(os.tmpdir(), 'tilbago-twice-')), validCase(), {
      'facture.pdf': '%PDF invoice',
      'rappel-3.pdf': '%PDF reminder',
    });
    asked = { filing: [], attachments: [], recovered: [] };
    answers = { filing: true, attachments: true };
  });
  afterEach(async () => {
    await fake.stop();
    await fs.rm(folder, { recursive: true, force: true });
  });

  it('asks before filing, naming the debtor, the amount, the interest, the attachments and the host; Cancel sends nothing', async () => {
    answers.filing = false;
    assert.equal((await submitCaseFolder(folder, hooks())).kind, 'cancelled');
    assert.deepEqual(asked.filing, [
      {
        externalRef: 'INV-2026-0142',
        debtor: 'Anna Muster',
        amountRappen: 123_450,
        interest: [{ rate: '5.0', from: '2026-09-03' }],
        attachments: ['facture.pdf', 'rappel-3.pdf'],
        host: `127.0.0.1:${fake.port}`,
      },
    ]);
    assert.equal(fake.requests.length, 0);
    assert.equal(await readRecord(folder), undefined, 'no record of an attempt that was not made');
    answers.filing = true;
    assert.equal((await submitCaseFolder(folder, hooks())).kind, 'complete');
  });

  it('1. a status refresh during a submission never undoes its progress', async () => {
    fake.inject({ path: /attachment$/, kind: 'answer', status: 400, body: { message: 'Attachment refused' } });
    assert.equal((await submitCaseFolder(folder, hooks())).kind, 'attachmentsFailed');
    fake.inject({ path: /attachment$/, kind: 'delay', ms: 400 });
    fake.inject({ path: /status$/, kind: 'delay', ms: 200 });
    const [submitted, refreshed] = await Promise.all([submitCaseFolder(folder, hooks()), refreshCaseStatus(folder, client(), new Date())]);
    assert.equal(submitted.kind, 'complete');
    assert.ok(['updated', 'busy'].includes(refreshed.kind), refreshed.kind);
    assert.equal((await record()).state, 'complete', 'the refresh kept the submission’s progress');
    const before = fake.requests.length;
    assert.equal((await submitCaseFolder(folder, hooks())).kind, 'alreadyComplete');
    assert.equal(fake.requests.length, before);
    assert.equal(attachmentsSentOf('facture.pdf'), 1);
    assert.equal(attachmentsSentOf('rappel-3.pdf'), 1);
  });

  it('2. two submissions of one case at once: one runs, the other says so and sends nothing', async () => {
    fake.inject({ path: /attachment$/, kind: 'delay', ms: 150, times: 2 });
    const outcomes = await Promise.all([submitCaseFolder(folder, hooks()), submitCaseFolder(folder, hooks())]);
    assert.deepEqual(outcomes.map((o) => o.kind).sort(), ['busy', 'complete']);
    assert.equal(casesAtTilbago().length, 1);
    assert.equal(fake.allAttachments().length, 2, 'each attachment once');
  });

  it('2. a late refusal never overwrites a record that has a case id', async () => {
    // Another machine filed the case (its lock was not visible here) while this attempt's request was in flight.
    fake.inject({ method: 'PUT', path: /^case$/, kind: 'delay', ms: 400 });
    const late = submitCaseFolder(folder, hooks());
    await new Promise((resolve) => setTimeout(resolve, 150));
    const created = await client().createCase(validCase());
    assert.ok(created.ok);
    const winner: SubmissionRecord = { ...(await record()), state: 'complete', caseId: created.value.caseId, attachments: [] };
    await fs.writeFile(path.join(folder, 'submission.json'), JSON.stringify(winner));
    const outcome = await late;
    assert.equal(outcome.kind, 'recordConflict');
    assert.equal((await record()).caseId, created.value.caseId, 'the case id stays');
  });

  it('3. a filed case folder copied as a template: nothing goes to the old case; the old record is set aside on request', async () => {
    assert.equal((await submitCaseFolder(folder, hooks())).kind, 'complete');
    const oldCase = casesAtTilbago()[0]!;
    const oldRecordText = await fs.readFile(path.join(folder, 'submission.json'), 'utf8');
    await writeCase({ externalRef: 'INV-2026-0143', debtor: { ...validCase().debtor, name: 'Beat', surname: 'Beispiel' } });
    await fs.rm(path.join(folder, 'attachments', 'facture.pdf'));
    await fs.writeFile(path.join(folder, 'attachments', 'facture-0143.pdf'), '%PDF other invoice');
    const before = fake.requests.length;

    const refused = await submitCaseFolder(folder, hooks());
    assert.ok(refused.kind === 'recordMismatch' && refused.recordRef === 'INV-2026-0142' && refused.caseRef === 'INV-2026-0143');
    assert.equal(fake.requests.length, before, 'nothing sent');
    assert.equal(oldCase.attachments.length, 2, 'the old case got nothing new');

    const aside = await setRecordAside(folder, new Date('2026-11-28T09:30:00Z'));
    assert.ok(aside.kind === 'setAside');
    assert.equal(await fs.readFile(path.join(folder, aside.file), 'utf8'), oldRecordText, 'kept as it was');
    assert.equal((await submitCaseFolder(folder, hooks())).kind, 'complete');
    const newCase = casesAtTilbago('INV-2026-0143');
    assert.equal(newCase.length, 1);
    assert.deepEqual(newCase[0]!.attachments.map((a) => a.fileName).sort(), ['facture-0143.pdf', 'rappel-3.pdf']);
    assert.equal(oldCase.attachments.length, 2);
  });

  for (const fault of ['storeThenReset', 'storeThenNotJson', 'error500', 'storeThenDelay'] as const) {
    it(`4. an attachment whose answer is lost (${fault}) is sent again only after a confirmation that names it`, async () => {
      fake.inject({ path: /attachment$/, kind: fault, ms: 1500 } as never);
      const first = await submitCaseFolder(folder, hooks(500));
      assert.equal(first.kind, 'attachmentsFailed');
      const uncertain = (await record()).attachments.find((a) => a.file === 'facture.pdf')!;
      assert.equal(uncertain.state, 'uncertain');
      assert.ok(uncertain.attemptedAt);

      answers.attachments = false;
      const declined = await submitCaseFolder(folder, hooks());
      assert.equal(declined.kind, 'attachmentsFailed');
      assert.deepEqual(asked.attachments, [[{ file: 'facture.pdf', attemptedAt: uncertain.attemptedAt }]]);
      const storedBefore = attachmentsSentOf('facture.pdf');
      assert.equal(storedBefore, fault === 'error500' ? 0 : 1);

      answers.attachments = true;
      assert.equal((await submitCaseFolder(folder, hooks())).kind, 'complete');
      assert.equal(attachmentsSentOf('facture.pdf'), storedBefore + 1, 'sent again once, as confirmed');
    });
  }

  it('4. an uncertain attachment the user found at tilbago is recorded as sent, and never sent again', async () => {
    fake.inject({ path: /attachment$/, kind: 'storeThenReset' });
    assert.equal((await submitCaseFolder(folder, hooks())).kind, 'attachmentsFailed');
    const marked = await recordAttachmentsAtTilbago(folder, ['facture.pdf'], new Date('2026-11-28T10:00:00Z'));
    assert.ok(marked.kind === 'recorded' && marked.outcome.kind === 'complete', JSON.stringify(marked));
    const saved = await record();
    assert.equal(saved.state, 'complete');
    assert.deepEqual(
      saved.attachments.map((a) => [a.file, a.state, a.foundAtTilbagoAt]),
      [
        ['facture.pdf', 'sent', '2026-11-28T10:00:00.000Z'],
        ['rappel-3.pdf', 'sent', undefined],
      ],
    );
    const before = fake.requests.length;
    assert.equal((await submitCaseFolder(folder, hooks())).kind, 'alreadyComplete');
    assert.equal(fake.requests.length, before);
    assert.equal(attachmentsSentOf('facture.pdf'), 1);
    assert.equal(
      (await recordAttachmentsAtTilbago(folder, ['rappel-3.pdf'], new Date())).kind,
      'nothingToRecord',
      'only an unsure attachment can be',
    );
  });

  it('a folder without case.json is not a case folder: nothing is sent, and it says so', async () => {
    await fs.rm(path.join(folder, 'case.json'));
    assert.equal((await submitCaseFolder(folder, hooks())).kind, 'noCaseFile');
    assert.equal(fake.requests.length, 0);
  });

  it('5. externalRef edited after an uncertain attempt: nothing is sent, and the user is not told it is safe', async () => {
    fake.inject({ method: 'PUT', path: /^case$/, kind: 'storeThenReset' });
    assert.equal((await submitCaseFolder(folder, hooks())).kind, 'uncertain');
    await writeCase({ externalRef: 'INV-2026-0142 ' });
    const before = fake.requests.length;
    const outcome = await submitCaseFolder(folder, hooks());
    assert.ok(outcome.kind === 'recordMismatch' && outcome.record.state === 'uncertain');
    assert.equal(fake.requests.length, before);
    assert.equal(asked.filing.length, 1, 'not asked again: no "sending again is safe"');
    assert.equal(fake.cases.size, 1);
  });

  it('6. a record entry naming a file outside attachments/ is not ours, and nothing is read from outside', async () => {
    assert.equal((await submitCaseFolder(folder, hooks())).kind, 'complete');
    const outside = path.join(folder, '..', `${path.basename(folder)}-secret.txt`);
    await fs.writeFile(outside, 'not for tilbago');
    try {
      const saved = await record();
      const tampered = {
        ...saved,
        state: 'created',
        attachments: [...saved.attachments, { file: `../../${path.basename(outside)}`, bytes: 15, sha256: 'x', state: 'pending' }],
      };
      await fs.writeFile(path.join(folder, 'submission.json'), JSON.stringify(tampered));
      const before = fake.requests.length;
      assert.equal((await submitCaseFolder(folder, hooks())).kind, 'recordBroken');
      assert.equal(fake.requests.length, before);
    } finally {
      await fs.rm(outside, { force: true });
    }
  });

  it('6. attachments/ as a symbolic link, or a link inside it, is refused', async () => {
    const elsewhere = await fs.mkdtemp(path.join(os.tmpdir(), 'tilbago-elsewhere-'));
    try {
      await fs.writeFile(path.join(elsewhere, 'private.txt'), 'private');
      await fs.symlink(path.join(elsewhere, 'private.txt'), path.join(folder, 'attachments', 'link.pdf'));
      const inside = await submitCaseFolder(folder, hooks());
      assert.ok(inside.kind === 'attachmentProblem' && inside.problem === 'link' && inside.file === 'link.pdf', JSON.stringify(inside));
      await fs.rm(path.join(folder, 'attachments'), { recursive: true });
      await fs.symlink(elsewhere, path.join(folder, 'attachments'));
      const folderLink = await submitCaseFolder(folder, hooks());
      assert.ok(
        folderLink.kind === 'attachmentProblem' && folderLink.problem === 'link' && folderLink.file === '',
        JSON.stringify(folderLink),
      );
      assert.equal(fake.requests.length, 0);
    } finally {
      await fs.rm(elsewhere, { recursive: true, force: true });
    }
  });

  it('7. only a 409 is "duplicate"; another refusal keeps tilbago’s message and is tried again once case.json changed', async () => {
    fake.inject({
      method: 'PUT',
      path: /^case$/,
      kind: 'answer',
      status: 400,
      body: { message: 'externalRef must be at most 30 characters' },
    });
    const refused = await submitCaseFolder(folder, hooks());
    assert.equal(refused.kind, 'refused');
    assert.deepEqual((await record()).lastError?.error, {
      kind: 'unexpected',
      status: 400,
      message: 'externalRef must be at most 30 characters',
    });
    const before = fake.requests.length;
    assert.equal((await submitCaseFolder(folder, hooks())).kind, 'stillRefused', 'the same case.json is not sent again');
    assert.equal(fake.requests.length, before);
    await writeCase({ payeeReference: 'changed' });
    assert.equal((await submitCaseFolder(folder, hooks())).kind, 'complete');
    assert.equal(casesAtTilbago().length, 1);
  });

  it('8. a huge answer is cut, not read whole', async () => {
    fake.inject({ kind: 'huge', bytes: 200 * 1024 * 1024 });
    const answer = await client(5000).caseStatus('C000001');
    assert.ok(!answer.ok && answer.error.kind === 'invalidAnswer', JSON.stringify(answer));
    assert.ok(fake.hugeBytesSent() < 32 * 1024 * 1024, `only a little was read (${fake.hugeBytesSent()} bytes)`);
  });

  it('8. an attachment over 2 GiB is refused from its size, without reading it', async () => {
    const handle = await fs.open(path.join(folder, 'attachments', 'huge.pdf'), 'w');
    await handle.truncate(2.5 * 1024 * 1024 * 1024);
    await handle.close();
    const outcome = await submitCaseFolder(folder, hooks());
    assert.ok(
      outcome.kind === 'attachmentProblem' && outcome.problem === 'tooLarge' && outcome.file === 'huge.pdf',
      JSON.stringify(outcome),
    );
    assert.equal(fake.requests.length, 0);
  });

  it('8. a failed attachment replaced by a bigger file is measured again', async () => {
    fake.inject({ path: /attachment$/, kind: 'answer', status: 400, body: { message: 'unreadable PDF' } });
    assert.equal((await submitCaseFolder(folder, hooks())).kind, 'attachmentsFailed');
    const handle = await fs.open(path.join(folder, 'attachments', 'facture.pdf'), 'w');
    await handle.truncate(25 * 1024 * 1024);
    await handle.close();
    const outcome = await submitCaseFolder(folder, hooks());
    assert.ok(
      outcome.kind === 'attachmentProblem' && outcome.problem === 'tooLarge' && outcome.file === 'facture.pdf',
      JSON.stringify(outcome),
    );
    assert.equal(attachmentsSentOf('facture.pdf'), 0);
  });

  it('9. a key outside visible ASCII is refused when set, and a request that never left is "not created", never uncertain', async () => {
    for (const key of ['tb-live-€-0001', 'tb-live-😀-0001', 'tb-live-é-0001'])
      assert.deepEqual(checkApiKey(key), { ok: false, problem: 'notVisibleAscii' });
    const outcome = await submitCaseFolder(folder, hooks(2000, 'tb-live-€-0001'));
    assert.equal(outcome.kind, 'notCreated');
    assert.equal(fake.requests.length, 0);
    assert.equal((await submitCaseFolder(folder, hooks())).kind, 'complete');
    assert.ok(
      asked.filing.every((f) => !f.earlierAttempt),
      'not told that an attempt which never left may have filed it',
    );
  });

  it('10. Test connection accepts a key only on an answer in tilbago’s shape', async () => {
    const wrongPath = new TilbagoClient({ baseUrl: fake.url.replace('/v1/', '/v2/'), apiKey: 'wrong-key', timeoutMs: 2000 });
    const answer = await wrongPath.checkKey();
    assert.ok(!answer.ok && answer.error.kind === 'invalidAnswer' && answer.error.status === 404, JSON.stringify(answer));
    assert.deepEqual(await client().checkKey(), { ok: true, value: 'accepted' });
  });

  it('11. case ids, temporary files, folder names and file names', async () => {
    for (const id of ['.', '..', '', 'a/b', '%2e%2e']) assert.equal(isCaseId(id), false, id);
    assert.equal(isCaseId('C000001'), true);
    assert.equal((await client().caseStatus('..')).ok, false);
    assert.equal(fake.requests.length, 0);

    const leftover = path.join(folder, 'submission.json.4242.deadbeef.tmp');
    await fs.writeFile(leftover, '{"half":');
    assert.equal((await submitCaseFolder(folder, hooks())).kind, 'complete');
    await assert.rejects(fs.access(leftover), 'the leftover of a killed write is cleaned');

    const name = caseFolderName({
      invoiceNumber: '1',
      debtor: { kind: 'legal', company: '𠀀'.repeat(100) },
      address: { street: 'Rue du Lac', zip: '1003', city: 'Lausanne' },
      amountRappen: 1,
      language: 'fr',
      reason: 'r',
      reminderDates: [],
    });
    assert.doesNotMatch(name, /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/, 'no half of a surrogate pair');

    assert.match(attachmentDisposition("l'été (copie)*.pdf"), /filename\*=UTF-8''l%27%C3%A9t%C3%A9%20%28copie%29%2A\.pdf$/);
  });

  it(`11. at most ${MAX_ATTACHMENTS} attachments, and the record is written once per attachment`, async function () {
    // A hundred records written to disk and flushed, one per attachment: seconds on a slow or busy disk.
    this.timeout(30_000);
    for (let i = 0; i < MAX_ATTACHMENTS - 1; i++)
      await fs.writeFile(path.join(folder, 'attachments', `z-${String(i).padStart(3, '0')}.pdf`), `%PDF ${i}`);
    await fs.writeFile(path.join(folder, 'attachments', 'zz-one-too-many.pdf'), '%PDF');
    const tooMany = await submitCaseFolder(folder, hooks());
    assert.ok(tooMany.kind === 'attachmentProblem' && tooMany.problem === 'tooMany', JSON.stringify(tooMany));
    assert.equal(fake.requests.length, 0);
    await fs.rm(path.join(folder, 'attachments', 'zz-one-too-many.pdf'));
    await fs.rm(path.join(folder, 'attachments', 'rappel-3.pdf'));
    let writes = 0;
    const outcome = await submitCaseFolder(folder, { ...hooks(), checkpoint: (step) => void (step === 'recordWritten' && writes++) });
    assert.equal(outcome.kind, 'complete');
    assert.ok(writes <= MAX_ATTACHMENTS + 3, `${writes} writes of the record for ${MAX_ATTACHMENTS} attachments`);
  });

  describe('the case lock', () => {
    const lockFile = () => path.join(folder, LOCK_FILE);
    const writeLock = async (owner: object, ageMs = 0) => {
      await fs.writeFile(lockFile(), JSON.stringify(owner));
      const then = new Date(Date.now() - ageMs);
      await fs.utimes(lockFile(), then, then);
    };
    const owner = (change: object = {}) => ({
      tool: 'tilbago-vscode',
      purpose: 'submit',
      pid: process.pid,
      host: os.hostname(),
      startedAt: new Date().toISOString(),
      token: 'other',
      ...change,
    });

    it('a lock of a live process on this machine means busy', async () => {
      await writeLock(owner());
      const outcome = await submitCaseFolder(folder, hooks());
      assert.ok(outcome.kind === 'busy' && outcome.owner?.purpose === 'submit');
      assert.equal(fake.requests.length, 0);
    });

    it('a lock whose process is gone is recovered, and the user told', async () => {
      await writeLock(owner({ pid: 2 ** 22 + 17 }));
      assert.equal((await submitCaseFolder(folder, hooks())).kind, 'complete');
      assert.equal(asked.recovered.length, 1);
      await assert.rejects(fs.access(lockFile()), 'released');
    });

    it('a lock of another machine is busy whatever its stamp, recovered once seen unchanged for the stale time', async () => {
      await writeLock(owner({ host: 'other-machine' }), 60 * 60_000);
      assert.equal((await submitCaseFolder(folder, hooks())).kind, 'busy');
      const quick = { timing: { heartbeatMs: 40, staleOtherHostMs: 300 }, waitMs: 2000 };
      assert.equal((await submitCaseFolder(folder, { ...hooks(), lock: quick })).kind, 'complete');
      assert.equal(asked.recovered.length, 1);
    });

    it('enter-case-id and refresh take the lock too', async () => {
      const lock = await acquireCaseLock(folder, 'submit');
      assert.ok(lock.kind === 'acquired');
      try {
        assert.equal((await recordCaseId(folder, 'C000001', new Date(), new Map())).kind, 'busy');
        assert.equal((await refreshCaseStatus(folder, client(), new Date())).kind, 'notSubmitted');
      } finally {
        await lock.lock.release();
      }
    });

    it('a case id is never recorded for a case whose reference changed, or one in use for another reference', async () => {
      fake.inject({ method: 'PUT', path: /^case$/, kind: 'storeThenReset' });
      assert.equal((await submitCaseFolder(folder, hooks())).kind, 'uncertain');
      assert.equal((await recordCaseId(folder, 'C000001', new Date(), new Map([['C000001', 'INV-2026-0001']]))).kind, 'caseIdInUse');
      await writeCase({ externalRef: 'INV-2026-0999' });
      assert.equal((await recordCaseId(folder, 'C000001', new Date(), new Map())).kind, 'recordMismatch');
      await writeCase();
      assert.equal((await recordCaseId(folder, 'C000001', new Date(), new Map())).kind, 'recorded');
    });

    it('leftovers of a crashed taker (its temporary lock file) are removed once surely dead; a fresh one is left alone', async () => {
      const leftover = (token: string, suffix: string) => path.join(folder, `${LOCK_FILE}.${token}.${suffix}`);
      const old = new Date(Date.now() - 60 * 60_000);
      for (const file of [leftover('a1b2c3d4e5f6a1b2c3d4e5f6', 'tmp'), leftover('0123456789abcdef01234567', 'stale')]) {
        await fs.writeFile(file, JSON.stringify(owner({ pid: 2 ** 22 + 17 })));
        await fs.utimes(file, old, old);
      }
      // Another taker may be between writing its temporary file and linking it this very moment.
      await fs.writeFile(leftover('ffffffffffffffffffffffff', 'tmp'), JSON.stringify(owner()));
      assert.equal((await submitCaseFolder(folder, hooks())).kind, 'complete');
      const left = (await fs.readdir(folder)).filter((name) => name.startsWith(`${LOCK_FILE}.`));
      assert.deepEqual(left, [`${LOCK_FILE}.ffffffffffffffffffffffff.tmp`]);
    });

    it('where hard links fail (exFAT, some SMB shares), the lock and setting the record aside fall back, never overwriting', async () => {
      fake.inject({ method: 'PUT', path: /^case$/, kind: 'storeThenReset' });
      assert.equal((await submitCaseFolder(folder, hooks())).kind, 'uncertain');
      const recordText = await fs.readFile(path.join(folder, 'submission.json'), 'utf8');
      const now = new Date('2026-11-28T09:30:00Z');
      const taken = path.join(folder, 'submission.set-aside-2026-11-28T09-30-00-000Z.json');
      await fs.writeFile(taken, 'an earlier one');
      const link = realFs.link;
      realFs.link = async () => {
        throw Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' });
      };
      let aside: Awaited<ReturnType<typeof setRecordAside>> | undefined;
      try {
        aside = await setRecordAside(folder, now);
      } finally {
        realFs.link = link;
      }
      assert.deepEqual(aside, { kind: 'setAside', file: 'submission.set-aside-2026-11-28T09-30-00-000Z-2.json' });
      assert.ok(aside?.kind === 'setAside');
      assert.equal(await fs.readFile(path.join(folder, aside.file), 'utf8'), recordText, 'kept as it was');
      assert.equal(await fs.readFile(taken, 'utf8'), 'an earlier one', 'never overwritten');
      await assert.rejects(fs.access(path.join(folder, 'submission.json')), 'the case starts afresh');
      assert.deepEqual(
        (await fs.readdir(folder)).filter((name) => name.includes('.tmp') || name.startsWith('submission.lock')),
        [],
      );
    });
  });
});
