// The form's unsaved edits as pure data: what the user typed, measured against the host's values it started from.
// A field equal to its base is not an edit; Save writes the edited fields and only those, so a value changed in
// settings.json meanwhile, in a field the user did not touch, is never written back over.
import { perField } from '../src/setup/fields';
import { editedFields, formValueProblem, type Draft, type DraftFields, type SetupState } from '../src/setup/contract';
import { FORM_FIELDS, type FormField, type FormValues } from '../src/setup/fields';

export type { Draft, DraftFields };

/**
 * The base of a field the user chose to write although it shows the value in effect: the file holds a broken
 * value there, and the value shown is not what the file says. No one can type it (it holds a NUL).
 */
export const WRITTEN_IN_FILE = '\u0000in the file';

export function fieldsOf(values: FormValues): DraftFields {
  // A day count is a number in the settings and text in its input; every other field is text in both.
  return perField((row) => String(values[row.field]));
}

/** A form without edits, showing the host's values. */
export function startDraft(state: Pick<SetupState, 'target' | 'values'>): Draft {
  const fields = fieldsOf(state.values);
  return { target: state.target, base: fields, fields };
}

export function edit(draft: Draft, field: FormField, value: string): Draft {
  return draft.fields[field] === value ? draft : { ...draft, fields: { ...draft.fields, [field]: value } };
}

export function isDirty(draft: Draft): boolean {
  return editedFields(draft).length > 0;
}

/**
 * Marks a field whose file value is broken as one to write: the value shown (the one in effect) then differs from
 * what the file holds, and Save puts it there.
 */
export function writeIntoFile(draft: Draft, field: FormField): Draft {
  return { ...draft, base: { ...draft.base, [field]: WRITTEN_IN_FILE } };
}

/** A day count as typed: a whole number, or undefined. */
export function parseDays(text: string): number | undefined {
  return /^\s*\d{1,6}\s*$/.test(text) ? Number(text) : undefined;
}

/** The value a field's text stands for (undefined: not a number where one belongs). */
export function fieldValue(field: FormField, text: string): FormValues[FormField] | undefined {
  return field === 'daysAfterSecondReminder' || field === 'daysBeforeCollection' ? parseDays(text) : text;
}

/** Whether a field's text can be saved as it is. */
export function isValid(field: FormField, text: string): boolean {
  return formValueProblem(field, fieldValue(field, text)) === undefined;
}

/** The fields whose text cannot be saved, in the form's order. */
export function invalidFields(fields: DraftFields): FormField[] {
  return FORM_FIELDS.filter((field) => !isValid(field, fields[field]));
}

/** What Save sends: the edited fields' values, or the edited fields that cannot be saved as they are. */
export function changesToSave(draft: Draft): { readonly changes: Partial<FormValues> } | { readonly invalid: FormField[] } {
  const edited = editedFields(draft);
  const invalid = edited.filter((field) => !isValid(field, draft.fields[field]));
  if (invalid.length) return { invalid };
  return { changes: Object.fromEntries(edited.map((field) => [field, fieldValue(field, draft.fields[field])])) as Partial<FormValues> };
}

export interface Rebased {
  readonly draft: Draft;
  /** The fields whose value at the host is not the one the edits started from. */
  readonly changedOutside: FormField[];
  /** Of those, the ones the user edited too, and to another value. */
  readonly conflicts: FormField[];
}

/**
 * Puts the edits on top of new host values (a change in settings.json, another target, edits kept from an earlier
 * session): a field the user did not edit shows the new value; an edited one keeps the user's text, now measured
 * against the new value.
 */
export function rebase(draft: Draft, state: Pick<SetupState, 'target' | 'values'>): Rebased {
  const theirs = fieldsOf(state.values);
  const base: Record<FormField, string> = { ...draft.base };
  const fields: Record<FormField, string> = { ...draft.fields };
  const changedOutside: FormField[] = [];
  const conflicts: FormField[] = [];
  for (const field of FORM_FIELDS) {
    const edited = fields[field] !== base[field];
    // A field to be written into the file keeps that mark until saved: what it was compared with is not known.
    if (base[field] === WRITTEN_IN_FILE || base[field] === theirs[field]) continue;
    changedOutside.push(field);
    if (!edited) fields[field] = theirs[field];
    else if (fields[field] !== theirs[field]) conflicts.push(field);
    base[field] = theirs[field];
  }
  return { draft: { target: state.target, base, fields }, changedOutside, conflicts };
}

/**
 * After a Save: the host's new values are the base; a field saved and not typed in since shows the value as
 * saved (`12`, not ` 12 `); a field typed in since keeps its text.
 */
export function afterSave(draft: Draft, state: Pick<SetupState, 'target' | 'values'>, saved: Partial<FormValues>): Draft {
  const theirs = fieldsOf(state.values);
  const fields: Record<FormField, string> = { ...draft.fields };
  for (const field of FORM_FIELDS) {
    const wasSaved = Object.hasOwn(saved, field) && fieldValue(field, fields[field]) === saved[field];
    if (wasSaved || fields[field] === draft.base[field]) fields[field] = theirs[field];
  }
  return { target: state.target, base: theirs, fields };
}
