// The "tilbago" output channel, created on first use so activation stays free of work.
// Never log the API key, and nothing derived from it beyond `apiKeyHint`.
import * as vscode from 'vscode';

// The feature bundles each carry a copy of this module; the channel lives on the global object so that all of
// them share one.
const SHARED = Symbol.for('tilbago.logChannel');
const holder = globalThis as { [SHARED]?: vscode.LogOutputChannel };

export function log(): vscode.LogOutputChannel {
  holder[SHARED] ??= vscode.window.createOutputChannel('tilbago', { log: true });
  return holder[SHARED];
}

export function disposeLog(): void {
  holder[SHARED]?.dispose();
  delete holder[SHARED];
}
