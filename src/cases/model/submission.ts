// Filing a case folder at tilbago without ever filing it twice. Only one process works on a case folder at a time
// (the case lock). The record of an attempt (`submission.json`, record.ts) is bound to its case's externalRef,
// written before each request and after each answer, atomically, so that whatever fails midway (the network, the
// process), the next attempt knows what may already have happened at tilbago. Returns codes and data; the
// sentences are made where they are shown.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { ATTACHMENT_READ_RULES, attachmentProblemOf, listAttachmentFiles, listAttachments, type AttachmentProblem } from './attachments';
import { readCaseFolderText, type FileReadProblem } from './caseFolderRead';
import { caseRequestBody, claimedRappen, debtorName, parseCase } from './caseFile';
import { claimInterests, type ClaimInterest } from './claimLaw';
import { blockingProblems, type PlacedProblem } from './diagnose';
import { ATTACHMENTS_FOLDER, CASE_FILE, LOCK_FILE, SUBMISSION_FILE } from './files';
import {
  acquireCaseLock,
  LockLost,
  lostLock,
  withCaseLock,
  type CaseLock,
  type LockBusy,
  type LockOptions,
  type LockOwner,
} from './caseLock';
import { isBroken, readRecord, type AttachmentRecord, type RecordProblem, type StatusRecord, type SubmissionRecord } from './record';
import { readBounded, streamBounded } from '../../shared/boundedRead';
import { linkOrCopyExclusive, removeLeftoverTemporaries, writeJsonAtomic } from '../../shared/jsonFile';
import { isCaseId } from '../../tilbago/caseId';
import type { ApiError, ApiResult, CaseStatus } from '../../tilbago/client';

export interface SubmitClient {
  /** `host:port` of the API, named when the user is asked to confirm. */
  readonly host: string;
  createCase(body: object): Promise<ApiResult<{ readonly caseId: string }>>;
  addAttachment(caseId: string, fileName: string, content: Uint8Array): Promise<ApiResult<{ readonly attachmentId: string }>>;
}

/** What the user confirms before a case is filed: a request is a legal step, with a fee. */
export interface FilingSummary {
  readonly externalRef: string;
  /** The company, or first name and surname. */
  readonly debtor: string;
  /** The claims together, in Rappen. */
  readonly amountRappen: number;
  /** The interest the claims carry: rate and start, each once. */
  readonly interest: readonly ClaimInterest[];
  readonly attachments: readonly string[];
  readonly host: string;
  /** An earlier attempt that may have created the case already (it stopped without a clear answer). */
  readonly earlierAttempt?: { readonly startedAt: string; readonly state: 'sending' | 'uncertain' };
}

export interface UncertainAttachment {
  readonly file: string;
  readonly attemptedAt?: string;
}

export interface SubmitHooks {
  readonly client: SubmitClient;
  now(): Date;
  /** Asked before a case is filed. */
  confirmFiling(summary: FilingSummary): Promise<boolean>;
  /** These attachments were sent without a clear answer; tilbago may have them: send them again? */
  confirmAttachmentResend(attachments: readonly UncertainAttachment[]): Promise<boolean>;
  /** A lock left by a process that is gone was taken over. */
  lockRecovered?(owner: LockOwner): void;
  /** How the case lock is waited for and judged stale (the defaults, unless a test needs them short). */
  readonly lock?: LockOptions;
  progress?(
    step:
      | { readonly kind: 'case' }
      | { readonly kind: 'attachment'; readonly file: string; readonly index: number; readonly count: number },
  ): void;
  /** Called at each step that leaves a trace on disk or on the network (for the crash tests). */
  checkpoint?(step: 'recordWritten' | 'caseRequest' | 'attachmentRequest'): void | Promise<void>;
}

