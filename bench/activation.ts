// Loaded by the extension host as `extensionTestsPath` in `npm run bench`: times the extension's module load and
// `activate()`, which nothing has triggered yet (activation is lazy), and writes it where the bench asked.
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';

async function timeActivation(id: string): Promise<number> {
  const extension = vscode.extensions.getExtension(id);
  if (!extension) throw new Error(`${id} is not loaded`);
  if (extension.isActive) throw new Error(`${id} was activated before the measurement`);
  const started = performance.now();
  await extension.activate();
  return performance.now() - started;
}

/**
 * Ours, and an extension that does nothing (the baseline), each activated for the first time in this host.
 * Which goes first alternates between runs (TILBAGO_BENCH_RUN), as the first pays for what any activation sets up.
 */
export async function run(): Promise<void> {
  const run = Number(process.env.TILBAGO_BENCH_RUN_FILE ? fs.readFileSync(process.env.TILBAGO_BENCH_RUN_FILE, 'utf8') : 0);
  const ids = ['swiss-invoicing.tilbago-debt-collection', 'bench.bench-baseline-webview'];
  const times: Record<string, number> = {};
  let calledAt = 0;
  for (const id of run % 2 ? [...ids].reverse() : ids) {
    if (id === ids[0]) calledAt = performance.now();
    times[id] = await timeActivation(id);
  }
  // The marks our bundle sets: its first statement, and the end of activate().
  const mark = (name: string) => performance.getEntriesByName(name).at(-1)?.startTime ?? Number.NaN;
  fs.writeFileSync(
    process.env.TILBAGO_BENCH_RESULT!,
    JSON.stringify({
      activationMs: times[ids[0]!],
      baselineMs: times[ids[1]!],
      hostMs: mark('tilbago-module-start') - calledAt,
      loadMs: mark('tilbago-module-evaluated') - mark('tilbago-module-start'),
      activateMs: mark('tilbago-activated') - mark('tilbago-activate-start'),
      prepareMs: mark('tilbago-activate-start') - mark('tilbago-module-evaluated'),
    }),
  );
}
