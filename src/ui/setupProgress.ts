// Where the setup really stands, for the walkthrough's ticks and `when` clauses: a key stored, a cases folder set,
// the stored key accepted by tilbago. Read from the state itself, never from a command having run.
//
// VS Code ticks an `onContext:` step only when the context key *changes* while its walkthrough service is running;
// a key already true when that service starts (it starts lazily, often after this extension) never ticks its step
// in that window. So beside the context key, a step that is done is also marked done in the walkthrough itself.
import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import type { ApiKeyStore } from '../apiKey/store';
import type { TilbagoConfiguration } from '../settings/configuration';
import { CONTEXT_KEYS, setContextKey } from './contextKeys';

type Step = 'setKey' | 'casesFolder' | 'testConnection';

const KEY_OF_STEP: Record<Step, (typeof CONTEXT_KEYS)[keyof typeof CONTEXT_KEYS]> = {
  setKey: CONTEXT_KEYS.apiKeySet,
  casesFolder: CONTEXT_KEYS.casesFolderChosen,
  testConnection: CONTEXT_KEYS.connectionAccepted,
};

/** In the global state: a hash of the API address and the key tilbago last accepted, never the key itself. */
const ACCEPTED = 'tilbago.acceptedKey';

export class SetupProgress {
  constructor(
    private readonly apiKey: ApiKeyStore,
    private readonly configuration: TilbagoConfiguration,
    private readonly memory: vscode.Memento,
    /** `publisher.name#walkthroughId`: the steps are `<walkthroughId>#tilbago.<step>`. */
    private readonly walkthroughId: string,
  ) {}

  /** Shows every step as the state is now: after activation, and after the key changed. */
  async showAll(): Promise<void> {
    const key = await this.apiKey.read();
    this.show('setKey', key !== undefined);
    this.show('testConnection', key !== undefined && this.memory.get(ACCEPTED) === this.fingerprint(key));
    this.showFolder();
  }

  showFolder(): void {
    this.show('casesFolder', this.configuration.isCasesFolderSet());
  }

  /** After a Test connection: remembers whether tilbago accepted the key stored now, so a reload still knows. */
  async connectionTested(accepted: boolean): Promise<void> {
    const key = accepted ? await this.apiKey.read() : undefined;
    await this.memory.update(ACCEPTED, key === undefined ? undefined : this.fingerprint(key));
    this.show('testConnection', key !== undefined);
  }

  private show(step: Step, done: boolean): void {
    setContextKey(KEY_OF_STEP[step], done);
    // VS Code's own commands behind "Mark Done" and "Mark Not Done"; an editor without them keeps the context keys.
    const command = done ? 'welcome.markStepComplete' : 'welcome.markStepIncomplete';
    void vscode.commands.executeCommand(command, `${this.walkthroughId}#tilbago.${step}`).then(undefined, () => undefined);
  }

  private fingerprint(key: string): string {
    const address = this.configuration.apiBaseUrl();
    return createHash('sha256')
      .update(`${'url' in address ? address.url : ''}\n${key}`)
      .digest('hex');
  }
}
