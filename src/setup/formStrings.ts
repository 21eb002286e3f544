// The setup form's words, made on the host in the display language with vscode.l10n.t, so @vscode/l10n-dev and
// the translation test see them and their fr/de/it texts live in l10n/bundle.l10n.*.json like every other message.
// The panel hands them to the page in its `data-strings` (panel.ts); the webview bundle carries none. Placeholders
// are passed no values here: the page fills `{0}`, `{1}`… itself. The placeholder meanings, letter headings and
// built-in letters are domain knowledge and live in letter.ts.
import * as vscode from 'vscode';
import { problemClauses } from '../settings/problemWords';
import type { LetterField } from './fields';
import type { Strings } from './formWords';

/** Every word of the setup form, in the display language. */
export function setupFormWords(): Strings {
  return {
    title: vscode.l10n.t('tilbago debt collection: setup'),
    firstTime: vscode.l10n.t('First time with tilbago?'),
    openWalkthrough: vscode.l10n.t('Follow the setup walkthrough'),
    saveTo: vscode.l10n.t('Save to'),
    save: vscode.l10n.t('Save'),
    revert: vscode.l10n.t('Revert'),
    resetDefaults: vscode.l10n.t('Reset to defaults'),
    unsaved: vscode.l10n.t('Unsaved changes'),
    noChanges: vscode.l10n.t('All changes saved'),
    saving: vscode.l10n.t('Saving…'),
    savedTo: vscode.l10n.t('Saved to the {0} at {1}.'),
    savedNoLetter: vscode.l10n.t('Until their unknown placeholders are corrected, no letter is made from: {0}.'),
    resetDone: vscode.l10n.t('The values of the {0} were removed.'),
    resetKept: vscode.l10n.t('The reminder values of the {0} were removed; the cases folder and the creditor were kept.'),
    reverted: vscode.l10n.t('Your edits were undone: the form shows the saved values again.'),
    externalChange: vscode.l10n.t('The settings were changed outside this form: {0}.'),
    loadTheirs: vscode.l10n.t('Load the new values'),
    keepMine: vscode.l10n.t('Keep my edits'),
    sectionTilbago: vscode.l10n.t('Debt-collection request with tilbago'),
    apiKey: vscode.l10n.t('API key'),
    keySetWithHint: vscode.l10n.t('Set, ends in …{0}'),
    keySet: vscode.l10n.t('Set'),
    keyNotSet: vscode.l10n.t('Not set'),
    setKey: vscode.l10n.t('Set key'),
    replaceKey: vscode.l10n.t('Replace key'),
    removeKey: vscode.l10n.t('Remove key'),
    testConnection: vscode.l10n.t('Test connection'),
    howToGetKey: vscode.l10n.t('How to get an API key'),
    keySteps: [
      vscode.l10n.t('Create a tilbago account. It needs two-factor authentication with an authenticator app on your phone.'),
      vscode.l10n.t('On tilbago, open My account → Company: enter your company UID and complete the address.'),
      vscode.l10n.t('Click Generate API key, copy the key, then Set key here.'),
    ],
    twoFactorLink: vscode.l10n.t('About two-factor authentication on tilbago'),
    casesFolder: vscode.l10n.t('Folder for the files of each debt-collection case'),
    browse: vscode.l10n.t('Browse…'),
    createFolder: vscode.l10n.t('Create folder'),
    folderOk: vscode.l10n.t('The folder exists and can be written to.'),
    folderNotSet: vscode.l10n.t('No folder chosen yet.'),
    folderMissing: vscode.l10n.t('This folder does not exist yet.'),
    folderNotAFolder: vscode.l10n.t('This is a file, not a folder.'),
    folderNotWritable: vscode.l10n.t('This folder cannot be written to.'),
    folderNeedsWorkspace: vscode.l10n.t('A relative path needs an open workspace folder: choose an absolute path.'),
    folderInvalid: vscode.l10n.t('This path contains control characters or is too long.'),
    sectionDelays: vscode.l10n.t('Delays'),
    daysAfterSecondReminder: vscode.l10n.t('Days allowed by default after sending the second reminder before a third reminder is sent'),
    daysBeforeCollection: vscode.l10n.t(
      'Days allowed by default after sending the third reminder before the litigation cases are extracted',
    ),
    days: vscode.l10n.t('days'),
    wholeDays: vscode.l10n.t('A whole number of days from 0 to 365.'),
    sectionText: vscode.l10n.t('Text of the 3rd reminder'),
    letterText: vscode.l10n.t('Letter text'),
    builtInInUse: vscode.l10n.t('The field is empty: the built-in {0} letter is used.'),
    letterLanguage: vscode.l10n.t('Language of the letter'),
    debtorsIn: vscode.l10n.t('Sent to debtors whose language is {0}.'),
    customInUse: vscode.l10n.t('Your own text is used. Empty the field to use the built-in letter.'),
    editBuiltIn: vscode.l10n.t('Start from the built-in letter'),
    languageNames: languageNames(),
    dynamicValues: vscode.l10n.t('Dynamic values'),
    dynamicValuesHelp: vscode.l10n.t('These values are replaced as follows. Click one to insert it at the cursor.'),
    unknownPlaceholders: vscode.l10n.t('These are not placeholders, and no letter is made while the text holds them:'),
    didYouMean: vscode.l10n.t('did you mean {0}?'),
    andMore: vscode.l10n.t('…and {0} more'),
    textProblem: vscode.l10n.t('The text {0} and cannot be saved.'),
    preview: vscode.l10n.t('Preview'),
    previewCut: vscode.l10n.t('The text is too long to be saved; the preview shows its first {0} characters.'),
    previewSample: vscode.l10n.t('As the debtor reads it, for a sample invoice {0} of {1}, amount {2}.'),
    invalidValues: vscode.l10n.t('Correct the marked fields before saving.'),
    error: vscode.l10n.t('Error'),
    lastSaved: vscode.l10n.t('last saved at {0}'),
    alsoEdited: vscode.l10n.t('You edited {0} too: keep your edits, or load the new values.'),
    followed: vscode.l10n.t('The fields you had not edited show the new values; your edits are kept.'),
    nowValue: vscode.l10n.t('{0} (now {1})'),
    restored: vscode.l10n.t('Unsaved edits from earlier are back.'),
    discard: vscode.l10n.t('Discard'),
    fieldNames: formFieldNames(),
    brokenWritten: vscode.l10n.t('The {0} hold {1}, but the value {2}: {3} is used instead.'),
    brokenHidden: vscode.l10n.t('The {0} hold a value that cannot be used (it {1}): {2} is used instead.'),
    problemClauses: problemClauses(),
    builtInLetter: vscode.l10n.t('the built-in letter'),
    noFolder: vscode.l10n.t('no folder'),
    correctTo: vscode.l10n.t('Correct to {0}'),
    brokenStatus: vscode.l10n.t('A value in the settings file cannot be used: see the marked field.'),
    inParagraph: vscode.l10n.t('in paragraph {0}, after “{1}”'),
    paragraphStart: vscode.l10n.t('at the start of paragraph {0}'),
    testing: vscode.l10n.t('Testing…'),
    connectionAccepted: vscode.l10n.t('✓ accepted by {0} at {1}'),
    connectionFailed: vscode.l10n.t('✗ {0}, at {1}'),
    connection: {
      unauthorized: vscode.l10n.t('tilbago refused the API key (401)'),
      invalidKey: vscode.l10n.t('the stored key has characters a tilbago key does not have'),
      insufficientBalance: vscode.l10n.t('the balance of your tilbago account is insufficient (402)'),
      busy: vscode.l10n.t('tilbago is busy; try again in a moment'),
      timeout: vscode.l10n.t('no answer from {0} in time'),
      unreachable: vscode.l10n.t('{0} could not be reached'),
      unexpected: vscode.l10n.t('tilbago answered with an unexpected status'),
      invalidAnswer: vscode.l10n.t('{0} did not answer as tilbago does'),
      notTested: vscode.l10n.t('not tested: no key is set, or the API address cannot be used'),
    },
    sectionCreditor: vscode.l10n.t('Creditor (for the QR-bill)'),
    creditorHelp: vscode.l10n.t('The sender of the 3rd reminder letter and the payee of its QR-bill payment part.'),
    countryNames: { CH: vscode.l10n.t('Switzerland'), LI: vscode.l10n.t('Liechtenstein') },
    referenceNone: vscode.l10n.t('No reference'),
    referenceCreditor: vscode.l10n.t('Creditor reference (RF…) made from the invoice number'),
    referenceQr: vscode.l10n.t('A QR-IBAN always takes a QR reference, made from the invoice number.'),
    qrIbanNeedsQrReference: vscode.l10n.t(
      'A QR-IBAN is used with a QR reference only, never a creditor reference: the letters get a QR reference made from the invoice number.',
    ),
    accountHelp: vscode.l10n.t('An IBAN or a QR-IBAN starting with CH or LI; spaces allowed.'),
    typedProblem: vscode.l10n.t('This value {0}.'),
    paymentPart: vscode.l10n.t('Payment part'),
    paymentPartMaking: vscode.l10n.t('Making the payment part…'),
    paymentPartMissing: vscode.l10n.t('No payment part yet: the creditor settings need {0}.'),
    paymentPartInvalid: vscode.l10n.t('No payment part: correct {0} in the creditor settings.'),
    sampleDebtor: vscode.l10n.t('Sample debtor'),
    sampleDebtors: { company: vscode.l10n.t('a company'), person: vscode.l10n.t('a person') },
    gitExposed: vscode.l10n.t(
      "The cases folder is inside the Git repository {0} and is not ignored: the debtors' names, addresses and amounts could be committed and shared.",
    ),
    gitMayBeExposed: vscode.l10n.t(
      "The cases folder is inside the Git repository {0} and may not be ignored (Git could not be asked): the debtors' names, addresses and amounts could be committed and shared.",
    ),
    gitIgnored: vscode.l10n.t('Git ignores this folder: the cases stay out of the repository {0}.'),
    addToGitignore: vscode.l10n.t({ message: 'Add to .gitignore', comment: 'button of the setup form' }),
  };
}

