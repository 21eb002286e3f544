// The hostile-files battery: a case folder per hostile file (a FIFO, a link to /dev/zero, a 500 MB sparse file, a
// folder, a dangling link, a link out of the cases folder, a BOM, a byte that is not UTF-8, a key given twice) in
// place of case.json, reminders.json, submission.json or an attachment, and every reader of a case folder run over
// it. Each reader must come back within READ_LIMIT_MS, naming the file's problem, with bounded memory. The readers
// run in a child process (this same file, started with HOSTILE_CHILD set): a read that hangs, even a synchronous
// one, is a child killed and a failed test, never a hung mocha.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ATTACHMENTS_FOLDER, CASE_FILE, REMINDERS_FILE, SUBMISSION_FILE } from '../../src/cases/model/files';
import { ATTACHMENT_READ_RULES } from '../../src/cases/model/attachments';
import { readCaseFolderText } from '../../src/cases/model/caseFolderRead';
import { diagnose } from '../../src/cases/model/diagnose';
import { listCaseFolders, listCaseFoldersInWorker, summarizeCaseFolder, summarizeCaseFolderSync } from '../../src/cases/model/listing';
import { readRecord } from '../../src/cases/model/record';
import { recordCaseId, submitCaseFolder, type SubmitHooks } from '../../src/cases/model/submission';
import { recordThirdReminderSent } from '../../src/cases/model/thirdReminderSent';
import { readBounded } from '../../src/shared/boundedRead';
import { validCase } from '../fixtures/cases';

/** The longest any one read may take: a hostile file is refused at once, never waited on. */
const READ_LIMIT_MS = 2000;
const CHILD = 'HOSTILE_CHILD';
const MB = 1024 * 1024;

type Target = typeof CASE_FILE | typeof REMINDERS_FILE | typeof SUBMISSION_FILE | 'attachment';
type Hostile =
  | 'fifo'
  | 'device'
  | 'devZeroLink'
  | 'huge'
  | 'folder'
  | 'danglingLink'
  | 'outsideLink'
  | 'insideLink'
  | 'bom'
  | 'notUtf8'
  | 'duplicateKey';

const ATTACHMENT = 'facture.pdf';
const validReminders = () => ({ invoiceNumber: 'A', amountDue: 'CHF 80', reminders: { first: '2026-09-07', second: '2026-10-05' } });
const validRecord = () => ({
  version: 2,
  externalRef: 'INV-2026-0142',
  state: 'uncertain',
  attemptStartedAt: '2026-11-27T10:00:00.000Z',
  updatedAt: '2026-11-27T10:00:00.000Z',
  attachments: [],
});
const TEXT_OF: Record<Target, () => string> = {
  [CASE_FILE]: () => JSON.stringify(validCase(), null, 2),
  [REMINDERS_FILE]: () => JSON.stringify(validReminders(), null, 2),
  [SUBMISSION_FILE]: () => JSON.stringify(validRecord(), null, 2),
  attachment: () => '%PDF invoice',
};
const pathOf = (folder: string, target: Target) =>
  target === 'attachment' ? path.join(folder, ATTACHMENTS_FOLDER, ATTACHMENT) : path.join(folder, target);

/** Whether this machine lets the test make a device node (root only): else the `device` case is not run, and says so. */
function canMakeDevice(probe: string): boolean {
  try {
    execFileSync('mknod', [probe, 'c', '1', '5'], { stdio: 'ignore' });
    fs.rmSync(probe);
    return true;
  } catch {
    return false;
  }
}

