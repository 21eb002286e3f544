// One writer per case folder at a time, across windows, processes and machines: a lock file made atomically in
// the case folder. Submitting, refreshing the status, entering a case id and writing a letter all take it, so none
// of them can undo another's work, and a case is never sent by two at once.
//
// A lock can be lost while its holder still runs: its machine slept past the stale time and another took the lock
// over. So each lock carries a generation (a fencing token, as in Chubby and ZooKeeper) one above the last one the
// case saw; the holder checks the lock is still its own before every request and every write, and the record keeps
// the generation that wrote it, so an older holder's write is refused (submission.ts).
//
// Staleness never compares two machines' clocks: a lock is stale when this process has watched its heartbeat stay
// unchanged for the stale time on its own monotonic clock, or, on this machine, when its process is gone.
import { randomBytes } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import { LOCK_FILE } from './files';
import { isBroken, readRecord } from './record';

export interface LockTiming {
  /** While held, the lock's file time is touched this often: any change shows the holder is alive. */
  readonly heartbeatMs: number;
  /** A lock of this machine whose process is alive (a reused process id, or a stopped one) but silent this long. */
  readonly staleSameHostMs: number;
  /** Another machine's lock, or one that cannot be read: its process cannot be asked. */
  readonly staleOtherHostMs: number;
}

export const LOCK_TIMING: LockTiming = { heartbeatMs: 10_000, staleSameHostMs: 2 * 60_000, staleOtherHostMs: 15 * 60_000 };

export interface LockOptions {
  readonly timing?: Partial<LockTiming>;
  /** How long to keep trying while another holds the lock (watching whether it goes stale); 0: one look. */
  readonly waitMs?: number;
}

const PURPOSES = ['submit', 'refresh', 'caseId', 'setAside', 'record', 'letter'] as const;
export type LockPurpose = (typeof PURPOSES)[number];

export interface LockOwner {
  readonly tool: 'tilbago-vscode';
  /** One of `LockPurpose`, or another version's purpose (shown as it is, never a reason to block). */
  readonly purpose: string;
  readonly pid: number;
  readonly host: string;
  /** The holder's clock: shown to the user, never compared with this machine's. */
  readonly startedAt: string;
  readonly token: string;
  /** The fencing token: one above the last generation this case saw. 0 for a lock without one. */
  readonly generation: number;
}

/**
 * Why the lock cannot be taken now:
 * - `held`: a lock of this extension, alive as far as can be seen (`owner` read from it);
 * - `damaged`: a lock file that cannot be read as one (empty, cut short, another tool's);
 * - `folder`, `link`, `notAFile`: something that is not a lock file of this extension stands at its name;
 * - `lost`: this process held the lock, and another took it over (its machine slept, or its clock stopped).
 */
export type LockState = 'held' | 'damaged' | 'folder' | 'link' | 'notAFile' | 'lost';

export interface LockBusy {
  readonly kind: 'busy';
  readonly state: LockState;
  /** The lock file's path. */
  readonly file: string;
  readonly owner?: LockOwner;
  /** For `held` and `damaged`: when it will be taken over if it stays as it is (this machine's clock, ISO). */
  readonly takeOverAt?: string;
}

export interface CaseLock {
  readonly owner: LockOwner;
  /** Whether the lock file is still this one's, with its generation. */
  stillHeld(): Promise<boolean>;
  /** @throws LockLost when another holds the lock now */
  assertHeld(): Promise<void>;
  release(): Promise<void>;
}

/** Thrown by a holder's check when another took the lock over: nothing more may be sent or written. */
export class LockLost extends Error {
  constructor(readonly file: string) {
    super(`${file} is no longer held by this process`);
  }
}

export type LockAttempt = { readonly kind: 'acquired'; readonly lock: CaseLock; readonly recovered?: LockOwner } | LockBusy;

