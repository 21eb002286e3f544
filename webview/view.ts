// The form as Lit templates over vscode-elements: a function of what the form knows (`FormModel`) and of what
// it can do (`FormActions`). Nothing here keeps state or talks to the host.
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { formatSwissDate } from '../src/shared/dates';
import { formatChf } from '../src/shared/money';
import { LANGUAGES, type Language } from '../src/shared/languages';
import { LETTER_HEADINGS, PLACEHOLDER_MEANINGS, PLACEHOLDERS, SAMPLE_INVOICE } from '../src/reminders/letter';
import { SETTINGS, type SettingProblem } from '../src/settings/schema';
import {
  formValueProblem,
  type ApiKeyState,
  type ConnectionTest,
  type FolderStatus,
  LETTER_FIELDS,
  type FormField,
  type SetupState,
} from '../src/setup/contract';
import type { Strings } from '../src/setup/formStrings';
import { isDirty, isValid, WRITTEN_IN_FILE, type Draft } from './draft';
import { PREVIEW_LIMIT } from './preview';
import type { LocatedPlaceholder } from './unknownPlaceholders';
import { format, formatTime } from './words';

export interface FormModel {
  readonly t: Strings;
  readonly language: Language;
  /** The language of the letter being edited and previewed. */
  readonly letterLanguage: Language;
  /** The host's state; undefined until the handshake is answered. */
  readonly state?: SetupState | undefined;
  readonly draft?: Draft | undefined;
  readonly folder?: FolderStatus | undefined;
  readonly apiKey?: ApiKeyState | undefined;
  readonly saving: boolean;
  readonly lastSavedAt?: number | undefined;
  /** What the last Save or Reset did. */
  readonly notice?: string | undefined;
  readonly error?: string | undefined;
  /** Values changed in settings.json while there were unsaved edits. */
  readonly external?: { readonly changed: readonly FormField[]; readonly conflicts: readonly FormField[] } | undefined;
  /** Unsaved edits from an earlier session were brought back. */
  readonly restored: boolean;
  readonly connection?: ConnectionTest | 'testing' | undefined;
  readonly unknown: { readonly items: readonly LocatedPlaceholder[]; readonly total: number };
}

export interface FormActions {
  input(field: FormField, value: string): void;
  save(): void;
  revert(): void;
  reset(): void;
  selectTarget(target: string): void;
  keepMine(): void;
  setKey(): void;
  removeKey(): void;
  testConnection(): void;
  openWalkthrough(): void;
  browse(): void;
  createFolder(): void;
  editBuiltIn(): void;
  chooseLetterLanguage(language: Language): void;
  moveOldText(): void;
  insertPlaceholder(placeholder: string): void;
  fixPlaceholder(item: LocatedPlaceholder): void;
  writeIntoFile(field: FormField): void;
}

/** The element id of each field (the tests and the bench find them by these). */
export const FIELD_IDS: Record<FormField, string> = {
  daysAfterSecondReminder: 'days-after-second',
  daysBeforeCollection: 'days-before-collection',
  // One text box for the four letters: the language switch above it says whose letter it holds.
  letterDe: 'letter-text',
  letterFr: 'letter-text',
  letterIt: 'letter-text',
  letterEn: 'letter-text',
  text: 'old-letter',
  casesFolder: 'cases-folder',
};

const isText = (field: FormField) => field !== 'daysAfterSecondReminder' && field !== 'daysBeforeCollection' && field !== 'casesFolder';

const MAX_SHOWN_PATH = 60;

const FOLDER_MESSAGES: Record<FolderStatus['kind'], keyof Strings> = {
  ok: 'folderOk',
  notSet: 'folderNotSet',
  missing: 'folderMissing',
  notAFolder: 'folderNotAFolder',
  notWritable: 'folderNotWritable',
  needsWorkspaceFolder: 'folderNeedsWorkspace',
  invalid: 'folderInvalid',
};

const valueOfInput = (event: Event) => (event.currentTarget as HTMLInputElement).value;

