// The letter's salutation (%TITRE%) and the closing formula that goes with it (%POLITESSE%), in the letter's
// language, made from case.json's debtor. Pure.
import type { Language } from '../shared/languages';

/** What the salutation needs of the debtor: case.json's `debtor` (a `Person`) fits. */
export interface LetterDebtor {
  /** Set for a legal person: the salutation is then the language's form for a company. */
  readonly company?: string | undefined;
  readonly surname?: string | undefined;
  /** "Dr.", "Prof.": written where the language writes one. */
  readonly title?: string | undefined;
  readonly sex?: 'M' | 'F' | 'U' | undefined;
}

/** For a company, and for a letter whose debtor is not known ("Messieurs" as in Crésus). */
const COMPANY_SALUTATIONS: Record<Language, string> = {
  en: 'Dear Sir or Madam',
  fr: 'Messieurs',
  de: 'Sehr geehrte Damen und Herren',
  it: 'Egregi Signori',
};

/**
 * For a person whose sex is unknown. Italian addresses the one reader, as French and English do ("Madame,
 * Monsieur", "Dear Sir or Madam"): "Gentili Signore e Signori" speaks to an audience.
 */
const NEUTRAL_SALUTATIONS: Record<Language, string> = {
  en: 'Dear Sir or Madam',
  fr: 'Madame, Monsieur',
  de: 'Sehr geehrte Damen und Herren',
  it: 'Gentile Signora, Egregio Signore',
};

const present = (text: string | undefined) => text?.trim() || undefined;

/**
 * The salutation for the debtor, in `language`: by sex, with title and surname where the language writes them
 * ("Sehr geehrte Frau Dr. Meier", "Egregio Signor Rossi", "Dear Dr Meier", "Madame"); the neutral form when the
 * sex is unknown (or, but in French, the surname); the company form for a company, and without a debtor (as the
 * letter was before it knew the debtor).
 */
export function salutation(debtor: LetterDebtor | undefined, language: Language): string {
  if (!debtor || present(debtor.company)) return COMPANY_SALUTATIONS[language];
  const { sex } = debtor;
  const surname = present(debtor.surname);
  const title = present(debtor.title);
  // An English title needs no sex; British style writes no full stops in it ("Dr", "Prof").
  if (language === 'en' && title && surname) return `Dear ${title.replaceAll('.', '')} ${surname}`;
  if (sex !== 'F' && sex !== 'M') return NEUTRAL_SALUTATIONS[language];
  const woman = sex === 'F';
  // French salutations carry neither name nor title.
  if (language === 'fr') return woman ? 'Madame' : 'Monsieur';
  if (!surname) return NEUTRAL_SALUTATIONS[language];
  switch (language) {
    case 'de':
      return [woman ? 'Sehr geehrte Frau' : 'Sehr geehrter Herr', title, surname].filter(Boolean).join(' ');
    // Italian writes the title in place of Signora / Signor.
    case 'it':
      return `${woman ? 'Gentile' : 'Egregio'} ${title ?? (woman ? 'Signora' : 'Signor')} ${surname}`;
    case 'en':
      return `Dear ${woman ? 'Ms' : 'Mr'} ${surname}`;
  }
}

/**
 * The closing formula that goes with a salutation: English closes "Yours faithfully" after "Dear Sir or Madam"
 * and "Yours sincerely" after a name; French repeats the salutation ("Veuillez agréer, Madame, …").
 */
export function closing(salutation: string, language: Language): string {
  switch (language) {
    case 'en':
      return /^dear (?:sirs?|madam)\b/i.test(salutation.trim()) ? 'Yours faithfully' : 'Yours sincerely';
    case 'fr':
      return `Veuillez agréer, ${salutation.trim()}, nos salutations distinguées.`;
    case 'de':
      return 'Freundliche Grüsse';
    case 'it':
      return 'Distinti saluti';
  }
}
