// The words that several case commands share: a problem in case.json, who holds a case's lock.
import * as os from 'node:os';
import * as vscode from 'vscode';
import { formatDateTime } from '../ui/format';
import { LANGUAGES, type Language } from '../shared/languages';
import type { CaseProblem } from './model/caseFile';
import type { LockBusy } from './model/caseLock';
import type { FileKind, PlacedProblem } from './model/diagnose';
import { defaultReason } from './model/newCase';
import type { ClaimInterest } from './model/claimLaw';
import { OFFICE_FEE_BASIS } from './model/officeFee';
import { formatSwissDate, type IsoDate } from '../shared/dates';
import { formatChf } from '../shared/money';
import type { RecordProblem } from './model/record';
import type { ReadProblem } from '../shared/boundedRead';

/**
 * A problem of case.json in a back-office user's words: the field by its name, with its JSON path beside it so
 * the field can be found in the file ("The amount (claim.amount) must be…").
 */
function describeCaseProblem(problem: CaseProblem, file = 'case.json'): string {
  const where = fieldCalled(problem.path) ?? file;
  switch (problem.code) {
    case 'notJson':
      return vscode.l10n.t('{0} is not valid JSON ({1})', file, problem.detail ?? '');
    case 'duplicateKey':
      return vscode.l10n.t('"{0}" is given twice in this object; only the last one counts', problem.detail ?? '');
    case 'required':
      return vscode.l10n.t('{0}: this field is required; fill it in', where);
    case 'wrongType':
      // An amount of another type is told what an amount must be.
      return /(^|\.)amount$/.test(problem.path)
        ? describeCaseProblem({ path: problem.path, code: 'amount' }, file)
        : describeWrongType(where, problem.detail);
    case 'empty':
      return vscode.l10n.t('{0}: this field is empty; fill it in or remove it', where);
    case 'tooLong':
      return vscode.l10n.t('{0} is longer than {1} characters', where, problem.detail ?? '');
    case 'unknownField':
      return vscode.l10n.t('{0} is not a field tilbago knows: check its spelling, or remove it', where);
    case 'amount':
      return vscode.l10n.t("{0} must be a whole number of Rappen above 0, e.g. 123450 for CHF 1'234.50", where);
    case 'interestRate':
      return vscode.l10n.t('{0} must be a decimal string from "0" to "99.99999", e.g. "5.0"', where);
    case 'collocationClass':
      return vscode.l10n.t('{0} must be "1", "2" or "3"', where);
    case 'tooManyClaims':
      return vscode.l10n.t('at most {0} claims in all (claim and subsidiaryClaims)', problem.detail ?? '');
    case 'uidFormat':
      return vscode.l10n.t('{0} is not a UID like CHE-123.456.788', where);
    case 'uidCheckDigit':
      return problem.detail
        ? vscode.l10n.t('{0} fails the check digit (it should end in {1})', where, problem.detail)
        : vscode.l10n.t('{0} fails the check digit', where);
    case 'date':
      return vscode.l10n.t('{0} must be a date as yyyy-mm-dd, e.g. 2026-03-31', where);
    case 'dateOfBirth':
      return vscode.l10n.t('{0} must be a date as yyyy-mm-dd, dd.mm.yyyy or yyyy', where);
    case 'sex':
      return vscode.l10n.t('{0} must be "M", "F" or "U"', where);
    case 'language':
      return vscode.l10n.t('{0} must be "de", "fr" or "it"', where);
    case 'letterLanguage':
      return vscode.l10n.t('{0} must be "de", "fr", "it" or "en"', where);
    case 'nationality':
      return vscode.l10n.t('{0} must be a two-letter country code, e.g. "CH"', where);
    case 'email':
      return vscode.l10n.t('{0} is not an e-mail address', where);
    case 'phone':
      return vscode.l10n.t('{0} is not a phone number', where);
    case 'foreignPostcode':
      return problem.detail === 'LI'
        ? vscode.l10n.t(
            '{0} is in Liechtenstein, which has its own debt-collection law: tilbago files with Swiss debt collection offices only, and the request would fail there after its fee. A debtor in Liechtenstein needs another way.',
            where,
          )
        : vscode.l10n.t(
            '{0} is not a Swiss postcode (four digits, 1000 to 9999): tilbago files with Swiss debt collection offices only, and the request would fail there after its fee. A debtor abroad needs another way.',
            where,
          );
    case 'personName':
      return vscode.l10n.t('{0} needs a name and a surname (a natural person) or a company (a legal person)', where);
  }
}

