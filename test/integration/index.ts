// Loaded by the extension host as `extensionTestsPath` (by both runners): runs every *.test.js beside it
// with mocha, and writes the counts where the runner asked (TILBAGO_TEST_RESULTS).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { testState } from './helpers';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec' });
  // The multi-root suites need a .code-workspace open; the runner opens one for them alone.
  const multiRoot = process.env.TILBAGO_TEST_SHAPE === 'multiRoot';
  const files = fs
    .readdirSync(__dirname)
    .filter((file) => file.endsWith('.test.js') && file.endsWith('.multiroot.test.js') === multiRoot)
    .sort();
  for (const file of files) mocha.addFile(path.join(__dirname, file));

  const failedTitles: string[] = [];
  const stats = await new Promise<Mocha.Stats>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats ?? { passes: 0, failures: 1 } as Mocha.Stats));
    runner.on('fail', (test, error: Error) => failedTitles.push(`${test.fullTitle()}: ${error.message}`));
  });

  const resultsFile = process.env.TILBAGO_TEST_RESULTS;
  if (resultsFile) {
    const results = { passes: stats.passes, failures: stats.failures, failedTitles, canaryStored: testState.canaryStored };
    fs.writeFileSync(resultsFile, JSON.stringify(results));
  }
  if (stats.failures > 0) throw new Error(`${stats.failures} integration test(s) failed.`);
  if (stats.passes === 0) throw new Error('No integration test ran.');
}
