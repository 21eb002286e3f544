// Art. 67 SchKG asks the request for the claim's title or cause. "Rechnung vom 03.08.2026" names it; a bare
// "Rechnung", or "Rechnung 2026-0142" (a number the debt-collection office and the debtor cannot place without its
// date), does not. Such a reason is a warning, not an error: tilbago may take it, the office may ask back.
import type { Language } from '../../shared/languages';

/** The word for an invoice, and the language it is in: the language of the example a warning proposes. */
const INVOICE_WORDS: Record<string, Language> = {
  rechnung: 'de',
  rechnungsnummer: 'de',
  rechnungsnr: 'de',
  faktura: 'de',
  facture: 'fr',
  fattura: 'it',
  invoice: 'en',
};

/** The words that only say "number", written alone before it. */
const NUMBER_WORDS = new Set(['nr', 'no', 'n', 'n°', 'nº', 'num', 'nummer', 'numéro', 'numero', 'number', '#']);

/** A number, perhaps with its "n°" or "#" joined to it: `2026-0142`, `N°17`, `#17`, `2026/0142`. */
const NUMBER = /^(?:n°|nº|nr\.?|no\.?|n\.|#)?\d[\w/-]*$/u;

/** A date as it is written in a reason: `03.08.2026`, `3.8.26`, `03/08/2026`, `2026-08-03`. */
const DATE = /^(?:\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{4}-\d{2}-\d{2})$/;

/**
 * Whether a claim's reason is only the word for an invoice, with at most a number: if so, the language of that word
 * (for the example of what to write), else undefined. A reason with anything more (a date, "vom", what was sold)
 * names its claim.
 */
export function vagueReason(reason: string): Language | undefined {
  let language: Language | undefined;
  for (const raw of reason.toLowerCase().split(/\s+/)) {
    const word = raw.replace(/^[([]+|[.,;:)\]]+$/g, '');
    if (word === '' || NUMBER_WORDS.has(word)) continue;
    if (Object.hasOwn(INVOICE_WORDS, word)) language ??= INVOICE_WORDS[word];
    else if (DATE.test(word) || !NUMBER.test(word)) return undefined;
  }
  return language;
}
