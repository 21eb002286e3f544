// The tilbago API key in VS Code's SecretStorage (the OS keychain where there is one): the only place it is kept.
import * as vscode from 'vscode';
import { apiKeyHint } from './rules';

/** What may be said about the key outside this class: whether it is set, and its last 4 characters. */
export interface ApiKeyStatus {
  readonly set: boolean;
  readonly hint?: string;
}

const SECRET_NAME = 'tilbago.apiKey';

export class ApiKeyStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.subscription = secrets.onDidChange((e) => {
      if (e.key === SECRET_NAME) this.changed.fire();
    });
  }

  /** The key itself: for the API client only, never for the public API, a message, a log or the webview. */
  async read(): Promise<string | undefined> {
    return (await this.secrets.get(SECRET_NAME)) || undefined;
  }

  async isSet(): Promise<boolean> {
    return (await this.read()) !== undefined;
  }

  async status(): Promise<ApiKeyStatus> {
    const key = await this.read();
    if (key === undefined) return { set: false };
    const hint = apiKeyHint(key);
    return hint === undefined ? { set: true } : { set: true, hint };
  }

  async store(key: string): Promise<void> {
    await this.secrets.store(SECRET_NAME, key);
  }

  async remove(): Promise<void> {
    await this.secrets.delete(SECRET_NAME);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
