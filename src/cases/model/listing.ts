// What the cases view and the bulk commands know of the case folders: one summary per folder, made from its files.
// The files are read one of two ways, to one pure summary: asynchronously for a few folders, and synchronously in
// a worker thread for a whole cases folder (listWorker.ts), where thousands of small reads are several times
// faster without the thread pool's round trips and keep the extension host free meanwhile.
import type { Dirent } from 'node:fs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { mapWithLimit } from '../../shared/concurrency';
import { claimedRappen, debtorName, parseCase, referenceIn } from './caseFile';
import { claimInterests, type ClaimInterest } from './claimLaw';
import { blockingProblems } from './diagnose';
import { ATTACHMENTS_FOLDER, CASE_FILE, REMINDERS_FILE, SUBMISSION_FILE } from './files';
import { parseReminders, type ReminderDatesSent } from './remindersFile';
import { attachmentFilesIn, attachmentsFolderAs, attachmentsReadFailed, listAttachmentFiles, type AttachmentListing } from './attachments';
import { isBroken, readRecord, recordFrom, type RecordProblem, type RecordRead, type SubmissionRecord } from './record';
import { readCaseFolderText, readCaseFolderTextSync, type FileReadProblem } from './caseFolderRead';
import type { TextRead } from '../../shared/boundedRead';

export interface CaseFolderSummary {
  readonly folder: string;
  readonly name: string;
  /** Undefined: not submitted yet. */
  readonly record?: SubmissionRecord;
  readonly recordProblem?: RecordProblem;
  /** case.json and reminders.json when they cannot be read (a FIFO, too large, not UTF-8…): each counted in `problems`. */
  readonly unreadable?: readonly FileReadProblem[];
  /** The listing worker was stopped on this folder after its time limit: nothing of it was read. */
  readonly listingStopped?: { readonly afterSeconds: number };
  /**
   * What would keep it from being sent as it is: the errors the Problems panel lists for case.json and
   * reminders.json (`blockingProblems`), and one for attachments/ if it has one.
   */
  readonly problems: number;
  /** The reference case.json gives, even when case.json has problems. */
  readonly externalRef?: string;
  /** From a valid case.json: the debtor's name, language, and the claims together. */
  readonly debtor?: {
    readonly name: string;
    readonly language?: 'de' | 'fr' | 'it';
    readonly amountRappen: number;
    readonly interest: readonly ClaimInterest[];
  };
  /** The invoice date of a valid reminders.json: how old the claim is. */
  readonly invoiceDate?: string;
  /** When the reminders were sent, from a valid reminders.json; undefined when the folder has none. */
  readonly reminders?: ReminderDatesSent;
  /** The folder has a reminders.json, valid or not. */
  readonly hasRemindersFile?: true;
}

/** A case folder's files as read: undefined for a file it does not have. */
interface CaseFolderFiles {
  readonly caseRead: TextRead;
  readonly remindersRead: TextRead | undefined;
  readonly attachments: AttachmentListing;
  readonly record: RecordRead;
}

/** One collator for all: `localeCompare` makes one per call, which 10,000 folder names feel. */
const BY_NAME = new Intl.Collator(undefined, { numeric: true });

/** The case folders (those with a case.json) directly under a cases folder, by name; several read at a time. */
export async function listCaseFolders(
  casesFolder: string,
  /** How a case folder is read: `summarizeCaseFolder`, or a cache of it. */
  summarize: (folder: string) => Promise<CaseFolderSummary | undefined> = summarizeCaseFolder,
): Promise<CaseFolderSummary[]> {
  return summarizeFolders(await caseFolderCandidates(casesFolder), summarize);
}

/** The summaries of these folders (those that are case folders), several read at a time, in their order. */
export async function summarizeFolders(
  folders: readonly string[],
  summarize: (folder: string) => Promise<CaseFolderSummary | undefined> = summarizeCaseFolder,
): Promise<CaseFolderSummary[]> {
  const summaries = await mapWithLimit(folders, 32, (folder) => summarize(folder));
  return summaries.filter((s): s is CaseFolderSummary => s !== undefined);
}

