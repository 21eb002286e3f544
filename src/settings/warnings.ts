// The settings' words: why a value is not used, where it is written, and the warning shown once per broken value.
// Loaded when a value is found broken or a message names a setting's problem, not at activation.
import * as vscode from 'vscode';
import type { Origin } from './configuration';
import { LETTER_SETTINGS, SETTINGS_SECTION, type SettingKey, type SettingProblem } from './schema';
import { log } from '../ui/log';

function describeOrigin(origin: Origin, folder: vscode.WorkspaceFolder | undefined): string {
  switch (origin) {
    case 'user':
      return vscode.l10n.t('your User settings');
    case 'workspace':
      return vscode.l10n.t('the Workspace settings');
    case 'workspaceFolder':
      return vscode.l10n.t('the settings of folder "{0}"', folder?.name ?? '?');
  }
}

export function describeSettingProblem(problem: SettingProblem): string {
  switch (problem.reason) {
    case 'wrongType':
      return problem.expected === 'integer' ? vscode.l10n.t('must be a whole number') : vscode.l10n.t('must be text in quotes');
    case 'notWholeNumber':
      return vscode.l10n.t('must be a whole number');
    case 'outOfRange':
      return vscode.l10n.t('must be between {0} and {1}', problem.minimum, problem.maximum);
    case 'tooLong':
      return vscode.l10n.t('is longer than {0} characters', problem.maxLength);
    case 'controlCharacters':
      return vscode.l10n.t('contains control characters');
    case 'invalidUrl':
      return vscode.l10n.t('is not a valid https:// address');
    case 'notAChoice':
      return vscode.l10n.t('must be one of {0}', problem.values.map((value) => `"${value}"`).join(', '));
    case 'insecureUrl':
      return vscode.l10n.t('must start with https:// (http:// is allowed only for 127.0.0.1 and localhost)');
    case 'queryOrFragment':
      return vscode.l10n.t('must not contain "?" or "#": the requests would go to the root of the host, not to the API');
    case 'ibanFormat':
      return vscode.l10n.t('is not an IBAN: CH or LI, 2 check digits, then 17 letters or digits');
    case 'ibanCountry':
      return vscode.l10n.t('is not a Swiss or Liechtenstein account: a QR-bill takes only IBANs starting with CH or LI');
    case 'ibanCheckDigit':
      return vscode.l10n.t('has wrong IBAN check digits: probably a typing error');
  }
}

/** Why a setting's value is not used, in words ("must be a whole number"), for other messages than the warning. */
function describeValue(key: SettingKey, value: number | string): string {
  if (value === '' && (LETTER_SETTINGS as readonly string[]).includes(key)) return vscode.l10n.t('the built-in letter');
  if (value === '' && key.startsWith('creditor.')) return vscode.l10n.t('no value');
  if (value === '') return vscode.l10n.t('no folder');
  return typeof value === 'number' ? String(value) : `"${value}"`;
}

const SETTINGS_FILE_COMMAND: Record<Origin, string> = {
  user: 'workbench.action.openSettingsJson',
  workspace: 'workbench.action.openWorkspaceSettingsFile',
  workspaceFolder: 'workbench.action.openFolderSettingsFile',
};

/** A broken value found by a read: the setting, the file it is written in, and the value used instead. */
export interface SettingWarning {
  readonly key: SettingKey;
  readonly origin: Origin;
  readonly folder: vscode.WorkspaceFolder | undefined;
  readonly problem: SettingProblem;
  readonly used: number | string;
}

/** Logs the warning and shows it with a button that opens the settings file it is in. */
export function warnAboutSetting({ key, origin, folder, problem, used }: SettingWarning): void {
  // The broken value itself is not repeated: a string setting could hold something pasted by mistake.
  const message = vscode.l10n.t(
    'The setting "{0}" in {1} {2}. Using {3} instead; your settings file was not changed.',
    `${SETTINGS_SECTION}.${key}`,
    describeOrigin(origin, folder),
    describeSettingProblem(problem),
    describeValue(key, used),
  );
  log().warn(message);
  const open = vscode.l10n.t('Open Settings File');
  void vscode.window.showWarningMessage(message, open).then((answer) => {
    if (answer === open) void vscode.commands.executeCommand(SETTINGS_FILE_COMMAND[origin]);
  });
}