/** A value of the wrong JSON type, said as it is written in the file. */
function describeWrongType(where: string, type: string | undefined): string {
  switch (type) {
    case 'number':
      return vscode.l10n.t('{0} must be a number, without quotes, e.g. 123450', where);
    case 'string':
      return vscode.l10n.t('{0} must be text in double quotes ("…")', where);
    case 'boolean':
      return vscode.l10n.t('{0} must be true or false, without quotes', where);
    case 'object':
      return vscode.l10n.t('{0} must be a group of fields in braces: { … }', where);
    case 'array':
      return vscode.l10n.t('{0} must be a list in square brackets: [ … ]', where);
    case 'stringOrInteger':
      return vscode.l10n.t('{0} must be text in double quotes, or a whole number', where);
    case 'text without control characters':
      return vscode.l10n.t('{0} holds a control character (a tab or a line break); remove it', where);
    default:
      return vscode.l10n.t('{0} must be of type {1}', where, type ?? '');
  }
}

/** "The amount (claim.amount)": a field by its name and its JSON path; the path alone for a field with no name here. */
function fieldCalled(path: string): string | undefined {
  if (!path) return undefined;
  const name = fieldName(
    path
      .replace(/\[\d+\]$/, '')
      .split('.')
      .at(-1) ?? '',
  );
  return name ? `${name} (${path})` : path;
}

/** The names a back-office user knows the fields of case.json and reminders.json by. */
const fieldNames = (): Readonly<Record<string, string>> => ({
  externalRef: vscode.l10n.t('The reference'),
  certificateOfLoss: vscode.l10n.t('The certificate of loss'),
  debtor: vscode.l10n.t('The debtor'),
  creditor: vscode.l10n.t('The creditor'),
  claim: vscode.l10n.t('The claim'),
  subsidiaryClaims: vscode.l10n.t('The further claims'),
  letterLanguage: vscode.l10n.t("The letter's language"),
  company: vscode.l10n.t('The company name'),
  companyUid: vscode.l10n.t("The company's UID"),
  name: vscode.l10n.t('The first name'),
  surname: vscode.l10n.t('The surname'),
  sex: vscode.l10n.t('The sex'),
  dateOfBirth: vscode.l10n.t('The date of birth'),
  nationality: vscode.l10n.t('The nationality'),
  preferredLanguage: vscode.l10n.t('The language'),
  email: vscode.l10n.t('The e-mail address'),
  phone1: vscode.l10n.t('The phone number'),
  phone2: vscode.l10n.t('The phone number'),
  phone3: vscode.l10n.t('The phone number'),
  address: vscode.l10n.t('The address'),
  street: vscode.l10n.t('The street'),
  zip: vscode.l10n.t('The postcode'),
  city: vscode.l10n.t('The town'),
  amount: vscode.l10n.t('The amount'),
  reason: vscode.l10n.t('The reason of the claim'),
  interestDateFrom: vscode.l10n.t('The date interest runs from'),
  interestRate: vscode.l10n.t('The interest rate'),
  collocationClass: vscode.l10n.t('The collocation class'),
  invoiceNumber: vscode.l10n.t('The invoice number'),
  invoiceDate: vscode.l10n.t('The invoice date'),
  dueDate: vscode.l10n.t('The due date'),
  amountDue: vscode.l10n.t('The amount due'),
  first: vscode.l10n.t("The 1st reminder's date"),
  second: vscode.l10n.t("The 2nd reminder's date"),
  third: vscode.l10n.t("The 3rd reminder's date"),
});

