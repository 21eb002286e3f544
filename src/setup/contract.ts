// The contract between the setup panel's webview and the extension host: every message both ways, and the
// run-time check of what comes from the webview. Nothing from the webview is acted on before `parseWebviewMessage`
// accepted it; what it rejects is answered with an error.
import type { Language } from '../shared/languages';
import { checkSetting, type SettingKey, type SettingProblem } from '../settings/schema';

/** The settings the form edits, as stored (the cases folder as written, possibly relative). */
export interface FormValues {
  readonly daysAfterSecondReminder: number;
  readonly daysBeforeCollection: number;
  readonly text: string;
  readonly casesFolder: string;
}

export const FORM_FIELDS = ['daysAfterSecondReminder', 'daysBeforeCollection', 'text', 'casesFolder'] as const;
export type FormField = (typeof FORM_FIELDS)[number];

export const SETTING_OF_FIELD: Record<FormField, SettingKey> = {
  daysAfterSecondReminder: 'reminder3.daysAfterSecondReminder',
  daysBeforeCollection: 'reminder3.daysBeforeCollection',
  text: 'reminder3.text',
  casesFolder: 'casesFolder',
};

/** Where Save writes: the User settings, the Workspace settings, or one folder's settings in a multi-root workspace. */
export interface SaveTarget {
  readonly id: string;
  readonly kind: 'user' | 'workspace' | 'folder';
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

export interface SetupState {
  readonly language: Language;
  readonly targets: readonly SaveTarget[];
  readonly target: string;
  /** The values in effect at the target: set there, inherited, or the defaults. */
  readonly values: FormValues;
  /** Whether each value is set at the target itself (Reset to defaults removes those). */
  readonly setAtTarget: Readonly<Record<FormField, boolean>>;
  readonly folder: FolderStatus;
  /** Never the key: whether one is set and, for a long key, its last 4 characters. */
  readonly apiKey: { readonly set: boolean; readonly hint?: string };
}

/** Why the host sends the state: the form applies it, except over unsaved edits after an `external` change. */
export type StateReason = 'initial' | 'external' | 'saved' | 'reset' | 'target';

export type HostMessage =
  | { readonly type: 'state'; readonly state: SetupState; readonly reason: StateReason }
  | { readonly type: 'folderStatus'; readonly folder: string; readonly status: FolderStatus }
  | { readonly type: 'folderPicked'; readonly folder: string; readonly status: FolderStatus }
  | { readonly type: 'apiKey'; readonly apiKey: SetupState['apiKey'] }
  | { readonly type: 'error'; readonly message: string; readonly requestId?: number };

export type WebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'save'; readonly requestId: number; readonly target: string; readonly values: FormValues }
  | { readonly type: 'reset'; readonly requestId: number; readonly target: string }
  | { readonly type: 'selectTarget'; readonly target: string }
  | { readonly type: 'setApiKey' }
  | { readonly type: 'removeApiKey' }
  | { readonly type: 'testConnection' }
  | { readonly type: 'openWalkthrough' }
  | { readonly type: 'browseFolder'; readonly folder: string }
  | { readonly type: 'checkFolder'; readonly folder: string }
  | { readonly type: 'createFolder'; readonly folder: string };

export type ParsedMessage = { readonly ok: true; readonly message: WebviewMessage } | { readonly ok: false; readonly error: string };

/** Which fields each message has, besides `type`; anything else is refused. */
const FIELDS: Record<WebviewMessage['type'], readonly string[]> = {
  ready: [],
  save: ['requestId', 'target', 'values'],
  reset: ['requestId', 'target'],
  selectTarget: ['target'],
  setApiKey: [],
  removeApiKey: [],
  testConnection: [],
  openWalkthrough: [],
  browseFolder: ['folder'],
  checkFolder: ['folder'],
  createFolder: ['folder'],
};

const MAX_TARGET_ID_LENGTH = 4096;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

export type FormValueProblem = SettingProblem['reason'] | 'missing';

/** What is wrong with one form value, or undefined when it can be saved as it is (no clamping here). */
export function formValueProblem(field: FormField, value: unknown): FormValueProblem | undefined {
  if (value === undefined) return 'missing';
  return checkSetting(SETTING_OF_FIELD[field], value).problem?.reason;
}

function hasExactKeys(object: Record<string, unknown>, keys: readonly string[]): boolean {
  const own = Reflect.ownKeys(object);
  return own.length === keys.length && keys.every((key) => Object.hasOwn(object, key));
}

function parseValues(raw: unknown): FormValues | string {
  if (!isPlainObject(raw) || !hasExactKeys(raw, FORM_FIELDS)) return `values must have exactly the fields ${FORM_FIELDS.join(', ')}`;
  for (const field of FORM_FIELDS) {
    const problem = formValueProblem(field, raw[field]);
    if (problem) return `values.${field} cannot be saved: ${problem}`;
  }
  return {
    daysAfterSecondReminder: raw.daysAfterSecondReminder as number,
    daysBeforeCollection: raw.daysBeforeCollection as number,
    text: raw.text as string,
    casesFolder: raw.casesFolder as string,
  };
}

function parseTarget(raw: unknown): string | undefined {
  return typeof raw === 'string' && raw.length > 0 && raw.length <= MAX_TARGET_ID_LENGTH ? raw : undefined;
}

function parseFolder(raw: unknown): string | undefined {
  return typeof raw === 'string' && formValueProblem('casesFolder', raw) === undefined ? raw : undefined;
}

/** Checks a message from the webview. The result is a fresh object holding only the allowed fields. */
export function parseWebviewMessage(raw: unknown): ParsedMessage {
  const fail = (error: string): ParsedMessage => ({ ok: false, error });
  if (!isPlainObject(raw)) return fail('a message must be an object');
  const type = raw.type;
  if (typeof type !== 'string' || !Object.hasOwn(FIELDS, type)) {
    return fail(`unknown message type: ${typeof type === 'string' ? type.slice(0, 40) : typeof type}`);
  }
  const messageType = type as WebviewMessage['type'];
  if (!hasExactKeys(raw, ['type', ...FIELDS[messageType]])) {
    return fail(`a ${messageType} message has exactly the fields ${['type', ...FIELDS[messageType]].join(', ')}`);
  }
  const requestId = raw.requestId;
  if ('requestId' in raw && !(Number.isSafeInteger(requestId) && (requestId as number) >= 0)) {
    return fail('requestId must be a whole number ≥ 0');
  }
  switch (messageType) {
    case 'ready':
    case 'setApiKey':
    case 'removeApiKey':
    case 'testConnection':
    case 'openWalkthrough':
      return { ok: true, message: { type: messageType } };
    case 'save': {
      const target = parseTarget(raw.target);
      if (!target) return fail('target must be a non-empty string');
      const values = parseValues(raw.values);
      if (typeof values === 'string') return fail(values);
      return { ok: true, message: { type: 'save', requestId: requestId as number, target, values } };
    }
    case 'reset':
    case 'selectTarget': {
      const target = parseTarget(raw.target);
      if (!target) return fail('target must be a non-empty string');
      return messageType === 'reset'
        ? { ok: true, message: { type: 'reset', requestId: requestId as number, target } }
        : { ok: true, message: { type: 'selectTarget', target } };
    }
    case 'browseFolder':
    case 'checkFolder':
    case 'createFolder': {
      const folder = parseFolder(raw.folder);
      if (folder === undefined) return fail('folder must be a path of at most 4096 characters without control characters');
      return { ok: true, message: { type: messageType, folder } };
    }
  }
}
