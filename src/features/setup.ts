// The setup panel and the letter and schedule rules of the public API, loaded on first use.
import type { ReminderLetter } from '../api';
import type { Language } from '../core/languages';
import { BUILT_IN_LETTERS, findUnknownPlaceholders, LETTER_HEADINGS, renderLetterParts, type LetterInvoice } from '../core/letter';
import { reminderSchedule, reminderStage } from '../core/schedule';
import { SetupPanel } from '../setupPanel';

export function renderReminderLetter(text: string, invoice: LetterInvoice, language: Language): ReminderLetter {
  const letter = text || BUILT_IN_LETTERS[language];
  const parts = renderLetterParts(letter, invoice, language);
  return {
    heading: LETTER_HEADINGS[language],
    text: parts.map((part) => part.text).join(''),
    unknownPlaceholders: findUnknownPlaceholders(letter).map((unknown) => unknown.text),
    missingPlaceholders: parts.flatMap((part) => (part.kind === 'missing' ? [part.placeholder] : [])),
  };
}

export const setupFeature = { SetupPanel, renderReminderLetter, reminderSchedule, reminderStage };
export type SetupFeature = typeof setupFeature;