// Made once: every problem in the Problems panel names its field, and the display language is fixed until reload.
let namesOfFields: Readonly<Record<string, string>> | undefined;

/** The name of a field of case.json or reminders.json; undefined for one with no name here. */
function fieldName(key: string): string | undefined {
  namesOfFields ??= fieldNames();
  return Object.hasOwn(namesOfFields, key) ? namesOfFields[key] : undefined;
}

/** A problem of case.json or reminders.json where the Problems panel shows it, at its place in the file. */
export function describeFileProblem(problem: PlacedProblem, kind: FileKind): string {
  const file = kind === 'case' ? 'case.json' : 'reminders.json';
  const where = fieldCalled(problem.path) ?? file;
  switch (problem.code) {
    case 'syntax':
      return vscode.l10n.t('{0} is not valid JSON here ({1})', file, problem.detail ?? '');
    case 'comment':
      return vscode.l10n.t('Comments are not allowed: tilbago reads plain JSON');
    case 'trailingComma':
      return vscode.l10n.t('A comma before a closing bracket is not allowed in plain JSON');
    case 'order':
      return vscode.l10n.t('{0} is before {1}; the dates go invoice, due date, 1st, 2nd, 3rd reminder', where, problem.detail ?? '');
    case 'earlierReminderMissing':
      return vscode.l10n.t('{0} is missing: {1} is given', where, problem.detail ?? '');
    case 'amount':
      return kind === 'case'
        ? describeCaseProblem({ path: problem.path, code: 'amount' })
        : vscode.l10n.t('{0} must be an amount in CHF such as "CHF 1\'234.50", or whole Rappen', where);
    case 'unknownField':
      return kind === 'case'
        ? describeCaseProblem({ path: problem.path, code: 'unknownField' })
        : vscode.l10n.t('{0} is not a field of reminders.json', where);
    case 'noLanguage':
      return describeNoLanguage(problem.detail);
    case 'vagueReason':
      return vscode.l10n.t(
        '{0} is too vague for art. 67 SchKG, which asks for the claim\'s title: name the invoice and its date, e.g. "{1}"',
        where,
        defaultReason(languageOrGerman(problem.detail), '2026-0142', '2026-08-03', []),
      );
    case 'interestAboveLegal':
      return vscode.l10n.t(
        '{0} is {1}%, above the default interest of 5% a year (art. 104 OR): claim it only if agreed with the debtor',
        where,
        formatRate(problem.detail ?? ''),
      );
    case 'limitation':
      return describeLimitation(problem.detail ?? '');
    case 'qrBillCharacter':
      return vscode.l10n.t(
        '{0} holds "{1}", which a QR-bill cannot carry: no 3rd reminder letter can be made until it is written with Latin letters',
        where,
        problem.detail ?? '',
      );
    default:
      return describeCaseProblem(
        { path: problem.path, code: problem.code, ...(problem.detail === undefined ? {} : { detail: problem.detail }) },
        file,
      );
  }
}

/** The language a warning's `detail` names; German where it names none. */
const languageOrGerman = (detail: string | undefined): Language =>
  (LANGUAGES as readonly string[]).includes(detail ?? '') ? (detail as Language) : 'de';

/** The debtor's language missing, and the language of the letter then: the setting's, else the postcode's (`detail`). */
function describeNoLanguage(regional: string | undefined): string {
  const add = vscode.l10n.t('Add "preferredLanguage": "de", "fr" or "it" to the debtor, or "letterLanguage": "en" to the case.');
  switch (regional) {
    case 'fr':
      return `${vscode.l10n.t('No preferredLanguage: the letter would be in French, the language of the postcode, unless tilbago.thirdReminder.defaultLanguage names one.')} ${add}`;
    case 'it':
      return `${vscode.l10n.t('No preferredLanguage: the letter would be in Italian, the language of the postcode, unless tilbago.thirdReminder.defaultLanguage names one.')} ${add}`;
    default:
      return `${vscode.l10n.t('No preferredLanguage: the letter would be in German, unless tilbago.thirdReminder.defaultLanguage names another language.')} ${add}`;
  }
}

