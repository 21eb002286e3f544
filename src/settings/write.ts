// Writes tilbago settings at a target: in one edit of its settings file when it can (settingsFile.ts), else through
// VS Code's `update`; resolves once VS Code reads the new values. Only the keys given are touched.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { log } from '../ui/log';
import { SETTINGS_SECTION, type SettingKey } from './schema';
import { editSettingsFile, SETTINGS_FILE_LIMIT, type SettingsFileProblem, type SettingsPath, withSettings } from './settingsFile';
import { SETTINGS_FILES } from './settingsFiles';
import { configurationAt, valueSetAt } from './configuration';
import type { SettingsTarget } from './targets';

/** A key and its new value; `undefined` removes the key from the target's file. */
export type SettingWrite = readonly [key: SettingKey, value: unknown];

/**
 * Writes the values at the target, each set, or removed when undefined (a removal of a key the file does not hold
 * is no write at all). Throws, with the reason in the display language, when the file is one it will not edit.
 */
export async function writeSettings(target: SettingsTarget, writes: readonly SettingWrite[]): Promise<void> {
  const config = configurationAt(target);
  const values = writes.filter(([key, value]) => value !== undefined || valueSetAt(target, key, config) !== undefined);
  if (values.length === 0 || (await writeSettingsFile(target, values))) return;
  for (const [key, value] of values) await config.update(key, value, SETTINGS_FILES[target.kind].configurationTarget);
}

/**
 * Several values in one write of the target's settings file, where VS Code's `update` writes the file once per
 * value (about 0.1 s each), and keeps every byte outside them (see settingsFile.ts). Only for a file the extension
 * can see and no editor holds unsaved edits of; false otherwise, and VS Code's own `update` does it (and says what
 * stands in the way). A file it will not edit (a link, not a settings object, …) is refused with the reason, never
 * handed to `update`, which would write through the link or reword the file.
 */
async function writeSettingsFile(target: SettingsTarget, values: readonly SettingWrite[]): Promise<boolean> {
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
  target: SettingsTarget,
): { readonly uri: vscode.Uri; readonly at: SettingsPath; readonly base: string } | undefined {
  const workspaceFile = vscode.workspace.workspaceFile;
  if (target.kind === 'workspace' && workspaceFile)
    return workspaceFile.scheme === 'file' ? { uri: workspaceFile, at: ['settings'], base: path.dirname(workspaceFile.fsPath) } : undefined;
  if (target.kind === 'user' || target.folder?.uri.scheme !== 'file') return undefined;
  return { uri: vscode.Uri.joinPath(target.folder.uri, '.vscode', 'settings.json'), at: [], base: target.folder.uri.fsPath };
}

/** Resolves once VS Code reads these values at the target (it reloads a settings file it sees change), or after 5 s. */
function configurationShows(target: SettingsTarget, values: readonly SettingWrite[]): Promise<void> {
  const shown = () => values.every(([key, value]) => JSON.stringify(valueSetAt(target, key)) === JSON.stringify(value));
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
