// Which settings file: the one vocabulary of the reader, the warnings and the setup panel. `folder` is one folder's
// `.vscode/settings.json` in a multi-root workspace; with a single folder open, that file is what VS Code calls the
// Workspace settings, so it is `workspace`.
export type SettingsFile = 'user' | 'workspace' | 'folder';

/** VS Code's command that opens each file in the editor. */
export const OPEN_SETTINGS_FILE_COMMAND: Readonly<Record<SettingsFile, string>> = {
  user: 'workbench.action.openSettingsJson',
  workspace: 'workbench.action.openWorkspaceSettingsFile',
  folder: 'workbench.action.openFolderSettingsFile',
};
