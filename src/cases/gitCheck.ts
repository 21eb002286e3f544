// Asks whether a cases folder is kept out of Git: `git check-ignore` when Git may be run (no shell), else the
// `.gitignore` files read conservatively; and adds the folder's line to the repository's `.gitignore`.
import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { type FileProblem, FileRefused, openNoLink, readNoLink } from '../shared/noLinkFile';
import { certainlyIgnored, findWorkingTree, type IgnoreFile, ignoreLine, ignoreLineAppendix, pathInRepository } from './model/gitIgnore';

export type GitExposure = 'ignored' | 'exposed' | 'noRepository';

export interface GitExposureCheck {
  readonly state: GitExposure;
  /** The working tree's root, when there is one. */
  readonly root?: string;
  /** Git itself answered; false when its `.gitignore` files were read instead ("exposed" then means "may be"). */
  readonly byGit: boolean;
}

export interface GitCheckOptions {
  /**
   * Whether Git may be run: not in an untrusted workspace, whose repository configuration could make Git run a
   * program of its choosing.
   */
  readonly useGit: boolean;
  /** The Git program (tests give one that does not exist, to take the path without Git). */
  readonly git?: string;
}

const exists = (file: string) =>
  fs.lstat(file).then(
    () => true,
    () => false,
  );

/** The folder with its links resolved, as Git sees it; for a folder not made yet, its parent's. */
async function realFolder(folder: string): Promise<string> {
  const resolved = path.resolve(folder);
  return (
    (await fs.realpath(resolved).catch(() => undefined)) ??
    (await fs.realpath(path.dirname(resolved)).then(
      (parent) => path.join(parent, path.basename(resolved)),
      () => resolved,
    ))
  );
}

export async function checkGitExposure(casesFolder: string, options: GitCheckOptions): Promise<GitExposureCheck> {
  const folder = await realFolder(casesFolder);
  const root = await findWorkingTree(folder, exists);
  const relative = root === undefined ? undefined : pathInRepository(root, folder);
  if (root === undefined || relative === undefined) return { state: 'noRepository', byGit: false };
  if (options.useGit) {
    const ignored = await gitCheckIgnore(options.git ?? 'git', root, folder);
    if (ignored !== undefined) return { state: ignored ? 'ignored' : 'exposed', root, byGit: true };
  }
  // The .gitignore of the root and of each folder down to the cases folder's parent.
  const dirs = [
    '',
    ...relative
      .split('/')
      .slice(0, -1)
      .map((_, i, parts) => parts.slice(0, i + 1).join('/')),
  ];
  const files: IgnoreFile[] = [];
  for (const dir of dirs) {
    const text = await readIgnoreFile(path.join(root, ...dir.split('/').filter(Boolean), '.gitignore'));
    // One that cannot be read could hold a line that takes the folder back: unsure.
    if (text === 'unreadable') return { state: 'exposed', root, byGit: false };
    if (text !== undefined) files.push({ dir, text });
  }
  return { state: certainlyIgnored(files, relative) ? 'ignored' : 'exposed', root, byGit: false };
}

/** A `.gitignore` is a few kilobytes; past this, the check without Git is unsure. */
const IGNORE_FILE_LIMIT = 1024 * 1024;

/** The text of a `.gitignore` as Git reads it: none when missing or a link (Git does not follow it). */
async function readIgnoreFile(file: string): Promise<string | undefined | 'unreadable'> {
  try {
    return (await readNoLink(file, IGNORE_FILE_LIMIT))?.bytes.toString('utf8');
  } catch (error) {
    return error instanceof FileRefused && error.problem.kind === 'link' ? undefined : 'unreadable';
  }
}

/** True: ignored; false: not ignored; undefined: Git could not say (not installed, or it failed). */
function gitCheckIgnore(git: string, root: string, folder: string): Promise<boolean | undefined> {
  return new Promise((resolve) => {
    execFile(
      git,
      // No file-system monitor: a repository's configuration could name a program for it.
      ['-c', 'core.fsmonitor=false', 'check-ignore', '-q', '--', folder],
      { cwd: root, timeout: 10_000, windowsHide: true },
      (error) => resolve(error ? (error.code === 1 ? false : undefined) : true),
    );
  });
}

/** What can refuse the line: the open of .gitignore (nothing is read from it), or the cases folder's path. */
export type GitignoreProblem = Extract<FileProblem, { kind: 'link' | 'notAFile' }> | { readonly kind: 'notInside' | 'lineBreak' };

export type GitignoreOutcome =
  | { readonly kind: 'added'; readonly line: string; readonly file: string }
  | { readonly kind: 'refused'; readonly file: string; readonly problem: GitignoreProblem };

/**
 * Appends the cases folder's line to the root's `.gitignore` (made if missing): appended, never rewritten, so the
 * lines there stay byte for byte. Refused for a `.gitignore` that is a link (Git does not read it: the folder would
 * stay exposed while the user is told it is ignored), a FIFO, a device or a folder, and a path with a line break.
 */
export async function addToGitignore(root: string, casesFolder: string): Promise<GitignoreOutcome> {
  const file = path.join(root, '.gitignore');
  const made = ignoreLine(root, await realFolder(casesFolder));
  if ('problem' in made) return { kind: 'refused', file, problem: { kind: made.problem } };
  try {
    const { handle, stat } = await openNoLink(file, constants.O_RDWR | constants.O_APPEND | constants.O_CREAT, 0o666);
    try {
      const last = Buffer.alloc(1);
      const { bytesRead } = stat.size ? await handle.read(last, 0, 1, stat.size - 1) : { bytesRead: 0 };
      await handle.write(ignoreLineAppendix(last.subarray(0, bytesRead).toString('latin1'), made.line));
    } finally {
      await handle.close();
    }
    return { kind: 'added', line: made.line, file };
  } catch (error) {
    const problem = error instanceof FileRefused ? error.problem : undefined;
    if (problem?.kind === 'link' || problem?.kind === 'notAFile') return { kind: 'refused', file, problem };
    throw error;
  }
}
