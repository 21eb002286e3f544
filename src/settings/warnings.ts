// The warning shown once per broken value: where it is written, what is used instead (what is wrong with it, in
// words: problemWords.ts).
import * as vscode from 'vscode';
import { SETTINGS_FILES, type SettingsFile, settingsFileLabel } from './settingsFiles';
import { LETTER_SETTINGS, SETTINGS_SECTION, type SettingKey, type SettingProblem } from './schema';
import { log } from '../ui/log';
import { describeSettingProblem } from './problemWords';

/** Why a setting's value is not used, in words ("must be a whole number"), for other messages than the warning. */
function describeValue(key: SettingKey, value: number | string): string {
  if (value === '' && (LETTER_SETTINGS as readonly string[]).includes(key)) return vscode.l10n.t('the built-in letter');
  if (value === '' && key.startsWith('creditor.')) return vscode.l10n.t('no value');
  if (value === '') return vscode.l10n.t('no folder');
  return typeof value === 'number' ? String(value) : `"${value}"`;
}

/** A broken value found by a read: the setting, the file it is written in, and the value used instead. */
export interface SettingWarning {
  readonly key: SettingKey;
  readonly origin: SettingsFile;
  readonly folder: vscode.WorkspaceFolder | undefined;
  readonly problem: SettingProblem;
  readonly used: number | string;
}

/** Logs the warning and shows it with a button that opens the settings file it is in. */
export function warnAboutSetting({ key, origin, folder, problem, used }: SettingWarning): void {
  // The broken value itself is not repeated: a string setting could hold something pasted by mistake.
  const message = vscode.l10n.t(
    'The setting "{0}" in the {1} {2}. Using {3} instead; your settings file was not changed.',
    `${SETTINGS_SECTION}.${key}`,
    settingsFileLabel(origin, folder?.name),
    describeSettingProblem(problem),
    describeValue(key, used),
  );
  log().warn(message);
  const open = vscode.l10n.t('Open Settings File');
  void vscode.window.showWarningMessage(message, open).then((answer) => {
    if (answer === open) void vscode.commands.executeCommand(SETTINGS_FILES[origin].openCommand);
  });
}
