// The settings files one can write to: the User settings, the Workspace settings, and each folder's in a multi-root
// workspace. Reads what a target's own file holds; writing is settings/write.ts.
import * as vscode from 'vscode';
import { SETTINGS_SECTION, type SettingKey, valueSetIn } from './schema';
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

/** The tilbago configuration as seen from the target: a folder's includes the workspace's and the user's values. */
export function configurationAt(target: SettingsTarget): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(SETTINGS_SECTION, target.kind === 'folder' ? target.folder?.uri : undefined);
}

/** The value the target's own file holds for the key (undefined: not set there). */
export function valueSetAt(target: SettingsTarget, key: SettingKey, config = configurationAt(target)): unknown {
  return valueSetIn(target.kind, config.inspect(key));
}
