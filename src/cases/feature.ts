// The tilbago side: the case commands, Test connection, the UID check, and what the public API asks of the case
// records.
import type * as vscode from 'vscode';
import type { CaseCommand } from '../ids';
import { testConnection } from '../tilbago/testConnection';
import type { CaseServices } from './caseFolders';
import { checkUidCommand } from './commands/checkUid';
import { caseLetterPdf, createReminderLetter } from './commands/createLetter';
import { createDueLetters } from './commands/dueLetters';
import { enterCaseId } from './commands/enterCaseId';
import { newCase } from './commands/newCase';
import { openCaseFileOf, revealCaseFolder } from './commands/openCaseFiles';
import { recordThirdReminderCommand } from './commands/recordSent';
import { refreshStatus } from './commands/refreshStatus';
import { submitCase, type SubmitOptions } from './commands/submit';
import { letterDocuments, showReminderLetter } from './commands/showLetter';
import { submitAllReady } from './commands/submitAll';
import { validateAllCases } from './commands/validateAll';
import { CASE_FILE, REMINDERS_FILE } from './model/files';
import { isBroken, readRecord, type SubmissionRecord } from './model/record';
import { CaseProblems, isCaseFile } from './problems';

export function createCasesFeature(services: CaseServices) {
  const problems = new CaseProblems();
  const letters = letterDocuments(services);
  const handlers: Record<CaseCommand, (...args: unknown[]) => unknown> = {
    'tilbago.testConnection': () => testConnection(services),
    'tilbago.newCase': () => newCase(services),
    'tilbago.submitCase': (argument) => submitCase(services, argument, {}, problems),
    'tilbago.validateAllCases': () => validateAllCases(services, problems),
    'tilbago.submitAllReady': () => submitAllReady(services),
    'tilbago.enterCaseId': (argument) => enterCaseId(services, argument),
    'tilbago.refreshStatus': () => refreshStatus(services),
    'tilbago.checkUid': checkUidCommand,
    'tilbago.createReminderLetter': (argument) => createReminderLetter(services, argument),
    'tilbago.showReminderLetter': (argument) => showReminderLetter(services, argument),
    'tilbago.createDueLetters': () => createDueLetters(services),
    'tilbago.recordThirdReminderSent': (argument) => recordThirdReminderCommand(services, argument),
    'tilbago.openCaseFile': (argument) => openCaseFileOf(argument, CASE_FILE),
    'tilbago.openRemindersFile': (argument) => openCaseFileOf(argument, REMINDERS_FILE),
    'tilbago.revealCaseFolder': revealCaseFolder,
  };
  return {
    handlers,
    problems,
    isCaseFile: (uri: vscode.Uri) => isCaseFile(uri.fsPath, services.configuration.casesFolders()),
    submit: (folder: vscode.Uri, options: SubmitOptions = {}) => submitCase(services, folder, options, problems),
    /** The commands' work, typed, for the setup panel and the public API (not through the command bus). */
    testConnection: () => testConnection(services),
    refreshStatuses: () => refreshStatus(services),
    dispose: () => {
      problems.dispose();
      letters.dispose();
    },
    /** The 3rd reminder letter of a case folder as PDF bytes, written nowhere. @throws CaseLetterError */
    reminderLetterPdf: async (folder: vscode.Uri): Promise<Uint8Array> => (await caseLetterPdf(services, folder.fsPath)).bytes,
    async caseState(folder: vscode.Uri): Promise<SubmissionRecord | undefined> {
      const record = await readRecord(folder.fsPath);
      return isBroken(record) ? undefined : record;
    },
  };
}

export type CasesFeature = ReturnType<typeof createCasesFeature>;
