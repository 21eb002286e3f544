// What is wrong with a setting's value, in words, for each problem code of schema.ts (and the form's own `required`
// and `unusable`). Every wording of a problem lives here, side by side, so a new code is worded once for each place
// it shows: the warning ("must be a whole number"), the panel's note beside a field whose value in settings.json
// cannot be used ("… hold "x", which is not a whole number"), and the sentence under a creditor field as it is typed.
// The three read differently on purpose: an instruction, a finding, a correction to make.
import * as vscode from 'vscode';
import type { SettingProblem } from './schema';

/** The clause of the warning about a broken value: "The setting "…" in … {clause}. Using … instead". */
export function describeSettingProblem(problem: SettingProblem): string {
  switch (problem.reason) {
    case 'wrongType':
      return problem.expected === 'integer' ? vscode.l10n.t('must be a whole number') : vscode.l10n.t('must be text in quotes');
    case 'notWholeNumber':
      return vscode.l10n.t('must be a whole number');
    case 'outOfRange':
      return vscode.l10n.t('must be between {0} and {1}', problem.minimum, problem.maximum);
    case 'tooLong':
      return vscode.l10n.t('is longer than {0} characters', problem.maxLength);
    case 'controlCharacters':
      return vscode.l10n.t('contains control characters');
    case 'invalidUrl':
      return vscode.l10n.t('is not a valid https:// address');
    case 'notAChoice':
      return vscode.l10n.t('must be one of {0}', problem.values.map((value) => `"${value}"`).join(', '));
    case 'insecureUrl':
      return vscode.l10n.t('must start with https:// (http:// is allowed only for 127.0.0.1 and localhost)');
    case 'queryOrFragment':
      return vscode.l10n.t('must not contain "?" or "#": the requests would go to the root of the host, not to the API');
    case 'ibanFormat':
      return vscode.l10n.t('is not an IBAN: CH or LI, 2 check digits, then 17 letters or digits');
    case 'ibanCountry':
      return vscode.l10n.t('is not a Swiss or Liechtenstein account: a QR-bill takes only IBANs starting with CH or LI');
    case 'ibanCheckDigit':
      return vscode.l10n.t('has wrong IBAN check digits: probably a typing error');
  }
}

/**
 * The clause of the panel's note about a broken value, by the form's name for the problem; `{0}`, `{1}` are left
 * for the page to fill with the problem's limits.
 */
export function settingProblemNotes(): Readonly<
  Record<
    | 'notNumber'
    | 'notText'
    | 'outOfRange'
    | 'tooLong'
    | 'controlCharacters'
    | 'unusable'
    | 'ibanFormat'
    | 'ibanCountry'
    | 'ibanCheckDigit'
    | 'notAChoice',
    string
  >
> {
  return {
    notNumber: vscode.l10n.t('is not a whole number'),
    notText: vscode.l10n.t('is not text'),
    outOfRange: vscode.l10n.t('is not between {0} and {1}'),
    tooLong: vscode.l10n.t('is longer than {0} characters'),
    controlCharacters: vscode.l10n.t('contains control characters'),
    unusable: vscode.l10n.t('cannot be used'),
    ibanFormat: vscode.l10n.t('is not an IBAN of the QR-bill'),
    ibanCountry: vscode.l10n.t('is an IBAN of another country than CH and LI'),
    ibanCheckDigit: vscode.l10n.t('has a wrong IBAN check digit'),
    notAChoice: vscode.l10n.t('is not one of the choices'),
  };
}

/** The sentence under a creditor field whose typed value is wrong; `{0}` is left for the page to fill. */
export function fieldProblemSentences(): Readonly<
  Record<'ibanFormat' | 'ibanCountry' | 'ibanCheckDigit' | 'tooLong' | 'controlCharacters' | 'notAChoice' | 'required', string>
> {
  return {
    ibanFormat: vscode.l10n.t('Not an IBAN of the QR-bill: CH or LI, 2 check digits, then 17 letters or digits (21 characters).'),
    ibanCountry: vscode.l10n.t('An IBAN of another country: a QR-bill takes accounts in Switzerland and Liechtenstein only.'),
    ibanCheckDigit: vscode.l10n.t('Wrong IBAN check digit: the account has a typing error.'),
    tooLong: vscode.l10n.t('Too long for the payment slip: at most {0} characters.'),
    controlCharacters: vscode.l10n.t('Contains control characters.'),
    notAChoice: vscode.l10n.t('Not one of the choices.'),
    required: vscode.l10n.t('Needed for the payment part.'),
  };
}
