// Writing a file so that a crash leaves either the old file or the new one, never half of one.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';

export async function writeJsonAtomic(file: string, value: unknown): Promise<void> {
  await writeTextAtomic(file, `${JSON.stringify(value, null, 2)}\n`);
}

export async function writeTextAtomic(file: string, text: string): Promise<void> {
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await fs.writeFile(temporary, text, { flush: true });
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
