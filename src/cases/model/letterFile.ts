// The name of a case's 3rd reminder letter in `attachments/`: what it is, in the debtor's language, and the
// invoice it is for (`3e-rappel-2026-0142.pdf`). A letter is never written over: the next free name is
// `3e-rappel-2026-0142-2.pdf`, then `-3`, and so on; and the letters a case holds.
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { type IsoDate, today } from '../../shared/dates';
import type { Language } from '../../shared/languages';
import { isPlainFileName, listAttachmentFiles } from './attachments';
import { ATTACHMENTS_FOLDER } from './files';

/** "3rd reminder" as the start of a file name, in each language. */
export const LETTER_FILE_PREFIXES: Record<Language, string> = {
  en: '3rd-reminder',
  fr: '3e-rappel',
  de: '3-mahnung',
  it: '3-richiamo',
};

/** How many numbered names are tried before giving up: far more letters than one case will ever have. */
export const MAX_LETTER_NUMBER = 999;

const MAX_INVOICE_PART = 60;

/**
 * `3e-rappel-2026-0142.pdf`: the prefix of the language and the invoice number, its characters other than
 * letters, digits, `.`, `_` and `-` made `-` (so `F/2026 031` → `F-2026-031`), at most 60 of them.
 */
export function letterFileName(language: Language, invoiceNumber: string): string {
  const invoice = invoiceNumber
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/-{2,}/g, '-')
    .slice(0, MAX_INVOICE_PART)
    .replace(/^[-.]+|[-.]+$/g, '');
  const name = invoice ? `${LETTER_FILE_PREFIXES[language]}-${invoice}.pdf` : `${LETTER_FILE_PREFIXES[language]}.pdf`;
  return isPlainFileName(name) ? name : `${LETTER_FILE_PREFIXES[language]}.pdf`;
}

/** The `n`th name for a letter: the name itself for 1, then `name-2.pdf`, `name-3.pdf`. */
export function numberedFileName(name: string, n: number): string {
  if (n <= 1) return name;
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)}-${n}${name.slice(dot)}` : `${name}-${n}`;
}

/**
 * The names to try for a new letter, in order, leaving out those `taken` (the attachments `submission.json`
 * records, sent or about to be: a file of that name must never change under the record). Whether a file of
 * that name exists is asked when it is written (an exclusive create), not here, so two writers cannot both win.
 */
export function* candidateFileNames(name: string, taken: ReadonlySet<string>): Generator<string> {
  for (let n = 1; n <= MAX_LETTER_NUMBER; n++) {
    const candidate = numberedFileName(name, n);
    if (!taken.has(candidate)) yield candidate;
  }
}

/** The first name neither taken nor existing (`exists`): the name the next letter gets. */
export function nextFreeFileName(name: string, taken: ReadonlySet<string>, exists: (name: string) => boolean): string | undefined {
  for (const candidate of candidateFileNames(name, taken)) if (!exists(candidate)) return candidate;
  return undefined;
}

const LETTER_NAME = new RegExp(`^(?:${Object.values(LETTER_FILE_PREFIXES).join('|')})(?:-[A-Za-z0-9._-]+)?\\.pdf$`);

/** Whether a file in `attachments/` is a 3rd reminder letter as the extension names them, in any language. */
export function isLetterFileName(name: string): boolean {
  return LETTER_NAME.test(name);
}

/** The 3rd reminder letters in a case's attachments/, with the day each was made. */
export async function lettersIn(folder: string): Promise<{ readonly file: string; readonly madeOn: IsoDate }[]> {
  const listed = await listAttachmentFiles(folder);
  if (!('files' in listed)) return [];
  const letters = listed.files.filter(isLetterFileName);
  return Promise.all(
    letters.map(async (file) => ({ file, madeOn: today(await fs.stat(path.join(folder, ATTACHMENTS_FOLDER, file)).then((s) => s.mtime)) })),
  );
}
