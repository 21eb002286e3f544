// The setup form's behaviour: what it knows (the host's state, the draft of unsaved edits) and what each action
// does. It renders with Lit on every change; the preview and the placeholder check follow once per frame. The host
// decides everything; the form keeps the edits, tells the host about them, and sends checked requests.
import { render } from 'lit';
import type { VscodeTextarea } from '@vscode-elements/elements';
import { LANGUAGES, type Language } from '../src/shared/languages';
import { today } from '../src/shared/dates';
import { BUILT_IN_LETTERS, findUnknownPlaceholders } from '../src/reminders/letter';
import { MAX_DRAFT_FIELD_LENGTH, type Draft, type RequestResult, type SetupState, type StateReason } from '../src/setup/contract';
import { CREDITOR_FIELDS, FORM_FIELDS, KEPT_BY_RESET, LETTER_FIELDS, type FormField } from '../src/setup/fields';
import type { Strings } from '../src/setup/formWords';
import { afterSave, changesToSave, edit, fieldsOf, isDirty, rebase, startDraft, writeIntoFile } from './draft';
import { HostError, type HostClient } from './hostClient';
import { PREVIEW_LIMIT, renderPreview } from './preview';
import { applySuggestion, locateUnknownPlaceholders, type LocatedPlaceholder } from './unknownPlaceholders';
import { importSvg } from './svgImport';
import { FIELD_IDS } from '../src/setup/fields';
import type { FormActions, FormModel } from './view/model';
import { formView } from './view/page';
import { format } from '../src/shared/format';
import { formatTime } from './words';

const MAX_LISTED_UNKNOWN = 8;
/** Edits this long go to the host a moment later, off the typing path: copying a megabyte each frame would lag. */
const DRAFT_SENT_AT_ONCE = 20_000;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Marks a moment for `npm run bench` to read; one mark per name, however long the form is used. */
export function timestamp(name: string): void {
  performance.clearMarks(name);
  performance.mark(name);
}

export class SetupForm {
  private readonly m: Mutable<FormModel>;
  private frame = 0;
  private folderCheck: ReturnType<typeof setTimeout> | undefined;
  private draftTimer: ReturnType<typeof setTimeout> | undefined;
  private paymentPartTimer: ReturnType<typeof setTimeout> | undefined;
  /** The creditor fields and language the payment part was last asked for. */
  private paymentPartAsked: string | undefined;
  /** The edits the host was last told of (`null`: none); nothing is sent before the host's draft was read. */
  private sentDraft: Draft | null | undefined;
  private readonly actions: FormActions;

  constructor(
    private readonly root: HTMLElement,
    private readonly host: HostClient,
    t: Strings,
    language: Language,
    /** The panel was closed since the form last showed (not merely hidden or reloaded): edits kept meanwhile are announced. */
    private readonly reopened: boolean,
  ) {
    this.m = {
      t,
      language,
      letterLanguage: language,
      sampleDebtor: 'company',
      saving: false,
      restored: false,
      unknown: { items: [], total: 0 },
      today: today(),
    };
    this.actions = {
      input: (field, value) => this.input(field, value),
      save: () => void this.save(),
      revert: () => this.revert(),
      reset: () => void this.reset(),
      selectTarget: (target) => void this.selectTarget(target),
      keepMine: () => this.update({ external: undefined }),
      setKey: () => void this.run(this.host.request('setApiKey', {})),
      removeKey: () => void this.run(this.host.request('removeApiKey', {})),
      testConnection: () => void this.testConnection(),
      openWalkthrough: () => void this.run(this.host.request('openWalkthrough', {})),
      browse: () => void this.browse(),
      createFolder: () => void this.createFolder(),
      editBuiltIn: () => this.input(this.letterField(), BUILT_IN_LETTERS[this.m.letterLanguage]),
      chooseLetterLanguage: (letterLanguage) => this.update({ letterLanguage }),
      chooseSampleDebtor: (sampleDebtor) => this.update({ sampleDebtor }),
      insertPlaceholder: (placeholder) => this.insertPlaceholder(placeholder),
      fixPlaceholder: (item) => this.fixPlaceholder(item),
      writeIntoFile: (field) => this.writeIntoFile(field),
      ignoreCasesFolder: () => void this.ignoreCasesFolder(),
    };
  }