/** The form's name of each field ("Postal code"), as its messages list them. */
export function formFieldNames(): Strings['fieldNames'] {
  return {
    daysAfterSecondReminder: vscode.l10n.t('Days after the 2nd reminder'),
    daysBeforeCollection: vscode.l10n.t('Days before collection'),
    letterDe: vscode.l10n.t('German letter'),
    letterFr: vscode.l10n.t('French letter'),
    letterIt: vscode.l10n.t('Italian letter'),
    letterEn: vscode.l10n.t('English letter'),
    casesFolder: vscode.l10n.t('Cases folder'),
    creditorName: vscode.l10n.t('Creditor’s name'),
    creditorStreet: vscode.l10n.t('Street'),
    creditorBuildingNumber: vscode.l10n.t('Building number'),
    creditorPostalCode: vscode.l10n.t('Postal code'),
    creditorTown: vscode.l10n.t('Town'),
    creditorCountry: vscode.l10n.t('Country'),
    creditorAccount: vscode.l10n.t('Account (IBAN or QR-IBAN)'),
    creditorIbanReference: vscode.l10n.t('Payment reference'),
  };
}

/**
 * The languages by name, as a noun: "Sent to debtors whose language is {0}". Where a letter is meant, French and
 * German need the adjective that agrees with it ("lettre allemande"): letterLanguageName.
 */
export function languageNames(): Strings['languageNames'] {
  return {
    de: vscode.l10n.t({ message: 'German', comment: 'the language, as a noun' }),
    fr: vscode.l10n.t({ message: 'French', comment: 'the language, as a noun' }),
    it: vscode.l10n.t({ message: 'Italian', comment: 'the language, as a noun' }),
    en: vscode.l10n.t({ message: 'English', comment: 'the language, as a noun' }),
  };
}

/** A letter's language as the adjective of "Your {0} letter of the 3rd reminder". */
export function letterLanguageName(field: LetterField): string {
  const words: Record<LetterField, string> = {
    letterDe: vscode.l10n.t('German'),
    letterFr: vscode.l10n.t('French'),
    letterIt: vscode.l10n.t('Italian'),
    letterEn: vscode.l10n.t('English'),
  };
  return words[field];
}
