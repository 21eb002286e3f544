// Making the 3rd reminder letter, in plain Node (no VS Code): the PDF chunk built as the extension builds it
// (the letter's font bundled), then the first letter (loading the chunk included, as a user's first letter does)
// and the following ones (medians). A fresh Node process for each first letter, so each first is truly cold.
// Then the 3rd reminders of 1,000 due cases at once, as the bulk command makes them, its memory sampled as it grows.
//   node bench/letter.mjs
// Env: TILBAGO_BENCH_LETTER_RUNS (default 5), TILBAGO_BENCH_LETTERS_BULK (default 1000), TILBAGO_BENCH_LETTERS_BULK_RUNS
// (default 3). bench/run.mjs calls benchLetter().
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleForNode, median, ROOT, runAlone } from './common.mjs';
import { pdfPlugins } from '../build/pdfPlugins.mjs';

const OUT = path.join(ROOT, 'out/bench/letter');

// The probe: times the import of the letter's chunk and the first letter, then the following ones.
const PROBE = `
const started = performance.now();
const { reminderLetterPdf } = await import(process.argv[1]);
const { reminderLetter } = await import(process.argv[2]);
const input = () => ({
  creditor: { name: 'Muster Informatique SA', street: 'Avenue de la Gare', buildingNumber: '12', zip: '1003', city: 'Lausanne', account: 'CH44 3199 9123 0008 8901 2' },
  debtor: { company: 'Boulangerie Dupont Sàrl', preferredLanguage: 'fr', address: { street: 'Rue du Lac', streetnumber: '3', zip: '1800', city: 'Vevey' } },
  letter: reminderLetter('', { number: '2026-0142', invoiceDate: '2026-08-03', firstReminderDate: '2026-09-07', secondReminderDate: '2026-10-05', amountDueRappen: 123450 }, 'fr'),
  language: 'fr', amountDueRappen: 123450, reference: '000000000000000000202601428', message: '2026-0142', date: '2026-11-28',
});
let bytes = await reminderLetterPdf(input());
const first = performance.now() - started;
const following = [];
for (let i = 0; i < Number(process.argv[3]); i++) {
  const t = performance.now();
  bytes = await reminderLetterPdf(input());
  following.push(performance.now() - t);
}
process.stdout.write(JSON.stringify({ first, following, bytes: bytes.length }));
`;

// The letters of many due cases at once, as "Create the 3rd reminders of all due cases" makes them (letterRun.ts,
// letterWrite.ts): each case's PDF written into its own attachments/ under its lock, and all of them streamed
// into one print PDF; the resident memory sampled after each 10th, so a growth with their number shows.
const BULK_PROBE = `
const fs = await import('node:fs');
const path = await import('node:path');
const { makeLetterRun, writeNewAttachment } = await import(process.argv[1]);
const { reminderLetter } = await import(process.argv[2]);
const [casesFolder, count] = [process.argv[3], Number(process.argv[4])];
const cases = Array.from({ length: count }, (_, i) => {
  const folder = path.join(casesFolder, 'case-' + i);
  fs.mkdirSync(folder, { recursive: true });
  return { i, folder };
});
const input = (i) => ({
  creditor: { name: 'Muster Informatique SA', street: 'Avenue de la Gare', buildingNumber: '12', zip: '1003', city: 'Lausanne', account: 'CH44 3199 9123 0008 8901 2' },
  debtor: { name: 'Dragan', surname: 'Kovačević ' + i, preferredLanguage: 'de', address: { street: 'Bahnhofstrasse', streetnumber: String(i), zip: '8001', city: 'Zürich' } },
  letter: reminderLetter('', { number: '2026-' + i, invoiceDate: '2026-08-03', firstReminderDate: '2026-09-07', secondReminderDate: '2026-10-05', amountDueRappen: 123450 + i }, 'de'),
  language: 'de', amountDueRappen: 123450 + i, reference: '000000000000000000202601428', message: 'Rechnung 2026-' + i, date: '2026-11-28',
});
const rss = [];
const started = performance.now();
const outcome = await makeLetterRun(cases, path.join(casesFolder, 'print.pdf'), {
  prepare: async ({ i }) => ({ input: input(i), fileName: '3-mahnung-2026-' + i + '.pdf' }),
  write: async ({ folder }, name, bytes) => {
    const written = await writeNewAttachment(folder, name, bytes);
    if (written.kind !== 'written') throw new Error(written.kind);
    return written.file;
  },
  progress: (done) => {
    if (done % (count / 10) === 0) rss.push(process.memoryUsage().rss);
  },
});
if (outcome.failed.length) throw new Error(String(outcome.failed[0].error));
process.stdout.write(JSON.stringify({ ms: performance.now() - started, rss, printBytes: fs.statSync(path.join(casesFolder, 'print.pdf')).size }));
`;

