// End to end, as a person would: the real workbench in Chromium, the command palette, the setup form in its
// webview, and settings.json on disk. Also watches for Content-Security-Policy violations in the webview and
// saves screenshots of the panel in a light and a dark theme.
// Usage: node test/e2e/setupPanel.e2e.mjs (after a build); it prints `N passed, N failed`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { newCanary } from '../runner/secret-scan.mjs';
import { ROOT, freePort, launchBrowser, newRunFolder, startServer, workbenchUrl } from '../runner/vscode-web.mjs';
import { expectText, quickInputRow, runCommand, runSteps, SCREENSHOTS } from './workbench.mjs';

async function chooseColorTheme(page, theme) {
  await runCommand(page, 'Preferences: Color Theme');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await page.waitForFunction(() => !document.querySelector('.quick-input-widget .quick-input-box input')?.value.startsWith('>'));
  await input.fill(theme);
  await quickInputRow(page, theme).click();
}

export async function runSetupPanelE2e() {
  const { runDir, workspace } = newRunFolder('e2e');
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const results = { passed: 0, failed: 0, failures: [] };
  const cspViolations = [];
  let server;
  let browser;
  let page;

  const steps = [];
  const step = (name, run) => steps.push({ name, run });
  const form = () => page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
  const watchWebviewViolations = async () => {
    // Violations after load, seen from inside the webview; those in the static HTML come through the console.
    await form()
      .locator('body')
      .evaluate(() => {
        window.__cspViolations ??= [];
        document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
  };
  const collectWebviewViolations = async () => {
    const inside = await form()
      .locator('body')
      .evaluate(() => window.__cspViolations ?? []);
    cspViolations.push(...inside);
  };

  step('the palette opens "Tilbago: Open setup" and the form shows the state', async () => {
    await runCommand(page, 'Tilbago: Open setup');
    await expectText(form().locator('#key-status'), /^Not set$/, 'API key status');
    await watchWebviewViolations();
    if ((await form().locator('#days-after-second input').inputValue()) !== '10') throw new Error('default of 10 days not shown');
    await expectText(form().locator('#text-source'), /built-in letter in English is used/, 'built-in letter note');
    await expectText(
      form().locator('#preview'),
      /THIRD AND FINAL REMINDER[\s\S]*Despite our reminders of 07\.09\.2026 and 05\.10\.2026/,
      'preview of the built-in letter',
    );
  });

  step('the day fields are checked as the user types', async () => {
    await form().locator('#days-before-collection input').fill('400');
    await form().locator('#days-before-collection-help[data-invalid]').waitFor({ timeout: 5000 });
    await form().locator('#days-before-collection input').fill('20');
    await form().locator('#days-before-collection-help:not([data-invalid])').waitFor({ timeout: 5000 });
    await form().locator('#days-after-second input').fill('12');
    await expectText(form().locator('#dirty'), /Unsaved changes/, 'unsaved marker');
  });

  step('an unknown placeholder is named, with a suggestion, and the preview follows the text', async () => {
    const text = form().locator('#letter-text textarea');
    await text.fill('%TITRE%,\n\nFacture %NUMMER% du %DATEFACTURE%, montant %MONTANT%.');
    await expectText(form().locator('#unknown'), /%NUMMER% \(line 3\) — did you mean %NUMERO%\?/, 'unknown placeholder warning');
    await expectText(
      form().locator('#preview'),
      /Dear Sir or Madam,\s+Facture %NUMMER% du 03\.08\.2026, montant CHF 1'234\.50\./,
      'preview',
    );
    await text.fill('%TITRE%,\n\nFacture %NUMERO% du %DATEFACTURE%, montant ');
    await expectText(form().locator('#preview'), /Facture 2026-0142 du 03\.08\.2026, montant\s*$/, 'preview after the fix');
    if (await form().locator('#unknown').isVisible()) throw new Error('the warning stayed after the fix');
  });

  step('clicking a dynamic value inserts it at the cursor, from the keyboard too', async () => {
    const text = form().locator('#letter-text textarea');
    await text.focus();
    await text.press('End');
    await form().locator('vscode-button[data-placeholder="MONTANT"]').focus();
    await page.keyboard.press('Enter');
    const value = await text.inputValue();
    if (!value.endsWith('montant %MONTANT%')) throw new Error(`textarea holds ${JSON.stringify(value)}`);
    await expectText(form().locator('#preview'), /montant CHF 1'234\.50/, 'preview with the inserted value');
  });

  step('the cases folder: a missing one is reported and can be created', async () => {
    await form().locator('#cases-folder input').fill('Cas tilbago');
    await expectText(form().locator('#folder-status'), /does not exist yet/, 'folder status');
    await form().locator('#create-folder').click();
    await expectText(form().locator('#folder-status'), /exists and can be written to/, 'folder status after creating');
    if (!fs.statSync(path.join(workspace, 'Cas tilbago')).isDirectory()) throw new Error('folder not created');
  });

  step('unsaved edits survive hiding the panel', async () => {
    await runCommand(page, 'Preferences: Open User Settings (JSON)');
    await page.waitForTimeout(500);
    await runCommand(page, 'Tilbago: Open setup');
    await form().locator('#days-after-second input').waitFor();
    const deadline = Date.now() + 10_000;
    while ((await form().locator('#days-after-second input').inputValue()) !== '12') {
      if (Date.now() > deadline) throw new Error('the edit was lost when the panel was hidden');
      await page.waitForTimeout(100);
    }
    await expectText(form().locator('#dirty'), /Unsaved changes/, 'unsaved marker after showing again');
    await watchWebviewViolations();
  });

  step('Save writes the values to .vscode/settings.json on disk', async () => {
    await form().locator('#save').click();
    await expectText(form().locator('#dirty'), /Saved to the Workspace settings/, 'save status');
    const file = path.join(workspace, '.vscode', 'settings.json');
    const saved = JSON.parse(fs.readFileSync(file, 'utf8'));
    const expected = {
      'tilbago.reminder3.daysAfterSecondReminder': 12,
      'tilbago.reminder3.daysBeforeCollection': 20,
      'tilbago.reminder3.text': '%TITRE%,\n\nFacture %NUMERO% du %DATEFACTURE%, montant %MONTANT%',
      'tilbago.casesFolder': 'Cas tilbago',
    };
    for (const [key, value] of Object.entries(expected)) {
      if (saved[key] !== value)
        throw new Error(`${key} is ${JSON.stringify(saved[key])} in settings.json, expected ${JSON.stringify(value)}`);
    }
  });

  step('the API key never reaches the webview: not its messages, not its page', async () => {
    const canary = newCanary();
    await form()
      .locator('body')
      .evaluate(() => {
        window.__received = [];
        window.addEventListener('message', (event) => window.__received.push(JSON.stringify(event.data)));
      });
    await runCommand(page, 'Tilbago: Set API key');
    await page.waitForFunction(() => document.querySelector('.quick-input-widget .quick-input-box input')?.type === 'password');
    await page.locator('.quick-input-widget .quick-input-box input').fill(canary);
    await page.keyboard.press('Enter');
    await expectText(form().locator('#key-status'), new RegExp(`^Set, ends in …${canary.slice(-4)}$`), 'API key status');
    const { html, received } = await form()
      .locator('body')
      .evaluate(() => ({ html: document.documentElement.outerHTML, received: window.__received }));
    if (received.length === 0) throw new Error('no message was recorded, so this check proves nothing');
    const leaks = [html, ...received].filter((text) => text.includes(canary.slice(0, -4)));
    if (leaks.length) throw new Error(`the key is in the webview: ${leaks[0].slice(0, 200)}`);
    console.log(`  [canary] webview page and ${received.length} messages to it checked`);
  });

  step('screenshots in a dark and a light theme', async () => {
    for (const [theme, name] of [
      ['Dark Modern', 'dark'],
      ['Light Modern', 'light'],
    ]) {
      await chooseColorTheme(page, theme);
      await page.locator(`.monaco-workbench.${name === 'dark' ? 'vs-dark' : 'vs'}`).waitFor({ timeout: 15_000 });
      await page.mouse.move(0, 0);
      const panel = page.locator('iframe.webview.ready');
      await form().locator('h1').scrollIntoViewIfNeeded();
      await page.waitForTimeout(800);
      await panel.screenshot({ path: path.join(SCREENSHOTS, `setup-panel-${name}.png`) });
      await form()
        .locator('#h-legend')
        .evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
      await page.waitForTimeout(300);
      await panel.screenshot({ path: path.join(SCREENSHOTS, `setup-letter-${name}.png`) });
    }
  });

  step('unsaved edits survive a window reload', async () => {
    await collectWebviewViolations();
    await form().locator('#days-before-collection input').fill('33');
    await expectText(form().locator('#dirty'), /Unsaved changes/, 'unsaved marker');
    await page.waitForTimeout(300); // the draft is kept on the next animation frame
    await runCommand(page, 'Developer: Reload Window');
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await form().locator('#key-status').waitFor({ timeout: 60_000 });
    await expectText(form().locator('#dirty'), /Unsaved changes/, 'unsaved marker after the reload');
    const value = await form().locator('#days-before-collection input').inputValue();
    if (value !== '33') throw new Error(`after the reload the field holds ${value}`);
    await watchWebviewViolations();
  });

  step('no Content-Security-Policy violation in the webview', async () => {
    await collectWebviewViolations();
    if (cspViolations.length) throw new Error(`violations: ${cspViolations.join(' | ')}`);
  });

  try {
    const port = await freePort();
    server = await startServer({ runDir, port, testDriver: true });
    browser = await launchBrowser(path.join(runDir, 'browser-home'));
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.setDefaultTimeout(20_000);
    page.on('console', (message) => {
      // The workbench's own page has a policy of its own; only violations from a webview frame count.
      const url = message.location()?.url ?? '';
      if (/Content Security Policy/i.test(message.text()) && /webview/.test(url)) cspViolations.push(message.text());
    });
    await page.goto(workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: ROOT }));
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });

    Object.assign(results, await runSteps(steps, page, runDir));
  } finally {
    await browser?.close();
    await server?.stop();
  }
  if (results.failed === 0) fs.rmSync(runDir, { recursive: true, force: true });
  else console.log(`[e2e] run folder kept for inspection: ${runDir}`);
  console.log(`[e2e] screenshots in ${path.relative(ROOT, SCREENSHOTS)}`);
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = await runSetupPanelE2e();
  console.log(`${results.passed} passed, ${results.failed} failed`);
  process.exit(results.failed === 0 ? 0 : 1);
}
