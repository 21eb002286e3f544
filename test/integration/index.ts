// Loaded by the extension host as `extensionTestsPath` (by both runners): runs every *.test.js beside it
// with mocha, and writes the counts where the runner asked (TILBAGO_TEST_RESULTS).
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { canaryMarkFile } from './helpers';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30_000, reporter: 'spec' });
  // Suites for another shape of workspace (`x.multiroot.test.js`, `x.untrusted.test.js`, `x.nofolder.test.js`) run only when the runner
  // opened that shape; the others run with one trusted folder open.
  const shape = (process.env.TILBAGO_TEST_SHAPE ?? 'folder').toLowerCase();
  const shapeOf = (file: string) => /\.(multiroot|untrusted|nofolder)\.test\.js$/.exec(file)?.[1] ?? 'folder';
  const files = fs
    .readdirSync(__dirname)
    .filter((file) => file.endsWith('.test.js') && shapeOf(file) === shape)
    .sort();
  for (const file of files) mocha.addFile(path.join(__dirname, file));

  const failedTitles: string[] = [];
  const stats = await new Promise<Mocha.Stats>((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats ?? ({ passes: 0, failures: 1 } as Mocha.Stats)));
    runner.on('fail', (test, error: Error) => failedTitles.push(`${test.fullTitle()}: ${error.message}`));
  });

  const resultsFile = process.env.TILBAGO_TEST_RESULTS;
  if (resultsFile) {
    const results = {
      passes: stats.passes,
      failures: stats.failures,
      failedTitles,
      canaryStored: fs.existsSync(canaryMarkFile(resultsFile)),
    };
    fs.writeFileSync(resultsFile, JSON.stringify(results));
  }
  if (stats.failures > 0) throw new Error(`${stats.failures} integration test(s) failed.`);
  if (stats.passes === 0) throw new Error('No integration test ran.');
}
