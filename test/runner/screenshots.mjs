// `npm run screenshots`: remakes the README's pictures in media/ from the demo workspace, in the real workbench
// (code-server in Chromium, the extension in development, as the e2e suites run it). The workspace is a copy of
// sample-workspace/ in a fresh temporary folder named `tilbago-demo`, so the window shows only that name; the
// pictures are framed to leave out the one place that shows a full path (the cases folder's status line), and
// before each one the text in view is checked for anything of this machine (its folders, the user's name).
// Usage: node esbuild.mjs && node test/runner/screenshots.mjs
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chooseColorTheme, expectText, runCommand, runInWorkbench } from '../e2e/workbench.mjs';
import { freePort, newRunFolder, ROOT, startServer, workbenchUrl } from './vscode-web.mjs';

export const MEDIA = path.join(ROOT, 'media');
const VIEWPORT = { width: 1400, height: 1000 };
/** Tall enough for the letter's section whole: the letter, the dynamic values and the preview's A4 page. */
const PANEL_VIEWPORT = { width: 1400, height: 1900 };

/** The demo creditor, as the setup panel e2e types it: with it, the preview shows its QR-bill payment part. */
const DEMO_SETTINGS = {
  'tilbago.casesFolder': 'tilbago-cases',
  'tilbago.creditor.name': 'Muster Treuhand AG',
  'tilbago.creditor.street': 'Bahnhofstrasse',
  'tilbago.creditor.buildingNumber': '7',
  'tilbago.creditor.postalCode': '8001',
  'tilbago.creditor.town': 'Zürich',
  'tilbago.creditor.country': 'CH',
  'tilbago.creditor.account': 'CH93 0076 2011 6238 5295 7',
};

/** A copy of sample-workspace/ at <new temp folder>/tilbago-demo, with the demo settings. */
function demoWorkspace() {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'tilbago-shots-'));
  const workspace = path.join(parent, 'tilbago-demo');
  fs.cpSync(path.join(ROOT, 'sample-workspace'), workspace, { recursive: true });
  const settingsFile = path.join(workspace, '.vscode', 'settings.json');
  const settings = fs.existsSync(settingsFile) ? JSON.parse(fs.readFileSync(settingsFile, 'utf8')) : {};
  fs.mkdirSync(path.dirname(settingsFile), { recursive: true });
  fs.writeFileSync(settingsFile, `${JSON.stringify({ ...settings, ...DEMO_SETTINGS }, null, 2)}\n`);
  return { parent, workspace };
}

/** What must never be seen in a picture: the folders of this run and this machine, and the user's name. */
function forbiddenStrings(paths) {
  const user = os.userInfo().username;
  const found = [
    ...paths,
    ROOT,
    os.tmpdir(),
    os.homedir(),
    '/work',
    '/tmp',
    '/home/',
    '/root',
    '.vscode-test',
    'tilbago-shots-',
    os.hostname(),
  ];
  // A short or generic user name ("root", "node") would match ordinary words; the paths above cover it then.
  if (user.length > 4 && !['runner', 'vscode', 'node'].includes(user)) found.push(user);
  return [...new Set(found.filter((s) => s && s.length > 1))];
}

/**
 * The text in view in this document (with an open tooltip's, which is text in the page), the window's title, and
 * the value and placeholder of the fields in view. Not `title` or `aria-label`: they show only on hover (the mouse
 * is parked in a corner) or to a screen reader, and the Explorer's name every file by its full path.
 */
function visibleText() {
  const inView = (rect) =>
    rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.right > 0 && rect.top < innerHeight && rect.left < innerWidth;
  const parts = [];
  const walk = (root) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let node = walker.currentNode; node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) {
        const range = document.createRange();
        range.selectNodeContents(node);
        if ([...range.getClientRects()].some(inView)) parts.push(node.textContent);
      } else if (node.nodeType === Node.ELEMENT_NODE) {
        if (node.shadowRoot) walk(node.shadowRoot);
        if (!inView(node.getBoundingClientRect())) continue;
        for (const attribute of ['placeholder']) {
          const value = node.getAttribute(attribute);
          if (value) parts.push(`${attribute} of ${node.tagName}.${node.className}: ${value}`);
        }
        if (typeof node.value === 'string' && node.value) parts.push(`value of ${node.tagName}: ${node.value}`);
      }
    }
  };
  walk(document.body);
  return `${document.title}\n${parts.join('\n')}`;
}

