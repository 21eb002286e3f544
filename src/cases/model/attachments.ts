// What a case folder's `attachments/` holds: the files a submission sends, as the cases view lists them, and the
// limits on them.
import type { Dirent } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import type { ReadProblem, ReadRules } from '../../shared/boundedRead';
import { ATTACHMENTS_FOLDER } from './files';

/** tilbago is for documents (invoice, reminders), not archives. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
/** A case's evidence is a handful of documents; this bounds the time and memory one submission can take. */
export const MAX_ATTACHMENTS = 100;

/** A name of a file directly in `attachments/`: no path, no `.` or `..`, not hidden, nothing invisible. */
export function isPlainFileName(name: unknown): name is string {
  return typeof name === 'string' && name.length > 0 && name.length <= 255 && !/[/\\\p{Cc}]/u.test(name) && !name.startsWith('.');
}

export type AttachmentProblem = 'tooLarge' | 'tooMany' | 'link' | 'notAFile' | 'unreadable' | 'changing';

/** An attachment is read as a plain file of `attachments/`, no link followed, as the listing takes it. */
export const ATTACHMENT_READ_RULES: ReadRules = { cap: MAX_ATTACHMENT_BYTES };

/** What a submission says of an attachment that could not be read (a file gone meanwhile is `unreadable`). */
export function attachmentProblemOf(read: { readonly missing: true } | { readonly problem: ReadProblem }): AttachmentProblem {
  const code = 'problem' in read ? read.problem.code : 'unreadable';
  return code === 'link' || code === 'notAFile' || code === 'tooLarge' || code === 'changing' ? code : 'unreadable';
}

/** What `attachments/` holds: plain files only, no links, in name order; hidden files are ignored. */
export async function listAttachmentFiles(
  folder: string,
  /** What the case folder's listing said of `attachments` (null: it has none), when it was listed already. */
  listed?: Dirent | null,
): Promise<AttachmentListing> {
  const dir = path.join(folder, ATTACHMENTS_FOLDER);
  try {
    return (
      attachmentsFolderAs(listed === undefined ? await fs.lstat(dir) : listed) ??
      attachmentFilesIn(await fs.readdir(dir, { withFileTypes: true }))
    );
  } catch (error) {
    return attachmentsReadFailed(error);
  }
}

/**
 * What `attachments` is by its entry in the case folder (null: there is none): nothing to send, a link or a file
 * where the folder belongs, or undefined for a folder to read.
 */
export function attachmentsFolderAs(entry: { isSymbolicLink(): boolean; isDirectory(): boolean } | null): AttachmentListing | undefined {
  if (entry === null) return { files: [] };
  if (entry.isSymbolicLink()) return { problem: 'link', file: '' };
  if (!entry.isDirectory()) return { problem: 'notAFile', file: '' };
  return undefined;
}

/** attachments/ could not be read: gone meanwhile is nothing to send; anything else is a problem. */
export function attachmentsReadFailed(error: unknown): AttachmentListing {
  return (error as NodeJS.ErrnoException).code === 'ENOENT' ? { files: [] } : { problem: 'unreadable', file: '' };
}

export type AttachmentListing = { readonly files: string[] } | { readonly problem: AttachmentProblem; readonly file: string };

/** The attachments among the entries of `attachments/`: plain files only, in name order; hidden files ignored. */
export function attachmentFilesIn(entries: readonly Dirent[]): AttachmentListing {
  const visible = entries.filter((e) => !e.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : 1));
  const odd = visible.find((e) => !e.isFile() || !isPlainFileName(e.name));
  if (odd) return { problem: odd.isSymbolicLink() ? 'link' : 'notAFile', file: odd.name };
  if (visible.length > MAX_ATTACHMENTS) return { problem: 'tooMany', file: visible[MAX_ATTACHMENTS]!.name };
  return { files: visible.map((e) => e.name) };
}

/** The files in `attachments/` that would be sent, in name order (for views and messages). */
export async function listAttachments(folder: string): Promise<string[]> {
  const listed = await listAttachmentFiles(folder);
  return 'files' in listed ? listed.files : [];
}
