// The packaged extension, installed as a user installs it (not the development folder), in the real workbench:
// palette → Set API key → Open setup → Save → settings.json on disk.
// Usage: node test/e2e/installedVsix.e2e.mjs; it prints `N passed, N failed`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildVsix } from '../runner/check-package.mjs';
import { newCanary, scanForSecret } from '../runner/secret-scan.mjs';
import { freePort, newRunFolder, startServer, workbenchUrl } from '../runner/vscode-web.mjs';
import { expectText, runCommand, runInWorkbench, runWhenStarted, setApiKeyFromPalette } from './workbench.mjs';

/** `built`: a .vsix made already (by the package check); without it, one is built here. */
export async function runInstalledVsixE2e(built) {
  const { runDir, workspace } = newRunFolder('installed');
  const vsix = path.join(runDir, 'tilbago.vsix');
  const canary = newCanary();
  let page;
  let server;
  const form = () => page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');

  const steps = [
    {
      name: 'the .vsix is built and installed into the real VS Code',
      run: async () => {
        if (!fs.existsSync(vsix)) throw new Error('vsce made no .vsix');
        const installed = fs
          .readdirSync(path.join(runDir, 'extensions'))
          .filter((name) => name.startsWith('swiss-invoicing.tilbago-debt-collection-'));
        if (installed.length !== 1) throw new Error(`installed: ${installed.join(', ') || 'nothing'}`);
        if (!fs.existsSync(path.join(runDir, 'extensions', installed[0], 'dist', 'extension.mjs')))
          throw new Error('the installed extension has no bundle');
      },
    },
    {
      name: 'palette → "Tilbago: Set API key" stores the key',
      run: () => setApiKeyFromPalette(page, canary),
    },
    {
      name: 'palette → "Tilbago: Open setup" shows the form, with the key set',
      run: async () => {
        await runCommand(page, 'Tilbago: Open setup');
        await expectText(form().locator('#key-status'), new RegExp(`^Set, ends in …${canary.slice(-4)}$`), 'API key status', 20_000);
      },
    },
    {
      name: 'Save writes settings.json',
      run: async () => {
        await form().locator('#days-after-second input').fill('14');
        await form().locator('#save').click();
        await expectText(form().locator('#dirty'), /Saved to the Workspace settings/, 'save status');
        const saved = JSON.parse(fs.readFileSync(path.join(workspace, '.vscode', 'settings.json'), 'utf8'));
        if (saved['tilbago.thirdReminder.daysAfterSecondReminder'] !== 14) throw new Error(`settings.json holds ${JSON.stringify(saved)}`);
      },
    },
    {
      name: 'the key is in no file of the run and not in the .vsix',
      run: async () => {
        // Everything written to disk first: the browser and the server stopped.
        await page.context().close();
        await server.stop();
        const scan = scanForSecret(runDir, canary);
        if (scan.hits.length) throw new Error(`found in ${scan.hits.map((f) => path.relative(runDir, f)).join(', ')}`);
        console.log(`  [canary] ${scan.files.length} files of the installed run scanned, the .vsix among them`);
      },
    },
  ];

  return runInWorkbench({
    label: 'installed',
    runDir,
    steps,
    usePage: (opened) => {
      page = opened;
    },
    start: async () => {
      // In the run folder, so the canary scan reads it with the rest.
      if (built && fs.existsSync(built)) fs.copyFileSync(built, vsix);
      else {
        const { made } = buildVsix();
        if (fs.existsSync(made)) fs.copyFileSync(made, vsix);
      }
      if (!fs.existsSync(vsix)) throw new Error('vsce package made no .vsix');
      server = await startServer({ runDir, port: await freePort(), installVsix: vsix });
      // No extensionDevelopmentPath: only the installed extension is there.
      return { url: workbenchUrl(server, { folder: workspace }), stop: () => server.stop() };
    },
  });
}

await runWhenStarted(import.meta.url, runInstalledVsixE2e);
