// One writer per case folder at a time, across windows, processes and machines: a lock file made atomically in
// the case folder. Submitting, refreshing the status and entering a case id all take it, so none of them can
// undo another's work on `submission.json`, and a case is never sent by two at once.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { LOCK_FILE } from './files';

/** While held, the lock's time is renewed this often; a lock not renewed for much longer is left over from a crash. */
const HEARTBEAT_MS = 10_000;
/** A lock of this machine whose process is alive, but not renewed for this long (a reused process id). */
const STALE_SAME_HOST_MS = 2 * 60_000;
/** Another machine's lock: its process cannot be asked, and its clock may differ from ours. */
const STALE_OTHER_HOST_MS = 15 * 60_000;

const PURPOSES = ['submit', 'refresh', 'caseId', 'setAside', 'record', 'letter'] as const;
export type LockPurpose = (typeof PURPOSES)[number];

export interface LockOwner {
  readonly tool: 'tilbago-vscode';
  readonly purpose: LockPurpose;
  readonly pid: number;
  readonly host: string;
  readonly startedAt: string;
  readonly token: string;
}

export interface CaseLock {
  readonly owner: LockOwner;
  /** Whether the lock file is still this one's (another process may have judged it stale and taken it over). */
  stillHeld(): Promise<boolean>;
  release(): Promise<void>;
}

export type LockAttempt =
  | { readonly kind: 'acquired'; readonly lock: CaseLock; readonly recovered?: LockOwner }
  /** Someone else holds it; `owner` is undefined when the lock file cannot be read (being written this instant). */
  | { readonly kind: 'busy'; readonly owner?: LockOwner };

export async function acquireCaseLock(folder: string, purpose: LockPurpose, now: () => Date = () => new Date()): Promise<LockAttempt> {
  const file = path.join(folder, LOCK_FILE);
  const owner: LockOwner = {
    tool: 'tilbago-vscode',
    purpose,
    pid: process.pid,
    host: os.hostname(),
    startedAt: now().toISOString(),
    token: randomBytes(12).toString('hex'),
  };
  let recovered: LockOwner | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (await createExclusive(file, owner)) {
      await removeDeadLeftovers(file, now());
      return { kind: 'acquired', lock: heldLock(file, owner), ...(recovered ? { recovered } : {}) };
    }
    const found = await readLock(file);
    if (found === 'gone') continue;
    if (!found || !isStale(found, now())) return { kind: 'busy', ...(found ? { owner: found.owner } : {}) };
    if (!(await takeOverStale(file, found.owner, owner.token))) return { kind: 'busy', owner: found.owner };
    recovered = found.owner;
  }
  return { kind: 'busy' };
}

/** Runs `work` under the case's lock; `busy` without running it when another holds the lock. */
export async function withCaseLock<T>(
  folder: string,
  purpose: LockPurpose,
  work: (lock: CaseLock, recovered?: LockOwner) => Promise<T>,
): Promise<{ readonly kind: 'done'; readonly value: T } | { readonly kind: 'busy'; readonly owner?: LockOwner }> {
  const attempt = await acquireCaseLock(folder, purpose);
  if (attempt.kind === 'busy') return attempt;
  try {
    return { kind: 'done', value: await work(attempt.lock, attempt.recovered) };
  } finally {
    await attempt.lock.release();
  }
}

/**
 * The lock file appears whole or not at all: written under a temporary name, then linked to the lock's name,
 * which fails if it exists. Where links are not supported (some network drives), an exclusive create.
 */
async function createExclusive(file: string, owner: LockOwner): Promise<boolean> {
  const content = `${JSON.stringify(owner, null, 2)}\n`;
  const temporary = `${file}.${owner.token}.tmp`;
  await fs.writeFile(temporary, content, { flush: true });
  try {
    await fs.link(temporary, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
    try {
      await fs.writeFile(file, content, { flag: 'wx', flush: true });
      return true;
    } catch (fallbackError) {
      if ((fallbackError as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw fallbackError;
    }
  } finally {
    await fs.rm(temporary, { force: true });
  }
}

/**
 * The temporary files of a taker killed midway (`<lock>.<token>.tmp`, `<lock>.<token>.stale`). Each lives for an
 * instant, so one older than a stale lock of another machine is surely dead; a younger one may be another taker's
 * at this very moment, and is left alone.
 */
async function removeDeadLeftovers(file: string, now: Date): Promise<void> {
  const folder = path.dirname(file);
  const pattern = new RegExp(`^${path.basename(file).replace(/\./g, '\\.')}\\.[0-9a-f]+\\.(?:tmp|stale)$`);
  const names = await fs.readdir(folder).catch(() => [] as string[]);
  for (const name of names.filter((n) => pattern.test(n))) {
    const leftover = path.join(folder, name);
    const stat = await fs.stat(leftover).catch(() => undefined);
    if (stat && now.getTime() - stat.mtimeMs > STALE_OTHER_HOST_MS) await fs.rm(leftover, { force: true });
  }
}

async function readLock(file: string): Promise<{ readonly owner: LockOwner; readonly renewedAt: number } | undefined | 'gone'> {
  try {
    const [text, stat] = await Promise.all([fs.readFile(file, 'utf8'), fs.stat(file)]);
    const owner = parseOwner(text);
    return owner ? { owner, renewedAt: stat.mtimeMs } : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    const valid =
      value?.tool === 'tilbago-vscode' &&
      PURPOSES.includes(value.purpose as LockPurpose) &&
      Number.isSafeInteger(value.pid) &&
      typeof value.host === 'string' &&
      typeof value.startedAt === 'string' &&
      typeof value.token === 'string';
    return valid ? (value as LockOwner) : undefined;
  } catch {
    return undefined;
  }
}

function isStale(found: { readonly owner: LockOwner; readonly renewedAt: number }, now: Date): boolean {
  const silentFor = now.getTime() - found.renewedAt;
  if (found.owner.host !== os.hostname()) return silentFor > STALE_OTHER_HOST_MS;
  return !isAlive(found.owner.pid) || silentFor > STALE_SAME_HOST_MS;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Moves the stale lock out of the way under a name of our own, and checks it is the one judged stale: if another
 * process took it over in the meantime, its fresh lock is put back.
 */
async function takeOverStale(file: string, stale: LockOwner, token: string): Promise<boolean> {
  const moved = `${file}.${token}.stale`;
  try {
    await fs.rename(file, moved);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
  const taken = parseOwner(await fs.readFile(moved, 'utf8').catch(() => ''));
  if (taken?.token === stale.token || taken === undefined) {
    await fs.rm(moved, { force: true });
    return true;
  }
  await fs.link(moved, file).catch(() => undefined);
  await fs.rm(moved, { force: true });
  return false;
}

function heldLock(file: string, owner: LockOwner): CaseLock {
  const renew = async () => {
    const at = new Date();
    await fs.utimes(file, at, at).catch(() => undefined);
  };
  const heartbeat = setInterval(() => void renew(), HEARTBEAT_MS);
  heartbeat.unref();
  const stillHeld = async () => parseOwner(await fs.readFile(file, 'utf8').catch(() => ''))?.token === owner.token;
  return {
    owner,
    stillHeld,
    async release() {
      clearInterval(heartbeat);
      if (await stillHeld()) await fs.rm(file, { force: true });
    },
  };
}
