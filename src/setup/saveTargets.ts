// Where the setup form saves: the User settings, the Workspace settings, or one folder of a multi-root workspace.
// Reads the form's values at a target and writes them there; writes touch only the form's own tilbago.* keys, and
// of those only the ones the user changed.
import * as vscode from 'vscode';
import type { TilbagoConfiguration, Level } from '../settings/configuration';
import { FORM_FIELDS, SETTING_OF_FIELD, type BrokenValue, type FormField, type FormValues, type SaveTarget } from './contract';
import { SETTINGS, SETTINGS_SECTION } from '../settings/schema';

interface ResolvedTarget extends SaveTarget {
  readonly configurationTarget: vscode.ConfigurationTarget;
  readonly level: Level;
  /** The folder a relative cases folder is resolved against. */
  readonly folder: vscode.WorkspaceFolder | undefined;
}

/** The targets, the default first: the folders of a multi-root workspace, else the workspace when a folder is open; then User. */
export function saveTargets(): ResolvedTarget[] {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const user: ResolvedTarget = {
    id: 'user',
    kind: 'user',
    label: vscode.l10n.t('User settings'),
    configurationTarget: vscode.ConfigurationTarget.Global,
    level: 'user',
    folder: folders.length === 1 ? folders[0] : undefined,
  };
  if (folders.length === 0) return [user];
  const workspace: ResolvedTarget = {
    id: 'workspace',
    kind: 'workspace',
    label: vscode.l10n.t('Workspace settings'),
    configurationTarget: vscode.ConfigurationTarget.Workspace,
    level: 'workspace',
    folder: folders.length === 1 ? folders[0] : undefined,
  };
  if (!vscode.workspace.workspaceFile) return [workspace, user];
  const perFolder = folders.map(
    (folder): ResolvedTarget => ({
      id: `folder:${folder.uri.toString()}`,
      kind: 'folder',
      label: vscode.l10n.t('Folder settings: {0}', folder.name),
      configurationTarget: vscode.ConfigurationTarget.WorkspaceFolder,
      level: 'folder',
      folder,
    }),
  );
  return [...perFolder, workspace, user];
}

export function findTarget(id: string): ResolvedTarget | undefined {
  return saveTargets().find((target) => target.id === id);
}

/** Strips a target to what the webview may know. */
export function publicTarget({ id, kind, label }: ResolvedTarget): SaveTarget {
  return { id, kind, label };
}

function configurationFor(target: ResolvedTarget): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(SETTINGS_SECTION, target.kind === 'folder' ? target.folder?.uri : undefined);
}

/** The values in effect at a target, which of them are set at the target itself, and those the file holds broken. */
export function readAtTarget(configuration: TilbagoConfiguration, target: ResolvedTarget) {
  const config = configurationFor(target);
  const broken: Partial<Record<FormField, BrokenValue>> = {};
  const read = <F extends FormField>(field: F): FormValues[F] => {
    const key = SETTING_OF_FIELD[field];
    const checked = configuration.inspectChecked(config, key, target.folder, target.level);
    if (checked.broken) {
      const { raw, origin, problem } = checked.broken;
      // The day counts are shown as written; a text could hold something pasted by mistake, so it is not repeated.
      const written = SETTINGS[key].type === 'integer' ? (JSON.stringify(raw) ?? String(raw)).slice(0, 40) : undefined;
      broken[field] = { ...(written === undefined ? {} : { written }), origin, problem };
    }
    return checked.value as FormValues[F];
  };
  const values: FormValues = {
    daysAfterSecondReminder: read('daysAfterSecondReminder'),
    daysBeforeCollection: read('daysBeforeCollection'),
    letterDe: read('letterDe'),
    letterFr: read('letterFr'),
    letterIt: read('letterIt'),
    letterEn: read('letterEn'),
    text: read('text'),
    casesFolder: read('casesFolder'),
    creditorName: read('creditorName'),
    creditorStreet: read('creditorStreet'),
    creditorBuildingNumber: read('creditorBuildingNumber'),
    creditorPostalCode: read('creditorPostalCode'),
    creditorTown: read('creditorTown'),
    creditorCountry: read('creditorCountry'),
    creditorAccount: read('creditorAccount'),
    creditorIbanReference: read('creditorIbanReference'),
  };
  const setAtTarget = Object.fromEntries(FORM_FIELDS.map((field) => [field, isSetAt(config, field, target)])) as Record<FormField, boolean>;
  return { values, setAtTarget, broken };
}

/**
 * Writes the given values at the target, and only those: a field the user did not change is never written, so a
 * value changed by hand meanwhile stays. `'reset'` removes every form value there (Reset to defaults).
 */
export async function writeAtTarget(target: ResolvedTarget, changes: Partial<FormValues> | 'reset'): Promise<void> {
  const config = configurationFor(target);
  for (const field of FORM_FIELDS) {
    if (changes === 'reset') {
      if (isSetAt(config, field, target)) await config.update(SETTING_OF_FIELD[field], undefined, target.configurationTarget);
    } else if (Object.hasOwn(changes, field)) {
      // The old single letter, once moved into a language's letter, leaves the file rather than stay as "".
      const value = field === 'text' && changes.text === '' ? undefined : changes[field];
      await config.update(SETTING_OF_FIELD[field], value, target.configurationTarget);
    }
  }
}

/** Whether the target's own settings file holds a value for the field. */
function isSetAt(config: vscode.WorkspaceConfiguration, field: FormField, target: ResolvedTarget): boolean {
  const info = config.inspect(SETTING_OF_FIELD[field]);
  const own = target.kind === 'user' ? info?.globalValue : target.kind === 'workspace' ? info?.workspaceValue : info?.workspaceFolderValue;
  return own !== undefined;
}
