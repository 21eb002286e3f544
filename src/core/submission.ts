// Filing a case folder at tilbago without ever filing it twice. The record of an attempt (`submission.json`) is
// written before each request and after each answer, atomically, so that whatever fails midway (the network, the
// process), the next attempt knows what may already have happened at tilbago.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { caseRequestBody, parseCase, type CaseProblem } from './caseFile';
import { writeJsonAtomic } from './jsonFile';
import { isCaseId, type ApiError, type ApiResult, type CaseStatus } from './tilbagoClient';

export const CASE_FILE = 'case.json';
export const SUBMISSION_FILE = 'submission.json';
export const ATTACHMENTS_FOLDER = 'attachments';
/** tilbago is for documents (invoice, reminders), not archives. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/**
 * - `sending`: a request was about to go out; found like this later, the process died during it.
 * - `notCreated`: tilbago answered that it did not create the case (key, balance, a refused request): safe to retry.
 * - `uncertain`: no clear answer (time-out, reset, server error): tilbago may have created the case.
 * - `duplicate`: tilbago already has a case with this reference; its case id must be entered by hand.
 * - `created`: tilbago has the case (caseId); attachments may still be missing.
 * - `complete`: the case and every attachment are at tilbago.
 */
export type SubmissionState = 'sending' | 'notCreated' | 'uncertain' | 'duplicate' | 'created' | 'complete';

export interface AttachmentRecord {
  readonly file: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly state: 'pending' | 'sending' | 'sent' | 'failed';
  readonly attachmentId?: string;
  readonly error?: string;
}

export interface StatusRecord extends CaseStatus {
  readonly checkedAt: string;
}

export interface SubmissionRecord {
  readonly version: 1;
  readonly externalRef: string;
  readonly state: SubmissionState;
  readonly caseId?: string;
  readonly attemptStartedAt: string;
  readonly submittedAt?: string;
  readonly updatedAt: string;
  readonly attachments: readonly AttachmentRecord[];
  readonly lastError?: { readonly at: string; readonly message: string };
  readonly status?: StatusRecord;
}

const STATES: readonly SubmissionState[] = ['sending', 'notCreated', 'uncertain', 'duplicate', 'created', 'complete'];

