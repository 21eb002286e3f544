// The live preview of the letter, as the debtor reads it for a sample invoice, with the replaced values marked.
import { html, type TemplateResult } from 'lit';
import type { Language } from '../src/shared/languages';
import { BUILT_IN_LETTERS, renderLetterParts, SAMPLE_INVOICE } from '../src/reminders/letter';
import { SETTINGS } from '../src/settings/schema';

/**
 * A letter longer than a setting may hold cannot be saved; the preview and the placeholder check look at the part
 * that could be, so that pasting a megabyte by mistake costs a moment, not seconds of layout.
 */
export const PREVIEW_LIMIT = SETTINGS['reminder3.text'].maxLength;

export function previewParts(text: string, language: Language): (string | TemplateResult)[] {
  const letter = text === '' ? BUILT_IN_LETTERS[language] : text.slice(0, PREVIEW_LIMIT);
  return renderLetterParts(letter, SAMPLE_INVOICE, language).map((part) =>
    part.kind === 'text'
      ? part.text
      : part.kind === 'value'
        ? html`<mark class="value" title=${`%${part.placeholder}%`}>${part.text}</mark>`
        : html`<mark class="unknown">${part.text}</mark>`,
  );
}
