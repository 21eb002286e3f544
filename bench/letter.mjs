// Making the 3rd reminder letter, in plain Node (no VS Code): the PDF chunk built as the extension builds it
// (the letter's font bundled), then the first letter (loading the chunk included, as a user's first letter does)
// and the following ones (medians). A fresh Node process for each first letter, so each first is truly cold.
// Then 1,000 letters streamed into one PDF (openLettersPdf), its memory sampled as it grows.
//   node bench/letter.mjs
// Env: TILBAGO_BENCH_LETTER_RUNS (default 5), TILBAGO_BENCH_LETTERS_COMBINED (default 1000). bench/run.mjs calls benchLetter().
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

// The combined PDF: the resident memory after each 10th of the letters, so a growth with their number shows.
const COMBINED_PROBE = `
const { openLettersPdf } = await import(process.argv[1]);
const { reminderLetter } = await import(process.argv[2]);
const count = Number(process.argv[4]);
const letters = openLettersPdf(process.argv[3]);
const started = performance.now();
const rss = [];
for (let i = 0; i < count; i++) {
  await letters.add({
    creditor: { name: 'Muster Informatique SA', street: 'Avenue de la Gare', buildingNumber: '12', zip: '1003', city: 'Lausanne', account: 'CH44 3199 9123 0008 8901 2' },
    debtor: { name: 'Dragan', surname: 'Kovačević ' + i, preferredLanguage: 'de', address: { street: 'Bahnhofstrasse', streetnumber: String(i), zip: '8001', city: 'Zürich' } },
    letter: reminderLetter('', { number: '2026-' + i, invoiceDate: '2026-08-03', firstReminderDate: '2026-09-07', secondReminderDate: '2026-10-05', amountDueRappen: 123450 + i }, 'de'),
    language: 'de', amountDueRappen: 123450 + i, reference: '000000000000000000202601428', message: 'Rechnung 2026-' + i, date: '2026-11-28',
  });
  if ((i + 1) % (count / 10) === 0) rss.push(process.memoryUsage().rss);
}
await letters.close();
process.stdout.write(JSON.stringify({ ms: performance.now() - started, rss }));
`;

export async function benchLetter({ runs = Number(process.env.TILBAGO_BENCH_LETTER_RUNS || 5), log = () => {} } = {}) {
  fs.rmSync(OUT, { recursive: true, force: true });
  await bundleForNode({
    entryPoints: { letterPdf: 'src/reminders/letterPdf.ts', letter: 'src/reminders/letter.ts' },
    outdir: OUT,
    outExtension: { '.js': '.mjs' },
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
  const count = Number(process.env.TILBAGO_BENCH_LETTERS_COMBINED || 1000);
  const combinedFile = path.join(os.tmpdir(), `tilbago-bench-letters-${process.pid}.pdf`);
  const combined = JSON.parse(
    execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        COMBINED_PROBE,
        pathToFileURL(chunk).href,
        pathToFileURL(path.join(OUT, 'letter.mjs')).href,
        combinedFile,
        String(count),
      ],
      { encoding: 'utf8' },
    ),
  );
  const combinedSize = fs.statSync(combinedFile).size;
  fs.rmSync(combinedFile);
  const mb = (bytes) => bytes / 1024 / 1024;
  log(
    `${count} letters in one PDF: ${combined.ms.toFixed(0)} ms; RSS after each 10th: ${combined.rss.map((b) => mb(b).toFixed(0)).join(', ')} MB`,
  );
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
    { metric: `letters PDF: ${count} streamed into one file`, value: combined.ms / 1000, unit: 's', target: '' },
    { metric: `letters PDF: ${count} in one file, its size`, value: mb(combinedSize), unit: 'MB', target: '' },
    {
      metric: `letters PDF: peak RSS over ${count} (the first 10th, the last)`,
      value: mb(Math.max(...combined.rss)),
      unit: 'MB',
      target: '',
      samples: [mb(combined.rss[0]), mb(combined.rss.at(-1))],
    },
  ];
}

await runAlone(import.meta.url, benchLetter);
