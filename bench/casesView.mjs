// The cases view's root at the scale of an invoicing run, in plain Node (no VS Code): listing a cases folder of 100,
// 1,000 and 10,000 case folders in the listing worker and staging each by the Rappel 3 rules, as the view does
// before it can show a row the first time (later it reads only the folders that changed).
// A third of the folders are filed (with a submission record), a third ready, a third waiting; each has case.json,
// reminders.json and an attachment. Medians of several runs, and the 10,000 / 1,000 ratio (linear: ≤ 12).
//   node bench/casesView.mjs
// Env: TILBAGO_BENCH_CASES_RUNS (default 3). bench/run.mjs calls benchCasesView().
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { bundleForNode, loadBundled, median, ROOT, runAlone } from './common.mjs';
import { startFakeTilbago } from '../test/fake-tilbago/server.mjs';

const SIZES = [100, 1000, 10_000];

async function loadCore() {
  // The listing worker, as the extension builds it beside its entry.
  await bundleForNode({
    entryPoints: { listWorker: 'src/cases/listWorker.ts' },
    outdir: path.join(ROOT, 'out/bench'),
    outExtension: { '.js': '.mjs' },
  });
  return loadBundled('cases-view-core', [
    "export { listCaseFoldersInWorker } from './src/cases/model/listing';",
    "export { stageOf } from './src/cases/model/stage';",
    "export { TilbagoClient } from './src/tilbago/client';",
    "export { makeFiledCases } from './test/fixtures/filedCases';",
  ]);
}

/** The view's work for its first root: every case folder read in the listing worker, then staged. */
function listRoot(core, casesFolder) {
  const delays = { daysAfterSecondReminder: 10, daysBeforeCollection: 15 };
  return core
    .listCaseFoldersInWorker(casesFolder, path.join(ROOT, 'out/bench/listWorker.mjs'))
    .then((summaries) => summaries.map((summary) => core.stageOf(summary, delays, '2026-11-28')));
}

/** `count` case folders: copies of one really filed folder (its record made by submitCaseFolder), renamed. */
function makeCases(template, casesFolder, count) {
  fs.mkdirSync(casesFolder, { recursive: true });
  const caseText = fs.readFileSync(path.join(template, 'case.json'), 'utf8');
  const recordText = fs.readFileSync(path.join(template, 'submission.json'), 'utf8');
  const ref = JSON.parse(caseText).externalRef;
  for (let i = 0; i < count; i++) {
    const name = `BENCH-${String(i).padStart(5, '0')}`;
    const folder = path.join(casesFolder, name);
    fs.mkdirSync(path.join(folder, 'attachments'), { recursive: true });
    fs.writeFileSync(path.join(folder, 'case.json'), caseText.replaceAll(ref, name));
    const third = i % 3 === 1 ? '2026-10-15' : '2026-11-25';
    fs.writeFileSync(
      path.join(folder, 'reminders.json'),
      JSON.stringify({ invoiceNumber: name, amountDue: "CHF 1'234.50", reminders: { first: '2026-09-07', second: '2026-10-05', third } }),
    );
    fs.writeFileSync(path.join(folder, 'attachments', 'facture.pdf'), '%PDF-1.4 facture');
    if (i % 3 === 0) fs.writeFileSync(path.join(folder, 'submission.json'), recordText.replaceAll(ref, name));
  }
}

export async function benchCasesView({ runs = Number(process.env.TILBAGO_BENCH_CASES_RUNS || 3), log = () => {} } = {}) {
  const core = await loadCore();
  const fake = await startFakeTilbago();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tilbago-bench-cases-'));
  try {
    const client = new core.TilbagoClient({ baseUrl: fake.url, apiKey: fake.validKeys[0], timeoutMs: 30_000 });
    const [template] = await core.makeFiledCases(path.join(root, 'template'), 1, client, 'TEMPLATE');
    const medians = {};
    const rows = [];
    for (const size of SIZES) {
      const casesFolder = path.join(root, String(size));
      makeCases(template, casesFolder, size);
      const samples = [];
      for (let run = 0; run < runs; run++) {
        const started = performance.now();
        const stages = await listRoot(core, casesFolder);
        samples.push(performance.now() - started);
        if (stages.length !== size) throw new Error(`${size}: ${stages.length} listed`);
        const kinds = new Set(stages.map((stage) => stage.kind));
        if (!['filed', 'ready', 'waiting'].every((kind) => kinds.has(kind))) throw new Error(`${size}: stages ${[...kinds]}`);
      }
      log(`${size} case folders: ${samples.map((ms) => ms.toFixed(0)).join(', ')} ms`);
      medians[size] = median(samples);
      rows.push({
        metric: `cases view: list and stage ${size.toLocaleString('en')} case folders`,
        value: medians[size],
        unit: 'ms',
        target: size === 10_000 ? '≤ 1000 ms' : '',
        samples,
      });
    }
    rows.push({ metric: 'cases view: 10,000 / 1,000 case folders', value: medians[10_000] / medians[1000], unit: '×', target: '≤ 12' });
    return rows;
  } finally {
    await fake.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

await runAlone(import.meta.url, benchCasesView);
