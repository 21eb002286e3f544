// What a tilbago case id looks like: checked in an answer, in a URL path and in a submission record, so apart from
// the client, which the record's reading does not need.

/** A case id as tilbago answers it; also what goes into a URL path, so nothing else is accepted (not `.` or `..`). */
const CASE_ID = /^(?!\.{1,2}$)[A-Za-z0-9._~-]{1,100}$/;

export function isCaseId(value: unknown): value is string {
  return typeof value === 'string' && CASE_ID.test(value);
}
