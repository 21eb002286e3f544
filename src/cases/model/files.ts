// The files of a case folder, by name.
export const CASE_FILE = 'case.json';
export const SUBMISSION_FILE = 'submission.json';
export const ATTACHMENTS_FOLDER = 'attachments';
export const REMINDERS_FILE = 'reminders.json';
/**
 * The most bytes case.json, reminders.json and submission.json may have: far more than any of them needs (a record
 * of 100 attachments is some 50 kB), and little enough that a file that is larger is refused before it is read.
 */
export const MAX_JSON_FILE_BYTES = 1024 * 1024;
/** Held while a submission, a status refresh or a case id entry changes the case's record. */
export const LOCK_FILE = 'submission.lock';

/**
 * The schemas' published addresses (their `$id`): the schemas in the repository, for a developer's own tools. */
const SCHEMAS_BASE = 'https://raw.githubusercontent.com/swiss-invoicing/tilbago-debt-collection/main/schemas/';
export const CASE_SCHEMA_URL = `${SCHEMAS_BASE}case.schema.json`;
export const REMINDERS_SCHEMA_URL = `${SCHEMAS_BASE}reminders.schema.json`;

/**
 * A copy of the schemas in each cases folder, which the case files name by a relative `$schema`: any editor checks
 * them offline, with the schema of the extension that wrote them, and no schema is put on another project's
 * `case.json` (the extension contributes none by file name).
 */
export const SCHEMAS_FOLDER = '.schemas';
export const SCHEMA_FILES = ['case.schema.json', 'reminders.schema.json'] as const;
export const CASE_SCHEMA_REF = `../${SCHEMAS_FOLDER}/case.schema.json`;
export const REMINDERS_SCHEMA_REF = `../${SCHEMAS_FOLDER}/reminders.schema.json`;
