// The form as Lit templates over vscode-elements: a function of what the form knows (`FormModel`) and of what
// it can do (`FormActions`). Nothing here keeps state or talks to the host.
import { FIELD_IDS, KIND_OF_FIELD } from '../src/setup/fields';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { formatSwissDate } from '../src/shared/dates';
import { formatChf } from '../src/shared/money';
import { LANGUAGES, type Language } from '../src/shared/languages';
import { LETTER_HEADINGS, PLACEHOLDERS } from '../src/reminders/letter';
import { PLACEHOLDER_MEANINGS, SAMPLE_DEBTORS, SAMPLE_INVOICE, type SampleDebtor } from '../src/reminders/letterEditing';
import { compact, isQrIban } from '../src/reminders/qrBillFields';
import { SETTINGS, type SettingProblem } from '../src/settings/schema';
import {
  formValueProblem,
  SETTING_OF_FIELD,
  type ApiKeyState,
  type CasesGit,
  type ConnectionTest,
  type CreditorFormField,
  type PaymentPart,
  type FolderStatus,
  LETTER_FIELDS,
  type FormField,
  type SetupState,
} from '../src/setup/contract';
import type { Strings } from '../src/setup/formWords';
import { isDirty, isValid, WRITTEN_IN_FILE, type Draft } from './draft';
import { PREVIEW_LIMIT } from './preview';
import type { LocatedPlaceholder } from './unknownPlaceholders';
import { format, formatTime } from './words';

export interface FormModel {
  readonly t: Strings;
  readonly language: Language;
  /** The language of the letter being edited and previewed. */
  readonly letterLanguage: Language;
  /** Whom the preview writes to: a company or a person, whose salutations differ. */
  readonly sampleDebtor: SampleDebtor;
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
  /** What Git says of the cases folder shown (the host's answer for the folder as typed). */
  readonly casesGit?: CasesGit | undefined;
  /** The preview's payment part: being made, the fields that keep it from being made, or its SVG (checked nodes). */
  readonly paymentPart?: 'making' | Exclude<PaymentPart, { ok: true }> | { readonly ok: true; readonly svg: SVGSVGElement } | undefined;
  /** Today, `yyyy-mm-dd`: the preview's date. */
  readonly today: string;
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
  chooseSampleDebtor(debtor: SampleDebtor): void;
  insertPlaceholder(placeholder: string): void;
  fixPlaceholder(item: LocatedPlaceholder): void;
  writeIntoFile(field: FormField): void;
  ignoreCasesFolder(): void;
}

/** The element id of each field (the tests and the bench find them by these). */

/** The fields that hold a letter (empty: the built-in one). */
const isText = (field: FormField) => KIND_OF_FIELD[field] === 'letter';

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
  if (value === '') return isText(field) ? t.builtInLetter : field === 'casesFolder' ? t.noFolder : t.keyNotSet;
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
    case 'ibanFormat':
    case 'ibanCountry':
    case 'ibanCheckDigit':
    case 'notAChoice':
      return t.problems[problem.reason];
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
  const { t, state, draft, apiKey, folder } = m;
  const fields = draft?.fields;
  const dirty = draft !== undefined && isDirty(draft);
  const target = draft?.target ?? state?.target;
  const label = state?.targets.find((candidate) => candidate.id === target)?.label ?? '';
  const letterField = LETTER_FIELDS[m.letterLanguage];
  const text = fields?.[letterField] ?? '';
  const textProblem = fields ? formValueProblem(letterField, text) : undefined;
  const folderPath = folder && 'path' in folder ? (folder.kind === 'ok' ? ` ${folder.path}` : ` (${folder.path})`) : '';
  const status = statusText(m, label);
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
    <div class="row save-options">
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
      <vscode-button id="reset" secondary @click=${a.reset}>${t.resetDefaults}</vscode-button>
    </div>
    <div class="save-bar" role="group" aria-label=${t.save}>
      <vscode-button id="save" @click=${a.save}>${t.save}</vscode-button>
      <vscode-button id="revert" secondary ?disabled=${!dirty} @click=${a.revert}>${t.revert}</vscode-button>
      <span id="dirty" class="status" role="status" data-dirty=${String(dirty)} title=${status}>${status}</span>
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
        ${gitLine(m, a)}
      </div>
    </section>
    <section aria-labelledby="h-delays">
      <h2 id="h-delays">${t.sectionDelays}</h2>
      ${numberField(m, a, 'daysAfterSecondReminder', t.daysAfterSecondReminder)}
      ${numberField(m, a, 'daysBeforeCollection', t.daysBeforeCollection)}
    </section>
    ${creditorSection(m, a)}
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
      <div class="row">
        <span id="text-source"
          >${text !== '' ? t.customInUse : format(t.builtInInUse, t.languageNames[m.letterLanguage])}</span
        >
        <vscode-button id="edit-built-in" secondary ?hidden=${text !== ''} @click=${a.editBuiltIn}
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
            textProblem === 'tooLong'
              ? format(t.textTooLong, SETTINGS['thirdReminder.germanLetter'].maxLength)
              : textProblem
                ? t.textControl
                : ''
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
              <span>${PLACEHOLDER_MEANINGS[m.letterLanguage][placeholder]}</span>
            </li>`,
        )}
      </ul>
      <h3 id="h-preview">${t.preview}</h3>
      <p class="hint">
        ${format(t.previewSample, SAMPLE_INVOICE.number, formatSwissDate(SAMPLE_INVOICE.invoiceDate), formatChf(SAMPLE_INVOICE.amountDueRappen))}
      </p>
      ${sampleDebtorChoice(m, a)} ${previewPage(m)}
      <p id="preview-cut" class="hint" ?hidden=${text.length <= PREVIEW_LIMIT}>${format(t.previewCut, PREVIEW_LIMIT)}</p>
    </section>
  `;
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

