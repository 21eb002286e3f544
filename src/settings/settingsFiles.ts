// Which settings file: the one vocabulary of the reader, the writer, the warnings and the setup panel. `folder` is
// one folder's `.vscode/settings.json` in a multi-root workspace; with a single folder open, that file is what
// VS Code calls the Workspace settings, so it is `workspace`.
import * as vscode from 'vscode';

export type SettingsFile = 'user' | 'workspace' | 'folder';

/** For each file: the target VS Code's `update` writes it as, and VS Code's command that opens it in the editor. */
export const SETTINGS_FILES: {
  readonly [F in SettingsFile]: { readonly configurationTarget: vscode.ConfigurationTarget; readonly openCommand: string };
} = {
  user: { configurationTarget: vscode.ConfigurationTarget.Global, openCommand: 'workbench.action.openSettingsJson' },
  workspace: { configurationTarget: vscode.ConfigurationTarget.Workspace, openCommand: 'workbench.action.openWorkspaceSettingsFile' },
  folder: { configurationTarget: vscode.ConfigurationTarget.WorkspaceFolder, openCommand: 'workbench.action.openFolderSettingsFile' },
};

/**
 * A settings file's name, as the target picker shows it and as sentences say it after "the" ("Saved to the {0}",
 * "in the {0}"); a folder's file with the folder's name.
 */
export function settingsFileLabel(file: SettingsFile, folderName = '?'): string {
  const labels: Record<SettingsFile, string> = {
    user: vscode.l10n.t('User settings'),
    workspace: vscode.l10n.t('Workspace settings'),
    folder: vscode.l10n.t('Folder settings ({0})', folderName),
  };
  return labels[file];
}
