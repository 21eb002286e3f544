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

export type IgnoreLine = { readonly line: string } | { readonly problem: 'notInside' | 'lineBreak' };

/**
 * The `.gitignore` line for the folder: anchored at the root (`/cases/`), a folder only, with the characters
 * `.gitignore` reads as patterns escaped, so it ignores that folder and nothing else. Starting and ending with `/`,
 * the line is never a comment or a negation and its spaces are kept. A line break cannot be escaped in a
 * `.gitignore`: such a path has no line.
 */
export function ignoreLine(root: string, folder: string): IgnoreLine {
  const relative = pathInRepository(root, folder);
  if (relative === undefined) return { problem: 'notInside' };
  if (relative.includes('\n')) return { problem: 'lineBreak' };
  return { line: `/${relative.replace(/[\\*?[\]]/g, '\\$&')}/` };
}

/** What to append to a `.gitignore` whose last character is `lastCharacter` ('' when empty or missing): its other lines stay as they are. */
export function ignoreLineAppendix(lastCharacter: string, line: string): string {
  return `${lastCharacter && lastCharacter !== '\n' ? '\n' : ''}${line}\n`;
}

export interface IgnoreFile {
  /** The folder of the `.gitignore`, below the root (`''` for the root's), with `/` between parts. */
  readonly dir: string;
  readonly text: string;
}

/** One line of a `.gitignore`, read by Git's rules (`man gitignore`). */
interface Pattern {
  readonly dir: string;
  readonly negative: boolean;
  /** With a `/` before its end: matched against the path below its `.gitignore`'s folder; else against the name. */
  readonly anchored: boolean;
  /** The name or path it matches, escapes resolved; undefined when it holds a wildcard (`*`, `?`, `[`), not followed here. */
  readonly literal: string | undefined;
  /** A trailing lone backslash: Git matches nothing with it. */
  readonly matchesNothing: boolean;
}

/** Git's trim_trailing_spaces: spaces at the end go, unless the last is escaped with a backslash. */
function trimTrailingSpaces(line: string): string {
  let lastSpace = -1;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === ' ') {
      if (lastSpace < 0) lastSpace = i;
    } else {
      if (line[i] === '\\' && ++i >= line.length) return line;
      lastSpace = -1;
    }
  }
  return lastSpace < 0 ? line : line.slice(0, lastSpace);
}

function patternsOf({ dir, text }: IgnoreFile): Pattern[] {
  return text
    .replace(/^\ufeff/, '')
    .split('\n')
    .flatMap((raw): Pattern[] => {
      // A comment only when # is the line's first character; a CR before the line end is not part of the line.
      if (raw.startsWith('#')) return [];
      let line = trimTrailingSpaces(raw.endsWith('\r') ? raw.slice(0, -1) : raw);
      const negative = line.startsWith('!');
      if (negative) line = line.slice(1);
      // A trailing / means folders only: the cases folder is one, so it changes nothing else here.
      if (line.endsWith('/')) line = line.slice(0, -1);
      if (!line) return [];
      const anchored = line.includes('/');
      if (line.startsWith('/')) line = line.slice(1);
      let literal = '';
      let wildcard = false;
      for (let i = 0; i < line.length; i++) {
        if (line[i] === '\\') {
          if (++i >= line.length) return [{ dir, negative, anchored, literal: undefined, matchesNothing: true }];
          literal += line[i];
        } else if ('*?['.includes(line[i]!)) wildcard = true;
        else literal += line[i];
      }
      return [{ dir, negative, anchored, literal: wildcard ? undefined : literal, matchesNothing: false }];
    });
}

/** Whether the pattern matches the folder `folder` (below the root): yes, no, or maybe (a wildcard). */
function matches(pattern: Pattern, folder: string): 'yes' | 'no' | 'maybe' {
  if (pattern.dir && !folder.startsWith(`${pattern.dir}/`)) return 'no';
  if (pattern.matchesNothing) return 'no';
  if (pattern.literal === undefined) return 'maybe';
  const below = pattern.dir ? folder.slice(pattern.dir.length + 1) : folder;
  return (pattern.anchored ? below : below.slice(below.lastIndexOf('/') + 1)) === pattern.literal ? 'yes' : 'no';
}

/**
 * Without Git, whether the `.gitignore` files (the root's first, then each deeper one) certainly ignore the folder
 * (`relative`, below the root), by Git's rules: a folder is ignored when the last line matching it, or one of the
 * folders above it, excludes it (nothing inside an excluded folder can be taken back). Lines with wildcards are not
 * followed: one that could decide leaves it uncertain, which counts as not ignored, and the warning then says
 * "may not be ignored". Never "ignored" where Git would commit the folder.
 */
export function certainlyIgnored(files: readonly IgnoreFile[], relative: string): boolean {
  // A name Node could not decode may differ from the one Git compares byte for byte.
  if (relative.includes('\ufffd')) return false;
  const patterns = [...files].sort((a, b) => depth(a.dir) - depth(b.dir)).flatMap(patternsOf);
  const parts = relative.split('/');
  return parts.some((_, i) => {
    const folder = parts.slice(0, i + 1).join('/');
    for (let p = patterns.length - 1; p >= 0; p--) {
      const matched = matches(patterns[p]!, folder);
      if (matched === 'maybe') return false;
      if (matched === 'yes') return !patterns[p]!.negative;
    }
    return false;
  });
}

const depth = (dir: string) => (dir ? dir.split('/').length : 0);
