// The context keys that tell the walkthrough (and `when` clauses) where the setup really stands: set from the
// state itself, not from a command having run.
import * as vscode from 'vscode';

export const CONTEXT_KEYS = {
  /** An API key is stored on this machine. */
  apiKeySet: 'tilbago.apiKeySet',
  /** A cases folder is set for the workspace (or the user). */
  casesFolderChosen: 'tilbago.casesFolderChosen',
  /** tilbago accepted the stored key at the last Test connection. */
  connectionAccepted: 'tilbago.connectionAccepted',
} as const;

export function setContextKey(key: (typeof CONTEXT_KEYS)[keyof typeof CONTEXT_KEYS], value: boolean): void {
  void vscode.commands.executeCommand('setContext', key, value);
}