export async function acquireCaseLock(folder: string, purpose: LockPurpose, options: LockOptions = {}): Promise<LockAttempt> {
  const timing = { ...LOCK_TIMING, ...options.timing };
  const file = path.join(folder, LOCK_FILE);
  const token = randomBytes(12).toString('hex');
  const deadline = performance.now() + (options.waitMs ?? 0);
  let recovered: LockOwner | undefined;
  let takenOverGeneration = 0;
  // Each turn either ends or follows a lock that vanished or changed hands this instant; this many means a fight.
  for (let turn = 0; turn < 50; turn++) {
    const mine: LockOwner = {
      tool: 'tilbago-vscode',
      purpose,
      pid: process.pid,
      host: os.hostname(),
      startedAt: new Date().toISOString(),
      token,
      generation: Math.max(takenOverGeneration, await recordGeneration(folder)) + 1,
    };
    if (await createExclusive(file, mine)) {
      watched.delete(file);
      await removeDeadLeftovers(file, timing);
      return { kind: 'acquired', lock: heldLock(file, mine, timing), ...(recovered ? { recovered } : {}) };
    }
    const found = await inspectLock(file);
    // Not a lock this extension made: never removed by it, whatever it holds.
    if (found.kind === 'strange') return { kind: 'busy', state: found.state, file };
    // Released this instant: try again at once.
    if (found.kind === 'gone') continue;
    const owner = found.kind === 'lock' ? found.owner : undefined;
    const verdict = found.kind === 'danglingLink' ? ({ stale: true } as const) : staleness(file, found, timing);
    if (verdict.stale) {
      // Taken over by another just now when false: look again.
      if (await takeOver(file, found.signature, token)) {
        watched.delete(file);
        if (owner) {
          recovered = owner;
          takenOverGeneration = Math.max(takenOverGeneration, owner.generation);
        }
      }
      continue;
    }
    const busy: LockBusy = {
      kind: 'busy',
      state: owner ? 'held' : 'damaged',
      file,
      ...(owner ? { owner } : {}),
      takeOverAt: new Date(Date.now() + verdict.remainingMs).toISOString(),
    };
    if (performance.now() >= deadline) return busy;
    await new Promise((resolve) => setTimeout(resolve, Math.min(1000, timing.heartbeatMs / 2)));
  }
  return { kind: 'busy', state: 'held', file };
}

/**
 * Runs `work` under the case's lock; `busy` without running it when another holds the lock, or `lost` when the
 * lock was taken over while `work` ran (work stops at its next check; what it did before is kept).
 */
export async function withCaseLock<T>(
  folder: string,
  purpose: LockPurpose,
  work: (lock: CaseLock, recovered?: LockOwner) => Promise<T>,
  options: LockOptions = {},
): Promise<{ readonly kind: 'done'; readonly value: T } | LockBusy> {
  const attempt = await acquireCaseLock(folder, purpose, options);
  if (attempt.kind === 'busy') return attempt;
  try {
    return { kind: 'done', value: await work(attempt.lock, attempt.recovered) };
  } catch (error) {
    if (error instanceof LockLost) return lostLock(error.file);
    throw error;
  } finally {
    await attempt.lock.release();
  }
}

export const lostLock = (file: string): LockBusy => ({ kind: 'busy', state: 'lost', file });

