// The language spoken where a Swiss (or Liechtenstein) postcode is: the proposal for a debtor's language, and the
// language of a letter when nobody chose one.
//
// Source and approximation: drawn by hand from the Swiss Post's postcode regions (the first digits follow the
// regions: 1 the west, 2 Neuchâtel, Jura and the Bernese Jura, 65–69 Ticino, …) and the official language of the
// communes in the Federal Statistical Office's language areas. It is a table of ranges, not a list of every
// postcode: a village of one language inside a range of the other (Bosco/Gurin in Ticino, the Sense district in
// Fribourg) is listed where known, others may be missed. Romansh places count as German (tilbago takes de, fr
// and it; Romansh speakers read German letters). Sierre/Siders is officially French-speaking and counted so; Brig is
// German-speaking. The places named bilingual are those where both languages are official or in daily use by the
// authorities. The result is a proposal the user confirms, never a decision.

export type RegionLanguage = 'de' | 'fr' | 'it';

export type PostcodeLanguage =
  | { readonly kind: 'one'; readonly language: RegionLanguage }
  /** Both French and German; the language of the majority first. */
  | { readonly kind: 'bilingual'; readonly languages: readonly ['de', 'fr'] | readonly ['fr', 'de']; readonly place: string };

type Range = readonly [from: number, to: number, answer: PostcodeLanguage];

const de: PostcodeLanguage = { kind: 'one', language: 'de' };
const fr: PostcodeLanguage = { kind: 'one', language: 'fr' };
const it: PostcodeLanguage = { kind: 'one', language: 'it' };
const bilingual = (place: string, languages: readonly ['de', 'fr'] | readonly ['fr', 'de']): PostcodeLanguage => ({
  kind: 'bilingual',
  languages,
  place,
});

/** The first range that holds a postcode wins: the places first, then the regions around them. */
const RANGES: readonly Range[] = [
  // Bilingual places.
  [1700, 1709, bilingual('Fribourg/Freiburg', ['fr', 'de'])],
  [2500, 2505, bilingual('Biel/Bienne', ['de', 'fr'])],
  [2532, 2532, bilingual('Magglingen/Macolin', ['de', 'fr'])],
  [2533, 2533, bilingual('Evilard/Leubringen', ['de', 'fr'])],
  [3280, 3280, bilingual('Murten/Morat', ['de', 'fr'])],
  // German-speaking places in French-speaking regions: Jaun, the Sense district, the German villages near Murten.
  [1656, 1656, de],
  [1712, 1719, de],
  [1734, 1738, de],
  [1792, 1794, de],
  [1797, 1797, de],
  // Around the Lake of Biel: German on its north shore and east of Biel, French on the plateau of Diesse.
  [2512, 2514, de],
  [2515, 2538, fr],
  [2540, 2599, de],
  // Ederswiler (Jura) and Roggenburg (Basel-Landschaft).
  [2813, 2814, de],
  // The French-speaking part of Valais around Sierre, but Salgesch.
  [3970, 3970, de],
  [3960, 3979, fr],
  // Bosco/Gurin, the one German-speaking commune of Ticino.
  [6685, 6685, de],
  // The Italian-speaking valleys of Graubünden: Bregaglia (with Maloja), Poschiavo (with the Bernina hospice).
  // Mesolcina and Calanca (6535–6565) are in the Ticino range below.
  [7516, 7516, it],
  [7602, 7610, it],
  [7710, 7710, it],
  [7741, 7748, it],
  // The regions.
  [1000, 2499, fr],
  [2600, 2999, fr],
  [3000, 6499, de],
  [6500, 6999, it],
  [7000, 9999, de],
];

/**
 * The language of the region of a Swiss or Liechtenstein postcode (four digits, `CH-` allowed); undefined for any
 * other postcode.
 */
export function postcodeLanguage(zip: string): PostcodeLanguage | undefined {
  const match = /^(?:CH-)?(\d{4})$/i.exec(zip.trim());
  if (!match) return undefined;
  const code = Number(match[1]);
  return RANGES.find(([from, to]) => code >= from && code <= to)?.[2];
}

/**
 * The language to write in when nobody chose one: the region's, for a bilingual place its majority's, else
 * German (the language most Swiss debtors read).
 */
export function regionalLanguage(zip: string | undefined): RegionLanguage {
  const found = zip === undefined ? undefined : postcodeLanguage(zip);
  if (!found) return 'de';
  return found.kind === 'one' ? found.language : found.languages[0];
}

/** Liechtenstein's postcodes, in the Swiss Post's numbering: a country of its own, with its own debt-collection law. */
const LIECHTENSTEIN: readonly [number, number] = [9485, 9498];

/**
 * Where a postcode is, as written in an address: `CH` for a Swiss one (four digits, 1000–9999), `LI` for
 * Liechtenstein's; undefined for any other text (a postcode abroad, a prefix, spaces). tilbago files with Swiss debt
 * collection offices only. schemas/case.schema.json says the same for the debtor's postcode.
 */
export function postcodeCountry(zip: string): 'CH' | 'LI' | undefined {
  if (!/^[1-9]\d{3}$/.test(zip)) return undefined;
  const code = Number(zip);
  return code >= LIECHTENSTEIN[0] && code <= LIECHTENSTEIN[1] ? 'LI' : 'CH';
}
