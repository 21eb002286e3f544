// The setup form. A view over settings.json: it shows the host's values, keeps unsaved edits (also across
// hiding and window reloads, in the webview state), and sends checked requests; the host decides everything.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-form-helper/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-radio/index.js';
import '@vscode-elements/elements/dist/vscode-radio-group/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import type { VscodeButton, VscodeRadio, VscodeTextarea, VscodeTextfield } from '@vscode-elements/elements';
import { formatSwissDate } from '../src/shared/dates';
import { languageOf, type Language } from '../src/shared/languages';
import {
  BUILT_IN_LETTERS,
  findUnknownPlaceholders,
  LETTER_HEADINGS,
  PLACEHOLDER_MEANINGS,
  PLACEHOLDERS,
  renderLetterParts,
  SAMPLE_INVOICE,
} from '../src/reminders/letter';
import { formatChf } from '../src/shared/money';
import { SETTINGS } from '../src/settings/schema';
import {
  FORM_FIELDS,
  formValueProblem,
  type FolderStatus,
  type FormValues,
  type HostMessage,
  type SetupState,
  type WebviewMessage,
} from '../src/setup/contract';
import type { Strings } from '../src/setup/formStrings';
import styles from './style.css';

declare function acquireVsCodeApi(): {
  postMessage(message: WebviewMessage): void;
  getState(): unknown;
  setState(state: Draft): void;
};

/** What the user typed, as typed: numbers stay text until they are valid. */
interface Fields {
  daysAfterSecondReminder: string;
  daysBeforeCollection: string;
  text: string;
  casesFolder: string;
}

/** Persisted in the webview state, so unsaved edits survive hiding the panel and reloading the window. */
interface Draft {
  target: string;
  fields: Fields;
  /** The host's values the edits started from. */
  base: Fields;
}

/** Marks a moment for `npm run bench` to read; one mark per name, however long the form is used. */
function timestamp(name: string): void {
  performance.clearMarks(name);
  performance.mark(name);
}

timestamp('tilbago-setup-script');
const vscode = acquireVsCodeApi();
// A constructed stylesheet: allowed by the page's policy, unlike inline styles, and no extra request.
const sheet = new CSSStyleSheet();
sheet.replaceSync(styles);
document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
const language: Language = languageOf(document.body.dataset.language ?? 'en');
/** The words of the display language, handed over by the extension in the page. */
const t = JSON.parse(document.body.dataset.strings ?? '{}') as Strings;

/** Fills `{0}`, `{1}`… in a string. */
function format(template: string, ...values: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => String(values[Number(index)] ?? whole));
}

let state: SetupState | undefined;
let base: Fields | undefined;
let pendingExternal: SetupState | undefined;
let nextRequestId = 1;
let pendingSave: number | undefined;

const toFields = (values: FormValues): Fields => ({
  daysAfterSecondReminder: String(values.daysAfterSecondReminder),
  daysBeforeCollection: String(values.daysBeforeCollection),
  text: values.text,
  casesFolder: values.casesFolder,
});

const sameFields = (a: Fields, b: Fields) =>
  a.daysAfterSecondReminder === b.daysAfterSecondReminder &&
  a.daysBeforeCollection === b.daysBeforeCollection &&
  a.text === b.text &&
  a.casesFolder === b.casesFolder;

// ---- building the form ---------------------------------------------------------------------------------------

type Attributes = Record<string, string | boolean>;

function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes?: Attributes,
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K];
function h(tag: string, attributes?: Attributes, ...children: (Node | string)[]): HTMLElement;
function h(tag: string, attributes: Attributes = {}, ...children: (Node | string)[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) element.setAttribute(name, '');
    else if (value !== false) element.setAttribute(name, value);
  }
  element.append(...children);
  return element;
}

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

function numberField(id: string, label: string) {
  return h(
    'div',
    { class: 'field' },
    h('vscode-label', { for: id }, label),
    h(
      'div',
      { class: 'row' },
      h('vscode-textfield', { id, type: 'number', min: '0', max: '365', step: '1', inputmode: 'numeric', class: 'days' }),
      h('span', { class: 'unit' }, t.days),
    ),
    h('vscode-form-helper', { id: `${id}-help` }, t.wholeDays),
  );
}

