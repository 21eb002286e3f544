// `npm test`: type-check, lint and format check, unit tests (plain node), the bundles' lazy boundaries and budgets,
// integration tests (inside a real VS Code extension host), and the package check; ends with one line of totals, `N passed, N failed`, over all of them.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { CACHE, ROOT } from './vscode-web.mjs';
import { runIntegration } from './run-integration.mjs';
import { checkBoundaries } from './check-boundaries.mjs';
import { checkPackage } from './check-package.mjs';
import { runInstalledVsixE2e } from '../e2e/installedVsix.e2e.mjs';
import { runCasesE2e } from '../e2e/cases.e2e.mjs';
import { runDemoE2e } from '../e2e/demo.e2e.mjs';
import { runWalkthroughE2e } from '../e2e/walkthrough.e2e.mjs';
import { runSetupPanelE2e } from '../e2e/setupPanel.e2e.mjs';

const require = createRequire(import.meta.url);
const totals = { passed: 0, failed: 0, failures: [] };

function count(suite, outcome) {
  totals.passed += outcome.passed;
  totals.failed += outcome.failed;
  totals.failures.push(...outcome.failures.map((failure) => `${suite}: ${failure}`));
  console.log(`\n[${suite}] ${outcome.passed} passed, ${outcome.failed} failed\n`);
}

/** A step that is one check: a command that must succeed. */
function step(suite, command, args) {
  console.log(`\n[${suite}] ${command} ${args.join(' ')}`);
  try {
    execFileSync(command, args, { cwd: ROOT, stdio: 'inherit' });
    count(suite, { passed: 1, failed: 0, failures: [] });
    return true;
  } catch {
    count(suite, { passed: 0, failed: 1, failures: [`${command} ${args.join(' ')} failed`] });
    return false;
  }
}

/** A suite that counts its own tests; one that cannot run at all counts as one failure. */
async function suite(name, run) {
  try {
    count(name, await run());
  } catch (error) {
    count(name, { passed: 0, failed: 1, failures: [`could not run: ${error.message}`] });
  }
}

async function unitTests() {
  const Mocha = require('mocha');
  const mocha = new Mocha({ reporter: 'spec', color: false });
  const dir = path.join(ROOT, 'out/test/unit');
  for (const file of require('node:fs')
    .readdirSync(dir)
    .filter((f) => f.endsWith('.test.js'))
    .sort()) {
    mocha.addFile(path.join(dir, file));
  }
  const failures = [];
  const stats = await new Promise((resolve) => {
    const runner = mocha.run(() => resolve(runner.stats));
    runner.on('fail', (test, error) => failures.push(`${test.fullTitle()}: ${error.message}`));
  });
  return { passed: stats.passes, failed: stats.failures, failures };
}

const bin = (name) => path.join(ROOT, 'node_modules/.bin', name);

step('typecheck', bin('tsc'), ['-p', '.', '--noEmit']);
step('typecheck (webview)', bin('tsc'), ['-p', 'webview', '--noEmit']);
step('lint', bin('biome'), ['ci', '.']);
if (step('build', process.execPath, ['esbuild.mjs', '--tests'])) {
  await suite('unit', unitTests);
  await suite('boundaries', checkBoundaries);
  await suite('integration', () => runIntegration('folder'));
  await suite('integration (multi-root)', () => runIntegration('multiRoot'));
  await suite('integration (untrusted)', () => runIntegration('untrusted'));
  await suite('integration (no folder)', () => runIntegration('noFolder'));
  await suite('e2e', () => runSetupPanelE2e());
  await suite('e2e (cases view)', () => runCasesE2e());
  await suite('e2e (walkthrough)', () => runWalkthroughE2e());
  await suite('e2e (npm start)', () => runDemoE2e());
}
// One .vsix: checked, then installed.
const vsix = path.join(CACHE, 'package', 'tilbago.vsix');
await suite('package', () => checkPackage(vsix));
await suite('e2e (installed .vsix)', () => runInstalledVsixE2e(vsix));

for (const failure of totals.failures) console.log(`  ✗ ${failure}`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed === 0 ? 0 : 1);
