// The tilbago section: the API key, the connection test and how to get a key, then the cases folder and what Git
// says of it.
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { SETTINGS } from '../../src/settings/schema';
import type { FolderStatus } from '../../src/setup/contract';
import type { Strings } from '../../src/setup/formWords';
import { isValid } from '../draft';
import { format } from '../../src/shared/format';
import { formatTime } from '../words';
import { brokenNote, valueOfInput } from './fieldParts';
import type { FormActions, FormModel } from './model';

const FOLDER_MESSAGES: Record<FolderStatus['kind'], keyof Strings> = {
  ok: 'folderOk',
  notSet: 'folderNotSet',
  missing: 'folderMissing',
  notAFolder: 'folderNotAFolder',
  notWritable: 'folderNotWritable',
  needsWorkspaceFolder: 'folderNeedsWorkspace',
  invalid: 'folderInvalid',
};

function connectionText(m: FormModel): string {
  const { t, connection } = m;
  if (!connection) return '';
  if (connection === 'testing') return t.testing;
  const time = formatTime(connection.at, m.language);
  const host = connection.host ?? '?';
  if (connection.outcome === 'accepted') return format(t.connectionAccepted, host, time);
  const reason = format(t.connection[connection.outcome] ?? t.connection.unexpected, host);
  return format(t.connectionFailed, reason, time);
}

/** Whether a key is stored (never the key), setting and removing it, the connection test, and how to get a key. */
function apiKeyPart(m: FormModel, a: FormActions) {
  const { t, apiKey } = m;
  return html`<p>
      <strong>${t.apiKey}: </strong>
      <span id="key-status"
        >${!apiKey ? '…' : !apiKey.set ? t.keyNotSet : apiKey.hint ? format(t.keySetWithHint, apiKey.hint) : t.keySet}</span
      >
    </p>
    <div class="row">
      <vscode-button id="set-key" @click=${a.setKey}>${apiKey?.set ? t.replaceKey : t.setKey}</vscode-button>
      <vscode-button id="remove-key" secondary ?hidden=${!apiKey?.set} @click=${a.removeKey}>${t.removeKey}</vscode-button>
      <vscode-button id="test-connection" secondary ?hidden=${!apiKey?.set} @click=${a.testConnection}
        >${t.testConnection}</vscode-button
      >
      <span
        id="connection-result"
        role="status"
        data-outcome=${typeof m.connection === 'object' ? m.connection.outcome : (m.connection ?? '')}
        >${connectionText(m)}</span
      >
    </div>
    <details>
      <summary>${t.howToGetKey}</summary>
      <ol>
        ${t.keySteps.map((step) => html`<li>${step}</li>`)}
      </ol>
      <p><a href="https://tilbago.ch/fr/authentification-a-deux-facteurs-tilbago/">${t.twoFactorLink}</a></p>
    </details>`;
}

/** Under the cases folder, when Git could commit the debtors' data: the warning and the offer to ignore the folder. */
function gitLine(m: FormModel, a: FormActions) {
  const { t, casesGit, draft } = m;
  // Only the answer about the folder shown: an answer about a folder typed before does not apply.
  if (!casesGit || !draft || casesGit.folder !== draft.fields.casesFolder) return nothing;
  const root = casesGit.root ?? '';
  if (casesGit.kind === 'ignored') return html`<p id="cases-git" class="hint" data-kind="ignored">${format(t.gitIgnored, root)}</p>`;
  if (casesGit.kind !== 'exposed' && casesGit.kind !== 'mayBeExposed') return nothing;
  return html`<div id="cases-git" class="warning row" role="alert" data-kind=${casesGit.kind}>
    <span>${format(casesGit.kind === 'exposed' ? t.gitExposed : t.gitMayBeExposed, root)}</span>
    <vscode-button id="add-to-gitignore" secondary @click=${a.ignoreCasesFolder}>${t.addToGitignore}</vscode-button>
  </div>`;
}

/** The cases folder as typed, Browse, what the host found there (and Create when it is missing), and Git's line. */
function casesFolderField(m: FormModel, a: FormActions) {
  const { t, folder } = m;
  const fields = m.draft?.fields;
  const folderPath = folder && 'path' in folder ? (folder.kind === 'ok' ? ` ${folder.path}` : ` (${folder.path})`) : '';
  return html`<div class="field">
    <vscode-label for="cases-folder">${t.casesFolder}</vscode-label>
    <div class="row">
      <vscode-textfield
        id="cases-folder"
        class="grow"
        maxlength=${SETTINGS.casesFolder.maxLength}
        .value=${live(fields?.casesFolder ?? '')}
        ?invalid=${fields !== undefined && !isValid('casesFolder', fields.casesFolder)}
        @input=${(event: Event) => a.input('casesFolder', valueOfInput(event))}
      ></vscode-textfield>
      <vscode-button id="browse" secondary @click=${a.browse}>${t.browse}</vscode-button>
    </div>
    <div class="row">
      <vscode-form-helper
        id="folder-status"
        data-kind=${folder?.kind ?? ''}
        ?data-invalid=${folder !== undefined && !['ok', 'notSet'].includes(folder.kind)}
        >${folder ? `${t[FOLDER_MESSAGES[folder.kind]] as string}${folderPath}` : ''}</vscode-form-helper
      >
      <vscode-button id="create-folder" secondary ?hidden=${folder?.kind !== 'missing'} @click=${a.createFolder}
        >${t.createFolder}</vscode-button
      >
      ${brokenNote(m, a, 'casesFolder')}
    </div>
    ${gitLine(m, a)}
  </div>`;
}

export function keyAndFolderSection(m: FormModel, a: FormActions) {
  return html`<section aria-labelledby="h-tilbago">
    <h2 id="h-tilbago">${m.t.sectionTilbago}</h2>
    ${apiKeyPart(m, a)} ${casesFolderField(m, a)}
  </section>`;
}