  /**
   * Shows the form from the first state the page carries, else from the handshake's answer. The handshake is made
   * either way: it tells the host the form listens, and its answer holds whatever changed since the page was made.
   */
  start(first?: RequestResult<'ready'>): void {
    const ready = this.host.request('ready', {});
    this.host.on('state', ({ state, reason }) => this.onState(state, reason));
    this.host.on('apiKey', ({ apiKey }) => this.update({ apiKey }));
    this.host.on('refused', ({ message }) => this.update({ error: message }));
    this.host.on('casesGit', ({ casesGit }) => this.update({ casesGit }));
    if (first) this.onInitial(first.state, first.draft);
    else this.render();
    this.root.removeAttribute('aria-busy');
    ready.then(
      ({ state, draft }) => (first ? this.onState(state, 'external') : this.onInitial(state, draft)),
      (error: unknown) => this.fail(error),
    );
  }

  private render(): void {
    render(formView(this.m, this.actions), this.root);
  }

  /** Applies a change to what the form knows, renders, and lets the preview and the host's copy of the edits follow. */
  private update(change: Partial<FormModel>): void {
    Object.assign(this.m, change);
    this.render();
    this.scheduleFrame();
  }

  private onInitial(state: SetupState, stored: Draft | null): void {
    const change: Mutable<Partial<FormModel>> = { state, apiKey: state.apiKey, folder: state.folder, casesGit: state.casesGit };
    if (stored) {
      // Edits kept from an earlier session, on top of today's values: say so, and what changed meanwhile.
      const { draft, changedOutside, conflicts } = rebase(stored, state);
      change.draft = draft;
      change.restored = this.reopened && isDirty(draft);
      if (isDirty(draft) && changedOutside.length) change.external = { changed: changedOutside, conflicts };
      if (draft.fields.casesFolder !== fieldsOf(state.values).casesFolder) this.scheduleFolderCheck(draft.fields.casesFolder);
    } else {
      change.draft = startDraft(state);
    }
    this.sentDraft = stored;
    this.update(change);
    queueMicrotask(() => timestamp('tilbago-setup-interactive'));
  }

  private onState(state: SetupState, reason: StateReason): void {
    const before = this.m.draft;
    if (!before) return; // Not started yet: the handshake's answer brings the newest state.
    const { draft, changedOutside, conflicts } = rebase(before, state);
    const change: Mutable<Partial<FormModel>> = { state, apiKey: state.apiKey, folder: state.folder, casesGit: state.casesGit, draft };
    if (reason === 'external' && isDirty(before) && changedOutside.length) {
      const union = (a: readonly FormField[] = [], b: readonly FormField[]) => [...new Set([...a, ...b])];
      change.external = {
        changed: union(this.m.external?.changed, changedOutside),
        conflicts: union(this.m.external?.conflicts, conflicts),
      };
    }
    if (draft.fields.casesFolder !== fieldsOf(state.values).casesFolder) this.scheduleFolderCheck(draft.fields.casesFolder);
    this.update(change);
  }

  private input(field: FormField, value: string): void {
    const { draft, state } = this.m;
    if (!draft) return;
    timestamp('tilbago-input');
    let next = edit(draft, field, value);
    // Typing in a field whose file value is broken means: write what I leave here.
    if (next !== draft && state?.broken[field]) next = writeIntoFile(next, field);
    if (field === 'casesFolder') this.scheduleFolderCheck(value);
    this.update({ draft: next, error: undefined });
    timestamp('tilbago-input-handled');
  }

  /** The field of the letter being edited. */
  private letterField() {
    return LETTER_FIELDS[this.m.letterLanguage];
  }

