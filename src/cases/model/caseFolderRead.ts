// How the JSON files of a case folder are read: at most MAX_JSON_FILE_BYTES, regular files only, as UTF-8 (a BOM
// dropped). case.json and reminders.json are the user's own files, and a link among them (a file kept elsewhere in
// the cases folder) is followed to a regular file inside the cases folder, nowhere else. submission.json is the
// extension's, written by rename, which never leaves a link: a link there was put by someone else, and following
// it could give two case folders one record, so none is followed. A file the extension also writes
// (`followLinks: false`) is never read through a link either.
import * as path from 'node:path';
import { readTextBounded, readTextBoundedSync, type ReadProblem, type ReadRules, type TextRead } from '../../shared/boundedRead';
import { type CASE_FILE, MAX_JSON_FILE_BYTES, type REMINDERS_FILE, SUBMISSION_FILE } from './files';

export type CaseFolderJson = typeof CASE_FILE | typeof REMINDERS_FILE | typeof SUBMISSION_FILE;

/** A file of a case folder that could not be read, and why. */
export interface FileReadProblem {
  readonly file: string;
  readonly problem: ReadProblem;
}

/** The rules for a JSON file of a case folder; the cases folder is the case folder's parent. */
export function caseFolderReadRules(folder: string, name: CaseFolderJson, followLinks = name !== SUBMISSION_FILE): ReadRules {
  return followLinks ? { cap: MAX_JSON_FILE_BYTES, linksWithin: path.dirname(folder) } : { cap: MAX_JSON_FILE_BYTES };
}

export function readCaseFolderText(folder: string, name: CaseFolderJson, followLinks?: boolean): Promise<TextRead> {
  return readTextBounded(path.join(folder, name), caseFolderReadRules(folder, name, followLinks));
}

export function readCaseFolderTextSync(folder: string, name: CaseFolderJson): TextRead {
  return readTextBoundedSync(path.join(folder, name), caseFolderReadRules(folder, name));
}
