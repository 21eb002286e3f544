// `npm run bench`: performance, measured side by side on this machine in one run, as medians of several runs.
// Prints a table and writes it as JSON to .vscode-test/bench/results.json. It reports; the budgets themselves are
// held by `npm test` (build/boundaries.mjs, test/runner/check-boundaries.mjs, check-package.mjs).
//   1. bundle sizes against budgets      2. activation inside the real extension host
//   3. setup panel open → interactive, next to a bare baseline webview (ratio)
//   4. Save → every edited value in settings.json     5. preview update for a 1 MB letter   6. JS heap added by each webview
//   7. Refresh case status for 1,000 filed cases against the fake tilbago, bounded vs one at a time (plain Node;
//      alone: node bench/refresh.mjs)   8. the cases view's root at 100, 1,000, 10,000 case folders (bench/casesView.mjs)
//   9. the 3rd reminder letter as a PDF: the first, the following ones (bench/letter.mjs)
// Env: TILBAGO_BENCH_RUNS (default 7; the refresh, whose one-at-a-time runs take a minute each, does 3);
// TILBAGO_BENCH_WORKBENCH_ONLY=1 measures 1-6 only, for an A/B of the panel over more runs.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import { EXTENSION_BOUNDARIES, WEBVIEW_BUDGET_KB } from '../build/boundaries.mjs';
import { buildVsix, packedFiles, VSIX_BUDGET_BYTES } from '../test/runner/check-package.mjs';
import { CACHE, ROOT, freePort, launchBrowser, startServer, workbenchUrl } from '../test/runner/vscode-web.mjs';
import { runCommand } from '../test/e2e/workbench.mjs';
import { benchCasesView } from './casesView.mjs';
import { median } from './common.mjs';
import { benchLetter } from './letter.mjs';
import { benchRefresh } from './refresh.mjs';

const RUNS = Number(process.env.TILBAGO_BENCH_RUNS || 7);
const WORKBENCH_ONLY = process.env.TILBAGO_BENCH_WORKBENCH_ONLY === '1';
const OUT = path.join(CACHE, 'bench');
fs.rmSync(OUT, { recursive: true, force: true });
fs.mkdirSync(OUT, { recursive: true });

const rows = [];
const record = (metric, value, unit, target, samples) => {
  rows.push({
    metric,
    median: Number(value.toFixed(unit === 'KB' ? 1 : 2)),
    unit,
    target,
    ...(samples ? { samples: samples.map((s) => Number(s.toFixed(2))) } : {}),
  });
  console.log(`[bench] ${metric}: ${value.toFixed(2)} ${unit}`);
};