  async save(): Promise<void> {
    const { draft, state, t } = this.m;
    if (!draft || !state || this.m.saving) return;
    const result = changesToSave(draft);
    if ('invalid' in result) {
      const first = result.invalid[0]!;
      // A letter that cannot be saved is shown before the focus goes to it.
      const language = (Object.keys(LETTER_FIELDS) as Language[]).find((candidate) => LETTER_FIELDS[candidate] === first);
      this.update({ error: t.invalidValues, ...(language ? { letterLanguage: language } : {}) });
      document.getElementById(FIELD_IDS[first])?.focus();
      return;
    }
    if (Object.keys(result.changes).length === 0) return this.update({ error: undefined });
    // The request first, then "Saving…": the host starts writing while the form draws.
    const request = this.host.request('save', { target: draft.target, changes: result.changes });
    this.update({ saving: true, error: undefined, external: undefined, restored: false });
    try {
      const saved = await request;
      const label = saved.state.targets.find((target) => target.id === saved.state.target)?.label ?? '';
      // Saved as written; but the letter command refuses these texts, so Save says so too, for every language.
      const refused = LANGUAGES.map((language) => LETTER_FIELDS[language]).filter((field) => {
        const text = result.changes[field];
        return typeof text === 'string' && findUnknownPlaceholders(text).length > 0;
      });
      const savedTo = format(t.savedTo, label, formatTime(saved.savedAt, this.m.language));
      this.update({
        saving: false,
        state: saved.state,
        folder: saved.state.folder,
        casesGit: saved.state.casesGit,
        draft: afterSave(this.m.draft ?? draft, saved.state, result.changes),
        lastSavedAt: saved.savedAt,
        notice: refused.length ? `${savedTo} ${format(t.savedNoLetter, refused.map((field) => t.fieldNames[field]).join(', '))}` : savedTo,
      });
    } catch (error) {
      this.m.saving = false;
      this.fail(error);
    }
  }

  /** Back to the values in settings.json: Revert, Discard, Load the new values. */
  private revert(): void {
    const { state, t } = this.m;
    if (!state) return;
    this.update({
      notice: t.reverted,
      draft: startDraft(state),
      folder: state.folder,
      casesGit: state.casesGit,
      external: undefined,
      restored: false,
      error: undefined,
    });
  }

  private async reset(): Promise<void> {
    const { draft, t } = this.m;
    if (!draft) return;
    const state = await this.run(this.host.request('reset', { target: draft.target }));
    if (!state) return;
    const label = state.targets.find((target) => target.id === state.target)?.label ?? '';
    // Reset keeps the cases folder and the creditor unless the user chose to reset everything: the notice says which.
    const kept = KEPT_BY_RESET.some((field) => state.setAtTarget[field]);
    this.update({
      state,
      folder: state.folder,
      casesGit: state.casesGit,
      draft: startDraft(state),
      external: undefined,
      restored: false,
      notice: format(kept ? t.resetKept : t.resetDone, label),
    });
  }

  private async selectTarget(target: string): Promise<void> {
    const { draft } = this.m;
    if (!draft || target === draft.target) return;
    this.update({ draft: { ...draft, target } });
    const state = await this.run(this.host.request('selectTarget', { target }));
    const current = this.m.draft ?? draft;
    // Another target's values: the fields the user did not edit show them, the edits stay.
    if (state)
      this.update({ state, folder: state.folder, casesGit: state.casesGit, notice: undefined, draft: rebase(current, state).draft });
    else if (this.m.state) this.update({ draft: { ...current, target: this.m.state.target } });
  }

  private async testConnection(): Promise<void> {
    this.update({ connection: 'testing' });
    this.update({ connection: (await this.run(this.host.request('testConnection', {}))) ?? undefined });
  }

  private async browse(): Promise<void> {
    const folder = this.m.draft?.fields.casesFolder;
    if (folder === undefined) return;
    const picked = await this.run(this.host.request('browseFolder', { folder }));
    if (!picked) return;
    this.input('casesFolder', picked.folder);
    this.update({ folder: picked.status });
  }

  private async createFolder(): Promise<void> {
    const folder = this.m.draft?.fields.casesFolder;
    if (folder === undefined) return;
    const status = await this.run(this.host.request('createFolder', { folder }));
    if (status && this.m.draft?.fields.casesFolder === folder) this.update({ folder: status });
  }

  private async ignoreCasesFolder(): Promise<void> {
    const folder = this.m.draft?.fields.casesFolder;
    if (folder === undefined) return;
    const casesGit = await this.run(this.host.request('ignoreCasesFolder', { folder }));
    if (casesGit) this.update({ casesGit });
  }

  /** The payment part follows the creditor fields, the letter's language and debtor, a moment after the typing stops. */
  private schedulePaymentPart(draft: Draft): void {
    const creditor = Object.fromEntries(CREDITOR_FIELDS.map((field) => [field, draft.fields[field].slice(0, 200)])) as Record<
      (typeof CREDITOR_FIELDS)[number],
      string
    >;
    const { letterLanguage: language, sampleDebtor: debtor } = this.m;
    const key = JSON.stringify([creditor, language, debtor]);
    if (key === this.paymentPartAsked) return;
    this.paymentPartAsked = key;
    clearTimeout(this.paymentPartTimer);
    this.paymentPartTimer = setTimeout(async () => {
      if (this.m.paymentPart === undefined) this.update({ paymentPart: 'making' });
      const part = await this.run(this.host.request('paymentPartSvg', { creditor, language, debtor }));
      if (!part || key !== this.paymentPartAsked) return;
      if (!part.ok) return this.update({ paymentPart: part });
      const svg = importSvg(part.svg);
      this.update({ paymentPart: svg ? { ok: true, svg } : undefined });
    }, 250);
  }