/** A case folder whose `target` is the hostile file; every other file of it valid. */
function makeCaseFolder(casesFolder: string, target: Target, hostile: Hostile, outside: string): string {
  const folder = path.join(casesFolder, `${target}-${hostile}`);
  fs.mkdirSync(path.join(folder, ATTACHMENTS_FOLDER), { recursive: true });
  for (const other of [CASE_FILE, REMINDERS_FILE, 'attachment'] as const) fs.writeFileSync(pathOf(folder, other), TEXT_OF[other]());
  // A record the case id can be entered in (recordCaseId reads case.json only after it).
  if (target !== SUBMISSION_FILE) fs.writeFileSync(pathOf(folder, SUBMISSION_FILE), TEXT_OF[SUBMISSION_FILE]());
  const file = pathOf(folder, target);
  fs.rmSync(file, { force: true });
  const text = TEXT_OF[target]();
  switch (hostile) {
    case 'fifo':
      execFileSync('mkfifo', [file]);
      break;
    case 'device':
      execFileSync('mknod', [file, 'c', '1', '5']);
      break;
    case 'devZeroLink':
      fs.symlinkSync('/dev/zero', file);
      break;
    case 'huge':
      // Sparse: 500 MB by its size, no disk used.
      fs.writeFileSync(file, text);
      fs.truncateSync(file, 500 * MB);
      break;
    case 'folder':
      fs.mkdirSync(file);
      break;
    case 'danglingLink':
      fs.symlinkSync(path.join(folder, 'gone.json'), file);
      break;
    case 'outsideLink': {
      const target = path.join(outside, `${path.basename(folder)}.json`);
      fs.writeFileSync(target, text);
      fs.symlinkSync(target, file);
      break;
    }
    case 'insideLink': {
      // A regular file inside the cases folder, beside the case folders.
      const target = path.join(casesFolder, `.${path.basename(folder)}.json`);
      fs.writeFileSync(target, text);
      fs.symlinkSync(target, file);
      break;
    }
    case 'bom':
      fs.writeFileSync(file, `\uFEFF${text}`);
      break;
    case 'notUtf8':
      // A Latin-1 "é" in a string: one byte that is no UTF-8.
      fs.writeFileSync(file, Buffer.concat([Buffer.from(text.slice(0, 20)), Buffer.from([0xe9]), Buffer.from(text.slice(20))]));
      break;
    case 'duplicateKey':
      fs.writeFileSync(file, text.replace('{', `{\n  ${DUPLICATED[target]},`));
      break;
  }
  return folder;
}

/** The first of a key given twice; the file's own value of it comes later, and is the one that counts. */
const DUPLICATED: Record<Target, string> = {
  [CASE_FILE]: '"externalRef": "FIRST"',
  [REMINDERS_FILE]: '"invoiceNumber": "FIRST"',
  [SUBMISSION_FILE]: '"state": "created"',
  attachment: '',
};

/** Refuses every request: no reader of a hostile folder may get as far as tilbago. */
const noTilbago: SubmitHooks['client'] = {
  host: '127.0.0.1:9',
  createCase: () => Promise.reject(new Error('no request may be made')),
  addAttachment: () => Promise.reject(new Error('no request may be made')),
};

/** Every reader of a case folder's files, by name: what each returns, as plain data. */
const READERS: Record<string, (folder: string, target: Target) => Promise<unknown> | unknown> = {
  readRecord: (folder) => readRecord(folder),
  listingAsync: (folder) => summarizeCaseFolder(folder),
  listingSync: (folder) => summarizeCaseFolderSync(folder),
  submit: (folder) =>
    submitCaseFolder(folder, {
      client: noTilbago,
      now: () => new Date('2026-11-27T10:00:00Z'),
      confirmFiling: async () => false,
      confirmAttachmentResend: async () => false,
    }),
  recordCaseId: (folder) => recordCaseId(folder, 'X-1', new Date('2026-11-27T10:00:00Z'), new Map()),
  recordThirdReminderSent: (folder) => recordThirdReminderSent(folder, '2026-12-02'),
  // What the Problems panel reads (problems.ts) and the letter commands read (createLetter.ts, submit.ts).
  caseFileText: (folder, target) => (target === 'attachment' ? undefined : readCaseFolderText(folder, target)),
  // What a submission reads an attachment with (measure, readForSending).
  attachmentBytes: async (folder) => {
    const read = await readBounded(pathOf(folder, 'attachment'), ATTACHMENT_READ_RULES);
    return 'bytes' in read ? { bytes: read.bytes.length } : read;
  },
};

/** The child: runs each reader over one case folder, one JSON line as each starts and as each ends. */
async function runChild(): Promise<void> {
  const [folder, target] = process.argv.slice(2) as [string, Target];
  const startRss = process.memoryUsage().rss;
  for (const [name, reader] of Object.entries(READERS)) {
    console.log(JSON.stringify({ reader: name, started: true }));
    const started = performance.now();
    let result: unknown;
    try {
      result = await reader(folder, target);
    } catch (error) {
      result = { threw: String(error) };
    }
    console.log(JSON.stringify({ reader: name, ms: performance.now() - started, result: result ?? null }));
  }
  // maxRSS is in kB: the peak over the whole run, against the resident size before the first read.
  console.log(JSON.stringify({ rssGrowthMB: (process.resourceUsage().maxRSS * 1024 - startRss) / MB }));
  process.exit(0);
}

