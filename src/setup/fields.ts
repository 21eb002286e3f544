// The setup form's fields, one row each: the one place a field is declared. The form's values and their types, the
// setting each one is saved to, the checks of what the webview sends, the draft, the values read at a save target
// and the page's element ids are all made from this table (contract.ts, webview/draft.ts, webview/view/,
// saveTargets.ts). Adding a field: its setting (package.json, its nls, settings/schema.ts), a row here, its words.
import type { Language } from '../shared/languages';
import type { SettingKey } from '../settings/schema';

/** How a field is edited and stored: a day count is a number in the settings, every other field a string. */
export type FieldKind = 'days' | 'letter' | 'folder' | 'text' | 'choice';

/** The part of the form a field is in, in the form's order. */
export type FieldSection = 'tilbago' | 'delays' | 'letter' | 'creditor';

interface FieldRow {
  readonly field: string;
  readonly setting: SettingKey;
  readonly kind: FieldKind;
  readonly section: FieldSection;
  /** The page element that edits it (the four letters share one text box, switched by the language). */
  readonly domId: string;
  /** Reset to defaults keeps it unless the user asks for everything: where the cases are, who the creditor is. */
  readonly keptByReset?: true;
}

export const FORM_FIELD_ROWS = [
  {
    field: 'daysAfterSecondReminder',
    setting: 'thirdReminder.daysAfterSecondReminder',
    kind: 'days',
    section: 'delays',
    domId: 'days-after-second',
  },
  {
    field: 'daysBeforeCollection',
    setting: 'thirdReminder.daysBeforeCollection',
    kind: 'days',
    section: 'delays',
    domId: 'days-before-collection',
  },
  { field: 'letterDe', setting: 'thirdReminder.germanLetter', kind: 'letter', section: 'letter', domId: 'letter-text' },
  { field: 'letterFr', setting: 'thirdReminder.frenchLetter', kind: 'letter', section: 'letter', domId: 'letter-text' },
  { field: 'letterIt', setting: 'thirdReminder.italianLetter', kind: 'letter', section: 'letter', domId: 'letter-text' },
  { field: 'letterEn', setting: 'thirdReminder.englishLetter', kind: 'letter', section: 'letter', domId: 'letter-text' },
  { field: 'casesFolder', setting: 'casesFolder', kind: 'folder', section: 'tilbago', domId: 'cases-folder', keptByReset: true },
  // The creditor of the letter and payee of its QR-bill (`tilbago.creditor.*`), in the form's order.
  { field: 'creditorName', setting: 'creditor.name', kind: 'text', section: 'creditor', domId: 'creditor-name', keptByReset: true },
  { field: 'creditorStreet', setting: 'creditor.street', kind: 'text', section: 'creditor', domId: 'creditor-street', keptByReset: true },
  {
    field: 'creditorBuildingNumber',
    setting: 'creditor.buildingNumber',
    kind: 'text',
    section: 'creditor',
    domId: 'creditor-building-number',
    keptByReset: true,
  },
  {
    field: 'creditorPostalCode',
    setting: 'creditor.postalCode',
    kind: 'text',
    section: 'creditor',
    domId: 'creditor-postal-code',
    keptByReset: true,
  },
  { field: 'creditorTown', setting: 'creditor.town', kind: 'text', section: 'creditor', domId: 'creditor-town', keptByReset: true },
  // `CH` or `LI`.
  {
    field: 'creditorCountry',
    setting: 'creditor.country',
    kind: 'choice',
    section: 'creditor',
    domId: 'creditor-country',
    keptByReset: true,
  },
  // An IBAN or a QR-IBAN, spaces allowed.
  {
    field: 'creditorAccount',
    setting: 'creditor.account',
    kind: 'text',
    section: 'creditor',
    domId: 'creditor-account',
    keptByReset: true,
  },
  // With an ordinary IBAN: `none` or `creditorReference`.
  {
    field: 'creditorIbanReference',
    setting: 'creditor.ibanReference',
    kind: 'choice',
    section: 'creditor',
    domId: 'creditor-reference',
    keptByReset: true,
  },
] as const satisfies readonly FieldRow[];

type Row = (typeof FORM_FIELD_ROWS)[number];
export type FormField = Row['field'];
/** The settings the form edits, as stored (the cases folder as written, possibly relative). */
export type FormValues = { readonly [R in Row as R['field']]: R['kind'] extends 'days' ? number : string };
export type CreditorFormField = Extract<Row, { readonly section: 'creditor' }>['field'];
export type LetterField = Extract<Row, { readonly kind: 'letter' }>['field'];

export const FORM_FIELDS: readonly FormField[] = FORM_FIELD_ROWS.map((row) => row.field);
/** The creditor's fields, in the form's order (the QR-bill's payment part is made from them). */
export const CREDITOR_FIELDS = FORM_FIELD_ROWS.flatMap((row) => (row.section === 'creditor' ? [row.field] : []));
export const KEPT_BY_RESET: readonly FormField[] = FORM_FIELD_ROWS.flatMap((row) => ('keptByReset' in row ? [row.field] : []));

/** A record with one entry per field, made from its row. */
export function perField<T>(make: (row: Row) => T): Record<FormField, T> {
  return Object.fromEntries(FORM_FIELD_ROWS.map((row) => [row.field, make(row)])) as Record<FormField, T>;
}

export const SETTING_OF_FIELD: Readonly<Record<FormField, SettingKey>> = perField((row) => row.setting);
export const FIELD_IDS: Readonly<Record<FormField, string>> = perField((row) => row.domId);
export const KIND_OF_FIELD: Readonly<Record<FormField, FieldKind>> = perField((row) => row.kind);

/** The field of each language's letter, in the order the form's language switch shows them. */
export const LETTER_FIELDS: Readonly<Record<Language, LetterField>> = { de: 'letterDe', fr: 'letterFr', it: 'letterIt', en: 'letterEn' };
