// The live preview of the letter, as the debtor reads it for a sample invoice, with the replaced values marked.
// Its nodes are made directly, not from a Lit template per part: a long letter has a thousand parts, and one
// template instance each doubled the form's work per keystroke (measured by `npm run bench`).
import type { Language } from '../src/shared/languages';
import { BUILT_IN_LETTERS, renderLetterParts } from '../src/reminders/letter';
import { SAMPLE_DEBTORS, SAMPLE_INVOICE, type SampleDebtor } from '../src/reminders/letterEditing';
import { SETTINGS } from '../src/settings/schema';

/**
 * A letter longer than a setting may hold cannot be saved; the preview and the placeholder check look at the part
 * that could be, so that pasting a megabyte by mistake costs a moment, not seconds of layout.
 */
export const PREVIEW_LIMIT = SETTINGS['thirdReminder.germanLetter'].maxLength;

/** Draws the letter to a sample debtor into `body`: plain text, replaced values and unknown placeholders marked. */
export function renderPreview(body: HTMLElement, text: string, language: Language, debtor: SampleDebtor): void {
  const letter = text === '' ? BUILT_IN_LETTERS[language] : text.slice(0, PREVIEW_LIMIT);
  const invoice = { ...SAMPLE_INVOICE, debtor: SAMPLE_DEBTORS[debtor] };
  const nodes = renderLetterParts(letter, invoice, language).map((part) => {
    if (part.kind === 'text') return document.createTextNode(part.text);
    const mark = document.createElement('mark');
    mark.className = part.kind === 'value' ? 'value' : 'unknown';
    if (part.kind === 'value') mark.title = `%${part.placeholder}%`;
    mark.textContent = part.text;
    return mark;
  });
  body.replaceChildren(...nodes);
}
