// The third reminder letter: its placeholders (the one place that knows them), the built-in texts, and
// rendering a text for an invoice. Pure and total: rendering never throws, whatever the text holds.
import { formatSwissDate, isIsoDate, type IsoDate } from '../shared/dates';
import type { Language } from '../shared/languages';
import { regionalLanguage } from '../shared/postcodeLanguage';
import type { Reminder3Settings } from '../settings/schema';
import { formatChf } from '../shared/money';

export const PLACEHOLDERS = ['TITRE', 'NUMERO', 'RAPPEL1', 'RAPPEL2', 'DATEFACTURE', 'MONTANT'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

export const LETTER_HEADINGS: Record<Language, string> = {
  en: 'THIRD AND FINAL REMINDER',
  fr: 'TROISIÈME ET DERNIER RAPPEL',
  de: 'DRITTE UND LETZTE MAHNUNG',
  it: 'TERZO E ULTIMO RICHIAMO',
};

/** The salutation when the client has none ("Messieurs" in the original French). */
export const DEFAULT_SALUTATIONS: Record<Language, string> = {
  en: 'Dear Sir or Madam',
  fr: 'Messieurs',
  de: 'Sehr geehrte Damen und Herren',
  it: 'Egregi Signori',
};

/** The letter of a language whose own letter (`tilbago.thirdReminder.germanLetter`, …) and the old `tilbago.reminder3.text` are empty. */
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
    'Yours faithfully',
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
    'Veuillez agréer, %TITRE%, nos salutations distinguées.',
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
    'Freundliche Grüsse',
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
    'Distinti saluti',
  ].join('\n'),
};

/** What the letter needs to know about an invoice. Dates are `yyyy-mm-dd`; the amount is in Rappen. */
export interface LetterInvoice {
  readonly number: string;
  readonly salutation?: string | undefined;
  readonly invoiceDate: IsoDate;
  readonly firstReminderDate?: IsoDate | undefined;
  readonly secondReminderDate?: IsoDate | undefined;
  readonly amountDueRappen: number;
}

// A placeholder is a word between percent signs. "5% de rabais et 10%" holds none: no spaces inside.
const PLACEHOLDER_PATTERN = /%([A-Za-z][A-Za-z0-9_]{0,39})%/g;
const KNOWN = new Set<string>(PLACEHOLDERS);

export function isPlaceholder(name: string): name is Placeholder {
  return KNOWN.has(name);
}

/** Every `%…%` of a letter that is not one of ours, in order. */
export function unknownPlaceholderMatches(letter: string): RegExpExecArray[] {
  return [...letter.matchAll(PLACEHOLDER_PATTERN)].filter((match) => !isPlaceholder(match[1]!));
}

/** One piece of a rendered letter: plain text, a replaced value, or a placeholder left as it was. */
export type LetterPart =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'value'; readonly text: string; readonly placeholder: Placeholder }
  | { readonly kind: 'missing'; readonly text: string; readonly placeholder: Placeholder }
  | { readonly kind: 'unknown'; readonly text: string };

function placeholderValue(placeholder: Placeholder, invoice: LetterInvoice, language: Language): string | undefined {
  const date = (value: IsoDate | undefined) => (isIsoDate(value) ? formatSwissDate(value) : undefined);
  switch (placeholder) {
    case 'TITRE':
      return invoice.salutation?.trim() || DEFAULT_SALUTATIONS[language];
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
  for (const match of letter.matchAll(PLACEHOLDER_PATTERN)) {
    if (match.index > last) parts.push({ kind: 'text', text: letter.slice(last, match.index) });
    const name = match[1]!;
    if (isPlaceholder(name)) {
      const value = placeholderValue(name, invoice, language);
      parts.push(
        value === undefined ? { kind: 'missing', text: match[0], placeholder: name } : { kind: 'value', text: value, placeholder: name },
      );
    } else {
      parts.push({ kind: 'unknown', text: match[0] });
    }
    last = match.index + match[0].length;
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
  /** `%…%` words that are not placeholders; they stay in the text as written. */
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
    unknownPlaceholders: unknownPlaceholderMatches(letter).map((match) => match[0]),
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
  defaultLanguage: Reminder3Settings['defaultLanguage'],
): Language {
  if (debtor.language) return debtor.language;
  if (defaultLanguage !== 'auto') return defaultLanguage;
  return regionalLanguage(debtor.zip);
}

/**
 * The text written for a language: its own letter, else the one letter of earlier versions while it is set; empty
 * means the built-in letter of that language.
 */
export function letterTextFor(settings: Pick<Reminder3Settings, 'letters' | 'text'>, language: Language): string {
  return settings.letters[language] || settings.text;
}
