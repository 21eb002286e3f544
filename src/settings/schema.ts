// The one place that knows the extension's settings: their keys, types, defaults and bounds, and how a raw
// value from settings.json becomes a safe value. VS Code treats a schema's bounds as hints only (a hand-edited
// file can hold anything), so every value is checked here again before it is used.
import { checkApiBaseUrl } from './apiBaseUrl';

export const SETTINGS_SECTION = 'tilbago';

interface IntegerSpec {
  readonly type: 'integer';
  readonly default: number;
  readonly minimum: number;
  readonly maximum: number;
  readonly scope: 'resource' | 'machine';
}

interface StringSpec {
  readonly type: 'string';
  readonly default: string;
  readonly maxLength: number;
  readonly scope: 'resource' | 'machine';
}

export type SettingSpec = IntegerSpec | StringSpec;

/** In the order the Settings editor shows them. Keys are relative to the `tilbago` section. */
export const SETTINGS = {
  'reminder3.daysAfterSecondReminder': { type: 'integer', default: 10, minimum: 0, maximum: 365, scope: 'resource' },
  'reminder3.daysBeforeCollection': { type: 'integer', default: 15, minimum: 0, maximum: 365, scope: 'resource' },
  // A one-page letter is a few thousand characters; far more is a pasting accident, not a letter.
  'reminder3.text': { type: 'string', default: '', maxLength: 10_000, scope: 'resource' },
  casesFolder: { type: 'string', default: '', maxLength: 4096, scope: 'resource' },
  // Machine scope: a workspace must never be able to choose where the API key is sent.
  apiBaseUrl: { type: 'string', default: 'https://api.tilbago.ch/v1/', maxLength: 2048, scope: 'machine' },
  requestTimeoutSeconds: { type: 'integer', default: 30, minimum: 1, maximum: 300, scope: 'machine' },
} as const satisfies Record<string, SettingSpec>;

export type SettingKey = keyof typeof SETTINGS;
export const SETTING_KEYS = Object.keys(SETTINGS) as SettingKey[];

/** Settings an untrusted workspace may not set: a cloned repository must not decide where case files go. */
export const RESTRICTED_IN_UNTRUSTED_WORKSPACES: readonly SettingKey[] = ['casesFolder'];

/** Whether a value set in the workspace (or one of its folders) counts for this setting. */
export function workspaceMaySet(key: SettingKey, workspaceTrusted: boolean): boolean {
  if (SETTINGS[key].scope === 'machine') return false;
  return workspaceTrusted || !RESTRICTED_IN_UNTRUSTED_WORKSPACES.includes(key);
}

export type SettingValue<K extends SettingKey> = (typeof SETTINGS)[K]['type'] extends 'integer' ? number : string;

/** Why a raw value was not used as it is. */
export type SettingProblem =
  | { readonly reason: 'wrongType'; readonly expected: 'integer' | 'string' }
  | { readonly reason: 'notWholeNumber' }
  | { readonly reason: 'outOfRange'; readonly minimum: number; readonly maximum: number }
  | { readonly reason: 'tooLong'; readonly maxLength: number }
  | { readonly reason: 'controlCharacters' }
  | { readonly reason: 'invalidUrl' }
  | { readonly reason: 'insecureUrl' };

export interface CheckedSetting<T> {
  /** The value to use: the raw one, clamped into range, or the default. */
  readonly value: T;
  readonly problem?: SettingProblem;
}

// Letters may hold line breaks and tabs; nothing else invisible belongs in a setting.
const FORBIDDEN_IN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const FORBIDDEN_IN_LINE = /[\u0000-\u001f\u007f-\u009f]/;

/** Whether a one-line value (a path, a name, a reference) holds a control character. */
export function hasControlCharacters(text: string): boolean {
  return FORBIDDEN_IN_LINE.test(text);
}

/** Checks one raw value (`undefined` = not set anywhere) and says which value to use instead when it is broken. */
export function checkSetting<K extends SettingKey>(key: K, raw: unknown): CheckedSetting<SettingValue<K>> {
  const spec: SettingSpec = SETTINGS[key];
  const result = spec.type === 'integer' ? checkInteger(spec, raw) : checkString(key, spec, raw);
  return result as CheckedSetting<SettingValue<K>>;
}

function checkInteger(spec: IntegerSpec, raw: unknown): CheckedSetting<number> {
  if (raw === undefined) return { value: spec.default };
  if (typeof raw !== 'number' || !Number.isFinite(raw)) {
    return { value: spec.default, problem: { reason: 'wrongType', expected: 'integer' } };
  }
  if (!Number.isInteger(raw)) return { value: spec.default, problem: { reason: 'notWholeNumber' } };
  const clamped = Math.min(spec.maximum, Math.max(spec.minimum, raw));
  if (clamped !== raw) {
    return { value: clamped, problem: { reason: 'outOfRange', minimum: spec.minimum, maximum: spec.maximum } };
  }
  return { value: raw };
}

function checkString(key: SettingKey, spec: StringSpec, raw: unknown): CheckedSetting<string> {
  if (raw === undefined) return { value: spec.default };
  if (typeof raw !== 'string') return { value: spec.default, problem: { reason: 'wrongType', expected: 'string' } };
  if (raw.length > spec.maxLength) {
    return { value: spec.default, problem: { reason: 'tooLong', maxLength: spec.maxLength } };
  }
  const forbidden = key === 'reminder3.text' ? FORBIDDEN_IN_TEXT : FORBIDDEN_IN_LINE;
  if (forbidden.test(raw)) return { value: spec.default, problem: { reason: 'controlCharacters' } };
  if (key === 'apiBaseUrl') {
    const url = checkApiBaseUrl(raw);
    return url.ok ? { value: url.url } : { value: spec.default, problem: { reason: url.problem } };
  }
  return { value: raw };
}

/** The Rappel 3 values used to schedule and write the third reminder. */
export interface Reminder3Settings {
  /** Days after the 2nd reminder before the 3rd (and last) one is due. */
  readonly daysAfterSecondReminder: number;
  /** Days after the 3rd reminder before the invoice becomes a litigation case for tilbago. */
  readonly daysBeforeCollection: number;
  /** The letter text; empty means the built-in letter of the display language. */
  readonly text: string;
}
