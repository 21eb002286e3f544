// Asks whether a cases folder is kept out of Git: `git check-ignore` when Git may be run (no shell), else the
// `.gitignore` files read conservatively; and adds the folder's line to the repository's `.gitignore`.
import { execFile } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { certainlyIgnored, findWorkingTree, type IgnoreFile, ignoreLine, pathInRepository, withIgnoreLine } from './model/gitIgnore';

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
    const text = await fs.readFile(path.join(root, ...dir.split('/').filter(Boolean), '.gitignore'), 'utf8').catch(() => undefined);
    if (text !== undefined) files.push({ dir, text });
  }
  return { state: certainlyIgnored(files, relative) ? 'ignored' : 'exposed', root, byGit: false };
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

/** Appends the cases folder's line to the root's `.gitignore` (made if missing); returns the line and the file. */
export async function addToGitignore(root: string, casesFolder: string): Promise<{ line: string; file: string }> {
  const line = ignoreLine(root, await realFolder(casesFolder));
  if (!line) throw new Error(`${casesFolder} is not inside ${root}`);
  const file = path.join(root, '.gitignore');
  const text = await fs.readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  // Appended, never rewritten: the lines there stay byte for byte.
  await fs.appendFile(file, withIgnoreLine(text, line).slice((text ?? '').length));
  return { line, file };
}
