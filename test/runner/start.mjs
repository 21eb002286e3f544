// `npm start`: the extension in a real VS Code (code-server) on 127.0.0.1, with a sample workspace and a fake
// tilbago, until Ctrl+C. The workbench runs as it does for a user (no test driver: notifications show), with the
// extension installed from its .vsix and its folder then linked to this checkout, so the bundle the watcher
// rebuilds on every change is what runs after *Developer: Reload Window*.
// Env: PORT (default 8790, or a free one if taken).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { startFakeTilbago } from '../fake-tilbago/server.mjs';
import { buildVsix } from './check-package.mjs';
import { CACHE, ROOT, freePort, startServer, stopProcessGroup, workbenchUrl } from './vscode-web.mjs';

/** PORT (default 8790) when it is free, else any free port. */
async function portToUse() {
  const wanted = Number(process.env.PORT || 8790);
  const free = await new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(wanted, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
  return free ? wanted : freePort();
}

/** Replaces the installed copy of the extension by a link to this checkout. */
function linkInstalledExtension(runDir) {
  const extensions = path.join(runDir, 'extensions');
  const installed = fs.readdirSync(extensions).filter((name) => name.startsWith('swiss-invoicing.tilbago-debt-collection-'));
  if (installed.length !== 1) throw new Error(`expected one installed copy of the extension, found: ${installed.join(', ') || 'none'}`);
  const folder = path.join(extensions, installed[0]);
  fs.rmSync(folder, { recursive: true, force: true });
  fs.symlinkSync(ROOT, folder, 'dir');
}

/**
 * Starts the demo: a fake tilbago, code-server with the extension installed and linked, the bundle watcher.
 * @returns {Promise<{ url: string, workspace: string, fake: import('../fake-tilbago/server.mjs').FakeTilbago, stop: () => Promise<void>, server: { proc: import('node:child_process').ChildProcess } }>}
 */
export async function startDemo({ runDir = path.join(CACHE, 'start'), port, watch = true } = {}) {
  const workspace = path.join(runDir, 'workspace');
  // A copy, made once: what the demo writes (settings, cases) stays out of the repository and is kept across starts.
  if (!fs.existsSync(workspace) || fs.readdirSync(workspace).length === 0)
    fs.cpSync(path.join(ROOT, 'sample-workspace'), workspace, { recursive: true });
  const { output, made } = buildVsix();
  if (!fs.existsSync(made)) throw new Error(`npm run package failed:\n${output}`);
  fs.rmSync(path.join(runDir, 'extensions'), { recursive: true, force: true });
  const fake = await startFakeTilbago();
  // The demo's own settings (in .vscode-test/start/, not yours) point at the fake tilbago.
  const server = await startServer({
    runDir,
    port: port ?? (await portToUse()),
    installVsix: made,
    machineSettings: { 'tilbago.apiBaseUrl': fake.url },
  });
  linkInstalledExtension(runDir);
  const watcher = watch ? spawn(process.execPath, ['esbuild.mjs', '--watch'], { cwd: ROOT, stdio: 'ignore', detached: true }) : undefined;
  return {
    url: workbenchUrl(server, { folder: workspace }),
    workspace,
    fake,
    server,
    async stop() {
      if (watcher) await stopProcessGroup(watcher);
      await server.stop();
      await fake.stop();
    },
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const demo = await startDemo();
  console.log(`
  VS Code 1.139.1 (code-server) is running with the extension installed. Open in a browser:

    ${demo.url}

  Sample workspace: ${demo.workspace}
  A fake tilbago answers at ${demo.fake.url}; it accepts the API key  ${demo.fake.validKeys[0]}
  Try: F1 → "Tilbago: Open setup", set that key, "Test connection"; then in the Explorer's
  "tilbago cases" view, submit the sample case. The bundle is rebuilt on every change: reload the window
  (Developer: Reload Window) to load it. Stop with Ctrl+C.
`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await demo.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  demo.server.proc.on('exit', (code) => {
    if (!stopping) console.error(`code-server stopped (exit ${code}); see ${path.join(CACHE, 'start', 'server.log')}`);
    void stop();
  });
}
