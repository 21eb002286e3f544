// The contract between the setup panel's webview and the extension host, compiled by both sides: the requests the
// webview makes (each with its parameters and its result), the notifications both ways, and the run-time check of
// everything that comes from the webview. Each message from the webview has one validator, below; the types of
// its parameters are derived from it, and `parseWebviewMessage` is made of them. Nothing from the webview is acted
// on before it passed; what fails is answered with an error.
import type { Language } from '../shared/languages';
import type { SampleDebtor } from '../reminders/letterEditing';
import { checkSetting, type SettingProblem } from '../settings/schema';
import type { SettingsFile } from '../settings/settingsFiles';
import {
  CREDITOR_FIELDS,
  type CreditorFormField,
  FORM_FIELDS,
  type FormField,
  type FormValues,
  KEPT_BY_RESET,
  perField,
  SETTING_OF_FIELD,
} from './fields';

/** The values set at a target that Reset removes, and those it keeps (`KEPT_BY_RESET`) unless the user asks for everything. */
export function resetFields(setAtTarget: Readonly<Record<FormField, boolean>>): {
  readonly reset: readonly FormField[];
  readonly kept: readonly FormField[];
} {
  const set = FORM_FIELDS.filter((field) => setAtTarget[field]);
  return { reset: set.filter((field) => !KEPT_BY_RESET.includes(field)), kept: set.filter((field) => KEPT_BY_RESET.includes(field)) };
}
export type CreditorFormValues = Pick<FormValues, CreditorFormField>;

/** Where Save writes: the User settings, the Workspace settings, or one folder's settings in a multi-root workspace. */
export interface SaveTarget {
  readonly id: string;
  readonly kind: SettingsFile;
  readonly label: string;
}

export type FolderStatus =
  | { readonly kind: 'notSet' }
  | { readonly kind: 'ok'; readonly path: string }
  | { readonly kind: 'missing'; readonly path: string }
  | { readonly kind: 'notAFolder'; readonly path: string }
  | { readonly kind: 'notWritable'; readonly path: string }
  | { readonly kind: 'needsWorkspaceFolder' }
  | { readonly kind: 'invalid' };

/**
 * Whether the cases folder is kept out of Git: `ignored`; `exposed` (Git said it is not ignored); `mayBeExposed` (Git
 * could not be asked, and the .gitignore files do not certainly cover it); `noRepository` (in no Git working tree);
 * `notChecked` (no folder, or a path that cannot be resolved). `root`: the working tree's root.
 */
export interface CasesGit {
  readonly kind: 'ignored' | 'exposed' | 'mayBeExposed' | 'noRepository' | 'notChecked';
  /** The cases folder as written in the form, which this answer is about. */
  readonly folder: string;
  readonly root?: string;
}

/** A value in a settings file that cannot be used as it is: what the file holds, where, and why. */
export interface BrokenValue {
  /**
   * The value as written in the file (JSON, cut to 40 characters), for the day counts only: a text setting could
   * hold something pasted by mistake, so it is never repeated.
   */
  readonly written?: string;
  /** The settings file it is written in, by its label ("Workspace settings"). */
  readonly file: string;
  readonly problem: SettingProblem;
}

export interface SetupState {
  readonly language: Language;
  readonly targets: readonly SaveTarget[];
  readonly target: string;
  /** The values in effect at the target: set there, inherited, or the defaults (a broken value: what is used instead). */
  readonly values: FormValues;
  /** Whether each value is set at the target itself (Reset to defaults removes those, `resetFields`). */
  readonly setAtTarget: Readonly<Record<FormField, boolean>>;
  /** The values in effect that are not what the settings file says, because what it says cannot be used. */
  readonly broken: Partial<Record<FormField, BrokenValue>>;
  readonly folder: FolderStatus;
  /** Whether Git keeps the cases folder in effect out of its repository (the debtors' data must not be committed). */
  readonly casesGit: CasesGit;
  /** Never the key: whether one is set and, for a long key, its last 4 characters. */
  readonly apiKey: ApiKeyState;
}

export interface ApiKeyState {
  readonly set: boolean;
  readonly hint?: string;
}

/** The form's fields as typed (numbers stay text until they are valid). */
export type DraftFields = Readonly<Record<FormField, string>>;

/**
 * Unsaved edits, kept by the host while the form is closed. `base` holds the host's values the edits are measured
 * against: a field equal to its base is not an edit, and Save writes only the others.
 */
