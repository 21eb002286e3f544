// `submission.json`, the record of a case's submission: its shape, and reading and checking it as found on disk.
// Writing it is the submission's (submission.ts).
import type { ReadProblem, TextRead } from '../../shared/boundedRead';
import { isPlainFileName, MAX_ATTACHMENTS } from './attachments';
import { withoutBom } from './caseFile';
import { readCaseFolderText } from './caseFolderRead';
import { SUBMISSION_FILE } from './files';
import { isCaseId } from '../../tilbago/caseId';
import type { ApiError, CaseStatus } from '../../tilbago/client';

/**
 * - `sending`: a request was about to go out; found like this later, the process died during it.
 * - `notCreated`: the request never reached tilbago, or tilbago refused the key, the balance, or too many requests
 *   (429): safe to retry.
 * - `refused`: tilbago refused this case.json (its message is kept); tried again once case.json has changed.
 * - `uncertain`: no clear answer (time-out, reset, server error): tilbago may have created the case.
 * - `duplicate`: tilbago already has a case with this reference (409); its case id must be entered by hand.
 * - `created`: tilbago has the case (caseId); attachments may still be missing.
 * - `complete`: the case and every attachment are at tilbago.
 */
export type SubmissionState = 'sending' | 'notCreated' | 'refused' | 'uncertain' | 'duplicate' | 'created' | 'complete';

/** `sending` and `uncertain` attachments may be at tilbago: they are sent again only after the user confirms. */
export type AttachmentState = 'pending' | 'sending' | 'sent' | 'failed' | 'uncertain';

export interface RecordedError {
  readonly at: string;
  readonly error: ApiError;
}

export interface AttachmentRecord {
  /** A plain file name in `attachments/`. */
  readonly file: string;
  readonly bytes: number;
  readonly sha256: string;
  readonly state: AttachmentState;
  /** When it was last sent, or about to be. */
  readonly attemptedAt?: string;
  readonly attachmentId?: string;
  /** `sent` because the user found it in the tilbago account after an attempt without a clear answer. */
  readonly foundAtTilbagoAt?: string;
  readonly lastError?: RecordedError;
}

export interface StatusRecord extends CaseStatus {
  readonly checkedAt: string;
}

export interface SubmissionRecord {
  readonly version: 2;
  /** The case this record belongs to: nothing is sent when `case.json` names another. */
  readonly externalRef: string;
  readonly state: SubmissionState;
  readonly caseId?: string;
  /** SHA-256 of `case.json` as last sent, so a refused case is sent again only once it has changed. */
  readonly caseSha256?: string;
  readonly attemptStartedAt: string;
  readonly submittedAt?: string;
  readonly updatedAt: string;
  readonly attachments: readonly AttachmentRecord[];
  readonly lastError?: RecordedError;
  readonly status?: StatusRecord;
  /** The case lock's generation that wrote this record: a holder with an older one may not write it any more. */
  readonly lockGeneration?: number;
}

const STATES: readonly SubmissionState[] = ['sending', 'notCreated', 'refused', 'uncertain', 'duplicate', 'created', 'complete'];
const ATTACHMENT_STATES: readonly AttachmentState[] = ['pending', 'sending', 'sent', 'failed', 'uncertain'];
const ERROR_KINDS: readonly ApiError['kind'][] = [
  'unauthorized',
  'invalidKey',
  'insufficientBalance',
  'busy',
  'unreachable',
  'timeout',
  'unexpected',
  'invalidAnswer',
];

/** Why a submission.json is not a record to go by: it cannot be read, it is not JSON, or not a record of ours. */
export type RecordProblem = ReadProblem | { readonly code: 'notJson'; readonly detail: string } | { readonly code: 'notARecord' };

export type RecordRead = SubmissionRecord | undefined | { readonly broken: RecordProblem };

/** Reads `submission.json`: undefined when there is none; the problem when it is not a record this extension wrote. */
export async function readRecord(folder: string): Promise<RecordRead> {
  return recordFrom(await readCaseFolderText(folder, SUBMISSION_FILE));
}

/** The record a read of submission.json gives (`readCaseFolderText`, or its synchronous twin). */
export function recordFrom(read: TextRead): RecordRead {
  if ('missing' in read) return undefined;
  if ('problem' in read) return { broken: read.problem };
  try {
    const record = upgrade(JSON.parse(withoutBom(read.text)));
    return record && isRecord(record) ? record : { broken: { code: 'notARecord' } };
  } catch (error) {
    return { broken: { code: 'notJson', detail: (error as Error).message } };
  }
}

/** A record as read from disk: every field is checked before it is trusted. */
// biome-ignore lint/suspicious/noExplicitAny: parsed JSON, checked field by field below
type Unchecked = any;

/** Version 1 (the first release) kept errors as sentences; they are kept as tilbago's message. */
function upgrade(value: Unchecked): unknown {
  if (value?.version !== 1) return value;
  const error = (old: unknown) =>
    old && typeof old === 'object' && typeof (old as { message?: unknown }).message === 'string'
      ? {
          at: String((old as { at?: unknown }).at ?? ''),
          error: { kind: 'unexpected', status: 0, message: (old as { message: string }).message },
        }
      : undefined;
  const { lastError, ...rest } = value;
  return {
    ...rest,
    version: 2,
    ...(error(lastError) ? { lastError: error(lastError) } : {}),
    attachments: Array.isArray(value.attachments)
      ? value.attachments.map((a: Unchecked) => {
          const { error: text, ...kept } = a ?? {};
          return typeof text === 'string'
            ? { ...kept, lastError: { at: value.updatedAt, error: { kind: 'unexpected', status: 0, message: text } } }
            : kept;
        })
      : value.attachments,
  };
}

function isRecord(record: Unchecked): record is SubmissionRecord {
  return (
    record?.version === 2 &&
    typeof record.externalRef === 'string' &&
    STATES.includes(record.state) &&
    (record.caseId === undefined || isCaseId(record.caseId)) &&
    ((record.state !== 'created' && record.state !== 'complete') || record.caseId !== undefined) &&
    typeof record.attemptStartedAt === 'string' &&
    (record.lockGeneration === undefined || (Number.isSafeInteger(record.lockGeneration) && record.lockGeneration >= 0)) &&
    (record.lastError === undefined || isRecordedError(record.lastError)) &&
    Array.isArray(record.attachments) &&
    record.attachments.length <= 10 * MAX_ATTACHMENTS &&
    record.attachments.every(
      (a: Unchecked) =>
        isPlainFileName(a?.file) &&
        ATTACHMENT_STATES.includes(a.state) &&
        Number.isSafeInteger(a.bytes) &&
        typeof a.sha256 === 'string' &&
        (a.lastError === undefined || isRecordedError(a.lastError)),
    ) &&
    new Set(record.attachments.map((a: AttachmentRecord) => a.file)).size === record.attachments.length
  );
}

function isRecordedError(value: Unchecked): value is RecordedError {
  return typeof value?.at === 'string' && ERROR_KINDS.includes(value.error?.kind);
}

export function isBroken(record: RecordRead): record is { readonly broken: RecordProblem } {
  return record !== undefined && 'broken' in record;
}
