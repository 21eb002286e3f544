// The letter section: the language of the letter edited, its text (the built-in one or the user's), the
// placeholders the letter does not know, the legend of those it does, and the preview.
import { html, nothing } from 'lit';
import { live } from 'lit/directives/live.js';
import { LANGUAGES } from '../../src/shared/languages';
import { PLACEHOLDERS } from '../../src/reminders/letter';
import { PLACEHOLDER_MEANINGS } from '../../src/reminders/letterEditing';
import { LETTER_FIELDS } from '../../src/setup/fields';
import type { LocatedPlaceholder } from '../unknownPlaceholders';
import { format } from '../../src/shared/format';
import { brokenNote, onLinkClick, radioGroup, typedProblem, valueOfInput } from './fieldParts';
import { letterPreview } from './letterPreview';
import type { FormActions, FormModel } from './model';

/** Which language's letter is edited (✎ beside those the user wrote), and whether it is the built-in one. */
function letterChoice(m: FormModel, a: FormActions, text: string) {
  const { t } = m;
  const fields = m.draft?.fields;
  const options = LANGUAGES.map((option) => {
    const field = LETTER_FIELDS[option];
    return [option, `${t.fieldNames[field]}${fields?.[field] ? ' ✎' : ''}`] as const;
  });
  return html`<div class="row">${radioGroup('letter-language', t.letterLanguage, options, m.letterLanguage, a.chooseLetterLanguage)}</div>
    <p class="hint">${format(t.debtorsIn, t.languageNames[m.letterLanguage])}</p>
    <div class="row">
      <span id="text-source"
        >${text !== '' ? t.customInUse : format(t.builtInInUse, t.languageNames[m.letterLanguage])}</span
      >
      <vscode-button id="edit-built-in" secondary ?hidden=${text !== ''} @click=${a.editBuiltIn}>${t.editBuiltIn}</vscode-button>
    </div>`;
}

/**
 * The letter's text. The box is not resizable: vscode-textarea draws its grip from a data: image, which the
 * policy blocks.
 */
function letterText(m: FormModel, a: FormActions, text: string) {
  const { t } = m;
  const letterField = LETTER_FIELDS[m.letterLanguage];
  const problem = m.draft ? typedProblem(t, t.textProblem, letterField, text) : '';
  return html`<div class="field">
    <vscode-label for="letter-text">${t.fieldNames[letterField]}</vscode-label>
    <vscode-textarea
      id="letter-text"
      rows="16"
      resize="none"
      class="letter-text"
      .value=${live(text)}
      ?invalid=${problem !== ''}
      @input=${(event: Event) => a.input(letterField, valueOfInput(event))}
    ></vscode-textarea>
    <vscode-form-helper id="text-help">${problem}</vscode-form-helper>
    ${brokenNote(m, a, letterField)}
  </div>`;
}

/** The placeholders the letter does not know, where each is, and the one it probably means. */
function unknownList(m: FormModel, a: FormActions) {
  const { t, unknown } = m;
  const where = (item: LocatedPlaceholder) =>
    item.after ? format(t.inParagraph, item.paragraph, item.after) : format(t.paragraphStart, item.paragraph);
  return html`<div id="unknown" class="warning" role="status" ?hidden=${unknown.total === 0}>
    <span>${t.unknownPlaceholders}</span>
    <ul>
      ${unknown.items.map(
        (item) =>
          html`<li>
            <code>${item.text}</code> ${where(item)}${
              item.suggestion
                ? html` —
                    <a href="#" class="fix" @click=${onLinkClick(() => a.fixPlaceholder(item))}>${format(t.didYouMean, `%${item.suggestion}%`)}</a>`
                : nothing
            }
          </li>`,
      )}
      ${unknown.total > unknown.items.length ? html`<li>${format(t.andMore, unknown.total - unknown.items.length)}</li>` : nothing}
    </ul>
  </div>`;
}

/** The placeholders a letter can hold, each a button that inserts it, with what it stands for. */
function legend(m: FormModel, a: FormActions) {
  const { t } = m;
  return html`<h3 id="h-legend">${t.dynamicValues}</h3>
    <p>${t.dynamicValuesHelp}</p>
    <ul class="legend">
      ${PLACEHOLDERS.map(
        (placeholder) =>
          html`<li>
            <vscode-button secondary data-placeholder=${placeholder} title=${`%${placeholder}%`} @click=${() => a.insertPlaceholder(placeholder)}
              >%${placeholder}%</vscode-button
            >
            <span>${PLACEHOLDER_MEANINGS[m.letterLanguage][placeholder]}</span>
          </li>`,
      )}
    </ul>`;
}

export function letterSection(m: FormModel, a: FormActions) {
  const text = m.draft?.fields[LETTER_FIELDS[m.letterLanguage]] ?? '';
  return html`<section aria-labelledby="h-text">
    <h2 id="h-text">${m.t.sectionText}</h2>
    ${letterChoice(m, a, text)} ${letterText(m, a, text)} ${unknownList(m, a)} ${legend(m, a)} ${letterPreview(m, a, text)}
  </section>`;
}
