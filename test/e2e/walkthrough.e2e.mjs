// The walkthrough as a new user meets it, in the real workbench: its pictures render in a light and a dark theme
// (not one colour: their styles survive the walkthrough's security policy), and each step is ticked from the
// real state (a key stored, a folder chosen, a connection accepted), not from a command having run: after each
// action, and after a reload, whether the extension or the walkthrough comes first.
// Usage: node test/e2e/walkthrough.e2e.mjs (after a build); it prints `N passed, N failed`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { newRunFolder, ROOT } from '../runner/vscode-web.mjs';
import { decodePng, mainColours } from './png.mjs';
import {
  answerDialog,
  chooseColorTheme,
  expectText,
  quickInputRow,
  runCommand,
  runWhenStarted,
  runWithFakeTilbago,
  SCREENSHOTS,
  setApiKeyFromPalette,
} from './workbench.mjs';

const KEY = 'tb-e2e-walkthrough-0004';
const STEP = (id) => `swiss-invoicing.tilbago-debt-collection#tilbago.setup#tilbago.${id}`;

export async function runWalkthroughE2e() {
  const { runDir, workspace } = newRunFolder('e2e-walkthrough');
  fs.cpSync(path.join(ROOT, 'sample-workspace'), workspace, { recursive: true });
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  let fake;
  let page;

  const checkbox = (id) => page.locator(`[data-done-step-id="${STEP(id)}"]`);
  async function openWalkthrough() {
    if (await checkbox('setKey').isVisible()) return;
    await runCommand(page, 'Welcome: Open Walkthrough...');
    await quickInputRow(page, 'Set up tilbago debt collection').click();
    await checkbox('setKey').waitFor({ timeout: 15_000 });
  }
  async function expectTicked(id, ticked) {
    await openWalkthrough();
    const want = String(ticked);
    await page
      .waitForFunction(
        ([selector, value]) => document.querySelector(selector)?.getAttribute('aria-checked') === value,
        [`[data-done-step-id="${STEP(id)}"]`, want],
        { timeout: 15_000 },
      )
      .catch(async () => {
        throw new Error(`step ${id}: expected ticked=${want}, it is ${await checkbox(id).getAttribute('aria-checked')}`);
      });
  }
  async function reload() {
    await runCommand(page, 'Developer: Reload Window');
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    // The walkthrough open before comes back and takes the focus, closing a palette opened meanwhile.
    await checkbox('setKey').waitFor({ timeout: 30_000 });
    await page.waitForTimeout(2000);
  }
  /** The picture of a step, as the user sees it: its main colours, from a screenshot. */
  async function pictureColours(stepId, shot) {
    await page.locator(`.getting-started-step[data-step-id="${STEP(stepId)}"]`).click();
    const media = page.locator('.getting-started-media');
    await media.locator('iframe.webview.ready').waitFor({ timeout: 15_000 });
    await page.waitForTimeout(1500);
    const png = await media.screenshot({ path: path.join(SCREENSHOTS, shot) });
    return mainColours(decodePng(png));
  }
  async function testConnection(expected) {
    await runCommand(page, 'Tilbago: Test connection');
    const wanted = fake.requests.length + 1;
    for (let i = 0; i < 100 && fake.requests.length < wanted; i++) await page.waitForTimeout(100);
    if (fake.requests.at(-1)?.status !== expected)
      throw new Error(`tilbago answered ${fake.requests.at(-1)?.status}, expected ${expected}`);
  }

  const steps = [
    {
      name: 'the walkthrough opens from "Welcome: Open Walkthrough…"',
      run: openWalkthrough,
    },
    ...['light', 'dark'].map((theme) => ({
      name: `its pictures render in the ${theme} theme: several colours, not one`,
      run: async () => {
        if (theme === 'dark') {
          await chooseColorTheme(page, 'Dark Modern');
          await page.locator('.monaco-workbench.vs-dark').waitFor({ timeout: 15_000 });
        }
        for (const stepId of ['setKey', 'testConnection']) {
          const colours = await pictureColours(stepId, `walkthrough-${stepId}-${theme}.png`);
          if (colours.length < 3) throw new Error(`${stepId}: the picture shows ${colours.length} colour(s): ${colours.join(' ')}`);
        }
      },
    })),
    {
      name: 'no key: "Set the API key" and "Test the connection" are not ticked; the sample\'s cases folder is',
      run: async () => {
        // Running any of its commands activates the extension, which sets the state.
        await runCommand(page, 'Tilbago: Refresh case status');
        await expectTicked('casesFolder', true);
        await expectTicked('setKey', false);
        await expectTicked('testConnection', false);
      },
    },
    {
      name: 'a key stored ticks "Set the API key"; a test that tilbago refuses (401) does not tick "Test the connection"',
      run: async () => {
        await setApiKeyFromPalette(page, 'tb-e2e-not-the-right-key');
        await expectTicked('setKey', true);
        await testConnection(401);
        await expectTicked('testConnection', false);
      },
    },
    {
      name: 'with the right key, an accepted test ticks "Test the connection"',
      run: async () => {
        await setApiKeyFromPalette(page, KEY, { replace: true });
        await testConnection(404);
        await expectTicked('testConnection', true);
        await runCommand(page, 'Notifications: Show Notifications');
        const toast = page.locator('.notifications-center .notification-list-item-message', { hasText: 'accepted the API key' });
        await expectText(toast.first(), /ending in …0004\./, 'the toast names the key by its last four characters');
        await runCommand(page, 'Notifications: Hide Notifications');
      },
    },
    {
      name: 'after a reload, the three steps are still ticked, from the state the extension reads again',
      run: async () => {
        await reload();
        for (const id of ['setKey', 'casesFolder', 'testConnection']) await expectTicked(id, true);
      },
    },
    {
      name: 'removing the key unticks "Set the API key" and "Test the connection"',
      run: async () => {
        await runCommand(page, 'Tilbago: Remove API key');
        await answerDialog(page, 'Remove');
        await expectTicked('setKey', false);
        await expectTicked('testConnection', false);
      },
    },
    {
      name: 'after a reload, the accepted key stored again before the walkthrough opens ticks both, without a new test',
      run: async () => {
        await reload();
        const requests = fake.requests.length;
        // The extension is active and the context keys true before the walkthrough (and its service) is opened.
        await setApiKeyFromPalette(page, KEY);
        await page.waitForTimeout(1000);
        await expectTicked('setKey', true);
        await expectTicked('testConnection', true);
        if (fake.requests.length !== requests) throw new Error('a request went to tilbago');
      },
    },
  ];

  return runWithFakeTilbago({
    label: 'e2e walkthrough',
    runDir,
    steps,
    viewport: { width: 1900, height: 1000 },
    usePage: (opened, startedFake) => {
      page = opened;
      fake = startedFake;
    },
    workspace,
    key: KEY,
  });
}

await runWhenStarted(import.meta.url, runWalkthroughE2e);
