// Loaded by the extension host as `extensionTestsPath` in `npm run bench`: times the extension's module load and
// `activate()`, which nothing has triggered yet (activation is lazy), and writes it where the bench asked.
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import * as vscode from 'vscode';

export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension('swiss-invoicing.tilbago-debt-collection');
  if (!extension) throw new Error('the extension is not loaded');
  if (extension.isActive) throw new Error('the extension was activated before the measurement');
  const started = performance.now();
  await extension.activate();
  const activationMs = performance.now() - started;
  fs.writeFileSync(process.env.TILBAGO_BENCH_RESULT!, JSON.stringify({ activationMs }));
}
