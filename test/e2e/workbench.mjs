// Driving the real workbench from Playwright: the command palette, quick inputs, waiting for text.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startFakeTilbago } from '../fake-tilbago/server.mjs';
import { CACHE, freePort, launchBrowser, ROOT, startServer, workbenchUrl } from '../runner/vscode-web.mjs';

/** Where the e2e suites leave their screenshots. */
export const SCREENSHOTS = path.join(CACHE, 'screenshots');

/** The quick-input row whose label is exactly `label`. */
export function quickInputRow(page, label) {
  const exact = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  return page
    .locator('.quick-input-widget .monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: exact }) })
    .first();
}

/** Runs `title` in the command palette. The palette lists a development extension's commands only once its host has them: retry. */
export async function runCommand(page, title, deadline = Date.now() + 60_000, { beforeClick } = {}) {
  const input = page.locator('.quick-input-widget .quick-input-box input');
  const row = quickInputRow(page, title);
  for (;;) {
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible' });
    await input.fill(`>${title}`);
    try {
      await row.waitFor({ timeout: 1500 });
      break;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await page.keyboard.press('Escape');
    await page.waitForTimeout(400);
  }
  await beforeClick?.();
  await row.click();
}

/** "Tilbago: Set API key" from the palette, the key typed into its masked box; `replace` answers "Replace" first. */
export async function setApiKeyFromPalette(page, key, { replace = false } = {}) {
  await runCommand(page, 'Tilbago: Set API key');
  if (replace) await answerDialog(page, 'Replace');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await page.waitForFunction(() => document.querySelector('.quick-input-widget .quick-input-box input')?.type === 'password');
  await input.fill(key);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** "Preferences: Color Theme", picking `theme` by its name. */
export async function chooseColorTheme(page, theme) {
  await runCommand(page, 'Preferences: Color Theme');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await page.waitForFunction(() => !document.querySelector('.quick-input-widget .quick-input-box input')?.value.startsWith('>'));
  await input.fill(theme);
  await quickInputRow(page, theme).click();
}

/** Answers VS Code's modal dialog with the button titled `title`. */
export async function answerDialog(page, title) {
  const dialog = page.locator('.monaco-dialog-box');
  await dialog.waitFor({ state: 'visible', timeout: 15_000 });
  await dialog.locator('.dialog-buttons .monaco-button', { hasText: new RegExp(`^${title}$`) }).click();
  await dialog.waitFor({ state: 'hidden' });
}

/** Waits until the locator's text matches, and says what it saw when it does not. */
export async function expectText(locator, pattern, what, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < deadline) {
    text = (await locator.innerText().catch(() => '')) ?? '';
    if (pattern.test(text)) return text;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what}: expected ${pattern}, saw ${JSON.stringify(text.slice(0, 300))}`);
}

/**
 * Runs named steps in order, counting each as a test; the first failure stops the run (the steps after it count as
 * failed, "not reached") and leaves a screenshot in the run folder.
 */
export async function runSteps(steps, page, runDir) {
  const results = { passed: 0, failed: 0, failures: [] };
  for (const [index, { name, run }] of steps.entries()) {
    try {
      await run();
      results.passed++;
      console.log(`  ✔ ${name}`);
    } catch (error) {
      const reason = String(error?.message ?? error).split('\n')[0];
      results.failed += steps.length - index;
      results.failures.push(`${name}: ${reason}`, ...steps.slice(index + 1).map((s) => `${s.name}: not reached`));
      console.log(`  ✗ ${name}: ${reason}`);
      await page.screenshot({ path: `${runDir}/failure.png` }).catch(() => {});
      break;
    }
  }
  return results;
}

/**
 * One browser test: `start()` starts what the run needs and resolves to the workbench's `url` and a `stop()`; a
 * fresh Chromium page (handed to `usePage`, with what `start()` resolved to) opens it; `steps` run in order. The run
 * folder is removed when every step passed, and kept (with a screenshot) when one failed.
 * @returns {Promise<{ passed: number, failed: number, failures: string[] }>}
 */
export async function runInWorkbench({ label, runDir, steps, start, usePage, viewport = { width: 1400, height: 1000 } }) {
  let started;
  let browser;
  let results;
  try {
    started = await start();
    browser = await launchBrowser(path.join(runDir, 'browser-home'));
    const page = await browser.newPage({ viewport });
    page.setDefaultTimeout(20_000);
    usePage(page, started);
    await page.goto(started.url);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    results = await runSteps(steps, page, runDir);
  } catch (error) {
    results = { passed: 0, failed: steps.length, failures: [`could not run: ${error.message}`] };
  } finally {
    await browser?.close();
    await started?.stop();
  }
  if (results.failed === 0) fs.rmSync(runDir, { recursive: true, force: true });
  else console.log(`[${label}] run folder kept for inspection: ${runDir}`);
  return results;
}

/**
 * runInWorkbench with a fake tilbago that accepts `key`, and the extension in development in a workbench whose
 * Machine settings point `tilbago.apiBaseUrl` (machine-scoped) at it. `usePage` receives the page and the fake.
 */
export function runWithFakeTilbago({ workspace, key, usePage, ...run }) {
  return runInWorkbench({
    ...run,
    usePage: (page, started) => usePage(page, started.fake),
    start: async () => {
      const fake = await startFakeTilbago({ validKeys: [key] });
      const server = await startServer({
        runDir: run.runDir,
        port: await freePort(),
        testDriver: true,
        machineSettings: { 'tilbago.apiBaseUrl': fake.url },
      });
      return {
        fake,
        url: workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: ROOT }),
        stop: async () => {
          await server.stop();
          await fake.stop();
        },
      };
    },
  });
}

/**
 * An e2e file's own command line: when `moduleUrl` is the script node was started with, runs `runSuite`, prints
 * `N passed, N failed` and exits with whether every step passed. Imported by the runner, it does nothing.
 */
export async function runWhenStarted(moduleUrl, runSuite) {
  if (!process.argv[1] || moduleUrl !== pathToFileURL(process.argv[1]).href) return;
  const results = await runSuite();
  console.log(`${results.passed} passed, ${results.failed} failed`);
  process.exit(results.failed === 0 ? 0 : 1);
}
