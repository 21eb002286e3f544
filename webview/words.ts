// Sentences from the display language's words (handed over by the extension in the page), and times as people
// there write them.
import type { Language } from '../src/shared/languages';

/** Fills `{0}`, `{1}`… in a string. */
export function format(template: string, ...values: (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (whole, index: string) => String(values[Number(index)] ?? whole));
}

/** `14:02`: the hour and minute in the display language as written in Switzerland. */
export function formatTime(at: number, language: Language): string {
  return new Intl.DateTimeFormat(`${language}-CH`, { hour: '2-digit', minute: '2-digit' }).format(at);
}
