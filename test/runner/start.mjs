// `npm start`: the extension in a real VS Code (code-server) on 127.0.0.1, with a sample workspace and a fake
// tilbago, until Ctrl+C. The bundle is rebuilt on every change; reload the window (Developer: Reload Window) to load it.
// Env: PORT (default 8790, or a free one if taken).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { startFakeTilbago } from '../fake-tilbago/server.mjs';
import { CACHE, ROOT, freePort, startServer, stopProcessGroup, workbenchUrl } from './vscode-web.mjs';

const runDir = path.join(CACHE, 'start');
const workspace = path.join(runDir, 'workspace');
// A copy, made once: what the demo writes (settings, cases) stays out of the repository and is kept across starts.
if (!fs.existsSync(workspace)) fs.cpSync(path.join(ROOT, 'sample-workspace'), workspace, { recursive: true });

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

const fake = await startFakeTilbago();
// The demo's own settings (in .vscode-test/start/, not yours) point at the fake tilbago.
const server = await startServer({
  runDir,
  port: await portToUse(),
  testDriver: true,
  machineSettings: { 'tilbago.apiBaseUrl': fake.url },
});
const watcher = spawn(process.execPath, ['esbuild.mjs', '--watch'], { cwd: ROOT, stdio: 'inherit', detached: true });
const url = workbenchUrl(server, { folder: workspace, extensionDevelopmentPath: ROOT });
console.log(`
  VS Code 1.139.1 (code-server) is running with the extension loaded. Open in a browser:

    ${url}

  Sample workspace: ${workspace}
  A fake tilbago answers at ${fake.url}; it accepts the API key  ${fake.validKeys[0]}
  Try: F1 → "Tilbago: Open setup", set that key, "Test connection"; then in the Explorer's
  "tilbago cases" view, submit the sample case. Stop with Ctrl+C.
`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await stopProcessGroup(watcher);
  await server.stop();
  await fake.stop();
  process.exit(0);
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
server.proc.on('exit', (code) => {
  if (!stopping) console.error(`code-server stopped (exit ${code}); see ${path.join(runDir, 'server.log')}`);
  void stop();
});