export interface Draft {
  readonly target: string;
  readonly base: DraftFields;
  readonly fields: DraftFields;
}

/** The fields edited in a draft: those that differ from what they started from. */
export function editedFields(draft: Draft): FormField[] {
  return FORM_FIELDS.filter((field) => draft.fields[field] !== draft.base[field]);
}

/**
 * What Test connection found: tilbago's answer (the kinds of the client's errors: the compiler holds the two
 * together where the extension gives the panel Test connection), or `notTested` (no key, or an address the key
 * may not go to).
 */
export type ConnectionOutcome =
  | 'accepted'
  | 'unauthorized'
  | 'invalidKey'
  | 'insufficientBalance'
  | 'busy'
  | 'unreachable'
  | 'timeout'
  | 'unexpected'
  | 'invalidAnswer'
  | 'notTested';

export interface ConnectionTest {
  readonly outcome: ConnectionOutcome;
  /** The host asked (`api.tilbago.ch`), when the address could be used. */
  readonly host?: string;
  /** When the answer came, in milliseconds since 1970 (the form shows it in the display language). */
  readonly at: number;
}

// ---- run-time checks --------------------------------------------------------------------------------------------

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };
/** Checks an untrusted value and returns a fresh, typed copy of it, or what is wrong (a short phrase). */
export type Check<T> = (raw: unknown) => Checked<T>;
type CheckedBy<C> = C extends Check<infer T> ? T : never;

const pass = <T>(value: T): Checked<T> => ({ ok: true, value });
const refuse = (error: string): Checked<never> => ({ ok: false, error });

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** An error about a field, for the error of the object holding it: `.field must…`, `.field.inner must…`. */
const within = (key: string, error: string) => `.${key}${error.startsWith('.') ? '' : ' '}${error}`;

// The checks are made once, at load; marked free of side effects so that a bundle using none of them (the
// webview's) leaves them out.

/**
 * An object with the fields of `shape` (all of them, or with `partial` any of them) and no others, each checked.
 * Own keys only, `__proto__` and symbols included, so nothing inherited or hidden slips through.
 */
/* @__NO_SIDE_EFFECTS__ */
function object<S extends Record<string, Check<unknown>>>(shape: S): Check<{ readonly [K in keyof S]: CheckedBy<S[K]> }>;
function object<S extends Record<string, Check<unknown>>>(
  shape: S,
  partial: 'partial',
): Check<{ readonly [K in keyof S]?: CheckedBy<S[K]> }>;
/* @__NO_SIDE_EFFECTS__ */
function object(shape: Record<string, Check<unknown>>, partial?: 'partial'): Check<Record<string, unknown>> {
  const keys = Object.keys(shape);
  // A long list is cut, so the error stays short.
  const names = keys.length > 8 ? `${keys.slice(0, 3).join(', ')}… (${keys.length})` : keys.join(', ');
  const expected = !keys.length ? 'no fields' : partial ? `only fields among ${names}` : `exactly the fields ${names}`;
  return (raw) => {
    if (!isPlainObject(raw)) return refuse('must be an object');
    const own = Reflect.ownKeys(raw);
    if (!own.every((key) => typeof key === 'string' && Object.hasOwn(shape, key)) || (!partial && own.length !== keys.length)) {
      return refuse(`must have ${expected}`);
    }
    const copy: Record<string, unknown> = {};
    for (const key of keys) {
      if (partial && !Object.hasOwn(raw, key)) continue;
      const checked = shape[key]!(raw[key]);
      if (!checked.ok) return refuse(within(key, checked.error));
      copy[key] = checked.value;
    }
    return pass(copy);
  };
}

/* @__NO_SIDE_EFFECTS__ */
function nullable<T>(check: Check<T>): Check<T | null> {
  return (raw) => (raw === null ? pass(null) : check(raw));
}

/* @__NO_SIDE_EFFECTS__ */
function string(minLength: number, maxLength: number): Check<string> {
  return (raw) =>
    typeof raw === 'string' && raw.length >= minLength && raw.length <= maxLength
      ? pass(raw)
      : refuse(`must be a string of ${minLength} to ${maxLength} characters`);
}

export type FormValueProblem = SettingProblem['reason'] | 'missing';

