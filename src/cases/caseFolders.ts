// Where the cases are: the cases folders in use, their case folders, and the case a command is about.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SetupProgress } from '../ui/setupProgress';
import type { ApiKeyStore } from '../apiKey/store';
import type { TilbagoConfiguration } from '../settings/configuration';
import { CASE_FILE } from './model/files';
import { stageOf, type CaseStage } from './model/stage';
import { listCaseFolders, type CaseFolderSummary } from './model/listing';
import type { SubmissionRecord } from './model/record';
import { today } from '../shared/dates';
import { stateLabel } from './treeItems';

export interface CaseServices {
  readonly configuration: TilbagoConfiguration;
  readonly apiKey: ApiKeyStore;
  /** Where the extension is installed (its schemas/, for the copy beside the case files). */
  readonly extensionPath: string;
  /** Fired after a command changed a case folder, so views can follow. */
  readonly casesChanged: vscode.EventEmitter<void>;
  /** The workspace's state: which cases folders were warned about Git. */
  readonly state: vscode.Memento;
  /** The walkthrough's ticks: told the outcome of each Test connection. */
  readonly setupProgress: SetupProgress;
}

export async function allCaseFolders(configuration: TilbagoConfiguration) {
  return (await Promise.all(configuration.casesFolders().map((folder) => listCaseFolders(folder)))).flat();
}

/** Every case of every cases folder with its stage today, by the delays in effect for its folder. */
export async function stagedCaseFolders(
  configuration: TilbagoConfiguration,
  /** How a cases folder is listed: `listCaseFolders`, or the view's cache and worker. */
  list: (casesFolder: string) => Promise<CaseFolderSummary[]> = (casesFolder) => listCaseFolders(casesFolder),
  day = today(),
): Promise<{ readonly summary: CaseFolderSummary; readonly stage: CaseStage }[]> {
  const staged = await Promise.all(
    configuration.casesFolders().map(async (casesFolder) => {
      const delays = configuration.read(vscode.Uri.file(casesFolder)).thirdReminder;
      return (await list(casesFolder)).map((summary) => ({ summary, stage: stageOf(summary, delays, day) }));
    }),
  );
  return staged.flat();
}

/** The Uri a case command was given: a Uri, or the cases view's case node (its `folderUri`). */
export function argumentUri(argument: unknown): vscode.Uri | undefined {
  const uri = argument instanceof vscode.Uri ? argument : (argument as { folderUri?: unknown } | undefined)?.folderUri;
  return uri instanceof vscode.Uri ? uri : undefined;
}

/**
 * A case folder from a command argument (a Uri of the folder or its case.json, or a tree item), the active editor, or
 * a pick among the case folders whose record `filter` accepts (every one unless told).
 */
export async function resolveCaseFolder(
  configuration: TilbagoConfiguration,
  argument: unknown,
  placeHolder: string,
  filter: (record?: SubmissionRecord) => boolean = () => true,
) {
  const uri = argumentUri(argument);
  if (uri) return path.basename(uri.fsPath) === CASE_FILE ? path.dirname(uri.fsPath) : uri.fsPath;
  const active = vscode.window.activeTextEditor?.document.uri;
  if (active?.scheme === 'file' && path.basename(active.fsPath) === CASE_FILE) return path.dirname(active.fsPath);
  const candidates = (await allCaseFolders(configuration)).filter((c) => filter(c.record));
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage(
      vscode.l10n.t('There is no case folder to choose from. Make one with "Tilbago: New debt-collection case".'),
    );
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    candidates.map((c) => ({
      label: c.name,
      description: c.record ? stateLabel(c.record) : vscode.l10n.t('not submitted'),
      folder: c.folder,
    })),
    { placeHolder },
  );
  return picked?.folder;
}