function build(): void {
  const app = byId<HTMLElement>('app');
  const legend = h('ul', { class: 'legend' });
  for (const placeholder of PLACEHOLDERS) {
    legend.append(
      h(
        'li',
        {},
        h('vscode-button', { secondary: true, 'data-placeholder': placeholder, title: `%${placeholder}%` }, `%${placeholder}%`),
        h('span', {}, PLACEHOLDER_MEANINGS[language][placeholder]),
      ),
    );
  }
  const steps = h('ol', {});
  for (const step of t.keySteps) steps.append(h('li', {}, step));

  app.append(
    h('h1', {}, t.title),
    h('p', { class: 'hint' }, t.firstTime, ' ', h('a', { href: '#', id: 'open-walkthrough' }, t.openWalkthrough)),
    h(
      'div',
      { class: 'save-bar', role: 'group', 'aria-label': t.save },
      h('span', { id: 'target-label' }, t.saveTo),
      h('vscode-radio-group', { id: 'target', 'aria-labelledby': 'target-label' }),
      h('vscode-button', { id: 'save' }, t.save),
      h('vscode-button', { id: 'revert', secondary: true }, t.revert),
      h('vscode-button', { id: 'reset', secondary: true }, t.resetDefaults),
      h('span', { id: 'dirty', class: 'status', role: 'status' }),
    ),
    h(
      'div',
      { id: 'banner', class: 'banner', role: 'alert', hidden: true },
      h('span', {}, t.externalChange),
      h('vscode-button', { id: 'load-theirs' }, t.loadTheirs),
      h('vscode-button', { id: 'keep-mine', secondary: true }, t.keepMine),
    ),
    h('div', { id: 'error', class: 'banner error', role: 'alert', hidden: true }),
    h(
      'section',
      { 'aria-labelledby': 'h-tilbago' },
      h('h2', { id: 'h-tilbago' }, t.sectionTilbago),
      h('p', {}, h('strong', {}, `${t.apiKey}: `), h('span', { id: 'key-status' }, '…')),
      h(
        'div',
        { class: 'row' },
        h('vscode-button', { id: 'set-key' }, t.setKey),
        h('vscode-button', { id: 'remove-key', secondary: true }, t.removeKey),
        h('vscode-button', { id: 'test-connection', secondary: true }, t.testConnection),
      ),
      h(
        'details',
        {},
        h('summary', {}, t.howToGetKey),
        steps,
        h('p', {}, h('a', { href: 'https://tilbago.ch/fr/authentification-a-deux-facteurs-tilbago/' }, t.twoFactorLink)),
      ),
      h(
        'div',
        { class: 'field' },
        h('vscode-label', { for: 'cases-folder' }, t.casesFolder),
        h(
          'div',
          { class: 'row' },
          h('vscode-textfield', { id: 'cases-folder', class: 'grow', maxlength: String(SETTINGS.casesFolder.maxLength) }),
          h('vscode-button', { id: 'browse', secondary: true }, t.browse),
        ),
        h(
          'div',
          { class: 'row' },
          h('vscode-form-helper', { id: 'folder-status' }),
          h('vscode-button', { id: 'create-folder', secondary: true, hidden: true }, t.createFolder),
        ),
      ),
    ),
    h(
      'section',
      { 'aria-labelledby': 'h-delays' },
      h('h2', { id: 'h-delays' }, t.sectionDelays),
      numberField('days-after-second', t.daysAfterSecondReminder),
      numberField('days-before-collection', t.daysBeforeCollection),
    ),
    h(
      'section',
      { 'aria-labelledby': 'h-text' },
      h('h2', { id: 'h-text' }, t.sectionText),
      h(
        'div',
        { class: 'row' },
        h('span', { id: 'text-source' }),
        h('vscode-button', { id: 'edit-built-in', secondary: true }, t.editBuiltIn),
      ),
      h(
        'div',
        { class: 'field' },
        h('vscode-label', { for: 'letter-text' }, t.letterText),
        // Not resizable: vscode-textarea draws its resize grip from a data: image, which the policy rightly blocks.
        h('vscode-textarea', { id: 'letter-text', rows: '16', resize: 'none', class: 'letter-text' }),
        h('vscode-form-helper', { id: 'text-help' }),
      ),
      h('div', { id: 'unknown', class: 'warning', role: 'status', hidden: true }),
      h('h3', { id: 'h-legend' }, t.dynamicValues),
      h('p', {}, t.dynamicValuesHelp),
      legend,
      h('h3', { id: 'h-preview' }, t.preview),
      h(
        'p',
        { class: 'hint' },
        format(
          t.previewSample,
          SAMPLE_INVOICE.number,
          formatSwissDate(SAMPLE_INVOICE.invoiceDate),
          formatChf(SAMPLE_INVOICE.amountDueRappen),
        ),
      ),
      h(
        'article',
        { id: 'preview', class: 'letter', 'aria-labelledby': 'h-preview' },
        h('h4', {}, LETTER_HEADINGS[language]),
        h('div', { id: 'preview-body' }),
      ),
      h('p', { id: 'preview-cut', class: 'hint', hidden: true }, format(t.previewCut, PREVIEW_LIMIT)),
    ),
  );
  app.removeAttribute('aria-busy');
}