// ---- 1. sizes -------------------------------------------------------------------------------------------------
const vsix = path.join(OUT, 'tilbago.vsix');
if (!fs.existsSync(vsix)) {
  const { output, made } = buildVsix();
  if (!fs.existsSync(made)) throw new Error(`npm run package failed: ${output}`);
  fs.copyFileSync(made, vsix);
}
const kb = (file) => fs.statSync(file).size / 1024;
/** A bundle and every chunk it imports statically: what loading it loads. */
const withStaticImports = (file, seen = new Set()) => {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const [, spec] of fs.readFileSync(file, 'utf8').matchAll(/(?:^|[;}])\s*import\s*(?:[^'"()]*?from\s*)?["'](\.[^"']+)["']/g)) {
    withStaticImports(path.resolve(path.dirname(file), spec), seen);
  }
  return seen;
};
const entry = path.join(ROOT, 'dist/extension.mjs');
record('extension entry (minified)', kb(entry), 'KB', '');
record(
  'what activation loads: the entry and the chunks it imports',
  [...withStaticImports(entry)].reduce((sum, file) => sum + kb(file), 0),
  'KB',
  `≤ ${EXTENSION_BOUNDARIES[0].budgetKB} KB`,
);
record(
  'webview script (minified, its stylesheet inside)',
  kb(path.join(ROOT, 'dist/webview/webview.js')),
  'KB',
  `≤ ${WEBVIEW_BUDGET_KB} KB`,
);
record('.vsix', kb(vsix), 'KB', `≤ ${VSIX_BUDGET_BYTES / 1024} KB`);
console.log(`[bench] the .vsix holds ${packedFiles().length} files`);

const baselineVsix = path.join(OUT, 'baseline.vsix');
execFileSync(
  path.join(ROOT, 'node_modules/.bin/vsce'),
  ['package', '--allow-missing-repository', '--skip-license', '--out', baselineVsix],
  {
    cwd: path.join(ROOT, 'bench/baseline-extension'),
    stdio: 'pipe',
  },
);

// ---- 2. activation, in a fresh extension host each run ----------------------------------------------------------
execFileSync(process.execPath, ['esbuild.mjs', '--bench'], { cwd: ROOT, stdio: 'inherit' });
{
  const runDir = fs.mkdtempSync(path.join(OUT, 'activation-'));
  const workspace = path.join(runDir, 'workspace');
  fs.mkdirSync(workspace);
  const resultFile = path.join(runDir, 'activation.json');
  const runFile = path.join(runDir, 'run.txt');
  const server = await startServer({
    runDir,
    port: await freePort(),
    testDriver: true,
    installVsix: baselineVsix,
    env: { TILBAGO_BENCH_RESULT: resultFile, TILBAGO_BENCH_RUN_FILE: runFile },
  });
  const browser = await launchBrowser(path.join(runDir, 'browser-home'));
  const samples = [];
  const baselineSamples = [];
  const loadSamples = [];
  const activateSamples = [];
  const hostSamples = [];
  const prepareSamples = [];
  try {
    for (let run = 0; run < RUNS; run++) {
      const page = await browser.newPage();
      const exited = new Promise((resolve) => page.exposeFunction('codeAutomationExit', resolve));
      await page.exposeFunction('codeAutomationLog', () => {});
      fs.rmSync(resultFile, { force: true });
      fs.writeFileSync(runFile, String(run));
      await page.goto(
        workbenchUrl(server, {
          folder: workspace,
          extensionDevelopmentPath: ROOT,
          extensionTestsPath: path.join(ROOT, 'out/bench/activation.js'),
        }),
      );
      const code = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('timeout'), 120_000))]);
      if (code !== 0) throw new Error(`activation probe ended with ${code}`);
      const result = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
      samples.push(result.activationMs);
      baselineSamples.push(result.baselineMs);
      loadSamples.push(result.loadMs);
      activateSamples.push(result.activateMs);
      hostSamples.push(result.hostMs);
      prepareSamples.push(result.prepareMs);
      await page.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  const ours = loadSamples.map((load, i) => load + activateSamples[i]);
  record('activation: module load + activate()', median(ours), 'ms', '≤ 10 ms', ours);
  record('  of which loading the bundle (with VS Code making its vscode API)', median(loadSamples), 'ms', '', loadSamples);
  record('  of which activate()', median(activateSamples), 'ms', '', activateSamples);
  record('activation: VS Code between loading the bundle and calling activate()', median(prepareSamples), 'ms', '', prepareSamples);
  record('activation: the extension host before our code runs', median(hostSamples), 'ms', '', hostSamples);
  record('activation: whole, as extension.activate() sees it', median(samples), 'ms', '', samples);
  record('activation: whole, of an extension that does nothing', median(baselineSamples), 'ms', '', baselineSamples);
}