/** Why a file of a case folder was not read, as a sentence that names it ("case.json is a named pipe, not a file: …"). */
export function describeReadProblem(file: string, problem: ReadProblem): string {
  switch (problem.code) {
    case 'notAFile':
      switch (problem.found) {
        case 'fifo':
          return vscode.l10n.t('{0} is a named pipe (FIFO), not a file: it is not read. Put the file itself in its place.', file);
        case 'device':
          return vscode.l10n.t('{0} is a device, not a file: it is not read. Put the file itself in its place.', file);
        case 'socket':
          return vscode.l10n.t('{0} is a socket, not a file: it is not read. Put the file itself in its place.', file);
        case 'directory':
          return vscode.l10n.t('{0} is a folder, not a file: it is not read. Put the file itself in its place.', file);
        case 'other':
          return vscode.l10n.t('{0} is not a plain file: it is not read. Put the file itself in its place.', file);
      }
      break;
    case 'tooLarge':
      return vscode.l10n.t(
        '{0} is larger than {1} MB, more than such a file ever holds: it is not read.',
        file,
        problem.cap / (1024 * 1024),
      );
    case 'link':
      switch (problem.why) {
        case 'refused':
          return vscode.l10n.t(
            '{0} is a link: this file is read only as a plain file, never through a link. Put the file itself in its place.',
            file,
          );
        case 'outside':
          return vscode.l10n.t(
            '{0} is a link to a place outside the cases folder: it is not followed. Put the file itself in its place.',
            file,
          );
        case 'notAFile':
          return vscode.l10n.t('{0} is a link to something that is not a file: it is not followed.', file);
        case 'dangling':
          return vscode.l10n.t('{0} is a link to a file that does not exist.', file);
      }
      break;
    case 'changing':
      return vscode.l10n.t('{0} changed while it was read: it is being written. Try again once it is saved.', file);
    case 'notUtf8':
      return vscode.l10n.t('{0} is not UTF-8 text: save it as UTF-8 (VS Code: "Save with Encoding").', file);
    case 'unreadable':
      return vscode.l10n.t('{0} cannot be read ({1}).', file, problem.detail);
  }
}

/** "submission.json in this case folder is not a record of this extension (why)." */
export function describeBrokenRecord(problem: RecordProblem): string {
  return vscode.l10n.t('submission.json in this case folder is not a record of this extension ({0}).', describeRecordProblem(problem));
}

/** Why submission.json is not a record to go by, in words: the part inside "…is not a record of this extension (…)". */
export function describeRecordProblem(problem: RecordProblem): string {
  switch (problem.code) {
    case 'notJson':
      return vscode.l10n.t('it is not valid JSON: {0}', problem.detail);
    case 'notARecord':
      return vscode.l10n.t('it is not a submission record of this extension');
    default:
      return describeReadProblem('submission.json', problem);
  }
}

/**
 * Why a case's lock cannot be taken, as sentences: who holds it (when readable) and until when it is waited for,
 * or what stands at its name and what to check before deleting it.
 */
