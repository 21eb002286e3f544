// The one place that knows the extension's settings: their keys, types, defaults and bounds, and how a raw
// value from settings.json becomes a safe value. VS Code treats a schema's bounds as hints only (a hand-edited
// file can hold anything), so every value is checked here again before it is used.
import type { SettingsFile } from './settingsFiles';
import { checkAccount, QR_BILL_LIMITS } from '../reminders/qrBillFields';
import type { Language } from '../shared/languages';
import { hasControlCharacters, hasControlCharactersInText } from '../shared/text';
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

interface ChoiceSpec {
  readonly type: 'choice';
  readonly default: string;
  readonly values: readonly string[];
  readonly scope: 'resource' | 'machine';
}

export type SettingSpec = IntegerSpec | StringSpec | ChoiceSpec;

// A one-page letter is a few thousand characters; far more is a pasting accident, not a letter.
const LETTER = { type: 'string', default: '', maxLength: 10_000, scope: 'resource' } as const;

/**
 * In the order the Settings editor shows them. Keys are relative to the `tilbago` section. The Settings editor makes
 * each label from the key (`thirdReminder.germanLetter`: "Third Reminder: German Letter"), so a key is named to read.
 */
export const SETTINGS = {
  'thirdReminder.daysAfterSecondReminder': { type: 'integer', default: 10, minimum: 0, maximum: 365, scope: 'resource' },
  'thirdReminder.daysBeforeCollection': { type: 'integer', default: 15, minimum: 0, maximum: 365, scope: 'resource' },
  // One letter per language; empty: the built-in letter of that language.
  'thirdReminder.germanLetter': LETTER,
  'thirdReminder.frenchLetter': LETTER,
  'thirdReminder.italianLetter': LETTER,
  'thirdReminder.englishLetter': LETTER,
  // The language of the letter for a debtor whose case.json names none; `auto`: the postcode's, else German.
  'thirdReminder.defaultLanguage': { type: 'choice', default: 'auto', values: ['auto', 'de', 'fr', 'it', 'en'], scope: 'resource' },
  casesFolder: { type: 'string', default: '', maxLength: 4096, scope: 'resource' },
  // Machine scope: a workspace must never be able to choose where the API key is sent.
  apiBaseUrl: { type: 'string', default: 'https://api.tilbago.ch/v1/', maxLength: 2048, scope: 'machine' },
  requestTimeoutSeconds: { type: 'integer', default: 30, minimum: 1, maximum: 300, scope: 'machine' },
  // The creditor of the 3rd reminder letter and the payee of its QR-bill; the lengths are the QR-bill's limits.
  'creditor.name': { type: 'string', default: '', maxLength: QR_BILL_LIMITS.name, scope: 'resource' },
  'creditor.street': { type: 'string', default: '', maxLength: QR_BILL_LIMITS.street, scope: 'resource' },
  'creditor.buildingNumber': { type: 'string', default: '', maxLength: QR_BILL_LIMITS.buildingNumber, scope: 'resource' },
  'creditor.postalCode': { type: 'string', default: '', maxLength: QR_BILL_LIMITS.zip, scope: 'resource' },
  'creditor.town': { type: 'string', default: '', maxLength: QR_BILL_LIMITS.city, scope: 'resource' },
  'creditor.country': { type: 'choice', default: 'CH', values: ['CH', 'LI'], scope: 'resource' },
  // An IBAN or QR-IBAN, spaces allowed (21 characters and 5 spaces as printed; room for a few more spaces).
  'creditor.account': { type: 'string', default: '', maxLength: 42, scope: 'resource' },
  // With an ordinary IBAN: no reference, or a creditor reference (RF…) made from the invoice number. A QR-IBAN
  // always takes a QR reference, made from the invoice number.
  'creditor.ibanReference': { type: 'choice', default: 'none', values: ['none', 'creditorReference'], scope: 'resource' },
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

/** The settings that hold a letter: line breaks and tabs are allowed in them. */
export const LETTER_SETTINGS = [
  'thirdReminder.germanLetter',
  'thirdReminder.frenchLetter',
  'thirdReminder.italianLetter',
  'thirdReminder.englishLetter',
] as const;

/** The letter setting of each language. */
export const LETTER_SETTING_OF: Readonly<Record<Language, SettingKey>> = {
  de: 'thirdReminder.germanLetter',
  fr: 'thirdReminder.frenchLetter',
  it: 'thirdReminder.italianLetter',
  en: 'thirdReminder.englishLetter',
};
const isLetterSetting = (key: SettingKey) => (LETTER_SETTINGS as readonly string[]).includes(key);

/** Why a raw value was not used as it is. */
export type SettingProblem =
  | { readonly reason: 'wrongType'; readonly expected: 'integer' | 'string' }
  | { readonly reason: 'notWholeNumber' }
  | { readonly reason: 'outOfRange'; readonly minimum: number; readonly maximum: number }
  | { readonly reason: 'tooLong'; readonly maxLength: number }
  | { readonly reason: 'notAChoice'; readonly values: readonly string[] }
  | { readonly reason: 'controlCharacters' }
  | { readonly reason: 'invalidUrl' }
  | { readonly reason: 'insecureUrl' }
  /** `apiBaseUrl`: holds a `?` or a `#`. */
  | { readonly reason: 'queryOrFragment' }
  /** `creditor.account`: not CH/LI, two check digits and 17 letters or digits. */
  | { readonly reason: 'ibanFormat' }
  /** `creditor.account`: an IBAN of a country other than CH and LI, which a QR-bill does not take. */
  | { readonly reason: 'ibanCountry' }
  /** `creditor.account`: the IBAN's check digits do not match (a typing error). */
  | { readonly reason: 'ibanCheckDigit' };

export interface CheckedSetting<T> {
  /** The value to use: the raw one, clamped into range, or the default. */
  readonly value: T;
  readonly problem?: SettingProblem;
}

/** Checks one raw value (`undefined` = not set anywhere) and says which value to use instead when it is broken. */
export function checkSetting<K extends SettingKey>(key: K, raw: unknown): CheckedSetting<SettingValue<K>> {
  const spec: SettingSpec = SETTINGS[key];
  const result =
    spec.type === 'integer' ? checkInteger(spec, raw) : spec.type === 'choice' ? checkChoice(spec, raw) : checkString(key, spec, raw);
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

function checkChoice(spec: ChoiceSpec, raw: unknown): CheckedSetting<string> {
  if (raw === undefined) return { value: spec.default };
  return typeof raw === 'string' && spec.values.includes(raw)
    ? { value: raw }
    : { value: spec.default, problem: { reason: 'notAChoice', values: spec.values } };
}

function checkString(key: SettingKey, spec: StringSpec, raw: unknown): CheckedSetting<string> {
  if (raw === undefined) return { value: spec.default };
  if (typeof raw !== 'string') return { value: spec.default, problem: { reason: 'wrongType', expected: 'string' } };
  if (raw.length > spec.maxLength) {
    return { value: spec.default, problem: { reason: 'tooLong', maxLength: spec.maxLength } };
  }
  if (isLetterSetting(key) ? hasControlCharactersInText(raw) : hasControlCharacters(raw))
    return { value: spec.default, problem: { reason: 'controlCharacters' } };
  if (key === 'apiBaseUrl') {
    const url = checkApiBaseUrl(raw);
    return url.ok ? { value: url.url } : { value: spec.default, problem: { reason: url.problem } };
  }
  if (key === 'creditor.account' && raw.trim() !== '') {
    // The QR-bill's own IBAN rules (swissqrbill), so a wrong digit is reported as the setting is read, not when a letter is made.
    const problem = checkAccount(raw);
    if (problem && problem !== 'required') return { value: spec.default, problem: { reason: problem } };
  }
  return { value: raw };
}

/** The Rappel 3 values used to schedule and write the third reminder. */
export interface ThirdReminderSettings {
  /** Days after the 2nd reminder before the 3rd (and last) one is due. */
  readonly daysAfterSecondReminder: number;
  /** Days after the 3rd reminder before the invoice becomes a litigation case for tilbago. */
  readonly daysBeforeCollection: number;
  /** The letter of each language; empty means the built-in letter of that language. */
  readonly letters: Readonly<Record<Language, string>>;
  /** The letter's language for a debtor whose case names none; `auto`: the language of the debtor's postcode, else German. */
  readonly defaultLanguage: 'auto' | Language;
}

/** The creditor settings as read (each checked on its own; a broken one is replaced by its default, ''). */
export interface CreditorSettingValues {
  readonly name: string;
  readonly street: string;
  readonly buildingNumber: string;
  readonly postalCode: string;
  readonly town: string;
  readonly country: 'CH' | 'LI';
  /** An IBAN or a QR-IBAN (CH or LI), as written (spaces allowed); '' when not set or not valid. */
  readonly account: string;
  /** With an ordinary IBAN: no reference, or a creditor reference (`RF…`) made from the invoice number. */
  readonly ibanReference: 'none' | 'creditorReference';
}

/** The creditor settings, by the field of `CreditorSettingValues` they fill. */
export const CREDITOR_SETTINGS = {
  name: 'creditor.name',
  street: 'creditor.street',
  buildingNumber: 'creditor.buildingNumber',
  postalCode: 'creditor.postalCode',
  town: 'creditor.town',
  country: 'creditor.country',
  account: 'creditor.account',
  ibanReference: 'creditor.ibanReference',
} as const satisfies Record<keyof CreditorSettingValues, SettingKey>;

/** What `inspect` says of one key at the levels read here (a value `undefined`: not set at that level). */
export interface InspectedValues {
  readonly workspaceFolderValue?: unknown;
  readonly workspaceValue?: unknown;
  readonly globalValue?: unknown;
}

/** Where `inspect` reports each settings file's value (a folder's, the workspace's, the user's). */
const VALUE_AT: Record<SettingsFile, keyof InspectedValues> = {
  folder: 'workspaceFolderValue',
  workspace: 'workspaceValue',
  user: 'globalValue',
};

/**
 * The levels a read looks at, most specific first: from a folder, the folder's, the workspace's and the user's
 * settings; from the workspace, its own and the user's; from the user, theirs. Machine-scoped settings count only
 * from the user's settings, and restricted ones too when the workspace is not trusted.
 */
export function levelsRead(key: SettingKey, from: SettingsFile, workspaceTrusted: boolean): SettingsFile[] {
  if (from === 'user' || !workspaceMaySet(key, workspaceTrusted)) return ['user'];
  return from === 'folder' ? ['folder', 'workspace', 'user'] : ['workspace', 'user'];
}

/** The raw value that counts and the level that holds it: the first of `levels` (most specific first) that sets it. */
export function valueInEffect(
  levels: readonly SettingsFile[],
  inspected: InspectedValues | undefined,
): { readonly value: unknown; readonly level?: SettingsFile } {
  for (const level of levels) {
    const value = valueSetIn(level, inspected);
    if (value !== undefined) return { value, level };
  }
  return { value: undefined };
}

/** The value a settings file itself holds for the key, as `inspect` reports it (undefined: not set there). */
export function valueSetIn(file: SettingsFile, inspected: InspectedValues | undefined): unknown {
  return inspected?.[VALUE_AT[file]];
}
