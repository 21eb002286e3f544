// The way to tilbago: a client for the settings in effect and the stored key. The key goes into the client and
// nowhere else.
import * as vscode from 'vscode';
import type { ApiKeyStore } from '../apiKey/store';
import type { TilbagoConfiguration } from '../settings/configuration';
import { describeSettingProblem } from '../settings/problemWords';
import { SETTINGS_SECTION } from '../settings/schema';
import { TilbagoClient } from './client';

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
    void vscode.window.showErrorMessage(
      vscode.l10n.t(
        'Nothing was sent, and the API key stays on this machine: {0}.',
        `"${SETTINGS_SECTION}.apiBaseUrl" ${describeSettingProblem(address.problem)}`,
      ),
    );
    return undefined;
  }
  return new TilbagoClient({ baseUrl: address.url, apiKey: key, timeoutMs: configuration.read().requestTimeoutSeconds * 1000 });
}
