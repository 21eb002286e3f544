// What the cases view and the bulk commands know of the case folders: one summary per folder, made from its files.
// The files are read one of two ways, to one pure summary: asynchronously for a few folders, and synchronously in
// a worker thread for a whole cases folder (listWorker.ts), where thousands of small reads are several times
// faster without the thread pool's round trips and keep the extension host free meanwhile.
import { readFile as readFileCallback, type Dirent } from 'node:fs';
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
import { isBroken, MAX_RECORD_BYTES, RECORD_TOO_LARGE, readRecord, recordFromText, type RecordRead, type SubmissionRecord } from './record';

export interface CaseFolderSummary {
  readonly folder: string;
  readonly name: string;
  /** Undefined: not submitted yet. */
  readonly record?: SubmissionRecord;
  readonly recordProblem?: string;
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

/** A case folder's files as read: undefined for a file it does not have, '' for one that cannot be read. */
interface CaseFolderFiles {
  readonly caseText: string;
  readonly remindersText: string | undefined;
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
  const [caseText, remindersText, attachments, record] = await Promise.all([
    readText(path.join(folder, CASE_FILE)),
    entries.has(REMINDERS_FILE) ? readText(path.join(folder, REMINDERS_FILE)) : undefined,
    listAttachmentFiles(folder, entries.get(ATTACHMENTS_FOLDER) ?? null),
    entries.has(SUBMISSION_FILE) ? readRecord(folder) : undefined,
  ]);
  if (caseText === undefined) return undefined;
  return summaryOf(folder, { caseText, remindersText, attachments, record });
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
  const caseText = readTextSync(path.join(folder, CASE_FILE));
  if (caseText === undefined) return undefined;
  let attachments = attachmentsFolderAs(entries.get(ATTACHMENTS_FOLDER) ?? null);
  if (!attachments) {
    try {
      attachments = attachmentFilesIn(fs.readdirSync(path.join(folder, ATTACHMENTS_FOLDER), { withFileTypes: true }));
    } catch (error) {
      attachments = attachmentsReadFailed(error);
    }
  }
  let record: RecordRead;
  if (entries.has(SUBMISSION_FILE)) {
    const file = path.join(folder, SUBMISSION_FILE);
    try {
      record = fs.lstatSync(file).size > MAX_RECORD_BYTES ? { broken: RECORD_TOO_LARGE } : recordFromText(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      record = (error as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : { broken: (error as Error).message };
    }
  }
  const remindersText = entries.has(REMINDERS_FILE) ? readTextSync(path.join(folder, REMINDERS_FILE)) : undefined;
  return summaryOf(folder, { caseText, remindersText, attachments, record });
}

/** The summary of a case folder from its files: pure, the same whichever way they were read. */
function summaryOf(folder: string, { caseText, remindersText, attachments, record }: CaseFolderFiles): CaseFolderSummary {
  const checked = parseCase(caseText);
  const reminders = remindersText === undefined ? undefined : parseReminders(remindersText);
  const problems =
    blockingProblems(caseText, 'case').length +
    (remindersText === undefined ? 0 : blockingProblems(remindersText, 'reminders').length) +
    ('files' in attachments ? 0 : 1);
  const externalRef = checked.ok ? checked.tilbagoCase.externalRef : referenceIn(caseText);
  const language = checked.ok ? checked.tilbagoCase.debtor.preferredLanguage : undefined;
  return {
    folder,
    name: path.basename(folder),
    problems,
    ...(externalRef !== undefined ? { externalRef } : {}),
    ...(checked.ok
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
    ...(reminders ? { hasRemindersFile: true as const } : {}),
    ...(isBroken(record) ? { recordProblem: record.broken } : record ? { record } : {}),
  };
}

/**
 * A file's text, or undefined when it is gone ('' when it cannot be read: a problem, not an absence). Through the
 * callback `readFile`, which reads a small file in one step of the thread pool where the promise one takes four.
 */
function readText(file: string): Promise<string | undefined> {
  return new Promise((resolve) =>
    readFileCallback(file, 'utf8', (error, text) => resolve(error ? (error.code === 'ENOENT' ? undefined : '') : text)),
  );
}

function readTextSync(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : '';
  }
}

/** A whole cases folder with synchronous reads: for the listing worker, whose thread nothing else waits on. */
export function listCaseFoldersSync(casesFolder: string): CaseFolderSummary[] {
  let entries: Dirent[];
  try {
    entries = fs.readdirSync(casesFolder, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return folderPaths(casesFolder, entries)
    .map(summarizeCaseFolderSync)
    .filter((s): s is CaseFolderSummary => s !== undefined);
}

/**
 * A whole cases folder listed by the worker in `workerFile` (listWorker.ts, built beside the extension); the
 * asynchronous listing when no worker can run there.
 */
export function listCaseFoldersInWorker(casesFolder: string, workerFile: string): Promise<CaseFolderSummary[]> {
  return new Promise((resolve) => {
    const fallBack = () => resolve(listCaseFolders(casesFolder));
    let worker: Worker;
    try {
      worker = new Worker(workerFile, { workerData: { casesFolder } });
    } catch {
      return fallBack();
    }
    worker.once('message', (summaries: CaseFolderSummary[]) => {
      resolve(summaries);
      void worker.terminate();
    });
    worker.once('error', fallBack);
  });
}
