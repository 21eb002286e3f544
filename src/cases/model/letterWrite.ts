// Writing a letter into a case's attachments/: never over a file, never through a link, never while another
// holds the case (a submission lists what it sends when it starts), and never half a file.
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { type LockBusy, withCaseLock } from './caseLock';
import { ATTACHMENTS_FOLDER } from './files';
import { candidateFileNames } from './letterFile';
import { isBroken, readRecord } from './record';
import { addNameIfFree } from '../../shared/jsonFile';

export type LetterWriteOutcome =
  | { readonly kind: 'written'; readonly file: string }
  | { readonly kind: 'caseFolderLink' | 'attachmentsLink' | 'attachmentsNotAFolder' | 'noFreeName' }
  | LockBusy;

/** Left by a letter write that was killed between its two steps: `.<name>.<pid>.<random>.tmp`. */
const TEMPORARY = /^\..+\.\d+\.[0-9a-f]{8}\.tmp$/;

/**
 * Writes `bytes` into attachments/ under the first of the names that is neither recorded in submission.json nor
 * there already, under the case's lock. Written whole to a hidden file first, then linked to its name, which
 * fails rather than replace a file that appeared meanwhile: a crash leaves no half letter, and no letter is ever
 * written over.
 */
export async function writeNewAttachment(folder: string, name: string, bytes: Uint8Array): Promise<LetterWriteOutcome> {
  const done = await withCaseLock(folder, 'letter', async (lock): Promise<LetterWriteOutcome> => {
    const dir = await attachmentsFolderToWrite(folder);
    if (typeof dir !== 'string') return dir;
    // Under the lock no other letter is being written here: what a write left behind is from a crash.
    for (const entry of await fs.readdir(dir)) if (TEMPORARY.test(entry)) await fs.rm(path.join(dir, entry), { force: true });
    const record = await readRecord(folder);
    const recorded = new Set(record && !isBroken(record) ? record.attachments.map((a) => a.file) : []);
    const temporary = path.join(dir, `.${name}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    await fs.writeFile(temporary, bytes, { flush: true, flag: 'wx' });
    try {
      // Written whole; named only while the case is still ours (a submission that took it over lists its files).
      await lock.assertHeld();
      for (const candidate of candidateFileNames(name, recorded)) {
        if (await addNameIfFree(temporary, path.join(dir, candidate))) return { kind: 'written', file: candidate };
      }
      return { kind: 'noFreeName' };
    } finally {
      await fs.rm(temporary, { force: true });
    }
  });
  return done.kind === 'busy' ? done : done.value;
}

/** The case's attachments/ as a plain folder of the case, made when missing; a link or a file there is refused. */
async function attachmentsFolderToWrite(folder: string): Promise<string | LetterWriteOutcome> {
  const dir = path.join(folder, ATTACHMENTS_FOLDER);
  if ((await fs.lstat(folder)).isSymbolicLink()) return { kind: 'caseFolderLink' };
  let entry: Awaited<ReturnType<typeof fs.lstat>>;
  try {
    entry = await fs.lstat(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    await fs.mkdir(dir);
    return dir;
  }
  if (entry.isSymbolicLink()) return { kind: 'attachmentsLink' };
  if (!entry.isDirectory()) return { kind: 'attachmentsNotAFolder' };
  return dir;
}