interface ChildRun {
  readonly results: Record<string, unknown>;
  readonly ms: Record<string, number>;
  readonly rssGrowthMB: number;
}

/** Runs the readers over a folder in a child process, killed when it takes longer than they all may. */
function runReaders(folder: string, target: Target): ChildRun {
  const limit = READ_LIMIT_MS * Object.keys(READERS).length + 5000;
  const child = spawnSync(process.execPath, [__filename, folder, target], {
    env: { ...process.env, [CHILD]: '1' },
    encoding: 'utf8',
    timeout: limit,
    killSignal: 'SIGKILL',
  });
  const lines = child.stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line));
  const ended = new Set(lines.filter((l) => 'ms' in l).map((l) => l.reader));
  const hung = lines.find((l) => l.started && !ended.has(l.reader));
  assert.equal(hung, undefined, `${path.basename(folder)}: ${hung?.reader} did not come back within ${limit} ms (killed)`);
  assert.equal(child.status, 0, `${path.basename(folder)}: the child failed: ${child.stderr}`);
  const results: Record<string, unknown> = {};
  const ms: Record<string, number> = {};
  for (const line of lines.filter((l) => 'ms' in l)) {
    results[line.reader] = line.result;
    ms[line.reader] = line.ms;
  }
  return { results, ms, rssGrowthMB: lines.find((l) => 'rssGrowthMB' in l).rssGrowthMB };
}

/** The problem each hostile file is for the readers of `target`; `read` when it is read as a valid file. */
function expectedProblem(
  target: Target,
  hostile: Hostile,
  linksRefused = target === SUBMISSION_FILE || target === 'attachment',
): object | 'read' | 'duplicate' {
  switch (hostile) {
    case 'fifo':
      return { code: 'notAFile', found: 'fifo' };
    case 'device':
      return { code: 'notAFile', found: 'device' };
    case 'folder':
      return { code: 'notAFile', found: 'directory' };
    case 'huge':
      return { code: 'tooLarge', cap: target === 'attachment' ? 20 * MB : MB };
    case 'devZeroLink':
    case 'outsideLink':
      return { code: 'link', why: linksRefused ? 'refused' : 'outside' };
    case 'danglingLink':
      return { code: 'link', why: linksRefused ? 'refused' : 'dangling' };
    case 'insideLink':
      return linksRefused ? { code: 'link', why: 'refused' } : 'read';
    case 'notUtf8':
      return target === 'attachment' ? 'read' : { code: 'notUtf8' };
    case 'bom':
      return 'read';
    case 'duplicateKey':
      return target === 'attachment' ? 'read' : 'duplicate';
  }
}

/** The attachment problem a submission names, from the file's read problem. */
const attachmentCode = (problem: object) => (problem as { code: string }).code;

type Json = any;

