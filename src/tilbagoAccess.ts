// The way to tilbago: a client for the settings in effect and the stored key, and every API error in words a
// person can act on. The key goes into the client and nowhere else.
import * as vscode from 'vscode';
import type { ApiKeyStore } from './apiKeyStore';
import type { TilbagoConfiguration } from './configuration';
import { TilbagoClient, type ApiError } from './core/tilbagoClient';

/** A client, or undefined (and the user told why) when no key is set or the API address may not be used. */
export async function clientOrOfferKey(configuration: TilbagoConfiguration, apiKey: ApiKeyStore): Promise<TilbagoClient | undefined> {
  const key = await apiKey.read();
  if (key === undefined) {
    const set = vscode.l10n.t('Set API key');
    const answer = await vscode.window.showWarningMessage(vscode.l10n.t('No tilbago API key is set. Set one first.'), set);
    if (answer === set) await vscode.commands.executeCommand('tilbago.setApiKey');
    return undefined;
  }
  const address = configuration.apiBaseUrl();
  if ('problem' in address) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Nothing was sent, and the API key stays on this machine: {0}.', address.problem));
    return undefined;
  }
  return new TilbagoClient({ baseUrl: address.url, apiKey: key, timeoutMs: configuration.read().requestTimeoutSeconds * 1000 });
}

export function describeApiError(error: ApiError): string {
  switch (error.kind) {
    case 'unauthorized':
      return vscode.l10n.t('tilbago refused the API key (401). Check it in your tilbago account and set it again.');
    case 'invalidKey':
      return vscode.l10n.t('The stored API key has characters a tilbago key does not have; nothing was sent. Set the key again.');
    case 'insufficientBalance':
      return vscode.l10n.t('The balance of your tilbago account is insufficient (402). Top it up on tilbago, then try again.');
    case 'timeout':
      return vscode.l10n.t('tilbago at {0} did not answer within {1} s.', error.host, error.seconds);
    case 'unreachable':
      return vscode.l10n.t('tilbago at {0} could not be reached ({1}).', error.host, error.cause);
    case 'unexpected':
      return error.message
        ? vscode.l10n.t('tilbago answered with an error ({0}): {1}', error.status, error.message)
        : vscode.l10n.t('tilbago answered with an unexpected status ({0}).', error.status);
    case 'invalidAnswer':
      return vscode.l10n.t('tilbago gave an answer this extension does not understand ({0}).', error.detail);
  }
}
