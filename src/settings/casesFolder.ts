// Resolves the `tilbago.casesFolder` setting: absolute, `~`-relative, or relative to the workspace folder.
import * as path from 'node:path';

export type CasesFolder =
  | { readonly kind: 'notSet' }
  | { readonly kind: 'resolved'; readonly path: string }
  | { readonly kind: 'needsWorkspaceFolder' };

export function resolveCasesFolder(configured: string, workspaceFolder: string | undefined, homeDir: string): CasesFolder {
  const value = configured.trim();
  if (value === '') return { kind: 'notSet' };
  if (value === '~' || value.startsWith('~/') || value.startsWith('~\\')) {
    return { kind: 'resolved', path: path.join(homeDir, value.slice(1)) };
  }
  if (path.isAbsolute(value)) return { kind: 'resolved', path: path.normalize(value) };
  if (workspaceFolder === undefined) return { kind: 'needsWorkspaceFolder' };
  return { kind: 'resolved', path: path.resolve(workspaceFolder, value) };
}

/**
 * How a folder picked in a dialog is written to the setting: relative (with `/`) when inside the workspace folder,
 * so the setting travels with the repository; absolute otherwise.
 */
export function storedCasesFolder(picked: string, workspaceFolder: string | undefined): string {
  if (workspaceFolder === undefined) return path.normalize(picked);
  const relative = path.relative(workspaceFolder, picked);
  if (relative === '') return '.';
  if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return path.normalize(picked);
  return relative.split(path.sep).join('/');
}