/** What is wrong with a creditor field as typed, in a sentence; '' when nothing is. */
function creditorProblem(m: FormModel, field: CreditorFormField, text: string): string {
  const problem = formValueProblem(field, text);
  if (!problem) return '';
  const words = m.t.creditorProblems;
  if (problem === 'tooLong') {
    const spec = SETTINGS[SETTING_OF_FIELD[field]];
    return format(words.tooLong, 'maxLength' in spec ? spec.maxLength : 0);
  }
  return problem in words ? words[problem as keyof typeof words] : m.t.problems.unusable;
}

function creditorText(
  m: FormModel,
  a: FormActions,
  field: CreditorFormField,
  options: { readonly grow?: boolean; readonly help?: string } = {},
) {
  const id = FIELD_IDS[field];
  const text = m.draft?.fields[field] ?? '';
  const problem = m.draft ? creditorProblem(m, field, text) : '';
  const spec = SETTINGS[SETTING_OF_FIELD[field]];
  return html`<div class=${options.grow ? 'field grow' : 'field'}>
    <vscode-label for=${id}>${m.t.fieldNames[field]}</vscode-label>
    <vscode-textfield
      id=${id}
      class="wide"
      maxlength=${'maxLength' in spec ? spec.maxLength + 20 : 100}
      .value=${live(text)}
      ?invalid=${problem !== ''}
      @input=${(event: Event) => a.input(field, valueOfInput(event))}
    ></vscode-textfield>
    <vscode-form-helper id=${`${id}-help`} ?data-invalid=${problem !== ''}>${problem || options.help || ''}</vscode-form-helper>
    ${brokenNote(m, a, field)}
  </div>`;
}

function choice(
  m: FormModel,
  a: FormActions,
  field: 'creditorCountry' | 'creditorIbanReference',
  options: readonly (readonly [string, string])[],
  disabled = false,
) {
  const id = FIELD_IDS[field];
  const value = m.draft?.fields[field] ?? '';
  return html`<div class="field">
    <span id=${`${id}-label`}>${m.t.fieldNames[field]}</span>
    <div id=${id} class="targets" role="radiogroup" aria-labelledby=${`${id}-label`}>
      ${options.map(
        ([option, label]) =>
          html`<label
            ><input
              type="radio"
              name=${id}
              .value=${option}
              .checked=${option === value}
              ?disabled=${disabled}
              @change=${() => a.input(field, option)}
            />${label}</label
          >`,
      )}
    </div>
    ${brokenNote(m, a, field)}
  </div>`;
}

