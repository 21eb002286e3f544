// A debt-collection case as tilbago's Easy-API takes it (`case.json` in a case folder), and its validation: every
// problem at once, each with the JSON path it is at. Amounts are whole Rappen (CHF 1'500.00 = 150000).
import { visit } from 'jsonc-parser';
import { isIsoDate } from '../../shared/dates';
import { LANGUAGES, type Language } from '../../shared/languages';
import { postcodeCountry } from '../../shared/postcodeLanguage';
import { hasControlCharacters } from '../../shared/text';
import { checkUid } from './uid';

export interface Address {
  readonly street: string;
  readonly streetnumber?: string;
  readonly zip: string;
  readonly city: string;
  readonly pob?: string;
}

/** A natural person (no `company`) or a legal person (with `company`). */
export interface Person {
  readonly externalRef?: string;
  readonly company?: string;
  readonly companyUid?: string;
  readonly legalSeat?: string;
  readonly contactPerson?: string;
  readonly isRegistered?: boolean;
  readonly name?: string;
  readonly surname?: string;
  readonly nameAddon?: string;
  readonly title?: string;
  readonly sex?: 'M' | 'F' | 'U';
  readonly dateOfBirth?: string;
  readonly birthName?: string;
  readonly nationality?: string;
  readonly preferredLanguage?: 'de' | 'fr' | 'it';
  readonly email?: string;
  readonly phone1?: string;
  readonly phone2?: string;
  readonly phone3?: string;
  readonly fax?: string;
  readonly address: Address;
}

export interface Claim {
  readonly externalRef?: string | number;
  /** Whole Rappen, more than 0. */
  readonly amount: number;
  readonly reason: string;
  /** `yyyy-mm-dd`. */
  readonly interestDateFrom?: string;
  /** A decimal string from "0" to "99.99999", e.g. "5.0". */
  readonly interestRate?: string;
  /** "3" for an ordinary invoice. */
  readonly collocationClass: '1' | '2' | '3';
}

export interface TilbagoCase {
  /** Unique at tilbago: a second case with the same reference is refused, which keeps a request from being filed twice. */
  readonly externalRef: string;
  readonly certificateOfLoss?: boolean;
  readonly responsiblePerson?: { readonly email: string };
  readonly payeeReference?: string;
  readonly debtor: Person;
  /** Only when acting as the creditor's representative. */
  readonly creditor?: Person;
  readonly claim: Claim;
  readonly subsidiaryClaims?: readonly Claim[];
  /**
   * The language of our letters where it is not the debtor's `preferredLanguage`, which tilbago takes in de, fr or it
   * only: English, for a debtor who reads none of them. The extension's alone, never sent (see `caseRequestBody`).
   */
  readonly letterLanguage?: Language;
}

// The uniform payment-order form (eSchKG) holds at most 10 claims in one request, the main claim and the subsidiary
// ones; the main claim's reason in at most 640 characters, each other's in 80. schemas/case.schema.json says the same
// (caseSchemas.test holds it to these).
export const MAX_CLAIMS = 10;
export const MAIN_REASON_MAX = 640;
export const SUBSIDIARY_REASON_MAX = 80;

/** The problems any case file can have: not JSON, or a field missing, of the wrong type, empty, too long, unknown. */
export type FieldProblemCode = 'notJson' | 'duplicateKey' | 'required' | 'wrongType' | 'empty' | 'tooLong' | 'unknownField';

export type CaseProblemCode =
  | FieldProblemCode
  | 'amount'
  | 'interestRate'
  | 'collocationClass'
  | 'tooManyClaims'
  | 'uidFormat'
  | 'uidCheckDigit'
  | 'date'
  | 'dateOfBirth'
  | 'sex'
  | 'language'
  | 'letterLanguage'
  | 'nationality'
  | 'email'
  | 'phone'
  | 'personName'
  /**
   * The debtor's postcode is not a Swiss one: tilbago files with Swiss debt collection offices only, and the request
   * would fail there, after the fee. `detail`: `LI` for Liechtenstein's.
   */
  | 'foreignPostcode';

