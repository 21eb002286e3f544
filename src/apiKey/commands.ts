// "Tilbago: Set API key" and "Tilbago: Remove API key". The key is checked by the core rules, stored only in
// SecretStorage, and shown back at most as its last 4 characters.
import * as vscode from 'vscode';
import { API_KEY_MAX_LENGTH, apiKeyHint, checkApiKey, type ApiKeyProblem } from './rules';
import type { ApiKeyStore } from './store';
import { log } from '../ui/log';

function describeProblem(problem: ApiKeyProblem): string {
  const words: Record<ApiKeyProblem, string> = {
    empty: vscode.l10n.t('Paste the API key from your tilbago account.'),
    innerWhitespace: vscode.l10n.t('The API key cannot contain spaces or line breaks. Copy it again from tilbago.'),
    controlCharacters: vscode.l10n.t('The API key contains invisible or control characters. Copy it again from tilbago.'),
    notVisibleAscii: vscode.l10n.t(
      'A tilbago API key has only letters, digits and ASCII signs (no accents, €, or emoji). Copy it again from tilbago.',
    ),
    tooLong: vscode.l10n.t('The API key is longer than {0} characters: this is not a tilbago API key.', API_KEY_MAX_LENGTH),
  };
  return words[problem];
}

/** Names the key in a sentence by its last 4 characters, when it is long enough to show them. */
function withHint(key: string, withoutHint: string, withHint: (hint: string) => string): string {
  const hint = apiKeyHint(key);
  return hint === undefined ? withoutHint : withHint(hint);
}

/** Asks `question` in a modal dialog; resolves to whether the user chose `action` (Cancel, Escape: no). */
async function confirm(question: string, detail: string, action: string): Promise<boolean> {
  return (await vscode.window.showWarningMessage(question, { modal: true, detail }, action)) === action;
}

/** Asks for the key and stores it. Resolves to whether a key was stored. */
export async function setApiKey(store: ApiKeyStore): Promise<boolean> {
  const current = await store.read();
  if (current !== undefined) {
    const replacing = await confirm(
      withHint(current, vscode.l10n.t('A tilbago API key is already set. Replace it?'), (hint) =>
        vscode.l10n.t('A tilbago API key ending in …{0} is already set. Replace it?', hint),
      ),
      vscode.l10n.t('The current key is deleted from this machine once the new one is saved.'),
      vscode.l10n.t('Replace'),
    );
    if (!replacing) return false;
  }

  const input = await vscode.window.showInputBox({
    title: vscode.l10n.t('tilbago API key'),
    prompt: vscode.l10n.t('Paste the API key generated in your tilbago account (My account → Company → Generate API key).'),
    placeHolder: vscode.l10n.t('API key'),
    password: true,
    ignoreFocusOut: true,
    validateInput: (value) => {
      const checked = checkApiKey(value);
      return checked.ok ? undefined : describeProblem(checked.problem);
    },
  });
  if (input === undefined) return false;

  // The input box's validation can be bypassed (another caller, a stub): check again before storing.
  const checked = checkApiKey(input);
  if (!checked.ok) {
    void vscode.window.showErrorMessage(vscode.l10n.t('The API key was not saved: {0}', describeProblem(checked.problem)));
    return false;
  }
  await store.store(checked.key);
  log().info('API key saved to SecretStorage.');
  void vscode.window.showInformationMessage(
    withHint(checked.key, vscode.l10n.t("tilbago API key saved. It is kept in VS Code's secret storage on this machine."), (hint) =>
      vscode.l10n.t("tilbago API key ending in …{0} saved. It is kept in VS Code's secret storage on this machine.", hint),
    ),
  );
  return true;
}

/** Deletes the stored key after confirmation. Resolves to whether a key was removed. */
export async function removeApiKey(store: ApiKeyStore): Promise<boolean> {
  const current = await store.read();
  if (current === undefined) {
    void vscode.window.showInformationMessage(vscode.l10n.t('No tilbago API key is set.'));
    return false;
  }
  const removing = await confirm(
    withHint(current, vscode.l10n.t('Remove the tilbago API key from this machine?'), (hint) =>
      vscode.l10n.t('Remove the tilbago API key ending in …{0} from this machine?', hint),
    ),
    vscode.l10n.t('You can generate the key again in your tilbago account.'),
    vscode.l10n.t('Remove'),
  );
  if (!removing) return false;
  await store.remove();
  log().info('API key removed from SecretStorage.');
  void vscode.window.showInformationMessage(vscode.l10n.t('tilbago API key removed.'));
  return true;
}