// ---- reading and showing the fields ---------------------------------------------------------------------------

const field = {
  daysAfterSecondReminder: () => byId<VscodeTextfield>('days-after-second'),
  daysBeforeCollection: () => byId<VscodeTextfield>('days-before-collection'),
  text: () => byId<VscodeTextarea>('letter-text'),
  casesFolder: () => byId<VscodeTextfield>('cases-folder'),
};

function readFields(): Fields {
  return {
    daysAfterSecondReminder: field.daysAfterSecondReminder().value,
    daysBeforeCollection: field.daysBeforeCollection().value,
    text: field.text().value,
    casesFolder: field.casesFolder().value,
  };
}

function showFields(fields: Fields): void {
  field.daysAfterSecondReminder().value = fields.daysAfterSecondReminder;
  field.daysBeforeCollection().value = fields.daysBeforeCollection;
  field.text().value = fields.text;
  field.casesFolder().value = fields.casesFolder;
}

function parseDays(text: string): number | undefined {
  return /^\s*\d{1,6}\s*$/.test(text) ? Number(text) : undefined;
}

/** The values to save, or the fields that cannot be saved. */
function validate(fields: Fields): { values?: FormValues; invalid: (keyof Fields)[] } {
  const values = {
    daysAfterSecondReminder: parseDays(fields.daysAfterSecondReminder),
    daysBeforeCollection: parseDays(fields.daysBeforeCollection),
    text: fields.text,
    casesFolder: fields.casesFolder,
  };
  const invalid = (Object.keys(values) as (keyof Fields)[]).filter((key) => formValueProblem(key, values[key]) !== undefined);
  return invalid.length ? { invalid } : { values: values as FormValues, invalid };
}

function showValidation(fields: Fields): (keyof Fields)[] {
  const { invalid } = validate(fields);
  for (const key of ['daysAfterSecondReminder', 'daysBeforeCollection'] as const) {
    const input = field[key]();
    input.invalid = invalid.includes(key);
    const help = byId<HTMLElement>(`${input.id}-help`);
    help.textContent = t.wholeDays;
    help.toggleAttribute('data-invalid', input.invalid);
  }
  const text = field.text();
  const textProblem = formValueProblem('text', fields.text);
  text.invalid = textProblem !== undefined;
  byId('text-help').textContent =
    textProblem === 'tooLong' ? format(t.textTooLong, SETTINGS['reminder3.text'].maxLength) : textProblem ? t.textControl : '';
  byId('text-source').textContent = fields.text === '' ? format(t.builtInInUse, t.languageNames[language]) : t.customInUse;
  byId('edit-built-in').hidden = fields.text !== '';
  field.casesFolder().invalid = invalid.includes('casesFolder');
  return invalid;
}

function showKey(apiKey: SetupState['apiKey']): void {
  byId('key-status').textContent = !apiKey.set ? t.keyNotSet : apiKey.hint ? format(t.keySetWithHint, apiKey.hint) : t.keySet;
  byId('set-key').textContent = apiKey.set ? t.replaceKey : t.setKey;
  byId('remove-key').hidden = !apiKey.set;
  byId('test-connection').hidden = !apiKey.set;
}

