// Where the setup form saves: the User settings, the Workspace settings, or one folder of a multi-root workspace.
// Reads the form's values at a target and writes them there; writes touch only the form's own tilbago.* keys, and
// of those only the ones the user changed.
import * as vscode from 'vscode';
import type { TilbagoConfiguration } from '../settings/configuration';
import type { SettingsFile } from '../settings/settingsFiles';
import { FORM_FIELDS, SETTING_OF_FIELD, type BrokenValue, type FormField, type FormValues, type SaveTarget } from './contract';
import { perField } from './fields';
import { SETTINGS, SETTINGS_SECTION, type SettingKey } from '../settings/schema';
import * as path from 'node:path';
import { editSettingsFile, SETTINGS_FILE_LIMIT, type SettingsFileProblem, type SettingsPath, withSettings } from '../settings/settingsFile';
import { log } from '../ui/log';

interface ResolvedTarget extends SaveTarget {
  readonly configurationTarget: vscode.ConfigurationTarget;
  readonly level: SettingsFile;
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
  const values = perField((row) => read(row.field)) as FormValues;

  const setAtTarget = Object.fromEntries(FORM_FIELDS.map((field) => [field, isSetAt(config, field, target)])) as Record<FormField, boolean>;
  return { values, setAtTarget, broken };
}

/**
 * Writes the given values at the target, and only those: a field the user did not change is never written, so a
 * value changed by hand meanwhile stays. `{ remove }` removes those form values there (Reset to defaults). Resolves
 * once VS Code reads the new values.
 */
export async function writeAtTarget(
  target: ResolvedTarget,
  changes: Partial<FormValues> | { readonly remove: readonly FormField[] },
): Promise<void> {
  const config = configurationFor(target);
  const removing = 'remove' in changes ? changes.remove : undefined;
  const edits: Partial<FormValues> = removing ? {} : (changes as Partial<FormValues>);
  const fields = removing
    ? FORM_FIELDS.filter((field) => removing.includes(field) && isSetAt(config, field, target))
    : FORM_FIELDS.filter((field) => Object.hasOwn(edits, field));
  const values = fields.flatMap((field) => {
    const key = SETTING_OF_FIELD[field];
    const value = edits[field];
    return value !== undefined || isSetAt(config, field, target) ? [[key, value] as const] : [];
  });
  await writeValues(target, values);
}

/** Writes values at a target: in one write of its settings file when it can, else one `update` each. */
async function writeValues(target: ResolvedTarget, values: readonly (readonly [SettingKey, unknown])[]): Promise<void> {
  if (values.length === 0 || (await writeSettingsFile(target, values))) return;
  const config = configurationFor(target);
  for (const [key, value] of values) await config.update(key, value, target.configurationTarget);
}

/**
 * Several values in one write of the target's settings file, where VS Code's `update` writes the file once per
 * value (about 0.1 s each), and keeps every byte outside them (see settingsFile.ts). Only for a file the extension
 * can see and no editor holds unsaved edits of; false otherwise, and VS Code's own `update` does it (and says what
 * stands in the way). A file it will not edit (a link, not a settings object, …) is refused with the reason, never
 * handed to `update`, which would write through the link or reword the file. Each value is set, or removed when
 * undefined.
 */
async function writeSettingsFile(target: ResolvedTarget, values: readonly (readonly [SettingKey, unknown])[]): Promise<boolean> {
  const file = settingsFileOf(target);
  if (!file || vscode.workspace.textDocuments.some((d) => d.uri.toString() === file.uri.toString() && d.isDirty)) return false;
  let read: Promise<void> | undefined;
  const outcome = await editSettingsFile(
    file.uri.fsPath,
    file.base,
    (text) =>
      withSettings(
        text,
        file.at,
        values.map(([key, value]) => [`${SETTINGS_SECTION}.${key}`, value] as const),
      ),
    () => {
      read = configurationShows(target, values);
    },
  );
  if (outcome.kind === 'refused') {
    log().warn(`Setup form: ${file.uri.fsPath} not edited: ${JSON.stringify(outcome.problem)}.`);
    throw new Error(describeSettingsFileProblem(outcome.problem, file.uri.fsPath));
  }
  await read;
  return outcome.kind !== 'leftToVsCode';
}

function describeSettingsFileProblem(problem: SettingsFileProblem, file: string): string {
  switch (problem.kind) {
    case 'link':
      return vscode.l10n.t(
        '{0} is a link to {1}; the setup form does not write through a link. Nothing was saved: edit the file it links to, or replace the link by a file.',
        problem.file,
        problem.target,
      );
    case 'notAFile':
      return vscode.l10n.t('{0} is not an ordinary file (a folder, a pipe or a device). Nothing was saved.', file);
    case 'tooLarge':
      return vscode.l10n.t(
        '{0} is larger than {1} MB, too large for a settings file. Nothing was saved.',
        file,
        SETTINGS_FILE_LIMIT / 1024 / 1024,
      );
    case 'changedMeanwhile':
      return vscode.l10n.t('{0} was changed while the form saved. Nothing was saved: save again.', file);
    case 'syntax':
      return vscode.l10n.t(
        '{0} has a syntax error on line {1}. Nothing was saved: open the file, correct it, then save again.',
        file,
        problem.line,
      );
    case 'notAnObject':
      return vscode.l10n.t(
        '{0} does not hold an object of settings but a JSON {1}. Nothing was saved: open the file and correct it.',
        file,
        problem.found,
      );
    case 'settingsNotAnObject':
      return vscode.l10n.t(
        'The "settings" of {0} are not an object but a JSON {1}. Nothing was saved: open the file and correct it.',
        file,
        problem.found,
      );
  }
}

/**
 * The file VS Code keeps a target's values in, where in it, and the folder below which no link is followed;
 * undefined for the User settings (not ours to find).
 */
function settingsFileOf(
  target: ResolvedTarget,
): { readonly uri: vscode.Uri; readonly at: SettingsPath; readonly base: string } | undefined {
  const workspaceFile = vscode.workspace.workspaceFile;
  if (target.kind === 'workspace' && workspaceFile)
    return workspaceFile.scheme === 'file' ? { uri: workspaceFile, at: ['settings'], base: path.dirname(workspaceFile.fsPath) } : undefined;
  if (target.kind === 'user' || target.folder?.uri.scheme !== 'file') return undefined;
  return { uri: vscode.Uri.joinPath(target.folder.uri, '.vscode', 'settings.json'), at: [], base: target.folder.uri.fsPath };
}

/** Resolves once VS Code reads these values at the target (it reloads a settings file it sees change), or after 5 s. */
function configurationShows(target: ResolvedTarget, values: readonly (readonly [SettingKey, unknown])[]): Promise<void> {
  const shown = () =>
    values.every(([key, value]) => JSON.stringify(ownValue(configurationFor(target), key, target)) === JSON.stringify(value));
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    };
    const subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SETTINGS_SECTION) && shown()) done();
    });
    const timer = setTimeout(() => {
      log().warn('Setup form: VS Code did not read the saved settings within 5 s.');
      done();
    }, 5000);
  });
}

function ownValue(config: vscode.WorkspaceConfiguration, key: SettingKey, target: ResolvedTarget): unknown {
  const info = config.inspect(key);
  return target.kind === 'user' ? info?.globalValue : target.kind === 'workspace' ? info?.workspaceValue : info?.workspaceFolderValue;
}

/** Whether the target's own settings file holds a value for the field. */
function isSetAt(config: vscode.WorkspaceConfiguration, field: FormField, target: ResolvedTarget): boolean {
  return ownValue(config, SETTING_OF_FIELD[field], target) !== undefined;
}
