// Writing a file so that a crash leaves either the old file or the new one, never half of one; and giving a file a
// second name that never replaces another file.
import { randomBytes } from 'node:crypto';
import { constants as fsConstants } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';

export interface AtomicWriteOptions {
  /**
   * Called once the new content is on disk, just before it takes the file's name; throwing leaves the file as it
   * was. A writer that may have lost its right to write checks it here, as late as can be.
   */
  readonly beforeRename?: () => Promise<void>;
}

export async function writeJsonAtomic(file: string, value: unknown, options: AtomicWriteOptions = {}): Promise<void> {
  await writeTextAtomic(file, `${JSON.stringify(value, null, 2)}\n`, options);
}

export async function writeTextAtomic(file: string, text: string, options: AtomicWriteOptions = {}): Promise<void> {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await fs.writeFile(temporary, text, { flush: true });
    await options.beforeRename?.();
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
  await syncFolder(path.dirname(file));
}

/** The rename itself reaches the disk only when the folder is synced. Not every system can (Windows): then it is left to it. */
async function syncFolder(folder: string): Promise<void> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(folder, 'r');
    await handle.sync();
  } catch {
    // EISDIR / EPERM / EINVAL where folders cannot be opened or synced
  } finally {
    await handle?.close();
  }
}

/** Removes what a write killed between its two steps left behind (`<name>.<pid>.<random>.tmp`). Only for a file whose writers are all stopped. */
export async function removeLeftoverTemporaries(file: string): Promise<void> {
  const base = path.basename(file);
  const pattern = new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.\\d+\\.[0-9a-f]{8}\\.tmp$`);
  let names: string[];
  try {
    names = await fs.readdir(path.dirname(file));
  } catch {
    return;
  }
  await Promise.all(names.filter((name) => pattern.test(name)).map((name) => fs.rm(path.join(path.dirname(file), name), { force: true })));
}

/** Where a hard link cannot be made (exFAT, some SMB shares, another device). */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'ENOSYS']);

/**
 * `from`'s content under a second name, never over an existing file: a hard link, else a copy that fails if the
 * name is taken; a copy cut short is removed (the original is still whole). @throws EEXIST when `to` is taken
 */
export async function linkOrCopyExclusive(from: string, to: string): Promise<void> {
  try {
    await fs.link(from, to);
    return;
  } catch (error) {
    if (!NO_HARD_LINKS.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
  }
  try {
    await fs.copyFile(from, to, fsConstants.COPYFILE_EXCL);
  } catch (error) {
    // Not there (ENOENT) or taken (EEXIST): nothing of ours was made at `to`.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EEXIST' && code !== 'ENOENT') await fs.rm(to, { force: true }).catch(() => undefined);
    throw error;
  }
}

/** `linkOrCopyExclusive`, false when the name is taken. */
export async function addNameIfFree(from: string, to: string): Promise<boolean> {
  try {
    await linkOrCopyExclusive(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}
