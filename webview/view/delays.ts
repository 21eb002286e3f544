// The delays section: the days after the second reminder and before collection, whole days as typed.
import { html } from 'lit';
import { live } from 'lit/directives/live.js';
import { FIELD_IDS } from '../../src/setup/fields';
import { isValid } from '../draft';
import { brokenNote, valueOfInput } from './fieldParts';
import type { FormActions, FormModel } from './model';

function numberField(m: FormModel, a: FormActions, field: 'daysAfterSecondReminder' | 'daysBeforeCollection') {
  const id = FIELD_IDS[field];
  const text = m.draft?.fields[field] ?? '';
  const invalid = m.draft !== undefined && !isValid(field, text);
  return html`<div class="field">
    <vscode-label for=${id}>${m.t[field]}</vscode-label>
    <div class="row">
      <vscode-textfield
        id=${id}
        type="number"
        min="0"
        max="365"
        step="1"
        inputmode="numeric"
        class="days"
        .value=${live(text)}
        ?invalid=${invalid}
        @input=${(event: Event) => a.input(field, valueOfInput(event))}
      ></vscode-textfield>
      <span class="unit">${m.t.days}</span>
      ${brokenNote(m, a, field)}
    </div>
    <vscode-form-helper id=${`${id}-help`} ?data-invalid=${invalid}>${m.t.wholeDays}</vscode-form-helper>
  </div>`;
}

export function delaysSection(m: FormModel, a: FormActions) {
  return html`<section aria-labelledby="h-delays">
    <h2 id="h-delays">${m.t.sectionDelays}</h2>
    ${numberField(m, a, 'daysAfterSecondReminder')} ${numberField(m, a, 'daysBeforeCollection')}
  </section>`;
}
