// The "tilbago" output channel, created on first use so activation stays free of work.
// Never log the API key, and nothing derived from it beyond `apiKeyHint`.
import * as vscode from 'vscode';

let channel: vscode.LogOutputChannel | undefined;

export function log(): vscode.LogOutputChannel {
  channel ??= vscode.window.createOutputChannel('tilbago', { log: true });
  return channel;
}

export function disposeLog(): void {
  channel?.dispose();
  channel = undefined;
}