/** A problem in a case file (case.json, reminders.json): where it is, which rule it breaks, what the rule expected. */
export interface FileProblem<Code extends string> {
  /** Where, as a JSON path: `claim.amount`, `subsidiaryClaims[2].reason`, `reminders.second`; empty for the whole file. */
  readonly path: string;
  readonly code: Code;
  /** What the rule expected, for the message: a type, a limit, a check digit. */
  readonly detail?: string;
}

export type CaseProblem = FileProblem<CaseProblemCode>;

export type CaseCheck =
  | { readonly ok: true; readonly tilbagoCase: TilbagoCase }
  | { readonly ok: false; readonly problems: readonly CaseProblem[] };

type Json = Record<string, unknown>;
/** One field of an object: its JSON type, whether it must be there, and at most how many characters a string has. */
export type Field = {
  readonly type: 'string' | 'boolean' | 'object' | 'array' | 'number' | 'stringOrInteger';
  readonly required?: boolean;
  readonly max?: number;
};

const ADDRESS_FIELDS: Record<string, Field> = {
  street: { type: 'string', required: true, max: 100 },
  streetnumber: { type: 'string', max: 20 },
  zip: { type: 'string', required: true, max: 20 },
  city: { type: 'string', required: true, max: 100 },
  pob: { type: 'string', max: 50 },
};

const PERSON_FIELDS: Record<string, Field> = {
  externalRef: { type: 'string', max: 100 },
  company: { type: 'string', max: 200 },
  companyUid: { type: 'string', max: 20 },
  legalSeat: { type: 'string', max: 100 },
  contactPerson: { type: 'string', max: 200 },
  isRegistered: { type: 'boolean' },
  name: { type: 'string', max: 100 },
  surname: { type: 'string', max: 100 },
  nameAddon: { type: 'string', max: 100 },
  title: { type: 'string', max: 50 },
  sex: { type: 'string' },
  dateOfBirth: { type: 'string' },
  birthName: { type: 'string', max: 100 },
  nationality: { type: 'string' },
  preferredLanguage: { type: 'string' },
  email: { type: 'string', max: 254 },
  phone1: { type: 'string', max: 40 },
  phone2: { type: 'string', max: 40 },
  phone3: { type: 'string', max: 40 },
  fax: { type: 'string', max: 40 },
  address: { type: 'object', required: true },
};

const CLAIM_FIELDS: Record<string, Field> = {
  externalRef: { type: 'stringOrInteger', max: 100 },
  amount: { type: 'number', required: true },
  reason: { type: 'string', required: true, max: MAIN_REASON_MAX },
  interestDateFrom: { type: 'string' },
  interestRate: { type: 'string' },
  collocationClass: { type: 'string', required: true },
};

/** A subsidiary claim is a claim with a shorter reason. */
const SUBSIDIARY_CLAIM_FIELDS: Record<string, Field> = {
  ...CLAIM_FIELDS,
  reason: { type: 'string', required: true, max: SUBSIDIARY_REASON_MAX },
};

const CASE_FIELDS: Record<string, Field> = {
  $schema: { type: 'string' },
  externalRef: { type: 'string', required: true, max: 100 },
  certificateOfLoss: { type: 'boolean' },
  responsiblePerson: { type: 'object' },
  payeeReference: { type: 'string', max: 100 },
  debtor: { type: 'object', required: true },
  creditor: { type: 'object' },
  claim: { type: 'object', required: true },
  subsidiaryClaims: { type: 'array' },
  letterLanguage: { type: 'string' },
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[\d\s/().-]{5,}$/;
const INTEREST_RATE = /^\d{1,2}(\.\d{1,5})?$/;

export const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

function typeOk(value: unknown, type: Field['type']): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'object':
      return isObject(value);
    case 'array':
      return Array.isArray(value);
    case 'number':
      return typeof value === 'number';
    case 'stringOrInteger':
      return typeof value === 'string' || Number.isSafeInteger(value);
  }
}

