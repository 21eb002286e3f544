// The public API that `activate()` returns, for other extensions and local invoicing integrations:
//
//   const api = await vscode.extensions.getExtension<TilbagoApi>('swiss-invoicing.tilbago-debt-collection')!.activate();
//
// It never exposes the API key, only whether one is set.
import type * as vscode from 'vscode';
import type { IsoDate } from './shared/dates';
import type { Language } from './shared/languages';
import type { LetterInvoice, Placeholder, ReminderLetter } from './reminders/letter';
import type { LetterDebtor } from './reminders/salutation';
import type { ReminderDates, ReminderSchedule, ReminderStage } from './reminders/schedule';
import type { CreditorSettingValues, ThirdReminderSettings } from './settings/schema';
import type { SubmissionRecord } from './cases/model/record';
import type { SubmitOutcome } from './cases/model/submission';

export type {
  CreditorSettingValues,
  IsoDate,
  LetterDebtor,
  LetterInvoice,
  Placeholder,
  ReminderLetter,
  ReminderDates,
  ReminderSchedule,
  ReminderStage,
  SubmissionRecord,
  ThirdReminderSettings,
};

/** A workspace folder, or a file or folder inside one. */
export type SettingsScope = vscode.WorkspaceFolder | vscode.Uri;

export interface TilbagoSettings {
  /** The third reminder's delays, letters and default language (`tilbago.thirdReminder.*`). */
  readonly thirdReminder: ThirdReminderSettings;
  /** Absolute path of the folder for the cases' files; `undefined` when not set, or relative with no folder to resolve it. */
  readonly casesFolder: string | undefined;
  /** Where tilbago's API is reached; taken from the user's settings only. */
  readonly apiBaseUrl: string;
  /** How long to wait for tilbago's answer; from the user's settings only. */
  readonly requestTimeoutSeconds: number;
  /** The creditor of the 3rd reminder letter and its QR-bill: each value checked on its own, '' when not set or not valid. */
  readonly creditor: CreditorSettingValues;
}

export type TilbagoChange =
  | { readonly kind: 'apiKey' }
  | {
      readonly kind: 'settings';
      /** Whether the change touches the settings of this folder or file (all of them when omitted). */
      affects(scope?: SettingsScope): boolean;
    };

export interface TilbagoApi {
  readonly apiVersion: 1;
  /**
   * The effective settings after validation: a broken or out-of-range value is replaced by a safe one
   * (and the user is warned), exactly as the extension itself uses them. Without a scope: the only open
   * folder, or the workspace level when several are open.
   */
  getSettings(scope?: SettingsScope): TilbagoSettings;
  /** Whether an API key is stored on this machine. */
  isApiKeySet(): Promise<boolean>;
  /** Fires when a `tilbago.*` setting changes or the API key is set or removed. */
  readonly onDidChange: vscode.Event<TilbagoChange>;
  /**
   * When the 3rd reminder is due and when the invoice becomes a litigation case, with the delays in effect for
   * the scope. Dates are `yyyy-mm-dd`. @throws RangeError for a date that is not a real `yyyy-mm-dd` date.
   */
  reminderSchedule(dates: ReminderDates, scope?: SettingsScope): ReminderSchedule;
  /** Where an invoice stands on `day` (`yyyy-mm-dd`), by the same rules. @throws RangeError as `reminderSchedule`. */
  reminderStage(dates: ReminderDates, day: IsoDate, scope?: SettingsScope): ReminderStage;
  /**
   * The 3rd reminder letter for an invoice in a language (`de`, `fr`, `it`, `en`): that language's text in effect
   * for the scope, or its built-in letter. Without a language: the one `tilbago.thirdReminder.defaultLanguage` chooses
   * for a debtor who names none, else German (never the display language). %TITRE% is the invoice's `salutation`,
   * else made for its `debtor` (case.json's debtor fits) in that language; without either, the language's form for
   * a company. Never throws.
   */
  renderReminderLetter(invoice: LetterInvoice, scope?: SettingsScope, language?: Language): ReminderLetter;
  /**
   * Files a case folder (`case.json`, `attachments/`) at tilbago, exactly as "Tilbago: Submit debt-collection
   * request" does, questions and messages included; never twice. Before a case is filed the user confirms it in a
   * modal (debtor, amount, attachments, host); pass `{ confirmFiling: false }` only when your own code has asked
   * its user already. Resolves to how it ended, or undefined when it could not start (no key, Restricted Mode).
   */
  submitCase(folder: vscode.Uri, options?: { readonly confirmFiling?: boolean }): Thenable<SubmitOutcome['kind'] | undefined>;
  /**
   * Asks tilbago for the status of every filed case and records it in their `submission.json`, with a cancellable
   * progress notification. `notUpdated`: cases left out because the user cancelled or tilbago stayed busy.
   */
  refreshStatuses(): Thenable<
    { readonly updated: number; readonly failed: number; readonly notUpdated: number; readonly cancelled: boolean } | undefined
  >;
  /** What `submission.json` records of a case folder: undefined when it was never submitted (or the record is not ours). */
  caseState(folder: vscode.Uri): Promise<SubmissionRecord | undefined>;
  /**
   * The 3rd reminder letter of a case folder (`case.json`, `reminders.json`) as the bytes of an A4 PDF with its
   * QR-bill, in the debtor's language, exactly as "Tilbago: Create the 3rd reminder letter" makes it; it is not
   * written anywhere. Rejects with a `ReminderLetterError` whose message says what to fix (a missing creditor
   * setting, a case.json or reminders.json problem, an invoice number no reference can be made from).
   */
  reminderLetterPdf(folder: vscode.Uri): Promise<Uint8Array>;
}

/** Why `reminderLetterPdf` made no letter. */
export type ReminderLetterErrorCode =
  | 'noCaseFile'
  | 'caseInvalid'
  | 'noReminders'
  | 'remindersInvalid'
  /** A creditor setting is missing or not valid: `settings` names them (`tilbago.creditor.account`). */
  | 'creditor'
  /** The letter text names a value reminders.json lacks, or a `%…%` that is not a placeholder. */
  | 'letterText'
  /** No payment reference can be made from the invoice number. */
  | 'reference'
  /** The debtor's address does not fit the QR-bill. */
  | 'qrBill';

/** The rejection of `reminderLetterPdf`: an Error with `name` "TilbagoLetterError", a code, and a message in the display language. */
export interface ReminderLetterError extends Error {
  readonly name: 'TilbagoLetterError';
  readonly code: ReminderLetterErrorCode;
  /** The settings to fix, as full keys; empty when the problem is in the case folder. */
  readonly settings: readonly string[];
}