export async function makeScreenshots() {
  const { runDir } = newRunFolder('screenshots');
  const { parent, workspace } = demoWorkspace();
  const forbidden = forbiddenStrings([parent, workspace, runDir]);
  let page;
  const form = () => page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');

  /** Fails when anything in view (the workbench, or the webview's frame) names a path of this machine. */
  const checkNothingOfTheMachine = async (what) => {
    const texts = [await page.evaluate(visibleText)];
    if (await page.locator('iframe.webview.ready').count()) texts.push(await form().locator('body').evaluate(visibleText));
    for (const text of texts) {
      const lines = text.split('\n').filter((line) => forbidden.some((s) => line.includes(s)));
      if (lines.length) throw new Error(`${what} shows a path of this machine: ${lines.map((l) => l.slice(0, 200)).join(' | ')}`);
    }
  };
  /** No hover, no tooltip, fonts loaded, and a frame for the last layout. */
  const settle = async () => {
    const size = page.viewportSize();
    await page.mouse.move(size.width - 1, size.height - 1);
    await page
      .locator('.monaco-hover, .workbench-hover-container')
      .first()
      .waitFor({ state: 'hidden', timeout: 5000 })
      .catch(() => {});
    await page.evaluate(() => document.fonts.ready);
    if (await page.locator('iframe.webview.ready').count()) {
      await form()
        .locator('body')
        .evaluate(() =>
          document.fonts.ready.then(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))),
        );
    }
    await page.waitForTimeout(800);
  };
  const theme = async (name, cssClass) => {
    await chooseColorTheme(page, name);
    await page.locator(`.monaco-workbench.${cssClass}`).waitFor({ timeout: 15_000 });
  };
  /** The panel from the letter's section on: the letter text, the dynamic values and the live preview. */
  const letterShot = async (file) => {
    await form()
      .locator('#h-text')
      .evaluate((heading) => heading.scrollIntoView({ block: 'start' }));
    await settle();
    await checkNothingOfTheMachine(file);
    // The form is at most some 940 px wide: the picture ends a little right of it.
    const box = await page.locator('iframe.webview.ready').boundingBox();
    const right = await form()
      .locator('body')
      .evaluate(() => Math.max(...[...document.querySelectorAll('main, section, #preview')].map((e) => e.getBoundingClientRect().right)));
    const width = Math.min(box.width, Math.ceil(right) + 20);
    await page.screenshot({ path: path.join(MEDIA, file), clip: { x: box.x, y: box.y, width, height: box.height } });
  };

  const steps = [
    {
      name: 'the demo workspace is open under its neutral name',
      run: async () => {
        await page
          .locator('.explorer-folders-view .monaco-list-row', { hasText: /^tilbago-demo$/i })
          .first()
          .waitFor({ timeout: 30_000 })
          .catch(() => {});
        await expectText(page.locator('.part.sidebar'), /tilbago-demo/i, 'the Explorer names the folder');
      },
    },
    {
      name: 'cases-view.png: the Explorer\'s "tilbago cases" view with the sample case (Light Modern)',
      run: async () => {
        await theme('Light Modern', 'vs');
        const view = page.locator('.pane', { has: page.locator('.pane-header', { hasText: /tilbago cases/i }) });
        await view.waitFor({ timeout: 30_000 });
        const header = view.locator('.pane-header');
        if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
        // The groups open to show the sample case.
        await expectText(view.locator('.pane-body'), /2026-0142/, 'the sample case in the view', 30_000);
        // The side bar wider (its sash dragged), so the case's stage is not cut off.
        const bar = await page.locator('.part.sidebar').boundingBox();
        await page.mouse.move(bar.x + bar.width + 1, bar.y + bar.height / 2);
        await page.mouse.down();
        await page.mouse.move(bar.x + 480, bar.y + bar.height / 2, { steps: 5 });
        await page.mouse.up();
        await settle();
        await checkNothingOfTheMachine('cases-view.png');
        await view.screenshot({ path: path.join(MEDIA, 'cases-view.png') });
      },
    },
    {
      name: 'the setup panel opens with the demo creditor, and its preview has the payment part',
      run: async () => {
        await runCommand(page, 'Tilbago: Open setup');
        await form().locator('#key-status').waitFor({ timeout: 30_000 });
        await expectText(form().locator('#key-status'), /^(Set|Not set)/, 'the form to have its state');
        await expectText(form().locator('#preview'), /THIRD AND FINAL REMINDER/, 'the preview of the letter', 15_000);
        await form().locator('#preview svg').first().waitFor({ timeout: 30_000 });
        // The letter box holds the built-in English letter, saved, as a user starting from it would have it.
        await form().locator('#edit-built-in').click();
        await expectText(form().locator('#dirty'), /Unsaved changes/, 'the letter taken into the box');
        await form().locator('#save').click();
        await expectText(form().locator('#dirty'), /Saved/, 'the letter saved');
        // Reopened, the panel's status line says "All changes saved" rather than the time of that Save.
        await runCommand(page, 'View: Close All Editors');
        await runCommand(page, 'View: Close Primary Side Bar');
        await runCommand(page, 'Tilbago: Open setup');
        await form().locator('#key-status').waitFor({ timeout: 30_000 });
        await expectText(form().locator('#preview'), /THIRD AND FINAL REMINDER/, 'the preview of the saved letter', 15_000);
        await form().locator('#preview svg').first().waitFor({ timeout: 30_000 });
        await page.setViewportSize(PANEL_VIEWPORT);
      },
    },
    {
      name: 'setup-panel-letter.png (Light Modern)',
      run: () => letterShot('setup-panel-letter.png'),
    },
    {
      name: 'setup-panel-dark.png (Dark Modern)',
      run: async () => {
        await theme('Dark Modern', 'vs-dark');
        await letterShot('setup-panel-dark.png');
      },
    },
  ];

  try {
    const results = await runInWorkbench({
      label: 'screenshots',
      runDir,
      steps,
      viewport: VIEWPORT,
      usePage: (opened) => {
        page = opened;
      },
      start: async () => {
        const server = await startServer({ runDir, port: await freePort(), testDriver: true });
        return { url: workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: ROOT }), stop: server.stop };
      },
    });
    return results;
  } finally {
    fs.rmSync(parent, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = await makeScreenshots();
  for (const file of ['setup-panel-letter.png', 'setup-panel-dark.png', 'cases-view.png']) {
    const made = path.join(MEDIA, file);
    if (fs.existsSync(made)) console.log(`  ${path.relative(ROOT, made)}  ${(fs.statSync(made).size / 1024).toFixed(0)} KB`);
  }
  console.log(`${results.passed} passed, ${results.failed} failed`);
  process.exit(results.failed === 0 ? 0 : 1);
}