/**
 * The length JSON Schema's `maxLength` counts: characters (code points), so an emoji is one, as a reader counts it,
 * and `schemas/*.schema.json` agree with these checks.
 */
export function characterCount(text: string): number {
  let count = 0;
  for (const _ of text) count++;
  return count;
}

/**
 * Checks the fields of one object: unknown ones, missing required ones, types, empty or over-long strings. `null` is
 * not "left out": an optional field is either absent or has a value of its type (tilbago's typed fields may refuse a
 * null), and the JSON schema says the same.
 */
export function checkFields<C extends string>(
  object: Json,
  fields: Record<string, Field>,
  path: string,
  problems: FileProblem<C | FieldProblemCode>[],
): void {
  const at = (key: string) => (path ? `${path}.${key}` : key);
  for (const key of Object.keys(object)) {
    if (!Object.hasOwn(fields, key)) problems.push({ path: at(key), code: 'unknownField' });
  }
  for (const [key, field] of Object.entries(fields)) {
    const value = object[key];
    if (value === undefined || (value === null && field.required)) {
      if (field.required) problems.push({ path: at(key), code: 'required' });
      continue;
    }
    if (!typeOk(value, field.type)) {
      problems.push({ path: at(key), code: 'wrongType', detail: field.type });
      continue;
    }
    if (typeof value === 'string') {
      if (value.trim() === '') problems.push({ path: at(key), code: field.required ? 'required' : 'empty' });
      else if (field.max !== undefined && characterCount(value) > field.max)
        problems.push({ path: at(key), code: 'tooLong', detail: String(field.max) });
      else if (hasControlCharacters(value)) problems.push({ path: at(key), code: 'wrongType', detail: 'text without control characters' });
    }
  }
}

function checkPerson(raw: unknown, path: string, problems: CaseProblem[]): void {
  if (!isObject(raw)) return;
  checkFields(raw, PERSON_FIELDS, path, problems);
  const text = (key: string) => (typeof raw[key] === 'string' && (raw[key] as string).trim() !== '' ? (raw[key] as string) : undefined);
  const legal = text('company') !== undefined;
  if (!legal && (!text('name') || !text('surname'))) problems.push({ path, code: 'personName' });
  const uid = text('companyUid');
  if (uid !== undefined) {
    const checked = checkUid(uid);
    if (!checked.ok) {
      problems.push(
        checked.problem === 'checkDigit'
          ? { path: `${path}.companyUid`, code: 'uidCheckDigit', detail: String(checked.expected) }
          : { path: `${path}.companyUid`, code: checked.problem === 'format' ? 'uidFormat' : 'uidCheckDigit' },
      );
    }
  }
  const sex = text('sex');
  if (sex !== undefined && !['M', 'F', 'U'].includes(sex)) problems.push({ path: `${path}.sex`, code: 'sex' });
  const language = text('preferredLanguage');
  if (language !== undefined && !['de', 'fr', 'it'].includes(language))
    problems.push({ path: `${path}.preferredLanguage`, code: 'language' });
  const nationality = text('nationality');
  if (nationality !== undefined && !/^[A-Za-z]{2}$/.test(nationality)) problems.push({ path: `${path}.nationality`, code: 'nationality' });
  const born = text('dateOfBirth');
  if (born !== undefined && !isDateOfBirth(born)) problems.push({ path: `${path}.dateOfBirth`, code: 'dateOfBirth' });
  const email = text('email');
  if (email !== undefined && !EMAIL.test(email)) problems.push({ path: `${path}.email`, code: 'email' });
  for (const key of ['phone1', 'phone2', 'phone3', 'fax']) {
    const phone = text(key);
    if (phone !== undefined && !PHONE.test(phone)) problems.push({ path: `${path}.${key}`, code: 'phone' });
  }
  if (isObject(raw.address)) checkFields(raw.address, ADDRESS_FIELDS, `${path}.address`, problems);
}

