// `npm start` behaves as VS Code does for a user: the demo's workbench runs without the test driver, so a
// command's notification shows as a toast. Starts the demo as `npm start` does (without its file watcher), in a
// run folder of its own, and reads the toast that "Test connection" shows when no key is set.
// Usage: node test/e2e/demo.e2e.mjs; it prints `N passed, N failed`.
import { pathToFileURL } from 'node:url';
import { newRunFolder } from '../runner/vscode-web.mjs';
import { startDemo } from '../runner/start.mjs';
import { runCommand, runInWorkbench } from './workbench.mjs';

export async function runDemoE2e() {
  const { runDir } = newRunFolder('e2e-demo');
  let page;
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
  ];
  return runInWorkbench({
    label: 'e2e demo',
    runDir,
    steps,
    usePage: (opened) => {
      page = opened;
    },
    start: () => startDemo({ runDir, watch: false }),
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const results = await runDemoE2e();
  console.log(`${results.passed} passed, ${results.failed} failed`);
  process.exit(results.failed === 0 ? 0 : 1);
}
