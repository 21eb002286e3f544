// The same integration suites in desktop VS Code, downloaded by @vscode/test-electron, for machines that can
// reach Microsoft's download server (it cannot on machines limited to the npm registry: use `npm test` there).
// Usage: npm run test:desktop     Env: TILBAGO_VSCODE_VERSION (default: stable)
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { evaluateRun } from './evaluate-run.mjs';
import { newCanary } from './secret-scan.mjs';
import { ROOT, newRunFolder } from './vscode-web.mjs';

const { runDir, workspace } = newRunFolder('desktop');
const resultsFile = path.join(runDir, 'results.json');
const canary = newCanary();

let exitCode;
try {
  exitCode = await runTests({
    version: process.env.TILBAGO_VSCODE_VERSION || 'stable',
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: path.join(ROOT, 'out/test/integration/index.js'),
    extensionTestsEnv: { TILBAGO_TEST_RESULTS: resultsFile, TILBAGO_TEST_CANARY: canary },
    launchArgs: [
      workspace,
      '--disable-extensions',
      '--disable-workspace-trust',
      '--user-data-dir',
      path.join(runDir, 'user-data'),
      '--extensions-dir',
      path.join(runDir, 'extensions'),
    ],
  });
} catch (error) {
  exitCode = error instanceof Error ? error.message : String(error);
}
// Desktop VS Code keeps SecretStorage encrypted in the user data, which is scanned along with everything else.
const outcome = evaluateRun({ runDir, resultsFile, exitCode, canary, notScanned: [] });
for (const failure of outcome.failures) console.log(`  ✗ ${failure}`);
console.log(`${outcome.passed} passed, ${outcome.failed} failed`);
process.exit(outcome.failed === 0 ? 0 : 1);
