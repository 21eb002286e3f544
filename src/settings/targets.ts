// The settings files one can write to: the User settings, the Workspace settings, and each folder's in a multi-root
// workspace. What a target's file holds is read by configuration.ts, written by write.ts.
import * as vscode from 'vscode';
import { type SettingsFile, settingsFileLabel } from './settingsFiles';

export interface SettingsTarget {
  readonly id: string;
  readonly kind: SettingsFile;
  readonly label: string;
  /** The folder its values apply to, against which a relative cases folder is resolved; none across several folders. */
  readonly folder: vscode.WorkspaceFolder | undefined;
}

/** The targets, the default first: the folders of a multi-root workspace, else the workspace when a folder is open; then User. */
export function settingsTargets(): SettingsTarget[] {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const onlyFolder = folders.length === 1 ? folders[0] : undefined;
  const user: SettingsTarget = { id: 'user', kind: 'user', label: settingsFileLabel('user'), folder: onlyFolder };
  if (folders.length === 0) return [user];
  const workspace: SettingsTarget = { id: 'workspace', kind: 'workspace', label: settingsFileLabel('workspace'), folder: onlyFolder };
  if (!vscode.workspace.workspaceFile) return [workspace, user];
  const perFolder = folders.map(
    (folder): SettingsTarget => ({
      id: `folder:${folder.uri.toString()}`,
      kind: 'folder',
      label: settingsFileLabel('folder', folder.name),
      folder,
    }),
  );
  return [...perFolder, workspace, user];
}

export function findSettingsTarget(id: string): SettingsTarget | undefined {
  return settingsTargets().find((target) => target.id === id);
}