const FOLDER_MESSAGES: Record<FolderStatus['kind'], keyof typeof t> = {
  ok: 'folderOk',
  notSet: 'folderNotSet',
  missing: 'folderMissing',
  notAFolder: 'folderNotAFolder',
  notWritable: 'folderNotWritable',
  needsWorkspaceFolder: 'folderNeedsWorkspace',
  invalid: 'folderInvalid',
};

function showFolderStatus(status: FolderStatus): void {
  const helper = byId('folder-status');
  const path = 'path' in status && status.kind !== 'ok' ? ` (${status.path})` : 'path' in status ? ` ${status.path}` : '';
  helper.textContent = `${t[FOLDER_MESSAGES[status.kind]] as string}${path}`;
  helper.dataset.kind = status.kind;
  helper.toggleAttribute('data-invalid', !['ok', 'notSet'].includes(status.kind));
  byId('create-folder').hidden = status.kind !== 'missing';
}

function showTargets(current: SetupState): void {
  byId('target').replaceChildren(
    ...current.targets.map((target) =>
      h('vscode-radio', { name: 'target', value: target.id, label: target.label, checked: target.id === current.target }, target.label),
    ),
  );
}

/** The target chosen in the form (the host's when none is). */
function chosenTarget(): string | undefined {
  const checked = [...byId('target').querySelectorAll<VscodeRadio>('vscode-radio')].find((radio) => radio.checked);
  return checked?.value ?? state?.target;
}

// ---- the letter: unknown placeholders and the live preview ----------------------------------------------------

const MAX_LISTED_UNKNOWN = 8;

function showUnknownPlaceholders(text: string): void {
  const box = byId('unknown');
  // Like the preview, only the part that could be saved.
  const unknown = findUnknownPlaceholders(text.slice(0, PREVIEW_LIMIT));
  box.hidden = unknown.length === 0;
  if (!unknown.length) {
    box.replaceChildren();
    return;
  }
  const list = h('ul', {});
  let line = 1;
  let counted = 0;
  for (const item of unknown.slice(0, MAX_LISTED_UNKNOWN)) {
    for (let i = text.indexOf('\n', counted); i !== -1 && i < item.start; i = text.indexOf('\n', i + 1)) {
      line++;
      counted = i + 1;
    }
    const hint = item.suggestion ? ` — ${format(t.didYouMean, `%${item.suggestion}%`)}` : '';
    list.append(h('li', {}, h('code', {}, item.text), ` (${format(t.line, line)})${hint}`));
  }
  if (unknown.length > MAX_LISTED_UNKNOWN) list.append(h('li', {}, format(t.andMore, unknown.length - MAX_LISTED_UNKNOWN)));
  box.replaceChildren(h('span', {}, t.unknownPlaceholders), list);
}

/**
 * A letter longer than a setting may hold cannot be saved; its preview shows the part that could be, so that
 * pasting a megabyte by mistake costs a moment, not seconds of layout.
 */
const PREVIEW_LIMIT = SETTINGS['reminder3.text'].maxLength;

function renderPreview(text: string): void {
  const letter = text === '' ? BUILT_IN_LETTERS[language] : text.slice(0, PREVIEW_LIMIT);
  const body = byId('preview-body');
  byId('preview-cut').hidden = text.length <= PREVIEW_LIMIT;
  const nodes = renderLetterParts(letter, SAMPLE_INVOICE, language).map((part) => {
    if (part.kind === 'text') return document.createTextNode(part.text);
    const kind = part.kind === 'value' ? 'value' : 'unknown';
    return h('mark', { class: kind, ...(part.kind === 'value' ? { title: `%${part.placeholder}%` } : {}) }, part.text);
  });
  body.replaceChildren(...nodes);
}

// Typing fires many events; the preview, the placeholder check and the saved draft follow once per frame.
let frame = 0;
function scheduleUpdate(): void {
  if (frame) return;
  frame = requestAnimationFrame(() => {
    timestamp('tilbago-preview-start');
    frame = 0;
    const fields = readFields();
    renderPreview(fields.text);
    showUnknownPlaceholders(fields.text);
    keepDraft(fields);
    timestamp('tilbago-preview-updated');
  });
}