/** A value as the form names it: the day counts and the folder as they are, the empty ones by what they mean. */
function shownValue(t: Strings, field: FormField, value: string | number): string {
  if (value === '') return isText(field) ? t.builtInLetter : t.noFolder;
  const text = String(value);
  return text.length > MAX_SHOWN_PATH ? `${text.slice(0, MAX_SHOWN_PATH - 1)}…` : text;
}

function problemText(t: Strings, problem: SettingProblem): string {
  switch (problem.reason) {
    case 'wrongType':
      return problem.expected === 'integer' ? t.problems.notNumber : t.problems.notText;
    case 'notWholeNumber':
      return t.problems.notNumber;
    case 'outOfRange':
      return format(t.problems.outOfRange, problem.minimum, problem.maximum);
    case 'tooLong':
      return format(t.problems.tooLong, problem.maxLength);
    case 'controlCharacters':
      return t.problems.controlCharacters;
    default:
      return t.problems.unusable;
  }
}

/** Beside a field whose value in settings.json cannot be used: what the file holds, why, and what is used. */
function brokenNote(m: FormModel, a: FormActions, field: FormField): TemplateResult | typeof nothing {
  const broken = m.state?.broken[field];
  if (!broken || !m.state || !m.draft) return nothing;
  const { t } = m;
  const inEffect = shownValue(t, field, m.state.values[field]);
  const why = problemText(t, broken.problem);
  const sentence =
    broken.written === undefined
      ? format(t.brokenHidden, t.origins[broken.origin], why, inEffect)
      : format(t.brokenWritten, t.origins[broken.origin], broken.written, why, inEffect);
  return html`<span class="broken" id=${`${FIELD_IDS[field]}-file`} role="note"
    >${sentence}
    ${
      m.draft.base[field] === WRITTEN_IN_FILE
        ? nothing
        : html`<vscode-button secondary class="correct" @click=${() => a.writeIntoFile(field)}>${format(t.correctTo, inEffect)}</vscode-button>`
    }</span
  >`;
}

function numberField(m: FormModel, a: FormActions, field: 'daysAfterSecondReminder' | 'daysBeforeCollection', label: string) {
  const id = FIELD_IDS[field];
  const text = m.draft?.fields[field] ?? '';
  const invalid = m.draft !== undefined && !isValid(field, text);
  return html`<div class="field">
    <vscode-label for=${id}>${label}</vscode-label>
    <div class="row">
      <vscode-textfield
        id=${id}
        type="number"
        min="0"
        max="365"
        step="1"
        inputmode="numeric"
        class="days"
        .value=${live(text)}
        ?invalid=${invalid}
        @input=${(event: Event) => a.input(field, valueOfInput(event))}
      ></vscode-textfield>
      <span class="unit">${m.t.days}</span>
      ${brokenNote(m, a, field)}
    </div>
    <vscode-form-helper id=${`${id}-help`} ?data-invalid=${invalid}>${m.t.wholeDays}</vscode-form-helper>
  </div>`;
}

function statusText(m: FormModel, label: string): string {
  const { t } = m;
  const time = m.lastSavedAt === undefined ? undefined : formatTime(m.lastSavedAt, m.language);
  if (m.saving) return t.saving;
  if (m.draft && isDirty(m.draft)) return time ? `${t.unsaved} · ${format(t.lastSaved, time)}` : t.unsaved;
  if (m.notice) return m.notice;
  if (time) return format(t.savedTo, label, time);
  return m.state && Object.keys(m.state.broken).length ? t.brokenStatus : t.noChanges;
}

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

function externalText(m: FormModel): string {
  const { t, external, state } = m;
  if (!external || !state) return '';
  const names = external.changed.map((field) =>
    isText(field) ? t.fieldNames[field] : format(t.nowValue, t.fieldNames[field], shownValue(t, field, state.values[field])),
  );
  const conflicts = external.conflicts.map((field) => t.fieldNames[field]);
  return `${format(t.externalChange, names.join(', '))} ${conflicts.length ? format(t.alsoEdited, conflicts.join(', ')) : t.followed}`;
}