  private scheduleFolderCheck(folder: string): void {
    clearTimeout(this.folderCheck);
    this.folderCheck = setTimeout(async () => {
      const status = await this.run(this.host.request('checkFolder', { folder }));
      if (status && this.m.draft?.fields.casesFolder === folder) this.update({ folder: status });
    }, 250);
  }

  private insertPlaceholder(placeholder: string): void {
    const textarea = document.getElementById(FIELD_IDS[this.letterField()]) as VscodeTextarea | null;
    if (!textarea) return;
    const inner = textarea.wrappedElement;
    const start = inner.selectionStart ?? inner.value.length;
    const end = inner.selectionEnd ?? start;
    const token = `%${placeholder}%`;
    inner.setRangeText(token, start, end, 'end');
    this.input(this.letterField(), inner.value);
    // Back to the text to go on typing; later, so an Enter that pressed the button does not also land in the text.
    setTimeout(() => {
      inner.focus();
      inner.setSelectionRange(start + token.length, start + token.length);
    });
  }

  private fixPlaceholder(item: LocatedPlaceholder): void {
    const field = this.letterField();
    const fixed = applySuggestion(this.m.draft?.fields[field] ?? '', item);
    if (fixed !== undefined) this.input(field, fixed);
  }

  private writeIntoFile(field: FormField): void {
    const { draft, state } = this.m;
    if (!draft || !state) return;
    this.update({ draft: writeIntoFile(edit(draft, field, fieldsOf(state.values)[field]), field) });
  }

  // Typing fires many events; the preview, the placeholder check and the host's copy of the edits follow once per frame.
  private scheduleFrame(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const { draft, letterLanguage, sampleDebtor } = this.m;
      if (!draft) return;
      timestamp('tilbago-preview-start');
      // What a debtor of that language gets: its own letter, else the built-in letter.
      const text = draft.fields[this.letterField()];
      const body = document.getElementById('preview-body');
      if (body) renderPreview(body, text, letterLanguage, sampleDebtor);
      const unknown = locateUnknownPlaceholders(text.slice(0, PREVIEW_LIMIT), MAX_LISTED_UNKNOWN);
      const same = (a: readonly LocatedPlaceholder[], b: readonly LocatedPlaceholder[]) =>
        a.length === b.length && a.every((item, i) => item.start === b[i]!.start && item.text === b[i]!.text && item.after === b[i]!.after);
      if (unknown.total !== this.m.unknown.total || !same(unknown.items, this.m.unknown.items)) {
        this.m.unknown = unknown;
        this.render();
      }
      this.keepDraft(draft);
      this.schedulePaymentPart(draft);
      timestamp('tilbago-preview-updated');
    });
  }

  /** Tells the host of the edits, so they survive closing the form. */
  private keepDraft(draft: Draft): void {
    if (this.sentDraft === undefined) return;
    const edits = isDirty(draft) ? draft : null;
    // Newer edits replace any still waiting to be sent (a big paste, then Revert: the paste is not sent after it).
    clearTimeout(this.draftTimer);
    // Beyond what the host keeps (far beyond what can be saved), the last edits it could keep stay there.
    if (edits === this.sentDraft || (edits && FORM_FIELDS.some((field) => edits.fields[field].length > MAX_DRAFT_FIELD_LENGTH))) return;
    const send = () => {
      this.sentDraft = edits;
      this.host.notify('draft', { draft: edits });
    };
    const length = edits ? FORM_FIELDS.reduce((sum, field) => sum + edits.fields[field].length + edits.base[field].length, 0) : 0;
    if (length <= DRAFT_SENT_AT_ONCE) send();
    else this.draftTimer = setTimeout(send, 300);
  }

  /** Runs a request; a failure is shown, and undefined returned. */
  private async run<T>(request: Promise<T>): Promise<T | undefined> {
    try {
      return await request;
    } catch (error) {
      this.fail(error);
      return undefined;
    }
  }

  private fail(error: unknown): void {
    this.update({ error: error instanceof HostError ? error.message : String(error) });
  }
}