let pendingDraft: ReturnType<typeof setTimeout> | undefined;
/**
 * Keeps the edits in the webview state. A text too long to be saved is kept a moment later, off the typing path:
 * copying a megabyte into the state on every frame would make the form lag.
 */
function keepDraft(fields: Fields): void {
  clearTimeout(pendingDraft);
  const keep = () => state && base && vscode.setState({ target: state.target, fields, base });
  if (fields.text.length <= PREVIEW_LIMIT) keep();
  else pendingDraft = setTimeout(keep, 300);
}

// ---- state ---------------------------------------------------------------------------------------------------

function refresh(): void {
  if (!state || !base) return;
  const fields = readFields();
  showValidation(fields);
  const dirty = !sameFields(fields, base);
  const marker = byId('dirty');
  marker.textContent = pendingSave !== undefined ? t.saving : dirty ? t.unsaved : t.noChanges;
  marker.dataset.dirty = String(dirty);
  byId('revert').toggleAttribute('disabled', !dirty);
  scheduleUpdate();
}

let folderCheck: ReturnType<typeof setTimeout> | undefined;
function scheduleFolderCheck(): void {
  clearTimeout(folderCheck);
  folderCheck = setTimeout(() => post({ type: 'checkFolder', folder: field.casesFolder().value }), 250);
}

function apply(next: SetupState, fields: Fields = toFields(next.values)): void {
  state = next;
  base = toFields(next.values);
  showTargets(next);
  showKey(next.apiKey);
  showFolderStatus(next.folder);
  showFields(fields);
  if (!sameFields(fields, base) && fields.casesFolder !== base.casesFolder) scheduleFolderCheck();
  refresh();
}

function setStatus(text: string): void {
  byId('dirty').textContent = text;
}

function showError(message: string | undefined): void {
  const box = byId('error');
  box.textContent = message ? `${t.error}: ${message}` : '';
  box.hidden = !message;
}

/** Unsaved edits: those on screen, or before the first state, those kept in the webview state. */
function currentEdits(): Draft | undefined {
  if (state && base) {
    const fields = readFields();
    return sameFields(fields, base) ? undefined : { target: state.target, fields, base };
  }
  const draft = readDraft();
  return draft && !sameFields(draft.fields, draft.base) ? draft : undefined;
}

function onState(next: SetupState, reason: Extract<HostMessage, { type: 'state' }>['reason']): void {
  if (reason === 'initial') queueMicrotask(() => timestamp('tilbago-setup-interactive'));
  const edits = currentEdits();
  switch (reason) {
    case 'initial':
      if (!edits || edits.target !== next.target) {
        apply(next);
        return;
      }
      apply(next, edits.fields);
      // The settings changed while the form was closed: say so; the edits stay until the user chooses.
      if (!sameFields(edits.base, toFields(next.values))) showBanner(next);
      return;
    case 'external':
      if (edits) showBanner(next);
      else apply(next);
      return;
    case 'target':
      apply(next, edits?.fields);
      return;
    case 'saved':
      pendingSave = undefined;
      apply(next);
      setStatus(format(t.savedTo, labelOf(next)));
      return;
    case 'reset':
      apply(next);
      setStatus(format(t.resetDone, labelOf(next)));
      return;
  }
}

const labelOf = (current: SetupState) => current.targets.find((target) => target.id === current.target)?.label ?? '';

function showBanner(next: SetupState): void {
  pendingExternal = next;
  byId('banner').hidden = false;
}

function hideBanner(): void {
  pendingExternal = undefined;
  byId('banner').hidden = true;
}

function readDraft(): Draft | undefined {
  const saved = vscode.getState() as Partial<Draft> | undefined;
  const isFields = (value: unknown): value is Fields =>
    typeof value === 'object' && value !== null && FORM_FIELDS.every((key) => typeof (value as Record<string, unknown>)[key] === 'string');
  return saved && typeof saved.target === 'string' && isFields(saved.fields) && isFields(saved.base) ? (saved as Draft) : undefined;
}

