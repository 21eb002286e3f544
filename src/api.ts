// The public API that `activate()` returns, for other extensions and local invoicing integrations:
//
//   const api = await vscode.extensions.getExtension<TilbagoApi>('swiss-invoicing.tilbago-debt-collection')!.activate();
//
// It never exposes the API key, only whether one is set.
import type * as vscode from 'vscode';
import type { Reminder3Settings } from './core/settings';

export type { Reminder3Settings };

/** A workspace folder, or a file or folder inside one. */
export type SettingsScope = vscode.WorkspaceFolder | vscode.Uri;

export interface TilbagoSettings {
  readonly reminder3: Reminder3Settings;
  /** Absolute path of the folder for the cases' files; `undefined` when not set, or relative with no folder to resolve it. */
  readonly casesFolder: string | undefined;
  /** Where tilbago's API is reached; taken from the user's settings only. */
  readonly apiBaseUrl: string;
}

export type TilbagoChange =
  | { readonly kind: 'apiKey' }
  | {
      readonly kind: 'settings';
      /** Whether the change touches the settings of this folder or file (all of them when omitted). */
      affects(scope?: SettingsScope): boolean;
    };

export interface TilbagoApi {
  readonly apiVersion: 1;
  /**
   * The effective settings after validation: a broken or out-of-range value is replaced by a safe one
   * (and the user is warned), exactly as the extension itself uses them. Without a scope: the only open
   * folder, or the workspace level when several are open.
   */
  getSettings(scope?: SettingsScope): TilbagoSettings;
  /** Whether an API key is stored on this machine. */
  isApiKeySet(): Promise<boolean>;
  /** Fires when a `tilbago.*` setting changes or the API key is set or removed. */
  readonly onDidChange: vscode.Event<TilbagoChange>;
}