/** The debtor is filed against at a Swiss office: a postcode abroad or in Liechtenstein is refused, a wrong field named once. */
function checkDebtorPostcode(debtor: unknown, problems: CaseProblem[]): void {
  const path = 'debtor.address.zip';
  const zip = isObject(debtor) && isObject(debtor.address) ? debtor.address.zip : undefined;
  if (typeof zip !== 'string' || problems.some((problem) => problem.path === path)) return;
  const country = postcodeCountry(zip);
  if (country !== 'CH') problems.push({ path, code: 'foreignPostcode', ...(country === 'LI' ? { detail: 'LI' } : {}) });
}

/** tilbago takes `yyyy-mm-dd`, `dd.mm.yyyy` or just `yyyy` for a date of birth. */
function isDateOfBirth(value: string): boolean {
  if (/^\d{4}$/.test(value)) return true;
  const swiss = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(value);
  return isIsoDate(swiss ? `${swiss[3]}-${swiss[2]}-${swiss[1]}` : value);
}

function checkClaim(raw: unknown, path: string, fields: Record<string, Field>, problems: CaseProblem[]): void {
  if (!isObject(raw)) {
    problems.push({ path, code: 'wrongType', detail: 'object' });
    return;
  }
  checkFields(raw, fields, path, problems);
  const amount = raw.amount;
  if (typeof amount === 'number' && !(Number.isSafeInteger(amount) && amount > 0))
    problems.push({ path: `${path}.amount`, code: 'amount' });
  const rate = raw.interestRate;
  if (typeof rate === 'string' && !(INTEREST_RATE.test(rate) && Number(rate) <= 99.99999))
    problems.push({ path: `${path}.interestRate`, code: 'interestRate' });
  const collocation = raw.collocationClass;
  if (typeof collocation === 'string' && !['1', '2', '3'].includes(collocation))
    problems.push({ path: `${path}.collocationClass`, code: 'collocationClass' });
  const from = raw.interestDateFrom;
  if (typeof from === 'string' && !isIsoDate(from)) problems.push({ path: `${path}.interestDateFrom`, code: 'date' });
}

/** Checks a parsed `case.json`; on success returns it typed (the same object, unchanged). */
export function checkCase(raw: unknown): CaseCheck {
  const problems: CaseProblem[] = [];
  if (!isObject(raw)) return { ok: false, problems: [{ path: '', code: 'wrongType', detail: 'object' }] };
  checkFields(raw, CASE_FIELDS, '', problems);
  checkPerson(raw.debtor, 'debtor', problems);
  checkPerson(raw.creditor, 'creditor', problems);
  checkDebtorPostcode(raw.debtor, problems);
  if (isObject(raw.responsiblePerson)) {
    checkFields(raw.responsiblePerson, { email: { type: 'string', required: true, max: 254 } }, 'responsiblePerson', problems);
    const email = raw.responsiblePerson.email;
    if (typeof email === 'string' && email.trim() && !EMAIL.test(email)) problems.push({ path: 'responsiblePerson.email', code: 'email' });
  }
  if (typeof raw.letterLanguage === 'string' && !(LANGUAGES as readonly string[]).includes(raw.letterLanguage))
    problems.push({ path: 'letterLanguage', code: 'letterLanguage' });
  if (raw.claim !== undefined && raw.claim !== null) checkClaim(raw.claim, 'claim', CLAIM_FIELDS, problems);
  if (Array.isArray(raw.subsidiaryClaims)) {
    for (const [i, claim] of raw.subsidiaryClaims.entries()) checkClaim(claim, `subsidiaryClaims[${i}]`, SUBSIDIARY_CLAIM_FIELDS, problems);
    if (raw.subsidiaryClaims.length + 1 > MAX_CLAIMS)
      problems.push({ path: 'subsidiaryClaims', code: 'tooManyClaims', detail: String(MAX_CLAIMS) });
  }
  return problems.length ? { ok: false, problems } : { ok: true, tilbagoCase: raw as unknown as TilbagoCase };
}

