import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { listCaseFolders, listCaseFoldersInWorker, listCaseFoldersSync } from '../../src/cases/model/listing';
import { validCase } from '../fixtures/cases';

describe('listing the case folders: asynchronously, synchronously, in the worker, the same summaries', function () {
  this.timeout(60_000);
  let root: string;
  let casesFolder: string;

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'tilbago-listing-'));
    casesFolder = path.join(root, 'cases');
    const write = (folder: string, file: string, text: string) => {
      fs.mkdirSync(path.join(casesFolder, folder, path.dirname(file)), { recursive: true });
      fs.writeFileSync(path.join(casesFolder, folder, file), text);
    };
    const valid = (ref: string) => JSON.stringify({ ...validCase(), externalRef: ref });
    write('A-ok', 'case.json', valid('A-ok'));
    write('A-ok', 'attachments/facture.pdf', '%PDF');
    write(
      'A-ok',
      'reminders.json',
      JSON.stringify({ invoiceNumber: 'A', amountDue: 'CHF 80', reminders: { first: '2026-09-07', second: '2026-10-05' } }),
    );
    write('B-bad-case', 'case.json', '{ "externalRef": "B", "claim": 3 ');
    write('C-bad-reminders', 'case.json', valid('C'));
    write('C-bad-reminders', 'reminders.json', '{ "invoiceNumber": 1 }');
    write('D-record', 'case.json', valid('D'));
    write('D-record', 'submission.json', '{ "not": "ours" }');
    write('E-attachments-file', 'case.json', valid('E'));
    write('E-attachments-file', 'attachments', 'a file, not a folder');
    write('F-not-a-case', 'notes.txt', 'no case.json');
    fs.mkdirSync(path.join(casesFolder, 'G-link', 'attachments'), { recursive: true });
    write('G-link', 'case.json', valid('G'));
    fs.symlinkSync(path.join(casesFolder, 'A-ok', 'attachments', 'facture.pdf'), path.join(casesFolder, 'G-link', 'attachments', 'x.pdf'));
    write('case10', 'case.json', valid('10'));
    write('case9', 'case.json', valid('9'));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('each folder as the view shows it, in natural name order, whichever way it is read', async () => {
    const asynchronous = await listCaseFolders(casesFolder);
    assert.deepEqual(
      asynchronous.map((s) => [s.name, s.problems, !!s.reminders, !!s.recordProblem]),
      [
        ['A-ok', 0, true, false],
        ['B-bad-case', 1, false, false],
        ['C-bad-reminders', asynchronous[2]!.problems, false, false],
        ['case9', 0, false, false],
        ['case10', 0, false, false],
        ['D-record', 0, false, true],
        ['E-attachments-file', 1, false, false],
        ['G-link', 1, false, false],
      ],
    );
    assert.ok(asynchronous[2]!.problems >= 2, 'reminders.json: a number, and the fields it lacks');
    assert.deepEqual(listCaseFoldersSync(casesFolder), asynchronous);
  });

  it('the worker built as the extension builds it gives the same; without a worker, the listing still comes', async () => {
    const workerFolder = path.join(root, 'dist');
    const esbuild: typeof import('esbuild') = await import('esbuild');
    await esbuild.build({
      absWorkingDir: path.resolve(__dirname, '../../..'),
      entryPoints: { listWorker: 'src/cases/listWorker.ts' },
      outdir: workerFolder,
      outExtension: { '.js': '.mjs' },
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      mainFields: ['module', 'main'],
      logLevel: 'silent',
    });
    const expected = await listCaseFolders(casesFolder);
    assert.deepEqual(await listCaseFoldersInWorker(casesFolder, path.join(workerFolder, 'listWorker.mjs')), expected);
    assert.deepEqual(await listCaseFoldersInWorker(casesFolder, path.join(workerFolder, 'missing.mjs')), expected);
    assert.deepEqual(await listCaseFoldersInWorker(path.join(root, 'none'), path.join(workerFolder, 'listWorker.mjs')), []);
  });

  it('a worker past its time limit is stopped: the folder it was on is named, the others are listed all the same', async () => {
    // A worker that posts its folders, then hangs on the second, as a read on a network drive that no longer answers.
    const stuckWorker = path.join(root, 'stuck-worker.mjs');
    fs.writeFileSync(
      stuckWorker,
      `import { parentPort, workerData } from 'node:worker_threads';
      import * as fs from 'node:fs';
      import * as path from 'node:path';
      const { casesFolder, reading } = workerData;
      const byName = new Intl.Collator(undefined, { numeric: true });
      const folders = fs.readdirSync(casesFolder, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort(byName.compare).map((n) => path.join(casesFolder, n));
      parentPort.postMessage({ folders });
      Atomics.store(reading, 0, 1);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);`,
    );
    const expected = await listCaseFolders(casesFolder);
    const started = Date.now();
    const listed = await listCaseFoldersInWorker(casesFolder, stuckWorker, 500);
    assert.ok(Date.now() - started < 3000, `the listing came after ${Date.now() - started} ms`);
    const stuck = path.join(casesFolder, 'B-bad-case');
    assert.deepEqual(
      listed,
      expected.map((s) =>
        s.folder === stuck ? { folder: stuck, name: 'B-bad-case', problems: 1, listingStopped: { afterSeconds: 0.5 } } : s,
      ),
    );
  });
});
