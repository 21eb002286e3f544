// The creditor section: the creditor of the letter and payee of its QR-bill, checked as typed by the QR-bill's
// rules.
import { html } from 'lit';
import { live } from 'lit/directives/live.js';
import { isQrIban } from '../../src/reminders/qrBillFields';
import { SETTINGS } from '../../src/settings/schema';
import { type CreditorFormField, SETTING_OF_FIELD } from '../../src/setup/fields';
import { FIELD_IDS } from '../../src/setup/fields';
import { brokenNote, radioGroup, typedProblem, valueOfInput } from './fieldParts';
import type { FormActions, FormModel } from './model';

function creditorText(
  m: FormModel,
  a: FormActions,
  field: CreditorFormField,
  options: { readonly grow?: boolean; readonly help?: string } = {},
) {
  const id = FIELD_IDS[field];
  const text = m.draft?.fields[field] ?? '';
  const problem = m.draft ? typedProblem(m.t, m.t.typedProblem, field, text) : '';
  const spec = SETTINGS[SETTING_OF_FIELD[field]];
  return html`<div class=${options.grow ? 'field grow' : 'field'}>
    <vscode-label for=${id}>${m.t.fieldNames[field]}</vscode-label>
    <vscode-textfield
      id=${id}
      class="wide"
      maxlength=${'maxLength' in spec ? spec.maxLength + 20 : 100}
      .value=${live(text)}
      ?invalid=${problem !== ''}
      @input=${(event: Event) => a.input(field, valueOfInput(event))}
    ></vscode-textfield>
    <vscode-form-helper id=${`${id}-help`} ?data-invalid=${problem !== ''}>${problem || options.help || ''}</vscode-form-helper>
    ${brokenNote(m, a, field)}
  </div>`;
}

function choice(
  m: FormModel,
  a: FormActions,
  field: 'creditorCountry' | 'creditorIbanReference',
  options: readonly (readonly [string, string])[],
  disabled = false,
) {
  return html`<div class="field">
    ${radioGroup(FIELD_IDS[field], m.t.fieldNames[field], options, m.draft?.fields[field] ?? '', (option) => a.input(field, option), disabled)}
    ${brokenNote(m, a, field)}
  </div>`;
}

export function creditorSection(m: FormModel, a: FormActions) {
  const { t } = m;
  const fields = m.draft?.fields;
  const qrIban = isQrIban(fields?.creditorAccount ?? '');
  const needsQrReference = qrIban && fields?.creditorIbanReference === 'creditorReference';
  return html`<section aria-labelledby="h-creditor">
    <h2 id="h-creditor">${t.sectionCreditor}</h2>
    <p class="hint">${t.creditorHelp}</p>
    ${creditorText(m, a, 'creditorName')}
    <div class="row top">
      ${creditorText(m, a, 'creditorStreet', { grow: true })} ${creditorText(m, a, 'creditorBuildingNumber')}
    </div>
    <div class="row top">
      ${creditorText(m, a, 'creditorPostalCode')} ${creditorText(m, a, 'creditorTown', { grow: true })}
    </div>
    ${choice(m, a, 'creditorCountry', [
      ['CH', t.countryNames.CH],
      ['LI', t.countryNames.LI],
    ])}
    ${creditorText(m, a, 'creditorAccount', { help: t.accountHelp })}
    ${choice(
      m,
      a,
      'creditorIbanReference',
      [
        ['none', t.referenceNone],
        ['creditorReference', t.referenceCreditor],
      ],
      qrIban,
    )}
    <p id="creditor-reference-note" class=${needsQrReference ? 'warning' : 'hint'} ?hidden=${!qrIban}>
      ${needsQrReference ? t.qrIbanNeedsQrReference : t.referenceQr}
    </p>
  </section>`;
}
