// Reads the tilbago settings through the core checks, and warns once about each broken value (the words of the
// warning, warnings.ts, load when a value is found broken). It never writes: a broken value in the user's file
// stays as the user left it.
import * as os from 'node:os';
import * as vscode from 'vscode';
import { resolveCasesFolder } from './casesFolder';
import type { SettingsFile } from './settingsFiles';
import type { SettingsTarget } from './targets';
import {
  checkSetting,
  CREDITOR_SETTINGS,
  type CreditorSettingValues,
  levelsRead,
  SETTINGS_SECTION,
  type ThirdReminderSettings,
  type SettingKey,
  type SettingProblem,
  type SettingValue,
  valueInEffect,
  valueSetIn,
} from './schema';
import type { SettingsScope, TilbagoSettings } from '../api';

/** A value set in a file that cannot be used: the raw value, the file that holds it, and why. */
export interface BrokenSetting {
  readonly raw: unknown;
  readonly origin: SettingsFile;
  readonly problem: SettingProblem;
}

/** One setting at a settings target: its checked value in effect there, whether the target's own file sets it, and what is broken. */
export interface SettingAtTarget<K extends SettingKey> {
  readonly value: SettingValue<K>;
  readonly setHere: boolean;
  readonly broken?: BrokenSetting;
}

interface RawValue {
  readonly value: unknown;
  /** The settings file that holds it, as the user knows it. */
  readonly origin?: SettingsFile;
}

/**
 * The value that wins at a level and where it comes from. Machine-scoped settings count only from the user's
 * settings, and restricted ones too when the workspace is not trusted (`inspect` reports workspace values regardless).
 */
/** `level`: how far down a read looks: a folder sees its own, the workspace's and the user's values; the user only theirs. */
function rawValue(config: vscode.WorkspaceConfiguration, key: SettingKey, level: SettingsFile = 'folder'): RawValue {
  const picked = valueInEffect(levelsRead(key, level, vscode.workspace.isTrusted), config.inspect(key));
  if (picked.level === undefined) return { value: undefined };
  return { value: picked.value, origin: originOf(picked.level) };
}

/** The file a level's value is in, as the user knows it. */
function originOf(level: SettingsFile): SettingsFile {
  // With a single folder open, its .vscode/settings.json is what VS Code calls the Workspace settings.
  return level === 'folder' && !vscode.workspace.workspaceFile ? 'workspace' : level;
}

