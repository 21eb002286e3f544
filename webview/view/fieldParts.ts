// What several sections of the form share: how a value is named, what keeps a value as typed from being saved, the
// note beside a value settings.json holds but the form cannot use, and the markup of a group of radio buttons and of a link that acts.
import { html, nothing, type TemplateResult } from 'lit';
import { FIELD_IDS, KIND_OF_FIELD } from '../../src/setup/fields';
import { describeProblem } from '../../src/settings/problemClauses';
import { checkSetting } from '../../src/settings/schema';
import { type FormField, SETTING_OF_FIELD } from '../../src/setup/fields';
import type { Strings } from '../../src/setup/formWords';
import { WRITTEN_IN_FILE } from '../draft';
import { format } from '../../src/shared/format';
import type { FormActions, FormModel } from './model';

/** The fields that hold a letter (empty: the built-in one). */
export const isText = (field: FormField) => KIND_OF_FIELD[field] === 'letter';

const MAX_SHOWN_PATH = 60;

export const valueOfInput = (event: Event) => (event.currentTarget as HTMLInputElement).value;

/** A value as the form names it: the day counts and the folder as they are, the empty ones by what they mean. */
export function shownValue(t: Strings, field: FormField, value: string | number): string {
  if (value === '') return isText(field) ? t.builtInLetter : field === 'casesFolder' ? t.noFolder : t.keyNotSet;
  const text = String(value);
  return text.length > MAX_SHOWN_PATH ? `${text.slice(0, MAX_SHOWN_PATH - 1)}…` : text;
}

/** What keeps a value as typed from being saved, in `sentence` ("This value {0}.") with the problem's clause; '' when nothing does. */
export function typedProblem(t: Strings, sentence: string, field: FormField, text: string): string {
  const problem = checkSetting(SETTING_OF_FIELD[field], text).problem;
  return problem ? format(sentence, describeProblem(t.problemClauses, problem)) : '';
}

/** Beside a field whose value in settings.json cannot be used: what the file holds, why, and what is used. */
export function brokenNote(m: FormModel, a: FormActions, field: FormField): TemplateResult | typeof nothing {
  const broken = m.state?.broken[field];
  if (!broken || !m.state || !m.draft) return nothing;
  const { t } = m;
  const inEffect = shownValue(t, field, m.state.values[field]);
  const why = describeProblem(t.problemClauses, broken.problem);
  const sentence =
    broken.written === undefined
      ? format(t.brokenHidden, broken.file, why, inEffect)
      : format(t.brokenWritten, broken.file, broken.written, why, inEffect);
  return html`<span class="broken" id=${`${FIELD_IDS[field]}-file`} role="note"
    >${sentence}
    ${
      m.draft.base[field] === WRITTEN_IN_FILE
        ? nothing
        : html`<vscode-button secondary class="correct" @click=${() => a.writeIntoFile(field)}>${format(t.correctTo, inEffect)}</vscode-button>`
    }</span
  >`;
}

/**
 * A group of radio buttons, named by the element before it: its label (`{id}-label`, the text given), then the
 * group (`id`, the name of its inputs). `choose` is told the option picked.
 */
export function radioGroup<Option extends string>(
  id: string,
  label: string,
  options: readonly (readonly [Option, string])[],
  checked: string,
  choose: (option: Option) => void,
  disabled = false,
): TemplateResult {
  return html`<span id=${`${id}-label`}>${label}</span>
    <div id=${id} class="targets" role="radiogroup" aria-labelledby=${`${id}-label`}>
      ${options.map(
        ([option, text]) =>
          html`<label
            ><input
              type="radio"
              name=${id}
              .value=${option}
              .checked=${option === checked}
              ?disabled=${disabled}
              @change=${() => choose(option)}
            />${text}</label
          >`,
      )}
    </div>`;
}

/** What a link does when clicked, instead of following its `#`. */
export const onLinkClick = (act: () => void) => (event: Event) => {
  event.preventDefault();
  act();
};
