// Every error of the tilbago client in words a person can act on.
import * as vscode from 'vscode';
import type { ApiError } from './client';

export function describeApiError(error: ApiError): string {
  switch (error.kind) {
    case 'unauthorized':
      return vscode.l10n.t('tilbago refused the API key (401). Check it in your tilbago account and set it again.');
    case 'invalidKey':
      return vscode.l10n.t('The stored API key has characters a tilbago key does not have; nothing was sent. Set the key again.');
    case 'insufficientBalance':
      return vscode.l10n.t('The balance of your tilbago account is insufficient (402). Top it up on tilbago, then try again.');
    case 'busy':
      return error.retryAfterMs !== undefined
        ? vscode.l10n.t('tilbago is busy ({0}) and asks to try again in {1} s.', error.status, Math.ceil(error.retryAfterMs / 1000))
        : vscode.l10n.t('tilbago is busy ({0}); try again in a moment.', error.status);
    case 'timeout':
      return vscode.l10n.t('tilbago at {0} did not answer within {1} s.', error.host, error.seconds);
    case 'unreachable':
      return vscode.l10n.t('tilbago at {0} could not be reached ({1}).', error.host, error.cause);
    case 'unexpected':
      // Not a refusal of the request's content: the address, the key's rights, or a time-out on the way.
      if (error.status === 404)
        return vscode.l10n.t(
          'tilbago found nothing at this address (404). Check the API address, the setting tilbago.apiBaseUrl (normally https://api.tilbago.ch/v1/).',
        );
      if (error.status === 403)
        return vscode.l10n.t('tilbago did not allow this request with this API key (403). Check the key’s rights in your tilbago account.');
      if (error.status === 408) return vscode.l10n.t('tilbago gave up waiting for the request (408).');
      return error.message
        ? vscode.l10n.t('tilbago answered with an error ({0}): {1}', error.status, error.message)
        : vscode.l10n.t('tilbago answered with an unexpected status ({0}).', error.status);
    case 'invalidAnswer':
      return vscode.l10n.t('tilbago gave an answer this extension does not understand ({0}).', error.detail);
  }
}