/** Parses and checks the text of a `case.json`. */
export function parseCase(text: string): CaseCheck {
  return parseThen(text, checkCase);
}

/**
 * The text without its byte order mark, if it has one: some Windows editors save UTF-8 with it, and JSON.parse
 * refuses it. The readers keep it (boundedRead.ts), so that a file written back keeps it too.
 */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * A file's JSON checked by `check`; a text that is not JSON is the one problem `notJson`, with the parser's words.
 * A key given twice in one object is the problem `duplicateKey`: JSON.parse would take the last one and the user
 * may mean the first, so no reader (the view, Submit, the letter, the 3rd reminder's record) goes by either.
 */
export function parseThen<R>(
  text: string,
  check: (raw: unknown) => R,
): R | { readonly ok: false; readonly problems: [NotJson | DuplicateKey] } {
  let raw: unknown;
  try {
    raw = JSON.parse(withoutBom(text));
  } catch (error) {
    return { ok: false, problems: [{ path: '', code: 'notJson', detail: error instanceof Error ? error.message : String(error) }] };
  }
  const repeated = repeatedKey(withoutBom(text));
  return repeated ? { ok: false, problems: [repeated] } : check(raw);
}

type NotJson = { readonly path: ''; readonly code: 'notJson'; readonly detail: string };
type DuplicateKey = { readonly path: string; readonly code: 'duplicateKey'; readonly detail: string };

/** The first key given twice in an object of the (valid JSON) text, at its path as the validators spell it. */
function repeatedKey(text: string): DuplicateKey | undefined {
  const objects: Set<string>[] = [];
  let found: DuplicateKey | undefined;
  visit(text, {
    onObjectBegin: () => void objects.push(new Set()),
    onObjectEnd: () => void objects.pop(),
    onObjectProperty: (key, _offset, _length, _line, _character, pathOf) => {
      const keys = objects.at(-1)!;
      if (!found && keys.has(key)) {
        const at = [...pathOf(), key].reduce<string>(
          (p, part) => (typeof part === 'number' ? `${p}[${part}]` : p ? `${p}.${part}` : part),
          '',
        );
        found = { path: at, code: 'duplicateKey', detail: key };
      }
      keys.add(key);
    },
  });
  return found;
}

/** The body sent to tilbago: the case without the fields that are not tilbago's, `$schema` and `letterLanguage`. */
export function caseRequestBody(tilbagoCase: TilbagoCase): Json {
  const { $schema: _schema, letterLanguage: _letterLanguage, ...body } = tilbagoCase as TilbagoCase & { $schema?: string };
  return body;
}

/** The language the debtor reads our letters in, where the case says: `letterLanguage`, else `preferredLanguage`. */
export function debtorLanguage(tilbagoCase: TilbagoCase): Language | undefined {
  return tilbagoCase.letterLanguage ?? tilbagoCase.debtor.preferredLanguage;
}

/** The claims of a case together, in Rappen. */
export function claimedRappen(tilbagoCase: TilbagoCase): number {
  return [tilbagoCase.claim, ...(tilbagoCase.subsidiaryClaims ?? [])].reduce((sum, claim) => sum + claim.amount, 0);
}

export function debtorName(tilbagoCase: TilbagoCase): string {
  const debtor = tilbagoCase.debtor;
  return debtor.company ?? [debtor.name, debtor.surname].filter(Boolean).join(' ');
}

/** The externalRef of a case.json that may not be valid otherwise. */
export function referenceIn(caseText: string): string | undefined {
  try {
    const ref = (JSON.parse(withoutBom(caseText)) as { externalRef?: unknown })?.externalRef;
    return typeof ref === 'string' ? ref : undefined;
  } catch {
    return undefined;
  }
}
