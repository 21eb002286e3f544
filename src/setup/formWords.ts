// The shape of the setup form's words, as the page receives them (in `data-strings`). The host makes them with
// vscode.l10n.t in the display language (setupFormWords in formStrings.ts); the webview imports only this type, so
// neither `vscode` nor any words reach its bundle. `{0}`, `{1}`… are left for the page to fill (webview/words.ts).
import type { ProblemClauses } from '../settings/problemClauses';
import type { Language } from '../shared/languages';
import type { FormField } from './fields';

export interface Strings {
  readonly title: string;
  readonly firstTime: string;
  readonly openWalkthrough: string;
  readonly saveTo: string;
  readonly save: string;
  readonly revert: string;
  readonly resetDefaults: string;
  readonly unsaved: string;
  readonly noChanges: string;
  readonly saving: string;
  readonly savedTo: string;
  readonly savedNoLetter: string;
  readonly resetDone: string;
  readonly resetKept: string;
  readonly reverted: string;
  readonly externalChange: string;
  readonly loadTheirs: string;
  readonly keepMine: string;
  readonly sectionTilbago: string;
  readonly apiKey: string;
  readonly keySetWithHint: string;
  readonly keySet: string;
  readonly keyNotSet: string;
  readonly setKey: string;
  readonly replaceKey: string;
  readonly removeKey: string;
  readonly testConnection: string;
  readonly howToGetKey: string;
  readonly keySteps: readonly string[];
  readonly twoFactorLink: string;
  readonly casesFolder: string;
  readonly browse: string;
  readonly createFolder: string;
  readonly folderOk: string;
  readonly folderNotSet: string;
  readonly folderMissing: string;
  readonly folderNotAFolder: string;
  readonly folderNotWritable: string;
  readonly folderNeedsWorkspace: string;
  readonly folderInvalid: string;
  readonly sectionDelays: string;
  readonly daysAfterSecondReminder: string;
  readonly daysBeforeCollection: string;
  readonly days: string;
  readonly wholeDays: string;
  readonly sectionText: string;
  readonly letterText: string;
  readonly builtInInUse: string;
  readonly letterLanguage: string;
  readonly debtorsIn: string;
  readonly customInUse: string;
  readonly editBuiltIn: string;
  readonly languageNames: Readonly<Record<Language, string>>;
  readonly dynamicValues: string;
  readonly dynamicValuesHelp: string;
  readonly unknownPlaceholders: string;
  readonly didYouMean: string;
  readonly andMore: string;
  /** Under the letter's text when it cannot be saved: `{0}` is the problem's clause. */
  readonly textProblem: string;
  readonly preview: string;
  readonly previewCut: string;
  readonly previewSample: string;
  readonly invalidValues: string;
  readonly error: string;
  readonly lastSaved: string;
  readonly alsoEdited: string;
  readonly followed: string;
  readonly nowValue: string;
  readonly restored: string;
  readonly discard: string;
  readonly fieldNames: Readonly<Record<FormField, string>>;
  /** Beside a broken value of settings.json: where, the value, the problem's clause, the value used instead. */
  readonly brokenWritten: string;
  /** The same for a value not shown (too long to be): where, the problem's clause, the value used instead. */
  readonly brokenHidden: string;
  /** What is wrong with a value, one clause per problem code (src/settings/problemClauses.ts fills them). */
  readonly problemClauses: ProblemClauses;
  readonly builtInLetter: string;
  readonly noFolder: string;
  readonly correctTo: string;
  readonly brokenStatus: string;
  readonly inParagraph: string;
  readonly paragraphStart: string;
  readonly testing: string;
  readonly connectionAccepted: string;
  readonly connectionFailed: string;
  readonly connection: {
    readonly unauthorized: string;
    readonly invalidKey: string;
    readonly insufficientBalance: string;
    readonly busy: string;
    readonly timeout: string;
    readonly unreachable: string;
    readonly unexpected: string;
    readonly invalidAnswer: string;
    readonly notTested: string;
  };
  readonly sectionCreditor: string;
  readonly creditorHelp: string;
  readonly countryNames: { readonly CH: string; readonly LI: string };
  readonly referenceNone: string;
  readonly referenceCreditor: string;
  readonly referenceQr: string;
  readonly qrIbanNeedsQrReference: string;
  readonly accountHelp: string;
  /** Under a field whose value as typed cannot be saved: `{0}` is the problem's clause. */
  readonly typedProblem: string;
  readonly paymentPart: string;
  readonly paymentPartMaking: string;
  readonly paymentPartMissing: string;
  readonly paymentPartInvalid: string;
  readonly sampleDebtor: string;
  readonly sampleDebtors: { readonly company: string; readonly person: string };
  readonly gitExposed: string;
  readonly gitMayBeExposed: string;
  readonly gitIgnored: string;
  readonly addToGitignore: string;
}
