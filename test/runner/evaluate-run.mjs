// After the extension host has run the integration suites (in either runner): read their counts, and scan every
// file the run wrote for the canary API key. Both become counts for the totals.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { scanForSecret } from './secret-scan.mjs';

/**
 * @param {{ runDir: string, resultsFile: string, exitCode: unknown, canary: string, notScanned: string[], expectCanary?: boolean }} run
 * @returns {{ passed: number, failed: number, failures: string[] }}
 */
export function evaluateRun({ runDir, resultsFile, exitCode, canary, notScanned, expectCanary = true }) {
  let outcome;
  try {
    const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
    outcome = { passed: results.passes, failed: results.failures, failures: results.failedTitles, canaryStored: results.canaryStored };
  } catch {
    outcome = {
      passed: 0,
      failed: 1,
      failures: [`the integration suites reported no results (extension host exit: ${exitCode}); see ${runDir}`],
      canaryStored: false,
    };
  }

  if (!expectCanary) return finish(runDir, outcome);
  const scan = scanForSecret(runDir, canary, { skip: [...notScanned, resultsFile] });
  const problems = [
    ...(outcome.canaryStored ? [] : ['the canary suite did not store the canary key, so the scan proves nothing']),
    ...(scan.files.some((file) => /tilbago\.log$/.test(file)) ? [] : ["the extension's own log file was not among the scanned files"]),
    ...scan.hits.map((file) => `the test API key was found in ${path.relative(runDir, file)}`),
  ];
  console.log(
    `[integration] secret canary: ${scan.files.length} files of the run scanned (settings, logs, storage), ` +
      `${scan.hits.length} contained the key`,
  );
  if (problems.length === 0) outcome.passed += 1;
  else {
    outcome.failed += 1;
    outcome.failures.push(`secret canary: ${problems.join('; ')}`);
  }

  return finish(runDir, outcome);
}

function finish(runDir, outcome) {
  if (process.env.TILBAGO_TEST_KEEP_RUN !== '1' && outcome.failed === 0) fs.rmSync(runDir, { recursive: true, force: true });
  else console.log(`[integration] run folder kept for inspection: ${runDir}`);
  return { passed: outcome.passed, failed: outcome.failed, failures: outcome.failures };
}
