// Refresh case status for many filed cases, in plain Node (no VS Code): the bounded refresh the command runs
// (REFRESH_CONCURRENCY requests at a time) next to asking one case at a time, against the fake tilbago answering
// each status after a delay. Medians of several runs, and their ratio. The case folders are made the way the
// extension makes them: case.json, then a submission through submitCaseFolder, which writes submission.json.
//   node bench/refresh.mjs            1,000 cases, 50 ms an answer, 3 runs each
// Env: TILBAGO_BENCH_REFRESH_CASES, TILBAGO_BENCH_REFRESH_DELAY_MS, TILBAGO_BENCH_REFRESH_RUNS.
// bench/run.mjs calls benchRefresh() as its last step.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadBundled, median, runAlone } from './common.mjs';
import { startFakeTilbago } from '../test/fake-tilbago/server.mjs';

/** The extension's own code for this (TypeScript), bundled for Node into out/bench/. */
async function loadCore() {
  return loadBundled('refresh-core', [
    "export { REFRESH_CONCURRENCY, refreshMany } from './src/cases/model/refreshMany';",
    "export { readRecord } from './src/cases/model/record';",
    "export { TilbagoClient } from './src/tilbago/client';",
    "export { makeFiledCases } from './test/fixtures/filedCases';",
  ]);
}

/**
 * Rows `{ metric, value, unit, target, samples? }`. `log` is told of each run as it ends.
 */
export async function benchRefresh({
  cases = Number(process.env.TILBAGO_BENCH_REFRESH_CASES || 1000),
  delayMs = Number(process.env.TILBAGO_BENCH_REFRESH_DELAY_MS || 50),
  runs = Number(process.env.TILBAGO_BENCH_REFRESH_RUNS || 3),
  log = () => {},
} = {}) {
  const core = await loadCore();
  const fake = await startFakeTilbago();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tilbago-bench-refresh-'));
  try {
    const client = new core.TilbagoClient({ baseUrl: fake.url, apiKey: fake.validKeys[0], timeoutMs: 30_000 });
    let started = performance.now();
    const folders = await core.makeFiledCases(root, cases, client, 'BENCH');
    log(`${cases} case folders filed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    fake.setDelay(delayMs, { path: /\/status$/ });

    const samples = { bounded: [], serial: [] };
    const peaks = { bounded: 0, serial: 0 };
    for (let run = 0; run < runs; run++) {
      // Alternate which goes first, so neither always meets a warmer disk cache.
      for (const which of run % 2 ? ['serial', 'bounded'] : ['bounded', 'serial']) {
        const limit = which === 'bounded' ? core.REFRESH_CONCURRENCY : 1;
        fake.resetPeakConcurrency();
        started = performance.now();
        const summary = await core.refreshMany(folders, client, { limit });
        const seconds = (performance.now() - started) / 1000;
        if (summary.updated !== cases)
          throw new Error(`${which}: ${summary.updated} of ${cases} updated: ${JSON.stringify(summary.failed[0])}`);
        samples[which].push(seconds);
        peaks[which] = Math.max(peaks[which], fake.peakConcurrency());
        log(`run ${run + 1} ${which} (limit ${limit}): ${seconds.toFixed(2)} s, at most ${fake.peakConcurrency()} in flight`);
      }
    }
    const record = await core.readRecord(folders.at(-1));
    if (!record?.status?.checkedAt) throw new Error('the last case has no status recorded');
    const bounded = median(samples.bounded);
    const serial = median(samples.serial);
    const label = `${cases.toLocaleString('en')} cases, ${delayMs} ms an answer`;
    return [
      {
        metric: `refresh status, ${label}: ${core.REFRESH_CONCURRENCY} at a time`,
        value: bounded,
        unit: 's',
        target: '≤ 10 s',
        samples: samples.bounded,
      },
      { metric: `refresh status, ${label}: one at a time`, value: serial, unit: 's', target: '', samples: samples.serial },
      { metric: 'refresh status: one at a time / bounded', value: serial / bounded, unit: '×', target: '' },
      {
        metric: 'refresh status: most requests in flight at the fake, bounded',
        value: peaks.bounded,
        unit: '',
        target: `≤ ${core.REFRESH_CONCURRENCY}`,
      },
    ];
  } finally {
    await fake.stop();
    fs.rmSync(root, { recursive: true, force: true });
  }
}

await runAlone(import.meta.url, benchRefresh);