// ---- 3–6. the panel next to the baseline, both installed from their .vsix ---------------------------------------
{
  const runDir = fs.mkdtempSync(path.join(OUT, 'ui-'));
  const workspace = path.join(runDir, 'workspace');
  fs.mkdirSync(workspace);
  const server = await startServer({ runDir, port: await freePort(), installVsix: [vsix, baselineVsix] });
  const browser = await launchBrowser(path.join(runDir, 'browser-home'));
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.setDefaultTimeout(30_000);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'JSHeapUsedSize').value / (1024 * 1024);
  };
  const frame = () => page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  const samples = {
    ours: [],
    baseline: [],
    oursScript: [],
    baselineScript: [],
    heapOurs: [],
    heapBaseline: [],
    save: [],
    preview: [],
    previewPainted: [],
  };

  /**
   * Opens a webview by its command: the times from the click on the palette row to the page's script starting
   * (`<prefix>-script`) and to the page being interactive (`<prefix>-interactive`).
   */
  async function openAndTime(command, prefix) {
    await runCommand(page, command, Date.now() + 60_000, {
      beforeClick: () => page.evaluate(() => (window.__clickedAt = performance.timeOrigin + performance.now())),
    });
    const body = frame().locator('body');
    await body.waitFor();
    const deadline = Date.now() + 30_000;
    for (;;) {
      const marks = await body
        .evaluate(
          (_, names) => names.map((name) => performance.getEntriesByName(name)[0]).map((e) => e && performance.timeOrigin + e.startTime),
          [`${prefix}-script`, `${prefix}-interactive`],
        )
        .catch(() => []);
      if (marks[1] !== undefined) {
        const clickedAt = await page.evaluate(() => window.__clickedAt);
        return { script: marks[0] - clickedAt, interactive: marks[1] - clickedAt };
      }
      if (Date.now() > deadline) throw new Error(`${command}: never interactive`);
      await page.waitForTimeout(20);
    }
  }
  const closeEditors = async () => {
    await runCommand(page, 'View: Close All Editors');
    await page
      .locator('iframe.webview')
      .waitFor({ state: 'detached' })
      .catch(() => {});
  };

  try {
    await page.goto(workbenchUrl(server, { folder: workspace }));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    const settingsFile = path.join(workspace, '.vscode', 'settings.json');
    for (let run = 0; run < RUNS; run++) {
      // Alternate which one goes first, so neither always meets a warmer workbench.
      const order = run % 2 ? ['baseline', 'ours'] : ['ours', 'baseline'];
      for (const which of order) {
        const before = await heap();
        const times =
          which === 'ours'
            ? await openAndTime('Tilbago: Open setup', 'tilbago-setup')
            : await openAndTime('Bench: Open baseline webview', 'baseline');
        samples[which].push(times.interactive);
        samples[`${which}Script`].push(times.script);
        await page.waitForTimeout(300);
        (which === 'ours' ? samples.heapOurs : samples.heapBaseline).push((await heap()) - before);

        if (which === 'ours') {
          // Save → settings.json: from the click to the last of the four edited values on disk (Save writes the
          // values the user changed: all four are changed, so the time is that of a whole Save).
          // The click is timed inside the page, so Playwright's own work before it does not count.
          const edited = {
            'tilbago.thirdReminder.daysAfterSecondReminder': 20 + run,
            'tilbago.thirdReminder.daysBeforeCollection': 30 + run,
            'tilbago.thirdReminder.englishLetter': `Madame, Monsieur,\nFacture %NUMERO% (${run})`,
            'tilbago.casesFolder': `Cas tilbago ${run}`,
          };
          await frame().locator('#days-after-second input').fill(String(edited['tilbago.thirdReminder.daysAfterSecondReminder']));
          await frame().locator('#days-before-collection input').fill(String(edited['tilbago.thirdReminder.daysBeforeCollection']));
          await frame().locator('#letter-text textarea').fill(edited['tilbago.thirdReminder.englishLetter']);
          await frame().locator('#cases-folder input').fill(edited['tilbago.casesFolder']);
          await frame()
            .locator('#save')
            .evaluate((button) =>
              button.addEventListener('click', () => (window.__savedAt = performance.timeOrigin + performance.now()), { once: true }),
            );
          const started = Date.now();
          await frame().locator('#save').click();
          const allOnDisk = () => {
            try {
              const saved = JSON.parse(fs.readFileSync(settingsFile, 'utf8'));
              return Object.entries(edited).every(([key, value]) => saved[key] === value);
            } catch {
              return false; // not there yet, or being written
            }
          };
          while (!allOnDisk()) {
            if (Date.now() - started > 10_000) throw new Error('Save did not reach settings.json');
            await new Promise((resolve) => setTimeout(resolve, 1));
          }
          const onDisk = Date.now();
          samples.save.push(
            onDisk -
              (await frame()
                .locator('body')
                .evaluate(() => window.__savedAt)),
          );

          // A 1 MB letter typed in at once: from the input event to the preview drawn.
          const preview = await frame()
            .locator('#letter-text')
            .evaluate(async (host, seed) => {
              const text = `Madame, Monsieur,\n${`Facture %NUMERO% du %DATEFACTURE% (${seed}) `.repeat(26_000)}`.slice(0, 1_048_576);
              const textarea = host.wrappedElement;
              const started = performance.now();
              textarea.value = text;
              textarea.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
              await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
              if (!document.getElementById('preview-body').textContent.includes(`(${seed})`)) throw new Error('the preview did not follow');
              const painted = performance.now() - started;
              // The form's own work (marks it sets): its input handler, and its next-frame update of the preview.
              const mark = (name) => performance.getEntriesByName(name).at(-1).startTime;
              const own =
                mark('tilbago-input-handled') - mark('tilbago-input') + (mark('tilbago-preview-updated') - mark('tilbago-preview-start'));
              return { own, painted };
            }, run);
          samples.preview.push(preview.own);
          samples.previewPainted.push(preview.painted);
          await frame()
            .locator('#revert')
            .evaluate((button) => button.click());
        }
        await closeEditors();
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  const ours = median(samples.ours);
  const baseline = median(samples.baseline);
  record('setup panel: open → its script runs', median(samples.oursScript), 'ms', '', samples.oursScript);
  record('setup panel: open → interactive', ours, 'ms', '', samples.ours);
  record('baseline webview: open → its script runs', median(samples.baselineScript), 'ms', '', samples.baselineScript);
  record('baseline webview: open → interactive', baseline, 'ms', '', samples.baseline);
  record('open → interactive, ours / baseline', ours / baseline, '×', '≤ 1.3×');
  record('Save → all four edited values in settings.json', median(samples.save), 'ms', '≤ 250 ms', samples.save);
  record("preview of a 1 MB letter: the form's work", median(samples.preview), 'ms', '≤ 50 ms', samples.preview);
  record(
    'preview of a 1 MB letter: to the next frame, textarea layout included',
    median(samples.previewPainted),
    'ms',
    '',
    samples.previewPainted,
  );
  record('JS heap added: setup panel', median(samples.heapOurs), 'MB', '', samples.heapOurs);
  record('JS heap added: baseline webview', median(samples.heapBaseline), 'MB', '', samples.heapBaseline);
  record('JS heap added, ours / baseline', median(samples.heapOurs) / Math.max(median(samples.heapBaseline), 0.01), '×', '');
}

if (!WORKBENCH_ONLY) {
  // ---- 7. refresh case status, in plain Node (no VS Code) ---------------------------------------------------------
  for (const row of await benchRefresh({ runs: Math.min(RUNS, 3), log: (line) => console.log(`[bench] refresh: ${line}`) })) {
    record(row.metric, row.value, row.unit, row.target, row.samples);
  }

  // ---- 8. the cases view's root at 100, 1,000 and 10,000 case folders, in plain Node ------------------------------
  for (const row of await benchCasesView({ runs: Math.min(RUNS, 3), log: (line) => console.log(`[bench] cases view: ${line}`) })) {
    record(row.metric, row.value, row.unit, row.target, row.samples);
  }

  // ---- 9. the 3rd reminder letter as a PDF, in plain Node -----------------------------------------------------------
  for (const row of await benchLetter({ runs: Math.min(RUNS, 5), log: (line) => console.log(`[bench] ${line}`) })) {
    record(row.metric, row.value, row.unit, row.target, row.samples);
  }
}

const results = { date: new Date().toISOString(), runs: RUNS, node: process.version, rows };
fs.writeFileSync(path.join(OUT, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
console.log(`\n| metric | median | target |\n|---|---|---|`);
for (const row of rows) console.log(format('| %s | %s %s | %s |', row.metric, row.median, row.unit, row.target));
console.log(`\n(${RUNS} runs each; JSON in ${path.relative(ROOT, path.join(OUT, 'results.json'))})`);
process.exit(0);