const mb = (bytes) => bytes / 1024 / 1024;

export async function benchLetter({ runs = Number(process.env.TILBAGO_BENCH_LETTER_RUNS || 5), log = () => {} } = {}) {
  fs.rmSync(OUT, { recursive: true, force: true });
  await bundleForNode({
    entryPoints: {
      letterPdf: 'src/reminders/letterPdf.ts',
      letter: 'src/reminders/letter.ts',
    },
    outdir: OUT,
    outExtension: { '.js': '.mjs' },
    minify: true,
    plugins: pdfPlugins,
  });
  // The bulk run's loop and its writes, in one file the probe imports both from.
  await bundleForNode({
    stdin: {
      contents:
        "export { makeLetterRun } from './src/cases/model/letterRun';\nexport { writeNewAttachment } from './src/cases/model/letterWrite';",
      resolveDir: ROOT,
      loader: 'ts',
    },
    outfile: path.join(OUT, 'letterRun.mjs'),
    minify: true,
    plugins: pdfPlugins,
  });
  const chunk = path.join(OUT, 'letterPdf.mjs');
  const firsts = [];
  const following = [];
  let size = 0;
  for (let run = 0; run < runs; run++) {
    const out = execFileSync(
      process.execPath,
      ['--input-type=module', '-e', PROBE, pathToFileURL(chunk).href, pathToFileURL(path.join(OUT, 'letter.mjs')).href, '5'],
      { encoding: 'utf8' },
    );
    const result = JSON.parse(out);
    firsts.push(result.first);
    following.push(...result.following);
    size = result.bytes;
    log(`run ${run + 1}: first ${result.first.toFixed(0)} ms, then ${result.following.map((ms) => ms.toFixed(0)).join(', ')} ms`);
  }
  const count = Number(process.env.TILBAGO_BENCH_LETTERS_BULK || 1000);
  const bulkRuns = Number(process.env.TILBAGO_BENCH_LETTERS_BULK_RUNS || 3);
  const bulk = [];
  for (let run = 0; run < bulkRuns; run++) {
    const casesFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'tilbago-bench-letters-'));
    try {
      const result = JSON.parse(
        execFileSync(
          process.execPath,
          [
            '--input-type=module',
            '-e',
            BULK_PROBE,
            pathToFileURL(path.join(OUT, 'letterRun.mjs')).href,
            pathToFileURL(path.join(OUT, 'letter.mjs')).href,
            casesFolder,
            String(count),
          ],
          { encoding: 'utf8', maxBuffer: 10_000_000 },
        ),
      );
      bulk.push(result);
      log(
        `${count} due cases, run ${run + 1}: ${(result.ms / 1000).toFixed(1)} s; RSS after each 10th: ${result.rss.map((b) => mb(b).toFixed(0)).join(', ')} MB`,
      );
    } finally {
      fs.rmSync(casesFolder, { recursive: true, force: true });
    }
  }
  return [
    {
      metric: 'letter PDF: the first one (loading PDFKit and swissqrbill included)',
      value: median(firsts),
      unit: 'ms',
      target: '',
      samples: firsts,
    },
    { metric: 'letter PDF: each following one', value: median(following), unit: 'ms', target: '', samples: following },
    { metric: 'letter PDF: its size', value: size / 1024, unit: 'KB', target: '' },
    { metric: "letter PDF: the code's chunk, minified", value: fs.statSync(chunk).size / 1024, unit: 'KB', target: '' },
    {
      metric: `3rd reminders of ${count} due cases: each case's PDF and one print PDF`,
      value: median(bulk.map((r) => r.ms / 1000)),
      unit: 's',
      target: '',
      samples: bulk.map((r) => r.ms / 1000),
    },
    { metric: `3rd reminders of ${count} due cases: the print PDF's size`, value: mb(bulk[0].printBytes), unit: 'MB', target: '' },
    {
      metric: `3rd reminders of ${count} due cases: peak RSS (medians of the first 10th and of the peak in samples)`,
      value: median(bulk.map((r) => mb(Math.max(...r.rss)))),
      unit: 'MB',
      target: '',
      samples: [median(bulk.map((r) => mb(r.rss[0]))), median(bulk.map((r) => mb(Math.max(...r.rss))))],
    },
  ];
}

await runAlone(import.meta.url, benchLetter);
