// What editing a letter needs beside rendering it (letter.ts): the placeholders' legend, the unknown ones found
// with the known one probably meant, and the sample invoice of the preview. Pure; used by the setup panel only.
import type { Language } from '../shared/languages';
import { isPlaceholder, type LetterInvoice, PLACEHOLDERS, type Placeholder, unknownPlaceholderMatches } from './letter';

/** What each placeholder is replaced by, for the legend. */
export const PLACEHOLDER_MEANINGS: Record<Language, Record<Placeholder, string>> = {
  en: {
    TITRE: "the client's salutation (“Dear Sir or Madam” when none)",
    NUMERO: 'the invoice number',
    RAPPEL1: 'the date of the 1st reminder',
    RAPPEL2: 'the date of the 2nd reminder',
    DATEFACTURE: 'the invoice date',
    MONTANT: "the amount due (CHF 1'234.50)",
  },
  fr: {
    TITRE: 'le titre du client (« Messieurs » par défaut)',
    NUMERO: 'le numéro de la facture',
    RAPPEL1: 'la date du 1er rappel',
    RAPPEL2: 'la date du 2e rappel',
    DATEFACTURE: 'la date de la facture',
    MONTANT: "le montant dû (CHF 1'234.50)",
  },
  de: {
    TITRE: 'die Anrede des Kunden («Sehr geehrte Damen und Herren», wenn keine)',
    NUMERO: 'die Rechnungsnummer',
    RAPPEL1: 'das Datum der 1. Mahnung',
    RAPPEL2: 'das Datum der 2. Mahnung',
    DATEFACTURE: 'das Rechnungsdatum',
    MONTANT: "der offene Betrag (CHF 1'234.50)",
  },
  it: {
    TITRE: "l'appellativo del cliente («Egregi Signori» se manca)",
    NUMERO: 'il numero della fattura',
    RAPPEL1: 'la data del 1° richiamo',
    RAPPEL2: 'la data del 2° richiamo',
    DATEFACTURE: 'la data della fattura',
    MONTANT: "l'importo dovuto (CHF 1'234.50)",
  },
};

/** The invoice the preview shows. */
export const SAMPLE_INVOICE: LetterInvoice = {
  number: '2026-0142',
  invoiceDate: '2026-08-03',
  firstReminderDate: '2026-09-07',
  secondReminderDate: '2026-10-05',
  amountDueRappen: 123_450,
};

/** The debtor of the sample invoice, as the setup panel's preview addresses the letter and its payment part. */
export const SAMPLE_DEBTOR = {
  name: 'Muster SA',
  street: 'Avenue de la Gare',
  buildingNumber: '12',
  zip: '1003',
  city: 'Lausanne',
} as const;

export interface UnknownPlaceholder {
  /** As written, with its percent signs: `%NUMMER%`. */
  readonly text: string;
  /** Offsets in the letter text: `text === letter.slice(start, end)`. */
  readonly start: number;
  readonly end: number;
  /** The known placeholder it was probably meant to be, when one is close. */
  readonly suggestion?: Placeholder;
}

/** Every `%…%` that is not one of ours, with where it is, in order. */
export function findUnknownPlaceholders(letter: string): UnknownPlaceholder[] {
  return unknownPlaceholderMatches(letter).map((match) => {
    const suggestion = suggestPlaceholder(match[1]!);
    return { text: match[0], start: match.index, end: match.index + match[0].length, ...(suggestion ? { suggestion } : {}) };
  });
}

function suggestPlaceholder(name: string): Placeholder | undefined {
  const upper = name.toUpperCase();
  if (isPlaceholder(upper)) return upper;
  let best: { placeholder: Placeholder; distance: number } | undefined;
  for (const placeholder of PLACEHOLDERS) {
    const distance = editDistance(upper, placeholder);
    if (distance <= 2 && (!best || distance < best.distance)) best = { placeholder, distance };
  }
  return best?.placeholder;
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