/** What each reader must have said of this folder. */
function assertNamed(target: Target, hostile: Hostile, run: ChildRun): void {
  const expected = expectedProblem(target, hostile);
  const r: Record<string, Json> = run.results;
  const where = `${target} as ${hostile}`;
  for (const [reader, ms] of Object.entries(run.ms)) assert.ok(ms < READ_LIMIT_MS, `${where}: ${reader} took ${Math.round(ms)} ms`);
  const nothingThrew = Object.entries(r).filter(([, value]) => value && typeof value === 'object' && 'threw' in value);
  assert.deepEqual(nothingThrew, [], `${where}: a reader threw`);
  const sync = { ...r.listingSync };
  assert.deepEqual(r.listingAsync, sync, `${where}: both listings say the same`);

  if (target === CASE_FILE || target === REMINDERS_FILE) {
    if (typeof expected === 'object') {
      assert.deepEqual(r.caseFileText, { problem: expected }, `${where}: the Problems panel's read`);
      assert.deepEqual(r.listingAsync.unreadable, [{ file: target, problem: expected }], `${where}: the listing names it`);
      assert.ok(r.listingAsync.problems >= 1, `${where}: counted as a problem`);
      if (target === CASE_FILE) {
        assert.deepEqual(r.submit, { kind: 'unreadable', file: CASE_FILE, problem: expected }, `${where}: submit`);
        assert.deepEqual(r.recordCaseId, { kind: 'unreadable', file: CASE_FILE, problem: expected }, `${where}: case id`);
      } else {
        // It writes the file: a link is not followed even to a file inside the cases folder.
        const written = expectedProblem(target, hostile, true);
        assert.deepEqual(r.recordThirdReminderSent, { kind: 'unreadable', file: REMINDERS_FILE, problem: written }, `${where}: 3rd sent`);
      }
    } else if (expected === 'read') {
      // A BOM is kept in the text as read (a file written back keeps it) and ignored by every parser.
      assert.equal(r.caseFileText.text?.startsWith('\uFEFF'), hostile === 'bom', `${where}: read as it is`);
      assert.equal(r.listingAsync.unreadable, undefined, `${where}: nothing unreadable`);
      assert.equal(r.listingAsync.problems, 0, `${where}: no problem`);
      if (target === CASE_FILE) {
        assert.equal(r.submit.kind, 'cancelled', `${where}: submit gets as far as asking`);
        assert.equal(r.recordCaseId.kind, 'recorded', `${where}: the case id is recorded`);
      } else {
        // It writes the file: a link is not followed even to a file inside the cases folder.
        const written = expectedProblem(target, hostile, true);
        if (typeof written === 'object')
          assert.deepEqual(r.recordThirdReminderSent, { kind: 'unreadable', file: REMINDERS_FILE, problem: written }, `${where}: 3rd sent`);
        else assert.equal(r.recordThirdReminderSent.kind, 'recorded', `${where}: 3rd reminder recorded`);
      }
    } else {
      // A key given twice: JSON.parse and the Problems panel take the last, and every reader calls it a problem.
      const text: string = r.caseFileText.text;
      assert.ok(diagnose(text, target === CASE_FILE ? 'case' : 'reminders').some((p) => p.code === 'duplicateKey' && !p.warning));
      assert.ok(r.listingAsync.problems >= 1, `${where}: counted as a problem`);
      if (target === CASE_FILE) {
        assert.equal(r.submit.kind, 'invalid', `${where}: not sent`);
        assert.ok(
          r.submit.problems.some((p: Json) => p.code === 'duplicateKey'),
          `${where}: submit names the key`,
        );
        assert.equal(r.recordCaseId.kind, 'invalid', `${where}: no case id entered`);
      } else assert.equal(r.recordThirdReminderSent.kind, 'invalid', `${where}: not edited`);
    }
  }
  if (target === SUBMISSION_FILE) {
    if (typeof expected === 'object') {
      assert.deepEqual(r.readRecord, { broken: expected }, `${where}: readRecord`);
      assert.deepEqual(r.listingAsync.recordProblem, expected, `${where}: the listing names it`);
      assert.deepEqual(r.submit, { kind: 'recordBroken', reason: expected }, `${where}: submit`);
      assert.deepEqual(r.recordCaseId, { kind: 'recordBroken', reason: expected }, `${where}: case id`);
    } else {
      // Read as a record; a key given twice has its last value, in every reader.
      const state = 'uncertain';
      assert.equal(r.readRecord.state, state, `${where}: readRecord`);
      assert.equal(r.listingAsync.record.state, state, `${where}: the listing`);
      assert.equal(r.recordCaseId.kind, 'recorded', `${where}: case id`);
    }
  }
  if (target === 'attachment') {
    if (typeof expected === 'object') {
      assert.deepEqual(r.attachmentBytes, { problem: expected }, `${where}: the bytes a submission would send`);
      assert.equal(r.submit.kind, 'attachmentProblem', `${where}: submit`);
      assert.deepEqual([r.submit.file, r.submit.problem], [ATTACHMENT, attachmentCode(expected)], `${where}: submit names it`);
      // The listing sees a FIFO, a folder or a link by its entry; a huge file only when it is measured.
      if (hostile !== 'huge') assert.equal(r.listingAsync.problems, 1, `${where}: the listing counts it`);
    } else {
      assert.ok('bytes' in r.attachmentBytes, `${where}: read`);
      assert.equal(r.submit.kind, 'cancelled', `${where}: submit gets as far as asking`);
    }
  }
}