function unknownList(m: FormModel, a: FormActions) {
  const { t, unknown } = m;
  const where = (item: LocatedPlaceholder) =>
    item.after ? format(t.inParagraph, item.paragraph, item.after) : format(t.paragraphStart, item.paragraph);
  return html`<div id="unknown" class="warning" role="status" ?hidden=${unknown.total === 0}>
    <span>${t.unknownPlaceholders}</span>
    <ul>
      ${unknown.items.map(
        (item) =>
          html`<li>
            <code>${item.text}</code> ${where(item)}${
              item.suggestion
                ? html` —
                    <a
                      href="#"
                      class="fix"
                      @click=${(event: Event) => {
                        event.preventDefault();
                        a.fixPlaceholder(item);
                      }}
                      >${format(t.didYouMean, `%${item.suggestion}%`)}</a
                    >`
                : nothing
            }
          </li>`,
      )}
      ${unknown.total > unknown.items.length ? html`<li>${format(t.andMore, unknown.total - unknown.items.length)}</li>` : nothing}
    </ul>
  </div>`;
}

/**
 * The whole form. The letter box is not resizable: vscode-textarea draws its grip from a data: image, which the
 * policy blocks. The preview has no white space between its elements: the letter keeps white space as written.
 */
export function formView(m: FormModel, a: FormActions): TemplateResult {
  const { t, language, state, draft, apiKey, folder } = m;
  const fields = draft?.fields;
  const dirty = draft !== undefined && isDirty(draft);
  const target = draft?.target ?? state?.target;
  const label = state?.targets.find((candidate) => candidate.id === target)?.label ?? '';
  const letterField = LETTER_FIELDS[m.letterLanguage];
  const text = fields?.[letterField] ?? '';
  const textProblem = fields ? formValueProblem(letterField, text) : undefined;
  const oldText = fields?.text ?? '';
  const folderPath = folder && 'path' in folder ? (folder.kind === 'ok' ? ` ${folder.path}` : ` (${folder.path})`) : '';
  return html`
    <h1>${t.title}</h1>
    <p class="hint">
      ${t.firstTime}
      <a
        href="#"
        id="open-walkthrough"
        @click=${(event: Event) => {
          event.preventDefault();
          a.openWalkthrough();
        }}
        >${t.openWalkthrough}</a
      >
    </p>
    <div class="save-bar" role="group" aria-label=${t.save}>
      <span id="target-label">${t.saveTo}</span>
      <div id="target" class="targets" role="radiogroup" aria-labelledby="target-label">
        ${(state?.targets ?? []).map(
          (option) =>
            html`<label
              ><input type="radio" name="target" .value=${option.id} .checked=${option.id === target} @change=${() => a.selectTarget(option.id)} />${
                option.label
              }</label
            >`,
        )}
      </div>
      <vscode-button id="save" @click=${a.save}>${t.save}</vscode-button>
      <vscode-button id="revert" secondary ?disabled=${!dirty} @click=${a.revert}>${t.revert}</vscode-button>
      <vscode-button id="reset" secondary @click=${a.reset}>${t.resetDefaults}</vscode-button>
      <span id="dirty" class="status" role="status" data-dirty=${String(dirty)}>${statusText(m, label)}</span>
    </div>
    <div id="restored" class="banner" role="status" ?hidden=${!m.restored}>
      <span>${t.restored}</span>
      <vscode-button id="discard" secondary @click=${a.revert}>${t.discard}</vscode-button>
    </div>
    <div id="banner" class="banner" role="alert" ?hidden=${!m.external}>
      <span id="banner-text">${externalText(m)}</span>
      <vscode-button id="load-theirs" @click=${a.revert}>${t.loadTheirs}</vscode-button>
      <vscode-button id="keep-mine" secondary @click=${a.keepMine}>${t.keepMine}</vscode-button>
    </div>
    <div id="error" class="banner error" role="alert" ?hidden=${!m.error}>${m.error ? `${t.error}: ${m.error}` : ''}</div>
    <section aria-labelledby="h-tilbago">
      <h2 id="h-tilbago">${t.sectionTilbago}</h2>
      <p>
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
      </details>
      <div class="field">
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
      </div>
    </section>
    <section aria-labelledby="h-delays">
      <h2 id="h-delays">${t.sectionDelays}</h2>
      ${numberField(m, a, 'daysAfterSecondReminder', t.daysAfterSecondReminder)}
      ${numberField(m, a, 'daysBeforeCollection', t.daysBeforeCollection)}
    </section>
    <section aria-labelledby="h-text">
      <h2 id="h-text">${t.sectionText}</h2>
      <div class="row">
        <span id="letter-language-label">${t.letterLanguage}</span>
        <div id="letter-language" class="targets" role="radiogroup" aria-labelledby="letter-language-label">
          ${LANGUAGES.map(
            (option) =>
              html`<label
                ><input
                  type="radio"
                  name="letter-language"
                  .value=${option}
                  .checked=${option === m.letterLanguage}
                  @change=${() => a.chooseLetterLanguage(option)}
                />${t.fieldNames[LETTER_FIELDS[option]]}${fields?.[LETTER_FIELDS[option]] ? ' ✎' : ''}</label
              >`,
          )}
        </div>
      </div>
      <p class="hint">${format(t.debtorsIn, t.languageNames[m.letterLanguage])}</p>
      <div id="old-letter" class="banner" role="note" ?hidden=${text !== '' || oldText === ''}>
        <span>${t.oldTextInUse}</span>
        <vscode-button id="move-old-letter" secondary @click=${a.moveOldText}
          >${format(t.moveOldText, t.languageNames[m.letterLanguage])}</vscode-button
        >
        ${brokenNote(m, a, 'text')}
      </div>
      <div class="row">
        <span id="text-source"
          >${text !== '' ? t.customInUse : oldText === '' ? format(t.builtInInUse, t.languageNames[m.letterLanguage]) : ''}</span
        >
        <vscode-button id="edit-built-in" secondary ?hidden=${text !== '' || oldText !== ''} @click=${a.editBuiltIn}
          >${t.editBuiltIn}</vscode-button
        >
      </div>
      <div class="field">
        <vscode-label for="letter-text">${t.fieldNames[letterField]}</vscode-label>
        <vscode-textarea
          id="letter-text"
          rows="16"
          resize="none"
          class="letter-text"
          .value=${live(text)}
          ?invalid=${textProblem !== undefined}
          @input=${(event: Event) => a.input(letterField, valueOfInput(event))}
        ></vscode-textarea>
        <vscode-form-helper id="text-help"
          >${
            textProblem === 'tooLong' ? format(t.textTooLong, SETTINGS['reminder3.text'].maxLength) : textProblem ? t.textControl : ''
          }</vscode-form-helper
        >
        ${brokenNote(m, a, letterField)}
      </div>
      ${unknownList(m, a)}
      <h3 id="h-legend">${t.dynamicValues}</h3>
      <p>${t.dynamicValuesHelp}</p>
      <ul class="legend">
        ${PLACEHOLDERS.map(
          (placeholder) =>
            html`<li>
              <vscode-button
                secondary
                data-placeholder=${placeholder}
                title=${`%${placeholder}%`}
                @click=${() => a.insertPlaceholder(placeholder)}
                >%${placeholder}%</vscode-button
              >
              <span>${PLACEHOLDER_MEANINGS[language][placeholder]}</span>
            </li>`,
        )}
      </ul>
      <h3 id="h-preview">${t.preview}</h3>
      <p class="hint">
        ${format(t.previewSample, SAMPLE_INVOICE.number, formatSwissDate(SAMPLE_INVOICE.invoiceDate), formatChf(SAMPLE_INVOICE.amountDueRappen))}
      </p>
      <article id="preview" class="letter" aria-labelledby="h-preview"><h4>${LETTER_HEADINGS[m.letterLanguage]}</h4><div id="preview-body"></div></article>
      <p id="preview-cut" class="hint" ?hidden=${text.length <= PREVIEW_LIMIT}>${format(t.previewCut, PREVIEW_LIMIT)}</p>
    </section>
  `;
}
