// Whether the cases folder can be used: it exists, is a folder, and can be written to.
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import { resolveCasesFolder } from '../settings/casesFolder';
import { formValueProblem, type FolderStatus } from './contract';

export function resolveForForm(configured: string, workspaceFolder: string | undefined) {
  return resolveCasesFolder(configured, workspaceFolder, os.homedir());
}

export async function casesFolderStatus(configured: string, workspaceFolder: string | undefined): Promise<FolderStatus> {
  if (formValueProblem('casesFolder', configured)) return { kind: 'invalid' };
  const resolved = resolveForForm(configured, workspaceFolder);
  if (resolved.kind !== 'resolved') return resolved;
  const path = resolved.path;
  try {
    const stat = await fs.stat(path);
    if (!stat.isDirectory()) return { kind: 'notAFolder', path };
    await fs.access(path, fs.constants.W_OK);
    return { kind: 'ok', path };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return { kind: 'missing', path };
    return code === 'ENOTDIR' ? { kind: 'notAFolder', path } : { kind: 'notWritable', path };
  }
}