/** The folders directly under a cases folder, by name (those without a case.json are not case folders). */
export async function caseFolderCandidates(casesFolder: string): Promise<string[]> {
  let entries: Dirent[];
  try {
    entries = await fs.promises.readdir(casesFolder, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return folderPaths(casesFolder, entries);
}

/** The folders among a cases folder's entries, by name as people sort them (case9 before case10). */
function folderPaths(casesFolder: string, entries: readonly Dirent[]): string[] {
  return entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort(BY_NAME.compare)
    .map((name) => path.join(casesFolder, name));
}

/**
 * What the view and the bulk commands know of one case folder; undefined when it has no case.json. The folder is
 * listed first, so a file it does not hold is never asked for.
 */
export async function summarizeCaseFolder(folder: string): Promise<CaseFolderSummary | undefined> {
  let entries: Map<string, Dirent>;
  try {
    entries = new Map((await fs.promises.readdir(folder, { withFileTypes: true })).map((entry) => [entry.name, entry]));
  } catch {
    return undefined;
  }
  if (!entries.has(CASE_FILE)) return undefined;
  const [caseRead, remindersRead, attachments, record] = await Promise.all([
    readCaseFolderText(folder, CASE_FILE),
    entries.has(REMINDERS_FILE) ? readCaseFolderText(folder, REMINDERS_FILE) : undefined,
    listAttachmentFiles(folder, entries.get(ATTACHMENTS_FOLDER) ?? null),
    entries.has(SUBMISSION_FILE) ? readRecord(folder) : undefined,
  ]);
  if ('missing' in caseRead) return undefined;
  return summaryOf(folder, { caseRead, remindersRead, attachments, record });
}

/** `summarizeCaseFolder` with synchronous reads, for the listing worker: the same summary. */
export function summarizeCaseFolderSync(folder: string): CaseFolderSummary | undefined {
  let entries: Map<string, Dirent>;
  try {
    entries = new Map(fs.readdirSync(folder, { withFileTypes: true }).map((entry) => [entry.name, entry]));
  } catch {
    return undefined;
  }
  if (!entries.has(CASE_FILE)) return undefined;
  const caseRead = readCaseFolderTextSync(folder, CASE_FILE);
  if ('missing' in caseRead) return undefined;
  let attachments = attachmentsFolderAs(entries.get(ATTACHMENTS_FOLDER) ?? null);
  if (!attachments) {
    try {
      attachments = attachmentFilesIn(fs.readdirSync(path.join(folder, ATTACHMENTS_FOLDER), { withFileTypes: true }));
    } catch (error) {
      attachments = attachmentsReadFailed(error);
    }
  }
  const record = entries.has(SUBMISSION_FILE) ? recordFrom(readCaseFolderTextSync(folder, SUBMISSION_FILE)) : undefined;
  const remindersRead = entries.has(REMINDERS_FILE) ? readCaseFolderTextSync(folder, REMINDERS_FILE) : undefined;
  return summaryOf(folder, { caseRead, remindersRead, attachments, record });
}

/** The summary of a case folder from its files: pure, the same whichever way they were read. */
function summaryOf(folder: string, { caseRead, remindersRead, attachments, record }: CaseFolderFiles): CaseFolderSummary {
  const unreadable: FileReadProblem[] = [];
  const textOf = (file: string, read: TextRead | undefined) => {
    if (read && 'problem' in read) unreadable.push({ file, problem: read.problem });
    return read && 'text' in read ? read.text : undefined;
  };
  const caseText = textOf(CASE_FILE, caseRead);
  const remindersText = textOf(REMINDERS_FILE, remindersRead);
  const checked = caseText === undefined ? undefined : parseCase(caseText);
  const reminders = remindersText === undefined ? undefined : parseReminders(remindersText);
  const problems =
    unreadable.length +
    (caseText === undefined ? 0 : blockingProblems(caseText, 'case').length) +
    (remindersText === undefined ? 0 : blockingProblems(remindersText, 'reminders').length) +
    ('files' in attachments ? 0 : 1);
  const externalRef = checked?.ok ? checked.tilbagoCase.externalRef : caseText === undefined ? undefined : referenceIn(caseText);
  const language = checked?.ok ? checked.tilbagoCase.debtor.preferredLanguage : undefined;
  return {
    folder,
    name: path.basename(folder),
    problems,
    ...(externalRef !== undefined ? { externalRef } : {}),
    ...(checked?.ok
      ? {
          debtor: {
            name: debtorName(checked.tilbagoCase),
            ...(language ? { language } : {}),
            amountRappen: claimedRappen(checked.tilbagoCase),
            interest: claimInterests(checked.tilbagoCase),
          },
        }
      : {}),
    ...(reminders?.ok ? { reminders: reminders.facts.reminders } : {}),
    ...(reminders?.ok && reminders.facts.invoiceDate ? { invoiceDate: reminders.facts.invoiceDate } : {}),
    // A reminders.json gone between the listing of the folder and its read: as if it had none.
    ...(remindersRead && !('missing' in remindersRead) ? { hasRemindersFile: true as const } : {}),
    ...(isBroken(record) ? { recordProblem: record.broken } : record ? { record } : {}),
    ...(unreadable.length ? { unreadable } : {}),
  };
}

/** A whole cases folder with synchronous reads: for the listing worker, whose thread nothing else waits on. */
export function listCaseFoldersSync(casesFolder: string): CaseFolderSummary[] {
  return caseFolderCandidatesSync(casesFolder)
    .map(summarizeCaseFolderSync)
    .filter((s): s is CaseFolderSummary => s !== undefined);
}

function caseFolderCandidatesSync(casesFolder: string): string[] {
  let entries: Dirent[];
  try {
    entries = fs.readdirSync(casesFolder, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return folderPaths(casesFolder, entries);
}

/** What the listing worker posts: the folders it is to read, then their summaries a batch at a time. */
export type ListingMessage =
  | { readonly folders: readonly string[] }
  /** `read`: how many of the folders are read, in all, with this batch. */
  | { readonly summaries: readonly CaseFolderSummary[]; readonly read: number };

const FOLDERS_A_BATCH = 200;

/**
 * The listing worker's work: each folder summarized in turn, its index kept in `reading` as it is read (so the
 * thread that started it knows where it stopped), the summaries posted a batch at a time.
 */
export function postCaseFolderSummaries(casesFolder: string, post: (message: ListingMessage) => void, reading: Int32Array): void {
  const folders = caseFolderCandidatesSync(casesFolder);
  post({ folders });
  let batch: CaseFolderSummary[] = [];
  for (const [index, folder] of folders.entries()) {
    Atomics.store(reading, 0, index);
    const summary = summarizeCaseFolderSync(folder);
    if (summary) batch.push(summary);
    if ((index + 1) % FOLDERS_A_BATCH === 0 || index === folders.length - 1) {
      post({ summaries: batch, read: index + 1 });
      batch = [];
    }
  }
  if (folders.length === 0) post({ summaries: [], read: 0 });
}

/**
 * How long the worker may take for a whole cases folder. Its reads cannot block (boundedRead.ts), but a network
 * drive can be slow to answer each: past this, the folder it is on is named and the rest are read here.
 */
export const LISTING_TIME_LIMIT_MS = 60_000;

/**
 * A whole cases folder listed by the worker in `workerFile` (listWorker.ts, built beside the extension); the
 * asynchronous listing when no worker can run there. A worker that takes longer than `timeLimitMs` is stopped: its
 * summaries so far are kept, the folder it was on is a summary that says so, and the folders left are read here.
 */
export function listCaseFoldersInWorker(
  casesFolder: string,
  workerFile: string,
  timeLimitMs = LISTING_TIME_LIMIT_MS,
): Promise<CaseFolderSummary[]> {
  return new Promise((resolve) => {
    const reading = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
    const summaries: CaseFolderSummary[] = [];
    let folders: readonly string[] | undefined;
    let read = 0;
    let worker: Worker | undefined;
    let timer: NodeJS.Timeout | undefined;
    let settled = false;
    const finish = (result: CaseFolderSummary[] | Promise<CaseFolderSummary[]>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // A thread blocked in a system call ends once the call returns; the listing does not wait for that.
      void worker?.terminate();
      resolve(result);
    };
    const fallBack = () => finish(listCaseFolders(casesFolder));
    try {
      worker = new Worker(workerFile, { workerData: { casesFolder, reading } });
    } catch {
      return fallBack();
    }
    timer = setTimeout(() => {
      if (!folders) return fallBack();
      const stuck = Math.max(Atomics.load(reading, 0), read);
      const stopped: CaseFolderSummary[] =
        stuck < folders.length
          ? [
              {
                folder: folders[stuck]!,
                name: path.basename(folders[stuck]!),
                problems: 1,
                listingStopped: { afterSeconds: timeLimitMs / 1000 },
              },
            ]
          : [];
      const [before, after] = [summarizeFolders(folders.slice(read, stuck)), summarizeFolders(folders.slice(stuck + 1))];
      finish(Promise.all([before, after]).then(([b, a]) => [...summaries, ...b, ...stopped, ...a]));
    }, timeLimitMs);
    worker.on('message', (message: ListingMessage) => {
      if ('folders' in message) folders = message.folders;
      else {
        summaries.push(...message.summaries);
        read = message.read;
        if (read === folders?.length) finish(summaries);
      }
    });
    worker.once('error', fallBack);
  });
}