export type SubmitOutcome =
  /** Another holds the lock, or (`lost`) took it over while this one worked: nothing more was sent. */
  | LockBusy
  | { readonly kind: 'noCaseFile' }
  /** case.json (`file`) cannot be read: a FIFO, too large, not UTF-8… */
  | ({ readonly kind: 'unreadable' } & FileReadProblem)
  | { readonly kind: 'invalid'; readonly problems: readonly PlacedProblem[] }
  | { readonly kind: 'recordBroken'; readonly reason: RecordProblem }
  /** `submission.json` belongs to another externalRef (a copied folder, an edited reference): nothing was sent. */
  | { readonly kind: 'recordMismatch'; readonly record: SubmissionRecord; readonly recordRef: string; readonly caseRef: string }
  /** Another process recorded a case id while this one was working (its lock was not visible): this one stopped. */
  | { readonly kind: 'recordConflict'; readonly record: SubmissionRecord }
  /** `file` is empty when the problem is `attachments/` itself. */
  | { readonly kind: 'attachmentProblem'; readonly file: string; readonly problem: AttachmentProblem }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'alreadyComplete'; readonly record: SubmissionRecord }
  | { readonly kind: 'complete'; readonly record: SubmissionRecord }
  | { readonly kind: 'attachmentsFailed'; readonly record: SubmissionRecord; readonly failed: readonly string[] }
  | { readonly kind: 'notCreated'; readonly record: SubmissionRecord; readonly error: ApiError }
  | { readonly kind: 'refused'; readonly record: SubmissionRecord; readonly error: ApiError }
  /** Refused before, and case.json has not changed since: not sent again. */
  | { readonly kind: 'stillRefused'; readonly record: SubmissionRecord }
  | { readonly kind: 'uncertain'; readonly record: SubmissionRecord; readonly error: ApiError }
  | { readonly kind: 'duplicate'; readonly record: SubmissionRecord };

/** Thrown by a write that would replace a record holding a case id by one without it. */
class RecordConflict extends Error {
  constructor(readonly onDisk: SubmissionRecord) {
    super('submission.json has a case id this attempt does not know');
  }
}

/**
 * Writes the record under `lock`'s generation, fenced: refused (LockLost) when the lock is no longer this
 * holder's, checked once the new content is on disk and just before it takes the record's name, or when the record
 * was written under a newer generation. Also refused (RecordConflict) when the record on disk has a case id this
 * one does not: a late answer never overwrites what another writer learnt.
 */
async function saveRecord(
  folder: string,
  record: SubmissionRecord,
  lock: CaseLock,
  hooks?: Pick<SubmitHooks, 'checkpoint'>,
): Promise<void> {
  const generation = lock.owner.generation;
  const file = path.join(folder, SUBMISSION_FILE);
  const onDisk = await readRecord(folder);
  if (onDisk && !isBroken(onDisk)) {
    if ((onDisk.lockGeneration ?? 0) > generation) throw new LockLost(path.join(folder, LOCK_FILE));
    if (onDisk.caseId !== undefined && onDisk.caseId !== record.caseId) throw new RecordConflict(onDisk);
  }
  await writeJsonAtomic(file, { ...record, lockGeneration: generation }, { beforeRename: () => lock.assertHeld() });
  await hooks?.checkpoint?.('recordWritten');
}

/** Size and hash from a streamed, bounded read: never more than a small buffer in memory. */
async function measure(file: string): Promise<{ readonly bytes: number; readonly sha256: string } | AttachmentProblem> {
  const hash = createHash('sha256');
  const read = await streamBounded(file, ATTACHMENT_READ_RULES, (chunk) => hash.update(chunk));
  return 'size' in read ? { bytes: read.size, sha256: hash.digest('hex') } : attachmentProblemOf(read);
}

/** The content to send, checked again just before sending: still a plain file, still within the limit, not growing. */
async function readForSending(file: string): Promise<{ readonly content: Buffer; readonly sha256: string } | AttachmentProblem> {
  const read = await readBounded(file, ATTACHMENT_READ_RULES);
  return 'bytes' in read
    ? { content: read.bytes, sha256: createHash('sha256').update(read.bytes).digest('hex') }
    : attachmentProblemOf(read);
}

/**
 * The record's attachments as they stand now: what was sent (or may have been) is kept as it was; anything not
 * sent yet is measured again (the file may have been replaced); new files are added; files that are gone and were
 * surely never at tilbago are dropped.
 */
async function takeInventory(
  folder: string,
  files: readonly string[],
  known: readonly AttachmentRecord[],
): Promise<AttachmentRecord[] | { readonly problem: AttachmentProblem; readonly file: string }> {
  const present = new Set(files);
  const result: AttachmentRecord[] = known.filter(
    (a) => present.has(a.file) || a.state === 'sent' || a.state === 'sending' || a.state === 'uncertain',
  );
  for (const name of files) {
    const index = result.findIndex((a) => a.file === name);
    const entry = result[index];
    if (entry?.state === 'sent') continue;
    const measured = await measure(path.join(folder, ATTACHMENTS_FOLDER, name));
    if (typeof measured === 'string') return { problem: measured, file: name };
    if (entry) result[index] = { ...entry, ...measured };
    else result.push({ file: name, ...measured, state: 'pending' });
  }
  return result;
}

