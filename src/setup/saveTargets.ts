// Where the setup form saves, as the form sees it: the settings targets (settings/targets.ts), and the form's values
// read and written there by field. Writes touch only the form's own tilbago.* keys, and of those only the ones the
// user changed.
import type { TilbagoConfiguration } from '../settings/configuration';
import { SETTINGS } from '../settings/schema';
import { settingsFileLabel } from '../settings/settingsFiles';
import type { SettingsTarget } from '../settings/targets';
import { writeSettings } from '../settings/write';
import type { BrokenValue, SaveTarget } from './contract';
import { FORM_FIELDS, SETTING_OF_FIELD, type FormField, type FormValues } from './fields';
import { perField } from './fields';

/** Strips a target to what the webview may know. */
export function publicTarget({ id, kind, label }: SettingsTarget): SaveTarget {
  return { id, kind, label };
}

/** The values in effect at a target, which of them are set at the target itself, and those the file holds broken. */
export function readAtTarget(configuration: TilbagoConfiguration, target: SettingsTarget) {
  const read = configuration.atTarget(target, Object.values(SETTING_OF_FIELD));
  const at = (field: FormField) => read[SETTING_OF_FIELD[field]];
  const broken: Partial<Record<FormField, BrokenValue>> = {};
  for (const field of FORM_FIELDS) {
    const value = at(field).broken;
    if (!value) continue;
    const { raw, origin, problem } = value;
    // The day counts are shown as written; a text could hold something pasted by mistake, so it is not repeated.
    const written = SETTINGS[SETTING_OF_FIELD[field]].type === 'integer' ? (JSON.stringify(raw) ?? String(raw)).slice(0, 40) : undefined;
    const file = origin === target.kind ? target.label : settingsFileLabel(origin);
    broken[field] = { ...(written === undefined ? {} : { written }), file, problem };
  }
  const values = perField((row): unknown => at(row.field).value) as FormValues;
  const setAtTarget = perField((row) => at(row.field).setHere);
  return { values, setAtTarget, broken };
}

/**
 * Writes the given values at the target, and only those: a field the user did not change is never written, so a
 * value changed by hand meanwhile stays. `{ remove }` removes those form values there (Reset to defaults). Resolves
 * once VS Code reads the new values.
 */
export async function writeAtTarget(
  target: SettingsTarget,
  changes: Partial<FormValues> | { readonly remove: readonly FormField[] },
): Promise<void> {
  const removing = 'remove' in changes ? changes.remove : undefined;
  const edits = changes as Partial<FormValues>;
  const fields = FORM_FIELDS.filter((field) => (removing ? removing.includes(field) : Object.hasOwn(edits, field)));
  await writeSettings(
    target,
    fields.map((field) => [SETTING_OF_FIELD[field], removing ? undefined : edits[field]] as const),
  );
}
