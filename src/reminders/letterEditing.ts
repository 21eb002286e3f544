// What editing a letter needs beside rendering it (letter.ts): the placeholders' legend in the letter's language
// and the sample invoice and debtors of the preview. Pure; used by the setup panel only.
import type { Language } from '../shared/languages';
import type { LetterInvoice, Placeholder } from './letter';
import type { PaymentPartInput } from './paymentPartSvg';
import { closing, type LetterDebtor, salutation } from './salutation';

/** The debtors the preview shows the letter to; `name` is as addressed, the rest what the salutation is made of. */
export const SAMPLE_DEBTORS = {
  company: {
    name: 'Muster SA',
    company: 'Muster SA',
    street: 'Avenue de la Gare',
    buildingNumber: '12',
    zip: '1003',
    city: 'Lausanne',
  },
  person: {
    name: 'Dr. Anna Meier',
    title: 'Dr.',
    surname: 'Meier',
    sex: 'F',
    street: 'Rue du Lac',
    buildingNumber: '5',
    zip: '1003',
    city: 'Lausanne',
  },
} as const satisfies Record<string, LetterDebtor & PaymentPartInput['debtor']>;
export type SampleDebtor = keyof typeof SAMPLE_DEBTORS;

// The legend's salutations are made by salutation(), so it says what the letter does.
function salutations(language: Language) {
  const meier = { surname: 'Meier' } as const;
  return {
    woman: salutation({ ...meier, sex: 'F' }, language),
    man: salutation({ ...meier, sex: 'M' }, language),
    doctor: salutation({ ...meier, sex: 'F', title: 'Dr.' }, language),
    unknown: salutation({ ...meier, sex: 'U' }, language),
    company: salutation({ company: 'Muster SA' }, language),
  };
}
const en = salutations('en');
const fr = salutations('fr');
const de = salutations('de');
const it = salutations('it');

/** What each placeholder is replaced by, for the legend, in the language of the letter it explains. */
export const PLACEHOLDER_MEANINGS: Record<Language, Record<Placeholder, string>> = {
  en: {
    TITRE: `the salutation, made from the debtor in case.json: “${en.woman}”, “${en.man}”, “${en.doctor}”; “${en.unknown}” when the sex is not known, “${en.company}” for a company. A salutation in reminders.json comes first.`,
    NUMERO: 'the invoice number',
    RAPPEL1: 'the date of the 1st reminder',
    RAPPEL2: 'the date of the 2nd reminder',
    DATEFACTURE: 'the invoice date',
    MONTANT: "the amount due (CHF 1'234.50)",
    POLITESSE: `the closing that goes with the salutation: “${closing(en.woman, 'en')}” after a name, “${closing(en.company, 'en')}” after “${en.company}”`,
  },
  fr: {
    TITRE: `le titre, d’après le débiteur de case.json : « ${fr.woman} », « ${fr.man} », « ${fr.unknown} » si le sexe n’est pas connu, « ${fr.company} » pour une entreprise. Un titre donné dans reminders.json l’emporte.`,
    NUMERO: 'le numéro de la facture',
    RAPPEL1: 'la date du 1er rappel',
    RAPPEL2: 'la date du 2e rappel',
    DATEFACTURE: 'la date de la facture',
    MONTANT: "le montant dû (CHF 1'234.50)",
    POLITESSE: `la formule de politesse, qui reprend le titre : « ${closing(fr.woman, 'fr')} »`,
  },
  de: {
    TITRE: `die Anrede, aus dem Schuldner in case.json: «${de.woman}», «${de.man}», mit Titel «${de.doctor}»; «${de.unknown}», wenn das Geschlecht nicht bekannt ist, und für eine Firma «${de.company}». Eine Anrede in reminders.json geht vor.`,
    NUMERO: 'die Rechnungsnummer',
    RAPPEL1: 'das Datum der 1. Mahnung',
    RAPPEL2: 'das Datum der 2. Mahnung',
    DATEFACTURE: 'das Rechnungsdatum',
    MONTANT: "der offene Betrag (CHF 1'234.50)",
    POLITESSE: `die Grussformel am Schluss («${closing(de.woman, 'de')}»)`,
  },
  it: {
    TITRE: `l’appellativo, secondo il debitore in case.json: «${it.woman}», «${it.man}», «${it.unknown}» se il sesso non è noto, «${it.company}» per una ditta. Un appellativo indicato in reminders.json ha la precedenza.`,
    NUMERO: 'il numero della fattura',
    RAPPEL1: 'la data del 1° richiamo',
    RAPPEL2: 'la data del 2° richiamo',
    DATEFACTURE: 'la data della fattura',
    MONTANT: "l'importo dovuto (CHF 1'234.50)",
    POLITESSE: `la formula di saluto finale («${closing(it.woman, 'it')}»)`,
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
