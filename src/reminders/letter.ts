// The third reminder letter: its placeholders (the one place that knows them, and the text that is not one of
// them), the built-in texts, and rendering a text for an invoice. Pure and total: rendering never throws, whatever
// the text holds.
import { formatSwissDate, isIsoDate, type IsoDate } from '../shared/dates';
import type { Language } from '../shared/languages';
import { regionalLanguage } from '../shared/postcodeLanguage';
import type { ThirdReminderSettings } from '../settings/schema';
import { formatChf } from '../shared/money';
import { closing, type LetterDebtor, salutation } from './salutation';

export const PLACEHOLDERS = ['TITRE', 'NUMERO', 'RAPPEL1', 'RAPPEL2', 'DATEFACTURE', 'MONTANT', 'POLITESSE'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export const LETTER_HEADINGS: Record<Language, string> = {
  en: 'THIRD AND FINAL REMINDER',
  fr: 'TROISIÈME ET DERNIER RAPPEL',
  de: 'DRITTE UND LETZTE MAHNUNG',
  it: 'TERZO E ULTIMO RICHIAMO',
};

/** The letter of a language whose own letter (`tilbago.thirdReminder.germanLetter`, …) is empty. */
export const BUILT_IN_LETTERS: Record<Language, string> = {
  en: [
    '%TITRE%,',
    '',
    'Despite our reminders of %RAPPEL1% and %RAPPEL2%, our invoice no. %NUMERO% of %DATEFACTURE% is still unpaid. The amount due is %MONTANT%.',
    '',
    'Please pay this amount without delay. Failing payment, we will file a debt-collection request against you without further notice.',
    '',
    'If you have paid in the meantime, please disregard this reminder.',
    '',
    '%POLITESSE%',
  ].join('\n'),
  fr: [
    '%TITRE%,',
    '',
    'Malgré nos rappels du %RAPPEL1% et du %RAPPEL2%, notre facture n° %NUMERO% du %DATEFACTURE% reste impayée à ce jour. Le montant dû s’élève à %MONTANT%.',
    '',
    'Nous vous prions de régler ce montant dans les plus brefs délais. À défaut de paiement, nous introduirons une réquisition de poursuite à votre encontre sans autre avis.',
    '',
    'Si vous avez effectué le paiement entre-temps, veuillez ne pas tenir compte de ce rappel.',
    '',
    '%POLITESSE%',
  ].join('\n'),
  de: [
    '%TITRE%',
    '',
    'Trotz unserer Mahnungen vom %RAPPEL1% und vom %RAPPEL2% ist unsere Rechnung Nr. %NUMERO% vom %DATEFACTURE% noch immer unbezahlt. Der offene Betrag beläuft sich auf %MONTANT%.',
    '',
    'Wir bitten Sie, diesen Betrag umgehend zu begleichen. Ohne Zahlung leiten wir ohne weitere Ankündigung die Betreibung gegen Sie ein.',
    '',
    'Sollten Sie die Zahlung inzwischen geleistet haben, betrachten Sie diese Mahnung bitte als gegenstandslos.',
    '',
    '%POLITESSE%',
  ].join('\n'),
  it: [
    '%TITRE%,',
    '',
    'nonostante i nostri richiami del %RAPPEL1% e del %RAPPEL2%, la nostra fattura n. %NUMERO% del %DATEFACTURE% risulta tuttora non pagata. L’importo dovuto ammonta a %MONTANT%.',
    '',
    'Vi preghiamo di saldare questo importo senza indugio. In mancanza di pagamento, avvieremo una procedura d’esecuzione nei vostri confronti senza ulteriore avviso.',
    '',
    'Se nel frattempo avete già effettuato il pagamento, vogliate considerare nullo il presente richiamo.',
    '',
    '%POLITESSE%',
  ].join('\n'),
};

/** What the letter needs to know about an invoice. Dates are `yyyy-mm-dd`; the amount is in Rappen. */
export interface LetterInvoice {
  readonly number: string;
  /** The invoicing system's own salutation (reminders.json's `salutation`): when given, it is %TITRE%. */
  readonly salutation?: string | undefined;
  /** case.json's debtor, whom %TITRE% and %POLITESSE% are made for when there is no `salutation`. */
  readonly debtor?: LetterDebtor | undefined;
  readonly invoiceDate: IsoDate;
  readonly firstReminderDate?: IsoDate | undefined;
  readonly secondReminderDate?: IsoDate | undefined;
  readonly amountDueRappen: number;
}

// A placeholder is a word between percent signs. "5% de rabais et 10%" holds none: no spaces inside.
const PLACEHOLDER_PATTERN = /%([A-Za-z][A-Za-z0-9_]{0,39})%/g;
const KNOWN = new Set<string>(PLACEHOLDERS);

/**
 * Placeholders written in another shape: `%RAPPEL 2%`, `% MONTANT %`, `%DATE-FACTURE%`, `%DATÉFACTURE%`; `%MONTANT`
 * and `MONTANT%` (a percent sign missing); `{MONTANT}`, `{{MONTANT}}`, `${MONTANT}`, `[MONTANT]`, `<MONTANT>`. Each
 * is looked for at every place (a lookahead: one that is no placeholder, as in "50 % bis 60 %", does not hide the
 * next); it counts only when its word is one of ours or two letters off, so that "100%ig" is ordinary text.
 */
const MISSHAPEN_PATTERNS = [
  /(?=(%([^%\n]{1,40})%))/g,
  /(?=(%([\p{L}\p{N}_-]{1,40})))/gu,
  /(?<![\p{L}\p{N}_%-])(?=(([\p{L}\p{N}_-]{1,40})%))/gu,
  /(?=((?:\$?\{\{?|\[|<)\s*([^{}[\]<>%\n]{1,40}?)\s*(?:\}\}?|\]|>)))/gu,
];
const NAME_LENGTHS = PLACEHOLDERS.map((placeholder) => placeholder.length);
const SHORTEST_NAME = Math.min(...NAME_LENGTHS);
const LONGEST_NAME = Math.max(...NAME_LENGTHS);

export function isPlaceholder(name: string): name is Placeholder {
  return KNOWN.has(name);
}

/** Text of a letter that looks like a placeholder and is none: an unknown `%…%`, or one of ours misshapen. */
export interface UnknownPlaceholder {
  /** As written: `%NUMMER%`, `%RAPPEL 2%`, `{MONTANT}`. */
  readonly text: string;
  /** Offsets in the letter text: `text === letter.slice(start, end)`. */
  readonly start: number;
  readonly end: number;
  /** The known placeholder it was probably meant to be, when one is close. */
  readonly suggestion?: Placeholder;
}

type Span = UnknownPlaceholder & { readonly placeholder?: Placeholder };

/** The placeholder a name is, or is at most two letters off, case, accents and signs aside; and how far off. */
function nearestPlaceholder(name: string): { readonly suggestion: Placeholder; readonly distance: number } | undefined {
  const word = name
    .normalize('NFD')
    .replace(/[^A-Za-z0-9]/g, '')
    .toUpperCase();
  if (isPlaceholder(word)) return { suggestion: word, distance: 0 };
  if (word.length < SHORTEST_NAME - 2 || word.length > LONGEST_NAME + 2) return undefined;
  let best: { suggestion: Placeholder; distance: number } | undefined;
  for (const placeholder of PLACEHOLDERS) {
    const distance = editDistance(word, placeholder);
    if (distance <= 2 && (!best || distance < best.distance)) best = { suggestion: placeholder, distance };
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** Every placeholder-like text of a letter, in order and apart: ours (with `placeholder`), unknown and misshapen ones. */
function placeholderSpans(letter: string): Span[] {
  const words: Span[] = [...letter.matchAll(PLACEHOLDER_PATTERN)].map((match) => {
    const name = match[1]!;
    const at = { text: match[0], start: match.index, end: match.index + match[0].length };
    if (isPlaceholder(name)) return { ...at, placeholder: name };
    const near = nearestPlaceholder(name);
    return near ? { ...at, suggestion: near.suggestion } : at;
  });
  // Where several start at one place, the closest to a placeholder wins ("%MONTANT" over "%MONTANT et %"), then
  // the first pattern (the sort is stable).
  const misshapen = MISSHAPEN_PATTERNS.flatMap((pattern) =>
    [...letter.matchAll(pattern)].flatMap((match) => {
      const near = nearestPlaceholder(match[2]!);
      return near ? [{ text: match[1]!, start: match.index, end: match.index + match[1]!.length, ...near }] : [];
    }),
  ).sort((a, b) => a.start - b.start || a.distance - b.distance);
  // None overlaps a `%WORD%` or one kept before it.
  const spans: Span[] = [];
  let word = 0;
  let end = 0;
  for (const { distance: _, ...candidate } of misshapen) {
    while (word < words.length && words[word]!.end <= candidate.start) spans.push(words[word++]!);
    if (candidate.start < end || (word < words.length && words[word]!.start < candidate.end)) continue;
    spans.push(candidate);
    end = candidate.end;
  }
  spans.push(...words.slice(word));
  return spans;
}

/** Every text of a letter that looks like a placeholder and is none, in order: the letter is not made while there is one. */
export function findUnknownPlaceholders(letter: string): UnknownPlaceholder[] {
  return placeholderSpans(letter).flatMap(({ placeholder, ...span }) => (placeholder ? [] : [span]));
}

/** One piece of a rendered letter: plain text, a replaced value, or a placeholder left as it was. */
export type LetterPart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'value'; readonly text: string; readonly placeholder: Placeholder }
  | { readonly kind: 'missing'; readonly text: string; readonly placeholder: Placeholder }
  | { readonly kind: 'unknown'; readonly text: string };

function salutationOf(invoice: LetterInvoice, language: Language): string {
  return invoice.salutation?.trim() || salutation(invoice.debtor, language);
}

function placeholderValue(placeholder: Placeholder, invoice: LetterInvoice, language: Language): string | undefined {
  const date = (value: IsoDate | undefined) => (isIsoDate(value) ? formatSwissDate(value) : undefined);
  switch (placeholder) {
    case 'TITRE':
      return salutationOf(invoice, language);
    case 'POLITESSE':
      return closing(salutationOf(invoice, language), language);
    case 'NUMERO':
      return invoice.number || undefined;
    case 'RAPPEL1':
      return date(invoice.firstReminderDate);
    case 'RAPPEL2':
      return date(invoice.secondReminderDate);
    case 'DATEFACTURE':
      return date(invoice.invoiceDate);
    case 'MONTANT':
      return Number.isSafeInteger(invoice.amountDueRappen) ? formatChf(invoice.amountDueRappen) : undefined;
  }
}

/**
 * The letter as parts, so a view can mark what was replaced. A placeholder whose value the invoice lacks stays
 * as written (kind `missing`), as do unknown ones: nothing is silently dropped.
 */
export function renderLetterParts(letter: string, invoice: LetterInvoice, language: Language): LetterPart[] {
  const parts: LetterPart[] = [];
  let last = 0;
  for (const span of placeholderSpans(letter)) {
    if (span.start > last) parts.push({ kind: 'text', text: letter.slice(last, span.start) });
    const { placeholder } = span;
    if (placeholder) {
      const value = placeholderValue(placeholder, invoice, language);
      parts.push(value === undefined ? { kind: 'missing', text: span.text, placeholder } : { kind: 'value', text: value, placeholder });
    } else {
      parts.push({ kind: 'unknown', text: span.text });
    }
    last = span.end;
  }
  if (last < letter.length) parts.push({ kind: 'text', text: letter.slice(last) });
  return parts;
}

/** The letter text for an invoice; an empty text means the built-in letter of `language`. */
export function renderLetter(letter: string, invoice: LetterInvoice, language: Language): string {
  const text = letter === '' ? BUILT_IN_LETTERS[language] : letter;
  return renderLetterParts(text, invoice, language)
    .map((part) => part.text)
    .join('');
}

/** A third reminder letter, written as the extension writes it. */
export interface ReminderLetter {
  /** "TROISIÈME ET DERNIER RAPPEL", in the letter's language. */
  readonly heading: string;
  /** The letter with every placeholder replaced that the invoice has a value for. */
  readonly text: string;
  /**
   * Text that looks like a placeholder and is none: unknown `%…%` words, and ours misshapen (`%RAPPEL 2%`,
   * `%MONTANT`, `{MONTANT}`). They stay in the text as written, and no letter is made from it.
   */
  readonly unknownPlaceholders: readonly string[];
  /** Placeholders the invoice had no value for (for example no 2nd reminder date); they stay as written. */
  readonly missingPlaceholders: readonly Placeholder[];
}

/** The letter as the public API gives it: the text in effect (or the built-in letter), rendered for an invoice. */
export function reminderLetter(text: string, invoice: LetterInvoice, language: Language): ReminderLetter {
  const letter = text || BUILT_IN_LETTERS[language];
  const parts = renderLetterParts(letter, invoice, language);
  return {
    heading: LETTER_HEADINGS[language],
    text: parts.map((part) => part.text).join(''),
    unknownPlaceholders: parts.flatMap((part) => (part.kind === 'unknown' ? [part.text] : [])),
    missingPlaceholders: parts.flatMap((part) => (part.kind === 'missing' ? [part.placeholder] : [])),
  };
}

/**
 * The language of a debtor's letter: the one chosen for the debtor (or by the caller), else the one the settings
 * choose, else the language of the debtor's postcode, else German; never the editor's language, which says
 * nothing about the debtor.
 */
export function letterLanguage(
  debtor: { readonly language?: Language | undefined; readonly zip?: string | undefined },
  defaultLanguage: ThirdReminderSettings['defaultLanguage'],
): Language {
  if (debtor.language) return debtor.language;
  if (defaultLanguage !== 'auto') return defaultLanguage;
  return regionalLanguage(debtor.zip);
}