/** What is wrong with one form value, or undefined when it can be saved as it is (no clamping here). */
export function formValueProblem(field: FormField, value: unknown): FormValueProblem | undefined {
  if (value === undefined) return 'missing';
  return checkSetting(SETTING_OF_FIELD[field], value).problem?.reason;
}

/** A value that can be saved in that field as it is: no clamping, no coercion. */
/* @__NO_SIDE_EFFECTS__ */
function formValue<F extends FormField>(field: F): Check<FormValues[F]> {
  return (raw) => {
    const problem = formValueProblem(field, raw);
    return problem ? refuse(`cannot be saved: ${problem}`) : pass(raw as FormValues[F]);
  };
}

const MAX_TARGET_ID_LENGTH = 4096;
/** A draft's field is kept even when too long to be saved (a big paste), up to this. */
export const MAX_DRAFT_FIELD_LENGTH = 1_048_576;

const targetId = string(1, MAX_TARGET_ID_LENGTH);
const folderPath: Check<string> = (raw) =>
  typeof raw === 'string' && formValueProblem('casesFolder', raw) === undefined
    ? pass(raw)
    : refuse('must be a path of at most 4096 characters without control characters');
const draftField = string(0, MAX_DRAFT_FIELD_LENGTH);
const draftFields = object(perField(() => draftField));
export const checkDraft: Check<Draft> = object({ target: targetId, base: draftFields, fields: draftFields });
const none = object({});
// The creditor fields as typed (not yet valid: the host says what keeps a payment part from being made).
const creditorFieldText = string(0, 200);
const creditorFields = object(
  Object.fromEntries(CREDITOR_FIELDS.map((field) => [field, creditorFieldText])) as Record<CreditorFormField, Check<string>>,
);
const languageCode: Check<Language> = (raw) =>
  raw === 'de' || raw === 'fr' || raw === 'it' || raw === 'en' ? pass(raw) : refuse('must be one of de, fr, it, en');

const sampleDebtor: Check<SampleDebtor> = (raw) =>
  raw === 'company' || raw === 'person' ? pass(raw) : refuse('must be one of company, person');

/** The requests of the webview: one validator of the parameters each. */
const REQUEST_PARAMS = {
  /** The handshake: the form is listening. Answered with the state and the unsaved edits kept by the host. */
  ready: none,
  /** Writes the values the user changed, and only those, at the target. */
  save: object({
    target: targetId,
    changes: object(perField((row) => formValue(row.field)) as { readonly [F in FormField]: Check<FormValues[F]> }, 'partial'),
  }),
  /** Removes the form's values at the target, once the user confirmed (the cases folder and creditor only if asked). */
  reset: object({ target: targetId }),
  selectTarget: object({ target: targetId }),
  setApiKey: none,
  removeApiKey: none,
  testConnection: none,
  openWalkthrough: none,
  browseFolder: object({ folder: folderPath }),
  checkFolder: object({ folder: folderPath }),
  createFolder: object({ folder: folderPath }),
  /** Adds the cases folder (as written in the form) to its repository's .gitignore, when Git does not ignore it. */
  ignoreCasesFolder: object({ folder: folderPath }),
  /** The QR-bill's payment part for the sample invoice and debtor, as SVG, from the creditor fields as typed. */
  paymentPartSvg: object({ creditor: creditorFields, language: languageCode, debtor: sampleDebtor }),
} satisfies Record<string, Check<unknown>>;

/** What each request answers. */
export interface RequestResults {
  ready: { readonly state: SetupState; readonly draft: Draft | null };
  save: { readonly state: SetupState; readonly savedAt: number };
  /** `null`: the user did not confirm. */
  reset: SetupState | null;
  selectTarget: SetupState;
  setApiKey: null;
  removeApiKey: null;
  testConnection: ConnectionTest;
  openWalkthrough: null;
  /** `null`: no folder was picked. */
  browseFolder: { readonly folder: string; readonly status: FolderStatus } | null;
  checkFolder: FolderStatus;
  createFolder: FolderStatus;
  /** Git's answer after the line was added (or why not: the answer as it stands). */
  ignoreCasesFolder: CasesGit;
  paymentPartSvg: PaymentPart;
}

/**
 * The payment part of the preview: the SVG made by swissqrbill (its text, to be parsed and checked by the form),
 * or the creditor fields that keep one from being made (missing or wrong), by field.
 */
