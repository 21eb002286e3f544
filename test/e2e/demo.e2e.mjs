// `npm start` behaves as VS Code does for a user: the demo's workbench runs without the test driver, so a
// command's notification shows as a toast. Starts the demo as `npm start` does (without its file watcher), in a
// run folder of its own, and reads the toast that "Test connection" shows when no key is set; then, with the
// demo's key, that Submit shows no progress while its question waits for an answer.
// Usage: node test/e2e/demo.e2e.mjs; it prints `N passed, N failed`.
import { newRunFolder } from '../runner/vscode-web.mjs';
import { startDemo } from '../runner/start.mjs';
import { quickInputRow, runCommand, runInWorkbench, runWhenStarted, setApiKeyFromPalette } from './workbench.mjs';

export async function runDemoE2e() {
  const { runDir } = newRunFolder('e2e-demo');
  let page;
  let demo;
  const dialog = () => page.locator('.monaco-dialog-box');
  const progressToast = () => page.locator('.notification-toast', { hasText: /Submitting .* to tilbago/ });
  const steps = [
    {
      name: 'the demo loads the installed extension: "Tilbago: Test connection" is in the palette',
      run: () => runCommand(page, 'Tilbago: Test connection'),
    },
    {
      name: 'its notification shows as a toast, with its button',
      run: async () => {
        const toast = page.locator('.notification-toast', { hasText: 'No tilbago API key is set. Set one first.' });
        await toast.waitFor({ state: 'visible', timeout: 15_000 });
        await toast.locator('.monaco-button', { hasText: 'Set API key' }).waitFor({ state: 'visible' });
      },
    },
    {
      name: 'Submit asks before filing, and no "Submitting" progress shows while the question waits',
      run: async () => {
        await setApiKeyFromPalette(page, demo.fake.validKeys[0]);
        await runCommand(page, 'Tilbago: Submit debt-collection request');
        await quickInputRow(page, '2026-0142 Muster SA').click();
        await dialog().waitFor({ state: 'visible', timeout: 15_000 });
        await page.waitForTimeout(1500);
        if (await progressToast().count()) throw new Error('a progress toast shows before the user confirmed');
        await dialog()
          .locator('.dialog-buttons .monaco-button', { hasText: /^Cancel$/ })
          .click();
        await dialog().waitFor({ state: 'hidden' });
        await page.waitForTimeout(1000);
        if (await progressToast().count()) throw new Error('a progress toast shows after Cancel');
        if (demo.fake.requests.some((r) => r.method === 'PUT' && r.path === 'case')) throw new Error('a case was sent');
      },
    },
  ];
  return runInWorkbench({
    label: 'e2e demo',
    runDir,
    steps,
    usePage: (opened, started) => {
      page = opened;
      demo = started;
    },
    start: () => startDemo({ runDir, watch: false }),
  });
}

await runWhenStarted(import.meta.url, runDemoE2e);
