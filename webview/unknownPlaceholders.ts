// Where an unknown or misshapen placeholder is, in words a person finds in a text box without line numbers: its
// paragraph and the words just before it; and the fix that puts the placeholder it probably meant in its place.
// The letter (letter.ts) finds them, so the form names exactly what keeps a letter from being made.
import { findUnknownPlaceholders, type UnknownPlaceholder } from '../src/reminders/letter';

export interface LocatedPlaceholder extends UnknownPlaceholder {
  /** 1 for the first paragraph; paragraphs are separated by an empty line. */
  readonly paragraph: number;
  /** Up to three words before it in its paragraph (empty at the start of a paragraph), at most 40 characters. */
  readonly after: string;
}

const MAX_WORDS_BEFORE = 3;
const MAX_QUOTE = 40;

/** The first `limit` unknown placeholders, located, and how many there are in all. */
export function locateUnknownPlaceholders(letter: string, limit: number): { readonly items: LocatedPlaceholder[]; readonly total: number } {
  const unknown = findUnknownPlaceholders(letter);
  const items: LocatedPlaceholder[] = [];
  let paragraph = 1;
  let paragraphStart = 0;
  // An empty line (spaces allowed) ends a paragraph; several count as one.
  const breaks = /\n[^\S\n]*\n\s*/g;
  let next = breaks.exec(letter);
  for (const item of unknown.slice(0, limit)) {
    while (next && next.index + next[0].length <= item.start) {
      paragraph++;
      paragraphStart = next.index + next[0].length;
      next = breaks.exec(letter);
    }
    const before = letter.slice(Math.max(paragraphStart, item.start - 200), item.start);
    const words = before.split(/\s+/).filter(Boolean).slice(-MAX_WORDS_BEFORE).join(' ');
    const after = words.length > MAX_QUOTE ? `…${words.slice(-MAX_QUOTE + 1)}` : words;
    items.push({ ...item, paragraph, after });
  }
  return { items, total: unknown.length };
}

/** The letter with the suggestion in place of that placeholder; undefined when the text there changed since. */
export function applySuggestion(letter: string, item: UnknownPlaceholder): string | undefined {
  if (!item.suggestion || letter.slice(item.start, item.end) !== item.text) return undefined;
  return `${letter.slice(0, item.start)}%${item.suggestion}%${letter.slice(item.end)}`;
}
