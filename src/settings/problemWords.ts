// What is wrong with a setting's value, in the display language: the one clause of each problem code
// (problemClauses.ts says how they are used and filled). The setup form receives the same table among its words.
import * as vscode from 'vscode';
import { describeProblem, type ProblemClauses } from './problemClauses';
import type { SettingProblem } from './schema';

/** The clause of each problem code; `{0}`, `{1}` are left for the problem's limits. */
export function problemClauses(): ProblemClauses {
  return {
    wrongType: vscode.l10n.t('must be text in quotes'),
    notWholeNumber: vscode.l10n.t('must be a whole number'),
    outOfRange: vscode.l10n.t('must be between {0} and {1}'),
    tooLong: vscode.l10n.t('is longer than {0} characters'),
    notAChoice: vscode.l10n.t('must be one of {0}'),
    controlCharacters: vscode.l10n.t('contains control characters'),
    invalidUrl: vscode.l10n.t('is not a valid https:// address'),
    insecureUrl: vscode.l10n.t('must start with https:// (http:// is allowed only for 127.0.0.1 and localhost)'),
    queryOrFragment: vscode.l10n.t('must not contain "?" or "#": the requests would go to the root of the host, not to the API'),
    ibanFormat: vscode.l10n.t('is not an IBAN: CH or LI, 2 check digits, then 17 letters or digits'),
    ibanCountry: vscode.l10n.t('is not a Swiss or Liechtenstein account: a QR-bill takes only IBANs starting with CH or LI'),
    ibanCheckDigit: vscode.l10n.t('has wrong IBAN check digits: probably a typing error'),
  };
}

/** The clause of a warning about a broken value: "The setting "…" in … {clause}. Using … instead". */
export function describeSettingProblem(problem: SettingProblem): string {
  return describeProblem(problemClauses(), problem);
}