if (process.env[CHILD]) void runChild();
else
  describe('hostile files in a case folder: every reader comes back at once, naming the problem', function () {
    this.timeout(120_000);
    let root: string;
    let casesFolder: string;
    let outside: string;
    let device = false;
    const fifos: string[] = [];
    const worst = { rssGrowthMB: 0, at: '' };

    before(() => {
      root = fs.mkdtempSync(path.join(os.tmpdir(), 'tilbago-hostile-'));
      casesFolder = path.join(root, 'cases');
      outside = path.join(root, 'outside');
      fs.mkdirSync(casesFolder);
      fs.mkdirSync(outside);
      device = canMakeDevice(path.join(root, 'probe'));
    });
    after(() => {
      // A reader still blocked on a FIFO (the code before bounded reads) gets its end of file: mocha can exit.
      for (const fifo of fifos) {
        try {
          fs.closeSync(fs.openSync(fifo, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK));
        } catch {}
      }
      fs.rmSync(root, { recursive: true, force: true });
      // Measured: at most ~12 MB of peak resident growth in any one folder's run of all the readers.
      console.log(`      peak RSS growth over the battery: ${worst.rssGrowthMB.toFixed(1)} MB (${worst.at})`);
    });

    const targets: Target[] = [CASE_FILE, REMINDERS_FILE, SUBMISSION_FILE, 'attachment'];
    const hostiles: Hostile[] = [
      'fifo',
      'device',
      'devZeroLink',
      'huge',
      'folder',
      'danglingLink',
      'outsideLink',
      'insideLink',
      'bom',
      'notUtf8',
      'duplicateKey',
    ];
    for (const target of targets)
      for (const hostile of hostiles) {
        it(`${target} as ${hostile}`, function () {
          if (hostile === 'device' && !device) {
            // mknod needs root: the FIFO and the link to /dev/zero stand for it here.
            this.skip();
          }
          const folder = makeCaseFolder(casesFolder, target, hostile, outside);
          if (hostile === 'fifo') fifos.push(pathOf(folder, target));
          const run = runReaders(folder, target);
          if (run.rssGrowthMB > worst.rssGrowthMB) Object.assign(worst, { rssGrowthMB: run.rssGrowthMB, at: path.basename(folder) });
          assertNamed(target, hostile, run);
          // 500 MB files and /dev/zero are never read whole: a generous bound on the peak resident growth.
          assert.ok(run.rssGrowthMB < 64, `${target} as ${hostile}: the readers grew the process by ${run.rssGrowthMB.toFixed(1)} MB`);
        });
      }

    describe('a cases folder with four FIFOs named case.json', () => {
      let fifoCases: string;
      const unrelated = () => path.join(root, 'unrelated.txt');

      before(() => {
        fifoCases = path.join(root, 'fifo-cases');
        for (const name of ['F1', 'F2', 'F3', 'F4']) {
          fs.mkdirSync(path.join(fifoCases, name), { recursive: true });
          const fifo = path.join(fifoCases, name, CASE_FILE);
          execFileSync('mkfifo', [fifo]);
          fifos.push(fifo);
        }
        fs.mkdirSync(path.join(fifoCases, 'ok'));
        fs.writeFileSync(path.join(fifoCases, 'ok', CASE_FILE), JSON.stringify(validCase()));
        fs.writeFileSync(unrelated(), 'another file of the extension host');
      });

      /** The listing and an unrelated read at once: both end, the read while the listing may still run. */
      async function listBeside(list: () => Promise<{ name: string; unreadable?: unknown }[]>) {
        const deadline = (what: string) =>
          new Promise<never>((_, reject) =>
            setTimeout(() => reject(new Error(`${what} took longer than ${READ_LIMIT_MS} ms`)), READ_LIMIT_MS).unref(),
          );
        const listing = list();
        listing.catch(() => {});
        // Four FIFOs would take libuv's four threads: this read would then wait for ever.
        const text = await Promise.race([fs.promises.readFile(unrelated(), 'utf8'), deadline('an unrelated read')]);
        assert.equal(text, 'another file of the extension host');
        const summaries = await Promise.race([listing, deadline('the listing')]);
        assert.deepEqual(
          summaries.map((s) => [s.name, s.unreadable]),
          [
            ...['F1', 'F2', 'F3', 'F4'].map((name) => [name, [{ file: CASE_FILE, problem: { code: 'notAFile', found: 'fifo' } }]]),
            ['ok', undefined],
          ],
        );
      }

      it('asynchronously: the listing ends, naming the four, and the thread pool stays free', () =>
        listBeside(() => listCaseFolders(fifoCases)));

      it('in the worker: the same', () =>
        listBeside(() => listCaseFoldersInWorker(fifoCases, path.resolve(__dirname, '../../../dist/listWorker.mjs'))));
    });
  });