export function describeLockBusy(busy: LockBusy): string {
  const file = busy.file;
  const owner = busy.owner;
  const check = vscode.l10n.t('If no VS Code window on any computer works on this case, delete {0}.', file);
  switch (busy.state) {
    case 'lost':
      return vscode.l10n.t('This window lost the case to another one while it was asleep; nothing more was sent.');
    case 'folder':
      return vscode.l10n.t('{0} is a folder, where this extension keeps its lock file: look at what it holds, then remove it.', file);
    case 'link':
      return vscode.l10n.t('{0} is a link, where this extension keeps its lock file (it never makes a link): remove the link.', file);
    case 'notAFile':
      return vscode.l10n.t('{0} is not a file (a pipe, socket or device), where this extension keeps its lock file: remove it.', file);
    case 'damaged':
      return `${vscode.l10n.t('{0} cannot be read as a lock of this extension (empty or cut short); it is taken over if it stays unchanged until {1}.', file, formatDateTime(busy.takeOverAt ?? ''))} ${check}`;
    case 'held':
      break;
  }
  if (!owner) return vscode.l10n.t('Another submission of this case is starting.');
  const where =
    owner.host === os.hostname()
      ? vscode.l10n.t('in this or another VS Code window on this computer')
      : vscode.l10n.t('on the computer "{0}"', owner.host);
  const held = (() => {
    switch (owner.purpose) {
      case 'submit':
        return vscode.l10n.t('A submission of this case is running {0} (since {1}).', where, formatDateTime(owner.startedAt));
      case 'refresh':
        return vscode.l10n.t('The status of this case is being refreshed {0}.', where);
      case 'caseId':
      case 'setAside':
      case 'record':
        return vscode.l10n.t('The record of this case is being changed {0}.', where);
      case 'letter':
        return vscode.l10n.t('A letter of this case is being written {0}.', where);
      default:
        return vscode.l10n.t('This case is being worked on {0} (since {1}).', where, formatDateTime(owner.startedAt));
    }
  })();
  if (!busy.takeOverAt || owner.host === os.hostname()) return held;
  // Another computer's process cannot be asked: its lock is waited for while its heartbeat goes on.
  return `${held} ${vscode.l10n.t('If it stops being renewed, it is taken over at {0}.', formatDateTime(busy.takeOverAt))} ${check}`;
}

/** How many cases a run's confirmation names one by one; the rest are counted. */
const LISTED_IN_CONFIRMATION = 12;

/** The cases a bulk command is about to work on, for its confirmation: `name (debtor · amount)`, then "(and 28 more)". */
export function confirmationList(items: readonly { readonly label: string; readonly description?: string }[]): string[] {
  const listed = items.slice(0, LISTED_IN_CONFIRMATION).map((item) => `${item.label} (${item.description})`);
  if (items.length > listed.length) listed.push(vscode.l10n.t('(and {0} more)', items.length - listed.length));
  return listed;
}

/** tilbago's rate as a reader writes it: "5.0" → 5, "4.750" → 4.75. */
const formatRate = (rate: string) => String(Number(rate));

/** The interest the claims carry, for a confirmation: "5% since 03.09.2026"; "none" when no claim carries any. */
export function describeInterest(interests: readonly ClaimInterest[]): string {
  if (interests.length === 0) return vscode.l10n.t('none claimed');
  return interests
    .map((interest) =>
      interest.from
        ? vscode.l10n.t('{0}% since {1}', formatRate(interest.rate), formatSwissDate(interest.from))
        : vscode.l10n.t('{0}% (no start date)', formatRate(interest.rate)),
    )
    .join('; ');
}

/** The office's fee as an estimate, with who pays it first and who owes it. */
export function describeOfficeFee(rappen: number): string {
  return vscode.l10n.t('about {0}, advanced to the debt collection office, owed by the debtor', formatChf(rappen));
}

/** What the fee is based on, and tilbago's own price: named, not guessed. */
export function officeFeeBasis(): string {
  return vscode.l10n.t(
    "An estimate by {0} with the offices' postage (checked {1}); some offices charge a little more. tilbago's own price per filing is on its price list: {2}",
    OFFICE_FEE_BASIS.ordinance,
    formatSwissDate(OFFICE_FEE_BASIS.checkedOn),
    OFFICE_FEE_BASIS.tilbagoPrices,
  );
}

/** An invoice old enough for its claim to be time-barred: a warning, never a block. */
export function describeLimitation(invoiceDate: IsoDate): string {
  return vscode.l10n.t(
    'The invoice of {0} is more than 5 years old: many trade claims are time-barred after 5 years (art. 128 OR), others after 10 (art. 127); a complete request interrupts it',
    formatSwissDate(invoiceDate),
  );
}
