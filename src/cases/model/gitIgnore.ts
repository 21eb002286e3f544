// Whether a cases folder lies in a Git working tree, and the `.gitignore` line that keeps it out (pure: the file
// checks are injected). The cases hold debtors' names, addresses and amounts, which must not be committed.
import * as path from 'node:path';

/**
 * The Git working tree holding `folder`: the nearest folder upwards with a `.git` (a folder, or a file in a linked
 * worktree or a submodule); undefined when there is none.
 */
export async function findWorkingTree(
  folder: string,
  hasGitEntry: (gitPath: string) => boolean | Promise<boolean>,
): Promise<string | undefined> {
  let dir = path.resolve(folder);
  for (;;) {
    if (await hasGitEntry(path.join(dir, '.git'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** The folder's path below the root, with `/` between its parts; undefined when it is the root or outside it. */
export function pathInRepository(root: string, folder: string): string | undefined {
  const relative = path.relative(path.resolve(root), path.resolve(folder));
  if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/');
}

/**
 * The `.gitignore` line for the folder: anchored at the root (`/cases/`), a folder only, with the characters
 * `.gitignore` reads as patterns escaped, so it ignores that folder and nothing else (starting with `/`, the line
 * is never read as a comment or a negation).
 */
export function ignoreLine(root: string, folder: string): string | undefined {
  const relative = pathInRepository(root, folder);
  if (relative === undefined) return undefined;
  const escaped = relative.replace(/[\\*?[\]]/g, '\\$&').replace(/ $/, '\\ ');
  return `/${escaped}/`;
}

/** `.gitignore` with the line added at its end: the lines there are kept as they are; a file missing is made. */
export function withIgnoreLine(text: string | undefined, line: string): string {
  const before = text ?? '';
  return `${before}${before && !before.endsWith('\n') ? '\n' : ''}${line}\n`;
}

export interface IgnoreFile {
  /** The folder of the `.gitignore`, below the root (`''` for the root's), with `/` between parts. */
  readonly dir: string;
  readonly text: string;
}

/**
 * Without Git, whether the `.gitignore` files certainly ignore the folder (`relative`, below the root). Only plain
 * names and paths count (`cases`, `/cases/`, `private/`); a pattern with wildcards, or any `!` that could take a
 * path back, leaves it uncertain, which counts as not ignored: the warning then says "may not be ignored".
 */
export function certainlyIgnored(files: readonly IgnoreFile[], relative: string): boolean {
  const lines = files.flatMap((file) =>
    file.text
      .split(/\r?\n/)
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'))
      .map((line) => ({ dir: file.dir, line })),
  );
  if (lines.some(({ line }) => line.startsWith('!'))) return false;
  const parts = relative.split('/');
  return lines.some(({ dir, line }) => {
    if (/[*?[\\]/.test(line)) return false;
    const pattern = line.replace(/\/+$/, '');
    if (!pattern) return false;
    const below = dir ? (relative.startsWith(`${dir}/`) ? relative.slice(dir.length + 1).split('/') : undefined) : parts;
    if (!below) return false;
    if (pattern.includes('/')) {
      // Anchored at the .gitignore's folder: that path, or one of the folders above ours.
      const anchored = pattern.replace(/^\//, '').split('/');
      return anchored.length <= below.length && anchored.every((part, i) => part === below[i]);
    }
    // A plain name matches a folder of that name at any depth below the .gitignore.
    return below.includes(pattern);
  });
}
