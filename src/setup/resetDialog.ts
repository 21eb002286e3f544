// Reset to defaults asks first: which of the target's values go, which stay unless the user asks for everything.
import * as vscode from 'vscode';
import { SETTINGS_FILES } from '../settings/settingsFiles';
import type { SettingsTarget } from '../settings/targets';
import { resetFields } from './contract';
import type { FormField, FormValues } from './fields';
import { formFieldNames, letterLanguageName } from './formStrings';

/**
 * The fields to remove from the target's file, as the user chose in a modal dialog; undefined when nothing is to
 * be removed (nothing set there, Cancel, or "Open the settings file", which opens it).
 */
export async function askWhatToReset(
  target: SettingsTarget,
  values: FormValues,
  setAtTarget: Readonly<Record<FormField, boolean>>,
): Promise<readonly FormField[] | undefined> {
  const { reset: reminder, kept } = resetFields(setAtTarget);
  if (reminder.length + kept.length === 0) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('The {0} hold no tilbago reminder or folder value: nothing to reset.', target.label),
    );
    return undefined;
  }
  const list = (fields: readonly FormField[]) => fields.map((field) => `• ${describeSetValue(field, values)}`).join('\n');
  // VS Code focuses a modal's first button and lets no extension focus Cancel: the first one removes nothing.
  // Reset keeps the cases folder and the creditor; only "Reset everything" removes them too.
  const open = vscode.l10n.t('Open the settings file');
  const reset = vscode.l10n.t('Reset');
  const everything = vscode.l10n.t('Reset everything');
  const detail = [
    ...(reminder.length ? [list(reminder)] : []),
    ...(kept.length
      ? [
          reminder.length
            ? vscode.l10n.t('Kept, unless you choose "{0}":', everything)
            : vscode.l10n.t('Removed only if you choose "{0}":', everything),
          list(kept),
        ]
      : []),
    '',
    vscode.l10n.t('The values inherited from other settings, or the defaults, apply again.'),
  ];
  const answer = await vscode.window.showWarningMessage(
    vscode.l10n.t('Remove these tilbago values from the {0}?', target.label),
    { modal: true, detail: detail.join('\n') },
    open,
    ...(reminder.length ? [reset] : []),
    ...(kept.length ? [everything] : []),
  );
  if (answer === open) await vscode.commands.executeCommand(SETTINGS_FILES[target.kind].openCommand);
  return answer === reset ? reminder : answer === everything ? [...reminder, ...kept] : undefined;
}

/** One value that Reset would remove, as the user recognises it. */
function describeSetValue(field: FormField, values: FormValues): string {
  switch (field) {
    case 'daysAfterSecondReminder':
      return vscode.l10n.t('Days after the 2nd reminder: {0}', values.daysAfterSecondReminder);
    case 'daysBeforeCollection':
      return vscode.l10n.t('Days before collection: {0}', values.daysBeforeCollection);
    case 'letterDe':
    case 'letterFr':
    case 'letterIt':
    case 'letterEn':
      return vscode.l10n.t('Your {0} letter of the 3rd reminder ({1} characters)', letterLanguageName(field), values[field].length);
    case 'casesFolder':
      return vscode.l10n.t('The cases folder: {0}', values.casesFolder);
    default:
      // The creditor fields, by the form's own names for them, in the display language.
      return `${formFieldNames()[field]}: ${values[field]}`;
  }
}
