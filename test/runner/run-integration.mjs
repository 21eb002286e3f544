// Runs the integration suites (out/test/integration) inside the real extension host of a real VS Code
// (code-server + headless chromium), then checks that the test API key left no trace in the run's files.
// Usage: node test/runner/run-integration.mjs      (after `node esbuild.mjs --tests`)
// Env: TILBAGO_TEST_TIMEOUT_MS (default 300000), TILBAGO_TEST_KEEP_RUN=1 keeps the run folder.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { format } from 'node:util';
import { pathToFileURL } from 'node:url';
import { ROOT, freePort, launchBrowser, newRunFolder, startServer, workbenchUrl } from './vscode-web.mjs';
import { evaluateRun } from './evaluate-run.mjs';
import { newCanary } from './secret-scan.mjs';

const TIMEOUT_MS = Number(process.env.TILBAGO_TEST_TIMEOUT_MS || 300_000);
// Workbench log lines that are expected offline and say nothing about the tests.
const NOISE =
  /No signed-in session|ChatModelSelection|AgentHost|open-vsx\.org|ENOTFOUND|^\s+at |Creating a socket|connection token|grace time|AccountPolicyGate|builtin extensions cache|Service Worker|marketplace/i;

/**
 * Runs the suites for one shape of workspace: `folder` (one trusted folder open: the plain suites), `multiRoot`
 * (a .code-workspace with two folders: `*.multiroot.test.js`), `untrusted` (one folder in Restricted Mode, its
 * settings written beforehand as a cloned repository would bring them: `*.untrusted.test.js`) or `noFolder` (an
 * empty window: `*.nofolder.test.js`).
 * @returns {Promise<{ passed: number, failed: number, failures: string[] }>}
 */
export async function runIntegration(shape = 'folder') {
  const { runDir, workspace } = newRunFolder(`integration-${shape}`);
  let workspaceFile;
  if (shape === 'multiRoot') {
    for (const name of ['invoices-ch', 'invoices-de']) fs.mkdirSync(path.join(workspace, name));
    workspaceFile = path.join(workspace, 'invoicing.code-workspace');
    fs.writeFileSync(workspaceFile, JSON.stringify({ folders: [{ path: 'invoices-ch' }, { path: 'invoices-de' }], settings: {} }, null, 2));
  }
  if (shape === 'untrusted') {
    fs.mkdirSync(path.join(workspace, '.vscode'));
    fs.writeFileSync(
      path.join(workspace, '.vscode', 'settings.json'),
      JSON.stringify(
        { 'tilbago.casesFolder': '/tmp/where-a-stranger-wants-it', 'tilbago.thirdReminder.daysBeforeCollection': 21 },
        null,
        2,
      ),
    );
  }
  const resultsFile = path.join(runDir, 'results.json');
  const canary = newCanary();

  const started = Date.now();
  const server = await startServer({
    runDir,
    port: await freePort(),
    testDriver: true,
    disableWorkspaceTrust: shape !== 'untrusted',
    env: { TILBAGO_TEST_RESULTS: resultsFile, TILBAGO_TEST_CANARY: canary, TILBAGO_TEST_SHAPE: shape },
  });
  console.log(`[integration] VS Code server up at ${server.base} (run folder ${path.relative(ROOT, runDir)})`);
  const workbenchLog = fs.createWriteStream(path.join(runDir, 'workbench.log'));
  let browser;
  let exitCode;
  try {
    browser = await launchBrowser(path.join(runDir, 'browser-home'));
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    let finish;
    const finished = new Promise((resolve) => (finish = resolve));
    // The workbench calls these when they exist: each log line (the suites' console output included), then
    // the extension host's exit code once the suites' run() settles.
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const text = format(...args);
      workbenchLog.write(`[${type}] ${text}\n`);
      const shown = text
        .split('\n')
        .filter((line) => line.trim() && !NOISE.test(line))
        .join('\n');
      if (shown) console.log(shown);
    });
    await page.exposeFunction('codeAutomationExit', (code) => finish(code));
    page.on('pageerror', (error) => workbenchLog.write(`[pageerror] ${error.message}\n`));
    await page.goto(
      workbenchUrl(server, {
        folder: shape === 'noFolder' ? undefined : workspace,
        workspaceFile,
        extensionDevelopmentPath: ROOT,
        extensionTestsPath: path.join(ROOT, 'out/test/integration/index.js'),
      }),
    );
    const timer = setTimeout(() => finish('timeout'), TIMEOUT_MS);
    exitCode = await finished;
    clearTimeout(timer);
  } finally {
    await browser?.close();
    await server.stop();
    await new Promise((resolve) => workbenchLog.end(resolve));
  }
  console.log(`[integration:${shape}] extension host finished (exit ${exitCode}) in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  // The browser profile, with the workbench's SecretStorage where the key belongs, is in a temporary folder of
  // its own (gone by now); every file in the run folder is scanned.
  return evaluateRun({ runDir, resultsFile, exitCode, canary, notScanned: [], expectCanary: shape === 'folder' });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const outcome = await runIntegration(process.argv[2] ?? 'folder');
  for (const failure of outcome.failures) console.log(`  ✗ ${failure}`);
  console.log(`${outcome.passed} passed, ${outcome.failed} failed`);
  process.exit(outcome.failed === 0 ? 0 : 1);
}
