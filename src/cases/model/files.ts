// The files of a case folder, by name.
export const CASE_FILE = 'case.json';
export const SUBMISSION_FILE = 'submission.json';
export const ATTACHMENTS_FOLDER = 'attachments';
export const REMINDERS_FILE = 'reminders.json';
/** Held while a submission, a status refresh or a case id entry changes the case's record. */
export const LOCK_FILE = 'submission.lock';