function post(message: WebviewMessage): void {
  vscode.postMessage(message);
}

// ---- events --------------------------------------------------------------------------------------------------

function insertPlaceholder(placeholder: string): void {
  const textarea = field.text();
  const inner = textarea.wrappedElement;
  const start = inner.selectionStart ?? textarea.value.length;
  const end = inner.selectionEnd ?? start;
  const token = `%${placeholder}%`;
  inner.setRangeText(token, start, end, 'end');
  textarea.value = inner.value;
  refresh();
  // Back to the text to go on typing; later, so an Enter that pressed the button does not also land in the text.
  setTimeout(() => {
    inner.focus();
    inner.setSelectionRange(start + token.length, start + token.length);
  });
}

function wire(): void {
  for (const id of ['days-after-second', 'days-before-collection', 'letter-text', 'cases-folder']) {
    byId(id).addEventListener('input', () => {
      timestamp('tilbago-input');
      showError(undefined);
      refresh();
      if (id === 'cases-folder') scheduleFolderCheck();
      timestamp('tilbago-input-handled');
    });
  }
  byId('save').addEventListener('click', () => {
    if (!state) return;
    const fields = readFields();
    const { values, invalid } = validate(fields);
    showValidation(fields);
    if (!values) {
      showError(t.invalidValues);
      const first = invalid[0]!;
      field[first]().focus();
      return;
    }
    hideBanner();
    showError(undefined);
    pendingSave = nextRequestId++;
    setStatus(t.saving);
    post({ type: 'save', requestId: pendingSave, target: chosenTarget() ?? state.target, values });
  });
  byId('revert').addEventListener('click', () => {
    if (!state) return;
    hideBanner();
    apply(state);
  });
  byId('reset').addEventListener(
    'click',
    () => state && post({ type: 'reset', requestId: nextRequestId++, target: chosenTarget() ?? state.target }),
  );
  byId('target').addEventListener('change', () => {
    const target = chosenTarget();
    if (target && target !== state?.target) post({ type: 'selectTarget', target });
  });
  byId('load-theirs').addEventListener('click', () => {
    if (pendingExternal) apply(pendingExternal);
    hideBanner();
  });
  byId('keep-mine').addEventListener('click', () => {
    // The edits stay, now measured against the new values, and Save will write them over.
    if (pendingExternal) apply(pendingExternal, readFields());
    hideBanner();
  });
  byId('set-key').addEventListener('click', () => post({ type: 'setApiKey' }));
  byId('remove-key').addEventListener('click', () => post({ type: 'removeApiKey' }));
  byId('test-connection').addEventListener('click', () => post({ type: 'testConnection' }));
  byId('open-walkthrough').addEventListener('click', (event) => {
    event.preventDefault();
    post({ type: 'openWalkthrough' });
  });
  byId('browse').addEventListener('click', () => post({ type: 'browseFolder', folder: field.casesFolder().value }));
  byId('create-folder').addEventListener('click', () => post({ type: 'createFolder', folder: field.casesFolder().value }));
  byId('edit-built-in').addEventListener('click', () => {
    field.text().value = BUILT_IN_LETTERS[language];
    refresh();
  });
  document.querySelector('.legend')!.addEventListener('click', (event) => {
    const button = (event.target as HTMLElement).closest<VscodeButton>('vscode-button[data-placeholder]');
    if (button) insertPlaceholder(button.dataset.placeholder!);
  });

  window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
    const message = event.data;
    switch (message.type) {
      case 'state':
        return onState(message.state, message.reason);
      case 'apiKey':
        return showKey(message.apiKey);
      case 'folderStatus':
        if (message.folder === field.casesFolder().value) showFolderStatus(message.status);
        return;
      case 'folderPicked':
        field.casesFolder().value = message.folder;
        showFolderStatus(message.status);
        return refresh();
      case 'error':
        if (message.requestId !== undefined && message.requestId === pendingSave) pendingSave = undefined;
        showError(message.message);
        return refresh();
    }
  });
}

// The handshake first, so the extension prepares the state while the form is built; its answer is a message,
// handled only after this script has built the form and started listening.
post({ type: 'ready' });
build();
wire();
