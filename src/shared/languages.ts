// The languages the extension speaks. tilbago itself works in de, fr and it; English is for everyone else.

// In the order the settings and the README list them: German, French, Italian, then English.
export const LANGUAGES = ['de', 'fr', 'it', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** The supported language for a VS Code display language such as `fr`, `de-CH` or `zh-cn`; English otherwise. */
export function languageOf(locale: string): Language {
  const base = locale.toLowerCase().split(/[-_]/)[0];
  return (LANGUAGES as readonly string[]).includes(base ?? '') ? (base as Language) : 'en';
}