/** Reads `submission.json`: undefined when there is none; an error text when it is not a record this extension wrote. */
export async function readRecord(folder: string): Promise<SubmissionRecord | undefined | { readonly broken: string }> {
  let text: string;
  try {
    text = await fs.readFile(path.join(folder, SUBMISSION_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    return { broken: (error as Error).message };
  }
  try {
    const record = JSON.parse(text) as SubmissionRecord;
    const valid =
      record?.version === 1 &&
      typeof record.externalRef === 'string' &&
      STATES.includes(record.state) &&
      (record.caseId === undefined || isCaseId(record.caseId)) &&
      ((record.state !== 'created' && record.state !== 'complete') || record.caseId !== undefined) &&
      Array.isArray(record.attachments) &&
      record.attachments.every((a) => typeof a?.file === 'string' && ['pending', 'sending', 'sent', 'failed'].includes(a.state));
    return valid ? record : { broken: 'it is not a submission record of this extension' };
  } catch (error) {
    return { broken: (error as Error).message };
  }
}

export function isBroken(record: SubmissionRecord | undefined | { readonly broken: string }): record is { readonly broken: string } {
  return record !== undefined && 'broken' in record;
}

export interface SubmitClient {
  createCase(body: object): Promise<ApiResult<{ readonly caseId: string }>>;
  addAttachment(caseId: string, fileName: string, content: Uint8Array): Promise<ApiResult<{ readonly attachmentId: string }>>;
}

export interface SubmitHooks {
  readonly client: SubmitClient;
  now(): Date;
  /** An error as the user should read it (the record keeps this text). */
  describe(error: ApiError): string;
  /** An earlier attempt may have created the case: may it be sent again? (tilbago refuses a second case with the same reference.) */
  confirmResend(record: SubmissionRecord): Promise<boolean>;
  /** These attachments were being sent when an earlier attempt stopped; tilbago may have them: send them again? */
  confirmAttachmentResend(files: readonly string[]): Promise<boolean>;
  progress?(step: { readonly kind: 'case' } | { readonly kind: 'attachment'; readonly file: string; readonly index: number; readonly count: number }): void;
}

export type SubmitOutcome =
  | { readonly kind: 'invalid'; readonly problems: readonly CaseProblem[] }
  | { readonly kind: 'recordBroken'; readonly reason: string }
  | { readonly kind: 'attachmentTooLarge'; readonly file: string }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'alreadyComplete'; readonly record: SubmissionRecord }
  | { readonly kind: 'complete'; readonly record: SubmissionRecord }
  | { readonly kind: 'attachmentsFailed'; readonly record: SubmissionRecord; readonly failed: readonly string[] }
  | { readonly kind: 'notCreated'; readonly record: SubmissionRecord; readonly error: ApiError }
  | { readonly kind: 'uncertain'; readonly record: SubmissionRecord; readonly error: ApiError }
  | { readonly kind: 'duplicate'; readonly record: SubmissionRecord };

/** The files in `attachments/`, in name order: regular files only, no hidden ones. */
export async function listAttachments(folder: string): Promise<string[]> {
  try {
    const entries = await fs.readdir(path.join(folder, ATTACHMENTS_FOLDER), { withFileTypes: true });
    return entries.filter((e) => e.isFile() && !e.name.startsWith('.')).map((e) => e.name).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Whether an answer means tilbago did not create the case, so sending again is safe. */
function surelyNotCreated(error: ApiError): boolean {
  switch (error.kind) {
    case 'unauthorized':
    case 'insufficientBalance':
      return true;
    case 'unreachable':
      return !error.sent;
    case 'unexpected':
      return error.status >= 400 && error.status < 500 && !isDuplicate(error);
    case 'timeout':
    case 'invalidAnswer':
      return false;
  }
}

/** tilbago refuses a second case with the same externalRef. The contract does not fix the answer: 409, or a 4xx saying so. */
function isDuplicate(error: ApiError): boolean {
  return error.kind === 'unexpected' && (error.status === 409 || (error.status >= 400 && error.status < 500 && /already exists|duplicate|externalRef/i.test(error.message ?? '')));
}

export async function submitCaseFolder(folder: string, hooks: SubmitHooks): Promise<SubmitOutcome> {
  const checked = parseCase(await fs.readFile(path.join(folder, CASE_FILE), 'utf8'));
  if (!checked.ok) return { kind: 'invalid', problems: checked.problems };
  const tilbagoCase = checked.tilbagoCase;

  const previous = await readRecord(folder);
  if (isBroken(previous)) return { kind: 'recordBroken', reason: previous.broken };
  if (previous?.state === 'complete') return { kind: 'alreadyComplete', record: previous };
  if (previous?.state === 'duplicate') return { kind: 'duplicate', record: previous };

  const files = await listAttachments(folder);
  const attachments = await describeAttachments(folder, files, previous?.attachments ?? []);
  const tooLarge = attachments.find((a) => a.bytes > MAX_ATTACHMENT_BYTES);
  if (tooLarge) return { kind: 'attachmentTooLarge', file: tooLarge.file };

  const stamp = () => hooks.now().toISOString();
  const file = path.join(folder, SUBMISSION_FILE);
  let record: SubmissionRecord;

  if (previous?.caseId) {
    // The case is at tilbago: never sent again. Only attachments can be missing.
    record = { ...previous, attachments, updatedAt: stamp() };
  } else {
    if (previous && (previous.state === 'sending' || previous.state === 'uncertain') && !(await hooks.confirmResend(previous))) {
      return { kind: 'cancelled' };
    }
    // The record of the attempt goes to disk before the request does.
    record = { version: 1, externalRef: tilbagoCase.externalRef, state: 'sending', attemptStartedAt: stamp(), updatedAt: stamp(), attachments };
    await writeJsonAtomic(file, record);
    hooks.progress?.({ kind: 'case' });
    const created = await hooks.client.createCase(caseRequestBody(tilbagoCase));
    if (!created.ok) {
      const state: SubmissionState = isDuplicate(created.error) ? 'duplicate' : surelyNotCreated(created.error) ? 'notCreated' : 'uncertain';
      record = { ...record, state, updatedAt: stamp(), lastError: { at: stamp(), message: hooks.describe(created.error) } };
      await writeJsonAtomic(file, record);
      if (state === 'duplicate') return { kind: 'duplicate', record };
      return state === 'notCreated' ? { kind: 'notCreated', record, error: created.error } : { kind: 'uncertain', record, error: created.error };
    }
    const { lastError: _cleared, ...rest } = record;
    record = { ...rest, state: 'created', caseId: created.value.caseId, submittedAt: stamp(), updatedAt: stamp() };
    await writeJsonAtomic(file, record);
  }
  return sendAttachments(folder, record, hooks);
}

/** Keeps what the record knows of each file, and adds the files that are new in `attachments/`. */
async function describeAttachments(folder: string, files: readonly string[], known: readonly AttachmentRecord[]): Promise<AttachmentRecord[]> {
  const result: AttachmentRecord[] = [...known];
  for (const name of files) {
    if (known.some((a) => a.file === name)) continue;
    const content = await fs.readFile(path.join(folder, ATTACHMENTS_FOLDER, name));
    result.push({ file: name, bytes: content.byteLength, sha256: createHash('sha256').update(content).digest('hex'), state: 'pending' });
  }
  return result;
}

async function sendAttachments(folder: string, start: SubmissionRecord, hooks: SubmitHooks): Promise<SubmitOutcome> {
  const file = path.join(folder, SUBMISSION_FILE);
  const stamp = () => hooks.now().toISOString();
  let record = start;
  const interrupted = record.attachments.filter((a) => a.state === 'sending').map((a) => a.file);
  const resendInterrupted = interrupted.length === 0 || (await hooks.confirmAttachmentResend(interrupted));
  const toSend = record.attachments.filter((a) => a.state === 'pending' || a.state === 'failed' || (a.state === 'sending' && resendInterrupted));

  const update = async (name: string, change: Partial<AttachmentRecord> & Pick<AttachmentRecord, 'state'>) => {
    record = {
      ...record,
      updatedAt: stamp(),
      attachments: record.attachments.map((a) => {
        if (a.file !== name) return a;
        const { error: _error, ...rest } = a;
        return { ...rest, ...change };
      }),
    };
    await writeJsonAtomic(file, record);
  };

  for (const [index, attachment] of toSend.entries()) {
    hooks.progress?.({ kind: 'attachment', file: attachment.file, index, count: toSend.length });
    let content: Buffer;
    try {
      content = await fs.readFile(path.join(folder, ATTACHMENTS_FOLDER, attachment.file));
    } catch (error) {
      await update(attachment.file, { state: 'failed', error: (error as Error).message });
      continue;
    }
    await update(attachment.file, { state: 'sending' });
    const sent = await hooks.client.addAttachment(record.caseId!, attachment.file, content);
    await update(attachment.file, sent.ok ? { state: 'sent', attachmentId: sent.value.attachmentId } : { state: 'failed', error: hooks.describe(sent.error) });
  }

  const notSent = record.attachments.filter((a) => a.state !== 'sent').map((a) => a.file);
  if (notSent.length === 0) {
    const { lastError: _cleared, ...rest } = record;
    record = { ...rest, state: 'complete', updatedAt: stamp() };
    await writeJsonAtomic(file, record);
    return { kind: 'complete', record };
  }
  return { kind: 'attachmentsFailed', record, failed: notSent };
}

/** After a `duplicate` or `uncertain` attempt: the case id the user found in their tilbago account. */
export async function recordCaseId(folder: string, caseId: string, now: Date): Promise<SubmissionRecord> {
  if (!isCaseId(caseId)) throw new RangeError('A tilbago case id has only letters, digits, and . _ ~ -');
  const previous = await readRecord(folder);
  if (previous === undefined || isBroken(previous)) throw new Error('There is no submission record to complete in this case folder.');
  if (previous.caseId) throw new Error(`This case already has the case id ${previous.caseId}.`);
  const { lastError: _cleared, ...rest } = previous;
  const record: SubmissionRecord = { ...rest, state: 'created', caseId, submittedAt: previous.attemptStartedAt, updatedAt: now.toISOString() };
  await writeJsonAtomic(path.join(folder, SUBMISSION_FILE), record);
  return record;
}

export type StatusOutcome =
  | { readonly kind: 'updated'; readonly record: SubmissionRecord }
  | { readonly kind: 'notSubmitted' }
  | { readonly kind: 'failed'; readonly error: ApiError }
  | { readonly kind: 'recordBroken'; readonly reason: string };

/** Asks tilbago for the case's status and keeps it in the record. */
export async function refreshCaseStatus(
  folder: string,
  client: { caseStatus(caseId: string): Promise<ApiResult<CaseStatus>> },
  now: Date,
): Promise<StatusOutcome> {
  const previous = await readRecord(folder);
  if (isBroken(previous)) return { kind: 'recordBroken', reason: previous.broken };
  if (!previous?.caseId) return { kind: 'notSubmitted' };
  const answer = await client.caseStatus(previous.caseId);
  if (!answer.ok) return { kind: 'failed', error: answer.error };
  const record: SubmissionRecord = { ...previous, status: { ...answer.value, checkedAt: now.toISOString() }, updatedAt: now.toISOString() };
  await writeJsonAtomic(path.join(folder, SUBMISSION_FILE), record);
  return { kind: 'updated', record };
}

export interface CaseFolderSummary {
  readonly folder: string;
  readonly name: string;
  /** Undefined: not submitted yet. */
  readonly record?: SubmissionRecord;
  readonly recordProblem?: string;
}

/** The case folders (those with a case.json) directly under a cases folder, by name. */
export async function listCaseFolders(casesFolder: string): Promise<CaseFolderSummary[]> {
  let entries;
  try {
    entries = await fs.readdir(casesFolder, { withFileTypes: true });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const result: CaseFolderSummary[] = [];
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const folder = path.join(casesFolder, entry.name);
    try {
      await fs.access(path.join(folder, CASE_FILE));
    } catch {
      continue;
    }
    const record = await readRecord(folder);
    result.push({ folder, name: entry.name, ...(isBroken(record) ? { recordProblem: record.broken } : record ? { record } : {}) });
  }
  return result;
}
