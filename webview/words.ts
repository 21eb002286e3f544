// Times as people in the display language write them (the words themselves come from the host, in the page).
import type { Language } from '../src/shared/languages';

/** `14:02`: the hour and minute in the display language as written in Switzerland. */
export function formatTime(at: number, language: Language): string {
  return new Intl.DateTimeFormat(`${language}-CH`, { hour: '2-digit', minute: '2-digit' }).format(at);
}
