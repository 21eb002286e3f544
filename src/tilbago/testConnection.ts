// "Tilbago: Test connection": does tilbago accept the stored key? Says which answer it got, in words, and returns
// it (undefined when nothing was asked: no key, or an address the key may not go to).
import * as vscode from 'vscode';
import { apiKeyHint } from '../apiKey/rules';
import type { ApiKeyStore } from '../apiKey/store';
import type { TilbagoConfiguration } from '../settings/configuration';
import { log } from '../ui/log';
import type { SetupProgress } from '../ui/setupProgress';
import { clientOrOfferKey } from './access';
import type { ApiError } from './client';
import { describeApiError } from './errors';

export async function testConnection(services: {
  readonly configuration: TilbagoConfiguration;
  readonly apiKey: ApiKeyStore;
  readonly setupProgress: SetupProgress;
}): Promise<'accepted' | ApiError['kind'] | undefined> {
  const client = await clientOrOfferKey(services.configuration, services.apiKey);
  if (!client) return undefined;
  const host = client.host;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Testing the API key with tilbago at {0}…', host) },
    () => client.checkKey(),
  );
  if (result.ok) {
    const hint = apiKeyHint((await services.apiKey.read()) ?? '');
    void vscode.window.showInformationMessage(
      hint
        ? vscode.l10n.t('tilbago at {0} accepted the API key ending in …{1}.', host, hint)
        : vscode.l10n.t('tilbago at {0} accepted the API key.', host),
    );
    log().info(`Test connection: key accepted by ${host}.`);
    await services.setupProgress.connectionTested(true);
    return 'accepted';
  }
  log().warn(`Test connection: ${result.error.kind}.`);
  await services.setupProgress.connectionTested(false);
  const message = describeApiError(result.error);
  if (result.error.kind === 'unauthorized') {
    const set = vscode.l10n.t('Set API key');
    void vscode.window
      .showErrorMessage(message, set)
      .then((answer) => answer === set && vscode.commands.executeCommand('tilbago.setApiKey'));
  } else {
    void vscode.window.showErrorMessage(message);
  }
  return result.error.kind;
}