/** The generation the case's record was last written under (0 when none): a new lock's is above it. */
async function recordGeneration(folder: string): Promise<number> {
  const record = await readRecord(folder).catch(() => undefined);
  return record && !isBroken(record) ? (record.lockGeneration ?? 0) : 0;
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
 * instant, so one this old is surely dead; a younger one may be another taker's at this very moment. Their age is
 * judged by the folder's own clock (a file made now), not by this machine's.
 */
async function removeDeadLeftovers(file: string, timing: LockTiming): Promise<void> {
  const folder = path.dirname(file);
  const pattern = new RegExp(`^${path.basename(file).replace(/\./g, '\\.')}\\.[0-9a-f]+\\.(?:tmp|stale)$`);
  const names = (await fs.readdir(folder).catch(() => [] as string[])).filter((n) => pattern.test(n));
  if (names.length === 0) return;
  const now = (await fs.lstat(file).catch(() => undefined))?.mtimeMs;
  if (now === undefined) return;
  for (const name of names) {
    const leftover = path.join(folder, name);
    const stat = await fs.lstat(leftover).catch(() => undefined);
    if (stat?.isFile() && now - stat.mtimeMs > timing.staleOtherHostMs) await fs.rm(leftover, { force: true });
  }
}

/** What stands at the lock's name. `signature` changes whenever the holder's heartbeat touches the file. */
type Inspection =
  | { readonly kind: 'gone' }
  | { readonly kind: 'lock'; readonly owner?: LockOwner; readonly signature: string }
  | { readonly kind: 'danglingLink'; readonly signature: string }
  | { readonly kind: 'strange'; readonly state: 'folder' | 'link' | 'notAFile' };

/** A lock file is a few hundred bytes; anything longer is not one. */
const MAX_LOCK_BYTES = 4096;

async function inspectLock(file: string): Promise<Inspection> {
  let handle: fs.FileHandle | undefined;
  try {
    const entry = await fs.lstat(file);
    if (entry.isSymbolicLink()) {
      // This extension never makes a symbolic link: one pointing nowhere holds nothing and blocks no one.
      const target = await fs.stat(file).catch(() => undefined);
      return target ? { kind: 'strange', state: 'link' } : { kind: 'danglingLink', signature: signatureOf(entry) };
    }
    if (entry.isDirectory()) return { kind: 'strange', state: 'folder' };
    if (!entry.isFile()) return { kind: 'strange', state: 'notAFile' };
    // Non-blocking and without following a link that appeared meanwhile: a FIFO put here cannot hang the reader.
    handle = await fs.open(file, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK | fsConstants.O_NOFOLLOW);
    const stat = await handle.stat();
    if (!stat.isFile()) return { kind: 'strange', state: 'notAFile' };
    const signature = signatureOf(stat);
    if (stat.size > MAX_LOCK_BYTES) return { kind: 'lock', signature };
    const buffer = Buffer.alloc(MAX_LOCK_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, MAX_LOCK_BYTES, 0);
    const owner = parseOwner(buffer.subarray(0, bytesRead).toString('utf8'));
    return { kind: 'lock', signature, ...(owner ? { owner } : {}) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'gone' };
    if (code === 'ELOOP') return { kind: 'strange', state: 'link' };
    throw error;
  } finally {
    await handle?.close();
  }
}

/** Identity and times, not content: the heartbeat changes only the time. ctime is left out: a rename changes it. */
function signatureOf(stat: { readonly ino: number; readonly size: number; readonly mtimeMs: number }): string {
  return `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    const valid =
      value?.tool === 'tilbago-vscode' &&
      typeof value.purpose === 'string' &&
      Number.isSafeInteger(value.pid) &&
      typeof value.host === 'string' &&
      typeof value.startedAt === 'string' &&
      typeof value.token === 'string' &&
      (value.generation === undefined || (Number.isSafeInteger(value.generation) && value.generation >= 0));
    return valid ? ({ ...value, generation: value.generation ?? 0 } as LockOwner) : undefined;
  } catch {
    return undefined;
  }
}

/** For each lock file this process looked at: what it saw last, and since when (its monotonic clock). */
const watched = new Map<string, { readonly signature: string; readonly since: number }>();

/** How long this process has seen the lock unchanged: 0 on a first look or after any change. */
function unchangedFor(file: string, signature: string): number {
  const now = performance.now();
  const seen = watched.get(file);
  if (seen?.signature === signature) return now - seen.since;
  watched.set(file, { signature, since: now });
  return 0;
}

function staleness(
  file: string,
  found: { readonly owner?: LockOwner; readonly signature: string },
  timing: LockTiming,
): { readonly stale: true } | { readonly stale: false; readonly remainingMs: number } {
  const silent = unchangedFor(file, found.signature);
  const thisHost = found.owner?.host === os.hostname();
  if (thisHost && !isAlive(found.owner!.pid)) return { stale: true };
  const limit = thisHost ? timing.staleSameHostMs : timing.staleOtherHostMs;
  return silent >= limit ? { stale: true } : { stale: false, remainingMs: limit - silent };
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
async function takeOver(file: string, judged: string, token: string): Promise<boolean> {
  const moved = `${file}.${token}.stale`;
  try {
    await fs.rename(file, moved);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return true;
    throw error;
  }
  const entry = await fs.lstat(moved).catch(() => undefined);
  if (!entry || signatureOf(entry) === judged) {
    await fs.rm(moved, { force: true });
    return true;
  }
  await fs.link(moved, file).catch(() => undefined);
  await fs.rm(moved, { force: true });
  return false;
}

function heldLock(file: string, owner: LockOwner, timing: LockTiming): CaseLock {
  let lost = false;
  const stillHeld = async () => {
    if (lost) return false;
    const found = await inspectLock(file).catch(() => undefined);
    const mine = found?.kind === 'lock' && found.owner?.token === owner.token && found.owner.generation === owner.generation;
    lost = !mine;
    return mine;
  };
  const renew = async () => {
    if (!(await stillHeld())) return clearInterval(heartbeat);
    const at = new Date();
    await fs.utimes(file, at, at).catch(() => undefined);
  };
  const heartbeat = setInterval(() => void renew(), timing.heartbeatMs);
  heartbeat.unref();
  return {
    owner,
    stillHeld,
    async assertHeld() {
      if (!(await stillHeld())) throw new LockLost(file);
    },
    async release() {
      clearInterval(heartbeat);
      if (await stillHeld()) await fs.rm(file, { force: true });
      lost = true;
    },
  };
}
