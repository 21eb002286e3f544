// The files of a case folder, by name.
export const CASE_FILE = 'case.json';
export const SUBMISSION_FILE = 'submission.json';
export const ATTACHMENTS_FOLDER = 'attachments';
export const REMINDERS_FILE = 'reminders.json';
/** Held while a submission, a status refresh or a case id entry changes the case's record. */
export const LOCK_FILE = 'submission.lock';

/**
 * The `$schema` the extension writes into a case's files: the schemas in the repository, at a stable address, so a
 * developer's own tools (and any editor) can check the files they write. The same schemas are in the extension
 * (`schemas/`), which VS Code uses for a file without `$schema`.
 */
const SCHEMAS_BASE = 'https://raw.githubusercontent.com/swiss-invoicing/tilbago-debt-collection/main/schemas/';
export const CASE_SCHEMA_URL = `${SCHEMAS_BASE}case.schema.json`;
export const REMINDERS_SCHEMA_URL = `${SCHEMAS_BASE}reminders.schema.json`;