/** The creditor of the letter and payee of its QR-bill, checked as typed by the QR-bill's rules. */
function creditorSection(m: FormModel, a: FormActions) {
  const { t } = m;
  const fields = m.draft?.fields;
  const account = fields?.creditorAccount ?? '';
  const qrIban = isQrIban(account);
  const reference = fields?.creditorIbanReference ?? '';
  return html`<section aria-labelledby="h-creditor">
    <h2 id="h-creditor">${t.sectionCreditor}</h2>
    <p class="hint">${t.creditorHelp}</p>
    ${creditorText(m, a, 'creditorName')}
    <div class="row top">
      ${creditorText(m, a, 'creditorStreet', { grow: true })} ${creditorText(m, a, 'creditorBuildingNumber')}
    </div>
    <div class="row top">
      ${creditorText(m, a, 'creditorPostalCode')} ${creditorText(m, a, 'creditorTown', { grow: true })}
    </div>
    ${choice(m, a, 'creditorCountry', [
      ['CH', t.countryNames.CH],
      ['LI', t.countryNames.LI],
    ])}
    ${creditorText(m, a, 'creditorAccount', { help: t.accountHelp })}
    ${choice(
      m,
      a,
      'creditorIbanReference',
      [
        ['none', t.referenceNone],
        ['creditorReference', t.referenceCreditor],
      ],
      qrIban,
    )}
    <p id="creditor-reference-note" class=${qrIban && reference === 'creditorReference' ? 'warning' : 'hint'} ?hidden=${!qrIban}>
      ${qrIban && reference === 'creditorReference' ? t.qrIbanNeedsQrReference : t.referenceQr}
    </p>
  </section>`;
}

/** The local date of `yyyy-mm-dd`. */
export function todayIso(now = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${two(now.getMonth() + 1)}-${two(now.getDate())}`;
}

function paymentPartView(m: FormModel) {
  const { t, paymentPart } = m;
  if (!paymentPart || paymentPart === 'making') return html`<p class="payment-note">${t.paymentPartMaking}</p>`;
  if (paymentPart.ok) return paymentPart.svg;
  const names = (fields: readonly CreditorFormField[]) => fields.map((field) => t.fieldNames[field]).join(', ');
  return html`<p class="payment-note" id="payment-part-missing">
    ${paymentPart.invalid.length ? format(t.paymentPartInvalid, names(paymentPart.invalid)) : format(t.paymentPartMissing, names(paymentPart.missing))}
  </p>`;
}

/** Whom the preview writes to: the salutation and closing follow the debtor. */
function sampleDebtorChoice(m: FormModel, a: FormActions) {
  const { t } = m;
  return html`<div class="row">
    <span id="sample-debtor-label">${t.sampleDebtor}</span>
    <div id="sample-debtor" class="targets" role="radiogroup" aria-labelledby="sample-debtor-label">
      ${(Object.keys(SAMPLE_DEBTORS) as SampleDebtor[]).map(
        (option) =>
          html`<label
            ><input
              type="radio"
              name="sample-debtor"
              .value=${option}
              .checked=${option === m.sampleDebtor}
              @change=${() => a.chooseSampleDebtor(option)}
            />${t.sampleDebtors[option]}</label
          >`,
      )}
    </div>
  </div>`;
}

/**
 * The letter as an A4 page: the creditor as sender, the sample debtor in the window, place and date, the heading and
 * the text (drawn into #preview-body by preview.ts), and the QR-bill's payment part at its foot.
 */
function previewPage(m: FormModel) {
  const fields = m.draft?.fields;
  const line = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(' ');
  const sender = fields
    ? [
        fields.creditorName,
        line(fields.creditorStreet, fields.creditorBuildingNumber),
        line(fields.creditorPostalCode, fields.creditorTown),
      ].filter((text) => text.trim() !== '')
    : [];
  const debtor = SAMPLE_DEBTORS[m.sampleDebtor];
  const recipient = [debtor.name, line(debtor.street, debtor.buildingNumber), line(debtor.zip, debtor.city)];
  const place = fields?.creditorTown.trim() || '…';
  const account = compact(fields?.creditorAccount ?? '');
  return html`<article id="preview" class="page" aria-labelledby="h-preview" data-account=${account}>
    <div class="sheet">
      <address id="preview-sender">${sender.length ? sender.map((text) => html`<div>${text}</div>`) : html`<div class="hint">${m.t.fieldNames.creditorName}</div>`}</address>
      <address id="preview-recipient" aria-label=${m.t.sampleDebtor}>${recipient.map((text) => html`<div>${text}</div>`)}</address>
      <p id="preview-date">${place}, ${formatSwissDate(m.today)}</p>
      <h4>${LETTER_HEADINGS[m.letterLanguage]}</h4>
      <div id="preview-body" class="letter-body"></div>
    </div>
    <figure id="payment-part" class="payment-part" aria-label=${m.t.paymentPart}>${paymentPartView(m)}</figure>
  </article>`;
}