/** case.json's text; undefined when there is none; why, when it cannot be read. */
async function readCaseFile(folder: string): Promise<string | undefined | FileReadProblem> {
  const read = await readCaseFolderText(folder, CASE_FILE);
  return 'text' in read ? read.text : 'problem' in read ? { file: CASE_FILE, problem: read.problem } : undefined;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Whether tilbago surely did not create the case (or store the attachment), so sending again is safe. */
function surelyNotStored(error: ApiError): boolean {
  switch (error.kind) {
    case 'unauthorized':
    case 'invalidKey':
    case 'insufficientBalance':
      return true;
    case 'unreachable':
      return !error.sent;
    // 429 is a refusal before any work ("too many requests"). A 503 can come from a gateway in front of tilbago
    // after it passed the request on: like any other 5xx, it leaves the case uncertain.
    case 'busy':
      return error.status === 429;
    // 408: the server gave up waiting for the request, perhaps after passing part of it on, like a time-out.
    case 'unexpected':
      return error.status >= 400 && error.status < 500 && error.status !== 408;
    case 'timeout':
    case 'invalidAnswer':
      return false;
  }
}

/**
 * How a failed request to create the case leaves it. Only a 409 says tilbago has this reference already. A 403
 * (the key's rights) or a 404 (a wrong address) says nothing against case.json: not a refusal, so the same file
 * may be sent again once the key or the address is right.
 */
function stateAfterFailure(error: ApiError): 'notCreated' | 'refused' | 'uncertain' | 'duplicate' {
  if (error.kind === 'unexpected' && error.status === 409) return 'duplicate';
  if (!surelyNotStored(error)) return 'uncertain';
  return error.kind === 'unexpected' && error.status !== 403 && error.status !== 404 ? 'refused' : 'notCreated';
}

export async function submitCaseFolder(folder: string, hooks: SubmitHooks): Promise<SubmitOutcome> {
  const attempt = await acquireCaseLock(folder, 'submit', hooks.lock);
  if (attempt.kind === 'busy') return attempt;
  if (attempt.recovered) hooks.lockRecovered?.(attempt.recovered);
  try {
    return await submitLocked(folder, hooks, attempt.lock);
  } catch (error) {
    if (error instanceof RecordConflict) return { kind: 'recordConflict', record: error.onDisk };
    if (error instanceof LockLost) return lostLock(error.file);
    throw error;
  } finally {
    await attempt.lock.release();
  }
}

async function submitLocked(folder: string, hooks: SubmitHooks, lock: CaseLock): Promise<SubmitOutcome> {
  // Under the lock no one else writes the record: a temporary file beside it is a killed write's.
  await removeLeftoverTemporaries(path.join(folder, SUBMISSION_FILE));
  const caseText = await readCaseFile(folder);
  if (caseText === undefined) return { kind: 'noCaseFile' };
  if (typeof caseText !== 'string') return { kind: 'unreadable', ...caseText };
  const checked = parseCase(caseText);
  const problems = blockingProblems(caseText, 'case');
  if (problems.length || !checked.ok) return { kind: 'invalid', problems };
  const tilbagoCase = checked.tilbagoCase;
  const caseSha256 = sha256(caseText);

  const previous = await readRecord(folder);
  if (isBroken(previous)) return { kind: 'recordBroken', reason: previous.broken };
  if (previous && previous.externalRef !== tilbagoCase.externalRef) {
    return { kind: 'recordMismatch', record: previous, recordRef: previous.externalRef, caseRef: tilbagoCase.externalRef };
  }
  if (previous?.state === 'complete') return { kind: 'alreadyComplete', record: previous };
  if (previous?.state === 'duplicate') return { kind: 'duplicate', record: previous };
  if (previous?.state === 'refused' && previous.caseSha256 === caseSha256) return { kind: 'stillRefused', record: previous };

  const listed = await listAttachmentFiles(folder);
  if (!('files' in listed)) return { kind: 'attachmentProblem', ...listed };
  const attachments = await takeInventory(folder, listed.files, previous?.attachments ?? []);
  if (!Array.isArray(attachments)) return { kind: 'attachmentProblem', ...attachments };

  const stamp = () => hooks.now().toISOString();
  if (previous?.caseId) {
    // The case is at tilbago: never sent again. Only attachments can be missing.
    return sendAttachments(folder, { ...previous, attachments, updatedAt: stamp() }, listed.files, hooks, lock);
  }

  const earlier =
    previous && (previous.state === 'sending' || previous.state === 'uncertain')
      ? { startedAt: previous.attemptStartedAt, state: previous.state }
      : undefined;
  const confirmed = await hooks.confirmFiling({
    externalRef: tilbagoCase.externalRef,
    debtor: debtorName(tilbagoCase),
    amountRappen: claimedRappen(tilbagoCase),
    interest: claimInterests(tilbagoCase),
    attachments: listed.files,
    host: hooks.client.host,
    ...(earlier ? { earlierAttempt: earlier } : {}),
  });
  if (!confirmed) return { kind: 'cancelled' };

  // The record of the attempt goes to disk before the request does.
  let record: SubmissionRecord = {
    version: 2,
    externalRef: tilbagoCase.externalRef,
    state: 'sending',
    caseSha256,
    attemptStartedAt: stamp(),
    updatedAt: stamp(),
    attachments,
  };
  await saveRecord(folder, record, lock, hooks);
  hooks.progress?.({ kind: 'case' });
  await hooks.checkpoint?.('caseRequest');
  // The last moment before the request: a holder that lost the lock while asleep sends nothing.
  await lock.assertHeld();
  const created = await hooks.client.createCase(caseRequestBody(tilbagoCase));
  if (!created.ok) {
    const state = stateAfterFailure(created.error);
    record = { ...record, state, updatedAt: stamp(), lastError: { at: stamp(), error: created.error } };
    await saveRecord(folder, record, lock, hooks);
    if (state === 'duplicate') return { kind: 'duplicate', record };
    return { kind: state, record, error: created.error };
  }
  const { lastError: _cleared, ...rest } = record;
  record = { ...rest, state: 'created', caseId: created.value.caseId, submittedAt: stamp(), updatedAt: stamp() };
  await saveRecord(folder, record, lock, hooks);
  return sendAttachments(folder, record, listed.files, hooks, lock);
}

async function sendAttachments(
  folder: string,
  start: SubmissionRecord,
  present: readonly string[],
  hooks: SubmitHooks,
  lock: CaseLock,
): Promise<SubmitOutcome> {
  const stamp = () => hooks.now().toISOString();
  const caseId = start.caseId!;
  let record = start;
  const here = (a: AttachmentRecord) => present.includes(a.file);
  const unsure = record.attachments.filter((a) => here(a) && (a.state === 'sending' || a.state === 'uncertain'));
  const resendUnsure =
    unsure.length > 0 &&
    (await hooks.confirmAttachmentResend(unsure.map((a) => ({ file: a.file, ...(a.attemptedAt ? { attemptedAt: a.attemptedAt } : {}) }))));
  const toSend = record.attachments.filter(
    (a) => here(a) && (a.state === 'pending' || a.state === 'failed' || (resendUnsure && unsure.includes(a))),
  );

  const change = (name: string, update: (a: AttachmentRecord) => AttachmentRecord) => {
    record = { ...record, updatedAt: stamp(), attachments: record.attachments.map((a) => (a.file === name ? update(a) : a)) };
  };

  for (const [index, attachment] of toSend.entries()) {
    hooks.progress?.({ kind: 'attachment', file: attachment.file, index, count: toSend.length });
    const read = await readForSending(path.join(folder, ATTACHMENTS_FOLDER, attachment.file));
    if (typeof read === 'string') {
      await saveRecord(folder, record, lock, hooks);
      return { kind: 'attachmentProblem', file: attachment.file, problem: read };
    }
    // One write marks this one as going out and keeps the answer to the previous one.
    change(attachment.file, ({ lastError: _old, ...a }) => ({
      ...a,
      bytes: read.content.byteLength,
      sha256: read.sha256,
      state: 'sending',
      attemptedAt: stamp(),
    }));
    await saveRecord(folder, record, lock, hooks);
    await hooks.checkpoint?.('attachmentRequest');
    await lock.assertHeld();
    const sent = await hooks.client.addAttachment(caseId, attachment.file, read.content);
    change(attachment.file, (a) =>
      sent.ok
        ? { ...a, state: 'sent', attachmentId: sent.value.attachmentId }
        : { ...a, state: surelyNotStored(sent.error) ? 'failed' : 'uncertain', lastError: { at: stamp(), error: sent.error } },
    );
  }

  record = settle(record, present, stamp());
  await saveRecord(folder, record, lock, hooks);
  return outcomeOf(record, present);
}

/** `complete` once every attachment that `attachments/` holds is at tilbago. */
function settle(record: SubmissionRecord, present: readonly string[], now: string): SubmissionRecord {
  if (record.attachments.some((a) => present.includes(a.file) && a.state !== 'sent')) return record;
  const { lastError: _cleared, ...rest } = record;
  return { ...rest, state: 'complete', updatedAt: now };
}

function outcomeOf(record: SubmissionRecord, present: readonly string[]): SubmitOutcome {
  const notSent = record.attachments.filter((a) => present.includes(a.file) && a.state !== 'sent').map((a) => a.file);
  return notSent.length === 0 ? { kind: 'complete', record } : { kind: 'attachmentsFailed', record, failed: notSent };
}

export type AtTilbagoOutcome =
  | { readonly kind: 'recorded'; readonly outcome: SubmitOutcome }
  | LockBusy
  | { readonly kind: 'nothingToRecord' };

/**
 * The user found these attachments in the tilbago account after attempts without a clear answer: they are
 * recorded as sent, so they are never sent again. Only `sending` and `uncertain` attachments can be.
 */
export async function recordAttachmentsAtTilbago(folder: string, files: readonly string[], now: Date): Promise<AtTilbagoOutcome> {
  const done = await withCaseLock(folder, 'record', async (lock): Promise<AtTilbagoOutcome> => {
    const previous = await readRecord(folder);
    if (!previous || isBroken(previous) || !previous.caseId) return { kind: 'nothingToRecord' };
    const unsure = (a: AttachmentRecord) => files.includes(a.file) && (a.state === 'sending' || a.state === 'uncertain');
    if (!previous.attachments.some(unsure)) return { kind: 'nothingToRecord' };
    const stamp = now.toISOString();
    const present = await listAttachments(folder);
    const marked: SubmissionRecord = {
      ...previous,
      updatedAt: stamp,
      attachments: previous.attachments.map((a) => {
        if (!unsure(a)) return a;
        const { lastError: _cleared, ...rest } = a;
        return { ...rest, state: 'sent', foundAtTilbagoAt: stamp };
      }),
    };
    const record = settle(marked, present, stamp);
    await saveRecord(folder, record, lock);
    return { kind: 'recorded', outcome: outcomeOf(record, present) };
  });
  return done.kind === 'done' ? done.value : done;
}

export type CaseIdOutcome =
  | { readonly kind: 'recorded'; readonly record: SubmissionRecord }
  | { readonly kind: 'invalidCaseId' }
  | LockBusy
  | { readonly kind: 'noRecord' }
  | { readonly kind: 'recordBroken'; readonly reason: RecordProblem }
  | { readonly kind: 'noCaseFile' }
  | ({ readonly kind: 'unreadable' } & FileReadProblem)
  | { readonly kind: 'invalid'; readonly problems: readonly PlacedProblem[] }
  | { readonly kind: 'hasCaseId'; readonly caseId: string }
  | { readonly kind: 'recordMismatch'; readonly recordRef: string; readonly caseRef: string }
  /** The id is recorded for another case (`externalRef`) in the cases folders. */
  | { readonly kind: 'caseIdInUse'; readonly externalRef: string };

/**
 * After a `duplicate` or `uncertain` attempt: the case id the user found in their tilbago account. `inUse` maps
 * the case ids already recorded in the cases folders to their externalRef: an id is never given to another case.
 */
export async function recordCaseId(folder: string, caseId: string, now: Date, inUse: ReadonlyMap<string, string>): Promise<CaseIdOutcome> {
  if (!isCaseId(caseId)) return { kind: 'invalidCaseId' };
  const done = await withCaseLock(folder, 'caseId', async (lock): Promise<CaseIdOutcome> => {
    const previous = await readRecord(folder);
    if (previous === undefined) return { kind: 'noRecord' };
    if (isBroken(previous)) return { kind: 'recordBroken', reason: previous.broken };
    if (previous.caseId) return { kind: 'hasCaseId', caseId: previous.caseId };
    const caseText = await readCaseFile(folder);
    if (typeof caseText !== 'string') return caseText ? { kind: 'unreadable', ...caseText } : { kind: 'noCaseFile' };
    const checked = parseCase(caseText);
    const problems = blockingProblems(caseText, 'case');
    if (problems.length || !checked.ok) return { kind: 'invalid', problems };
    if (checked.tilbagoCase.externalRef !== previous.externalRef)
      return { kind: 'recordMismatch', recordRef: previous.externalRef, caseRef: checked.tilbagoCase.externalRef };
    const owner = inUse.get(caseId);
    if (owner !== undefined && owner !== previous.externalRef) return { kind: 'caseIdInUse', externalRef: owner };
    const { lastError: _cleared, ...rest } = previous;
    const record: SubmissionRecord = {
      ...rest,
      state: 'created',
      caseId,
      submittedAt: previous.attemptStartedAt,
      updatedAt: now.toISOString(),
    };
    await saveRecord(folder, record, lock);
    return { kind: 'recorded', record };
  });
  return done.kind === 'done' ? done.value : done;
}

export type SetAsideOutcome = { readonly kind: 'setAside'; readonly file: string } | { readonly kind: 'noRecord' } | LockBusy;

/** Moves `submission.json` aside under a new name (never over another file, never deleted), so the case starts afresh. */
export async function setRecordAside(folder: string, now: Date): Promise<SetAsideOutcome> {
  const done = await withCaseLock(folder, 'setAside', async (lock): Promise<SetAsideOutcome> => {
    const from = path.join(folder, SUBMISSION_FILE);
    const stamp = now.toISOString().replace(/[:.]/g, '-');
    for (let n = 1; n < 100; n++) {
      const name = `submission.set-aside-${stamp}${n > 1 ? `-${n}` : ''}.json`;
      try {
        // A link fails if the name is taken; then the record's own name goes.
        await linkOrCopyExclusive(from, path.join(folder, name));
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') return { kind: 'noRecord' };
        if (code === 'EEXIST') continue;
        throw error;
      }
      await lock.assertHeld();
      await fs.rm(from);
      return { kind: 'setAside', file: name };
    }
    throw new Error('no free name to set the record aside');
  });
  return done.kind === 'done' ? done.value : done;
}

export type StatusOutcome =
  /** `changed`: the status differs from the one recorded before (or none was). */
  | { readonly kind: 'updated'; readonly record: SubmissionRecord; readonly changed: boolean }
  | { readonly kind: 'notSubmitted' }
  | { readonly kind: 'failed'; readonly error: ApiError }
  | LockBusy
  | { readonly kind: 'recordBroken'; readonly reason: RecordProblem };

/**
 * Asks tilbago for the case's status, then keeps it in the freshest record, under the case lock, changing only
 * `status`. The request itself is made without the lock, so a slow answer holds no one up.
 */
export async function refreshCaseStatus(
  folder: string,
  client: { caseStatus(caseId: string): Promise<ApiResult<CaseStatus>> },
  now: Date,
  lockWaitMs = 3000,
): Promise<StatusOutcome> {
  const first = await readRecord(folder);
  if (isBroken(first)) return { kind: 'recordBroken', reason: first.broken };
  if (!first?.caseId) return { kind: 'notSubmitted' };
  const caseId = first.caseId;
  const answer = await client.caseStatus(caseId);
  if (!answer.ok) return { kind: 'failed', error: answer.error };
  const status: StatusRecord = { ...answer.value, checkedAt: now.toISOString() };
  for (const deadline = Date.now() + lockWaitMs; ; ) {
    const done = await withCaseLock(folder, 'refresh', async (lock): Promise<StatusOutcome> => {
      const fresh = await readRecord(folder);
      if (isBroken(fresh)) return { kind: 'recordBroken', reason: fresh.broken };
      if (fresh?.caseId !== caseId) return { kind: 'notSubmitted' };
      const record: SubmissionRecord = { ...fresh, status, updatedAt: now.toISOString() };
      await saveRecord(folder, record, lock);
      return { kind: 'updated', record, changed: !sameStatus(fresh.status, status) };
    });
    if (done.kind === 'done') return done.value;
    if (done.state !== 'held' || Date.now() >= deadline) return done;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function sameStatus(before: CaseStatus | undefined, after: CaseStatus): boolean {
  return (
    before !== undefined &&
    before.statusCode === after.statusCode &&
    before.description === after.description &&
    before.eSchKGCode === after.eSchKGCode
  );
}