export type PaymentPart =
  | { readonly ok: true; readonly svg: string }
  | { readonly ok: false; readonly missing: readonly CreditorFormField[]; readonly invalid: readonly CreditorFormField[] };

/** The notifications of the webview (no answer). */
const NOTIFICATION_PARAMS = {
  /** The unsaved edits, for the host to keep while the form is closed; `null` when there are none. */
  draft: object({ draft: nullable(checkDraft) }),
} satisfies Record<string, Check<unknown>>;

// Both tables name the same requests: a request without a validator, or a validator without a result, fails here.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const requestsHaveResults: Same<keyof typeof REQUEST_PARAMS, keyof RequestResults> = true;
void requestsHaveResults;

export type RequestType = keyof RequestResults;
export type RequestParams<M extends RequestType> = CheckedBy<(typeof REQUEST_PARAMS)[M]>;
export type RequestResult<M extends RequestType> = RequestResults[M];
export type WebviewNotificationType = keyof typeof NOTIFICATION_PARAMS;
export type WebviewNotificationParams<N extends WebviewNotificationType> = CheckedBy<(typeof NOTIFICATION_PARAMS)[N]>;

/** Why the host tells the form of a new state by itself: settings.json changed, or the workspace folders did. */
export type StateReason = 'external' | 'targets';

/** The notifications of the host. */
export interface HostNotifications {
  state: { readonly state: SetupState; readonly reason: StateReason };
  apiKey: { readonly apiKey: ApiKeyState };
  /** Git's answer about a cases folder the form checked (sent after checkFolder, browseFolder and createFolder). */
  casesGit: { readonly casesGit: CasesGit };
  /** A message that was refused and has no request to answer. */
  refused: { readonly message: string };
}

export type WebviewRequest = {
  [M in RequestType]: { readonly type: M; readonly id: number; readonly params: RequestParams<M> };
}[RequestType];
export type WebviewNotification = {
  [N in WebviewNotificationType]: { readonly type: N; readonly params: WebviewNotificationParams<N> };
}[WebviewNotificationType];
export type WebviewMessage = WebviewRequest | WebviewNotification;

export type Outcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };
export type Reply = { readonly type: 'reply'; readonly id: number } & Outcome<unknown>;
export type HostNotification = {
  [N in keyof HostNotifications]: { readonly type: N; readonly params: HostNotifications[N] };
}[keyof HostNotifications];
export type HostMessage = Reply | HostNotification;

export type ParsedMessage =
  | { readonly ok: true; readonly message: WebviewMessage }
  /** `id`: the request to answer with the error, when the message named one. */
  | { readonly ok: false; readonly error: string; readonly id?: number };

const isRequestId = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/**
 * Checks a message from the webview: a request `{ type, id, params }` or a notification `{ type, params }`, with
 * exactly those fields and parameters its validator accepts. The result is a fresh object.
 */
export function parseWebviewMessage(raw: unknown): ParsedMessage {
  if (!isPlainObject(raw)) return { ok: false, error: 'a message must be an object' };
  const type = raw.type;
  const isRequest = typeof type === 'string' && Object.hasOwn(REQUEST_PARAMS, type);
  if (!isRequest && !(typeof type === 'string' && Object.hasOwn(NOTIFICATION_PARAMS, type))) {
    return { ok: false, error: `unknown message type: ${typeof type === 'string' ? type.slice(0, 40) : typeof type}` };
  }
  const fields = isRequest ? ['type', 'id', 'params'] : ['type', 'params'];
  const own = Reflect.ownKeys(raw);
  const id = isRequest && isRequestId(raw.id) ? raw.id : undefined;
  const fail = (error: string): ParsedMessage => ({ ok: false, error, ...(id === undefined ? {} : { id }) });
  if (own.length !== fields.length || !fields.every((key) => Object.hasOwn(raw, key))) {
    return fail(`a ${type} message has exactly the fields ${fields.join(', ')}`);
  }
  if (isRequest && id === undefined) return fail('id must be a whole number ≥ 0');
  const check: Check<unknown> = isRequest ? REQUEST_PARAMS[type as RequestType] : NOTIFICATION_PARAMS[type as WebviewNotificationType];
  const params = check(raw.params);
  if (!params.ok) return fail(`${type}: params${within('', params.error).slice(1)}`);
  const message = isRequest ? { type, id, params: params.value } : { type, params: params.value };
  return { ok: true, message: message as WebviewMessage };
}
