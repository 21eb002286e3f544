// A user's own file (a .gitignore, a settings file) read and written without following a link: a link at its name,
// or one that appears there meanwhile, is refused and never written through; a FIFO, a device or a folder in its
// place is refused at once, never waited on.
import { randomBytes } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { kindOf, type NotAFileKind } from './boundedRead';

export type FileProblem =
  | { readonly kind: 'link'; readonly file: string; readonly target: string }
  | { readonly kind: 'notAFile'; readonly found: NotAFileKind }
  | { readonly kind: 'tooLarge'; readonly size: number; readonly limit: number }
  | { readonly kind: 'changedMeanwhile' };

/** Thrown with the problem; the adapter that shows it translates it. */
export class FileRefused extends Error {
  constructor(readonly problem: FileProblem) {
    super(`refused: ${JSON.stringify(problem)}`);
  }
}

// O_NOFOLLOW makes the open fail (ELOOP) when the name is a link, even one made after the lstat; O_NONBLOCK keeps
// a FIFO from holding the open. Windows has neither: there the lstat alone guards.
const NO_FOLLOW = constants.O_NOFOLLOW ?? 0;
const NON_BLOCK = constants.O_NONBLOCK ?? 0;

const code = (error: unknown) => (error as NodeJS.ErrnoException).code;

async function linkRefused(file: string): Promise<FileRefused> {
  return new FileRefused({ kind: 'link', file, target: await fs.readlink(file).catch(() => '?') });
}

/** Whether the name exists. @throws FileRefused when it is a link */
async function refuseLink(name: string): Promise<boolean> {
  const stat = await fs.lstat(name).catch((error) => {
    if (code(error) === 'ENOENT') return undefined;
    throw error;
  });
  if (stat?.isSymbolicLink()) throw await linkRefused(name);
  return stat !== undefined;
}

/** Refuses a link at `file` or at any folder between `base` and it (a `.vscode` that is a link). @throws FileRefused */
export async function refuseLinksBelow(base: string, file: string): Promise<void> {
  const relative = path.relative(base, file);
  const inside = relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
  const names = inside ? relative.split(path.sep).map((_, i, parts) => path.join(base, ...parts.slice(0, i + 1))) : [file];
  for (const name of names) if (!(await refuseLink(name))) return;
}

/** Opens a regular file, never through a link, never waiting on a FIFO. @throws FileRefused */
export async function openNoLink(file: string, flags: number, mode?: number): Promise<{ handle: fs.FileHandle; stat: Stats }> {
  await refuseLink(file);
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, flags | NO_FOLLOW | NON_BLOCK, mode);
  } catch (error) {
    if (code(error) === 'ELOOP' || code(error) === 'EMLINK') throw await linkRefused(file);
    if (code(error) === 'EISDIR') throw new FileRefused({ kind: 'notAFile', found: 'directory' });
    if (code(error) === 'ENXIO') throw new FileRefused({ kind: 'notAFile', found: 'fifo' });
    throw error;
  }
  const stat = await handle.stat();
  if (!stat.isFile()) {
    await handle.close();
    throw new FileRefused({ kind: 'notAFile', found: kindOf(stat) });
  }
  return { handle, stat };
}

/** The file's bytes and what it was when read; undefined when there is none. @throws FileRefused over `limit` bytes */
export async function readNoLink(file: string, limit: number): Promise<{ bytes: Buffer; stat: Stats } | undefined> {
  let opened: Awaited<ReturnType<typeof openNoLink>>;
  try {
    opened = await openNoLink(file, constants.O_RDONLY);
  } catch (error) {
    if (code(error) === 'ENOENT') return undefined;
    throw error;
  }
  const { handle, stat } = opened;
  try {
    if (stat.size > limit) throw new FileRefused({ kind: 'tooLarge', size: stat.size, limit });
    // One byte more than the limit: a file that grew since the stat is caught too.
    const buffer = Buffer.alloc(limit + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > limit) throw new FileRefused({ kind: 'tooLarge', size: length, limit });
    }
    return { bytes: buffer.subarray(0, length), stat };
  } finally {
    await handle.close();
  }
}

/** Whether the name still holds the file read (`undefined`: there was none), unchanged. */
function sameFile(before: Stats | undefined, now: Stats | undefined): boolean {
  if (!before || !now) return before === now;
  return now.isFile() && now.dev === before.dev && now.ino === before.ino && now.size === before.size && now.mtimeMs === before.mtimeMs;
}

/**
 * Puts `bytes` in place of the file read as `before` (undefined: there was none): a new file beside it, renamed
 * over it, so a crash leaves the old file or the new one and a link there is replaced, never written through. When
 * the name holds something else than what was read (changed, replaced, a link made meanwhile), nothing is written.
 * The file's permissions are kept. @throws FileRefused
 */
export async function replaceNoLink(file: string, bytes: Uint8Array, before: Stats | undefined): Promise<void> {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  // 'wx': made new, so never a link nor anyone else's file.
  const handle = await fs.open(temporary, 'wx', 0o600);
  try {
    try {
      if (before && process.platform !== 'win32') await handle.chmod(before.mode & 0o7777);
      else if (process.platform !== 'win32') await handle.chmod(0o666 & ~process.umask());
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    const now = await fs.lstat(file).catch((error) => {
      if (code(error) === 'ENOENT') return undefined;
      throw error;
    });
    if (now?.isSymbolicLink()) throw await linkRefused(file);
    if (!sameFile(before, now)) throw new FileRefused({ kind: 'changedMeanwhile' });
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}