export class TilbagoConfiguration implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.ConfigurationChangeEvent>();
  /** Fires when any `tilbago.*` setting changes, at any level. */
  readonly onDidChange = this.changed.event;
  private readonly warned = new Set<string>();
  private readonly subscription: vscode.Disposable;

  constructor() {
    this.subscription = vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration(SETTINGS_SECTION)) return;
      // Check every folder right away, so a broken hand edit is reported when it is made.
      for (const folder of vscode.workspace.workspaceFolders ?? [undefined]) this.read(folder);
      this.changed.fire(e);
    });
  }

  /** The cases folders in use: one per workspace folder (or the user's), without repeats. */
  casesFolders(): string[] {
    const scopes = vscode.workspace.workspaceFolders ?? [undefined];
    const folders = scopes.map((scope) => this.read(scope).casesFolder).filter((f): f is string => f !== undefined);
    return [...new Set(folders)];
  }

  /**
   * Whether a cases folder is written in the settings of any workspace folder (or the user's). Only the value as
   * written, without the checks of `read` and their warnings: cheap enough to ask right after activation.
   */
  isCasesFolderSet(): boolean {
    return (vscode.workspace.workspaceFolders ?? [undefined]).some(
      (folder) => !!vscode.workspace.getConfiguration(SETTINGS_SECTION, folder).get<string>('casesFolder')?.trim(),
    );
  }

  /** The effective, checked settings for a folder (or a file in it); the workspace level when none is given. */
  read(scope?: SettingsScope): TilbagoSettings {
    const { config, folder } = configurationFor(scope);
    const get = <K extends SettingKey>(key: K): SettingValue<K> => this.checked(config, key, folder);
    const casesFolder = resolveCasesFolder(get('casesFolder'), folder?.uri.fsPath, os.homedir());
    return Object.freeze({
      thirdReminder: Object.freeze({
        daysAfterSecondReminder: get('thirdReminder.daysAfterSecondReminder'),
        daysBeforeCollection: get('thirdReminder.daysBeforeCollection'),
        letters: Object.freeze({
          de: get('thirdReminder.germanLetter'),
          fr: get('thirdReminder.frenchLetter'),
          it: get('thirdReminder.italianLetter'),
          en: get('thirdReminder.englishLetter'),
        }),
        defaultLanguage: get('thirdReminder.defaultLanguage') as ThirdReminderSettings['defaultLanguage'],
      }),
      casesFolder: casesFolder.kind === 'resolved' ? casesFolder.path : undefined,
      apiBaseUrl: get('apiBaseUrl'),
      requestTimeoutSeconds: get('requestTimeoutSeconds'),
      creditor: Object.freeze(
        Object.fromEntries(Object.entries(CREDITOR_SETTINGS).map(([field, key]) => [field, get(key)])) as unknown as CreditorSettingValues,
      ),
    });
  }

  /**
   * Where the key may be sent: the configured address, or why it may not be used. Unlike `read()`, a broken
   * address does not fall back to the default here: the key goes exactly where the user said, or nowhere.
   */
  apiBaseUrl(): { readonly url: string } | { readonly problem: SettingProblem } {
    const raw = rawValue(vscode.workspace.getConfiguration(SETTINGS_SECTION), 'apiBaseUrl');
    const checked = checkSetting('apiBaseUrl', raw.value);
    return checked.problem ? { problem: checked.problem } : { url: checked.value };
  }

  /**
   * The broken value of one setting where the scope reads it (warned about once), undefined when it is fine: for
   * a command that names what stands in its way.
   */
  brokenValue(key: SettingKey, scope?: SettingsScope): BrokenSetting | undefined {
    const { config, folder } = configurationFor(scope);
    return this.inspectChecked(config, key, folder).broken;
  }

  /**
   * These settings at a target, for a form that shows the value in effect beside the one in the file (see
   * `SettingAtTarget`). Reads only.
   */
  atTarget<K extends SettingKey>(target: SettingsTarget, keys: readonly K[]): Record<K, SettingAtTarget<K>> {
    const config = configurationAt(target);
    const at = (key: K): SettingAtTarget<K> => ({
      ...this.inspectChecked(config, key, target.folder, target.kind),
      setHere: valueSetAt(target, key, config) !== undefined,
    });
    return Object.fromEntries(keys.map((key) => [key, at(key)])) as Record<K, SettingAtTarget<K>>;
  }

  /** The checked value of one setting at a level (warning once if it is broken). */
  private checked<K extends SettingKey>(
    config: vscode.WorkspaceConfiguration,
    key: K,
    folder: vscode.WorkspaceFolder | undefined,
    level: SettingsFile = 'folder',
  ): SettingValue<K> {
    return this.inspectChecked(config, key, folder, level).value;
  }

  /** Like `checked`, and when the value set in a file is broken, also that raw value, where it is set and why it is not used. */
  private inspectChecked<K extends SettingKey>(
    config: vscode.WorkspaceConfiguration,
    key: K,
    folder: vscode.WorkspaceFolder | undefined,
    level: SettingsFile = 'folder',
  ): { readonly value: SettingValue<K>; readonly broken?: BrokenSetting } {
    const raw = rawValue(config, key, level);
    const checked = checkSetting(key, raw.value);
    if (!checked.problem || !raw.origin) return { value: checked.value };
    this.warnOnce(key, raw, checked.problem, checked.value, folder);
    return { value: checked.value, broken: { raw: raw.value, origin: raw.origin, problem: checked.problem } };
  }

  private warnOnce(
    key: SettingKey,
    raw: RawValue,
    problem: SettingProblem,
    used: number | string,
    folder: vscode.WorkspaceFolder | undefined,
  ): void {
    const origin = raw.origin as SettingsFile;
    const fingerprint = JSON.stringify([key, origin, folder?.uri.toString(), String(raw.value).slice(0, 200)]);
    if (this.warned.has(fingerprint)) return;
    this.warned.add(fingerprint);

    const warning = { key, origin, folder, problem, used };
    void import('./warnings').then((words) => words.warnAboutSetting(warning));
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

/** The configuration a scope reads, and the workspace folder it is in. */
function configurationFor(scope: SettingsScope | undefined) {
  const folder = folderOf(scope);
  return { config: vscode.workspace.getConfiguration(SETTINGS_SECTION, folder?.uri ?? (scope as vscode.Uri | undefined)), folder };
}

function folderOf(scope: SettingsScope | undefined): vscode.WorkspaceFolder | undefined {
  if (scope === undefined) {
    const folders = vscode.workspace.workspaceFolders;
    return folders?.length === 1 ? folders[0] : undefined;
  }
  return 'uri' in scope ? scope : vscode.workspace.getWorkspaceFolder(scope);
}

/** The tilbago configuration as seen from the target: a folder's includes the workspace's and the user's values. */
export function configurationAt(target: SettingsTarget): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(SETTINGS_SECTION, target.kind === 'folder' ? target.folder?.uri : undefined);
}

/** The value the target's own file holds for the key (undefined: not set there). */
export function valueSetAt(target: SettingsTarget, key: SettingKey, config = configurationAt(target)): unknown {
  return valueSetIn(target.kind, config.inspect(key));
}
